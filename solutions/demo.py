"""Demo solutions and proposals for `manage.py seed_demo`: realistic, mostly French, idempotent.

Solutions are upserted by `external_id` (their text, domains and references refreshed on each
run). Proposals are created once per challenge × solution and then left as they are, so that a
status changed while trying the demo survives a new `seed_demo`.
"""

from django.db import transaction
from django.utils import timezone

from challenges.models import Challenge, Domain
from partners.models import Membership, Organization

from .models import Match, Solution, SolutionReference

# external_id, innovator, language, name, summary, description, domains, tags, trl,
# price model, regions served, references [(city external_id or a name, year, kind)]
SOLUTIONS = [
    (
        "si-capteurs-case",
        "stationnement-intelligent",
        "fr",
        "Capteurs de présence par case",
        "Des capteurs magnétiques encastrés détectent chaque véhicule et alimentent une carte "
        "des places libres.",
        "Nos capteurs se posent dans la chaussée en 15 minutes, sans tranchée, et tiennent "
        "**dix ans** sur pile. Ils résistent au déneigement et au sel.\n\n"
        "- carte web et application des places libres ;\n"
        "- statistiques de rotation par rue et par heure ;\n"
        "- panneaux de jalonnement dynamiques aux entrées du centre-ville.",
        ["mobility"],
        ["stationnement", "capteurs", "centre-ville"],
        9,
        "subscription",
        ["quebec"],
        [("ville-de-sherbrooke", 2023, "deployed"), ("ville-de-levis", 2025, "piloted")],
    ),
    (
        "si-paiement-mobile",
        "stationnement-intelligent",
        "fr",
        "Paiement mobile du stationnement",
        "Payer et prolonger son stationnement depuis son téléphone, avec contrôle par plaque.",
        "Une application et un site web pour payer à la minute, recevoir un rappel avant "
        "l'échéance et prolonger à distance. Les agents contrôlent par lecture de plaque.",
        ["mobility", "digital-services"],
        ["stationnement", "paiement", "application"],
        9,
        "per_use",
        ["quebec", "ontario"],
        [("ville-de-granby", 2022, "deployed")],
    ),
    (
        "hv-correlateurs",
        "hydrovigie",
        "fr",
        "Écoute acoustique permanente du réseau d'aqueduc",
        "Des corrélateurs acoustiques fixés aux bornes-fontaines repèrent les fuites avant "
        "qu'elles ne fassent surface.",
        "Les capteurs écoutent le réseau chaque nuit ; un logiciel corrèle les bruits et "
        "localise la fuite à un mètre près. Les équipes réparent avant le bris.",
        ["water"],
        ["fuites", "aqueduc", "acoustique"],
        8,
        "subscription",
        ["quebec"],
        [("ville-de-trois-rivieres", 2024, "piloted")],
    ),
    (
        "hv-sectorisation",
        "hydrovigie",
        "fr",
        "Sectorisation et bilan d'eau en continu",
        "Des débitmètres de secteur et un tableau de bord du bilan d'eau pour cibler les pertes.",
        "Nous découpons le réseau en secteurs hydrauliques, mesurons le débit de nuit et "
        "calculons l'indice de fuites par secteur, conformément à la Stratégie québécoise "
        "d'économie d'eau potable.",
        ["water"],
        ["débit de nuit", "pertes d'eau", "sectorisation"],
        9,
        "project",
        ["quebec"],
        [],
    ),
    (
        "el-lampadaires",
        "ecolumen",
        "fr",
        "Lampadaires DEL à gradation intelligente",
        "Des têtes DEL communicantes qui baissent l'intensité quand la rue est vide.",
        "Chaque luminaire DEL reçoit un nœud de contrôle. La gradation suit l'heure et la "
        "présence ; les pannes remontent seules au tableau de bord. Économie typique : 60 %.",
        ["energy", "public-works"],
        ["éclairage", "DEL", "gradation"],
        9,
        "purchase",
        ["quebec", "france"],
        [("ville-de-laval", 2025, "piloted"), ("Ville de Magog", 2021, "deployed")],
    ),
    (
        "el-audit-eclairage",
        "ecolumen",
        "fr",
        "Audit photométrique du réseau d'éclairage",
        "Un relevé par véhicule instrumenté de la lumière réellement émise par chaque rue.",
        "Un véhicule équipé de capteurs mesure l'éclairement de nuit ; le rapport classe les "
        "rues trop ou pas assez éclairées et chiffre les économies.",
        ["energy"],
        ["éclairage", "audit"],
        7,
        "project",
        ["quebec"],
        [],
    ),
    (
        "cv-sauvegardes",
        "cyberveille-municipale",
        "fr",
        "Sauvegardes immuables hors ligne",
        "Des copies de sauvegarde qu'aucun rançongiciel ne peut chiffrer ni effacer.",
        "Sauvegardes quotidiennes vers un stockage immuable hébergé au Québec, avec "
        "exercices de restauration trimestriels et rapport au conseil municipal.",
        ["cybersecurity"],
        ["rançongiciel", "sauvegarde", "continuité"],
        9,
        "subscription",
        ["quebec"],
        [("ville-de-sherbrooke", 2024, "deployed")],
    ),
    (
        "cv-hameconnage",
        "cyberveille-municipale",
        "fr",
        "Formation et simulations d'hameçonnage",
        "Des courriels piégés simulés et de courtes formations pour les employés municipaux.",
        "Campagnes d'hameçonnage simulées adaptées au contexte municipal, capsules de cinq "
        "minutes en français et en anglais, tableau de suivi par service.",
        ["cybersecurity"],
        ["hameçonnage", "formation", "sensibilisation"],
        9,
        "subscription",
        ["canada", "france"],
        [],
    ),
    (
        "rc-collecte-optimisee",
        "recyclo",
        "fr",
        "Optimisation des tournées de collecte",
        "Des capteurs de remplissage et un calcul d'itinéraire qui évitent les bacs vides.",
        "Les capteurs mesurent le remplissage des conteneurs ; chaque matin, le logiciel "
        "calcule les tournées. Moins de kilomètres, moins de débordements.",
        ["waste", "digital-services"],
        ["collecte", "itinéraires", "capteurs de remplissage"],
        8,
        "subscription",
        ["quebec"],
        [("ville-de-victoriaville", 2024, "piloted")],
    ),
    (
        "rc-textiles",
        "recyclo",
        "fr",
        "Points de dépôt de textiles connectés",
        "Des conteneurs à textiles qui signalent quand ils sont pleins, et une filière de "
        "réemploi locale.",
        "Nous installons et vidons des conteneurs connectés, trions les textiles avec des "
        "organismes d'insertion et publions les tonnages détournés.",
        ["waste", "environment"],
        ["textiles", "réemploi"],
        7,
        "project",
        ["quebec"],
        [],
    ),
    (
        "mp-autopartage",
        "mobilite-partagee",
        "fr",
        "Autopartage électrique en libre-service",
        "Des voitures électriques partagées, réservées par application, pour les quartiers "
        "et les employés municipaux.",
        "Une flotte de véhicules électriques stationnés en stations ; réservation à l'heure, "
        "recharge incluse. La flotte municipale peut s'y joindre hors des heures de bureau.",
        ["mobility", "energy"],
        ["autopartage", "véhicules électriques"],
        9,
        "per_use",
        ["montreal", "laval", "monteregie"],
        [("ville-de-longueuil", 2023, "deployed")],
    ),
    (
        "mp-transport-demande",
        "mobilite-partagee",
        "fr",
        "Transport collectif à la demande",
        "Des minibus sans trajet fixe que l'on réserve par téléphone ou application.",
        "Un algorithme regroupe les demandes et trace les trajets en temps réel. Adapté aux "
        "secteurs peu denses où une ligne fixe roulerait à vide.",
        ["mobility"],
        ["transport à la demande", "milieu rural", "minibus"],
        8,
        "subscription",
        ["quebec"],
        [("Ville de Magog", 2024, "piloted")],
    ),
    (
        "as-alerte-crues",
        "aquasense",
        "fr",
        "Alerte précoce aux crues",
        "Des capteurs de niveau d'eau et un modèle de prévision qui préviennent 48 h à l'avance.",
        "Des sondes de niveau sur les rivières, reliées à un modèle hydrologique, déclenchent "
        "des alertes graduées aux citoyens et aux services d'urgence.",
        ["water", "public-safety"],
        ["inondations", "crues", "alerte"],
        8,
        "subscription",
        ["quebec", "ontario"],
        [("ville-de-gatineau", 2025, "piloted")],
    ),
    (
        "as-arrosage",
        "aquasense",
        "fr",
        "Arrosage piloté par l'humidité du sol",
        "Des sondes d'humidité qui n'arrosent les parcs que lorsque le sol en a besoin.",
        "Les sondes mesurent l'humidité à la racine ; le système décide d'arroser selon la "
        "météo prévue. Économie d'eau de 30 à 50 % en période de sécheresse.",
        ["water", "environment"],
        ["arrosage", "sécheresse", "espaces verts"],
        8,
        "purchase",
        ["occitanie", "quebec"],
        [],
    ),
    (
        "tb-arenas",
        "thermobat",
        "fr",
        "Récupération de chaleur des arénas",
        "Récupérer la chaleur du système de réfrigération de la glace pour chauffer le "
        "bâtiment et l'eau.",
        "Nous modernisons la réfrigération des arénas au CO2 et récupérons la chaleur rejetée "
        "pour le chauffage, l'eau chaude et la fonte de la neige de la surfaceuse.",
        ["buildings", "energy"],
        ["arénas", "récupération de chaleur", "réfrigération"],
        9,
        "project",
        ["quebec"],
        [("ville-de-levis", 2022, "deployed")],
    ),
    (
        "tb-thermographie",
        "thermobat",
        "fr",
        "Thermographie aérienne des bâtiments municipaux",
        "Une carte des pertes de chaleur de tous les toits, par drone, en une nuit d'hiver.",
        "Des vols de drone par nuit froide produisent une carte thermique de chaque bâtiment "
        "et une liste priorisée des travaux d'isolation.",
        ["buildings", "energy"],
        ["thermographie", "drone", "isolation"],
        8,
        "project",
        ["quebec"],
        [],
    ),
    (
        "cf-transit-feed",
        "civicflow",
        "en",
        "Real-time transit feed and trip planner",
        "Publishes GTFS-Realtime from any vehicle location system and offers riders a "
        "bilingual trip planner.",
        "CivicFlow connects to your existing AVL, publishes standard GTFS and GTFS-Realtime "
        "feeds, and hosts an accessible trip planner in English and French.",
        ["mobility", "digital-services"],
        ["transit", "GTFS", "real-time"],
        9,
        "subscription",
        ["canada"],
        [("ville-de-gatineau", 2024, "piloted")],
    ),
    (
        "cf-permits",
        "civicflow",
        "en",
        "Online permits with status tracking",
        "Citizens apply for building permits online and follow each step; staff work from "
        "one queue.",
        "Configurable online forms, document upload, fees, and a public status page. "
        "Integrates with your property register.",
        ["digital-services"],
        ["permits", "e-services"],
        8,
        "subscription",
        ["canada"],
        [],
    ),
    (
        "gi-plan-intervention",
        "geoinfra",
        "fr",
        "Plan d'intervention des infrastructures",
        "Un jumeau numérique des conduites et des chaussées qui priorise les travaux.",
        "Nous intégrons inspections, âge et bris dans un modèle de risque et produisons le "
        "plan d'intervention exigé par le MAMH, mis à jour en continu.",
        ["public-works", "water"],
        ["gestion d'actifs", "plan d'intervention", "SIG"],
        9,
        "license",
        ["quebec"],
        [("ville-de-rimouski", 2023, "deployed")],
    ),
    (
        "gi-nids-de-poule",
        "geoinfra",
        "fr",
        "Détection des nids-de-poule par caméra embarquée",
        "Une caméra dans les véhicules municipaux repère et cartographie les défauts de chaussée.",
        "Un téléphone fixé au pare-brise analyse la route pendant les tournées habituelles ; "
        "les défauts sont géolocalisés et classés par gravité.",
        ["public-works"],
        ["chaussée", "nids-de-poule", "vision par ordinateur"],
        7,
        "subscription",
        ["quebec", "canada"],
        [],
    ),
    (
        "cu-inventaire-arbres",
        "canopee-urbaine",
        "fr",
        "Inventaire des arbres par imagerie aérienne",
        "Chaque arbre public repéré, mesuré et suivi à partir d'images aériennes et LiDAR.",
        "Nous combinons LiDAR et images aériennes pour inventorier les arbres, estimer la "
        "canopée par quartier et suivre les îlots de chaleur.",
        ["environment"],
        ["arbres", "canopée", "LiDAR"],
        8,
        "project",
        ["quebec", "canada"],
        [("ville-de-quebec", 2024, "deployed")],
    ),
    (
        "cu-ilots-fraicheur",
        "canopee-urbaine",
        "fr",
        "Îlots de fraîcheur clés en main",
        "Verdissement ciblé des rues les plus chaudes : arbres, fosses drainantes, pavés "
        "perméables.",
        "À partir d'une carte de chaleur, nous concevons et plantons des îlots de fraîcheur "
        "avec les citoyens, puis mesurons la baisse de température.",
        ["environment", "water"],
        ["îlots de chaleur", "verdissement"],
        9,
        "project",
        ["quebec"],
        [],
    ),
    (
        "no-deneigement",
        "neige-optimale",
        "fr",
        "Suivi en temps réel du déneigement",
        "Une carte publique de l'avancement du déneigement, rue par rue.",
        "Des boîtiers GPS dans les chasse-neige alimentent une carte publique et un tableau "
        "de bord ; les citoyens savent quand leur rue sera déblayée.",
        ["public-works", "digital-services"],
        ["déneigement", "GPS", "carte publique"],
        9,
        "subscription",
        ["quebec"],
        [("ville-de-rimouski", 2022, "deployed"), ("ville-de-sherbrooke", 2025, "piloted")],
    ),
    (
        "no-sel",
        "neige-optimale",
        "fr",
        "Épandage de sel selon la température de la chaussée",
        "Des capteurs de température de chaussée qui dosent le sel au juste nécessaire.",
        "Capteurs infrarouges sur les camions et contrôle automatique des épandeuses : "
        "jusqu'à 25 % de sel en moins.",
        ["public-works", "environment"],
        ["sel de voirie", "épandage"],
        8,
        "purchase",
        ["quebec", "canada"],
        [],
    ),
    (
        "bc-bornes",
        "borne-et-cie",
        "fr",
        "Bornes de recharge de niveau 2 gérées",
        "Installation, facturation et partage de puissance de bornes dans les stationnements "
        "municipaux.",
        "Bornes de niveau 2 et rapides, partage dynamique de la puissance, facturation à "
        "l'usager et données d'utilisation ouvertes pour la Ville.",
        ["mobility", "energy"],
        ["recharge", "bornes", "véhicules électriques"],
        9,
        "subscription",
        ["quebec"],
        [("ville-de-saint-jerome", 2023, "deployed")],
    ),
    (
        "sc-videoprotection",
        "securicite",
        "fr",
        "Sécurisation des réseaux de caméras municipales",
        "Segmentation, chiffrement et surveillance des réseaux de vidéoprotection.",
        "Audit, segmentation réseau, chiffrement des flux et supervision 24/7 des caméras et "
        "enregistreurs, conformes à la réglementation.",
        ["public-safety", "cybersecurity"],
        ["vidéoprotection", "réseau", "chiffrement"],
        8,
        "subscription",
        ["quebec", "france"],
        [],
    ),
    (
        "dv-participation",
        "dataville",
        "fr",
        "Plateforme de participation citoyenne accessible",
        "Consultations, budgets participatifs et sondages conformes aux normes d'accessibilité.",
        "Une plateforme bilingue, conforme WCAG 2.1 AA, pour les consultations publiques, le "
        "budget participatif et le suivi des projets.",
        ["digital-services"],
        ["participation citoyenne", "consultation", "accessibilité"],
        9,
        "subscription",
        ["quebec", "france"],
        [("ville-de-terrebonne", 2025, "piloted")],
    ),
    (
        "dv-tableau-bord",
        "dataville",
        "fr",
        "Tableau de bord des indicateurs municipaux",
        "Les données des services réunies dans des indicateurs publics mis à jour chaque jour.",
        "Connecteurs vers vos systèmes, indicateurs publiés en données ouvertes et pages "
        "lisibles par les citoyens.",
        ["digital-services"],
        ["données ouvertes", "indicateurs"],
        8,
        "subscription",
        ["quebec"],
        [],
    ),
    (
        "ct-compostage",
        "compostech",
        "fr",
        "Composteurs communautaires électromécaniques",
        "Des composteurs de quartier qui transforment les résidus alimentaires en compost "
        "en deux semaines.",
        "Un appareil fermé, sans odeur, par tranche de 500 ménages ; le compost est redonné "
        "aux citoyens. Suivi des quantités détournées.",
        ["waste", "environment"],
        ["compost", "matières organiques"],
        8,
        "purchase",
        ["quebec"],
        [("ville-de-victoriaville", 2023, "deployed")],
    ),
    (
        "ct-sensibilisation",
        "compostech",
        "fr",
        "Campagne de participation à la collecte des organiques",
        "Porte-à-porte, autocollants de bac et messages ciblés pour augmenter la participation.",
        "Une campagne mesurée rue par rue : nous repérons les secteurs qui participent peu et "
        "y concentrons les efforts.",
        ["waste"],
        ["bac brun", "sensibilisation"],
        9,
        "project",
        ["quebec"],
        [],
    ),
    (
        "sg-solaire-toits",
        "smartgrid-quebec",
        "fr",
        "Solaire sur les toits municipaux, sans investissement",
        "Des panneaux solaires installés et exploités par nous, l'électricité vendue à la "
        "Ville à prix fixe.",
        "Étude de toiture, installation, exploitation et entretien ; la Ville paie "
        "l'électricité produite, sans investissement initial.",
        ["energy", "buildings"],
        ["solaire", "photovoltaïque", "toits"],
        9,
        "other",
        ["quebec"],
        [("ville-de-saint-jerome", 2024, "deployed")],
    ),
    (
        "fz-compteurs-eau",
        "fuite-zero",
        "fr",
        "Compteurs d'eau communicants",
        "Des compteurs lus à distance qui signalent les fuites chez l'usager.",
        "Relevé horaire, détection de consommation continue (fuite) et portail pour les "
        "industries et commerces.",
        ["water"],
        ["compteurs d'eau", "fuites", "télérelève"],
        9,
        "purchase",
        ["quebec"],
        [("ville-de-terrebonne", 2025, "piloted")],
    ),
    (
        "ta-comptage",
        "transit-analytics",
        "en",
        "Year-round cyclist and pedestrian counters",
        "Computer-vision counters that tell bikes from pedestrians, in snow and at night.",
        "Privacy-preserving counters (no image leaves the device) with an open API and "
        "dashboards for active transportation planning.",
        ["mobility"],
        ["cycling", "counting", "active transportation"],
        8,
        "purchase",
        ["canada"],
        [("ville-de-longueuil", 2024, "piloted")],
    ),
    (
        "lvd-berges",
        "lab-ville-durable",
        "fr",
        "Stabilisation végétale des berges",
        "Génie végétal (fascines, boutures) plutôt qu'enrochement, suivi par drone.",
        "Méthodes de génie végétal éprouvées en laboratoire et sur le terrain, avec suivi de "
        "l'érosion par photogrammétrie.",
        ["environment", "water"],
        ["berges", "érosion", "génie végétal"],
        6,
        "project",
        ["quebec"],
        [("ville-de-trois-rivieres", 2025, "piloted")],
    ),
    (
        "lvd-erosion",
        "lab-ville-durable",
        "fr",
        "Suivi de l'érosion côtière par photogrammétrie",
        "Des relevés par drone deux fois l'an pour mesurer le recul du littoral.",
        "Modèles numériques de terrain comparés d'une saison à l'autre, cartes de recul et "
        "zones à risque pour l'aménagement.",
        ["environment", "public-safety"],
        ["érosion côtière", "drone"],
        7,
        "project",
        ["quebec"],
        [],
    ),
    (
        "sc-solaire-collectif",
        "solaire-collectif",
        "fr",
        "Coopérative solaire citoyenne",
        "Les citoyens investissent dans des panneaux sur les bâtiments publics et partagent "
        "les revenus.",
        "Montage juridique et financier d'une coopérative, installation et animation ; la "
        "Ville loue ses toits.",
        ["energy", "buildings"],
        ["solaire", "coopérative", "citoyens"],
        8,
        "other",
        ["quebec"],
        [],
    ),
    (
        "om-navettes",
        "occitanie-mobilite",
        "fr",
        "Navettes électriques à la demande pour le littoral",
        "Des navettes électriques réservables entre les plages, les parkings relais et le "
        "centre-ville.",
        "Navettes de 8 à 20 places, réservation par application et bornes, exploitation "
        "saisonnière modulable.",
        ["mobility", "environment"],
        ["navettes", "électrique", "tourisme"],
        8,
        "project",
        ["occitanie", "france"],
        [("Canet-en-Roussillon", 2024, "piloted")],
    ),
    (
        "ec-reutilisation",
        "eau-catalane",
        "fr",
        "Réutilisation des eaux usées traitées pour l'arrosage",
        "Traitement complémentaire et réseau d'arrosage des espaces verts à partir de la "
        "station d'épuration.",
        "Filtration et désinfection conformes à la réglementation française, et pilotage de "
        "l'arrosage des espaces verts communaux.",
        ["water", "environment"],
        ["réutilisation", "eaux usées", "sécheresse"],
        8,
        "project",
        ["occitanie", "france"],
        [],
    ),
    (
        "cd-audit-pme",
        "cyberdefense-pme",
        "fr",
        "Audit de cybersécurité pour petites communes",
        "Un audit en cinq jours et un plan d'action priorisé, adaptés aux petites équipes.",
        "Entretiens, tests d'intrusion externes, revue des sauvegardes et des accès ; plan "
        "d'action chiffré présenté aux élus.",
        ["cybersecurity"],
        ["audit", "petites communes"],
        9,
        "project",
        ["france", "europe"],
        [("Saint-Estève", 2025, "deployed")],
    ),
    (
        "cv-chaussee-recyclee",
        "chaussee-verte",
        "fr",
        "Enrobé à chaud contenant du verre recyclé",
        "Un enrobé qui intègre du verre recyclé local, aux mêmes performances qu'un enrobé "
        "standard.",
        "Formulation validée par essais en laboratoire et planches d'essai municipales ; "
        "débouché local pour le verre de la collecte sélective.",
        ["public-works", "waste"],
        ["enrobé", "verre recyclé", "chaussée"],
        7,
        "purchase",
        ["quebec"],
        [("ville-de-quebec", 2025, "piloted")],
    ),
]

