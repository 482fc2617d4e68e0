"""Questions Numériques 2012/2013 as data: the two canvases, the two formats, the edition and its 19 scenarios.

Written from the seed documents (cahier d'enjeux 2012/2013, compte-rendu de l'atelier promesse du 24/10/12):
facts carry over, wording stays French. Loaded by demo.seed.load.
"""

from .ruptures import autres, cdi, donnees, education, fatigue, industrie, posseder, selections

COMPANY = "Pour une entreprise"
PUBLIC_ACTOR = "Pour un acteur public"

RUPTURE_CANVAS = {
    "slug": "scenario-de-rupture",
    "name": "Scénario de rupture",
    "description": (
        "La grille commune à tous les scénarios développés du cahier d'enjeux : ce qui pousse la rupture, "
        "ce qui l'annonce, qui elle concerne, ce qu'elle change, si elle est souhaitable, "
        "et comment l'anticiper pour une entreprise et pour un acteur public."
    ),
    "sections": [
        {
            "slug": "tendances-motrices",
            "title": "Principales tendances motrices",
            "prompt": "Quelles grandes tendances poussent vers cette rupture ?",
            "axes": [],
        },
        {
            "slug": "signes-avant-coureurs",
            "title": "Signes avant-coureurs",
            "prompt": "Qu'observe-t-on déjà aujourd'hui qui annonce ce scénario ?",
            "axes": [],
        },
        {
            "slug": "raisons-de-douter",
            "title": "Raisons de douter",
            "prompt": "Pourquoi ce scénario pourrait-il ne pas se produire ?",
            "axes": [],
        },
        {
            "slug": "signaux-a-surveiller",
            "title": "Signaux à surveiller",
            "prompt": "Quels indicateurs faudrait-il suivre pour savoir si la rupture approche ?",
            "axes": [],
        },
        {
            "slug": "qui-annonce",
            "title": "Qui annonce une telle rupture ?",
            "prompt": "Quels auteurs, chercheurs, acteurs ou projets annoncent déjà cette rupture ?",
            "axes": [],
        },
        {
            "slug": "qui-est-concerne",
            "title": "Qui est concerné ?",
            "prompt": "Quels acteurs, quels publics cette rupture touche-t-elle, et comment ?",
            "axes": [],
        },
        {
            "slug": "ce-qui-change",
            "title": "Qu'est-ce qui change dans ce scénario ?",
            "prompt": "Qu'est-ce qui est profondément transformé si ce scénario se réalise ?",
            "axes": [],
        },
        {
            "slug": "souhaitable",
            "title": "Ce scénario est-il souhaitable ?",
            "prompt": "Donnez vos arguments : pourquoi serait-il souhaitable (oui), pourquoi ne le serait-il pas (non) ?",
            "axes": ["Oui", "Non"],
        },
        {
            "slug": "rendre-credible",
            "title": "Ce qu'il faudrait faire pour que ce scénario devienne crédible et souhaitable",
            "prompt": "Quelles conditions, quelles actions rendraient ce scénario à la fois crédible et souhaitable ?",
            "axes": [],
        },
        {
            "slug": "opportunites",
            "title": "Comment anticiper la rupture ? Repérer les opportunités",
            "prompt": "Quelles opportunités cette rupture ouvre-t-elle, pour une entreprise et pour un acteur public ?",
            "axes": [COMPANY, PUBLIC_ACTOR],
        },
        {
            "slug": "menaces",
            "title": "Comment anticiper la rupture ? Identifier les menaces",
            "prompt": "Quelles menaces fait-elle peser, sur une entreprise et sur un acteur public ?",
            "axes": [COMPANY, PUBLIC_ACTOR],
        },
        {
            "slug": "conditions-de-reussite",
            "title": "Comment anticiper la rupture ? Les conditions de réussite",
            "prompt": "À quelles conditions une entreprise, un acteur public, réussiront-ils dans ce nouveau contexte ?",
            "axes": [COMPANY, PUBLIC_ACTOR],
        },
    ],
}

# The four domains the promise workshop looks at when asking what will be different tomorrow.
PROMISE_DOMAINS = ["Technologique", "Sociétal", "Économique", "Environnemental"]
# The three decision makers whose obstacles and key actions the workshop lists.
PROMISE_ACTORS = ["Le/la ministre", "Le/la PDG", "Le/la directeur/trice de recherche"]

