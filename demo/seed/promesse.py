"""The promise workshop of Paris, 24 October 2012, as the compte-rendu reports it.

Written from the seed document `atelier-promesse-2012.txt` ("Le numérique au service d'une croissance
verte et durable", compte-rendu by Margaux Pasquet, 12 November 2012): its evaluation's items by
section and sub-heading, its *bilan*, what will be different tomorrow by domain, its two personas,
its keywords (the 6-7 the room kept, then the others), the retained phrase and its alternatives, the
benefits, the five key actions, what a minister, a CEO and a research director should do, and the six
individual commitments. The report names nobody: the commitments are anonymous and the room's
participants are numbered.
"""

WORKSHOP = {
    "title": "Le numérique au service d'une croissance verte et durable",
    "place": "Paris",
    "date": "2012-10-24",
    "format": "atelier-promesse",
}

EVALUATED_PROMISE = {
    "phrase": "Le numérique au service d'une croissance verte et durable",
    "origin": (
        "Une promesse du numérique évaluée par l'atelier de Paris du 24 octobre 2012 "
        "(compte-rendu de Margaux Pasquet, 12 novembre 2012)."
    ),
}

# The room: participants numbered, as the report names nobody.
PARTICIPANTS = [f"Participant·e {n}" for n in range(1, 9)]

