"""Solutions of the labelled matching set, part B: other products, many of them near misses.

Several share words with a challenge without answering it (a parking payment app for an
occupancy need, a portable correlator campaign for continuous leak listening, solar bins for a
solar roof program): a good engine must rank the intended solution above them.
"""

S = []


def s(external_id, org, language, name, summary, description, domains, tags, trl=9):
    S.append((external_id, org, language, name, summary, description, domains, tags, trl))


# --- Mobility -------------------------------------------------------------------------------
s(
    "paymobile-app",
    "paymobile",
    "fr",
    "PayMobile — paiement du stationnement par téléphone",
    "Application pour payer et prolonger son stationnement sur rue depuis son téléphone.",
    "L'automobiliste saisit le numéro de zone affiché sur la borne et paie à la minute avec son "
    "téléphone ; il reçoit un rappel avant l'expiration et prolonge à distance. Les agents "
    "vérifient les paiements par la plaque. Réduit le nombre d'horodateurs à entretenir et la "
    "manipulation de monnaie.",
    ["mobility"],
    ["stationnement", "paiement mobile"],
)
s(
    "paymobile-horodateurs",
    "paymobile",
    "fr",
    "Horodateurs solaires communicants",
    "Bornes de paiement du stationnement alimentées à l'énergie solaire, avec paiement sans "
    "contact.",
    "Nos horodateurs acceptent cartes, sans contact et monnaie, fonctionnent à "
    "l'énergie solaire et transmettent les transactions en temps réel. Tarification modulée "
    "par zone et par heure, gestion centralisée du parc de bornes.",
    ["mobility"],
    ["stationnement", "horodateurs"],
)
s(
    "vigiplaque-lapi",
    "vigiplaque",
    "fr",
    "Vigiplaque — contrôle du stationnement par LAPI",
    "Véhicule de patrouille équipé de lecture automatique de plaques pour contrôler le "
    "stationnement payant et les zones à durée limitée.",
    "Les caméras LAPI lisent les plaques des véhicules stationnés pendant que l'agent roule ; "
    "le système compare avec les paiements et les vignettes, et mesure les dépassements de "
    "durée. Un agent contrôle dix fois plus de places par heure qu'à pied.",
    ["mobility"],
    ["LAPI", "stationnement", "application des règlements"],
)
s(
    "parksense-garages",
    "parksense",
    "fr",
    "ParkSense Entrées — comptage des stationnements étagés",
    "Comptage des entrées et sorties des stationnements étagés et des terrains pour afficher "
    "le nombre de places libres.",
    "Des boucles de détection ou des caméras aux accès comptent les véhicules qui entrent et "
    "sortent de chaque niveau. Les panneaux à l'entrée affichent le nombre de places encore "
    "libres et les données alimentent le site web de la ville.",
    ["mobility"],
    ["stationnement", "affichage dynamique"],
)
s(
    "boreal-tubes",
    "boreal-comptage",
    "fr",
    "Comptages de circulation par tubes pneumatiques",
    "Service de comptage temporaire des véhicules par tubes pneumatiques : débits, vitesses, "
    "classification.",
    "Nos techniciens posent des compteurs à tubes pour une à deux semaines "
    "et livrent les débits journaliers, les vitesses et la classification des véhicules pour "
    "les études de circulation.",
    ["mobility"],
    ["comptage", "études de circulation"],
)
s(
    "boreal-video-intersections",
    "boreal-comptage",
    "fr",
    "Analyse vidéo des mouvements aux intersections",
    "Comptage des mouvements de virage des automobiles, cyclistes et piétons aux carrefours par "
    "analyse vidéo.",
    "Une caméra temporaire filme l'intersection pendant 24 heures ; notre "
    "logiciel compte chaque mouvement par mode et détecte les conflits entre usagers. Livré "
    "sous forme de rapport pour les études de sécurité et de feux.",
    ["mobility"],
    ["analyse vidéo", "sécurité routière"],
)
s(
    "flexibus-scolaire",
    "flexibus",
    "fr",
    "FlexiBus Scolaire — planification du transport scolaire",
    "Optimisation des circuits d'autobus scolaires et suivi des élèves à bord.",
    "Le logiciel calcule les circuits et les arrêts à partir des adresses des élèves, réduit le "
    "nombre d'autobus et informe les parents des retards par une application.",
    ["mobility"],
    ["transport scolaire", "optimisation"],
)
s(
    "flexibus-navette-autonome",
    "flexibus",
    "fr",
    "Navette électrique autonome",
    "Exploitation de navettes électriques autonomes pour le premier et le dernier kilomètre.",
    "Nous exploitons des navettes sans conducteur de 12 places sur des parcours fixes à basse "
    "vitesse : campus, parcs industriels, liaisons vers une gare. Accompagnement "
    "réglementaire et exploitation clé en main.",
    ["mobility"],
    ["véhicule autonome", "navette"],
    6,
)
s(
    "covoit-employeurs",
    "covoit",
    "fr",
    "Covoit Québec — covoiturage domicile-travail",
    "Plateforme de covoiturage pour les employeurs et les municipalités, avec jumelage des "
    "trajets et stationnements réservés.",
    "Les employés publient leurs trajets et sont jumelés "
    "selon l'horaire et l'itinéraire. Stationnements réservés aux covoitureurs, statistiques "
    "de réduction des GES pour l'employeur.",
    ["mobility"],
    ["covoiturage", "navettage"],
)
s(
    "covoit-autopartage",
    "covoit",
    "fr",
    "Autopartage de la flotte municipale",
    "Gestion en autopartage des véhicules de service : réservation en ligne et clé virtuelle.",
    "Les employés réservent un véhicule partagé en ligne et l'ouvrent avec leur téléphone ; "
    "le taux d'utilisation de chaque véhicule est mesuré pour réduire la taille de la flotte.",
    ["mobility"],
    ["autopartage", "flotte"],
)
s(
    "feuvert-adaptatif",
    "feuvert",
    "fr",
    "FeuVert Adaptatif — coordination des feux de circulation",
    "Optimisation adaptative des plans de feux selon la circulation mesurée en temps réel.",
    "Des capteurs vidéo aux intersections mesurent les files d'attente ; notre algorithme "
    "ajuste les durées de vert et la coordination des carrefours d'un corridor toutes les "
    "minutes. Réduction des temps de parcours et des arrêts pour l'ensemble des usagers.",
    ["mobility"],
    ["feux de circulation", "circulation"],
)
s(
    "sentinel-photo-radar",
    "sentinel-traffic",
    "en",
    "Sentinel automated speed enforcement",
    "Fixed and mobile photo radar cameras that issue speeding tickets in school and community "
    "safety zones.",
    "Certified cameras capture vehicles exceeding the limit and send evidence "
    "packages for processing by the municipality's provincial offences office. Turnkey "
    "program with site selection, signage and public communication.",
    ["public-safety", "mobility"],
    ["photo radar", "enforcement", "speeding"],
)
s(
    "sentinel-red-light",
    "sentinel-traffic",
    "en",
    "Sentinel red light cameras",
    "Cameras that detect vehicles running red lights at intersections.",
    "Video and still images document each violation for ticketing. Reduces right-angle "
    "collisions at high-risk intersections.",
    ["public-safety"],
    ["red light", "intersections"],
)
s(
    "safestreet-rrfb",
    "safestreet",
    "en",
    "SafeStreet solar crosswalk beacons",
    "Rectangular rapid flashing beacons activated by pedestrians at uncontrolled crossings.",
    "Push-button or automatic detection triggers high-intensity LED flashers that make drivers "
    "yield. Solar powered, wireless synchronization between both sides of the street.",
    ["mobility", "public-safety"],
    ["crosswalk", "pedestrians"],
)
s(
    "mobiliti-velos",
    "mobiliti",
    "fr",
    "Mobiliti Vélo — vélos en libre-service",
    "Système de vélos et vélos à assistance électrique en libre-service avec stations légères.",
    "Stations sans travaux de génie civil, vélos connectés et application de "
    "location. Exploitation, rééquilibrage et entretien inclus ; données d'usage pour la "
    "collectivité.",
    ["mobility"],
    ["vélo", "libre-service"],
)
s(
    "telefleet-gps",
    "telefleet",
    "en",
    "TeleFleet GPS tracking and driver safety",
    "Vehicle tracking, idling reduction and driver behaviour scoring for municipal fleets.",
    "Telematics units report location, idling, harsh braking and engine diagnostics. Reports "
    "help cut fuel use and maintenance costs and improve safety of fleet drivers.",
    ["mobility"],
    ["telematics", "fleet management", "GPS"],
)
s(
    "borneplus-bornes",
    "borneplus",
    "fr",
    "BornePlus — bornes de recharge pour municipalités",
    "Fourniture, installation et exploitation de bornes de recharge pour véhicules électriques "
    "publiques et de flotte.",
    "Bornes de niveau 2 et rapides, installation clé en main, "
    "gestion de l'accès et facturation des usagers, entretien. Réseau public ou bornes "
    "réservées à la flotte municipale dans les garages.",
    ["mobility", "energy"],
    ["recharge", "véhicules électriques"],
)
s(
    "borneplus-gestion-charge",
    "borneplus",
    "fr",
    "Gestion intelligente de la recharge",
    "Logiciel qui répartit la puissance entre les bornes d'un garage pour éviter les appels "
    "de puissance.",
    "La recharge des véhicules de la flotte est planifiée la nuit selon "
    "l'heure de départ de chaque véhicule et la capacité du bâtiment, ce qui évite de "
    "coûteuses mises à niveau électriques.",
    ["energy", "mobility"],
    ["recharge", "puissance"],
)
s(
    "curbwise-permits",
    "curbwise",
    "en",
    "CurbWise digital residential parking permits",
    "Online residential and visitor parking permits linked to licence plates.",
    "Residents apply and pay online; permits are virtual and checked by plate during "
    "enforcement. Rules per zone, visitor passes and contractor permits.",
    ["mobility"],
    ["parking permits"],
)
s(
    "infobus-afficheurs",
    "infobus",
    "fr",
    "Afficheurs à encre électronique pour abribus",
    "Écrans à encre électronique autonomes qui affichent les horaires et messages aux arrêts.",
    "Alimentés par un panneau solaire et connectés en 4G, nos afficheurs lisibles en plein "
    "soleil affichent les horaires et les perturbations publiées par le réseau. Aucun "
    "raccordement électrique requis.",
    ["mobility"],
    ["information voyageurs", "affichage"],
)
s(
    "civicapps-transit-app",
    "civicapps",
    "en",
    "CivicApps transit app and mobile ticketing",
    "White-label transit app with trip planning and mobile fare payment for small and "
    "mid-size agencies.",
    "Riders plan trips, buy and activate mobile tickets and receive "
    "service alerts. Agencies manage fares and passes in a web console.",
    ["mobility"],
    ["mobile ticketing", "transit app"],
)
s(
    "civicapps-micromobility",
    "civicapps",
    "en",
    "CivicApps micromobility permit management",
    "Platform to regulate shared e-scooters and bikes: permits, parking zones, compliance data.",
    "Cities define operating and no-parking zones, receive operators' MDS data feeds "
    "and monitor fleet caps and complaints.",
    ["mobility"],
    ["e-scooters", "MDS"],
)
s(
    "urgentia-cad",
    "urgentia",
    "fr",
    "Urgentia Répartition — répartition assistée par ordinateur",
    "Logiciel de répartition des appels d'urgence pour les services d'incendie.",
    "Prise d'appel, proposition des ressources selon la couverture, suivi AVL des véhicules "
    "et transmission des informations aux tablettes des camions.",
    ["public-safety"],
    ["RAO", "répartition", "incendie"],
)
s(
    "voirie-plus-chantiers",
    "voirie-plus",
    "fr",
    "Voirie Plus — coordination des chantiers",
    "Carte partagée des entraves et chantiers sur la voie publique, avec avis aux citoyens.",
    "Les services municipaux et les entreprises d'utilités publiques planifient leurs travaux "
    "sur une carte commune pour éviter les conflits ; les entraves sont publiées pour les "
    "citoyens et les applications de navigation.",
    ["public-works", "mobility"],
    ["chantiers", "entraves"],
)

