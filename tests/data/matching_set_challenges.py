"""Challenges of the labelled matching set, each with the solution(s) it is meant to find.

Written from the city's side (the need, the context, the constraints), not from the product's:
the words a city uses are often not the vendor's.
"""

# (external_id, organization, language, title, summary, description, domains, tags, intended)
CHALLENGES = [
    # --- Mobility ---------------------------------------------------------------------------
    (
        "granby-2025-stationnement",
        "ville-granby",
        "fr",
        "Savoir en temps réel où se garer au centre-ville",
        "Les automobilistes tournent en rond rue Principale pour trouver une place libre, ce qui "
        "nuit aux commerçants et ajoute de la circulation inutile.",
        "Le centre-ville compte environ 450 places de stationnement sur rue et deux terrains "
        "municipaux. Les commerçants se plaignent que la clientèle ne trouve pas de place, alors "
        "que nos relevés manuels montrent que certaines rues restent à moitié vides. Nous voulons "
        "connaître l'occupation de chaque case en temps réel, afficher la disponibilité aux "
        "entrées du centre-ville et dans une carte web, et obtenir des statistiques de rotation "
        "pour revoir la durée permise. La solution doit résister au déneigement et au sel.",
        ["mobility"],
        ["stationnement", "centre-ville"],
        ["parksense-capteurs"],
    ),
    (
        "sherbrooke-2025-comptage-actif",
        "ville-sherbrooke",
        "fr",
        "Mesurer l'achalandage du réseau cyclable et piéton, été comme hiver",
        "Nous investissons dans le réseau cyclable quatre saisons sans savoir combien de "
        "personnes l'utilisent.",
        "Le conseil nous demande de justifier les investissements en transport actif. Nous "
        "n'avons que des comptages manuels ponctuels faits par des étudiants l'été. Nous "
        "cherchons des équipements permanents qui distinguent les vélos des piétons sur les "
        "pistes et les trottoirs partagés, qui fonctionnent sous la neige et à -30 °C, et qui "
        "transmettent les données chaque jour sans intervention. Les données doivent pouvoir "
        "être publiées sur notre portail de données ouvertes.",
        ["mobility"],
        ["vélo", "transport actif"],
        ["boreal-eco-compteurs"],
    ),
    (
        "levis-2025-transport-demande",
        "ville-levis",
        "fr",
        "Desservir les secteurs peu denses sans faire rouler des autobus vides",
        "Dans les secteurs ruraux et périurbains, nos lignes régulières circulent presque vides "
        "hors des heures de pointe.",
        "La société de transport maintient des lignes fixes dans des quartiers où l'on compte "
        "parfois deux ou trois usagers par passage. Nous voulons remplacer une partie de ce "
        "service par des trajets déclenchés par les réservations des usagers, avec des "
        "minibus, tout en garantissant les correspondances avec le réseau structurant. Les "
        "aînés doivent pouvoir réserver par téléphone, pas seulement par une application.",
        ["mobility"],
        ["transport collectif", "zones rurales"],
        ["flexibus-sur-demande"],
    ),
    (
        "trois-rivieres-2025-autobus-intersections",
        "ville-trois-rivieres",
        "fr",
        "Nos autobus perdent du temps aux intersections",
        "La ponctualité des lignes principales se dégrade, surtout aux feux de circulation du "
        "boulevard des Forges.",
        "Les analyses de la société de transport montrent que près du quart du temps de "
        "parcours se passe arrêté aux feux. Nous aimerions que les feux de circulation "
        "reconnaissent l'approche d'un autobus en retard et prolongent le vert ou devancent "
        "son tour, sans perturber la coordination du corridor. Nos contrôleurs de feux sont de "
        "deux générations différentes.",
        ["mobility"],
        ["autobus", "feux de circulation"],
        ["feuvert-priorite-bus"],
    ),
    (
        "guelph-2025-school-zone-speeding",
        "city-of-guelph",
        "en",
        "Drivers keep speeding past our schools",
        "Parents and crossing guards report cars going well above 40 km/h in school zones; we "
        "want drivers to slow down and we need numbers before redesigning streets.",
        "Residents file dozens of complaints every fall about speeding near elementary "
        "schools. Before we commit capital to traffic calming, staff want to show each driver "
        "their own speed as they approach, and to collect counts and speed profiles by hour "
        "so that police enforcement and engineering can target the worst spots. Units must be "
        "easy for public works crews to move between sites and run on their own power.",
        ["mobility", "public-safety"],
        ["school zones", "traffic safety"],
        ["safestreet-radar"],
    ),
    (
        "perpignan-2025-information-voyageurs",
        "perpignan-metropole",
        "fr",
        "Aider les habitants à combiner bus, vélo et covoiturage",
        "L'offre existe mais elle est éclatée entre plusieurs opérateurs, sites et titres de "
        "transport ; beaucoup d'habitants prennent la voiture par défaut.",
        "Le territoire compte un réseau de bus, des vélos en libre-service, des parkings relais "
        "et des lignes de covoiturage. Chaque service a son site et son titre. Nous voulons "
        "offrir un point d'entrée unique où l'on prépare un trajet porte à porte qui combine ces "
        "modes, où l'on paie une seule fois, et qui nous donne des statistiques sur les "
        "déplacements. L'outil doit être en français et en catalan.",
        ["mobility"],
        ["intermodalité"],
        ["mobiliti-maas"],
    ),
    (
        "gatineau-2025-flotte-vehicules",
        "ville-gatineau",
        "fr",
        "Quels véhicules de notre flotte remplacer en premier par des électriques?",
        "Nous devons électrifier la flotte municipale d'ici 2030 sans savoir quels véhicules "
        "s'y prêtent selon leur usage réel.",
        "La ville gère près de 900 véhicules légers et lourds. Le plan climat exige leur "
        "électrification progressive, mais nous ne savons pas quelles camionnettes font des "
        "trajets compatibles avec l'autonomie actuelle des modèles électriques, ni combien de "
        "bornes prévoir dans chaque garage. Nous cherchons une analyse fondée sur les "
        "déplacements réels de chaque véhicule et sur le coût total de possession.",
        ["energy"],
        ["électrification", "flotte municipale"],
        ["telefleet-ev-suitability"],
    ),
    (
        "kingston-2025-curb-deliveries",
        "city-of-kingston",
        "en",
        "Delivery trucks double-parking downtown",
        "Couriers stop in travel lanes and bike lanes on Princess Street because loading zones "
        "are always taken.",
        "E-commerce has multiplied deliveries downtown. Our few loading zones are occupied by "
        "private cars for hours, so vans double-park and block cyclists. We want to manage "
        "the curb as a shared asset: let commercial drivers reserve a short slot in advance, "
        "charge fairly for it, know who actually uses each zone and when, and adjust the rules "
        "by time of day without new signs every month.",
        ["mobility"],
        ["downtown", "loading zones"],
        ["curbwise-platform"],
    ),
    (
        "rimouski-2025-deneigement-trottoirs",
        "ville-rimouski",
        "fr",
        "Les citoyens veulent savoir quand leur trottoir sera dégagé",
        "Après chaque tempête, le service à la clientèle reçoit des centaines d'appels pour "
        "savoir si la chenillette est passée dans la rue.",
        "Nos équipes et nos sous-traitants déneigent 300 km de trottoirs. Nous n'avons aucune "
        "vue d'ensemble de l'avancement des opérations pendant une tempête, et nous ne "
        "pouvons pas vérifier facilement les heures facturées par les entrepreneurs. Nous "
        "souhaitons suivre la position des appareils, voir les rues faites et à faire, et "
        "montrer cette progression aux citoyens sur une carte.",
        [],
        ["hiver", "service aux citoyens"],
        ["traceneige-suivi"],
    ),
    (
        "moncton-2025-bus-arrival",
        "city-of-moncton",
        "en",
        "Riders do not know when the next bus will come",
        "Our buses have AVL units but riders only see the printed schedule; trip planners like "
        "Google Maps show no live arrivals for our system.",
        "Codiac Transpo buses were equipped with AVL computers years ago, but the data stays "
        "inside the dispatch office. We want to publish a GTFS-realtime feed so that third-"
        "party apps show predicted arrivals, and install a few screens at major stops and "
        "the terminal. We have a small team and no developers.",
        ["mobility"],
        ["public transit", "real-time"],
        ["infobus-gtfs-rt"],
    ),
    # --- Water ------------------------------------------------------------------------------
    (
        "saguenay-2025-pertes-eau",
        "ville-saguenay",
        "fr",
        "Réduire les pertes d'eau potable dans notre réseau de distribution",
        "Le bilan de la Stratégie québécoise d'économie d'eau potable montre des pertes bien "
        "au-dessus de la cible ; nous ne savons pas où elles se produisent.",
        "Notre réseau compte près de 1 000 km de conduites, dont une partie en fonte grise "
        "installée avant 1970. Les bris visibles sont réparés rapidement, mais l'eau perdue "
        "qui s'infiltre dans le sol sans jamais apparaître en surface nous échappe. Nous "
        "voulons localiser ces écoulements cachés de façon continue plutôt qu'avec une "
        "campagne annuelle, et prioriser les réparations.",
        ["water"],
        ["eau potable", "pertes"],
        ["acoustiq-ecoute-permanente"],
    ),
    (
        "drummondville-2025-releve-compteurs",
        "ville-drummondville",
        "fr",
        "Relever la consommation d'eau des industries, commerces et institutions sans se déplacer",
        "Nos employés passent des semaines à lire les compteurs d'eau des ICI, souvent situés "
        "dans des sous-sols difficiles d'accès.",
        "La tarification de l'eau des ICI exige une lecture trimestrielle de plus de 2 000 "
        "compteurs. Les lectures manuelles sont coûteuses, les erreurs fréquentes et nous "
        "découvrons des consommations anormales des mois trop tard. Nous voulons obtenir les "
        "index automatiquement, plusieurs fois par jour, et être avertis d'une consommation "
        "nocturne inhabituelle chez un client.",
        ["water"],
        ["compteurs d'eau", "ICI"],
        ["compteo-telereleve"],
    ),
    (
        "moncton-2025-combined-sewer",
        "city-of-moncton",
        "en",
        "Cut combined sewer overflows into the Petitcodiac River",
        "Heavy rain sends untreated wastewater into the river several times a year; building "
        "larger tanks everywhere is not affordable.",
        "Parts of the older downtown still have combined sewers. During intense storms the "
        "interceptor fills and overflows at six outfalls. Engineers believe the existing pipes "
        "have unused storage upstream. We want to use that storage dynamically by measuring "
        "levels across the network and operating gates and pumps automatically according to "
        "the forecast and the state of the treatment plant.",
        ["water"],
        ["overflows", "stormwater"],
        ["flowlogic-rtc"],
    ),
    (
        "rimouski-2025-plages-baignade",
        "ville-rimouski",
        "fr",
        "Savoir le jour même si l'on peut se baigner",
        "Les résultats d'analyse de l'eau de baignade arrivent deux jours après le "
        "prélèvement : nous fermons ou ouvrons les plages trop tard.",
        "Les échantillons des trois plages municipales sont envoyés à un laboratoire "
        "accrédité et les résultats de coliformes arrivent 24 à 48 heures plus tard. Après un "
        "orage, nous fermons par précaution sans savoir si c'est nécessaire. Nous cherchons "
        "une méthode d'analyse sur place, utilisable par nos techniciens, qui donne une "
        "réponse fiable en quelques heures.",
        ["water", "environment"],
        ["baignade", "qualité de l'eau"],
        ["aquadiag-ecoli"],
    ),
    (
        "victoriaville-2025-postes-pompage",
        "ville-victoriaville",
        "fr",
        "Moderniser la supervision de nos postes de pompage",
        "Nos 38 postes de pompage d'eaux usées sont surveillés par un système SCADA vieillissant "
        "et des lignes téléphoniques qui seront bientôt abandonnées.",
        "Le fournisseur des lignes cuivre cessera ce service en 2026. Nos automates et notre "
        "logiciel SCADA datent de 2004 et un seul employé sait les entretenir. Nous voulons "
        "recevoir les alarmes sur cellulaire, consulter les niveaux et le fonctionnement des "
        "pompes à distance, conserver l'historique, et réduire les visites de routine, sans "
        "monter une équipe informatique.",
        ["water"],
        ["eaux usées", "télémétrie"],
        ["telemetrix-cloud-scada"],
    ),
    (
        "canmore-2025-lead-pipes",
        "town-of-canmore",
        "en",
        "Where are the lead service lines in our town?",
        "New federal guidance asks us to inventory lead service connections, but our records "
        "on the private side of the property line are incomplete.",
        "Many homes built before 1960 may still be connected by lead pipes. Digging up every "
        "connection is impossible. We have partial records, house ages, some inspection "
        "results and tap sampling data. We need a defensible inventory that tells us which "
        "addresses are most likely to have lead so we can test and replace in the right order, "
        "and communicate with homeowners.",
        ["water"],
        ["drinking water", "lead"],
        ["pipeinsight-lead"],
    ),
    (
        "perpignan-2025-arrosage",
        "perpignan-metropole",
        "fr",
        "Arroser moins les espaces verts pendant les sécheresses",
        "Les restrictions préfectorales se répètent chaque été ; nos jardiniers arrosent encore "
        "à heure fixe, qu'il ait plu ou non.",
        "La métropole entretient 300 hectares de parcs, de terrains de sport et de "
        "ronds-points plantés. Les programmateurs d'arrosage sont réglés à la main en début de "
        "saison. Nous voulons ajuster les apports à ce dont les plantes ont vraiment besoin, "
        "suivre les volumes consommés par site, et couper automatiquement en cas de fuite ou "
        "de pluie annoncée.",
        ["energy"],
        ["sécheresse", "espaces verts"],
        ["irrigo-pilotage"],
    ),
    # --- Energy -----------------------------------------------------------------------------
    (
        "laval-2025-eclairage-rues",
        "ville-laval",
        "fr",
        "Éclairer mieux les rues en dépensant moins",
        "Notre parc de lampadaires au sodium coûte cher en électricité et en entretien, et les "
        "pannes nous sont signalées par les citoyens.",
        "Laval compte plus de 40 000 luminaires de rue. Nous remplaçons graduellement les "
        "lampes, mais nous voulons aussi baisser l'intensité aux heures creuses, détecter les "
        "pannes sans attendre une plainte et connaître la consommation réelle de chaque "
        "circuit. La lumière bleue et la pollution lumineuse inquiètent aussi les résidents.",
        ["energy"],
        ["éclairage public"],
        ["lumicite-telegestion"],
    ),
    (
        "joliette-2025-consommation-batiments",
        "ville-joliette",
        "fr",
        "Comprendre où part l'énergie de nos bâtiments municipaux",
        "Nous recevons des factures d'électricité et de gaz pour 45 bâtiments sans pouvoir "
        "comparer ni repérer les dérives.",
        "L'hôtel de ville, l'aréna, la bibliothèque, les garages et les chalets de parc ont "
        "chacun leurs factures. Personne n'a le temps de les analyser. Nous voulons "
        "regrouper automatiquement ces données, suivre la consommation heure par heure là où "
        "c'est possible, comparer les bâtiments entre eux, être avertis d'une hausse anormale "
        "et produire le rapport annuel de GES.",
        ["buildings"],
        ["énergie", "bâtiments municipaux"],
        ["energik-suivi"],
    ),
    (
        "guelph-2025-rooftop-solar",
        "city-of-guelph",
        "en",
        "Put our municipal roofs to work generating electricity",
        "Council wants to know how much of the city's own electricity could come from panels "
        "on its facilities, and how to pay for them without a large capital budget.",
        "We own about 60 buildings, from recreation centres to fire halls, with roofs of "
        "different ages and structures. We need a screening of which roofs can host "
        "photovoltaic arrays, the expected yield, and a financing model such as a power "
        "purchase agreement, followed by installation and monitoring.",
        ["energy"],
        ["renewable energy"],
        ["northernsun-rooftop-pv"],
    ),
    (
        "val-dor-2025-chaleur-arena",
        "ville-val-dor",
        "fr",
        "Ne plus gaspiller la chaleur de l'aréna",
        "La glace de l'aréna rejette de la chaleur toute l'année pendant que nous chauffons "
        "la piscine voisine au gaz naturel.",
        "Le système de réfrigération de l'aréna doit être remplacé d'ici trois ans. Les "
        "condenseurs actuels rejettent toute la chaleur à l'extérieur. La piscine et le centre "
        "communautaire sont à 50 mètres. Nous voulons profiter du remplacement pour utiliser "
        "cette chaleur, réduire nos émissions et sortir des réfrigérants à fort potentiel de "
        "réchauffement.",
        ["energy", "buildings"],
        ["aréna", "GES"],
        ["thermorecup-co2"],
    ),
    # --- Cybersecurity ----------------------------------------------------------------------
    (
        "longueuil-2025-rancongiciel",
        "ville-longueuil",
        "fr",
        "Pouvoir redémarrer après une cyberattaque qui chiffre nos serveurs",
        "Plusieurs municipalités ont été paralysées des semaines par un rançongiciel ; nous "
        "doutons de pouvoir restaurer nos systèmes si nos copies sont aussi chiffrées.",
        "Nos copies de sécurité sont sur un serveur du même domaine que la production. Un "
        "attaquant qui obtient les droits d'administrateur pourrait les effacer. Nous "
        "voulons des copies que personne ne peut modifier ni supprimer pendant la période de "
        "rétention, conservées hors de nos murs, et un exercice de restauration complet chaque "
        "année.",
        ["digital-services"],
        ["rançongiciel", "continuité"],
        ["coffrefort-immuable"],
    ),
    (
        "magog-2025-hameconnage",
        "ville-magog",
        "fr",
        "Nos employés cliquent encore sur les faux courriels",
        "Malgré nos rappels, des employés ont donné leur mot de passe à de faux courriels "
        "d'hameçonnage (phishing) trois fois cette année.",
        "Nous avons 350 employés, dont plusieurs cols bleus qui consultent leurs courriels sur "
        "téléphone. Une séance annuelle de formation ne suffit pas. Nous cherchons une façon de "
        "tester régulièrement les employés avec des messages réalistes, de former ceux qui "
        "tombent dans le piège au moment même, et de mesurer les progrès par service. Le "
        "contenu doit être en français.",
        ["cybersecurity"],
        ["sensibilisation"],
        ["phishaware-training"],
    ),
    (
        "hudson-2025-after-hours-security",
        "town-of-hudson",
        "en",
        "Nobody watches our network at night",
        "We are a small town with one IT technician; an intrusion on a Friday evening would go "
        "unnoticed until Monday.",
        "Our IT is run by a single technician and an outside firm for projects. We have "
        "antivirus and a firewall but nobody looks at alerts outside office hours. Insurers "
        "now ask for round-the-clock detection and response as a condition of our cyber "
        "policy. We need experts to watch our servers and workstations continuously and to "
        "isolate a compromised machine when something happens.",
        ["cybersecurity"],
        ["small municipality"],
        ["watchtower-mdr"],
    ),
    (
        "blainville-2025-acces-distance",
        "ville-blainville",
        "fr",
        "Un mot de passe volé ne doit plus suffire pour entrer chez nous",
        "Le télétravail a multiplié les connexions à distance à nos systèmes ; un identifiant "
        "dérobé donne aujourd'hui accès à tout.",
        "Les employés se connectent au VPN, à la messagerie et au logiciel de paie depuis la "
        "maison. Nous voulons exiger une deuxième preuve d'identité à chaque connexion, sans "
        "compliquer la vie des employés qui n'ont pas de téléphone de fonction, et centraliser "
        "les comptes pour retirer les accès le jour du départ d'un employé.",
        ["cybersecurity"],
        ["télétravail"],
        ["authentiq-mfa"],
    ),
    (
        "shawinigan-2025-automates-usine",
        "ville-shawinigan",
        "fr",
        "Protéger l'usine de traitement d'eau contre une prise de contrôle à distance",
        "Les automates de l'usine de filtration sont reliés au réseau de la ville ; une "
        "attaque pourrait modifier le dosage des produits chimiques.",
        "Notre usine de filtration utilise des automates programmables et un SCADA reliés par "
        "Modbus. Un intégrateur s'y connecte à distance pour l'entretien. Nous ne savons pas "
        "exactement quels équipements communiquent entre eux ni si quelqu'un s'y connecte "
        "sans autorisation. Nous voulons une vue des équipements et des communications, et "
        "être alertés d'une commande anormale, sans risquer d'arrêter le procédé.",
        [],
        ["eau potable", "OT"],
        ["gridshield-ot"],
    ),
    # --- Waste ------------------------------------------------------------------------------
    (
        "victoriaville-2025-conteneurs",
        "ville-victoriaville",
        "fr",
        "Vider les conteneurs quand ils sont pleins, pas selon le calendrier",
        "Nos camions vident des conteneurs semi-enfouis à moitié vides pendant que d'autres "
        "débordent dans les parcs.",
        "Nous avons 220 conteneurs semi-enfouis pour les déchets, le recyclage et le "
        "compost dans les parcs, les écoles et les multilogements. Les tournées suivent un "
        "calendrier fixe. Nous aimerions connaître le remplissage de chaque conteneur et que "
        "les tournées de collecte soient planifiées selon les besoins réels.",
        ["waste"],
        ["collecte", "conteneurs"],
        ["niveauplus-sondes"],
    ),
    (
        "sherbrooke-2025-contamination-recyclage",
        "ville-sherbrooke",
        "fr",
        "Trop de sacs de plastique et de déchets dans le bac bleu",
        "Le centre de tri nous facture la contamination de nos matières recyclables, qui "
        "dépasse 15 %.",
        "Les campagnes générales d'information n'ont pas changé les habitudes. Nous croyons "
        "qu'une rétroaction personnalisée, adressée aux foyers qui mettent des matières "
        "refusées dans le bac, serait plus efficace, mais nos équipes ne peuvent pas "
        "inspecter 60 000 bacs. Nous voulons repérer automatiquement les erreurs de tri "
        "pendant la collecte et informer les résidents concernés.",
        ["waste"],
        ["recyclage", "sensibilisation"],
        ["trivision-camera-camion"],
    ),
    (
        "kingston-2025-apartment-organics",
        "city-of-kingston",
        "en",
        "Few apartment residents use the green bin",
        "Participation in food scraps collection is above 70% in houses but under 20% in "
        "multi-residential buildings.",
        "We extended organics collection to apartment buildings, but tenants change often, "
        "speak many languages and never hear from us directly. Property managers have no "
        "time to run programs. We want to reach residents building by building, explain "
        "what goes where in their language, show each building how it is doing compared "
        "with others, and keep people motivated over time.",
        ["waste"],
        ["organics", "multi-residential"],
        ["wastewise-engagement"],
    ),
    (
        "perpignan-2025-depots-sauvages",
        "perpignan-metropole",
        "fr",
        "Mettre fin aux dépôts sauvages en bord de route",
        "Matelas, gravats et électroménagers sont abandonnés chaque semaine dans les chemins "
        "ruraux et près des points d'apport volontaire.",
        "Les équipes ramassent plus de 400 tonnes d'encombrants abandonnés par an. Les "
        "contrevenants agissent surtout la nuit et changent d'endroit. Nous voulons identifier "
        "les véhicules en cause pour verbaliser, sur des sites qui n'ont ni électricité ni "
        "réseau filaire, et pouvoir déplacer le dispositif facilement.",
        ["waste", "public-safety"],
        ["incivilités"],
        ["sentinelle-nomade-camera"],
    ),
    (
        "saint-jerome-2025-branches",
        "ville-saint-jerome",
        "fr",
        "Que faire des branches et résidus de bois après les tempêtes?",
        "Le verglas et les vents violents laissent des milliers de mètres cubes de branches "
        "que nous broyons et enfouissons à grands frais.",
        "Les collectes de branches, les abattages d'arbres malades et l'écocentre génèrent "
        "beaucoup de bois propre. Les copeaux dépassent nos besoins en paillis. Nous "
        "cherchons une façon de transformer ce bois en produit utile localement, idéalement "
        "qui améliore les sols de nos parcs et stocke du carbone.",
        ["waste", "environment"],
        ["résidus verts"],
        ["biocarbone-biochar"],
    ),
    (
        "joliette-2025-ecocentre",
        "ville-joliette",
        "fr",
        "Réserver l'écocentre aux résidents qui le paient",
        "Des entrepreneurs et des résidents des municipalités voisines déposent des matériaux "
        "à notre écocentre sans y avoir droit.",
        "L'écocentre est financé par nos taxes, mais les préposés ne peuvent pas vérifier "
        "l'adresse de chaque visiteur aux heures de pointe. Nous voulons reconnaître "
        "automatiquement les visiteurs admissibles, limiter le nombre de visites ou les "
        "volumes gratuits par adresse, et obtenir des statistiques de fréquentation.",
        ["waste"],
        ["écocentre"],
        ["ecoacces-controle"],
    ),
    # --- Public works -----------------------------------------------------------------------
    (
        "levis-2025-etat-chaussees",
        "ville-levis",
        "fr",
        "Connaître l'état de toutes nos rues pour planifier le pavage",
        "Notre dernier relevé de l'état des chaussées date de 2017 ; le plan d'intervention "
        "exige des données récentes.",
        "Un relevé complet par firme spécialisée coûte cher et n'est fait qu'aux cinq ans. "
        "Entre-temps, les nids-de-poule, fissures et ornières se multiplient sans que nous "
        "puissions suivre leur évolution. Nous souhaitons évaluer l'ensemble du réseau chaque "
        "année, idéalement avec nos propres véhicules, et obtenir un indice par tronçon pour "
        "prioriser les travaux.",
        ["public-works"],
        ["voirie", "plan d'intervention"],
        ["chausseeia-releve"],
    ),
    (
        "trois-rivieres-2025-egouts-inspection",
        "ville-trois-rivieres",
        "fr",
        "Inspecter nos conduites d'égout plus vite et mieux",
        "Le plan d'intervention exige l'inspection télévisée (CCTV) de 40 km de conduites par "
        "année ; l'analyse des vidéos prend des mois.",
        "Nos équipes et nos sous-traitants produisent des heures de vidéos d'inspection. La "
        "codification des défauts selon le protocole PACP est faite à la main, avec des "
        "écarts entre techniciens. Nous voulons accélérer la codification, uniformiser la "
        "cote de chaque conduite et intégrer les résultats à notre système de gestion des "
        "actifs.",
        ["public-works", "water"],
        ["égouts", "gestion des actifs"],
        ["pipebot-ai-coding"],
    ),
    (
        "moncton-2025-road-salt",
        "city-of-moncton",
        "en",
        "Protect our lakes and streams from road salt",
        "Chloride levels in local streams keep rising; our winter crews spread salt by habit "
        "and by the truckload.",
        "Each winter we spread about 20,000 tonnes of salt. Operators decide rates themselves "
        "and we cannot tell how much went on each route. We want to apply only what the "
        "pavement conditions require, track the material used per route, and show the "
        "province that we are reducing chlorides.",
        ["water"],
        ["winter maintenance", "chlorides"],
        ["clearroad-rwis"],
    ),
    (
        "saint-jerome-2025-plans-reseaux",
        "ville-saint-jerome",
        "fr",
        "Nos plans de réseaux sont sur papier et dans la mémoire des anciens",
        "Quand un employé d'expérience part à la retraite, nous perdons l'emplacement exact "
        "de vannes, de regards et de branchements.",
        "Une partie des plans des réseaux d'aqueduc et d'égout existe seulement sur papier ou "
        "en PDF. Les équipes sur le terrain prennent des notes à la main. Nous voulons que les "
        "employés relèvent eux-mêmes, sur tablette, la position précise des équipements et "
        "leurs attributs lors de chaque intervention, directement dans la base géographique de "
        "la ville.",
        [],
        ["cartographie", "aqueduc"],
        ["geoterrain-releve"],
    ),
    (
        "canmore-2025-bridge-inspection",
        "town-of-canmore",
        "en",
        "Inspect our bridges without closing them",
        "Our pedestrian and road bridges need detailed inspections, but lane closures and "
        "under-bridge access trucks are costly and disruptive.",
        "We have 14 bridges and large culverts, several over fast mountain creeks where "
        "access from below is dangerous. Current inspections rely on visual checks from the "
        "deck. We want close-up imagery of every element, measurements of cracks and spalling, "
        "and a 3D record we can compare from one inspection to the next.",
        ["public-works"],
        ["bridges", "asset management"],
        ["ouvrages3d-drone"],
    ),
    # --- Buildings --------------------------------------------------------------------------
    (
        "granby-2025-air-interieur",
        "ville-granby",
        "fr",
        "Les usagers de nos bibliothèques se plaignent d'air lourd",
        "Maux de tête et somnolence sont signalés dans la bibliothèque et les salles "
        "communautaires quand elles sont pleines.",
        "Nos bâtiments ont des systèmes de ventilation d'âges variés et nous ne savons pas "
        "si l'apport d'air frais suffit quand les salles sont occupées. Nous voulons mesurer "
        "en continu le gaz carbonique, l'humidité, la température et les particules dans les "
        "pièces, consulter ces mesures à distance et montrer aux usagers que l'air est sain.",
        ["buildings"],
        ["ventilation", "santé"],
        ["airsain-capteurs"],
    ),
    (
        "guelph-2025-arena-hvac",
        "city-of-guelph",
        "en",
        "Catch equipment problems before our arenas break down",
        "Rooftop units, boilers and chillers fail without warning, and we often learn about it "
        "from a cold or overheated facility.",
        "Our building automation system collects thousands of data points but nobody has time "
        "to look at trends. Valves stuck open and simultaneous heating and cooling waste "
        "energy for months. We want software that reads the data we already have and tells "
        "maintenance staff what is wrong, where, and how much it costs.",
        ["buildings"],
        ["maintenance"],
        ["clarity-fdd"],
    ),
    (
        "rimouski-2025-toitures",
        "ville-rimouski",
        "fr",
        "Trouver les infiltrations d'eau dans les toits plats avant qu'elles coulent",
        "Des toitures de nos écoles et arénas laissent entrer l'eau ; nous découvrons les "
        "problèmes quand les plafonds sont tachés.",
        "La ville entretient 70 000 m² de toits plats. L'eau qui s'infiltre sous la membrane "
        "mouille l'isolant pendant des années avant d'apparaître à l'intérieur. Nous voulons "
        "repérer les zones humides de chaque toit sans ouvrir la membrane, afin de réparer "
        "localement plutôt que de refaire les toits au complet.",
        ["buildings"],
        ["toitures", "entretien"],
        ["thermodrone-toits"],
    ),
    # --- Environment ------------------------------------------------------------------------
    (
        "laval-2025-ilots-chaleur",
        "ville-laval",
        "fr",
        "Où planter en priorité pour rafraîchir les quartiers?",
        "Les vagues de chaleur touchent durement certains quartiers ; nous voulons cibler les "
        "plantations là où elles protégeront le plus de personnes vulnérables.",
        "Le budget de plantation est limité et chaque arrondissement réclame sa part. Nous "
        "voulons une carte des zones les plus chaudes de la ville lors des canicules, "
        "croisée avec la couverture végétale existante et les populations sensibles (aînés, "
        "enfants, ménages à faible revenu), pour justifier un ordre de priorité.",
        ["environment"],
        ["canicule", "verdissement"],
        ["canopee-cartographie"],
    ),
    (
        "saguenay-2025-inventaire-arbres",
        "ville-saguenay",
        "fr",
        "Gérer nos arbres publics avant qu'ils tombent",
        "L'agrile du frêne progresse et nous ne savons pas précisément combien de frênes nous "
        "possédons, ni où.",
        "Les interventions d'élagage et d'abattage sont planifiées à partir de requêtes de "
        "citoyens. Nous voulons un registre à jour de chaque arbre public (essence, diamètre, "
        "état), le suivi de chaque intervention, la planification des travaux d'élagage, "
        "et des indicateurs sur les services rendus par la forêt urbaine.",
        ["environment"],
        ["forêt urbaine", "agrile du frêne"],
        ["arbonum-inventaire"],
    ),
    (
        "canmore-2025-wildlife",
        "town-of-canmore",
        "en",
        "Bears and elk wander into our neighbourhoods",
        "Encounters between residents and wildlife are increasing in town, along trails and "
        "near schools.",
        "Conservation officers often learn about an animal in town after a risky encounter. "
        "We want early warning when a bear, cougar or elk approaches key areas such as "
        "schoolyards and playgrounds, so staff can close trails and warn residents, and we "
        "want data on where animals cross to plan wildlife corridors.",
        ["environment", "public-safety"],
        ["wildlife"],
        ["wildwatch-ai"],
    ),
    (
        "perpignan-2025-crues",
        "perpignan-metropole",
        "fr",
        "Prévenir les riverains avant que la rivière déborde",
        "Les épisodes méditerranéens font monter la Têt et ses affluents en quelques heures ; "
        "les habitants des zones basses sont prévenus trop tard.",
        "Les stations de mesure de l'État sont peu nombreuses sur les petits cours d'eau. "
        "Nous voulons suivre en continu la hauteur d'eau aux points sensibles, anticiper la "
        "montée grâce aux prévisions de pluie, et déclencher des consignes graduées pour les "
        "services techniques et les habitants concernés.",
        ["environment", "public-safety"],
        ["inondations", "épisodes méditerranéens"],
        ["vigicrue-hauteur"],
    ),
    (
        "blainville-2025-air-ecoles",
        "ville-blainville",
        "fr",
        "Quelle est la qualité de l'air autour de nos écoles?",
        "Des parents s'inquiètent de la circulation des autobus et des voitures aux heures "
        "d'entrée ; la station de mesure la plus proche est à 15 km.",
        "Nous voulons des mesures locales de particules fines et de dioxyde d'azote près des "
        "écoles et des axes routiers, consultables par le public, afin d'évaluer l'effet des "
        "rues scolaires et des zones sans ralenti que nous mettons en place.",
        ["environment"],
        ["santé publique", "écoles"],
        ["respire-reseau"],
    ),
    # --- Digital services -------------------------------------------------------------------
    (
        "drummondville-2025-requetes",
        "ville-drummondville",
        "fr",
        "Les demandes des citoyens se perdent entre les services",
        "Un nid-de-poule signalé par téléphone, par courriel ou sur Facebook n'est pas traité "
        "de la même façon, et le citoyen ne sait jamais où en est sa demande.",
        "Chaque service a son propre fichier de suivi. Nous voulons un seul point d'entrée "
        "pour toutes les demandes et plaintes, quel que soit le canal, avec une photo et "
        "une localisation, l'acheminement automatique au bon service, le suivi des délais et "
        "un avis au citoyen quand le problème est réglé.",
        ["digital-services"],
        ["service aux citoyens", "311"],
        ["requetes360-gestion"],
    ),
    (
        "joliette-2025-questions-soir",
        "ville-joliette",
        "fr",
        "Répondre aux citoyens le soir et la fin de semaine",
        "La moitié des appels reçus portent sur les mêmes questions : collectes, permis, "
        "taxes, loisirs ; le service à la clientèle est fermé quand les gens sont disponibles.",
        "Nous voulons que les citoyens obtiennent une réponse fiable à toute heure sur notre "
        "site web, à partir de nos propres contenus, avec un transfert vers un employé quand "
        "la question est complexe. Les réponses ne doivent jamais inventer un règlement.",
        ["digital-services"],
        ["service aux citoyens"],
        ["bavard-agent"],
    ),
    (
        "hudson-2025-council-meetings",
        "town-of-hudson",
        "en",
        "Make council meetings easier to follow and to run",
        "Agendas are assembled by hand, residents struggle to find past decisions, and the "
        "clerk spends days writing minutes.",
        "The clerk's office prepares agenda packages in word processors and PDFs, and "
        "meetings are recorded on a single camera. We want residents to watch meetings live "
        "and later jump to the item that interests them, publish searchable minutes quickly, "
        "and handle the workflow from staff reports to council resolutions in one place. "
        "Bilingual English and French publishing is required.",
        ["digital-services"],
        ["transparency", "council"],
        ["councilcast-suite"],
    ),
    (
        "gatineau-2025-permis-ligne",
        "ville-gatineau",
        "fr",
        "Demander un permis de rénovation sans se déplacer",
        "Les citoyens doivent venir au comptoir ou envoyer des formulaires papier pour un "
        "permis de rénovation, de piscine ou de clôture.",
        "Notre délai moyen de délivrance dépasse six semaines, en partie parce que les "
        "dossiers arrivent incomplets. Nous voulons que les citoyens et les entrepreneurs "
        "déposent leur demande et leurs plans en ligne, paient les frais, suivent "
        "l'avancement, et que les inspecteurs traitent les dossiers dans un même outil.",
        ["digital-services"],
        ["urbanisme"],
        ["permisnet-plateforme"],
    ),
    (
        "perpignan-2025-donnees-ouvertes",
        "perpignan-metropole",
        "fr",
        "Publier nos données ouvertes (open data) de façon durable",
        "Nous publions quelques fichiers sur la plateforme nationale, à la main et sans "
        "mise à jour.",
        "La loi impose l'ouverture des données publiques. Horaires des équipements, "
        "stationnement, collectes et budget sont dans des logiciels différents. Nous voulons "
        "un portail de données ouvertes à nos couleurs, qui moissonne nos sources "
        "automatiquement, expose une API et des métadonnées DCAT compatibles avec "
        "data.gouv.fr, et mesure la réutilisation.",
        ["digital-services"],
        ["open data", "transparence"],
        ["opengov-portal"],
    ),
    (
        "magog-2025-inscriptions-loisirs",
        "ville-magog",
        "fr",
        "Les inscriptions aux camps de jour font planter notre site",
        "Chaque printemps, les parents veillent tard et le site tombe dès l'ouverture des "
        "inscriptions aux camps de jour et aux cours.",
        "Nous gérons les inscriptions aux camps, cours de natation et activités sportives "
        "avec un vieux logiciel et des fichiers Excel. Nous voulons des inscriptions en ligne "
        "qui tiennent la charge, une file d'attente équitable, le paiement et les reçus "
        "fiscaux, les listes de présences pour les animateurs et les tarifs résidents et "
        "non-résidents.",
        [],
        ["loisirs", "camps de jour"],
        ["inscriptio-loisirs"],
    ),
    # --- Public safety ----------------------------------------------------------------------
    (
        "sept-iles-2025-alerte-population",
        "ville-sept-iles",
        "fr",
        "Joindre rapidement toute la population en cas d'urgence",
        "Lors du dernier feu de forêt et de l'avis d'ébullition d'eau, nous avons prévenu les "
        "citoyens par Facebook et par porte-à-porte.",
        "Nous voulons pouvoir envoyer un message par texto, appel vocal et courriel à tous "
        "les résidents d'un secteur en quelques minutes, en français, en anglais et en innu, "
        "à partir d'une carte, et laisser les citoyens s'inscrire eux-mêmes. Les lignes fixes "
        "des aînés doivent être couvertes.",
        ["public-safety"],
        ["mesures d'urgence"],
        ["alertecitoyen-notification"],
    ),
    (
        "kingston-2025-fire-preplans",
        "city-of-kingston",
        "en",
        "Firefighters arrive without knowing the building",
        "Crews responding to commercial and industrial fires do not have floor plans, hydrant "
        "locations or hazardous materials information on the way.",
        "Our fire prevention officers collect building information during inspections, but "
        "it sits in binders at the station. We want crews to see, in the truck, a plan of "
        "the building with entrances, shut-offs, standpipes, hazardous materials and "
        "occupant information, updated after every inspection.",
        ["public-safety"],
        ["fire department"],
        ["fireplan-preincident"],
    ),
    (
        "longueuil-2025-vehicules-urgence",
        "ville-longueuil",
        "fr",
        "Les camions de pompiers restent coincés aux intersections",
        "Le temps d'intervention augmente : aux heures de pointe, nos véhicules d'urgence "
        "traversent des carrefours bondés et risquent des collisions.",
        "Les pompiers et les ambulanciers doivent parfois franchir des intersections au "
        "rouge. Nous voulons que les feux passent au vert dans leur direction à leur approche "
        "et dégagent la file, puis reprennent leur cycle normal, en gardant une trace de "
        "chaque activation.",
        ["public-safety"],
        ["pompiers", "temps d'intervention"],
        ["urgentia-preemption"],
    ),
    (
        "canet-2025-piscine-noyade",
        "ville-canet",
        "fr",
        "Renforcer la surveillance des bassins de la piscine municipale",
        "Une noyade évitée de justesse l'été dernier a montré que les maîtres-nageurs ne "
        "peuvent pas tout voir, surtout avec les reflets.",
        "La piscine intercommunale accueille jusqu'à 800 baigneurs par jour en été. Nous "
        "voulons aider les surveillants à repérer plus tôt une personne en difficulté sous "
        "l'eau, sans les remplacer, et en respectant la vie privée des usagers.",
        [],
        ["piscine", "sécurité aquatique"],
        ["aquavigil-vision"],
    ),
    # --- Other ------------------------------------------------------------------------------
    (
        "sherbrooke-2025-budget-participatif",
        "ville-sherbrooke",
        "fr",
        "Faire participer plus de citoyens aux décisions",
        "Nos consultations publiques attirent toujours les mêmes 40 personnes ; les jeunes et "
        "les familles n'y viennent pas.",
        "Nous lançons un budget participatif de 2 millions de dollars et plusieurs "
        "consultations sur l'aménagement des quartiers. Nous voulons que les citoyens "
        "puissent proposer des projets, commenter et voter en ligne, avec une vérification "
        "de résidence, et que nous puissions publier les résultats et le suivi des projets.",
        ["other"],
        ["démocratie"],
        ["participe-plateforme"],
    ),
    (
        "guelph-2025-ghg-inventory",
        "city-of-guelph",
        "en",
        "Track progress toward our net-zero target",
        "Council adopted a net-zero carbon target, but the corporate emissions inventory is "
        "rebuilt in spreadsheets each year by a consultant.",
        "Fuel, natural gas, electricity and waste data come from different departments and "
        "suppliers. We want to calculate corporate and community emissions continuously, "
        "follow each action of the climate plan against its target, and report to the "
        "Partners for Climate Protection program and to the public.",
        ["environment"],
        ["climate action"],
        ["ecologik-carbone"],
    ),
]