# Section slug -> [(sub-heading or domain, item)], in the report's order. The sub-heading is the
# output line's axis, so the report keeps the compte-rendu's headings.
EVALUATION = {
    "ce-qu-evoque-la-promesse": [
        ("Expériences personnelles", "Développement de logiciels de veille sur les marchés financiers ; on brasse de l'argent, sans matière derrière, avec un indicateur d'achat et de revente. Mais est-ce que cela ne crée pas de la croissance ?"),
        ("Expériences personnelles", "« La consommation collaborative, c'est le kif »"),
        ("Personnalités emblématiques", "Jeremy Rifkin (L'âge de l'accès, La troisième révolution industrielle)"),
        ("Personnalités emblématiques", "Mohammad Yunus, prix Nobel de la Paix 2005 : intégrer la dimension sociale dans la théorie économique / microcrédit"),
        ("Personnalités emblématiques", "Richard Stallman - Libre et croissance"),
        ("Personnalités emblématiques", "Michael Bauwens : vers une alternative au capitalisme actuel - le numérique crée plus de valeur d'usage que de valeur d'échange"),
        ("Personnalités emblématiques", "Edgar Morin – repenser la croissance et son contrôle en intégrant le développement de l'homme"),
        ("Personnalités emblématiques", "Thanh Nghiem (Des abeilles et des hommes : le libre catalyseur d'innovation sociale)"),
        ("Personnalités emblématiques", "Paul Hawken – Natural Capitalism : creating The next Industrial Revolution"),
        ("Personnalités emblématiques", "Gunter Pauli - Zero Emissions Research and initiatives : logique systémique, nécessité d'éviter les effets rebond en pensant global, tout en s'appuyant sur les écosystèmes locaux."),
        ("Personnalités emblématiques", "Pascal Canfin (actuel ministre du développement) : des marchés financiers plus transparents"),
        ("Utopies, rêves... et cauchemars", "Généralisation de la symbiose industrielle - réutilisation des déchets des uns pour créer, produire, mettre en lisibilité l'ensemble des déchets produits"),
        ("Utopies, rêves... et cauchemars", "Une économie circulaire, qui créerait quand même de la valeur"),
        ("Utopies, rêves... et cauchemars", "Une vision holistique de la consommation"),
        ("Produits, services, entreprises, technologies emblématiques", "Les logiciels libres, un impact positif en termes de durabilité mais un impact négatif sur la croissance économique ?"),
        ("Produits, services, entreprises, technologies emblématiques", "Wikipédia, encyclopédie collaborative : pas de création de valeur économique"),
        ("Produits, services, entreprises, technologies emblématiques", "Des services de consommation collaborative grâce au numérique (AirBnb, couchsurfing, zilok, location de voitures P2P, la Ruche qui dit oui…)"),
        ("Produits, services, entreprises, technologies emblématiques", "Numérique et économie de la fonctionnalité, des biens aux services : Renault Trucks (mise en commerce des km parcourus), Autolib"),
        ("Produits, services, entreprises, technologies emblématiques", "Des partenariats innovants : Citroën et Zilok, Buzzcar et Vinci"),
        ("Produits, services, entreprises, technologies emblématiques", "Entreprises et « greenwashing » : tout le greenwashing porté par les gros acteurs, dont TF1 ; Google, qui annonce de petits efforts (couleur de l'écran de recherche) et fait peu…"),
        ("Projets emblématiques", "Le Repair Manifesto : une charte par des designers pour des designers, afin de concevoir des objets pouvant être réparés. Il s'agit de penser l'usage dans son intégralité, il y a un potentiel de croissance derrière."),
        ("Projets emblématiques", "Les projets SmartCities des IBM, Cisco, Pegasus, qui oublient l'usager/habitant et ses pratiques, et proposent des réponses techniques et absolument pas sociales ou sociétales"),
        ("Autres idées", "La croissance durable n'est pas forcément engagée : les marchés financiers ne s'engagent pas dans la durée ; les circuits courts ne sont pas forcément durables (voir note de l'ADEME)"),
        ("Autres idées", "« Croissance économique et conscience »"),
        ("Autres idées", "Le durable, c'est aussi un équilibre, du bien être et du partage, un mieux vivre, bonheur, un modèle de société."),
        ("Autres idées", "Numérique et durable ? 2 aspects dans la promesse : est-ce qu'on peut minimiser l'impact sur l'environnement et est-ce que les comportements collaboratifs peuvent entrainer un nouveau modèle économique ?"),
        ("Autres idées", "La part d'ombre du numérique : consommation des serveurs, déchets informatiques, etc."),
        ("Autres idées", "Possibilité du développement durable comme nouveau modèle économique ?"),
        ("Autres idées", "Numérique et croissance ? Croissance : profit vs bien commun ? La grande question : le numérique crée-t-il plus de valeur qu'il n'en détruit ?"),
        ("Autres idées", "« Quand on partage un bien physique on le divise, quand on partage un bien numérique on le multiplie »"),
        ("Autres idées", "La valeur se déplace sur les services rendus ; la gestion des services est génératrice de data : la croissance va être liée à ces data."),
    ],
    "ce-qui-a-marche": [
        ("", "Une conscience des enjeux environnementaux qui va croissante"),
        ("", "Des innovations collaboratives, clés pour l'innovation verte de demain ; de plus en plus de partenariats sur le sujet du développement durable, et qui favorisent l'engagement de l'ensemble de la société, un meilleur accès et un meilleur partage de l'information"),
        ("", "Le logiciel libre, vecteur de l'innovation collaborative et nouveaux outils pour les jeunes entrepreneurs"),
        ("", "L'émergence de nouveaux usages plus « durables » : dématérialisation, télétravail, covoiturage, couchsurfing…"),
        ("", "Le développement massif des énergies renouvelables et le développement d'infrastructures type smartgrids"),
        ("", "Horizontalité croissante du monde grâce aux TIC"),
    ],
    "ce-qui-n-a-pas-marche": [
        ("", "Pas de réduction des émissions de CO2, du rapport consommation énergétique/PIB, de la consommation de matières premières avec le passage au tout numérique"),
        ("", "Instrumentalisation du Green et investissement réel des entreprises en faveur du durable non fait (pas de remise en cause du modèle de croissance actuel)"),
        ("", "On vit toujours beaucoup dans l'avoir et non pas dans l'être (néo-libéralisme), peu de respect de « l'écologie spirituelle » de l'individu"),
        ("", "Le potentiel du numérique n'a pas tenu ses promesses sur l'idée d'une éducation"),
        ("", "Oubli des fins du numérique en lien avec le développement durable pour se concentrer sur les moyens"),
    ],
    "ce-qui-nous-a-surpris": [
        ("", "Le numérique n'a que peu réfléchi sur ses possibles impacts"),
        ("", "Aujourd'hui, on se focalise sur l'aspect informationnel du numérique alors qu'il faudrait s'intéresser aux potentiels de collaboration qu'il ouvre"),
        ("", "La formulation de la promesse est surprenante : on ne sait pas encore vraiment ce que l'on veut, croissance et « verte » peuvent être antagonistes."),
        ("", "Une focalisation sur l'aspect environnemental du développement durable au détriment de l'aspect humain et social"),
    ],
    "ce-que-nous-avons-appris": [
        ("", "Nous sommes bien dans un monde fini, aux ressources naturelles limitées."),
        ("", "L'émergence rapide d'une conscience planétaire / des éléments pour parier sur la dé-hiérarchisation du monde à venir"),
        ("", "La promesse est ambiguë, car elle contient en fait deux aspects, deux promesses : le numérique au service de la croissance et le numérique au service du développement durable."),
    ],
}