# --- Water ----------------------------------------------------------------------------------
s(
    "acoustiq-campagne",
    "acoustiq",
    "fr",
    "Recherche de fuites par campagne d'écoute",
    "Service de recherche de fuites sur le réseau d'eau potable par écoute au sol et "
    "corrélation, secteur par secteur.",
    "Nos techniciens parcourent le réseau avec "
    "géophones et corrélateurs portatifs et marquent les fuites au sol. Campagne annuelle "
    "avec rapport des débits récupérés.",
    ["water"],
    ["fuites", "eau potable"],
)
s(
    "compteo-sectorisation",
    "compteo",
    "fr",
    "Sectorisation et modulation de pression",
    "Découpage du réseau d'eau en secteurs de distribution mesurés et régulation de la "
    "pression pour réduire les pertes.",
    "Nous concevons les secteurs, installons débitmètres "
    "et vannes de régulation, puis suivons les débits de nuit pour cibler les secteurs à "
    "fuites. La baisse de pression réduit les bris et le débit des fuites existantes.",
    ["water"],
    ["pertes d'eau", "pression", "sectorisation"],
)
s(
    "compteo-residentiel",
    "compteo",
    "fr",
    "Compteurs d'eau résidentiels et portail citoyen",
    "Compteurs d'eau intelligents pour les résidences avec portail qui montre à chacun sa "
    "consommation.",
    "Installation de compteurs à ultrasons dans les résidences et portail "
    "web qui compare la consommation du ménage et signale les fuites de toilette.",
    ["water"],
    ["compteurs", "sensibilisation"],
)
s(
    "hydroverte-bioretention",
    "hydroverte",
    "fr",
    "HydroVerte — cellules de biorétention",
    "Conception et construction d'infrastructures vertes qui retiennent et infiltrent les "
    "eaux pluviales.",
    "Cellules de biorétention, noues végétalisées et fosses d'arbres "
    "drainantes réduisent les volumes envoyés aux égouts lors des pluies. Accompagnement "
    "pour la conception, les plantations et l'entretien.",
    ["water", "environment"],
    ["eaux pluviales", "infrastructures vertes"],
)
s(
    "hydroverte-pavage",
    "hydroverte",
    "fr",
    "Pavage perméable pour stationnements",
    "Revêtements perméables qui laissent s'infiltrer l'eau de pluie dans les stationnements.",
    "Pavés drainants et enrobés poreux sur fondation réservoir ; réduit le ruissellement et "
    "les îlots de chaleur.",
    ["water", "public-works"],
    ["ruissellement", "pavage"],
)
s(
    "hydroverte-debitmetres",
    "hydroverte",
    "fr",
    "Études de captage et d'infiltration",
    "Campagnes de débitmétrie dans les égouts pour mesurer les eaux parasites.",
    "Des débitmètres temporaires sont installés dans les regards pendant la fonte et les "
    "pluies. Nous quantifions les eaux de captage et d'infiltration par secteur et "
    "recommandons les travaux.",
    ["water"],
    ["égouts", "débitmétrie"],
)
s(
    "flowlogic-pump-energy",
    "flowlogic",
    "en",
    "FlowLogic pump scheduling optimization",
    "Software that schedules water pumping to minimize energy costs while meeting demand.",
    "Using demand forecasts and electricity rates, the optimizer plans pump operations and "
    "reservoir levels for the next 24 hours and sends setpoints to the SCADA.",
    ["water", "energy"],
    ["pumping", "energy optimization"],
)
s(
    "aquadiag-chlore",
    "aquadiag",
    "fr",
    "Analyseurs de chlore en continu",
    "Analyseurs en ligne du chlore résiduel, de la turbidité et du pH dans le réseau de "
    "distribution.",
    "Installés dans les chambres de vannes, les analyseurs transmettent "
    "les mesures de qualité de l'eau potable pour repérer une baisse de chlore ou une "
    "intrusion.",
    ["water"],
    ["qualité de l'eau", "chlore"],
)
s(
    "aquadiag-cyano",
    "aquadiag",
    "fr",
    "Détection des cyanobactéries dans les lacs",
    "Sondes de phycocyanine qui suivent les fleurs d'eau d'algues bleu-vert en continu.",
    "Des bouées instrumentées mesurent la phycocyanine, la chlorophylle et la température et "
    "préviennent des épisodes de cyanobactéries dans les lacs et prises d'eau.",
    ["water", "environment"],
    ["cyanobactéries", "lacs"],
)
s(
    "telemetrix-reservoirs",
    "telemetrix",
    "en",
    "Telemetrix tank and pressure monitoring",
    "Battery-powered sensors for water tower levels and distribution pressure, reported over "
    "cellular networks.",
    "Install in hours, no power needed. Levels and pressures arrive "
    "every few minutes in the web dashboard; transient pressure events are captured.",
    ["water"],
    ["pressure", "reservoirs"],
)
s(
    "pipeinsight-mains",
    "pipeinsight",
    "en",
    "PipeInsight water main break prediction",
    "Machine-learning model that predicts the likelihood of failure of each water main to "
    "plan renewal.",
    "Break history, material, age, soil and pressure data are combined to "
    "rank pipes by risk and build a capital replacement plan.",
    ["water", "public-works"],
    ["water mains", "asset management"],
)
s(
    "pipebot-lining",
    "pipebot",
    "en",
    "PipeBot robotic lateral reinstatement",
    "Robots that reopen service connections after cured-in-place pipe lining.",
    "Our remote-controlled cutters reinstate laterals inside lined sewer pipes, with live video.",
    ["public-works", "water"],
    ["CIPP", "trenchless"],
)
s(
    "irrigo-pluie",
    "irrigo",
    "fr",
    "Récupération des eaux de pluie pour bâtiments publics",
    "Citernes et systèmes de réutilisation de l'eau de pluie pour les sanitaires et l'arrosage.",
    "Dimensionnement, fourniture et pose de cuves enterrées, filtration et "
    "pompage ; suivi des volumes économisés.",
    ["water", "buildings"],
    ["eau de pluie", "réutilisation"],
)
s(
    "ecologik-kits-eau",
    "eco-logik",
    "fr",
    "Kits hydro-économes pour les ménages",
    "Distribution de kits d'économie d'eau (pommes de douche, aérateurs) et campagnes de "
    "sensibilisation.",
    "Programme clé en main avec inscription en ligne, livraison et "
    "mesure des économies d'eau et d'énergie.",
    ["water"],
    ["économie d'eau", "sensibilisation"],
)
s(
    "geomatix-hydraulic",
    "geomatix",
    "en",
    "Geomatix hydraulic modelling services",
    "Hydraulic models of water distribution and sewer networks for master planning.",
    "We build and calibrate models to assess fire flows, growth scenarios and sewer capacity.",
    ["water"],
    ["hydraulic model", "master plan"],
)

