"""Vers l'industrie de proximité : scénario de rupture développé en atelier (cahier d'enjeux Questions Numériques 2012/2013)."""

SCENARIO = {
    "slug": "vers-l-industrie-de-proximite",
    "title": "Vers l'industrie de proximité",
    "status": "developed",
    "summary": "Réparation, recyclage, fab labs et micro-usines font émerger une production locale flexible et interconnectée, que de grands acteurs organisent ensuite en réseaux mondiaux.",
    "tags": ["fabrication numérique", "fab labs", "relocalisation", "réindustrialisation", "économie circulaire"],
    "narrative": [
        "La crise économique et écologique impacte en profondeur les économies des pays occidentaux. Une partie de la population, paupérisée et précarisée, se met à la recherche de produits moins coûteux, ainsi que de revenus complémentaires. La demande de matières premières demeure forte en Asie et contribue à leur renchérissement. La priorité écologique demeure, mais le mot d'ordre européen est aussi celui de la réindustrialisation. Comment concilier ces impératifs apparemment contradictoires ?",
        "C'est d'abord aux marges que l'on expérimente les réponses : réparer ou recycler tout ce qui peut l'être, fabriquer soi-même ses objets et les vendre, rapprocher producteurs et consommateurs... Les pratiques contributives du web, les réseaux sociaux, la conception-fabrication numérique appuyée sur le réseau sans cesse plus étendu des fab labs, se rapprochent pour faciliter l'émergence de ces alternatives locales. Certains fab labs se complètent de micro-usines capables de produire des objets à la demande ou en petite série. Les Amaps et autres acteurs du « Slow food » se fédèrent à l'échelle des villes. Les réseaux de recyclage se rapprochent de PME industrielles qui cherchent à organiser des circuits fermés, où les déchets des uns sont les matières premières des autres.",
        "Certains territoires, certaines grandes entreprises visionnaires, voient alors le parti qu'ils peuvent tirer de cette dynamique. Leur mission : organiser le passage à l'échelle. Des infrastructures locales innovantes émergent à l'initiative d'entreprises ou d'associations, parfois même de réseaux informels d'individus : entrepôts, logistique, distribution, bourses de matières recyclées, ateliers partagés... Un nouvel écosystème de production s'incarne par la multiplication de petites unités de production situées à proximité des centres villes, flexibles, interconnectées, insérées dans le tissu des acteurs locaux qui les nourrissent et s'en nourrissent.",
        "Les entreprises apprennent à produire autrement, des objets plus durables, réparables, adaptables aux conditions et aux ressources locales. Elles se voient néanmoins concurrencées par une myriade de «néo-artisans», amateurs ou professionnels, qui conçoivent, améliorent et diffusent leurs modèles d'objets sur des réseaux « libres ».",
        "Cette nouvelle dynamique attire l'attention de grands acteurs économiques à la recherche d'un nouveau souffle. Venus de la logistique, de la distribution ou du web, ils organisent ces unités de production et de distribution en réseaux de franchises à l'échelle mondiale. Dans plusieurs villes, ils évincent les précurseurs plus fragiles, réorganisent les circuits à leurs profits, écrèment le catalogue des objets qui peuvent être achetés, produits, réparés ou recyclés par leur intermédiaire. Les réseaux collaboratifs, les grappes de PME, en appellent aux pouvoirs publics contre ces nouveaux monopoles. Mais en définitive, ces grands réseaux permettent de faire le lien avec l'industrie traditionnelle, tandis que les réseaux collaboratifs parviennent à préserver une part de leur territoire. Le nouvel écosystème industriel local a besoin de tout le monde.",
    ],
    "timeline": [
        {"year": 2012, "title": "« Réparez tout ! »", "text": "Les «Ressourceries», réseau de collecte et de recyclage d'objets, rencontrent les Fab Labs et lancent le projet «Réparez tout!» dont l'objectif est de rallonger la durée de vie des objets de 3 à 4 ans."},
        {"year": 2013, "title": "Etsy entre au NASDAQ", "text": "Le site de vente d'objets artisanaux et en petite série ETSY entre au NASDAQ."},
        {"year": 2015, "title": "Le «ThingStore»", "text": "Apple et Foxconn rachètent ETSY et le transforment en «ThingStore», un magasin en ligne d'objets à la demande, appuyé sur un réseau d'ateliers-usines flexibles et de fab labs présent dans les grandes villes du monde."},
        {"year": 2016, "title": "SEB produit à la demande", "text": "SEB lance une gamme d'appareils ménagers personnalisés, produits à la demande via le ThingStore."},
        {"year": 2017, "title": "Un «Thingstore» ouvert", "text": "Face au risque de monopole d'Apple-Foxconn, le réseau des lieux d'acteurs indépendants de la conception et de la fabrication numérique crée un «Thingstore» ouvert."},
    ],
    "sections": {
        "tendances-motrices": [
            "La crise économique et écologique.",
            "La «démocratisation» de la fabrication numérique.",
            "Les pratiques contributives de l'internet – et plus largement les nouvelles formes d'organisation qui en sont issues –, qui produisent désormais leurs effets dans la conception, la production et la distribution d'objets physiques.",
        ],
        "signes-avant-coureurs": [
            "Émergence de lieux ouverts mutualisant les outils de conception et de fabrication numérique (Fab Labs, Makerspaces, Techshops) et d'intermédiaires qui les aident à passer au stade industriel (Ponoko, The Humble Factory...)",
            "Développement de la production d'objets à la demande ou fortement «customisés».",
            "Le «Do It Yourself» devient un objet d'investissement : en 2011, Autodesk rachète Instructables.com, Philips incube l'entreprise de prototypage rapide Shapeways, Makerbot Industries lève 10 millions de dollars...",
            "Le succès des Shanzai chinois, qui sont à la fois des ateliers de production d'objets techniques contrefaits, et un écosystème dynamique et innovant d'usines en constante évolution.",
        ],
        "raisons-de-douter": [
            "Il sera difficile d'atteindre les mêmes niveaux de productivité, d'efficacité et de qualité avec une production éclatée partout dans le monde.",
            "Ce scénario repose sur une transformation rapide du modèle économique des entreprises industrielles, dont le coût économique et social pourrait être considérable.",
            "Peut-on vraiment croire que des millions de consommateurs se transformeront demain en innovateurs, designers, artisans ou petits industriels ?",
            "Quid des normes, labels, assurances... nécessaires pour commercialiser des produits ? La société acceptera-t-elle un niveau de risque plus élevé en contrepartie d'une plus grande participation au cycle de vie des objets ?",
        ],
        "signaux-a-surveiller": [
            "Le nombre de Fab Labs, qui double tous les ans depuis plusieurs années.",
            "Le taux de croissance des ventes générées par les sites de vente de produits «DIY» (Etsy), de prototypage rapide ou de production personnalisée et à la demande.",
        ],
        "qui-annonce": [
            "Chris Anderson, «In the Next Industrial Revolution, Atoms Are the New Bits», Wired, janvier 2010",
            "Cory Doctorow, Makers, 2009 - http://craphound.com/makers/download/",
            "Neil Gershenfeld, Fab: The Coming Revolution on Your Desktop-from Personal Computers to Personal Fabrication, Basic Books, 2007",
            "Eric von Hippel (dir.), Measuring user innovation in the UK, Nesta, 2010",
            "Institute For The Future, The Future of OpenFabrication, 2011 http://www.openfabrication.org/",
        ],
        "qui-est-concerne": [
            "Les industries manufacturières, qui doivent s'adapter à ces transformations.",
            "Les créateurs, «makers», artisans, petites entreprises qui accèdent à de nouveaux moyens de concevoir, produire et diffuser leurs produits.",
            "Les acteurs publics (principalement locaux), qui peuvent choisir d'accompagner le mouvement en mettant en place les conditions et les infrastructures nécessaires.",
        ],
        "ce-qui-change": [
            "Le déclin de la production de masse mondialisée et le retour d'une production de proximité : Avec le renchérissement des ressources naturelles, le modèle de la production mondialisée et de l'obsolescence programmée devient trop coûteux. Le défi consiste à en conserver les bénéfices (productivité, contrôle qualité, écoute du marché...) tout en dépassant ses limites.",
            "Le déclin de la production de masse mondialisée et le retour d'une production de proximité : La «relocalisation» se produit d'abord sur certaines niches et à certains moments du cycle de vie des produits : la réparation, la revente, l'adaptation, le recyclage ou encore, la logistique et la distribution. Ces transformations se diffusent progressivement en amont : il faut produire des objets plus durables, adaptables, partageables ; des circuits «bouclés» où les déchets des uns sont les matières premières des autres, deviennent plus viables.",
            "Le déclin de la production de masse mondialisée et le retour d'une production de proximité : L'écosystème du «do it yourself», des néo-artisans, des fab labs, passe progressivement du bricolage et du prototypage, à la production en petites séries, accédant à une diffusion mondiale via des plates-formes de partages de schémas de production.",
            "Le déclin de la production de masse mondialisée et le retour d'une production de proximité : En Europe, ces mouvements rencontrent des politiques publiques en faveur de la «réindustrialisation».",
            "L'émergence d'une «nouvelle nouvelle économie» : L'économie contributive basée sur les modèles de coopération de l'internet se diffuse dans la production manufacturière, bousculant les modèles plus traditionnels.",
            "L'émergence d'une «nouvelle nouvelle économie» : La «longue traîne» s'avère être un modèle viable pour plusieurs catégories d'objets manufacturés.",
            "L'émergence d'une «nouvelle nouvelle économie» : Comme sur les marchés numériques, des plates-formes oligopolistiques organisent la rencontre entre l'offre et la demande et la complémentarité des compétences.",
        ],
        "souhaitable": {
            "Oui": [
                "Ce scénario prend en compte plusieurs tendances et exigences : la crise économique et écologique; le besoin de «réindustrialiser» les territoires; la maturation des techniques de conception et de fabrication numérique; et enfin, l'aspiration d'un nombre croissant d'individus à participer à la conception, la production, la transformation de leurs objets ou de leur environnement physique...",
                "L'internet a reconfiguré les industries des «contenus». C'est maintenant au tour de la production, la distribution et de la gestion du cycle de vie des objets physiques. Les conditions sont en place, les bénéfices (économiques, environnementaux, sociaux) apparaissent clairs, les acteurs sont en lice : le «nouveau monde industriel» est prêt à émerger et nous en avons besoin.",
            ],
            "Non": [
                "On peut sérieusement s'inquiéter de l'effet économique et environnemental d'une relocalisation de la production industrielle. On peut redouter qu'il y ait autant de critères de qualité et de sécurité des produits qu'il n'y aura d'ateliers ou d'usines «flexibles» : combien de scandales faudra-t-il pour inverser la tendance ?",
                "L'exemple de l'industrie musicale invite également à la prudence : si la production relocalisée est synonyme de pillage généralisé de la propriété industrielle, l'effet sur la R&D industrielle sera dévastateur.",
                "Enfin, l'idéal d'un monde de néo-artisans et de communautés de bricoleurs sera vite perverti par la prise de pouvoir par quelques grands acteurs du Net, existants ou à naître : quand tout se vendra via iTunes ou Google, aurons-nous vraiment avancé vers un monde meilleur, ou même vers des modèles économiques plus viables ?",
            ],
        },
        "rendre-credible": [
            "Se donner les moyens d'atteindre des niveaux de productivité équivalents à ceux de la production de masse : des circuits industriels «bouclés», minimisant la consommation nette de matières premières et d'énergie ; des cellules flexibles de production locale ; des produits plus durables, plus «customisables» et plus réparables ; réduction de la «part matérielle» de la production : transformation de produits en services, partage et réutilisation d'objets, d'espaces, de capacités...",
            "Des «infrastructures» de la relocalisation : Physiques : espaces de coconception, de prototypage et de coproduction, dispositifs logistiques communs...",
            "Des «infrastructures» de la relocalisation : Numériques : réseaux d'échange et de partage de connaissances ou de schémas ; intermédiaires entre concepteurs et fabricants ; plates-formes de mutualisation, de collaboration, de répartition de commandes ; places de marché...",
            "Des «infrastructures» de la relocalisation : Économiques : des plates-formes, des modèles économiques, des formes innovantes de consommation, des formes de propriété...",
            "Une «alliance» entre la grande industrie et les nouveaux dispositifs locaux : combiner la créativité et l'adaptabilité du niveau local avec l'excellence des entreprises globales ; trouver l'équilibre entre ouverture des informations sur les produits (pour les réparer, les personnaliser, les produire localement) et propriété industrielle ; mettre les dispositifs locaux au service des besoins des grandes entreprises industrielles en matière de logistique, de production, de maintenance ; associer les grands acteurs industriels aux «plates-formes» qui organiseront les nouveaux écosystèmes.",
            "Des incitations et des régulations : Prévenir la reconstitution de monopoles, la domination des marchés par les normes ou les brevets.",
            "Des incitations et des régulations : Inciter les entreprises à innover de manière ouverte.",
            "Des incitations et des régulations : Faciliter l'émergence d'acteurs économiques dans la production et la logistique au niveau local...",
        ],
        "opportunites": {
            "Pour une entreprise": [
                "Une production plus adaptée à la demande, plus réactive, produisant moins de stocks et d'inventus.",
                "En rapprochant production et consommation, on peut espérer réduire la consommation de matières premières et d'énergie, la production nette de déchets, les émissions de CO2.",
                "Tirer profit de la créativité des consommateurs et des innovateurs locaux.",
                "De nouvelles opportunités de différenciation en matière de design, de cycle de vie, de services, de modèle économique...",
            ],
            "Pour un acteur public": [
                "Relocalisation d'activités économiques, notamment industrielles.",
                "De nouvelles opportunités pour la création d'activités locales, y compris artisanales et industrielles.",
                "Revalorisation des professions manuelles.",
                "Bénéfiques en termes de cohésion et de lien social.",
                "Bénéfiques environnementaux.",
            ],
        },
        "menaces": {
            "Pour une entreprise": [
                "Effets incertains sur le bilan énergétique et carbone.",
                "Fragilisation de la propriété industrielle et commerciale.",
                "Incertitude sur les modèles économiques qui marcheront.",
                "Nouvelles formes de concurrence, ne partageant pas les mêmes contraintes économiques, techniques, voire réglementaires.",
            ],
            "Pour un acteur public": [
                "Inégalités entre territoires denses et solvables, et les autres.",
                "Des modèles peu éprouvés, où un fort taux d'échec cohabite avec des réussites spectaculaires.",
                "Des effets environnementaux encore incertains.",
                "Risques en matière de fiabilité, de qualité et de sécurité des productions (ainsi que des lieux de production).",
                "Risque de capture de la valeur par de nouveaux intermédiaires à vocation monopolistique (« effet iTunes »).",
            ],
        },
        "conditions-de-reussite": {
            "Pour une entreprise": [
                "Tester tôt pour corriger vite : se mettre en position d'expérimenter rapidement la collaboration avec les nouveaux écosystèmes locaux.",
                "Faire l'inventaire de ses offres, ses capacités, ses brevets, ses réseaux... pour identifier quelles activités se prêtent le plus naturellement à la «relocalisation».",
            ],
            "Pour un acteur public": [
                "Agir de manière proactive pour favoriser la création des infrastructures et «infostructures» de la relocalisation.",
                "Orienter une part des aides économiques dans cette direction. Admettre l'essai et l'erreur, réduire les risques pour les innovateurs.",
                "Réguler par anticipation pour éviter des phénomènes de capture et de création de monopoles.",
                "Développer une «culture du faire» dans l'éducation et reconnaître la valeur professionnelle des pratiques des «néo-artisans».",
            ],
        },
    },
}