BILAN = (
    "Une promesse tardive et encore fragile, à la formulation très top-down, qui n'exploite pas tout le potentiel "
    "du numérique, qui met peut-être trop l'accent sur l'écologie (avec une connotation très monde occidental, le "
    "durable devant être entendu pas seulement sur le plan environnemental)."
)

TOMORROW = {
    "ce-qui-va-changer": [
        ("Technologique", "Avènement de l'open data"),
        ("Technologique", "Le Big Data répond à ses promesses"),
        ("Technologique", "La montée des plate-formes"),
        ("Technologique", "Le développement du web énergétique"),
        ("Sociétal", "Vers le « c » to « b » et le « c » to « c »"),
        ("Sociétal", "Une nouvelle profondeur de l'information en mode temps réel, et des environnements enrichis"),
        ("Sociétal", "L'arrivée de la production collaborative, open-source"),
        ("Sociétal", "Une responsabilité croissante vis à vis de l'information et de la communication"),
        ("Économique", "La faillite des Etats"),
        ("Économique", "La montée en puissance de l'économie de la fonctionnalité"),
        ("Économique", "Le développement des monnaies complémentaires / des monnaies P2P type BitCoin"),
        ("Environnemental", "De nouvelles catastrophes : financières, écologiques, etc. qui amènent à une prise de conscience"),
        ("Environnemental", "Possibilités de guerres nouvelles liées au climat et à la gestion de l'eau"),
    ],
    "ce-qui-deviendra-possible": [
        ("Technologique", "Des outils d'évaluation et d'organisation pour vraiment faire face aux problèmes environnementaux"),
        ("Technologique", "De nouvelles techno « green » : les objets communicants / le stockage de l'électricité"),
        ("Économique", "Des modèles économiques qui prennent réellement en compte la variable « développement durable »"),
        ("Économique", "Une production énergétique décentralisée"),
        ("Économique", "La généralisation de décisions et de comportements de RSE dans les entreprises (par auto-engagement de ces acteurs qui finissent par créer des labels, des standards)"),
        ("Sociétal", "Le rassemblement d'une masse critique active mondiale"),
        ("Sociétal", "Le tri sélectif de l'information, pour tous"),
        ("Sociétal", "De nouvelles formes de sociabilité augmentées"),
        ("Sociétal", "La démocratie participative délibérative : l'intégration des contre-pouvoirs"),
    ],
    "ce-qui-ne-sera-plus-possible": [
        ("Sociétal", "L'individualité et l'intimité ne sera plus possible"),
        ("Sociétal", "Le statut social associé à la propriété"),
        ("Sociétal", "Les « petits-chefs », les sachants, le modèle top-down"),
        ("Technologique", "Des modèles énergétiques centralisés, qui sont producteurs de gaspillage que les TIC peuvent éliminer"),
        ("Économique", "Les investissements des banques, assurances, marchés financiers dans des projets contraires aux exigences de développement durable"),
        ("Économique", "La surconsommation"),
        ("Environnemental", "L'accès illimité aux ressources"),
        ("Environnemental", "Que les supports du numériques consomment toujours autant d'énergie"),
    ],
}