# --- Energy ---------------------------------------------------------------------------------
s(
    "lumicite-solaire",
    "lumicite",
    "fr",
    "Lampadaires solaires autonomes",
    "Lampadaires DEL alimentés par panneau solaire pour sentiers, parcs et stationnements.",
    "Aucun raccordement électrique : batterie au lithium dimensionnée pour l'hiver, détection "
    "de présence et gradation.",
    ["energy"],
    ["éclairage", "solaire"],
)
s(
    "lumicite-sportif",
    "lumicite",
    "fr",
    "Éclairage DEL des terrains sportifs",
    "Conversion à la DEL de l'éclairage des terrains de soccer, de baseball et des patinoires "
    "extérieures.",
    "Projecteurs DEL à optique précise qui réduisent l'éblouissement des "
    "voisins et la consommation, avec allumage à distance.",
    ["energy"],
    ["DEL", "terrains sportifs"],
)
s(
    "energik-audit",
    "energik",
    "fr",
    "Audits énergétiques de bâtiments",
    "Audits énergétiques détaillés et plans de mesures subventionnables.",
    "Nos ingénieurs analysent l'enveloppe, la mécanique et l'éclairage et chiffrent les "
    "mesures d'économie d'énergie et les subventions disponibles.",
    ["buildings", "energy"],
    ["audit énergétique"],
)
s(
    "energik-pointe",
    "energik",
    "fr",
    "Gestion de la demande de pointe hivernale",
    "Pilotage automatique du chauffage des bâtiments pendant les pointes de consommation "
    "d'électricité.",
    "La plateforme préchauffe les bâtiments avant les avis de pointe et "
    "réduit les charges pendant les heures critiques pour profiter des tarifs et crédits.",
    ["energy", "buildings"],
    ["pointe", "tarification dynamique"],
)
s(
    "northernsun-storage",
    "northern-sun",
    "en",
    "Northern Sun battery storage",
    "Behind-the-meter batteries that cut peak demand charges and provide backup power.",
    "Lithium battery systems discharge during peaks and keep critical loads running during "
    "outages; sized for community centres and water facilities.",
    ["energy"],
    ["battery", "peak demand"],
)
s(
    "northernsun-carports",
    "northern-sun",
    "en",
    "Northern Sun solar carports",
    "Solar canopies over parking lots with integrated EV charging.",
    "Steel canopies carry photovoltaic panels, shade vehicles and supply chargers. Designed "
    "for snow loads.",
    ["energy", "mobility"],
    ["solar", "EV charging"],
)
s(
    "thermorecup-geothermie",
    "thermo-recup",
    "fr",
    "Géothermie pour bâtiments municipaux",
    "Thermopompes géothermiques pour chauffer et climatiser les bâtiments publics.",
    "Forages verticaux et thermopompes eau-eau remplacent les chaudières au gaz ; étude de "
    "faisabilité et montage des subventions.",
    ["energy", "buildings"],
    ["géothermie", "thermopompes"],
)
s(
    "thermorecup-biomasse",
    "thermo-recup",
    "fr",
    "Chaufferie à la biomasse forestière",
    "Chaudières aux copeaux de bois et petits réseaux de chaleur pour les bâtiments municipaux.",
    "Approvisionnement local en copeaux, chaufferie automatisée et réseau de "
    "chaleur entre bâtiments voisins.",
    ["energy"],
    ["biomasse", "réseau de chaleur"],
)
s(
    "ecologik-riothermie",
    "eco-logik",
    "fr",
    "Riothermie — chaleur des eaux usées",
    "Récupération de la chaleur des eaux usées dans les collecteurs pour chauffer les bâtiments.",
    "Échangeurs installés dans les égouts et pompes à chaleur alimentant "
    "piscines, écoles ou gymnases voisins.",
    ["energy"],
    ["chaleur fatale", "eaux usées"],
)
s(
    "batimetrix-gtb",
    "batimetrix",
    "fr",
    "Batimetrix — gestion technique des bâtiments",
    "Installation et programmation de systèmes de régulation (GTB) pour bâtiments municipaux.",
    "Contrôleurs BACnet, horaires d'occupation, régulation des unités de "
    "ventilation et des chaudières, poste central de supervision.",
    ["buildings", "energy"],
    ["régulation", "BACnet"],
)
s(
    "batimetrix-thermostats",
    "batimetrix",
    "fr",
    "Thermostats connectés pour chalets et centres communautaires",
    "Thermostats programmables à distance selon les réservations des salles.",
    "Le chauffage suit les réservations : la salle est chauffée seulement quand elle est utilisée.",
    ["buildings", "energy"],
    ["thermostats", "chauffage"],
)
s(
    "clarity-utility-bills",
    "clarity",
    "en",
    "Clarity utility bill management",
    "Automated capture and auditing of utility invoices across a portfolio of facilities.",
    "Bills are captured electronically, validated and exported to accounts payable; billing "
    "errors and rate changes are flagged.",
    ["energy"],
    ["utility bills", "invoices"],
)