PROMISE_CANVAS = {
    "slug": "atelier-promesse",
    "name": "Atelier promesse",
    "description": (
        "Évaluer une promesse passée du numérique, puis en produire une nouvelle pour l'avenir : "
        "ce qui va changer, deux personas, les mots-clés, la phrase retenue, les actions pour la tenir "
        "et les engagements de chacun."
    ),
    "sections": [
        {
            "slug": "ce-qu-evoque-la-promesse",
            "title": "Ce qu'évoque la promesse",
            "prompt": (
                "Expériences personnelles, personnalités emblématiques, utopies, rêves et cauchemars, produits, "
                "services et projets emblématiques : qu'évoque pour vous cette promesse ?"
            ),
            "axes": [],
        },
        {
            "slug": "ce-qui-a-marche",
            "title": "Évaluer la promesse : ce qui a marché",
            "prompt": "Qu'est-ce qui, de cette promesse, a marché ?",
            "axes": [],
        },
        {
            "slug": "ce-qui-n-a-pas-marche",
            "title": "Évaluer la promesse : ce qui n'a pas marché",
            "prompt": "Qu'est-ce qui a échoué ou n'a pas tenu ses promesses ?",
            "axes": [],
        },
        {
            "slug": "ce-qui-nous-a-surpris",
            "title": "Évaluer la promesse : ce qui nous a surpris",
            "prompt": "Qu'est-ce qui vous a surpris ?",
            "axes": [],
        },
        {
            "slug": "ce-que-nous-avons-appris",
            "title": "Évaluer la promesse : ce que nous avons appris",
            "prompt": "Qu'avons-nous appris ?",
            "axes": [],
        },
        {
            "slug": "ce-qui-va-changer",
            "title": "Ce qui va changer",
            "prompt": "Qu'est-ce qui sera différent demain ? Quels changements devons-nous prendre en compte avant de formuler une promesse ?",
            "axes": PROMISE_DOMAINS,
        },
        {
            "slug": "ce-qui-deviendra-possible",
            "title": "Ce qui deviendra possible",
            "prompt": "Qu'est-ce qui deviendra possible ?",
            "axes": PROMISE_DOMAINS,
        },
        {
            "slug": "ce-qui-ne-sera-plus-possible",
            "title": "Ce qui ne sera plus possible, ou plus désirable",
            "prompt": "Qu'est-ce qui ne sera plus possible, ou plus désirable ?",
            "axes": PROMISE_DOMAINS,
        },
        {
            "slug": "personas",
            "title": "Incarner la promesse : les personas",
            "prompt": (
                "Concrètement, comment la promesse déroule-t-elle ses effets pour ceux auxquels elle est censée "
                "bénéficier ? Décrivez un personnage et racontez, étape par étape, sa vie avec la promesse."
            ),
            "axes": [],
        },
        {
            "slug": "mots-cles",
            "title": "Les mots-clés",
            "prompt": (
                "Quels sont les 6-7 mots-clés qui doivent apparaître dans une promesse ambitieuse, tournée vers le "
                "futur, mais également crédible ?"
            ),
            "axes": [],
        },
        {
            "slug": "la-promesse",
            "title": "La promesse retenue et ses alternatives",
            "prompt": "Proposez une phrase pour la nouvelle promesse (la phrase retenue et ses alternatives).",
            "axes": [],
        },
        {
            "slug": "actions-cles",
            "title": "Les actions-clés : tenir la promesse",
            "prompt": "Quelles actions-clés permettraient de tenir la promesse ?",
            "axes": [],
        },
        {
            "slug": "obstacles",
            "title": "Ce qu'ils devraient faire : les obstacles",
            "prompt": "Quels obstacles rencontrent un ministre, un PDG, un directeur de recherche ?",
            "axes": PROMISE_ACTORS,
        },
        {
            "slug": "actions-par-acteur",
            "title": "Ce qu'ils devraient faire : les actions-clés",
            "prompt": "Que devraient faire un ministre, un PDG, un directeur de recherche pour tenir la promesse ?",
            "axes": PROMISE_ACTORS,
        },
        {
            "slug": "engagements",
            "title": "Les engagements individuels",
            "prompt": "Et vous, à quoi vous engagez-vous ? « Je m'engage à… »",
            "axes": [],
        },
    ],
}

CANVASES = [RUPTURE_CANVAS, PROMISE_CANVAS]

# The rupture canvas in two halves: a table first develops its scenario, then asks how to anticipate it.
ANTICIPATION_SECTIONS = ["opportunites", "menaces", "conditions-de-reussite"]
DEVELOPMENT_SECTIONS = [s["slug"] for s in RUPTURE_CANVAS["sections"] if s["slug"] not in ANTICIPATION_SECTIONS]

# Phases as run on 19 October 2011 at the Cnam: "discover" the first, where the room reads the
# scenarios on offer; "synthesis" the scribes' phase; "restitution" the last one, where the room
# reads each table's work. A post-it phase names the sections of its canvas it works on.
RUPTURE_FORMAT = {
    "slug": "atelier-scenarios-de-rupture",
    "name": "Atelier scénarios de rupture",
    "description": (
        "Une centaine de participants découvrent les scénarios de rupture préparés, en retiennent 7 par un vote, "
        "puis chaque table développe un scénario sur la grille commune avant la restitution."
    ),
    "phases": [
        {"name": "Découverte des 19 scénarios", "activity": "discover", "canvas": None, "duration_seconds": 45 * 60},
        {"name": "Vote pour retenir 7 scénarios", "activity": "vote", "canvas": None, "duration_seconds": 15 * 60},
        {
            "name": "Développement du scénario",
            "activity": "postits",
            "canvas": "scenario-de-rupture",
            "sections": DEVELOPMENT_SECTIONS,
            "duration_seconds": 90 * 60,
        },
        {
            "name": "Comment anticiper la rupture ?",
            "activity": "postits",
            "canvas": "scenario-de-rupture",
            "sections": ANTICIPATION_SECTIONS,
            "duration_seconds": 45 * 60,
        },
        {"name": "Synthèse des tables", "activity": "synthesis", "canvas": None, "duration_seconds": 30 * 60},
        {"name": "Restitution", "activity": "restitution", "canvas": None, "duration_seconds": 30 * 60},
    ],
}