PERSONAS = [
    {
        "name": "Bruno",
        "age": 30,
        "profile": "Maire d'une petite ville. Un maire jeune (30 ans) et dynamique d'une petite ville de Haute-Savoie",
        "steps": [
            "Dans le cadre du respect de la loi sur l'ouverture des données publiques, Bruno fait mettre à disposition des citoyens des informations et les problématiques de la ville ; ce sont des outils qui permettent d'être pleinement citoyens et acteurs de la ville. En convoquant l'intérêt commun, la ville s'assure que les exigences du « durable » soient respectées.",
            "Les citoyens peuvent voter pour un projet qu'ils souhaitent voir réaliser (on n'est pas dans le NIMBY mais le BIMBY), et si le projet recueille assez de voix, la ville lui consacre un budget. Ce jour-là, c'est un projet portant sur l'autonomie en énergie de la station de ski locale qui est choisi pour être développé.",
            "Le projet est développé au sein de l'Agora Numérique, qui est un espace de collaboration entre les acteurs et habitants de la ville et est ainsi un vrai laboratoire de projet. Finalement, la ville va installer des éoliennes sur l'arrête des montagne, qui sont très exposées au vent.",
            "Ces éoliennes augmentent la valeur ajoutée de la station / elles sont la base du coût de fonctionnement de la station.",
            "Leur conception a été faite en open source, via la mise en place d'une unité de fabrication locale. Elles peuvent ainsi être dupliquées ailleurs, par une autre collectivité, un entrepreneur, etc.",
            "La conception des éoliennes et leur maintenance signifie la création d'emplois locaux, qui peuvent fournir leur expertise ailleurs… Tout est documenté, sourcé afin que d'autres s'en emparent ailleurs. La ville de Bruno devient un exemple que tous ceux qui souhaitent peuvent suivre.",
        ],
        "keywords": "Agora numérique, Open data, Optimisation des ressources, Production énergétique",
    },
    {
        "name": "Edouard De France",
        "age": 35,
        "profile": (
            "35 ans - Habitant de grande banlieue - Vit en concubinage, 2 enfants, un chien - Passionné de nature, "
            "mange bio occasionnellement - Un profil assez digital (passionné de jeux vidéo) - Charge professionnelle "
            "assez importante, pression par les dirigeants"
        ),
        "steps": [
            "Edouard s'est levé de bon pied ce matin. C'est sa journée de la semaine en entreprise (le reste du temps, il télétravaille).",
            "La veille, il a réservé un trajet sur çaroule.com, avec Christine, pour partager les 50km qui le séparent de Paris. Il a choisi Christine car elle aussi est impliquée pour l'organisation transnationale pour la construction d'éoliennes le long des chemins de fer.",
            "Edouard jette un œil discret sur le compteur de surplus d'énergie (situé sur sa montre) produite la veille ; en un clic il accepte la proposition de rachat de Kirsten au Danemark.",
            "En sortant de la maison, le mode « économie d'énergie » de la maison s'active automatiquement (grâce à l'internet des objets).",
            "Christine arrive à l'heure prévue, Edouard entre dans la voiture, le siège s'ajuste automatiquement à ses mensurations grâce à l'API de la voiture qui communique avec son smartphone. Cela lui permet d'utiliser l'espace restant du véhicule pour stocker sa sacoche de travail ainsi que les 2 objets qu'il va prêter pour la journée à des personnes qui ont exprimé leurs besoins sur « jeprêtejeloue.com ».",
        ],
        "keywords": "Surplus énergétique, Partage, Internet des objets, Innovation écologique et frugale",
    },
]

# "Quels sont les 6-7 mots-clés…": the ones the room kept, then its "autres mots-clés".
KEPT_KEYWORDS = [
    "Bien commun", "Création de valeur", "Co-croissance", "Résilience", "Innovation écologique et frugale",
    "Consommateur-Producteur", "Agora numérique", "Frugalité", "Sobriété",
]  # fmt: skip
OTHER_KEYWORDS = [
    "Croissance contributive/Coopérative/Collaborative", "Autonomie", "Empreinte sociale écologique", "Economie d'énergie",
    "Capacité d'organisation collective", "Surplus", "Production énergétique", "Valorisation de l'immatériel",
    "Ressources locales", "Relocalisation de la production", "Proximité", "Consom'acteur", "Durabilité",
    "Bâtiment à énergie positive", "Internet des objets", "Open data", "Profiling", "Optimisation des ressources matérielles",
    "Autonomie électrique", "Information", "Équilibre",
]  # fmt: skip