# --- Cybersecurity --------------------------------------------------------------------------
s(
    "securinet-tests",
    "securinet",
    "fr",
    "SécuriNet — tests d'intrusion",
    "Tests d'intrusion externes et internes et évaluation des vulnérabilités.",
    "Nos experts certifiés simulent une attaque sur vos systèmes et livrent un rapport "
    "priorisé des correctifs.",
    ["cybersecurity"],
    ["tests d'intrusion", "vulnérabilités"],
)
s(
    "securinet-reponse",
    "securinet",
    "fr",
    "Plan de réponse aux incidents et exercices",
    "Rédaction du plan de réponse aux cyberincidents et exercices sur table avec la direction.",
    "Nous préparons les rôles, les contacts et les procédures, puis simulons "
    "une attaque par rançongiciel avec les gestionnaires.",
    ["cybersecurity"],
    ["gestion de crise", "incidents"],
)
s(
    "securinet-formation",
    "securinet",
    "fr",
    "Formation en cybersécurité pour les employés",
    "Ateliers en classe et en ligne sur les bonnes pratiques de cybersécurité.",
    "Sessions de deux heures sur les mots de passe, les réseaux Wi-Fi publics, la sécurité des "
    "appareils et les courriels suspects.",
    ["cybersecurity"],
    ["formation", "bonnes pratiques"],
)
s(
    "securinet-soc",
    "securinet",
    "fr",
    "Centre des opérations de sécurité en français",
    "Surveillance des journaux et alertes de sécurité par nos analystes.",
    "Collecte des journaux dans notre SIEM, corrélation et avis aux équipes TI en cas "
    "d'événement suspect, pendant les heures ouvrables ou 24/7 selon le forfait.",
    ["cybersecurity"],
    ["SIEM", "surveillance"],
)
s(
    "watchtower-edr",
    "watchtower",
    "en",
    "Watchtower EDR licences",
    "Endpoint detection and response software for workstations and servers, self-managed.",
    "Next-generation antivirus with behavioural detection and rollback, managed by your own "
    "IT team from a cloud console.",
    ["cybersecurity"],
    ["EDR", "antivirus"],
)
s(
    "watchtower-vuln",
    "watchtower",
    "en",
    "Continuous vulnerability scanning",
    "Scheduled scans of internet-facing and internal systems with patch prioritization.",
    "Agents and network scans find missing patches and misconfigurations and rank them by "
    "exploitability.",
    ["cybersecurity"],
    ["vulnerability management"],
)
s(
    "authentiq-mdp",
    "authentiq",
    "fr",
    "Gestionnaire de mots de passe d'entreprise",
    "Coffre de mots de passe partagé pour les équipes, avec audit.",
    "Les employés stockent et partagent les mots de passe des comptes de service de façon "
    "chiffrée ; rapports sur les mots de passe faibles ou réutilisés.",
    ["cybersecurity"],
    ["mots de passe"],
)
s(
    "authentiq-identite-citoyenne",
    "authentiq",
    "fr",
    "Identité numérique citoyenne",
    "Compte citoyen unique et sécurisé pour tous les services en ligne d'une municipalité.",
    "Les citoyens créent un compte vérifié et se connectent à tous les services de la ville "
    "avec le même identifiant.",
    ["digital-services"],
    ["identité numérique", "compte citoyen"],
)
s(
    "coffrefort-m365",
    "coffre-fort",
    "fr",
    "Sauvegarde de Microsoft 365",
    "Sauvegarde des courriels, OneDrive, SharePoint et Teams hébergée au Canada.",
    "Restauration d'un message, d'un fichier ou d'une boîte complète en quelques clics.",
    ["cybersecurity"],
    ["Microsoft 365", "sauvegarde"],
)
s(
    "coffrefort-ged",
    "coffre-fort",
    "fr",
    "Gestion documentaire et archives numériques",
    "Gestion électronique des documents municipaux conforme au calendrier de conservation.",
    "Classement, versions, conservation et destruction selon la Loi sur les archives ; "
    "recherche plein texte.",
    ["digital-services"],
    ["GED", "archives"],
)
s(
    "gridshield-segmentation",
    "gridshield",
    "en",
    "GridShield OT segmentation services",
    "Design of zones and conduits and industrial firewalls for control networks.",
    "We separate IT and OT networks following IEC 62443 and deploy industrial firewalls and "
    "secure remote access gateways for integrators.",
    ["cybersecurity"],
    ["IEC 62443", "firewall"],
)
s(
    "phishaware-gateway",
    "phishaware",
    "en",
    "PhishAware email security gateway",
    "Filters malicious attachments, links and impersonation attempts before they reach inboxes.",
    "Cloud email filtering with link rewriting and sandboxing, plus a report button for users.",
    ["cybersecurity"],
    ["email security"],
)
s(
    "civicapps-secure-hosting",
    "civicapps",
    "en",
    "CivicApps secure website hosting",
    "Managed hosting for municipal websites with web application firewall and DDoS protection.",
    "Patching, monitoring, backups and a CDN included.",
    ["cybersecurity", "digital-services"],
    ["hosting", "WAF"],
)