# As run in Paris on 24 October 2012: post-its for the evaluation (then its bilan, the scribes'
# synthesis) and for what will change; then the promise workshop's own activities: persona cards,
# the keyword wall, the tables' phrases and their vote, post-its for the actions, the commitments.
# The canvas keeps a section for each of those too, for a facilitator who prefers post-its.
PROMISE_FORMAT = {
    "slug": "atelier-promesse",
    "name": "Atelier promesse",
    "description": (
        "Passé, présent : évaluer une promesse du numérique ; puis produire une promesse pour l'avenir, "
        "l'incarner, la formuler et dire comment la tenir."
    ),
    "phases": [
        {
            "name": "Évaluer la promesse",
            "activity": "postits",
            "canvas": "atelier-promesse",
            "sections": [
                "ce-qu-evoque-la-promesse",
                "ce-qui-a-marche",
                "ce-qui-n-a-pas-marche",
                "ce-qui-nous-a-surpris",
                "ce-que-nous-avons-appris",
            ],
            "duration_seconds": 45 * 60,
        },
        {"name": "Bilan de l'évaluation", "activity": "synthesis", "canvas": None, "duration_seconds": 15 * 60},
        {
            "name": "Ce qui va changer",
            "activity": "postits",
            "canvas": "atelier-promesse",
            "sections": ["ce-qui-va-changer", "ce-qui-deviendra-possible", "ce-qui-ne-sera-plus-possible"],
            "duration_seconds": 30 * 60,
        },
        {"name": "Incarner la promesse : les personas", "activity": "personas", "canvas": None, "duration_seconds": 30 * 60},
        {"name": "Les mots-clés de la nouvelle promesse", "activity": "keywords", "canvas": None, "duration_seconds": 20 * 60},
        {"name": "La nouvelle promesse : les phrases", "activity": "phrases", "canvas": None, "duration_seconds": 20 * 60},
        {"name": "Vote pour la promesse retenue", "activity": "vote", "canvas": None, "duration_seconds": 10 * 60},
        {
            "name": "Tenir la promesse : actions et obstacles",
            "activity": "postits",
            "canvas": "atelier-promesse",
            "sections": ["actions-cles", "obstacles", "actions-par-acteur"],
            "duration_seconds": 40 * 60,
        },
        {"name": "Engagements individuels", "activity": "commitments", "canvas": None, "duration_seconds": 10 * 60},
        {"name": "Restitution", "activity": "restitution", "canvas": None, "duration_seconds": 20 * 60},
    ],
}

FORMATS = [RUPTURE_FORMAT, PROMISE_FORMAT]

EDITION = {
    "slug": "questions-numeriques-2012-2013",
    "title": "Questions Numériques 2012/2013",
    "description": (
        "Le temps des ruptures ? Après avoir travaillé en 2010 sur les « tensions », la Fing s'est intéressée en "
        "2011 aux « ruptures » : quelles discontinuités, quelles bifurcations, quels basculements pourraient "
        "changer la donne ? En préparation, la Fing a produit 19 scénarios de rupture. Le 19 octobre 2011, dans "
        "la Salle des textiles du Cnam à Paris, 100 participants venus de tous horizons en ont pris connaissance, "
        "en ont retenu 7, qu'ils ont développés, retravaillés, débattus. L'objectif : se contraindre à imaginer "
        "ensemble des futurs différents, mais plausibles, qu'on n'a plus le droit d'ignorer."
    ),
}

# The 7 developed scenarios in the cahier's order, then the 12 others ("à vous de jouer !").
DEVELOPED_SCENARIOS = [
    posseder.SCENARIO,
    education.SCENARIO,
    cdi.SCENARIO,
    fatigue.SCENARIO,
    industrie.SCENARIO,
    selections.SCENARIO,
    donnees.SCENARIO,
]
OTHER_SCENARIOS = autres.SCENARIOS
SCENARIOS = DEVELOPED_SCENARIOS + OTHER_SCENARIOS

DEMO_WORKSHOP = {
    "title": "Questions Numériques — atelier des ruptures",
    "place": "Salle des textiles du Cnam, Paris",
    "date": "2011-10-19",
    "format": "atelier-scenarios-de-rupture",
    "open_phase": "Développement du scénario",
}

# The publication the demo edition led to (the seed document), drafted and published by load_demo.
CAHIER_TITLE = "Cahier d'enjeux Questions Numériques 2012/2013"

DEMO_USERS = {
    "facilitator": {"username": "facilitatrice", "first_name": "Facilitatrice", "email": "facilitatrice@example.org"},
    "editor": {"username": "editeur", "first_name": "Éditeur", "email": "editeur@example.org"},
}
