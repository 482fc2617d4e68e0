"""Éducation, de l'implosion à la reconstruction : scénario de rupture développé en atelier (cahier d'enjeux Questions Numériques 2012/2013)."""

SCENARIO = {
    "slug": "education-de-l-implosion-a-la-reconstruction",
    "title": "Éducation, de l'implosion à la reconstruction",
    "status": "developed",
    "summary": "La misère de l'Éducation nationale et l'ennui des « digital natives » font imploser le modèle scolaire ; parents, entreprises et associations reconstruisent d'autres formes d'éducation, au prix de nouvelles inégalités que l'État tente ensuite d'encadrer.",
    "tags": ["éducation", "home schooling", "ressources pédagogiques en ligne", "inégalités"],
    "narrative": [
        "La misère de l'Éducation Nationale et l'ennui que les « digital natives » y ressentent dans leurs classes de 40, provoquent une cassure. Ceux qui le peuvent fuient vers le secteur privé, en particulier vers les formes alternatives d'éducation, qui se trouvent à leur tour vite asphyxiées. Le « home schooling » se développe, aidé par l'abondance et la qualité croissante des ressources pédagogiques en ligne. Mais la déscolarisation des adolescents devient également préoccupante.",
        "Face à la situation, plusieurs initiatives se développent. Des écoles nouvelles apparaissent avec l'aide d'entreprises et d'associations. Des professeurs lassés rejoignent ces établissements parallèles. Dans les cas les plus extrêmes, des commandos de parents forcent la porte des collèges et lycées, parfois avec la complicité des enseignants.",
        "Venant chacun avec leur ordinateur, ils réquisitionnent salles de permanence, CDI, gymnases, pour y organiser des ateliers, y faire de l'assistance pédagogique ou encore, projeter des cours tirés du meilleur du web.",
        "Quelques années plus tard, à moyens presque constants, l'organisation scolaire a profondément changé. Les cours magistraux sont délivrés en amphis, voire à distance : chaque élève peut choisir son prof d'histoire ou de maths, sous réserve d'en suivre régulièrement les cours. Les travaux dirigés, qui enseignent des méthodes et appliquent les connaissances, s'organisent du coup avec des effectifs beaucoup plus réduits. Des parents, voire des élèves des classes supérieures, y assistent souvent les enseignants. Des projets longs encouragent les élèves à collaborer ensemble, entre plusieurs établissements ; les outils numériques qu'ils utilisent savent mesurer à la fois la qualité du travail collectif, et la contribution de chacun.",
        "Cependant, des inégalités se creusent devant l'enseignement, le contenu pédagogique de certaines écoles se révélant parfois trop expérimental et d'autres fois, carrément douteux ou sectaire. L'évaluation de la qualité d'un établissement devient difficile, les critères se multipliant selon les méthodes adoptées et les objectifs choisis. L'argent joue un rôle de plus en plus important dans le choix d'un établissement.",
        "Face à la croissance des inégalités et aux risques de disparition du tronc commun de l'éducation, l'État tente de reprendre l'initiative. Il ne dispose pas des moyens de revenir en arrière. En revanche il cherche à s'imposer comme validateur des contenus des enseignements et à assurer l'égalité des élèves devant l'éducation. Chaque établissement garde cependant le choix de ses propres méthodes pédagogiques.",
    ],
    "timeline": [
        # Year not printed in the source cahier (lost in layout): placed from the story's order.
        {"year": 2016, "title": "Des cours à distance au choix", "text": "Les élèves de lycée sont autorisés à suivre les cours disciplinaires de leur choix à distance, sous réserve de prouver leur assiduité et de participer aux TD."},
    ],
    "sections": {
        "tendances-motrices": [
            "Crise budgétaire du système éducatif",
            "Le système traditionnel d'enseignement n'est plus adapté aux pratiques des « digital natives », ni aux conditions du monde du travail",
            "Développement des infrastructures numériques, des applications et ressources disponibles",
        ],
        "signes-avant-coureurs": [
            "Dans certaines écoles, on utilise les outils sociaux de l'internet (blogs, Facebook, Twitter) dans le cadre pédagogique. Dans certains lieux éloignés (Finlande, îles...), on marie des cours vidéo à distance à des classes présentielles.",
            "L'expérimentation de l'évaluation par compétences est menée dans certains établissements.",
            "Les ressources éducatives en ligne se multiplient et leurs usages se développent.",
            "Aux États-Unis et ailleurs, des écoles d'un nouveau genre comme les charter schools importent dans l'éducation des méthodes et des critères issus de l'entreprise. L'école publique « Quest 2 Learn » à New York, fonde, elle, sa pédagogie sur les moteurs du jeu vidéo : la quête, la coopération, l'essai-erreur, etc.",
            "Le home schooling progresse aux États-Unis.",
        ],
        "raisons-de-douter": [
            "Ce scénario qui annonce un accroissement des inégalités, ainsi qu'une diversification forte des formes et des objectifs de l'éducation, fera face à une violente opposition. Ne pas sous-estimer la capacité de résistance de l'institution, ainsi que de la majorité du corps enseignant.",
            "On peut douter que les parents soient prêts à s'impliquer autant dans l'éducation de leurs enfants : la tendance semble plutôt être au désengagement, et la plupart des parents n'auront pas de temps pour le faire. Par ailleurs, comment les familles pourront-elles choisir l'école de leurs enfants si l'offre se diversifie à ce point ?",
            "Les modèles d'éducation à distance, et même l'usage du numérique dans l'enseignement scolaire, n'ont pas pour l'instant produit des résultats manifestement meilleurs (ni pires) que l'éducation traditionnelle.",
        ],
        "signaux-a-surveiller": [
            "La réduction des budgets de l'éducation et du nombre de postes, ainsi que les réactions des enseignants, élèves et parents à cette tendance : fuite, révolte, passivité, construction d'alternatives ?",
            "L'évolution de l'offre et de la demande d'enseignement alternatif (en ligne ou non), la progression du « home schooling », celle des services de soutien scolaire.",
            "La croissance du nombre de sites web à vocation éducative...",
        ],
        "qui-annonce": [
            "Ken Robinson, Out of Our Minds : Learning to be Creative, Capstone/Wiley, 2e édition, 2011",
            "Mitchell Resnick, directeur du Lifelong Kindergarten Group du MIT Média Lab",
            "Salman Khan, fondateur de la Khan Academy",
            "L'Institute of Play avec Katie Salen",
            "Le Viewpoint Research Institute avec Alan Kay...",
        ],
        "qui-est-concerne": [
            "Les enfants et leurs parents.",
            "Tous les professionnels de l'éducation.",
            "Les institutions nationales et les collectivités locales.",
            "Les entreprises du numérique, conviées à outiller les transformations, mais placés face à une demande très dispersée et pas toujours solvable.",
            "Les autres entreprises, conviées à prendre part à l'offre d'éducation, mais également soupçonnées quand elles le font.",
        ],
        "ce-qui-change": [
            "Implosion du modèle éducatif dominant, attaqué de toute part et confronté à un manque chronique de ressources.",
            "Diversification explosive des offres d'enseignement, renforcement des inégalités face à l'éducation. Le choix devient de plus en plus difficile pour les familles.",
            "Séparation progressive entre enseignement magistral des disciplines (de plus en plus réalisé en ligne), enseignement des méthodes, travaux dirigés ou pratiques, projets...",
            "Nouveaux agencements entre enseignement présentiel, travaux collaboratifs, enseignements à distance et « home schooling ».",
            "Repositionnement difficile et contraint du ministère de l'Éducation autour de la formation des enseignants, de l'évaluation, la labellisation et la validation, de la capitalisation d'expérience...",
        ],
        "souhaitable": {
            "Oui": [
                "Ce scénario prend acte, à la fois de l'insuffisance des ressources que la collectivité consacre à l'éducation dans sa forme actuelle, et de l'inadaptation de cette forme au monde d'aujourd'hui.",
                "Il accouche, certes dans la souffrance, d'autres formes d'éducation, plus adaptées à la diversité des jeunes. Celles-ci impliquent de manière plus profonde les élèves, les enseignants, les parents, voire d'autres acteurs de la société. Elles encouragent la collaboration, le croisement des disciplines, l'apprentissage par le « faire » et entre pairs. Elle ne néglige pas pour autant les « savoirs fondamentaux », mais inclut parmi eux le savoir apprendre, le savoir collaborer, le savoir transmettre.",
                "Le système éducatif qui en résulte est plus divers, mais pas forcément plus inégal que celui d'aujourd'hui. D'une part, il s'adapte mieux aux différentes manières d'apprendre, aux différentes aspirations des enfants. D'autre part, en concentrant les ressources sur certains moments éducatifs, en associant d'autres acteurs, il permet de dégager des ressources pour aider plus ceux qui en ont vraiment besoin.",
            ],
            "Non": [
                "Ce scénario pousse à l'extrême la crise de l'éducation en espérant qu'un mieux en sortira comme par magie. Il produira une explosion des inégalités et une baisse quasi-générale du niveau de connaissance. Il fera disparaître ce qu'il restait de creuset commun dans l'école, tant du point de vue des connaissances et des valeurs, que de celui du frottement entre les origines sociales.",
                "Chacun sera scolarisé dans sa communauté d'origine, avec des moyens qui dépendront de ceux de ses parents. L'enseignement reçu différera en qualité, mais aussi sur le fond. À partir de quel âge osera-t-on expliquer aux enfants des « quartiers » qu'il vaut mieux pour eux ne pas s'essayer aux matières trop abstraites ?",
                "La culture de l'effort cèdera la place à une attitude de consommateurs, des parents comme des élèves. Si l'école ne plaît pas, on en changera ; pareil pour les enseignants. Sous le prétexte d'utiliser des outils modernes, on permettra aux élèves de zapper, de trouver sans les soumettre à la critique des réponses toutes faites dans les moteurs de recherche. Certains parents investiront sur leur enfant [parfois même trop], d'autres non. La société, elle, se désengage.",
            ],
        },
        "rendre-credible": [
            "Agir plutôt que subir : expérimenter rapidement de nouveaux agencements de moyens, de nouvelles formes d'éducation, de nouveaux rythmes...",
            "Encourager sous différentes formes l'intervention dans l'éducation des parents, de professionnels, d'associations et d'autres élèves, pour compléter et aider le travail des enseignants.",
            "Rechercher une réelle et « juste » place pour l'ordinateur et l'internet dans l'éducation, en insistant par exemple sur l'accès aux cours magistraux du monde entier, ainsi que sur la production collaborative.",
            "Encourager et évaluer des expériences : et si, par exemple, les élèves et leurs enseignants produisaient chaque année eux-mêmes leur manuel ?",
            "Sur cette base, soutenir l'équipement numérique des familles (sous condition de ressources) et développer fortement celui des établissements, sans en prescrire de manière trop précise les usages.",
            "Favoriser le développement et/ou la labellisation de ressources pédagogiques francophones en ligne, y compris celles produites par des élèves ou des enseignants.",
            "Retravailler le « socle commun de connaissances » pour y inclure certaines méthodes d'apprentissage et de travail, numériques et non numériques. Faire de ce socle commun élargi la base de la reconnaissance de toute offre pédagogique alternative.",
            "Favoriser les projets inter-écoles, inter-disciplines.",
            "Réduire l'inégalité face à la nouvelle offre éducative : conseils personnalisés d'orientation, bourses, internats, enseignement « hors les murs » pour des établissements très demandés...",
            "Développer des dispositifs ouverts et publics de validation et d'évaluation des offres pédagogiques, tout en reconnaissant la diversité des pratiques et des objectifs.",
            "Casser les programmes et les examens monolithiques, identiques pour tous : raisonner dès l'enseignement secondaire en « crédits » d'enseignement.",
        ],
        "opportunites": {
            "Pour une entreprise": [
                "Pour les entreprises du numérique : développement du marché de l'éducation.",
                "Pour les grandes entreprises : participer au financement au fonctionnement d'établissements d'enseignement dans leur bassin d'emploi.",
                "Pour les entreprises innovantes, quelles qu'elles soient : Imaginer des contenus, outils, services adaptés aux nouvelles offres d'enseignement.",
                "Pour les entreprises innovantes, quelles qu'elles soient : Confier des projets à des classes (enquêtes, tests, exercices créatifs...).",
            ],
            "Pour un acteur public": [
                "Au niveau national : Faire mieux (ou au moins, aussi bien) avec des moyens de plus en plus contraints.",
                "Au niveau national : Retrouver un rôle stratégique, tourné vers l'avenir, plutôt que de gérer la pénurie.",
                "Au niveau local : Gagner une plus grande latitude d'intervention, y compris en matière pédagogique : pouvoir, par exemple, imaginer des écoles ancrées dans la culture locale – mais au risque du communautarisme ?",
                "Au niveau local : Organiser autrement la localisation des enseignements, valoriser d'autres lieux d'apprentissage tels que les musées, médiathèques, sites culturels, lieux de travail...",
            ],
        },
        "menaces": {
            "Pour une entreprise": [
                "Fragmentation et instabilité du marché de l'éducation, qui devient un marché dynamique mais risqué, marqué par attentes à la fois très fortes et très contradictoires, sans référentiels stables.",
                "Dénonciation virulente, et pas toujours infondée, des motivations et des modalités de l'intervention des entreprises dans l'éducation.",
                "On ne peut plus se fier aux diplômes pour embaucher, puisque les méthodes et les contenus varient trop.",
            ],
            "Pour un acteur public": [
                "Une école éclatée, très inégale, communautarisée, qui contribue encore moins qu'aujourd'hui à la mixité sociale.",
                "Grand écart entre écoles des ghettos et écoles « globales » gérées par des entreprises spécialisées.",
                "Sous la pression des entreprises, développement de formations utilitaristes, orientées vers la demande à court terme du marché du travail, qui ne produit plus ni des citoyens, ni des individus autonomes.",
                "Accentuation de la dévalorisation (voire de la précarisation) du métier d'enseignant.",
            ],
        },
        "conditions-de-reussite": {
            "Pour une entreprise": [
                "Recrutement et formation : Revoir les critères de recrutement pour tenir compte de la plus grande diversité des formes d'éducation.",
                "Recrutement et formation : Apprendre à repérer et valoriser les compétences informelles, à l'échelle des individus comme des organisations (ePortfolio)",
                "Technologies pour l'éducation : Préférer des technologies aussi génériques que possible à des technologies dédiées à l'éducation",
                "Technologies pour l'éducation : Standards ouverts, services interopérables, contenus portables, licences ouvertes ou « libres »...",
                "Une intervention « citoyenne » et modeste des entreprises dans les écoles, qui tient compte du besoin de former des générations capables d'apprendre et douées de créativité, plutôt que de besoins spécifiques à court terme.",
            ],
            "Pour un acteur public": [
                "Jouer un rôle leader dans la transformation : Imposer un « socle commun de connaissances » revu et mis à jour.",
                "Jouer un rôle leader dans la transformation : Favoriser les expérimentations innovantes.",
                "Jouer un rôle leader dans la transformation : Créer et appliquer des critères exigeants d'évaluation et de validation, et rendre les évaluations publiques.",
                "Agir en protecteur des élèves : Garantir leur mobilité, la réversibilité de leurs choix.",
                "Agir en protecteur des élèves : Empêcher les recrutements sur critères sociaux ou communautaires.",
                "Agir en protecteur des élèves : Élargir le système de bourses pour faciliter l'accès des élèves de milieux défavorisés aux établissements de leur choix.",
                "Jouer un rôle actif dans la production, la mutualisation, l'évaluation et la capitalisation de contenus et d'outils pédagogiques, numériques ou non.",
                "Investir dans la formation des enseignants, notamment en matière de pédagogie.",
            ],
        },
    },
}