# --- Waste ----------------------------------------------------------------------------------
s(
    "niveauplus-compacteurs",
    "niveau-plus",
    "fr",
    "Poubelles compactantes solaires",
    "Poubelles publiques qui compactent les déchets grâce à l'énergie solaire et signalent "
    "quand elles sont pleines.",
    "Capacité multipliée par cinq, moins de vidages et de "
    "débordements dans les parcs et rues commerçantes.",
    ["waste"],
    ["compacteurs", "solaire"],
)
s(
    "niveauplus-rfid",
    "niveau-plus",
    "fr",
    "Puces RFID pour bacs roulants",
    "Identification des bacs par puce RFID pour la tarification incitative et l'inventaire.",
    "Le lecteur sur le camion enregistre chaque levée ; la ville connaît le nombre de "
    "collectes par adresse et facture selon l'usage.",
    ["waste"],
    ["RFID", "tarification incitative"],
)
s(
    "trivision-centre-tri",
    "trivision",
    "fr",
    "Robots de tri optique pour centres de tri",
    "Robots guidés par vision artificielle qui trient les matières recyclables sur les convoyeurs.",
    "Amélioration de la pureté des ballots de papier et de plastique et "
    "réduction des besoins de main-d'œuvre au centre de tri.",
    ["waste"],
    ["centre de tri", "robotique"],
)
s(
    "trivision-app-tri",
    "trivision",
    "fr",
    "Application « Ça va où? » personnalisée",
    "Application et moteur de recherche qui indiquent dans quel bac jeter chaque objet.",
    "Les résidents cherchent un objet et obtiennent la consigne de tri de leur municipalité, "
    "avec rappels de collecte.",
    ["waste"],
    ["tri", "application mobile"],
)
s(
    "wastewise-calendar",
    "wastewise",
    "en",
    "WasteWise collection calendar app",
    "Collection day reminders and a what-goes-where search tool for residents.",
    "Residents enter their address to get their schedule and reminders by app, email or phone.",
    ["waste"],
    ["collection calendar", "reminders"],
)
s(
    "wastewise-dehydrator",
    "wastewise",
    "en",
    "On-site food waste dehydrators",
    "Machines that dry food waste in commercial kitchens and large buildings to cut hauling.",
    "Reduce volume by up to 90%; output can be composted.",
    ["waste"],
    ["food waste", "equipment"],
)
s(
    "civicapps-dumping-reports",
    "civicapps",
    "en",
    "CivicApps illegal dumping reports",
    "Mobile app for residents to report illegal dumping with photos and location.",
    "Reports are routed to crews and tracked to pick-up.",
    ["waste"],
    ["illegal dumping", "reporting"],
)
s(
    "biocarbone-compost",
    "biocarbone",
    "fr",
    "Composteurs électromécaniques communautaires",
    "Composteurs en cuve fermée pour les résidus alimentaires des institutions et des quartiers.",
    "Compost mûr en quelques semaines, sans odeurs ni vermine, sur le site même.",
    ["waste"],
    ["compostage", "résidus alimentaires"],
)
s(
    "biocarbone-broyage",
    "biocarbone",
    "fr",
    "Service de broyage de branches à domicile",
    "Collecte et broyage des branches en bordure de rue après les tempêtes.",
    "Nos équipes passent avec des déchiqueteuses sur rendez-vous ou selon un calendrier ; "
    "les copeaux sont laissés aux résidents ou récupérés.",
    ["waste"],
    ["branches", "déchiquetage"],
)
s(
    "ecoacces-ressourcerie",
    "ecoacces",
    "fr",
    "Logiciel de gestion de ressourceries",
    "Gestion des dons, de l'inventaire et des ventes d'objets récupérés.",
    "Pesée des entrées, traçabilité des objets réemployés et rapports de détournement de "
    "l'enfouissement.",
    ["waste"],
    ["réemploi"],
)
s(
    "ecoacces-pesee",
    "ecoacces",
    "fr",
    "Pesée et billetterie des sites de dépôt",
    "Balances et logiciel de billetterie pour lieux d'enfouissement et centres de transfert.",
    "Lecture automatique des camions, facturation des apports et rapports réglementaires.",
    ["waste"],
    ["pesée", "lieu d'enfouissement"],
)
s(
    "ecologik-tournees",
    "eco-logik",
    "fr",
    "Optimisation des tournées de collecte",
    "Étude et logiciel d'optimisation des circuits de collecte des déchets.",
    "Nous redécoupons les secteurs et les jours de collecte pour réduire les kilomètres "
    "parcourus et les émissions des camions.",
    ["waste"],
    ["tournées", "logistique"],
)

# --- Public works ---------------------------------------------------------------------------
s(
    "chausseeia-reparation",
    "chaussee-ia",
    "fr",
    "Réparation de nids-de-poule par infrarouge",
    "Réparation durable des nids-de-poule et fissures par recyclage à chaud de l'enrobé.",
    "L'enrobé existant est réchauffé par infrarouge, scarifié et compacté avec un ajout "
    "d'enrobé neuf : réparation sans joint froid, en toute saison.",
    ["public-works"],
    ["nids-de-poule", "asphalte"],
)
s(
    "chausseeia-panneaux",
    "chaussee-ia",
    "fr",
    "Inventaire automatisé de la signalisation",
    "Inventaire des panneaux de signalisation et de leur état à partir de vidéos embarquées.",
    "L'IA repère chaque panneau, le géolocalise, le classe et évalue sa rétroréflexion.",
    ["public-works"],
    ["signalisation", "inventaire"],
)
s(
    "voirie-lidar",
    "voirie-plus",
    "fr",
    "Relevés LiDAR mobiles des réseaux routiers",
    "Numérisation 3D des rues par LiDAR mobile : chaussée, trottoirs, mobilier urbain.",
    "Un véhicule équipé de scanners LiDAR et de caméras relève le corridor routier à la "
    "vitesse de la circulation ; nous livrons un nuage de points et un inventaire des "
    "actifs.",
    ["public-works"],
    ["LiDAR", "numérisation 3D"],
)
s(
    "voirie-actifs",
    "voirie-plus",
    "fr",
    "Logiciel de gestion des actifs municipaux",
    "Registre des actifs, état, risques et planification des investissements.",
    "Centralise les conduites, chaussées et bâtiments, calcule les besoins de "
    "renouvellement et prépare le plan d'intervention.",
    ["public-works"],
    ["gestion des actifs", "PTI"],
)
s(
    "geoterrain-numerisation",
    "geoterrain",
    "fr",
    "Numérisation de plans papier",
    "Numérisation et vectorisation des plans d'archives des réseaux municipaux.",
    "Les plans sont balayés, géoréférencés et transformés en couches SIG.",
    ["public-works"],
    ["numérisation", "archives"],
)
s(
    "geomatix-digital-twin",
    "geomatix",
    "en",
    "Geomatix city digital twin",
    "A 3D digital twin combining BIM, GIS and sensor data for planning and operations.",
    "Visualize buildings, underground utilities and live data in one 3D model to simulate "
    "projects and coordinate departments.",
    ["public-works", "digital-services"],
    ["digital twin", "BIM"],
)
s(
    "geomatix-gpr",
    "geomatix",
    "en",
    "Geomatix ground penetrating radar utility locating",
    "Locate buried pipes and cables before excavation with ground penetrating radar.",
    "Survey crews map underground utilities and deliver CAD drawings and GIS layers.",
    ["public-works"],
    ["GPR", "utility locating"],
)
s(
    "clearroad-avl",
    "clearroad",
    "en",
    "ClearRoad snowplow AVL and public map",
    "GPS tracking of snowplows with a public map showing when each street was plowed.",
    "Plow, wing and spreader sensors are recorded; residents see plowing progress online "
    "and staff answer service requests faster.",
    ["public-works"],
    ["snowplow", "AVL", "winter"],
)
s(
    "clearroad-brine",
    "clearroad",
    "en",
    "ClearRoad brine production systems",
    "Automated brine makers and anti-icing equipment for winter road maintenance.",
    "Produce salt brine at the correct concentration for pre-wetting and anti-icing.",
    ["public-works"],
    ["brine", "anti-icing"],
)
s(
    "ouvrages3d-surveillance",
    "ouvrages3d",
    "fr",
    "Surveillance structurale des ouvrages",
    "Capteurs permanents de déformation, de vibration et de fissuration sur les ponts.",
    "Des jauges et accéléromètres sans fil transmettent en continu le comportement de "
    "l'ouvrage et alertent en cas de dépassement de seuil.",
    ["public-works"],
    ["auscultation", "ponts"],
)
s(
    "ouvrages3d-scan",
    "ouvrages3d",
    "fr",
    "Balayage laser de bâtiments patrimoniaux",
    "Relevés 3D par scanner laser terrestre pour les projets de restauration.",
    "Nuages de points et maquettes BIM des bâtiments existants.",
    ["buildings"],
    ["scanner laser", "BIM"],
)
s(
    "voirie-marquage",
    "voirie-plus",
    "fr",
    "Marquage routier durable",
    "Peintures et produits de marquage à longue durée de vie pour les passages piétons et "
    "pistes cyclables.",
    "Résines méthacrylate résistantes au déneigement et au sel.",
    ["public-works", "mobility"],
    ["marquage", "signalisation"],
)