# challenge external_id, solution external_id, status, pitch
PROPOSALS = [
    (
        "laval-2026-stationnement",
        "si-capteurs-case",
        Match.Status.PROPOSED,
        "Nos capteurs par case, installés sur les 600 places du centre, avec la carte des places "
        "libres et les panneaux aux entrées.",
    ),
    (
        "granby-2026-recharge",
        "bc-bornes",
        Match.Status.SHORTLISTED,
        "Douze bornes de niveau 2 dans trois stationnements, partage de puissance et données "
        "ouvertes.",
    ),
    (
        "sherbrooke-2026-fuites",
        "hv-correlateurs",
        Match.Status.PROPOSED,
        "Écoute acoustique permanente sur le secteur le plus ancien, puis extension selon les "
        "résultats.",
    ),
    (
        "gatineau-2026-en-transit-data",
        "cf-transit-feed",
        Match.Status.PROPOSED,
        "GTFS-Realtime from your current AVL within six weeks, and a bilingual trip planner.",
    ),
    (
        "quebec-2026-cyber-sauvegardes",
        "cv-sauvegardes",
        Match.Status.INTRODUCED,
        "Sauvegardes immuables hébergées au Québec et exercice de restauration dès le premier "
        "mois.",
    ),
    (
        "laval-2026-eclairage",
        "el-lampadaires",
        Match.Status.PILOT,
        "Deux cents luminaires communicants dans un quartier test, gradation et suivi des pannes.",
    ),
    (
        "longueuil-2026-velo",
        "ta-comptage",
        Match.Status.PROPOSED,
        "Eight counters on the main bike corridors, open API, winter-proof.",
    ),
]


