"""Solutions of the labelled matching set, part A: the ones some challenge is meant to find.

Written from the vendor's side: features and technology, in the vendor's own words.
"""

# (external_id, organization, language, name, summary, description, domains, tags, trl)
SOLUTIONS_A = [
    (
        "parksense-capteurs",
        "parksense",
        "fr",
        "ParkSense — détecteurs de présence par case",
        "Capteurs magnétiques encastrés dans la chaussée qui détectent un véhicule sur chaque "
        "case et alimentent des panneaux de jalonnement dynamique.",
        "Chaque détecteur, de la taille d'une rondelle de hockey, est fixé dans un carottage de "
        "la chaussée et mesure la perturbation du champ magnétique terrestre. L'état libre ou "
        "occupé de la case est transmis par LoRaWAN en moins de 30 secondes. Nos panneaux "
        "indiquent le nombre de places disponibles par rue et une API alimente les applications "
        "de navigation. Tableau de bord : taux d'occupation, durée moyenne, rotation, "
        "dépassements. Pile de 8 ans, boîtier résistant au chasse-neige.",
        ["mobility"],
        ["stationnement intelligent", "LoRaWAN", "capteurs"],
        9,
    ),
    (
        "boreal-eco-compteurs",
        "boreal-comptage",
        "fr",
        "Compteurs permanents vélos et piétons",
        "Stations de comptage automatique qui distinguent cyclistes et piétons toute l'année, "
        "avec transmission cellulaire des données.",
        "Nos stations combinent des boucles inductives noyées dans le revêtement, qui détectent "
        "les roues de vélo, et un capteur pyroélectrique qui compte les piétons. Conçues pour "
        "le climat nordique, elles fonctionnent sous la neige et sur piste déneigée. Les données "
        "horaires sont envoyées par réseau cellulaire vers une plateforme web avec export CSV, "
        "API ouverte et affichage public sur totem compteur.",
        ["mobility"],
        ["vélo", "comptage", "mobilité active"],
        9,
    ),
    (
        "flexibus-sur-demande",
        "flexibus",
        "fr",
        "FlexiBus — transport collectif sur demande",
        "Logiciel de transport à la demande : réservation par application, web ou téléphone, "
        "regroupement des trajets et itinéraires optimisés en temps réel.",
        "FlexiBus remplace les lignes fixes peu fréquentées par des zones desservies selon les "
        "réservations. L'algorithme regroupe les demandes, calcule les itinéraires des minibus "
        "et garantit les correspondances avec les lignes régulières. Les usagers réservent par "
        "l'application, le web ou un centre d'appels ; les chauffeurs suivent le parcours sur "
        "tablette. Statistiques d'achalandage et de taux de regroupement pour l'autorité "
        "organisatrice.",
        ["mobility"],
        ["transport à la demande", "minibus"],
        9,
    ),
    (
        "feuvert-priorite-bus",
        "feuvert",
        "fr",
        "FeuVert — priorité aux feux pour autobus",
        "Priorité conditionnelle aux feux de circulation pour les autobus en retard, par GPS "
        "et communication infonuagique avec les contrôleurs.",
        "Le boîtier embarqué transmet la position et le retard de l'autobus ; notre serveur "
        "demande au contrôleur de feux une prolongation du vert ou un rappel anticipé, seulement "
        "si le véhicule est en retard sur l'horaire. Compatible avec les principaux contrôleurs "
        "NTCIP, sans boucle de détection supplémentaire. Rapports de gains de temps par "
        "intersection et par ligne pour la société de transport.",
        ["mobility"],
        ["transport collectif", "signalisation lumineuse", "ponctualité"],
        8,
    ),
    (
        "safestreet-radar",
        "safestreet",
        "en",
        "SafeStreet radar speed display signs",
        "Solar-powered radar speed signs that show drivers their speed and record traffic "
        "data for engineering and enforcement.",
        "Our portable signs display the approaching vehicle's speed with a 'Slow down' message "
        "above the limit. A built-in radar logs every vehicle: counts, 85th percentile speed, "
        "hourly profiles. Solar panel and battery allow months on site; one person can move "
        "a unit between poles in minutes. Cloud dashboard with reports per location to "
        "support traffic calming decisions and targeted police enforcement.",
        ["mobility", "public-safety"],
        ["speed", "traffic calming", "radar"],
        9,
    ),
    (
        "mobiliti-maas",
        "mobiliti",
        "fr",
        "Mobiliti — application de mobilité intégrée (MaaS)",
        "Une application unique qui calcule des itinéraires multimodaux et vend les titres de "
        "tous les opérateurs du territoire.",
        "Mobiliti agrège les horaires des bus, les vélos en libre-service, le covoiturage, les "
        "parkings relais et la marche pour proposer des trajets porte à porte. Le compte "
        "mobilité permet d'acheter et de valider les titres de chaque opérateur en un seul "
        "paiement. La collectivité dispose d'un observatoire des déplacements. Interface "
        "multilingue, déjà traduite en français, catalan, espagnol et anglais.",
        ["mobility"],
        ["MaaS", "billettique", "multimodal"],
        8,
    ),
    (
        "telefleet-ev-suitability",
        "telefleet",
        "en",
        "TeleFleet EV suitability assessment",
        "Telematics analytics that tell which fleet vehicles can switch to electric today and "
        "what charging infrastructure each depot needs.",
        "We install plug-in loggers or connect to existing telematics to record each vehicle's "
        "real duty cycles over a few weeks. Our model compares every trip with the range of "
        "available electric models in cold weather, computes total cost of ownership and "
        "greenhouse gas savings, and sizes charging stations per garage. Deliverable: a "
        "vehicle-by-vehicle electrification roadmap for municipal fleets.",
        ["mobility", "energy"],
        ["fleet electrification", "telematics", "EV"],
        9,
    ),
    (
        "curbwise-platform",
        "curbwise",
        "en",
        "CurbWise digital curb management",
        "Bookable commercial loading zones, dynamic curb rules and usage analytics for "
        "downtown streets.",
        "Delivery drivers book a loading zone slot in the CurbWise app and pay per minute; "
        "cameras or sensors verify occupancy and identify unauthorized vehicles. Cities "
        "digitize their curb regulations, change them by time of day and publish them to "
        "navigation apps. Analytics show dwell times, turnover and double-parking hot spots.",
        ["mobility"],
        ["curb management", "urban freight", "loading zones"],
        8,
    ),
    (
        "traceneige-suivi",
        "traceneige",
        "fr",
        "TraceNeige — suivi des opérations de déneigement",
        "Suivi GPS des chenillettes, niveleuses et souffleuses, avec carte publique de "
        "l'avancement du déneigement.",
        "Un traceur GPS installé sur chaque appareil, municipal ou sous-traité, transmet sa "
        "position et l'état de ses équipements (lame, souffleuse, épandeur). La carte colore "
        "chaque rue et chaque trottoir selon l'heure du dernier passage. Les citoyens "
        "consultent la progression sur le site de la ville ; les contremaîtres vérifient les "
        "heures des entrepreneurs et produisent des rapports de conformité.",
        ["public-works", "mobility"],
        ["déneigement", "GPS", "hiver"],
        9,
    ),
    (
        "infobus-gtfs-rt",
        "infobus",
        "fr",
        "InfoBus — flux GTFS-realtime et afficheurs aux arrêts",
        "Transforme les données AVL des autobus en flux GTFS-realtime et en prédictions "
        "d'arrivée affichées aux arrêts.",
        "InfoBus se branche sur les ordinateurs de bord AVL existants, calcule les temps "
        "d'arrivée prévus et publie des flux GTFS-realtime (positions, mises à jour de "
        "trajets, alertes) lus par les applications de planification. Nous fournissons aussi "
        "des afficheurs à encre électronique alimentés à l'énergie solaire pour les arrêts. "
        "Service hébergé et géré pour les petits réseaux de transport.",
        ["mobility"],
        ["GTFS", "information voyageurs", "AVL"],
        9,
    ),
    (
        "acoustiq-ecoute-permanente",
        "acoustiq",
        "fr",
        "Acoustiq — écoute permanente des fuites",
        "Enregistreurs acoustiques fixés sur les vannes qui écoutent le réseau chaque nuit et "
        "localisent les fuites non apparentes par corrélation.",
        "Nos hydrophones et capteurs de bruit, installés de façon permanente sur les bouches "
        "à clé et les bornes d'incendie, enregistrent chaque nuit le bruit des conduites. La "
        "plateforme compare les signatures acoustiques entre capteurs voisins et situe la "
        "fuite à un mètre près, même sur fonte et PVC. Les équipes reçoivent une liste "
        "priorisée des fuites à réparer et les gains en mètres cubes par jour.",
        ["water"],
        ["fuites", "acoustique", "réseau de distribution"],
        9,
    ),
    (
        "compteo-telereleve",
        "compteo",
        "fr",
        "Comptéo — télérelève des compteurs d'eau",
        "Modules radio ajoutés aux compteurs d'eau pour lire les index à distance plusieurs "
        "fois par jour et détecter les consommations anormales.",
        "Comptéo équipe les compteurs existants ou neufs d'un module radio longue portée. Les "
        "index horaires remontent à la plateforme, qui prépare la facturation, signale les "
        "débits nocturnes continus (fuite chez le client), les retours d'eau et les compteurs "
        "arrêtés. Portail client pour que les industries et commerces suivent leur propre "
        "consommation. Exportation vers les logiciels de taxation municipale.",
        ["water"],
        ["compteurs", "télérelève", "AMI"],
        9,
    ),
    (
        "flowlogic-rtc",
        "flowlogic",
        "en",
        "FlowLogic real-time control of sewer networks",
        "Level sensors, automated gates and predictive control software that use in-pipe "
        "storage to reduce combined sewer overflows.",
        "FlowLogic models the sewer network, reads level and flow sensors every minute and "
        "adjusts gates, weirs and pumps to store wet-weather flow in existing pipes until the "
        "treatment plant can take it. Rainfall forecasts drive the strategy ahead of the storm. "
        "Typical projects reduce overflow volumes by 30 to 60% at a fraction of the cost of new "
        "storage tanks. Regulatory reporting of CSO events included.",
        ["water"],
        ["CSO", "real-time control", "wastewater"],
        8,
    ),
    (
        "aquadiag-ecoli",
        "aquadiag",
        "fr",
        "AquaDiag — détection rapide d'E. coli",
        "Trousse d'analyse sur place qui mesure E. coli dans l'eau en moins de trois heures, "
        "sans laboratoire.",
        "Notre méthode enzymatique fluorescente mesure l'activité de la bactérie E. coli "
        "directement dans l'échantillon. Un technicien sans formation en microbiologie obtient "
        "un résultat quantitatif en deux à trois heures avec un appareil portatif. Utilisé "
        "pour les plages, les eaux de surface et la vérification après des travaux sur le "
        "réseau d'aqueduc. Corrélation validée avec les méthodes de référence.",
        ["water", "environment"],
        ["microbiologie", "E. coli", "analyse rapide"],
        8,
    ),
    (
        "telemetrix-cloud-scada",
        "telemetrix",
        "en",
        "Telemetrix cloud SCADA for pumping stations",
        "Cellular RTUs and a hosted SCADA that bring lift station alarms, levels and pump "
        "runtimes to operators' phones.",
        "Telemetrix replaces aging telephone-line telemetry with LTE-M remote terminal units "
        "that read existing PLCs, floats and level transducers. Our hosted SCADA keeps full "
        "history, trends pump starts and runtimes, and sends alarms by SMS, voice call and app "
        "with on-call escalation. No servers to maintain; cybersecurity hardened with VPN-free "
        "outbound connections. Used by water and wastewater utilities across Canada.",
        ["water"],
        ["SCADA", "telemetry", "lift stations"],
        9,
    ),
    (
        "pipeinsight-lead",
        "pipeinsight",
        "en",
        "PipeInsight lead service line inventory",
        "Predictive model and field workflow to build a lead service line inventory from "
        "incomplete records.",
        "We combine building age, permit and tap card records, water sampling results and "
        "field verifications in a machine-learning model that estimates the probability of "
        "lead on both the public and private side of every service connection. Utilities get "
        "a map, a prioritized excavation and replacement plan, and templates to notify "
        "homeowners, meeting regulatory inventory requirements.",
        ["water"],
        ["lead", "drinking water", "machine learning"],
        8,
    ),
    (
        "irrigo-pilotage",
        "irrigo",
        "fr",
        "Irrigo — pilotage intelligent de l'arrosage",
        "Programmateurs connectés et sondes d'humidité du sol qui ajustent l'arrosage des "
        "espaces verts aux besoins des plantes et à la météo.",
        "Irrigo remplace les programmateurs classiques par des boîtiers connectés pilotés "
        "depuis une plateforme web. Des sondes tensiométriques mesurent l'humidité du sol ; "
        "l'arrosage est déclenché selon l'évapotranspiration et suspendu si une pluie est "
        "prévue. Débitmètres pour détecter les fuites et fermer la vanne maîtresse. Suivi des "
        "volumes par site et rapports pour les périodes de restriction. Économies d'eau "
        "typiques de 30 à 50 %.",
        ["water", "environment"],
        ["irrigation", "espaces verts", "économie d'eau"],
        9,
    ),
    (
        "lumicite-telegestion",
        "lumicite",
        "fr",
        "LumiCité — télégestion de l'éclairage public",
        "Contrôleurs pour luminaires DEL qui permettent la gradation, la détection des pannes "
        "et la mesure de la consommation de chaque lampadaire.",
        "Un contrôleur se visse sur la prise NEMA de chaque luminaire DEL et communique par "
        "réseau maillé. Les profils de gradation réduisent l'intensité la nuit et s'ajustent "
        "aux événements. Les pannes sont signalées automatiquement avec la position du "
        "lampadaire ; la consommation mesurée sert à la facturation au réel. Températures de "
        "couleur de 2 700 K ou 3 000 K pour limiter la lumière bleue.",
        ["energy"],
        ["éclairage", "DEL", "gradation"],
        9,
    ),
    (
        "energik-suivi",
        "energik",
        "fr",
        "Énergik — suivi énergétique des bâtiments",
        "Logiciel qui importe automatiquement les factures et les données des compteurs pour "
        "comparer les bâtiments et repérer les dérives de consommation.",
        "Énergik récupère les données d'Hydro-Québec et des distributeurs de gaz, les relevés "
        "de compteurs intelligents et des sous-compteurs. Indicateurs par bâtiment (kWh/m², "
        "coûts, émissions), étalonnage selon les degrés-jours, alertes de surconsommation, "
        "suivi des mesures d'économie d'énergie et rapport annuel des émissions de GES.",
        ["buildings", "energy"],
        ["gestion de l'énergie", "GES", "tableau de bord"],
        9,
    ),
    (
        "northernsun-rooftop-pv",
        "northern-sun",
        "en",
        "Northern Sun rooftop solar for public buildings",
        "Portfolio screening, design, financing through a power purchase agreement and "
        "monitoring of rooftop photovoltaic systems.",
        "We assess a whole portfolio of municipal roofs with satellite imagery and structural "
        "records, rank sites by yield and roof condition, then design and install PV arrays. "
        "Under our PPA the city pays only for the electricity produced, with no upfront "
        "capital, and can buy the system later. Live production monitoring and net-metering "
        "reports are included.",
        ["energy"],
        ["solar", "PV", "PPA"],
        9,
    ),
    (
        "thermorecup-co2",
        "thermo-recup",
        "fr",
        "Thermo-Récup — réfrigération CO2 avec récupération de chaleur",
        "Systèmes de réfrigération au CO2 pour arénas qui récupèrent la chaleur rejetée pour "
        "chauffer les bâtiments et l'eau de la piscine.",
        "Nos systèmes transcritiques au CO2, un réfrigérant naturel, remplacent les systèmes "
        "au fréon ou à l'ammoniac. La chaleur de compression est récupérée à haute "
        "température pour le chauffage des vestiaires, la fonte de la neige de la surfaceuse, "
        "l'eau chaude et les bâtiments voisins par boucle thermique. Jusqu'à 80 % de "
        "réduction de la consommation de gaz naturel du complexe sportif.",
        ["energy", "buildings"],
        ["réfrigération", "récupération de chaleur", "aréna"],
        9,
    ),
    (
        "coffrefort-immuable",
        "coffre-fort",
        "fr",
        "Coffre-Fort — sauvegardes immuables hors site",
        "Copies de sécurité immuables, isolées et hébergées au Québec, avec exercices de "
        "restauration accompagnés.",
        "Les sauvegardes sont écrites dans un stockage objet verrouillé (WORM) : ni un "
        "administrateur ni un attaquant ne peut les modifier ou les supprimer avant la fin de "
        "la rétention. Authentification séparée de votre annuaire, copie hors ligne "
        "mensuelle, tests de restauration automatisés et exercice annuel de reprise après "
        "sinistre avec nos experts. Protection contre les rançongiciels conforme aux exigences "
        "des assureurs.",
        ["cybersecurity"],
        ["sauvegarde", "rançongiciel", "reprise après sinistre"],
        9,
    ),
    (
        "phishaware-training",
        "phishaware",
        "en",
        "PhishAware simulations and awareness training",
        "Automated phishing simulations and short just-in-time lessons that build a "
        "security-aware workforce.",
        "PhishAware sends realistic simulated phishing emails and SMS to staff on a schedule, "
        "adapted to each department. Employees who click get a two-minute lesson right away. "
        "Managers follow click and report rates by department over time. Content library "
        "available in English and French, including modules for field workers on mobile "
        "devices.",
        ["cybersecurity"],
        ["phishing", "awareness", "training"],
        9,
    ),
    (
        "watchtower-mdr",
        "watchtower",
        "en",
        "Watchtower managed detection and response",
        "24/7 security operations centre that monitors endpoints and servers and responds to "
        "threats for small organizations.",
        "Our analysts watch EDR telemetry, firewall and Microsoft 365 logs around the clock. "
        "When an intrusion is confirmed we isolate the affected workstation or server within "
        "minutes and guide your team through recovery. Monthly reports and evidence for cyber "
        "insurance questionnaires. Priced for municipalities and organizations without an "
        "in-house security team.",
        ["cybersecurity"],
        ["MDR", "SOC", "EDR"],
        9,
    ),
    (
        "authentiq-mfa",
        "authentiq",
        "fr",
        "Authentiq — authentification multifacteur",
        "Authentification à deux facteurs pour le VPN, la messagerie et les applications "
        "internes, avec clés physiques pour les employés sans téléphone.",
        "Authentiq ajoute une deuxième vérification à chaque connexion : notification sur "
        "téléphone, code à usage unique ou clé de sécurité FIDO2 pour ceux qui n'ont pas de "
        "cellulaire. Connecteurs pour les VPN, Microsoft 365 et les applications web (SAML, "
        "OpenID Connect). Gestion centralisée des identités : désactivation de tous les accès "
        "en un clic au départ d'un employé.",
        ["cybersecurity"],
        ["MFA", "identité", "accès à distance"],
        9,
    ),
    (
        "gridshield-ot",
        "gridshield",
        "en",
        "GridShield OT network monitoring",
        "Passive monitoring of industrial control networks: asset inventory, anomaly "
        "detection and alerts on unauthorized PLC commands.",
        "A sensor connected to a mirror port listens to OT traffic without touching the "
        "process. It decodes Modbus, DNP3 and EtherNet/IP, builds an inventory of PLCs, HMIs "
        "and SCADA servers, maps who talks to whom, and alerts on new devices, remote access "
        "sessions and abnormal setpoint changes. Designed for water and wastewater treatment "
        "plants and other critical infrastructure.",
        ["cybersecurity", "water"],
        ["OT", "ICS", "SCADA security"],
        8,
    ),
    (
        "niveauplus-sondes",
        "niveau-plus",
        "fr",
        "Niveau Plus — sondes de remplissage pour conteneurs",
        "Sondes à ultrasons qui mesurent le remplissage des conteneurs et logiciel qui "
        "planifie les tournées de collecte selon les besoins.",
        "La sonde, fixée sous le couvercle des conteneurs semi-enfouis ou des bacs, mesure le "
        "niveau plusieurs fois par jour et le transmet par réseau cellulaire. Le logiciel "
        "prévoit la date de remplissage et génère chaque matin les tournées optimisées pour "
        "les camions. Alertes de débordement, d'incendie et de basculement.",
        ["waste"],
        ["collecte", "optimisation des tournées", "capteurs"],
        9,
    ),
    (
        "trivision-camera-camion",
        "trivision",
        "fr",
        "TriVision — caméras de tri sur les camions",
        "Caméras installées dans la trémie des camions qui reconnaissent les matières "
        "refusées et envoient une rétroaction personnalisée à chaque adresse.",
        "Lors du vidage de chaque bac, une caméra et un modèle de vision par ordinateur "
        "repèrent sacs de plastique, styromousse, vêtements et ordures. L'adresse est "
        "associée par GPS ou puce RFID. Les résidents concernés reçoivent un avis imprimé ou "
        "numérique avec la photo, sans intervention des éboueurs. Tableau de bord de la "
        "qualité du tri par secteur.",
        ["waste"],
        ["vision par ordinateur", "tri", "rétroaction"],
        8,
    ),
    (
        "wastewise-engagement",
        "wastewise",
        "en",
        "WasteWise building engagement program",
        "A multilingual engagement platform that helps apartment residents sort food scraps "
        "and recycling, building by building.",
        "WasteWise gives each multi-unit building a QR-coded page with sorting guides in 20 "
        "languages, reminders and tips. Property managers get posters and onboarding kits for "
        "new tenants. Audits and collection data become building scorecards and friendly "
        "competitions between buildings. Proven to double organics participation in "
        "multi-residential properties.",
        ["waste"],
        ["organics", "behaviour change", "multi-residential"],
        9,
    ),
    (
        "sentinelle-nomade-camera",
        "sentinelle-nomade",
        "fr",
        "Sentinelle Nomade — caméra autonome anti-dépôts",
        "Caméra nomade autonome (solaire, 4G) qui détecte les dépôts sauvages et lit les "
        "plaques d'immatriculation des véhicules en cause.",
        "Le boîtier s'installe en une demi-heure sur un poteau, sans raccordement électrique : "
        "panneau solaire, batterie et transmission 4G. L'analyse d'image détecte le dépôt "
        "d'objets et enregistre la séquence et la plaque du véhicule pour la police "
        "municipale. Conforme au RGPD, avec masquage des zones privées et conservation "
        "limitée.",
        ["waste", "public-safety"],
        ["dépôts sauvages", "vidéoprotection", "LAPI"],
        8,
    ),
    (
        "biocarbone-biochar",
        "biocarbone",
        "fr",
        "BioCarbone — unité mobile de biochar",
        "Unité de pyrolyse mobile qui transforme branches et bois résiduel en biochar, un "
        "amendement de sol qui séquestre le carbone.",
        "Notre unité conteneurisée se déplace sur le site de dépôt des branches et les "
        "transforme par pyrolyse en biochar, sans fumée. Le biochar améliore la rétention "
        "d'eau des sols des parcs et des fosses d'arbres de rue, et chaque tonne stocke "
        "durablement du carbone, certifiable pour des crédits. La chaleur produite peut "
        "alimenter un bâtiment voisin.",
        ["waste", "environment"],
        ["pyrolyse", "biochar", "séquestration"],
        7,
    ),
    (
        "ecoacces-controle",
        "ecoacces",
        "fr",
        "ÉcoAccès — contrôle d'accès aux écocentres",
        "Borne de contrôle des visiteurs d'écocentre par carte citoyenne ou lecture de "
        "plaque, avec quotas par adresse et statistiques.",
        "À l'entrée, la borne identifie le résident par sa carte citoyenne, un code QR ou la "
        "plaque de son véhicule et vérifie son adresse dans le rôle d'évaluation. Les quotas "
        "de visites ou de mètres cubes sont suivis automatiquement ; les entrepreneurs sont "
        "facturés. Statistiques de fréquentation et de matières pour les rapports à "
        "RECYC-QUÉBEC.",
        ["waste"],
        ["écocentre", "contrôle d'accès"],
        9,
    ),
    (
        "chausseeia-releve",
        "chaussee-ia",
        "fr",
        "Chaussée IA — relevé de l'état des chaussées",
        "Caméra embarquée sur n'importe quel véhicule municipal et intelligence artificielle "
        "qui cote l'état de chaque tronçon de rue.",
        "Une caméra fixée au pare-brise filme la chaussée pendant les déplacements habituels "
        "des employés. Nos modèles détectent fissures, nids-de-poule, ornières et "
        "désenrobage, et calculent un indice d'état par tronçon mis à jour en continu. Les "
        "résultats s'intègrent au plan d'intervention et au logiciel de gestion des actifs.",
        ["public-works"],
        ["chaussées", "IA", "plan d'intervention"],
        9,
    ),
    (
        "pipebot-ai-coding",
        "pipebot",
        "en",
        "PipeBot AI defect coding for sewer CCTV",
        "Software that reviews sewer CCTV inspection videos and codes defects to the PACP "
        "standard automatically.",
        "Upload inspection videos from any crawler camera. PipeBot's deep-learning models "
        "detect cracks, fractures, roots, deposits, infiltration and deformation, assign PACP "
        "codes and structural and O&M grades, and produce reports for review by a certified "
        "operator. Coding time drops by 80% and results are consistent across contractors. "
        "Export to GIS and asset management systems.",
        ["public-works", "water"],
        ["CCTV", "PACP", "sewer inspection"],
        8,
    ),
    (
        "clearroad-rwis",
        "clearroad",
        "en",
        "ClearRoad smart salting",
        "Road weather sensors and automatic spreader control that apply salt according to "
        "pavement conditions, with tracking of material per route.",
        "Road weather information stations and vehicle-mounted pavement temperature sensors "
        "feed our decision support system, which recommends the treatment for each route. "
        "Spreader controllers adjust the application rate automatically and report the "
        "tonnes of salt used per route through AVL. Typical savings of 20 to 30% of salt "
        "while maintaining level of service, with chloride reduction reports for regulators.",
        ["public-works"],
        ["winter maintenance", "road salt", "RWIS"],
        9,
    ),
    (
        "geoterrain-releve",
        "geoterrain",
        "fr",
        "GéoTerrain — relevés terrain et cartographie mobile",
        "Application mobile de collecte de données géographiques avec récepteur GNSS de "
        "précision centimétrique, reliée au SIG municipal.",
        "Les employés relèvent vannes, regards, bornes et branchements sur tablette ; la "
        "position est mesurée au centimètre par un récepteur GNSS RTK. Les formulaires suivent "
        "le modèle de données de la ville et les données sont synchronisées avec le SIG, même "
        "après une journée hors réseau. Numérisation des plans papier et mise à jour "
        "continue des réseaux d'aqueduc et d'égout.",
        ["public-works"],
        ["SIG", "GNSS", "géomatique"],
        9,
    ),
    (
        "ouvrages3d-drone",
        "ouvrages3d",
        "fr",
        "Ouvrages 3D — inspection de ponts par drone",
        "Inspection d'ouvrages d'art par drone : imagerie rapprochée, photogrammétrie, modèle "
        "3D et détection des fissures et de l'éclatement du béton.",
        "Nos pilotes inspectent les ponts, ponceaux et murs sans fermeture de voie ni nacelle. "
        "Des milliers de photos haute résolution produisent un modèle 3D mesurable. "
        "L'intelligence artificielle repère fissures, éclatement, armatures apparentes et "
        "efflorescence, et les compare d'une inspection à l'autre. Rapports d'inspection "
        "conformes aux manuels des ministères des transports.",
        ["public-works"],
        ["drone", "inspection", "ponts"],
        9,
    ),
    (
        "airsain-capteurs",
        "airsain",
        "fr",
        "AirSain — capteurs de qualité de l'air intérieur",
        "Capteurs de CO2, particules fines, COV, température et humidité pour les salles "
        "publiques, avec tableau de bord et affichage pour les usagers.",
        "Les capteurs AirSain se posent au mur en quelques minutes et transmettent les mesures "
        "par Wi-Fi ou LoRaWAN. Le tableau de bord compare les pièces, signale les moments où la "
        "ventilation est insuffisante et produit des rapports. Un écran affiche la qualité de "
        "l'air en temps réel pour rassurer les usagers. Intégration possible au système de "
        "gestion du bâtiment.",
        ["buildings"],
        ["qualité de l'air intérieur", "CO2", "ventilation"],
        9,
    ),
    (
        "clarity-fdd",
        "clarity",
        "en",
        "Clarity fault detection and diagnostics",
        "Analytics that read building automation data and flag faulty equipment with the "
        "estimated cost of each fault.",
        "Clarity connects to the BAS over BACnet and runs hundreds of fault detection rules "
        "on air handlers, rooftop units, boilers, chillers and ice plant equipment: stuck "
        "valves, simultaneous heating and cooling, failing sensors, short cycling. Each issue "
        "comes with a diagnosis, a priority and its energy cost, and can be sent to the "
        "maintenance work order system.",
        ["buildings", "energy"],
        ["FDD", "BAS", "predictive maintenance"],
        9,
    ),
    (
        "thermodrone-toits",
        "thermodrone",
        "fr",
        "ThermoDrone — thermographie des toitures",
        "Relevé thermographique infrarouge des toits plats par drone pour localiser "
        "l'isolant mouillé sous la membrane.",
        "Le soir, après une journée ensoleillée, l'isolant humide garde la chaleur plus "
        "longtemps. Notre drone équipé d'une caméra infrarouge radiométrique cartographie "
        "ces anomalies sur l'ensemble du toit. Nous confirmons par des carottages ciblés et "
        "livrons un plan des zones à réparer, qui évite le remplacement complet de la "
        "toiture.",
        ["buildings"],
        ["thermographie", "drone", "toiture"],
        9,
    ),
    (
        "canopee-cartographie",
        "canopee",
        "fr",
        "Canopée — cartographie des îlots de chaleur",
        "Cartes de température de surface et de canopée croisées avec la vulnérabilité de la "
        "population pour prioriser le verdissement.",
        "À partir d'images satellitaires thermiques et d'orthophotos, nous cartographions les "
        "températures de surface lors des épisodes de chaleur et l'indice de canopée à "
        "l'échelle de l'îlot. Ces couches sont croisées avec les données de recensement "
        "(aînés, enfants, revenu) pour produire un indice de priorité de plantation par "
        "secteur, livré dans votre SIG.",
        ["environment"],
        ["îlots de chaleur", "canopée", "verdissement"],
        9,
    ),
    (
        "arbonum-inventaire",
        "arbonum",
        "fr",
        "ArboNum — gestion de la forêt urbaine",
        "Logiciel d'inventaire et de gestion des arbres publics : essences, état, "
        "interventions et services écologiques.",
        "ArboNum tient le registre de chaque arbre public sur une carte : essence, diamètre, "
        "état sanitaire, photos. Les arboriculteurs saisissent les inspections sur tablette, "
        "planifient l'élagage et l'abattage et suivent les requêtes. Module de suivi de "
        "l'agrile du frêne (traitements au TreeAzin, abattages) et calcul des services "
        "écologiques rendus.",
        ["environment"],
        ["arbres", "foresterie urbaine", "inventaire"],
        9,
    ),
    (
        "wildwatch-ai",
        "wildwatch",
        "en",
        "WildWatch AI wildlife detection",
        "Camera network with on-device AI that recognizes bears, cougars and elk and alerts "
        "staff in real time.",
        "Solar-powered cameras with on-board image recognition identify large wildlife "
        "species and send an alert with a photo to conservation and municipal staff within "
        "seconds. People and vehicles are ignored and blurred. Detection history maps "
        "movement corridors and hot spots to inform trail closures and land use planning.",
        ["environment", "public-safety"],
        ["wildlife", "AI", "cameras"],
        8,
    ),
    (
        "vigicrue-hauteur",
        "vigicrue",
        "fr",
        "Vigicrue Connect — alerte crues locale",
        "Capteurs de hauteur d'eau radar sur les petits cours d'eau, prévision à courte "
        "échéance et alertes graduées aux habitants.",
        "Des capteurs radar sans contact installés sur les ponts mesurent la hauteur d'eau "
        "toutes les cinq minutes et transmettent par réseau bas débit. Notre modèle combine "
        "ces mesures aux prévisions de pluie pour anticiper la montée des eaux. Les seuils "
        "déclenchent les consignes du plan communal de sauvegarde et l'envoi d'alertes aux "
        "riverains inscrits.",
        ["environment", "public-safety"],
        ["crues", "inondation", "capteurs radar"],
        9,
    ),
    (
        "respire-reseau",
        "respire",
        "fr",
        "Respire — réseau de capteurs de qualité de l'air",
        "Réseau de microcapteurs qui mesurent les particules fines PM2,5 et le NO2 dans les "
        "quartiers, avec carte publique.",
        "Nos stations compactes mesurent les particules fines, le dioxyde d'azote et l'ozone "
        "et sont étalonnées contre les stations de référence. Installées sur les lampadaires "
        "près des écoles et des axes routiers, elles alimentent une carte publique en temps "
        "réel et des rapports pour évaluer les mesures de réduction de la circulation.",
        ["environment"],
        ["qualité de l'air", "particules fines", "NO2"],
        8,
    ),
    (
        "requetes360-gestion",
        "requetes360",
        "fr",
        "Requêtes 360 — gestion des requêtes citoyennes",
        "Guichet unique pour les requêtes et plaintes des citoyens, quel que soit le canal, "
        "avec acheminement automatique et suivi des délais.",
        "Requêtes 360 centralise les demandes reçues par téléphone, courriel, formulaire web "
        "et application mobile, avec photo et géolocalisation. Chaque requête est acheminée "
        "au bon service selon des règles configurables ; les employés la traitent sur "
        "tablette. Le citoyen reçoit un avis à chaque étape. Indicateurs de délais par type "
        "de requête.",
        ["digital-services"],
        ["311", "requêtes", "service aux citoyens"],
        9,
    ),
    (
        "bavard-agent",
        "bavard",
        "fr",
        "Bavard — agent conversationnel municipal",
        "Agent conversationnel pour le site web qui répond aux questions des citoyens à "
        "partir des contenus de la ville et transfère les cas complexes.",
        "Bavard est entraîné uniquement sur vos pages, règlements et FAQ ; chaque réponse cite "
        "sa source et l'agent dit qu'il ne sait pas plutôt que d'inventer. Disponible jour et "
        "nuit sur le site web et Facebook Messenger, en français et en anglais. Transfert "
        "vers le service à la clientèle ou création d'une requête lorsque nécessaire.",
        ["digital-services"],
        ["clavardage", "IA", "service aux citoyens"],
        8,
    ),
    (
        "councilcast-suite",
        "councilcast",
        "en",
        "CouncilCast meeting management and streaming",
        "Agenda management, live video streaming with indexed items, and searchable minutes "
        "for councils and committees.",
        "Staff reports flow through review and approval to a published agenda package. During "
        "the meeting the clerk marks items, motions and votes in real time; the live stream "
        "and archive are indexed so residents jump straight to an item. Minutes are drafted "
        "automatically from the meeting record. Publication in English and French.",
        ["digital-services"],
        ["agenda", "live streaming", "minutes"],
        9,
    ),
    (
        "permisnet-plateforme",
        "permisnet",
        "fr",
        "PermisNet — permis et demandes en ligne",
        "Dépôt des demandes de permis en ligne, paiement, suivi du dossier et traitement par "
        "les inspecteurs dans un même outil.",
        "Les citoyens et entrepreneurs remplissent des formulaires intelligents qui exigent "
        "les documents requis selon le type de permis, déposent leurs plans et paient en "
        "ligne. Les inspecteurs en urbanisme traitent le dossier, annotent les plans et "
        "émettent le permis électronique. Intégration au rôle d'évaluation et à la matrice "
        "graphique.",
        ["digital-services"],
        ["permis", "urbanisme", "services en ligne"],
        9,
    ),
    (
        "opengov-portal",
        "opengov-data",
        "en",
        "OpenGov open data portal",
        "A hosted open data portal built on CKAN with automatic harvesting, API and DCAT metadata.",
        "OpenGov sets up a branded open data portal for your organization on CKAN. "
        "Connectors harvest datasets from your GIS, finance and operational systems on a "
        "schedule so they stay current. Every dataset gets an API, previews and DCAT / "
        "DCAT-AP metadata that national catalogues can harvest. Usage analytics show "
        "downloads and reuses.",
        ["digital-services"],
        ["open data", "CKAN", "API"],
        9,
    ),
    (
        "inscriptio-loisirs",
        "inscriptio",
        "fr",
        "Inscriptio — inscriptions aux activités de loisirs",
        "Plateforme d'inscription en ligne aux camps de jour, cours et activités, avec file "
        "d'attente virtuelle et paiement.",
        "Inscriptio gère la programmation des loisirs, les inscriptions en ligne avec file "
        "d'attente virtuelle lors des ouvertures très achalandées, les listes d'attente, les "
        "tarifs résidents et non-résidents, le paiement et les relevés fiscaux. Les "
        "animateurs prennent les présences sur téléphone. Infrastructure infonuagique qui "
        "absorbe les pointes de milliers de familles.",
        ["digital-services"],
        ["loisirs", "camps de jour", "inscription"],
        9,
    ),
    (
        "alertecitoyen-notification",
        "alertecitoyen",
        "fr",
        "AlerteCitoyen — notification de masse",
        "Envoi d'alertes par texto, appel vocal, courriel et application à la population d'un "
        "secteur, en quelques minutes.",
        "L'équipe des mesures d'urgence dessine un secteur sur la carte ou choisit une liste ; "
        "le message part en plusieurs langues par SMS, appel automatisé vers les lignes fixes "
        "et cellulaires, courriel et notification. Les citoyens s'inscrivent eux-mêmes sur "
        "un portail. Utilisé pour les évacuations, avis d'ébullition et fermetures de rues.",
        ["public-safety"],
        ["alerte", "mesures d'urgence", "SMS"],
        9,
    ),
    (
        "fireplan-preincident",
        "fireplan",
        "en",
        "FirePlan Pro pre-incident planning",
        "Pre-incident plans on the truck's tablet: building layouts, hydrants, shut-offs, "
        "hazardous materials and occupant information.",
        "Fire prevention officers build pre-plans during inspections with a drawing tool and "
        "photos. Plans sync automatically to apparatus tablets and open with the dispatch "
        "address, showing access points, standpipes, utility shut-offs, hazmat storage and "
        "special occupants. Integrates with CAD and records management systems.",
        ["public-safety"],
        ["fire service", "pre-incident planning"],
        9,
    ),
    (
        "urgentia-preemption",
        "urgentia",
        "fr",
        "Urgentia — préemption des feux pour véhicules d'urgence",
        "Préemption des feux de circulation pour les véhicules d'urgence : vert dans leur "
        "direction à l'approche et retour au cycle normal.",
        "L'émetteur GPS du camion de pompiers ou de l'ambulance demande la préemption au "
        "contrôleur de l'intersection dès qu'il est en mode urgence. Le feu passe au vert "
        "dans sa direction et au rouge pour les autres, ce qui dégage la file d'attente. "
        "Chaque activation est journalisée. Réduit le temps d'intervention et les collisions "
        "aux carrefours.",
        ["public-safety", "mobility"],
        ["véhicules d'urgence", "feux de circulation"],
        9,
    ),
    (
        "aquavigil-vision",
        "aquavigil",
        "fr",
        "AquaVigil — aide à la surveillance des bassins",
        "Caméras sous-marines et vision par ordinateur qui alertent les maîtres-nageurs "
        "lorsqu'un baigneur reste immobile au fond.",
        "Des caméras fixées aux parois analysent les images en temps réel. Si un nageur reste "
        "immobile sous la surface au-delà de quelques secondes, les montres des "
        "maîtres-nageurs vibrent et affichent sa position dans le bassin. Aucune image n'est "
        "enregistrée en dehors des alertes. Aide à la surveillance des piscines publiques, "
        "sans remplacer le personnel.",
        ["public-safety"],
        ["piscine", "noyade", "vision par ordinateur"],
        9,
    ),
    (
        "participe-plateforme",
        "participe",
        "fr",
        "Participe! — plateforme de participation citoyenne",
        "Plateforme de budget participatif et de consultation en ligne : propositions, "
        "commentaires, votes et suivi des projets.",
        "Participe! accompagne la démarche de bout en bout : appel à idées, analyse de "
        "faisabilité, vote en ligne avec vérification de l'adresse, et suivi public de la "
        "réalisation des projets lauréats. Des modules de consultation (questionnaires, "
        "cartes collaboratives, débats) complètent l'outil. Accessible et bilingue.",
        ["other"],
        ["budget participatif", "consultation publique"],
        9,
    ),
    (
        "ecologik-carbone",
        "eco-logik",
        "en",
        "Eco-Logik climate action tracker",
        "Software that builds corporate and community greenhouse gas inventories and tracks "
        "climate plan actions against net-zero targets.",
        "Connect utility bills, fleet fuel cards and waste data once; Eco-Logik computes "
        "emissions by scope and sector with up-to-date emission factors. Each climate action "
        "has indicators and owners, and progress toward the net-zero target is shown on a "
        "public dashboard. Reports for the Partners for Climate Protection milestones and "
        "CDP.",
        ["environment"],
        ["GHG inventory", "net-zero", "climate plan"],
        9,
    ),
]