# --- Buildings ------------------------------------------------------------------------------
s(
    "airsain-purificateurs",
    "airsain",
    "fr",
    "Purificateurs d'air HEPA pour salles publiques",
    "Purificateurs portatifs à filtre HEPA pour classes, salles et bureaux.",
    "Appareils silencieux dimensionnés selon le volume de la pièce, avec indicateur de "
    "remplacement des filtres.",
    ["buildings"],
    ["purificateurs", "filtration"],
)
s(
    "airsain-legionelle",
    "airsain",
    "fr",
    "Surveillance de la légionelle dans les bâtiments",
    "Suivi de la température et de la qualité de l'eau chaude dans les réseaux des bâtiments.",
    "Des sondes repèrent les bras morts et les températures favorables à la "
    "légionelle dans les arénas et piscines.",
    ["buildings", "water"],
    ["légionelle", "eau chaude"],
)
s(
    "batimetrix-vre",
    "batimetrix",
    "fr",
    "Mise à niveau de la ventilation",
    "Ajout de ventilateurs récupérateurs d'énergie et ventilation selon la demande.",
    "Nos mécaniciens installent des VRE et des sondes de CO2 qui modulent l'air neuf selon "
    "l'occupation.",
    ["buildings"],
    ["ventilation", "VRE"],
)
s(
    "batimetrix-toits-blancs",
    "batimetrix",
    "fr",
    "Toitures blanches réfléchissantes",
    "Remplacement des membranes de toits plats par des membranes blanches réfléchissantes.",
    "Réduit la température des toits et les besoins de climatisation ; garantie de 20 ans.",
    ["buildings"],
    ["toiture", "îlots de chaleur"],
)
s(
    "batimetrix-acces",
    "batimetrix",
    "fr",
    "Contrôle d'accès des bâtiments municipaux",
    "Cartes et lecteurs pour gérer l'accès des employés et des locataires de salles.",
    "Horaires par groupe, ouverture à distance et journal des entrées.",
    ["buildings"],
    ["contrôle d'accès"],
)
s(
    "clarity-occupancy",
    "clarity",
    "en",
    "Clarity occupancy analytics",
    "People-counting sensors that measure how municipal spaces are used.",
    "Anonymous sensors count visitors and room occupancy to right-size facilities and "
    "cleaning schedules.",
    ["buildings"],
    ["occupancy", "space utilization"],
)
s(
    "thermodrone-enveloppe",
    "thermodrone",
    "fr",
    "Thermographie de l'enveloppe des bâtiments",
    "Inspection thermographique des murs et fenêtres pour localiser les pertes de chaleur.",
    "Images infrarouges prises en hiver pour repérer les ponts thermiques et les fuites "
    "d'air avant des travaux d'efficacité énergétique.",
    ["buildings", "energy"],
    ["thermographie", "enveloppe"],
)
s(
    "thermodrone-panneaux",
    "thermodrone",
    "fr",
    "Inspection de parcs solaires par drone",
    "Détection par drone infrarouge des panneaux photovoltaïques défectueux.",
    "Repérage des cellules chaudes, diodes défaillantes et salissures sur les grandes "
    "installations.",
    ["energy"],
    ["drone", "photovoltaïque"],
)
s(
    "energik-gmao",
    "energik",
    "fr",
    "GMAO pour bâtiments municipaux",
    "Logiciel de gestion de la maintenance : bons de travail, entretien préventif, "
    "inventaire des équipements.",
    "Les techniciens reçoivent leurs bons sur téléphone ; "
    "historique des interventions par équipement.",
    ["buildings"],
    ["maintenance", "bons de travail"],
)

# --- Environment ----------------------------------------------------------------------------
s(
    "canopee-lidar",
    "canopee",
    "fr",
    "Détection des arbres par LiDAR aérien",
    "Cartographie de chaque couronne d'arbre et de la hauteur de la canopée à partir de "
    "LiDAR aérien.",
    "Nous livrons une couche de tous les arbres, publics et privés, avec "
    "hauteur et surface de couronne.",
    ["environment"],
    ["LiDAR", "canopée"],
)
s(
    "canopee-milieux-humides",
    "canopee",
    "fr",
    "Suivi satellitaire des milieux humides",
    "Cartographie et suivi des milieux humides et hydriques par images satellites.",
    "Détection des pertes et des remblais, appui aux plans régionaux des milieux humides.",
    ["environment"],
    ["milieux humides", "télédétection"],
)
s(
    "arbonum-plantation",
    "arbonum",
    "fr",
    "Programme de plantation et d'adoption d'arbres",
    "Plantation d'arbres sur les terrains publics et privés avec programme citoyen.",
    "Choix des essences, distribution aux citoyens, plantation et suivi de la survie.",
    ["environment"],
    ["plantation", "verdissement"],
)
s(
    "arbonum-agrile",
    "arbonum",
    "fr",
    "Traitement des frênes contre l'agrile",
    "Injection de frênes au TreeAzin et abattage des arbres atteints.",
    "Nos arboriculteurs certifiés traitent les frênes admissibles tous les deux ans.",
    ["environment"],
    ["agrile du frêne", "arboriculture"],
)
s(
    "respire-odeurs",
    "respire",
    "fr",
    "Surveillance des odeurs",
    "Nez électroniques autour des usines d'épuration, des sites de compostage et des industries.",
    "Mesures continues et modélisation de la dispersion pour répondre aux plaintes des voisins.",
    ["environment"],
    ["odeurs", "nuisances"],
)
s(
    "respire-bruit",
    "respire",
    "fr",
    "Sonomètres connectés",
    "Mesure continue du bruit urbain : chantiers, bars, circulation.",
    "Des sonomètres permanents publient les niveaux sonores et alertent en cas de dépassement.",
    ["environment"],
    ["bruit", "nuisances"],
)
s(
    "wildwatch-bins",
    "wildwatch",
    "en",
    "Bear-resistant waste containers",
    "Certified wildlife-resistant carts and bins for residential and park waste.",
    "Latched lids tested against bears; compatible with automated collection trucks.",
    ["waste", "environment"],
    ["bear-resistant", "containers"],
)
s(
    "wildwatch-trails",
    "wildwatch",
    "en",
    "Trail counters and visitor analytics",
    "Infrared counters measuring hikers and cyclists on trails and in parks.",
    "Daily counts help plan maintenance and parking.",
    ["environment"],
    ["trails", "visitor counts"],
)
s(
    "vigicrue-ruissellement",
    "vigicrue",
    "fr",
    "Modélisation du ruissellement urbain",
    "Études de risque d'inondation par ruissellement et cartographie des zones exposées.",
    "Modèles hydrologiques et hydrauliques pour le plan local d'urbanisme.",
    ["environment", "water"],
    ["ruissellement", "risque"],
)
s(
    "geomatix-flood-maps",
    "geomatix",
    "en",
    "Geomatix flood hazard mapping",
    "Flood hazard maps from LiDAR terrain models and river hydraulic models.",
    "Regulatory floodplain maps and climate change scenarios for land use planning.",
    ["environment"],
    ["floodplain", "LiDAR"],
)
s(
    "geomatix-invasives",
    "geomatix",
    "en",
    "Drone mapping of invasive plants",
    "Multispectral drone surveys that map phragmites and other invasive species.",
    "Maps guide control crews and measure results year over year.",
    ["environment"],
    ["invasive species", "drone"],
)
s(
    "ecologik-bilan",
    "eco-logik",
    "fr",
    "Bilan carbone des collectivités",
    "Accompagnement à la réalisation du bilan de gaz à effet de serre et du plan de transition.",
    "Consultants spécialisés, ateliers avec les services et rapport réglementaire.",
    ["environment"],
    ["bilan carbone", "GES"],
)
s(
    "ecologik-adaptation",
    "eco-logik",
    "fr",
    "Plan d'adaptation aux changements climatiques",
    "Diagnostic de vulnérabilité et plan d'adaptation pour les municipalités.",
    "Analyse des aléas (chaleur, inondation, sécheresse) et priorisation des mesures.",
    ["environment"],
    ["adaptation", "climat"],
)
s(
    "hydroverte-berges",
    "hydroverte",
    "fr",
    "Stabilisation et renaturalisation des berges",
    "Génie végétal pour stabiliser les rives des cours d'eau et restaurer les habitats.",
    "Fascines, plantations et enrochements végétalisés conçus et réalisés par nos équipes.",
    ["environment", "water"],
    ["berges", "génie végétal"],
)

