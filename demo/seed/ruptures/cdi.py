"""CDI c'est fini ! : scénario de rupture développé en atelier (cahier d'enjeux Questions Numériques 2012/2013)."""

SCENARIO = {
    "slug": "cdi-c-est-fini",
    "title": "CDI c'est fini !",
    "status": "developed",
    "summary": "Le CDI à plein temps cesse d'être la norme : pluriactivité, statuts indépendants et réseaux sociaux organisent les parcours, et il faut inventer un nouveau filet de sécurité.",
    "tags": ["travail", "pluriactivité", "flexibilité", "réseaux sociaux", "allocation universelle"],
    "narrative": [
        "Le contrat de travail à durée indéterminée et à plein temps n'a plus la cote. Face aux variations de plus en plus rapides des marchés, les entreprises en réduisent la proportion de toutes les manières possibles : CDD, intérim, externalisation, automatisation... Mais beaucoup de salariés, en particulier les plus jeunes et les plus qualifiés, préfèrent également d'autres formules. Les uns multiplient les emplois à temps partiel, voire les petits boulots, pour augmenter leurs revenus et réduire leur risque en cas de licenciement. Les autres choisissent d'organiser leur temps de manière à saisir toutes les opportunités, à concilier leurs différents centres d'intérêt. La pluriactivité se développe dans toutes les catégories sociales, depuis les « travailleurs pauvres » contraints de cumuler plusieurs jobs, jusqu'aux cadres qui développent des activités complémentaires en auto-entrepreneurs.",
        "Un nombre croissant de salariés bascule vers un statut libéral ou recourt au portage salarial, tout en travaillant au sein de petits collectifs d'indépendants. Ils cumulent contrats de travail, missions d'intérim, commandes, projets entrepreneuriaux, formation, activités bénévoles... Leur temps de travail rémunéré varie en fonction des missions, mais aussi de leurs autres engagements, de leur forme physique, des différents moments de leur vie. De leur côté, les entreprises se réorganisent autour de noyaux restreints de salariés stables, aux côtés desquels des collaborateurs viennent prendre place pour des missions spécifiques. Leurs bureaux se vident, sauf lors de périodes de surchauffe. Certaines entreprises réduisent leurs surfaces, d'autres les partagent et les rendent accessible aux travailleurs flexibles, même si ceux-ci n'ont aucun lien avec l'entreprise.",
        "Chaque individu devient responsable de développer et de valoriser son « employabilité ». Les réseaux sociaux jouent un rôle central. C'est par eux que l'on se fait connaître et que l'on trouve de quoi s'employer ; que l'on travaille au sein d'équipes projets, que l'on se forme réciproquement, que l'on s'échange des accréditations qui certifient nos compétences ; que l'on articule ses différentes activités et les cercles de relations qui vont avec...",
        "Si cette tendance convient bien aux « travailleurs du savoir » et à certains travailleurs manuels très qualifiés, son extension aux jeunes qui n'ont pas encore de réseaux, ainsi qu'aux travailleurs plus âgés et moins qualifiés, pose en revanche des problèmes majeurs. Il faut inventer un nouveau filet de sécurité. L'« allocation universelle », versée à chacun sans condition, devient d'actualité en Europe. En attendant, la tension monte entre travailleurs « stables », qui rêvent de la liberté des autres et payent leur sécurité d'horaires contraignants et de salaires peu attractifs, et les « flexibles » qui s'inquiètent du lendemain et, plus encore, de leur retraite.",
    ],
    "timeline": [
        {"year": 2013, "title": "Moins de 60 % de CDI", "text": "Pour la première fois, moins de 60% des actifs employés le sont via un CDI à temps plein."},
        {"year": 2014, "title": "Pôle Emploi et les cadres", "text": "Face à la montée en puissance des réseaux sociaux, Pôle Emploi annonce qu'il cessera de chercher des emplois pour les cadres."},
        {"year": 2015, "title": "Crise de l'immobilier de bureau", "text": "Crise d'adaptation dans l'immobilier de bureau, de plus en plus inadapté aux reconfigurations permanentes des collectifs de travail, à la montée de la pluri-activité et du travail à distance."},
        {"year": 2017, "title": "Bataille rangée à La Défense", "text": "Dans le quartier de La Défense, une bataille rangée oppose salariés stables à plein temps et travailleurs flexibles, chacun revendiquant le meilleur du statut de l'autre."},
    ],
    "sections": {
        "tendances-motrices": [
            "La recherche constante de flexibilité de la part des entreprises, renforcée par la crise.",
            "L'individualisation et la délinéarisation des parcours professionnels, associée à l'aspiration à «travailler autrement pour vivre autrement».",
            "L'évolution accélérée des métiers et des compétences.",
        ],
        "signes-avant-coureurs": [
            "Professionnalisation des usages des sites sociaux «grand public» (Facebook, Twitter...)",
            "Multiplication des sources de revenus complémentaires : crowdsourcing «professionnalisé» (Innocentive, Amazon Mechanical Turk...), «consommation collaborative», sites de «petits boulots» (Zaarly, TaskRabbit...), 2° et 3° jobs en Allemagne ou aux États-Unis...",
            "En 2011, une création d'entreprises sur deux est en statut d'auto-entrepreneur.",
            "Expériences d'«allocation universelle» en Alaska, en Inde, à Singapour...",
        ],
        "raisons-de-douter": [
            "Les individus comme les entreprises ont besoin de stabilité et de visibilité. Ils ont besoin de collectifs de travail qui produisent de la confiance, des habitudes, une culture commune. Ni les uns ni les autres n'ont intérêt à ce que toutes les relations humaines passent par le marché, sans durée ni construction commune.",
            "La majorité des salariés subissent le temps partiel et les contrats précaires, ils ne les choisissent pas. La généralisation de cette situation produirait des conflits sociaux graves.",
            "Trop de choses doivent changer pour que ce scénario devienne viable : l'organisation de toutes les entreprises, l'immobilier, le marché du travail, les filets de sécurité sociaux, la formation... D'autant que la concurrence internationale l'orientera vers plus de flexibilité, mais guère plus de sécurité.",
        ],
        "signaux-a-surveiller": [
            "Progression des CDD, du temps partiel, des auto-entrepreneurs (60% sont également salariés), des autres statuts indépendants, mais aussi du portage salarial, des contrats multi-employeurs...",
            "Croissance de l'engagement associatif, de l'entrepreneuriat social, du bénévolat, des réseaux d'échange de services et de la consommation collaborative.",
            "Développement et succès des espaces de travail «intermédiaires», coworking, télécentres, etc.",
        ],
        "qui-annonce": [
            "Lynda Gratton, The shift : the future of work is already here, Harper Collins 2011 – et blog «The Future of Work»",
            "Jeremy Rifkin, La fin du travail, La Découverte, 1996",
        ],
        "qui-est-concerne": [
            "Les individus, dont les itinéraires professionnels et les sources de revenus changent profondément.",
            "Les entreprises, qui ont souhaité une force de travail plus flexible mais doivent aussi s'y adapter.",
            "Les acteurs publics, qui doivent repenser les règles et les référentiels, leur rôle en matière de formation, d'emploi, de protection sociale, etc. – et qui sont, eux aussi, des employeurs.",
        ],
        "ce-qui-change": [
            "Les cadres traditionnels du travail explosent : Le contrat à durée indéterminée et à plein temps cesse d'être une référence, et même un objectif. Par choix, par obligation ou un peu des deux, une majorité d'individus travaille à temps partiel, sur des contrats courts, et cumule plusieurs emplois, missions et autres activités. La distinction entre travail salarié et indépendant, activités associatives, bénévolat, formation, etc., se brouille.",
            "Les cadres traditionnels du travail explosent : Les rythmes de vie s'individualisent de plus en plus, chacun cherchant à articuler au mieux les activités rémunératrices, le temps consacré à des passions ou des engagements et le temps familial.",
            "Les cadres traditionnels du travail explosent : On travaille toujours «à distance» de quelque chose et quelqu'un, même lorsqu'on est inséré dans une communauté de travail. Les individus multi-employés doivent disposer de leur propre équipement et pouvoir travailler où qu'ils se trouvent.",
            "Les compétence et le réseau, actifs-clés de l'individu : Le réseau forme la base à partir de laquelle on construit son itinéraire, on trouve des contrats, on travaille. Avec le temps, cette base offre plus de stabilité et permet de prendre plus de risques.",
            "Les compétence et le réseau, actifs-clés de l'individu : Les individus sont seuls responsables de leur développement professionnel. L'entraide y joue un rôle central : on forme pour être formé à son tour, on recommande quelqu'un pour être soi-même recommandé...",
            "Un effet domino sur : ... Les espaces de travail, qu'il faut réinventer pour s'adapter à la multiactivité, au turnover et à la très forte variabilité des effectifs en fonction des projets.",
            "Un effet domino sur : ... La formation et la recherche d'emploi «tout au long de la vie», dont on attend plus de mobilité et de transversalité, pour pouvoir plus aisément changer de métier ou exercer plusieurs activités à la fois.",
            "Un effet domino sur : ... Les systèmes sociaux, qui doivent offrir un filet de sécurité à des itinéraires de vies de plus en plus complexes et différenciés.",
        ],
        "souhaitable": {
            "Oui": [
                "Le modèle de l'entreprise-armée est dépassé pour tout le monde. Les entreprises ont besoin de réagir vite à la demande et, à moyen terme, d'anticiper des évolutions permanentes et rapides de leurs métiers et des compétences requises.",
                "Les individus aspirent à faire leur chemin eux-mêmes, à ne plus dépendre d'une hiérarchie, à diversifier leurs occupations économiques et non-économiques. Ils veulent choisir leur rythme de travail et de vie. Ils apprécient que la diversité de leurs compétences trouve à s'exprimer.",
                "Dans la mesure où les technologies rendent possible la rencontre de ces besoins et de ces aspirations, pourquoi s'en priver ?",
            ],
            "Non": [
                "Ce scénario élitiste ne fonctionne que pour quelques individus très intégrés, très qualifiés. Il plongera la majorité de la population dans une précarité invivable. En pratique, le travail se concentrera sur un petit nombre de «workaholics» surchargés, tandis que les autres mendieront du travail auprès d'entreprises qui n'investiront plus rien sur eux.",
                "Le travail tisse du lien social lorsqu'il se réalise dans des collectifs qui construisent une identité, une histoire, une pratique. Ici, il n'y a plus ni engagement, ni apprentissage réciproque, ni capitalisation : on est toujours relié, mais toujours seul. L'entreprise peut réaliser des économies à court terme, mais elle y perd une part de sa substance.",
                "La dépendance vis-à-vis des réseaux sociaux enferme l'individu dans ses « communautés ». Elle l'empêche de se réinventer. Quand elle ne favorise pas le clientélisme, le communautarisme et les oligarchies.",
            ],
        },
        "rendre-credible": [
            "Permettre l'exercice d'un réel choix en sécurisant les parcours professionnels discontinus, voire en assurant un revenu minimal de vie («allocation universelle»).",
            "Créer de nouvelles formes de solidarité et d'investissement sur le capital humain : droit personnel à la formation tout au long de la vie, formation et coaching réciproques et intergénérationnels, reconnaissance de toutes les expériences y compris bénévoles et associatives...",
            "Pouvoir maîtriser le rassemblement et la publication de ses informations professionnelles et de ses preuves de compétence, pour les valoriser différemment en fonction de ses activités («ePortfolio»).",
            "Des nouvelles structures-supports : réseaux d'indépendants, portage salarial, espaces de coworking, lieux de travail repensés...",
            "Une nouvelle forme de syndicalisme et de représentation collective, pour que les individus ne soient pas tout seuls face aux entreprises.",
            "Des règles, par exemple en termes de temps de travail maximum cumulé.",
        ],
        "opportunites": {
            "Pour une entreprise": [
                "Adapter plus rapidement les effectifs et le mix des compétences à la demande.",
                "Accueillir sans cesse des nouvelles idées, compétences et expériences, mobiliser les compétences collectives de réseaux de professionnels.",
                "Des collaborateurs plus efficaces parce qu'ils auront choisi leurs heures et lieux de travail, leurs outils, etc.",
                "Réduire la surface des bureaux, rentabiliser autrement les éventuelles capacités excédentaires.",
            ],
            "Pour un acteur public": [
                "En tant qu'employeur : Des opportunités similaires à celles des entreprises.",
                "En tant que stratège et régulateur : Permettre un développement significatif du télétravail, dont on espère des bénéfices et termes de qualité de vie, d'aménagement du territoire et d'environnement.",
                "En tant que stratège et régulateur : Fluidifier le fonctionnement du marché du travail et améliorer la compétitivité des entreprises.",
                "En tant que stratège et régulateur : Renforcer le lien social par le développement des réseaux et des activités associatives.",
            ],
        },
        "menaces": {
            "Pour une entreprise": [
                "Désorganisation permanente, rétrécissement de l'horizon stratégique.",
                "Dilution des collectifs de travail et avec eux de la culture des entreprises, des connaissances accumulées, de la relation avec certains clients...",
                "Montée du stress, des pathologies professionnelles, de la conflictualité.",
                "Des collaborateurs « mercenaires », sans attachement particulier à l'entreprise, pouvant même poser des problèmes de sécurité. Les meilleurs collaborateurs feront le « shopping » des entreprises, les mettront en concurrence.",
                "Transparence forcée, les collaborateurs occasionnels emportant avec eux toutes sortes d'informations.",
            ],
            "Pour un acteur public": [
                "En tant qu'employeur : Des risques similaires à ceux des entreprises.",
                "En tant que stratège et régulateur : Renforcement des inégalités face au travail, voire exclusion de fait d'une partie de la population active.",
                "En tant que stratège et régulateur : Difficulté accrue d'entrée dans le travail pour les jeunes et de maintien pour les plus âgés.",
                "En tant que stratège et régulateur : Conflits sociaux durs s'étendant au champ politique.",
                "En tant que stratège et régulateur : Délitement du lien social par le travail.",
            ],
        },
        "conditions-de-reussite": {
            "Pour une entreprise": [
                "Identifier de manière claire les fonctions qui ont besoin de stabilité, et les autres.",
                "Réorganiser le management pour tenir compte des nouvelles configurations de travail.",
                "Offrir aux salariés « stables » des opportunités de varier leurs activités et leurs rythmes, de travailler autrement...",
                "Garder le lien avec les collaborateurs occasionnels et les anciens collaborateurs.",
                "Savoir cartographier les compétences et les connaissances internes, ainsi que celles de son réseau.",
                "Nouer des relations denses avec les réseaux de professionnels proches des métiers de l'entreprise, leurs donner des perspectives à moyen terme.",
                "Faire évoluer les espaces de travail et leur économie (variabilité, partage des espaces...).",
                "Intégrer la diversité des formes de « télétravail » et de travail mobile dans l'organisation de l'entreprise.",
            ],
            "Pour un acteur public": [
                "En tant qu'employeur : Des situations proches de celles des entreprises, en tenant compte des conditions particulières de recrutement, de rémunération et de sous-traitance applicables au secteur public.",
                "En tant que stratège et régulateur : Redéfinir certains critères de la législation du travail : dépendance, mesure du temps de travail et de la performance, cumul d'emplois et de revenus, séparation vie professionnelle-vie privée, représentation des collaborateurs (au-delà des salariés)...",
                "En tant que stratège et régulateur : Généraliser la « flexisécurité ».",
                "En tant que stratège et régulateur : Réorganiser les dispositifs de formation tout au long de la vie, notamment en incluant la formation « de pair à pair » et en reconnaissant mieux les activités associatives et bénévoles.",
                "En tant que stratège et régulateur : Réorganiser les dispositifs publics d'aide à l'insertion professionnelle et à la recherche d'emploi, en tenant compte de l'importance prise par les réseaux.",
            ],
        },
    },
}