def _reference_organizations(orgs: dict[str, Organization]) -> dict[str, Organization]:
    by_name = {o.name: o for o in Organization.objects.exclude(kind=Organization.Kind.INNOVATOR)}
    return {**by_name, **orgs}


@transaction.atomic
def seed_solutions(orgs: dict[str, Organization]) -> list[Solution]:
    """Create or refresh the demo solutions of the innovators of `partners.demo`, and proposals."""
    domains = {d.slug: d for d in Domain.objects.all()}
    references_by = _reference_organizations(orgs)
    now = timezone.now()
    result = []
    for (
        external_id,
        innovator,
        language,
        name,
        summary,
        description,
        slugs,
        tags,
        trl,
        price_model,
        regions,
        references,
    ) in SOLUTIONS:
        solution, _created = Solution.objects.update_or_create(
            external_id=external_id,
            defaults={
                "organization": orgs[innovator],
                "language": language,
                "name": name,
                "summary": summary,
                "description": description,
                "tags": [t.lower() for t in tags],
                "trl": trl,
                "price_model": price_model,
                "regions_served": regions,
                "languages": ["fr", "en"] if language == "en" else ["fr"],
                "status": Solution.Status.PUBLISHED,
            },
        )
        if solution.published_at is None:
            solution.published_at = now
            solution.save(update_fields=["published_at"])
        solution.domains.set([domains[s] for s in slugs])
        solution.references.all().delete()
        SolutionReference.objects.bulk_create(
            SolutionReference(
                solution=solution,
                organization=references_by.get(ref),
                name=references_by[ref].name if ref in references_by else ref,
                year=year,
                kind=kind,
            )
            for ref, year, kind in references
        )
        result.append(solution)
    _seed_proposals()
    return result


def _seed_proposals() -> None:
    challenges = Challenge.objects.in_bulk([c for c, *_rest in PROPOSALS], field_name="external_id")
    solutions = Solution.objects.in_bulk(
        [s for _c, s, *_rest in PROPOSALS], field_name="external_id"
    )
    for challenge_id, solution_id, status, pitch in PROPOSALS:
        challenge, solution = challenges.get(challenge_id), solutions.get(solution_id)
        if challenge is None or solution is None:
            continue
        member = (
            Membership.objects.filter(
                organization=solution.organization, status=Membership.Status.ACTIVE
            )
            .select_related("user")
            .first()
        )
        Match.objects.get_or_create(
            challenge=challenge,
            solution=solution,
            defaults={
                "origin": Match.Origin.INNOVATOR,
                "status": status,
                "pitch": pitch,
                "fit": solution.summary,
                "timeline": "3 à 6 mois" if solution.language == "fr" else "3 to 6 months",
                "currency": challenge.currency,
                "terms_accepted_at": timezone.now(),
                "proposed_at": timezone.now(),
                "proposed_by": member.user if member else None,
            },
        )