# --- Digital services -----------------------------------------------------------------------
s(
    "requetes360-app",
    "requetes360",
    "fr",
    "Application mobile municipale",
    "Application de la ville : actualités, calendrier des collectes, avis et événements.",
    "Les citoyens reçoivent des notifications selon leur quartier et accèdent aux services "
    "en ligne.",
    ["digital-services"],
    ["application mobile", "communication"],
)
s(
    "requetes360-signature",
    "requetes360",
    "fr",
    "Signature électronique et circuits d'approbation",
    "Signature électronique des documents et approbations internes sans papier.",
    "Contrats, résolutions et bons de commande circulent et sont signés en ligne.",
    ["digital-services"],
    ["signature électronique"],
)
s(
    "bavard-telephonie",
    "bavard",
    "fr",
    "Réponse vocale intelligente",
    "Standard téléphonique automatisé qui comprend la demande et oriente l'appel.",
    "Le citoyen explique sa demande en langage naturel ; l'appel est dirigé au bon service "
    "ou une réponse enregistrée est donnée.",
    ["digital-services"],
    ["téléphonie", "IA"],
)
s(
    "councilcast-voting",
    "councilcast",
    "en",
    "CouncilCast electronic voting",
    "Electronic voting and speaker queue for council chambers.",
    "Members vote from tablets; results are displayed and recorded instantly.",
    ["digital-services"],
    ["voting", "council chamber"],
)
s(
    "civicapps-311",
    "civicapps",
    "en",
    "CivicApps 311 service requests",
    "Mobile and web app for residents to report issues and follow their service requests.",
    "Residents submit requests with photos; staff manage them in a work queue integrated "
    "with work order systems.",
    ["digital-services"],
    ["311", "service requests"],
)
s(
    "civicapps-websites",
    "civicapps",
    "en",
    "Accessible municipal websites",
    "Content management and design of accessible, bilingual municipal websites.",
    "WCAG 2.1 AA templates, search and forms for municipal content.",
    ["digital-services"],
    ["website", "accessibility"],
)
s(
    "permisnet-paiement",
    "permisnet",
    "fr",
    "Paiement en ligne des taxes et constats",
    "Paiement sécurisé en ligne des taxes municipales, constats et factures diverses.",
    "Intégré au système financier ; reçus envoyés automatiquement.",
    ["digital-services"],
    ["paiement en ligne", "taxes"],
)
s(
    "permisnet-rendez-vous",
    "permisnet",
    "fr",
    "Prise de rendez-vous en ligne",
    "Réservation de plages horaires au comptoir ou avec un inspecteur.",
    "Rappels par texto et réduction de l'attente au comptoir.",
    ["digital-services"],
    ["rendez-vous"],
)
s(
    "opengov-dashboards",
    "opengov-data",
    "en",
    "OpenGov performance dashboards",
    "Public dashboards for budget, performance indicators and council commitments.",
    "Connect financial and operational data to publish interactive charts.",
    ["digital-services"],
    ["transparency", "budget"],
)
s(
    "opengov-geoportal",
    "opengov-data",
    "en",
    "OpenGov web map portal",
    "Public web maps for zoning, property data and municipal services.",
    "Configurable map viewer connected to your GIS.",
    ["digital-services"],
    ["web mapping", "GIS"],
)
s(
    "inscriptio-reservation",
    "inscriptio",
    "fr",
    "Réservation de salles et de plateaux sportifs",
    "Location en ligne de salles, gymnases, terrains et glaces.",
    "Calendrier des disponibilités, contrats, paiement et accès des locataires.",
    ["digital-services"],
    ["réservation", "plateaux sportifs"],
)
s(
    "participe-sondages",
    "participe",
    "fr",
    "Sondages et panel citoyen",
    "Sondages en ligne et panel de citoyens représentatif pour orienter les décisions.",
    "Recrutement du panel, questionnaires et rapports d'analyse.",
    ["other"],
    ["sondage", "panel"],
)

# --- Public safety --------------------------------------------------------------------------
s(
    "alertecitoyen-sirenes",
    "alertecitoyen",
    "fr",
    "Sirènes d'alerte extérieures",
    "Réseau de sirènes électroniques avec messages vocaux pour les zones à risque.",
    "Déclenchement à distance, batterie de secours et tests silencieux.",
    ["public-safety"],
    ["sirènes", "alerte"],
)
s(
    "alertecitoyen-dea",
    "alertecitoyen",
    "fr",
    "Défibrillateurs connectés et citoyens secouristes",
    "Réseau de défibrillateurs publics surveillés et application qui alerte les secouristes "
    "à proximité.",
    "Les citoyens formés reçoivent une alerte lors d'un arrêt cardiaque près "
    "d'eux et sont guidés vers le défibrillateur le plus proche.",
    ["public-safety"],
    ["DEA", "premiers soins"],
)
s(
    "fireplan-hydrants",
    "fireplan",
    "en",
    "FirePlan hydrant inspection app",
    "Mobile inspections and maintenance tracking for fire hydrants.",
    "Flow tests, defects and repairs are recorded on a map.",
    ["public-safety", "water"],
    ["hydrants"],
)
s(
    "fireplan-training",
    "fireplan",
    "en",
    "FirePlan training records",
    "Training and certification records for firefighters.",
    "Track courses, hours and expiring certifications.",
    ["public-safety"],
    ["training"],
)
s(
    "vigiplaque-video",
    "vigiplaque",
    "fr",
    "Vidéosurveillance urbaine avec analyse",
    "Caméras urbaines et logiciel d'analyse vidéo pour les espaces publics.",
    "Détection d'événements et recherche rapide dans les enregistrements.",
    ["public-safety"],
    ["vidéosurveillance"],
)
s(
    "aquavigil-plages",
    "aquavigil",
    "fr",
    "Drone de sauvetage pour plages",
    "Drone qui largue une bouée aux baigneurs en difficulté avant l'arrivée des sauveteurs.",
    "Déployé depuis le poste de secours, il atteint un nageur à 500 m en moins d'une minute.",
    ["public-safety"],
    ["plages", "sauvetage"],
)

# --- Other ----------------------------------------------------------------------------------
s(
    "participe-defis",
    "participe",
    "fr",
    "Défis d'innovation ouverte",
    "Organisation de défis et hackathons citoyens pour trouver des idées.",
    "Appel à idées, jury et accompagnement des équipes lauréates.",
    ["other"],
    ["innovation ouverte"],
)
s(
    "civicapps-volunteers",
    "civicapps",
    "en",
    "Volunteer management",
    "Recruit, schedule and recognize volunteers for municipal events.",
    "Online sign-up, shift scheduling and hours tracking.",
    ["other"],
    ["volunteers"],
)
s(
    "opengov-grants",
    "opengov-data",
    "en",
    "Community grants management",
    "Online applications, review and reporting for community grants.",
    "Applicants apply online; committees score and staff follow payments and reports.",
    ["other"],
    ["grants"],
)
s(
    "ecologik-achats",
    "eco-logik",
    "fr",
    "Achats responsables",
    "Accompagnement pour intégrer des critères environnementaux aux appels d'offres.",
    "Guides, clauses types et formation des acheteurs.",
    ["other"],
    ["approvisionnement"],
)

SOLUTIONS_B = S