BENEFITS = ["Modèle de société", "Durabilité", "Bien Commun", "Création de valeur"]

RETAINED_PHRASE = "Le numérique, bien commun au service d'une co-croissance résiliente"
ALTERNATIVE_PHRASES = [
    "Le numérique, bien commun au service d'une croissance collaborative et résiliente",
    "Le numérique, bien commun au service d'une croissance collaborative et frugale",
]

KEY_ACTIONS = [
    "Engager une démarche de consultation citoyenne pour trouver de nouveaux indicateurs liés à la croissance durable",
    "Modéliser les résultats des entreprises en matière de durable pour apprendre en interne et pouvoir partager avec d'autres",
    "Développer des outils d'accessibilité au numérique pour tous, type traduction automatique en ligne, afin de favoriser l'innovation et la collaboration",
    "Création d'une agora en ligne, lieu de la démocratie collaborative permettant de co-construire des projets.",
    "Pousser les laboratoires de recherche technologiques à développer une culture transversale, à organiser une veille au-delà de la technologie autour des idées et des thèmes de la croissance résiliente",
]

STAKEHOLDERS = [
    {
        "name": "Le/la ministre",
        "obstacles": [
            "Cadre de référence actuel (passer du top down au bottom-up)",
            "Démocratie représentative qui va chercher à garder ses prérogatives",
            "Culture de la compétition",
            "Marketing et culture courtermiste",
        ],
        "actions": [
            "Développer une culture de la transversalité orga",
            "Création d'agora en ligne, lieu de la démo collabo",
            "Valorisation sociale du partage et de la collaboration, au travers d'exemples, etc.",
            "Trouver des indicateurs liés à la croissance durable plus qualitatifs, sur le long terme",
        ],
    },
    {
        "name": "Le/la PDG",
        "obstacles": [
            "ROI : retour sur investissement",
            "Mobilisation des équipes et finances",
            "Réticence au changement des actionnaires et autres parties prenantes",
            "Résistance en termes de management",
            "Lisibilité in et out",
        ],
        "actions": [
            "Partage d'expérience au niveau du territoire – porteurs de projets, acteurs territoriaux, concurrents",
            "Modélisation des résultats pour avoir une forme d'apprentissage",
            "Mécénat, participation en mode référent sur d'autres projets ailleurs…",
        ],
    },
    {
        "name": "Le/la directeur/trice de recherche",
        "obstacles": [
            "Intérêt privé / propriété intellectuelle",
            "Accès au numérique",
            "Obstacle de la langue",
            "Complexité des outils numériques",
        ],
        "actions": [
            "Comment rémunérer / PI ? Imaginer une possibilité de rémunération partielle – se rémunérer en termes de conseil et d'expertise sur le modèle des innovations du libre",
            "Efforts en matière de popularisation des outils numériques – techno accessible pour tous, des outils pour la traduction automatique en ligne",
            "Organiser une veille scientifique autour des idées et des thèmes de la croissance résiliente et les intégrer en permanence - sortir de la techno.",
        ],
    },
]

COMMITMENTS = [
    "Je m'engage à maintenir mon cap",
    "Je m'engage à mettre en commun la croissance",
    "Je m'engage à prendre en compte les alternatives « vertes » permises par de nombreux services en ligne au lieu de céder à la facilité",
    "Je m'engage à contribuer sur une plate-forme de crowdfunding pour des projets « durables »",
    "Je m'engage à vivre mon temps autrement pour contribuer, autant que possible via les réseaux numériques, à l'émergence d'une société de la co-croissance résiliente, donc sobre et désirable (engagement n°1 du pacte civique)",
    "Je désire ardemment passer de l'activisme à l'action",
]
