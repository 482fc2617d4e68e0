"""Grosse fatigue numérique : scénario de rupture développé en atelier (cahier d'enjeux Questions Numériques 2012/2013)."""

SCENARIO = {
    "slug": "grosse-fatigue-numerique",
    "title": "Grosse fatigue numérique",
    "status": "developed",
    "summary": "Le numérique devient source de difficultés et de souffrances ; utilisateurs, salariés puis pouvoirs publics se rebellent et exigent de l'industrie numérique qualité et responsabilité.",
    "tags": ["surcharge informationnelle", "qualité logicielle", "conditions de travail", "cloud", "responsabilité"],
    "narrative": [
        "En dépit de ses bénéfices incontestables, le numérique apparaît de plus en plus, aussi, comme une source de difficultés, voire de souffrances. Mais les utilisateurs commencent à réagir.",
        "Premiers à être mis en accusation, les éditeurs de logiciels et leurs « conditions d'utilisation » qui les dédouanent de toute responsabilité en cas de défaillance de leurs programmes. Or, à mesure que l'équipement numérique se développe et se diversifie, les dysfonctionnements se multiplient. En 2013, une enquête (que les industriels s'emploieront en vain à censurer) estime à trois semaines par an le temps que chaque utilisateur passe à simplement gérer ses appareils et ses données numériques !",
        "Le procès en irresponsabilité s'étend ensuite à d'autres entreprises accusées d'avoir égaré, déformé ou laisser circuler des données personnelles de leurs clients, ou encore aux acteurs du cloud qui ajoutent une nouvelle source d'inquiétude : suis-je vraiment le maître de mes données ? Plusieurs utilisateurs ont en effet perdu des collections entières de photos, leur discothèque ou leur bibliothèque dématérialisées, leurs archives administratives...",
        "Dans l'entreprise, la montée d'un management autoritaire, du contrôle et de la surveillance, du poids du reporting, entre en conflit avec l'exigence de toujours plus de réactivité et d'initiative, le « mode projet », l'individualisation des parcours professionnels. Certains s'en trouvent bien, mais beaucoup y perdent la maîtrise et le sens même de leur travail : dictature de l'urgence, pression, infobésité, dispersion de l'attention, dilution des collectifs de travail. Le résultat s'en fait sentir en termes de productivité, de turnover, de stress, débouchant parfois sur des conflits sociaux violents ou sur des pathologies psychologiques, qui gagnent peu à peu un statut de maladies professionnelles.",
        "Les « rébellions numériques » se multiplient : on ne répond plus aux mails, on coupe le mobile, on ne remplit plus les formulaires. Des groupes de salariés organisent leur environnement numérique contre les instructions de la direction informatique. Les intranets sont piratés de l'intérieur. Des projets informatiques provoquent des grèves dures. Certaines entreprises tentent de corriger le tir : réduction drastique de l'usage du mail, chartes, devoir de déconnexion, diagnostics de fragilité informationnelle... Les pouvoirs publics suivent et imposent de nouvelles règles aux employeurs, mais aussi aux éditeurs de logiciels. Des startups inventent des services de coaching et d'assistance qui deviennent éligibles au chèque emploi-service, avec les déductions fiscales associées.",
        "Le but est de transformer l'industrie du numérique en un secteur « adulte » et responsable. L'impact sur le secteur est lourd. L'innovation ralentit, certaines entreprises mettent la clé sous la porte. L'équilibre entre innovation et responsabilité est dur à trouver.",
    ],
    "timeline": [
        {"year": 2011, "title": "Plainte contre 4 éditeurs de jeux vidéo", "text": "Devant «l'ampleur et la variété des dysfonctionnements» constatés dans plusieurs de leurs logiciels, l'UFC-Que Choisir porte plainte contre 4 éditeurs de jeux vidéo."},
        {"year": 2012, "title": "La «pression numérique» accusée", "text": "Nouvelle vague de suicides de cadres, la «pression numérique» est mise en accusation."},
        {"year": 2013, "title": "Trois semaines par an", "text": "Une enquête (que les industriels s'emploieront en vain à censurer) estime à trois semaines par an le temps que chaque utilisateur passe à simplement gérer ses appareils et ses données numériques."},
        # Year not printed in the source cahier (lost in layout): placed from the story's order.
        {"year": 2015, "title": "L'UFC attaque 5 opérateurs du cloud", "text": "L'UFC attaque cette fois 5 opérateurs de services du « cloud » suite à des disparitions accidentelles ou intentionnelles de données de leurs clients."},
        # Year not printed in the source cahier (lost in layout): placed from the story's order.
        {"year": 2017, "title": "Le temps numérique recule", "text": "Médiamétrie constate pour la première fois une réduction du temps personnel consacré aux usages numériques."},
    ],
    "sections": {
        "tendances-motrices": [
            "Dépendance croissante des individus et des organisations vis-à-vis des outils numériques, des réseaux et des services en ligne.",
            "Augmentation exponentielle des volumes d'information produits, échangés et consommés.",
            "Cloud computing.",
        ],
        "signes-avant-coureurs": [
            "Premiers procès en responsabilité faits aux éditeurs de logiciels et aux fournisseurs de service en ligne",
            "Augmentation du stress, surcharge informationnelle (dès 2005, 74% des managers considéraient qu'ils avaient trop d'information) et apparition de « maladies professionnelles » liées au numérique : syndrome carpien, baisse de la concentration...",
            "La SSII Atos Origin s'est fixé comme objectif de devenir une entreprise « zéro e-mail » après avoir constaté qu'un salarié passe entre dix et vingt heures par semaine à traiter quelques 200 e-mails quotidiens. Plusieurs entreprises ont instauré des « journées sans e-mail » et rédigé des chartes d'utilisation des messageries électroniques.",
        ],
        "raisons-de-douter": [
            "Les utilisateurs ont accepté la fragilité des logiciels depuis des années, ils ont admis de passer beaucoup de temps à gérer leurs appareils et contenus numériques, pourquoi cela changerait-il demain ?",
            "Les entreprises du numérique sont mondiales, quelques révoltes locales ne les feront pas changer d'attitude. De leur côté, les autorités publiques considèrent que le développement des usages numériques (notamment dans les PME) reste prioritaire et ne souhaiteront pas prendre le risque de le ralentir en mettant l'accent sur les problèmes plutôt que sur les bénéfices.",
            "La pression numérique dans les entreprises résulte moins d'une volonté du management que de l'intensité de la concurrence, de la rapidité des rythmes sur des marchés mondialisés, de la demande des clients. C'est un problème systémique, les solutions sont rarement à la portée d'une entreprise en particulier.",
        ],
        "signaux-a-surveiller": [
            "Le développement des procès et conflits liés aux usages de l'informatique, personnels et professionnels.",
            "D'éventuels fléchissements des usages dans certaines franges de la population.",
            "L'émergence d'offres d'outils et services de gestion de la surcharge informationnelle, cognitive, temporelle.",
        ],
        "qui-annonce": [
            "Henri Isaac et al. « Surcharge informationnelle, urgence et TIC. L'effet temporel des technologies de l'information », Management & Avenir 3/2007 (n° 13)",
            "« L'impact des technologies de l'information et de la communication sur les conditions de travail », rapport du Conseil d'analyse stratégique, 2011 (à paraître)",
            "Yves Lasfargue et son « Observatoire de l'ergostressie » - http://www.ergostressie.com/",
            "Alex Soojung-Kim-Pang, prospectiviste, et ses travaux sur le « Contemplative computing » - http://www.contemplativecomputing.org/",
        ],
        "qui-est-concerne": [
            "Chaque individu en tant qu'utilisateur.",
            "Les employeurs, qui doivent trouver un meilleur équilibre entre les différentes fonctions attribuées à l'informatique et aux réseaux : productivité, traçabilité, innovation, collaboration...",
            "Les éditeurs de logiciels et de services numériques, qui doivent faire face à de nouvelles responsabilités.",
            "Les pouvoirs publics, sommés d'inventer et de négocier de nouvelles formes de régulation des usages numériques.",
        ],
        "ce-qui-change": [
            "S'il continue d'être perçu comme un facteur positif de changement des modes de vie, du travail et des organisations, le numérique est désormais interrogé au cœur même de sa « promesse » : celle d'une économie plus efficiente et productive, d'une vie plus connectée et plus simple.",
            "La réaction concerne d'abord les « dommages numériques » : dysfonctionnements, pertes de données, erreurs, problèmes de sécurité... La responsabilité passe progressivement des utilisateurs aux entreprises qui produisent les outils et les services numériques. En accroissant la dépendance des utilisateurs vis-à-vis du réseau et des fournisseurs de services, le cloud computing accélère ce mouvement. Il fait par ailleurs émerger de nouveaux risques en termes de possession et de maîtrise de ses propres documents, données, outils.",
            "Le numérique est au cœur de la transformation des conditions de travail, et pourtant il reste peu étudié, peu présent dans les négociations collectives. La situation change d'autant plus rapidement que les entreprises ont peu à offrir sur le plan des salaires, et que les « digital natives » arrivent en masse dans les entreprises. Les pratiques numériques, ainsi que leurs limites, deviennent des sujets centraux, tant pour le management que pour les salariés et les syndicats.",
            "D'abord réticents à se saisir de ces sujets de peur de ralentir le développement du secteur, les pouvoirs publics ne peuvent plus ignorer le coût social d'un développement du numérique insuffisamment respectueux des personnes et de leurs droits.",
        ],
        "souhaitable": {
            "Oui": [
                "Nous admettons de la part de l'industrie informatique des pratiques que nous n'accepterions de personne d'autre. À l'heure où tout est évalué, où les ressources (financières, temporelles, naturelles) se raréfient, peut-on continuer à dispenser les entreprises du numérique de tout critère formel de qualité, de fiabilité, de responsabilité? C'est la rançon de leur réussite : nous sommes désormais dépendants des outils numériques pour tous les actes de notre vie, et les producteurs de ces outils doivent assumer les responsabilités qui vont avec.",
                "Du côté des entreprises, il s'agit tout simplement de bonne gestion. On ne peut pas continuer à soumettre les salariés à une telle série d'injonctions paradoxales : sois autonome et rends compte en permanence, prends des initiatives et réagis dans la minute... Une force de travail stressée, désorientée, démotivée, ne peut pas être productive. Savoir prendre son temps pourrait bien devenir un facteur de compétitivité.",
            ],
            "Non": [
                "Si nous nous accommodons si bien de l'imperfection des outils numériques, c'est que les bénéfices que nous en tirons dépassent de loin les inconvénients. En soumettant l'écosystème numérique à des règles de qualité d'un autre siècle, nous casserons sa dynamique d'innovation. Nous aurons des outils plus fiables mais moins innovants, à plus faible valeur ajoutée. Nous aurons moins de concurrence, alors qu'elle incite aussi les entreprises à améliorer leurs produits.",
                "La recherche de la bonne «écologie informationnelle», pour les individus comme pour les organisations, est affaire d'essais-erreurs. Elle passe par de tous petits pas, pas par un «grand soir». Recourir dès aujourd'hui à la réglementation ou à la négociation collective aura pour principale conséquence de ralentir l'appropriation des technologies par les managers, surtout dans les PME. Nos concurrents ne pourront que s'en réjouir.",
            ],
        },
        "rendre-credible": [
            "Focaliser une part de l'effort de recherche et d'innovation sur des thèmes tels que l'écologie informationnelle, la qualité logicielle, la résilience, la pérennité et la portabilité des données numériques...",
            "Favoriser l'auditabilité des logiciels (open source), la portabilité des données et des documents personnels.",
            "Éviter que le développement du «cloud» ne réduise la maîtrise de leurs données et leurs documents par les utilisateurs.",
            "Mieux distinguer les versions «beta» des versions «stables» des logiciels et des services en ligne, et offrir un réel choix aux utilisateurs.",
            "Faire en sorte que l'usage des technologies devienne un sujet à part entière des enquêtes sur les conditions de travail ainsi du dialogue social – ce qui passe par une véritable acculturation des organisations syndicales et patronales, ainsi que des responsables publics en charge du travail.",
            "Favoriser l'émergence de nouveaux métiers chargés de faciliter la vie quotidienne des utilisateurs du numérique.",
            "Former en continu les étudiants, salariés et managers aux «bonnes pratiques» du numérique et à l'écologie informationnelle.",
        ],
        "opportunites": {
            "Pour une entreprise": [
                "Les éditeurs de logiciels, SSII ou services en ligne qui sauront s'engager sur la qualité peuvent en faire une contrainte créative favorable à l'innovation, ainsi qu'un critère de différenciation concurrentielle. Ils seront mieux placés pour obtenir de leurs utilisateurs qu'ils contribuent à la conception, au test et à l'amélioration continue de leurs produits.",
                "Les entreprises qui sauront travailler sur leur propre «écologie informationnelle» peuvent améliorer leur capacité à concilier court terme (réactivité, souplesse) et long terme (vision stratégique, innovation). Elles peuvent devenir plus attractives pour des salariés à fort potentiel et réduire les pertes liées au stress, aux maladies professionnelles et aux conflits sociaux.",
            ],
            "Pour un acteur public": [
                "Réduire les coûts collectifs cachés (en temps perdu, en efficacité, en termes de santé...) liés au développement de l'équipement et des usages numériques, privés et professionnels.",
                "Favoriser la compétitivité des entreprises numériques en anticipant l'émergence d'une demande de qualité et de fiabilité garanties.",
            ],
        },
        "menaces": {
            "Pour une entreprise": [
                "Multiplication des conflits liés aux usages numériques.",
                "Augmentation des coûts et des délais de mise au point d'un nouveau produit numérique ou de conduite d'un projet informatique. On peut espérer que les coûts ultérieurs (incidents, patches, maintenance) seront réduits, mais il est difficile de le garantir.",
                "Tension entre aspiration à un meilleur équilibre des salariés et pression de marchés mondialisés et concurrentiels.",
            ],
            "Pour un acteur public": [
                "Développement d'une nouvelle conflictualité liée aux usages numériques, voire d'une réaction technophobe.",
                "Renchérissement et ralentissement de l'innovation numérique.",
                "Ralentissement du développement des usages numériques dans les PME, avec des effets négatifs sur leur compétitivité.",
                "Résistances accrues aux nouveaux projets informatiques dans les entreprises et les administrations.",
            ],
        },
        "conditions-de-reussite": {
            "Pour une entreprise": [
                "Anticiper les risques et les conflits par une politique d'ouverture et d'écoute, une conduite de projet plus collaborative, une meilleure formalisation des étapes de test...",
                "Ouvrir les processus de conception et de production, l'accès au code source.",
                "Utiliser des méthodes d'assurance qualité, appuyées sur de nouveaux produits d'assurance pour réduire les risques pesant sur les éditeurs comme sur les utilisateurs.",
                "Proposer des chartes d'usage du numérique aux partenaires sociaux, mais aussi aux clients et fournisseurs.",
                "Favoriser l'expérimentation continue de nouvelles organisation du travail destinées à combiner réactivité à court terme et capacité d'initiative à moyen terme.",
            ],
            "Pour un acteur public": [
                "Donner l'exemple dans la gestion ouverte et collaborative des projets informatiques publics, en y associant agents et usagers.",
                "Engager des discussions à l'échelle européenne, voire mondiale, sur la qualité des outils numériques et sur l'impact du numérique sur les conditions de travail.",
                "Faire monter en compétence numérique tous les interlocuteurs sociaux, syndicaux, patronaux et publics.",
            ],
        },
    },
}