# --- More products from the same vendors ----------------------------------------------------
s(
    "parksense-velos",
    "parksense",
    "fr",
    "Supports à vélos sécurisés connectés",
    "Stationnements pour vélos fermés à clé avec réservation par application.",
    "Casiers et abris sécurisés près des gares et des pôles d'échanges, accès par "
    "téléphone et statistiques d'utilisation.",
    ["mobility"],
    ["vélo", "stationnement vélo"],
)
s(
    "vigiplaque-zones",
    "vigiplaque",
    "fr",
    "Contrôle d'accès aux zones piétonnes",
    "Bornes escamotables et lecture de plaques pour réserver les rues piétonnes aux "
    "véhicules autorisés.",
    "Livraisons et résidents autorisés reconnus par leur plaque ; journal des passages.",
    ["mobility"],
    ["zones piétonnes", "contrôle d'accès"],
)
s(
    "safestreet-counters",
    "safestreet",
    "en",
    "SafeStreet portable traffic counters",
    "Non-intrusive radar counters for temporary traffic volume and speed studies.",
    "Mounted on a pole in minutes; classifies vehicles and records speeds for a week or more.",
    ["mobility"],
    ["traffic counts", "speed study"],
)
s(
    "infobus-comptage",
    "infobus",
    "fr",
    "Comptage automatique des passagers",
    "Capteurs aux portes des autobus qui comptent les montées et descentes à chaque arrêt.",
    "Les données d'achalandage par arrêt et par trajet servent à ajuster l'offre de service.",
    ["mobility"],
    ["achalandage", "transport collectif"],
)
s(
    "telefleet-maintenance",
    "telefleet",
    "en",
    "TeleFleet predictive maintenance",
    "Engine diagnostics and fault codes used to schedule fleet maintenance before breakdowns.",
    "Fault codes are read remotely from heavy trucks and equipment and turned into work orders.",
    ["mobility"],
    ["fleet maintenance", "diagnostics"],
)
s(
    "traceneige-depots",
    "traceneige",
    "fr",
    "Gestion des sites de dépôt de neige",
    "Billetterie et comptage des camions aux dépôts à neige.",
    "Lecture des plaques des camions, calcul des volumes transportés et facturation des "
    "entrepreneurs.",
    ["public-works"],
    ["neige", "dépôts"],
)
s(
    "acoustiq-bornes",
    "acoustiq",
    "fr",
    "Entretien et inspection des bornes d'incendie",
    "Programme d'inspection, de rinçage et de réparation des bornes d'incendie.",
    "Application mobile pour les inspections et registre des bornes.",
    ["water", "public-safety"],
    ["bornes d'incendie"],
)
s(
    "compteo-facturation",
    "compteo",
    "fr",
    "Facturation de l'eau au volume",
    "Logiciel de facturation de l'eau selon la consommation mesurée.",
    "Tarifs par tranche, comptes des clients et intégration au rôle de perception.",
    ["water", "digital-services"],
    ["facturation", "tarification"],
)
s(
    "flowlogic-uv",
    "flowlogic",
    "en",
    "FlowLogic UV disinfection for wastewater",
    "Ultraviolet disinfection systems for municipal wastewater effluent.",
    "Low-pressure high-output lamps with automatic cleaning and dose pacing.",
    ["water"],
    ["UV disinfection", "wastewater treatment"],
)
s(
    "irrigo-fontaines",
    "irrigo",
    "fr",
    "Fontaines et jeux d'eau en circuit fermé",
    "Jeux d'eau pour parcs avec recirculation et traitement de l'eau.",
    "Réduit la consommation d'eau potable des aires de jeux estivales.",
    ["water"],
    ["jeux d'eau", "parcs"],
)
s(
    "lumicite-poteaux",
    "lumicite",
    "fr",
    "Poteaux intelligents multifonctions",
    "Lampadaires qui intègrent Wi-Fi public, caméras, capteurs et bornes de recharge.",
    "Un seul poteau regroupe l'éclairage et les équipements de la ville intelligente.",
    ["energy", "digital-services"],
    ["ville intelligente", "lampadaires"],
)
s(
    "northernsun-community",
    "northern-sun",
    "en",
    "Community solar gardens",
    "Shared solar arrays that residents and businesses can subscribe to.",
    "Municipal land hosts the array; subscribers receive bill credits.",
    ["energy"],
    ["community solar"],
)
s(
    "authentiq-audit-comptes",
    "authentiq",
    "fr",
    "Revue des accès et des comptes privilégiés",
    "Audit des droits d'accès et gestion des comptes administrateurs.",
    "Inventaire des comptes, retrait des droits inutiles et coffre pour les comptes privilégiés.",
    ["cybersecurity"],
    ["comptes privilégiés", "gouvernance"],
)
s(
    "gridshield-remote-access",
    "gridshield",
    "en",
    "GridShield secure remote access for integrators",
    "Brokered, recorded remote sessions for vendors who maintain industrial systems.",
    "Approval workflow, time-limited access and session recording for every vendor connection.",
    ["cybersecurity"],
    ["remote access", "vendors"],
)
s(
    "niveauplus-pesee-camion",
    "niveau-plus",
    "fr",
    "Pesée embarquée sur camions de collecte",
    "Pesée de chaque bac levé par le camion pour mesurer les quantités par adresse.",
    "Données de tonnage par secteur et par adresse pour la tarification et les rapports.",
    ["waste"],
    ["pesée embarquée", "collecte"],
)
s(
    "trivision-sacs",
    "trivision",
    "fr",
    "Sacs compostables certifiés",
    "Fourniture de sacs compostables pour la collecte des résidus alimentaires.",
    "Sacs certifiés acceptés par les installations de compostage.",
    ["waste"],
    ["compostage"],
)
s(
    "chausseeia-trottoirs",
    "chaussee-ia",
    "fr",
    "Évaluation de l'état des trottoirs",
    "Relevé des dénivellations et fissures des trottoirs pour l'accessibilité universelle.",
    "Un appareil poussé à la main mesure les défauts qui nuisent aux fauteuils roulants.",
    ["public-works"],
    ["trottoirs", "accessibilité"],
)
s(
    "geoterrain-arpentage",
    "geoterrain",
    "fr",
    "Arpentage de chantiers municipaux",
    "Implantation et relevés d'arpentage pour travaux de voirie et d'aqueduc.",
    "Nos arpenteurs-géomètres réalisent les relevés topographiques et les plans tel que construit.",
    ["public-works"],
    ["arpentage", "topographie"],
)
s(
    "airsain-radon",
    "airsain",
    "fr",
    "Mesure du radon dans les bâtiments publics",
    "Dosimètres et mesure continue du radon dans les sous-sols des écoles et bâtiments.",
    "Campagne de mesure selon les protocoles de Santé Canada et plan de correction.",
    ["buildings"],
    ["radon"],
)
s(
    "respire-pollens",
    "respire",
    "fr",
    "Suivi des pollens et de l'herbe à poux",
    "Capteurs de pollens et cartographie de l'herbe à poux pour la santé publique.",
    "Alertes aux personnes allergiques et ciblage des secteurs à faucher.",
    ["environment"],
    ["pollens", "santé publique"],
)
s(
    "bavard-traduction",
    "bavard",
    "fr",
    "Traduction automatique des communications",
    "Traduction des avis et pages web municipaux dans plusieurs langues.",
    "Glossaire municipal, relecture humaine optionnelle.",
    ["digital-services"],
    ["traduction"],
)
s(
    "fireplan-inspections",
    "fireplan",
    "en",
    "FirePlan fire inspection software",
    "Mobile fire code inspections with violation tracking and re-inspection scheduling.",
    "Inspectors record deficiencies with photos; owners receive notices automatically.",
    ["public-safety"],
    ["fire inspections"],
)
