"""Posséder, c'est dépassé : scénario de rupture développé en atelier (cahier d'enjeux Questions Numériques 2012/2013)."""

SCENARIO = {
    "slug": "posseder-c-est-depasse",
    "title": "Posséder, c'est dépassé",
    "status": "developed",
    "summary": "Face à une crise qui dure, une économie de survie fondée sur le partage se développe, portée par les territoires puis par les entreprises et les politiques : l'usage prend le pas sur la possession.",
    "tags": ["partage", "consommation collaborative", "économie de fonctionnalité", "territoires", "crise"],
    "narrative": [
        "Face à une crise qui dure, une économie de survie se développe : il faut dépenser moins et générer des revenus complémentaires. Comment ? En partageant tout ce qu'on peut : sa voiture, son logement, ses outils, son bout de jardin, son temps, ses compétences... L'internet joue son rôle de support, mais les services de consommation collaborative, qui visaient une cible de « bobos », sont pris de court. Le partage est avant tout local, ce qui le facilite et le limite à la fois.",
        "Les territoires sont les premiers à se mobiliser pour accompagner ce mouvement. Seuls ou en compagnie de grands acteurs de l'économie locale, ils organisent des systèmes d'échange locaux appuyés sur des monnaies dédiées ; ils multiplient les lieux de travail et autres équipements partagés ; ils organisent des « marchés » de colocation, d'autopartage, d'entraide, d'achats groupés... Ils aident les entreprises locales à mutualiser leurs ressources (logistique, comptabilité...) ou encore, à développer de nouvelles activités : le dépôt-vente local devient ainsi un intermédiaire grâce auquel les habitants achètent et vendent sur des sites comme eBay ou LeBonCoin.",
        "Pour les entreprises aussi, posséder devient coûteux et complexe. Après avoir externalisé et cédé tout ce qu'elles pouvaient, certaines y voient aussi l'opportunité de réorganiser le marché à leur bénéfice : vendre des services plutôt que des objets, louer, vendre en copropriété, organiser le partage de leurs produits... Du coup, les entreprises industrielles ont intérêt à produire des objets durables, faciles à réparer, dans des gammes simplifiées.",
        "Les politiques prennent le relais. Des incitations fiscales et réglementaires invitent à concevoir les espaces, les produits, les services, sous une forme qui en maximise le taux d'utilisation par le partage et la mutualisation. La fiscalité du patrimoine augmente considérablement pour tous les biens non partagés, de même que celle des revenus financiers.",
        "Petit à petit, la « dé-possesion » devient autre chose qu'une contrainte, un champ d'innovation. Un imaginaire positif du partage émerge, issu des théoriciens de la décroissance – dont certains dénoncent d'ailleurs une récupération marchande de leurs thèses : « moins de biens, plus de liens (et un impact écologique diminué) ! » La possession, le patrimoine, cessent d'être des valeurs positives : à la recherche de légèreté et d'agilité dans un monde dur, les plus jeunes les voient même comme un poids, un frein à la mobilité.",
        "Cette transformation qui touche tant la production que la consommation, a en revanche un effet économique paradoxal : en permettant de satisfaire de nombreux besoins à un coût moindre, elle réduit mécaniquement le PIB. Il va vraiment falloir mesurer autrement la richesse !",
    ],
    "timeline": [
        {"year": 2012, "title": "Une économie locale de survie (2012-2013)", "text": "Crise, chômage, baisse des salaires et des prestations sociales, font émerger une économie locale de survie, appuyée sur le détournement de certains sites web d'échange, de partage et de revente."},
        {"year": 2014, "title": "« Share & Dematerialize »", "text": "10 grandes villes européennes et 15 entreprises lancent une expérimentation à grande échelle, « Share & Dematerialize ». 6 télévisions européennes lancent ensemble l'émission « Et vous, vous faites comment? », reliée à des espaces en ligne de mise en relation [idées, entraide, tutorat, partage de biens et services...]."},
        {"year": 2016, "title": "La Renault Share", "text": "Renault lance la Renault Share, un véhicule conçu pour être partagé par son propriétaire, avec un modèle d'affaires fondé sur les revenus de location et de covoiturage."},
        {"year": 2020, "title": "Des espaces partagés obligatoires", "text": "Les règlements d'urbanisme exigent la construction d'espaces partagés dans les logements comme dans les immeubles de bureau."},
    ],
    "sections": {
        "tendances-motrices": [
            "La crise économique et écologique, qui devient également sociale et politique",
            "Les réseaux sociaux, qui aident à transformer la contrainte [et la rage contre le « système »] en énergie positive, tournée vers la recherche de solutions à la fois personnelles et collectives",
        ],
        "signes-avant-coureurs": [
            "Le développement de différentes formes de « consommation collaborative » : achats groupés, partage de ressources et de capacités, « consumer to consumer » (don, troc, location, revente de biens)...",
            "L'« économie de fonctionnalité » : faire payer un service [transport, chauffage, éducation, culture, soins, etc.] ou l'usage d'un bien plutôt que ce bien lui-même.",
            "Multiplication des espaces partagés, depuis les « coworking spaces » jusqu'aux fab labs en passant par les jardins partagés.",
            "Extension de formes « hybrides » d'emploi : multi-employeurs, auto-entrepreneurs, portage salarial...",
        ],
        "raisons-de-douter": [
            "Dans l'histoire, la réponse aux grandes crises n'émerge pas des manières dont les gens s'organisent pour survivre, mais plus généralement de chocs politiques : le New Deal, la guerre... Face aux difficultés économiques, la révolte ou le repli apparaissent au moins aussi probables que la solidarité et la résilience.",
            "Le développement de formes de consommation et de production collaboratives peut aussi avoir deux autres résultats : soit la destruction des modèles économiques établis, sans que les nouveaux modèles ne parviennent à prendre le relais; soit l'accaparement par les grands intermédiaires, nouveaux ou établis.",
        ],
        "signaux-a-surveiller": [
            "L'émergence et l'extension des pratiques de production et de consommation collaborative à l'échelle locale, particulièrement dans les zones et les populations les plus touchées par la crise.",
            "Le développement des monnaies alternatives.",
            "L'intervention des institutions locales ou nationales pour favoriser et organiser les formes collaboratives.",
        ],
        "qui-annonce": [
            "Jeremy Rifkin, depuis L'Age de l'accès [La Découverte, 2000] jusqu'à Une nouvelle conscience pour un monde en crise. Vers une civilisation de l'empathie [Les Liens qui libèrent, 2011]",
            "Rachel Botsman et Roo Rogers, What's Mine Is Yours: The Rise of Collaborative Consumption [Harper Business, 2010]",
            "Lisa Gansky, The Mesh: Why the Future of Business Is Sharing [Portfolio, 2010]",
            "Yann Moulier-Boutang, L'abeille et l'économiste, Carnets Nord, 2010",
            "Les théoriciens de la « transition écologique »",
        ],
        "qui-est-concerne": [
            "D'abord les individus, qui passent rapidement d'une économie de survie à une « autre économie ».",
            "Ensuite les acteurs publics (principalement locaux), qui choisissent d'accompagner le mouvement en mettant en place les conditions et les infrastructures nécessaires.",
            "Les entrepreneurs (commerciaux ou sociaux), appuyés sur des outils numériques, qui proposent des solutions opérationnelles, organisent les médiations, inventent les modèles d'affaires...",
            "Enfin les grandes entreprises, qui font progressivement évoluer leurs modèles de production et de distribution, leurs gammes, leurs relations avec les consommateurs et avec les écosystèmes locaux d'innovation.",
        ],
        "ce-qui-change": [
            "Une véritable économie du partage et de la réutilisation : Partage d'équipements, d'espaces, de temps, de compétences, de connaissances... avec des mécanismes de reconnaissance, voire de rémunération [en euros ou via des monnaies complémentaires].",
            "Une véritable économie du partage et de la réutilisation : Valorisation et exploitation des « capacités excédentaires » [m², véhicules, machines, temps...].",
            "Une véritable économie du partage et de la réutilisation : Location, cloud, copropriété, achats et investissements groupés.",
            "Une véritable économie du partage et de la réutilisation : Réparation, recyclage, récupération, revente.",
            "Qui entraîne d'autres transformations : Dans la distribution [organiser la location, le partage, la revente, mutualiser la logistique], la finance [multiplication de monnaies spécialisées, microfinance, finance « P2P »], l'industrie [des produits conçus pour être partagés, plus durables et réparables, intégralement recyclés]...",
            "Qui entraîne d'autres transformations : Émergence de nouveaux intermédiaires, depuis le dépôt-vente local jusqu'à des espaces globaux de partage de connaissances ou de services.",
            "Et nécessite de nouvelles « infrastructures » : Des espaces collectifs : « coworking », fab labs, entrepôts partagés...",
            "Et nécessite de nouvelles « infrastructures » : Des dispositifs d'échange et de compensation : « bourses » locales d'objets et de services, monnaies, systèmes d'évaluation.",
            "Et nécessite de nouvelles « infrastructures » : Des systèmes de production qui recherchent des économies d'échelle autrement qu'en massifiant la production : ateliers flexibles, objets et services « open source », cloud computing...",
        ],
        "souhaitable": {
            "Oui": [
                "Ce scénario propose une réponse pertinente à la crise économique et écologique, fondée sur l'énergie des gens et l'entrepreneuriat. Il raconte une transformation qui marie l'économique, le social et l'environnemental : satisfaire les besoins, y compris ceux des plus pauvres, tout en créant du lien et en réduisant l'impact environnemental de l'activité économique.",
                "On pourrait certes espérer que l'alternative se construise à partir de choix collectifs délibérés. Mais les multiples « sommets » depuis 1972 (Stockholm) n'ont pas produit des résultats déterminants. Le scénario en prend acte et « passe le relais » à l'initiative citoyenne et entrepreneuriale, le niveau politique intervenant plutôt a posteriori.",
                "Du point de vue économique, le scénario maximise le potentiel « pollinisateur » de l'immatériel : les économies d'échelle s'obtiennent, non plus en concentrant les moyens de production, mais en faisant circuler l'information et les biens-services au niveau local.",
            ],
            "Non": [
                "Ce scénario ne résoudra pas les problèmes posés et fragilisera encore les entreprises établies, produisant encore plus de chômage. Sans chocs politiques, la transition entre le modèle existant et le modèle prescrit sera violente et aura toutes les chances de s'interrompre en cours, si même elle s'engageait.",
                "C'est par ailleurs un scénario triste, raisonnable, à contre-courant du mouvement séculaire d'individualisation des modes de vie. Il lui manque un élan, un imaginaire positif, une esthétique, tout ce qui le rendrait à la fois entraînant et générateur d'innovations au-delà de l'échelle microlocale. Et il repose sur un niveau inacceptable de contrôle social.",
                "On peut aussi craindre que la transformation des produits en services produise plutôt de la dépendance que de l'interdépendance. Les grands intermédiaires auront tôt fait de reprendre la main. Le remède peut être pire que le mal : une société de la location, dans laquelle on ne prend plus soin des objets et des lieux qu'on paie, mais qu'on ne possède pas.",
            ],
        },
        "rendre-credible": [
            "Affirmer des principes : ni coercition, ni culpabilisation!",
            "Créer un imaginaire positif du partage et de la non-possession : légèreté, économie, résilience, lien...",
            "Ne pas opposer les modèles, mais les faire fonctionner ensemble : assurer une lisibilité réciproque et une interopérabilité des modèles économiques commerciaux classiques, collaboratifs, sociaux, publics...",
            "Des infrastructures du partage, de la collaboration et de l'« économie de l'accès », pour faciliter à la fois l'innovation, l'usage et le passage à l'échelle : tiers de confiance, de mutualisation des risques ; plates-formes de matching entre offres et demandes, de traçage des disponibilités et des échanges, d'évaluation, de compensation ; lieux partagés et flexibles de travail, de stockage, d'échange, de coconception et de coproduction ; interfaces de représentation, d'agrégation, d'interaction ; ressources techniques partagées : données, applications, machines, outils, logistique...",
            "Une fédération à plusieurs niveaux des « réseaux sociaux » locaux et des dispositifs d'échange, ce qui suppose d'en considérer l'interopérabilité comme une priorité.",
            "L'émergence, spontanée ou aidée, de médiateurs et prestataires en bout de chaîne : dépôts-ventes locaux, intermédiaires entre l'échange microlocal et des plates-formes telles qu'eBay, PriceMinister ou LeBonCoin ; « Objethèques » ; coaching, formation, assistance, partage de compétences...",
            "Une intervention délibérée des acteurs publics : Pour faire émerger et rendre pérennes les infrastructures du partage et de la collaboration",
            "Une intervention délibérée des acteurs publics : Pour inciter (de manière réglementaire, fiscale, tarifaire...) au partage et à la mutualisation",
            "Une intervention délibérée des acteurs publics : Pour réguler les échanges et éviter la constitution de nouveaux monopoles.",
        ],
        "opportunites": {
            "Pour une entreprise": [
                "Ouvrir ses espaces de travail à d'autres entreprises, à des indépendants",
                "«Partager» ses salariés avec d'autres",
                "Mutualiser avec d'autres entreprises : achats, logistique, équipements lourds...",
                "Ouvrir l'accès à ses données et apprendre à exploiter les données publiques",
                "Faire du troc d'expertise, de connaissances",
                "Faciliter le partage, l'adaptation, la réparation, le recyclage de ses produits",
                "Rendre la plupart de ses prestations (conseil, événements...) multiclients",
                "Devenir un acteur des nouvelles plates-formes d'intermédiation",
            ],
            "Pour un acteur public": [
                "Décloisonner les services, les systèmes, les espaces",
                "Faciliter l'innovation décentralisée pour faire concourir toutes les énergies au bien commun",
                "Se dégager de certaines tâches de production pour se concentrer sur l'incitation, l'orientation, la régulation",
            ],
        },
        "menaces": {
            "Pour une entreprise": [
                "Fragmentation locale des marchés, complexification de la logistique et de la gestion des cycles de vie des produits",
                "Transformation de la relation à la marque : de l'attachement au produit à l'exigence de service",
                "Évolution des modèles d'affaires, ouvrant la voie à de nouveaux concurrents",
                "Accaparement du marché par quelques grands acteurs du service, fermant la porte aux autres",
                "Difficulté de trouver du financement pour des projets ambitieux et à long terme",
                "Fragilisation de la propriété intellectuelle",
            ],
            "Pour un acteur public": [
                "Marchandisation du partage et de l'entraide",
                "À l'inverse, sortie de certaines activités des circuits marchands, posant des problèmes de taxation et par conséquent, de financement des actions publiques",
                "Inégalités d'accès liée aux inégalités des capacités contributives (financières, cognitives, sociales...)",
                "Dépendance vis-à-vis de grandes entreprises de services et de grands médiateurs, dont les moyens sont bien supérieurs à ceux des acteurs publics",
                "Une souffrance sociale productrice de conflits, d'incivilité et de violence, rendant inopérant le scénario collaboratif",
            ],
        },
        "conditions-de-reussite": {
            "Pour une entreprise": [
                "Devenir agile : développer vite, co-concevoir, tester tout le temps, faire (ou laisser) évoluer les produits-services en continu",
                "Apprendre à ne pas innover pour les seuls «early adopters»",
                "Travailler au sein d'écosystèmes",
            ],
            "Pour un acteur public": [
                "Créer ou soutenir les infrastructures de l'échange et du partage",
                "Ouvrir l'accès à ses données, ses applications, ses espaces...",
                "Donner à voir les innovations, les initiatives les plus fécondes",
                "Réguler par anticipation pour éviter des phénomènes de capture ou de dépendance",
                "Des incitations réglementaires, fiscales, tarifaires claires et stables",
            ],
        },
    },
}
