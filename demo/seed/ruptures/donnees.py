"""Rendez-moi mes données ! : scénario de rupture développé en atelier (cahier d'enjeux Questions Numériques 2012/2013)."""

SCENARIO = {
    "slug": "rendez-moi-mes-donnees",
    "title": "Rendez-moi mes données !",
    "status": "developed",
    "summary": "Inspirées par le programme britannique MiData, entreprises et administrations restituent à leurs clients les données qu'elles détiennent sur eux ; un marché des services personnels de gestion de données émerge, non sans effets pervers.",
    "tags": ["données personnelles", "MiData", "VRM", "confiance", "self data"],
    "narrative": [
        "Augmenter le pouvoir d'achat des consommateurs en convaincant les entreprises de partager avec leurs clients toutes les informations personnelles dont elles disposent sur eux : tel est l'objectif du programme MiData que lance le gouvernement de David Cameron en 2011. Il faut toute la force de conviction du ministre pour faire adhérer les premières entreprises. Mais l'écho médiatique très positif rencontré par MiData les convainc qu'il y a là une piste à explorer.",
        "Pourtant, les premiers résultats n'ont rien de spectaculaire. Il s'avère plus difficile que prévu d'extraire les données des systèmes d'information des entreprises. Les restituer au bon client pose des problèmes de sécurité. Et les consommateurs ne savent pas bien que faire de cet afflux d'informations. Pire, certains commencent par s'indigner en réalisant tout ce que les entreprises savaient sur eux.",
        "La situation change quand des startups commencent à proposer de nouveaux outils et services qui permettent aux consommateurs de tirer parti de leurs données : mieux gérer son budget, réfléchir à son alimentation, évaluer son bilan carbone, organiser ses déplacements, comparer des offres et des tarifs, se rapprocher d'autres consommateurs pour acheter groupés... Un nouveau marché émerge : « entrepôts personnels de données », tableaux de bords, outils de gestion, de visualisation et de croisement des données, communication sécurisée avec les entreprises...",
        "Les entreprises, ainsi que certaines administrations, apprennent à vivre en partageant leurs données avec leurs clients et usagers. Elles y gagnent d'abord des informations de meilleure qualité, mises à jour directement par les individus. Ce qu'elles perdent en devenant plus transparentes, plus aisément comparables, elles le retrouvent en construisant une relation de confiance sur une base d'égalité que les consommateurs apprécient. Il faut cependant transformer le marketing, s'adapter à des relations pilotées par les clients, apprendre à répondre à des sortes d'appels d'offres. Tous les clients, toutes les entreprises, n'adhèrent pas à cette approche : la manière de gérer les données personnelles devient un facteur de différenciation concurrentielle.",
        "Parallèlement, des effets pervers se dessinent. Le regroupement d'autant d'informations sous la main des individus, associé à l'amélioration des outils d'analyse, crée des tentations. Certaines entreprises se livrent à un véritable chantage : sans données, pas de service ! Les individus n'ont pas tous les mêmes moyens de résister à ces pressions, ni de faire un usage efficace des données qu'ils détiennent. Un nouveau genre de contestation naît : grève des données, obfuscation, falsification délibérée des informations transmises aux entreprises... Le paysage des « données personnelles partagées » aura besoin de plusieurs années pour se stabiliser.",
    ],
    "timeline": [
        {"year": 2011, "title": "MiData", "text": "Dans le cadre du programme gouvernemental britannique MiData, 26 grandes entreprises s'engagent à restituer leurs données personnelles à leurs clients."},
        {"year": 2012, "title": "Une expérimentation française", "text": "10 entreprises françaises (banques, distributeurs, énergie...) et deux grandes villes engagent une expérimentation du même type."},
        # Year not printed in the source cahier (lost in layout): placed from the story's order.
        {"year": 2015, "title": "Facebook rend leurs données aux utilisateurs", "text": "Face aux polémiques qui se multiplient, Facebook décide de redonner à ses utilisateurs la possession de leurs données. Les autres réseaux sociaux, ainsi que Google, sont obligés de suivre."},
    ],
    "sections": {
        "tendances-motrices": [
            "La crise de la relation de confiance entre individus et organisations et l'inquiétude montante en matière de données personnelles.",
            "L'évolution des attentes des consommateurs et des citoyens vers une plus grande maîtrise de leur vie.",
            "La prise de conscience de la valeur partagée des données : « open data », « big data »...",
        ],
        "signes-avant-coureurs": [
            "Le mouvement Quantified Self : « Connais-toi toi-même par les chiffres. »",
            "Les réseaux de patients, tels PatientsLikeMe, qui recueillent auprès de leurs membres des données de santé pour contribuer à des recherches cliniques.",
            "Le développement des « coffres-forts numériques ».",
            "Les revendications en matière de « portabilité » des données confiées aux réseaux sociaux.",
            "Les projets gouvernementaux MiData au Royaume-Uni, « Smart Disclosure » aux Etats-Unis...",
        ],
        "raisons-de-douter": [
            "L'intérêt économique pour les entreprises n'apparaît pas clairement. Les bases de données marketing sont pour elles un actif-clé : elles n'accepteront jamais de les partager, y compris avec leurs clients s'ils peuvent ensuite en faire ce qu'ils veulent.",
            "Les consommateurs sont-ils vraiment demandeurs ? Ont-ils du temps à consacrer à l'analyse de leurs données ? Sauront-ils même le faire ? Ne risque-t-on pas, sous couvert d'aider les individus à gérer leurs données, de voir émerger des nouveaux intermédiaires qui captureront la relation clientèle ?",
            "Les données existent sous des formats très différents. Il sera difficile de les agréger sous le contrôle du client, et encore plus de faire dialoguer les nouveaux « systèmes d'information » des clients (qui seront eux-mêmes très divers) avec ceux des entreprises.",
        ],
        "signaux-a-surveiller": [
            "Les retours d'expérience du projet britannique MiData et la concrétisation de la volonté américaine de « Smart Disclosure ».",
            "Les initiatives autonomes d'entreprises, d'associations et de territoires en matière de restitution des données personnelles aux individus.",
            "L'essor d'entreprises, d'applications et d'usages du « Quantified Self » et du « VRM ».",
        ],
        "qui-annonce": [
            "« Better Choices, Better Deals », rapport du gouvernement britannique, 2011",
            "Daniel Kaplan, Informatique, libertés, identités, Fyp Editions, 2010",
            "Le « ProjectVRM » piloté par Doc Searls",
            "La communauté « Quantified Self »",
        ],
        "qui-est-concerne": [
            "Les individus, qui peuvent retrouver du pouvoir dans leur relation avec les organisations.",
            "Les entreprises et les administrations détentrices de données personnelles, qui engagent une véritable révolution de leur relation avec leurs clients ou usagers.",
            "Les entrepreneurs, qui voient s'ouvrir un marché entièrement vierge des « services personnels de gestion de données ».",
            "Les pouvoirs publics, à la fois force d'impulsion, régulateurs et eux-mêmes détenteurs de données personnelles.",
        ],
        "ce-qui-change": [
            "Un retournement de la relation entre les individus et les organisations : Le partage des données personnelles avec les clientsrompt avec des décennies pendant lesquelles les organisations se sont dotées de capacités sans cesse croissantes de capter, agréger, traiter et échanger des données personnelles, sans rien restituer aux individus.",
            "Un retournement de la relation entre les individus et les organisations : Il s'agit donc d'outiller les individus en leur donnant à la fois de l'information (leurs données détenues par les organisations, mais aussi celles qu'ils ajouteront eux-mêmes), la capacité de les exploiter à leurs propres fins, et des outils pour maîtriser leurs relations avec les organisations. Le « CRM » (Customer relationship management), côté entreprise, se complète côté client d'un « VRM » (Vendor relationship management).",
            "L'émergence d'un nouveau marché : les services personnels de gestion de données : Pour rendre ces données exploitables, il faut que les individus accèdent à des outils et des services qui leur permettent de récupérer, stocker, analyser, exploiter et échanger leurs données, d'une manière aisée et sûre. Ces outils et services n'existent pour ainsi dire pas : tout est à inventer.",
            "Des questions nouvelles à traiter : Du côté des organisations : combien ça coûte, qui paye, quels sont les bénéfiques, quels sont les risques ?",
            "Des questions nouvelles à traiter : Du côté des individus : comment ça marche, qu'est-ce que ça m'apporte, combien ça me coûte ? Et si ça ne m'intéresse pas ?",
            "Des questions nouvelles à traiter : Du point de vue de la société : quels nouveaux risques, comment éviter de nouveaux abus de pouvoir ?",
        ],
        "souhaitable": {
            "Oui": [
                "L'asymétrie croissante des relations entre les individus et les organisations détruit la confiance, l'engagement et la fidélité. En distribuant aux individus de l'information (leur information), on leur redonne de l'autonomie et des capacités d'agir. C'est le sens de l'histoire de l'internet depuis ses débuts!",
                "Le partage des données personnelles rendra les marchés plus efficaces. Il facilitera la comparaison entre des offres de plus en plus complexes, il permettra aux consommateurs d'exprimer plus clairement leurs attentes. En utilisant leurs données à leurs propres fins, les individus deviendront plus conscients de la valeur de leurs données et prendront une part plus active à leur propre protection. En rassemblant des données de très nombreuses sources, voire en les complétant eux-mêmes, ils constitueront des gisements d'information qui pourraient faire émerger des connaissances entièrement nouvelles.",
                "Enfin, le marché naissant des services personnels de gestion des données constitue une nouvelle opportunité de croissance.",
            ],
            "Non": [
                "Le partage des données personnelles mettra les entreprises en danger, tout en créant une fausse symétrie avec les consommateurs. En livrant ce qui constitue pour elles un actif stratégique, les entreprises perdront un atout concurrentiel majeur. Elles céderont le pouvoir à de nouveaux intermédiaires, probablement venus du web.",
                "De leur côté, les individus ne sauront pas exploiter les masses d'information qu'ils récupéreront et s'en remettront vite à de nouveaux « tiers de confiance », dont les pratiques ne seront ni plus vertueuses, ni plus transparentes que celles des entreprises aujourd'hui. La restitution des données aux consommateurs posera par ailleurs des problèmes de sécurité redoutables, créant un nouveau risque juridique pour les entreprises.",
                "Au mieux, une petite frange d'individus actifs et compétents deviendront des consommateurs experts, tandis que la masse des autres se trouvera moins protégée, moins capable de faire valoir ses droits.",
            ],
        },
        "rendre-credible": [
            "Faire du partage des données personnelles une pratique partagée par la majorité des entreprises et des administrations. Au besoin, envisager (comme le gouvernement britannique) un débouché réglementaire au terme des expérimentations.",
            "Concrétiser la valeur du partage des données personnelles pour les entreprises qui les détiennent aujourd'hui : qualité des données, confiance et fidélité, nouvelles formes de marketing et de relation commerciale, nouveaux services...",
            "Faire émerger rapidement : Des outils et des services de gestion et d'exploitation des données personnelles destinés aux individus : entrepôts de données sécurisés, représentation et exploitation des données, échanges avec les entreprises et les administrations...",
            "Faire émerger rapidement : Des standards d'échange et de sécurisation des données personnelles, qui s'imposeraient de fait aux offreurs d'outils et de services comme aux éditeurs de logiciels de CRM.",
            "Anticiper les risques : Juridiques : responsabilité, propriété, portabilité, sécurité des données, usages autorisés, vérification du consentement...",
            "Anticiper les risques : Économiques : répartition des coûts et de la valeur, protection des actifs immatériels de l'entreprise (informations commerciales, algorithmes...), captation du marché...",
            "Anticiper les risques : Techniques : standards et formats, interopérabilité, portabilité, sécurité...",
        ],
        "opportunites": {
            "Pour une entreprise": [
                "Recréer de la confiance et de la fidélité.",
                "Améliorer la qualité des bases de données marketing, les clients ayant désormais intérêt à mettre à jour leurs données, puisqu'ils en font eux-mêmes usage.",
                "Un marketing moins « divinatoire » : en disposant d'une vue « à 360° » de ses propres données, les clients peuvent prendre l'initiative de formuler des demandes plus précises, en transmettant si nécessaire des informations dont l'entreprise n'aurait auparavant jamais eu connaissance.",
                "Se positionner sur les nouveaux services personnels de gestion des données.",
            ],
            "Pour un acteur public": [
                "En tant que fournisseur de services publics : Transformer la relation entre les citoyens et les services publics.",
                "En tant que fournisseur de services publics : Faciliter l'accès aux droits.",
                "En tant que stratège et régulateur : Renforcer la transparence des marchés et la concurrence.",
                "En tant que stratège et régulateur : Accroître la confiance entre entreprises et consommateurs.",
                "En tant que stratège et régulateur : Positionner suffisamment tôt les entreprises sur une révolution qui s'engage déjà ailleurs dans le monde.",
            ],
        },
        "menaces": {
            "Pour une entreprise": [
                "Partager sans contrepartie évidente des informations marketing de grande valeur, au risque que la concurrence en bénéficie.",
                "Ouvrir la voie à de nouveaux intermédiaires qui pourraient capturer la relation clients.",
                "Dévoiler ses pratiques de collecte de données à des clients qui pourraient ne pas les comprendre.",
                "Ne pas savoir s'adapter aux nouvelles pratiques de consommateurs mieux informés et outillés.",
                "Prendre des risques techniques et juridiques en matière de sécurité des données transmises aux clients.",
                "Complexifier le système d'information.",
            ],
            "Pour un acteur public": [
                "En tant que fournisseur de service : risques similaires à ceux des entreprises.",
                "En tant que stratège et régulateur : problèmes de sécurité et d'équilibre des pouvoirs.",
                "Nouveaux risques d'abus : chantage aux données, capture, transmission de données erronées...",
                "Émergence de nouveaux monopoles dans la relation clientèle.",
            ],
        },
        "conditions-de-reussite": {
            "Pour une entreprise": [
                "Prendre de l'avance : expérimenter tôt, surveiller les expériences internationales.",
                "Explorer et tester dès le départ les manières de tirer bénéfice du partage des données personnelles avec les clients : nouvelles approches marketing, amélioration de la qualité des données, nouveaux services...",
                "Recenser les données clients dont dispose l'organisation, en profiter pour les sortir de leurs silos (dans le respect de la loi!), mesurer à la fois leur intérêt pour les clients, leur coût de mise à disposition, les risques associés...",
                "Nouer des partenariats avec l'écosystème des services personnels de gestion des données.",
                "Intégrer le partage des données personnelles dès la conception de nouveaux outils de gestion de la relation clientèle.",
                "Intervenir dans les organisations professionnelles pour inciter d'autres entreprises à s'engager dans la voie du partage des données personnelles.",
            ],
            "Pour un acteur public": [
                "Jouer un rôle leader dans la mobilisation autour du partage des données personnelles : communiquer autour des enjeux ; mobiliser les entreprises et les associations de consommateurs ; donner l'exemple en restituant leurs données personnelles aux administrés ; agir au niveau européen pour mettre le sujet à l'agenda.",
                "Organiser un travail prospectif et collectif pour anticiper les risques en termes de vie privée, d'abus de faiblesse, de concurrence...",
            ],
        },
    },
}
