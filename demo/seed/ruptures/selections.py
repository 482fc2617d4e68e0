"""Sélections territoriales : scénario de rupture développé en atelier (cahier d'enjeux Questions Numériques 2012/2013)."""

SCENARIO = {
    "slug": "selections-territoriales",
    "title": "Sélections territoriales",
    "status": "developed",
    "summary": "Les habitants deviennent clients de leurs territoires, qu'ils choisissent grâce à des comparateurs nourris de données publiques ; les villes se spécialisent et publient leurs « Conditions générales de ville ».",
    "tags": ["territoires", "villes", "open data", "services urbains", "consumérisme"],
    "narrative": [
        "Le consumérisme territorial se répand à grande vitesse : de nombreux habitants se définissent ouvertement comme clients plutôt que comme citoyens. Ils sont aidés par les Comparateurs de territoires, qui se fondent sur quelques dizaines de jeux de données publiques ouvertes.",
        "Chacun peut donc choisir son territoire en fonction de la qualité des services qui lui correspondent, selon sa situation de famille, ses finances et ses goûts. On fait jouer la concurrence, on change de territoire comme on change de banque.",
        "Les jeunes ménages sont les premiers à procéder ainsi : ils n'ont pas de liens fonciers. L'acquisition d'un logement est hors d'atteinte, à moins de s'endetter sur 30 ans, ce qui leur paraît absurde dans un monde incertain. Ils n'ont pas d'emplois stables et se déplacent là où il existe des opportunités. Leurs déménagements ne sont pas très onéreux : peu de mobiliers et de souvenirs de famille, l'essentiel est laissé sur place et remplacé à destination. Finis les cartons de livres et de disques, ainsi que les paperasses : étudiants, ils ont appris à tout numériser, à force de devoir rendre leurs logements chaque été.",
        "Les jeunes retraités les suivent de près.",
        "Les villes rivalisent sur le terrain des transports, des voitures en autopartage, des services numériques « nouvel arrivant » ; entrer en ville, c'est se loger, et ceux qui le font avec une carte d'habitants (sans contact) n'ont tout simplement pas la même ville sous les yeux. Vitrites, mobiliers urbains, équipements culturels et sportifs prennent en compte leur situation de clients privilégiés du territoire. Dans certaines villes, les cartes d'accès permettent de réserver des lieux publics (voire des quartiers entiers) à certaines heures, à certaines catégories de population, en garantissant ainsi la tranquillité ou l'animation.",
        "Très vite, pour se différencier, les territoires se spécialisent : la ville Jour & Nuit n'attire pas la même clientèle que la ville Sérénité ou que la ville Nature. Les Conditions Générales de Ville sont à lire attentivement.",
        "Certains territoires proposent leurs bouquets de services au-delà de leurs frontières. Les non-résidents y souscrivent pour leur qualité fonctionnelle, pour leur prix, ou par adhésion à la marque territoriale. Cette extension permet des économies d'échelle.",
        "L'acteur institutionnel perd son leadership, pris entre les stratégies des partenaires industriels et le nouveau pouvoir des clients.",
        "Si de nombreux territoires basculent dans ce nouveau modèle, d'autres restent en dehors, soit parce qu'ils tardent à l'intégrer et qu'ils en subissent l'impact, soit parce qu'ils choisissent de s'en démarquer explicitement, le jugeant nuisible à l'intérêt général. Les métropoles sont nettement plus concernées que les territoires ruraux, toutefois certaines régions développent des plateformes et infrastructures qui rendent cette stratégie possible pour les petites collectivités.",
    ],
    "timeline": [
        {"year": 2012, "title": "La ville, plateforme propriétaire", "text": "La ville comme plateforme d'innovation propriétaire. Toutes les grandes villes ont leurs bouquets de services numériques, concédés parfois à un partenaire privé. Les grands opérateurs de services investissent les villes les plus solvables."},
        {"year": 2013, "title": "Nouvelles disparités numériques", "text": "Nouvelles disparités numériques. La fibre optique sera disponible pour 50% de la population, les contraintes des opérateurs et l'argent public rare malgré le grand emprunt ne permettront pas d'aller plus loin."},
        # Year not printed in the source cahier (lost in layout): placed from the story's order.
        {"year": 2014, "title": "Des élections dépolitisées", "text": "Les élections territoriales marquent une dépolitisation des choix au profit des intérêts de chacun, ou de l'abstention. Pour attirer des électeurs, les candidats déploient des argumentaires de plus en plus commerciaux."},
    ],
    "sections": {
        "tendances-motrices": [
            "L'importance et le volume croissants des données territoriales, la tendance à la quantification et au management public par indicateurs.",
            "Le basculement du territoire vers les services et les nouvelles répartitions des rôles qui en résultent : les acteurs territoriaux sont devenus des acteurs de l'offre, les opérateurs industriels prennent une place plus stratégique que prévu, les nouveaux entrants du numérique les concurrencent, et les usagers ont leur mot à dire.",
            "Les segmentations sociales, générationnelles et communautaires, que le numérique peut à la fois approfondir et fragiliser.",
            "L'allègement (choisi ou subi) du lien au lieu de résidence : pression foncière, mobilités estudiantines et professionnelles, recherche de la qualité de vie environnementale, télécommunications fixes et mobiles...",
        ],
        "signes-avant-coureurs": [
            "Le succès des gated communities dans divers pays.",
            "L'ancrage croissant du marketing et du branding territorial.",
            "Les open data.",
            "Les péages urbains, les compteurs intelligents et autres composants numériques de la «ville durable».",
        ],
        "raisons-de-douter": [
            "Ce qui est le plus incertain n'est pas l'émergence de ce scénario, mais sa généralisation. Cependant :",
            "Dans les territoires à forte culture commune, les transformations sont longues et ne correspondent pas toujours aux intentions des «managers territoriaux». L'enracinement, l'attachement au territoire, sont des caractéristiques anthropologiques, pas seulement des survivances de l'histoire.",
            "La résistance des agents publics, des élus et des acteurs soucieux de l'intérêt général sera forte, même si la disparité de moyens avec les grands opérateurs la rendra difficile à tenir.",
            "La diversité des acteurs et des intérêts en présence sur chaque territoire (en particulier urbain) pourrait rendre les stratégies de spécialisation à la fois moins durables et moins lisibles que prévu.",
        ],
        "signaux-a-surveiller": [
            "Le développement des titres d'appartenance (cartes, NFC, comptes territoriaux en ligne,...)",
            "Les projets de «villes intelligentes» et la nature des partenariats qui seront noués entre territoires et opérateurs privés.",
        ],
        "qui-annonce": [
            "Datar, «Territoires 2040», scénarios associés aux systèmes spatiaux «Les systèmes métropolitains intégrés» et «Les espaces de développement résidentiel et touristique».",
            "Songdo International Business District (Corée), le plus grand projet urbain au monde développé par un consortium privé, qui cible les cadres des multinationales.",
            "Walt Disney et son «Prototype expérimental d'une communauté du futur» (devenu un simple parc d'attraction, Epcot).",
        ],
        "qui-est-concerne": [
            "Les villes et collectivités territoriales, confrontées depuis plusieurs années à la montée des services numériques et des questions de données, et aujourd'hui aux propositions de «smart cities».",
            "Les habitants, qui voient leurs critères de choix évoluer fortement : explosion des distances domicile-travail, précarisation de l'emploi des jeunes et des seniors, disparités des services publics selon les territoires, etc.",
            "Les innovateurs numériques, qui rivalisent d'imagination pour proposer des nouveaux services mais doivent progressivement s'affilier aux grands opérateurs de plateformes pour accéder aux marchés locaux.",
        ],
        "ce-qui-change": [
            "L'âge de l'accès s'étend aux territoires : Tous les services urbains et territoriaux sont aussi des services numériques, souvent délégués à des opérateurs privés. Des entreprises de taille mondiale proposent des bouquets «clés en mains» aux collectivités.",
            "L'âge de l'accès s'étend aux territoires : Qu'il s'agisse d'y accéder physiquement ou en ligne, les droits des habitants et des usagers des territoires (mobilité, information, énergie, services à la personne, éducation...) s'appuient désormais sur des comptes et des cartes.",
            "L'âge de l'accès s'étend aux territoires : Les «Conditions générales de ville» formalisent cette relation plus utilitaire et fonctionnelle aux territoires.",
            "Modifiant la relation aux territoires, la compétition, les clivages : La désaffiliation, les mobilités subies, les précarités foncières, trouvent des débouchés de sortie : à condition de bien exprimer son besoin, on trouvera toujours «territoire à son pied».",
            "Modifiant la relation aux territoires, la compétition, les clivages : La course à la compétitivité des territoires s'exacerbe, mobilise tous les leviers (marketing, numérique,...) et agrège tous les champs, poussant chaque territoire à éditorialiser ses atouts et à enrichir ses services.",
            "Modifiant la relation aux territoires, la compétition, les clivages : Les droits d'accès aux ressources du territoire se différencient. De nouveaux clivages émergent entre usagers des services de base et usagers «premium», entre territoires haute qualité et territoires premier prix.",
            "Imposant une nouvelle gouvernance, de nouveaux équilibres : Les rôles se redistribuent entre des acteurs publics qui peuvent perdre en légitimité, des acteurs privés souvent en position d'oligopoles, et des acteurs collectifs qui peuvent être associés, subissants ou indignés.",
            "Imposant une nouvelle gouvernance, de nouveaux équilibres : Le territoire «quantifié» par les données est au cœur de la gouvernance.",
            "Imposant une nouvelle gouvernance, de nouveaux équilibres : Les règles communes sont à réinventer : espaces publics privatisables ou non, espaces d'expression, liberté de circulation, sécurité publique numérique, prise en compte des disparités...",
        ],
        "souhaitable": {
            "Oui": [
                "Les attentes des gens sont différentes, celles des entreprises aussi. Chaque territoire a des atouts et des ambitions, des possibilités différentes. Pourquoi ne pas oser se différencier de manière radicale ? La concurrence entre territoires, les choix d'implantation, pourront ainsi se fonder sur des critères objectifs, plutôt que sur le flou d'un « storytelling » stéréotypé.",
                "L'époque est révolue, où chaque territoire pouvait s'adresser à tout le monde. Les moyens financiers publics n'y suffisent plus, la mobilité des personnes et des capitaux ne tolère plus les demi-mesures.",
                "La spécialisation présente aussi l'avantage d'explicitier les choix du territoire, et par conséquent de les soumettre à débat. Ce scénario associe également tous les acteurs à l'évolution du territoire, y compris les entreprises et les autres acteurs de la société civile. Il recèle d'importants potentiels d'innovation technique, de service, sociale. Il met sous tension les usagers, qui seront d'autant plus actifs dans l'évolution de leur territoire qu'ils l'auront choisi en fonction de caractéristiques distinctives et (pour eux) désirables.",
            ],
            "Non": [
                "Ce scénario admet la destruction de ce qu'il subsiste de l'intérêt général, des solidarités interterritoriales, du vivre-ensemble, de l'espace public, bref, de la démocratie. Il transformera les maires en managers territoriaux, dont on se demande pourquoi ils seraient élus, et les citoyens en consommateurs. Il renforcera la ségrégation sociale et divisera les clients du territoire, qui ont les moyens d'en activer les ressources, et ceux qui le font fonctionner mais qui devront vivre en ses marges. À supposer, bien sûr, qu'ils l'acceptent...",
                "Les territoires qui feront ce choix prennent par ailleurs plusieurs risques majeurs. Que se passera-t-il, par exemple, si la spécialisation retenue ne séduit pas les « cibles » qu'elle vise ? Verrons-nous se multiplier les territoires fantômes, les échecs industriels urbains ? La force des villes, par exemple, réside dans leur diversité. La réduire revient à les fragiliser, à les rendre moins résilientes, moins innovantes. Enfin, qu'advient-il si les entreprises dont dépendra le fonctionnement des territoires changent de stratégie ou rencontrent des difficultés ?",
            ],
        },
        "rendre-credible": [
            "Penser les territoires en réseaux et non en îlots, pour favoriser la diversité, le brassage, la mutualisation, l'évolution et la complémentarité des spécialisations...",
            "Combiner [multi-]spécialisation, diversité et résilience : Utiliser le numérique pour faire en sorte que chacun dispose de « son » territoire tout en cohabitant avec les autres.",
            "Combiner [multi-]spécialisation, diversité et résilience : Favoriser l'interpénétration des espaces et des communautés.",
            "Combiner [multi-]spécialisation, diversité et résilience : Ouvrir les plates-formes et les systèmes territoriaux pour favoriser la diversité des services et des canaux d'accès, l'innovation entrepreneuriale et sociale, la participation.",
            "Faire des habitants et usagers du territoire des acteurs autant que des consommateurs : élaborer une gouvernance ouverte donnant leur place aux acteurs publics, aux citoyens et aux acteurs collectifs ; une innovation territoriale ouverte et non « propriétaire » : partager l'information et les données, favoriser la co-conception et la co-production des services ; favoriser des services à la fois personnalisés et frugaux en données personnelles...",
        ],
        "opportunites": {
            "Pour une entreprise": [
                "Privatisation des services territoriaux et partenariats public-privé.",
                "Émergence de métiers de créateurs et gestionnaires de territoires (gated communities, villes nouvelles...)",
                "De nouveaux champs d'innovation au croisement du numérique et des services territoriaux « traditionnels » : mobilité, énergie, eau, déchets, habitat, éducation, etc.",
                "Besoin de plates-formes (physiques et numériques) de partage, de mutualisation de ressources, de création et d'interopérabilité de données et de services...",
                "Un meilleur accès à des clients-habitants mieux connus.",
            ],
            "Pour un acteur public": [
                "Plus de services avec moins d'argent.",
                "Des services plus divers, plus personnalisés pour mieux tenir compte de la diversité des besoins et des situations.",
                "De nouveaux leviers pour rendre le territoire attractif.",
                "Un « contrat » plus explicite, plus riche, entre le citoyen et son territoire.",
                "Des territoires mieux connectés avec leur environnement proche et lointain.",
                "Industrialiser la dimension servicielle du territoire pour mieux travailler sur les autres dimensions.",
            ],
        },
        "menaces": {
            "Pour une entreprise": [
                "Résistance active des acteurs publics et des « indignés ».",
                "Risques d'oligopole ou de monopole, si un opérateur dominant impose son cadre et stérilise l'innovation.",
                "Concurrence entre nouveaux entrants issus du numérique et acteurs traditionnels des services.",
                "Concurrence entre services marchands et initiatives citoyennes.",
            ],
            "Pour un acteur public": [
                "Risque d'échec en cas de spécialisation trop étroite.",
                "Dépendance vis-à-vis de grands acteurs industriels.",
                "Dilution des appartenances, des solidarités, du lien social.",
                "Une relation purement consumériste au territoire.",
                "Délégitimation des institutions démocratiques.",
            ],
        },
        "conditions-de-reussite": {
            "Pour une entreprise": [
                "Construire ou préserver des conditions d'innovation ouverte, nourrir un écosystème d'acteurs diversifiés, penser « plates-formes » autant que « services ».",
                "Construire des services ouverts à la co-conception et la co-production, adaptables aux caractéristiques de chaque territoire – et à leurs évolutions.",
            ],
            "Pour un acteur public": [
                "Prendre la main sur la construction d'un écosystème ouvert de services territoriaux : plates-formes, régulation, ouverture aux interventions citoyennes...",
                "Outiller les citoyens et les acteurs collectifs pour les mettre en position de débattre, mais aussi d'agir.",
                "Organiser la mise en réseau du territoire avec d'autres territoires, proches et lointains.",
                "Mettre en débat continu le positionnement du territoire.",
            ],
        },
    },
}
