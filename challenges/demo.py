"""Demo challenges for `manage.py seed_demo`: realistic, mostly French, idempotent.

Challenges are upserted by `external_id`. A new one is created as a draft and its history is
written as the curator of the demo would have made it; the demo does not send the publish
signal nor notifications (the demo solutions are seeded afterwards anyway).
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from partners.models import Organization, User

from . import services
from .models import Challenge, ChallengeStatusChange, Domain, Question

S = Challenge.Status
PATHS = {
    S.DRAFT: [],
    S.SUBMITTED: [S.SUBMITTED],
    S.PUBLISHED: [S.SUBMITTED, S.PUBLISHED],
    S.IN_PILOT: [S.SUBMITTED, S.PUBLISHED, S.IN_PILOT],
    S.CLOSED: [S.SUBMITTED, S.PUBLISHED, S.IN_PILOT, S.CLOSED],
    S.ARCHIVED: [S.SUBMITTED, S.PUBLISHED, S.ARCHIVED],
}

# external_id, owners, status, domains, language, title, summary, description, tags, extra
CHALLENGES = [
    (
        "granby-2026-recharge",
        ["ville-de-granby"],
        S.PUBLISHED,
        ["mobility", "energy"],
        "fr",
        "Bornes de recharge pour véhicules électriques dans les stationnements municipaux",
        "Déployer un réseau de bornes de recharge rentable et simple à gérer dans nos "
        "stationnements publics.",
        "Granby compte de plus en plus de **véhicules électriques** et les citoyens "
        "réclament des bornes au centre-ville.\n\nNous cherchons une solution qui :\n\n"
        "- s'installe dans nos stationnements existants sans gros travaux ;\n"
        "- gère la facturation et le partage de puissance ;\n"
        "- fournit des données d'utilisation ouvertes.",
        ["recharge", "bornes", "électrification des transports"],
        {
            "budget_min": 50000,
            "budget_max": 150000,
            "days": 45,
            "gain_environmental": "Réduire les émissions liées aux déplacements en ville.",
            "gain_economic": "Revenus de recharge couvrant l'exploitation.",
            "terms": "Les données d'utilisation restent la propriété de la Ville.",
        },
    ),
    (
        "granby-2026-brouillon-feux",
        ["ville-de-granby"],
        S.DRAFT,
        ["mobility", "public-safety"],
        "fr",
        "Priorité aux autobus aux feux de circulation",
        "Donner la priorité aux autobus aux carrefours les plus congestionnés.",
        "Nos autobus perdent en moyenne six minutes par trajet aux feux rouges du "
        "boulevard principal. Nous voulons tester un système de priorité.",
        ["feux de circulation", "transport collectif"],
        {},
    ),
    (
        "granby-2026-soumis-compost",
        ["ville-de-granby"],
        S.SUBMITTED,
        ["waste"],
        "fr",
        "Augmenter la participation à la collecte des matières organiques",
        "Seulement 40 % des ménages utilisent leur bac brun : comment doubler ce taux ?",
        "La collecte des matières organiques existe depuis trois ans, mais la participation "
        "plafonne. Nous cherchons des outils de sensibilisation, de suivi et d'incitation.",
        ["compost", "bac brun", "sensibilisation"],
        {"budget_max": 40000},
    ),
    (
        "sherbrooke-2026-fuites",
        ["ville-de-sherbrooke"],
        S.PUBLISHED,
        ["water"],
        "fr",
        "Détection précoce des fuites dans le réseau d'aqueduc",
        "Repérer les fuites avant qu'elles ne deviennent des bris majeurs.",
        "Le réseau d'aqueduc de Sherbrooke perd près de 20 % de l'eau potable produite. "
        "Nous souhaitons tester des capteurs acoustiques ou une analyse des débits de nuit "
        "pour cibler les secteurs à inspecter.",
        ["fuites", "aqueduc", "capteurs acoustiques"],
        {
            "budget_min": 75000,
            "budget_max": 200000,
            "days": 60,
            "gain_economic": "Moins d'eau traitée pour rien, moins de bris d'urgence.",
            "gain_environmental": "Économie d'eau potable et d'énergie de pompage.",
        },
    ),
    (
        "sherbrooke-2026-deneigement",
        ["ville-de-sherbrooke"],
        S.PUBLISHED,
        ["public-works", "digital-services"],
        "fr",
        "Suivi en temps réel des opérations de déneigement",
        "Informer les citoyens de l'avancement du déneigement, rue par rue.",
        "Les appels au 311 explosent pendant les tempêtes. Nous voulons une carte publique "
        "de l'avancement du déneigement alimentée par la géolocalisation des véhicules.",
        ["déneigement", "géolocalisation", "311"],
        {
            "budget_max": 60000,
            "days": 20,
            "gain_social": "Moins d'incertitude pour les citoyens, moins d'appels.",
        },
    ),
    (
        "quebec-2026-ilots-chaleur",
        ["ville-de-quebec"],
        S.PUBLISHED,
        ["environment"],
        "fr",
        "Réduire les îlots de chaleur dans les quartiers centraux",
        "Cartographier et rafraîchir les secteurs les plus chauds l'été.",
        "Nous cherchons des solutions de verdissement, de revêtements réfléchissants ou "
        "d'ombrage, et une méthode pour mesurer l'effet sur la température ressentie.",
        ["îlots de chaleur", "verdissement", "canopée"],
        {
            "budget_min": 100000,
            "budget_max": 400000,
            "days": 75,
            "gain_environmental": "Baisse de la température de surface de 3 à 5 °C.",
            "gain_social": "Moins de malaises liés à la chaleur chez les aînés.",
        },
    ),
    (
        "quebec-2026-cyber-sauvegardes",
        ["ville-de-quebec"],
        S.PUBLISHED,
        ["cybersecurity"],
        "fr",
        "Sauvegardes protégées contre les rançongiciels",
        "Garantir la reprise des services municipaux après une attaque par rançongiciel.",
        "Après l'attaque subie par une municipalité voisine, nous voulons des sauvegardes "
        "immuables et un plan de reprise testé pour nos systèmes essentiels.",
        ["rançongiciel", "sauvegarde", "plan de reprise"],
        {
            "visibility": Challenge.Visibility.NETWORK,
            "budget_max": 120000,
            "days": 40,
            "terms": "Entente de confidentialité exigée avant tout échange technique.",
        },
    ),
    (
        "laval-2026-eclairage",
        ["ville-de-laval"],
        S.IN_PILOT,
        ["energy", "public-works"],
        "fr",
        "Éclairage de rue intelligent et économe",
        "Moduler l'intensité de l'éclairage de rue selon la présence et l'heure.",
        "Laval a converti ses luminaires au DEL. Nous voulons maintenant tester une gestion "
        "à distance qui module l'éclairage et signale les pannes.",
        ["éclairage", "DEL", "télégestion"],
        {
            "budget_min": 80000,
            "budget_max": 250000,
            "gain_economic": "30 % d'économie d'électricité supplémentaire.",
        },
    ),
    (
        "laval-2026-stationnement",
        ["ville-de-laval"],
        S.PUBLISHED,
        ["mobility", "digital-services"],
        "fr",
        "Trouver une place de stationnement sans tourner en rond",
        "Guider les automobilistes vers les places libres près des pôles commerciaux.",
        "La recherche d'une place génère jusqu'à 30 % de la circulation dans certains "
        "secteurs. Nous cherchons des capteurs ou caméras et une application d'orientation.",
        ["stationnement", "capteurs", "application mobile"],
        {"budget_max": 90000, "days": 15},
    ),
    (
        "gatineau-2026-inondations",
        ["ville-de-gatineau"],
        S.PUBLISHED,
        ["water", "public-safety"],
        "fr",
        "Alerte précoce aux inondations printanières",
        "Prévoir la crue des rivières quelques jours à l'avance et prévenir les résidents.",
        "Les crues de 2017 et 2019 ont touché des milliers de résidences. Nous voulons des "
        "capteurs de niveau, un modèle de prévision et des alertes ciblées par secteur.",
        ["inondations", "crue", "alertes"],
        {
            "budget_min": 150000,
            "budget_max": 500000,
            "days": 90,
            "gain_social": "Des résidents prévenus à temps pour se protéger.",
        },
    ),
    (
        "gatineau-2026-gestion-actifs",
        ["ville-de-gatineau", "ville-de-levis"],
        S.PUBLISHED,
        ["public-works"],
        "fr",
        "Plan d'intervention des infrastructures fondé sur les données",
        "Prioriser la réfection des chaussées et conduites avec des données fiables.",
        "Enjeu commun de Gatineau et Lévis : nos plans d'intervention reposent sur des "
        "inspections visuelles espacées. Nous cherchons une évaluation automatisée de l'état "
        "des chaussées (vidéo, capteurs embarqués) couplée à nos données d'aqueduc.",
        ["chaussées", "gestion des actifs", "inspection automatisée"],
        {"budget_min": 60000, "budget_max": 180000, "days": 50},
    ),
    (
        "longueuil-2026-velo",
        ["ville-de-longueuil"],
        S.PUBLISHED,
        ["mobility"],
        "fr",
        "Compter les cyclistes et piétons toute l'année",
        "Mesurer l'achalandage des pistes cyclables, y compris l'hiver.",
        "Pour planifier notre réseau cyclable quatre saisons, nous avons besoin de "
        "comptages fiables et continus, publiés en données ouvertes.",
        ["vélo", "comptage", "mobilité active"],
        {"budget_max": 45000, "days": 35},
    ),
    (
        "levis-2026-batiments",
        ["ville-de-levis"],
        S.PUBLISHED,
        ["buildings", "energy"],
        "fr",
        "Réduire la consommation énergétique des arénas",
        "Optimiser la réfrigération et le chauffage de nos quatre arénas.",
        "Nos arénas sont nos bâtiments les plus énergivores. Nous cherchons la récupération "
        "de chaleur des systèmes de réfrigération et une gestion fine des horaires.",
        ["arénas", "récupération de chaleur", "réfrigération"],
        {
            "budget_min": 100000,
            "budget_max": 300000,
            "days": 55,
            "gain_economic": "Baisse de 25 % de la facture énergétique des arénas.",
        },
    ),
    (
        "trois-rivieres-2026-collecte",
        ["ville-de-trois-rivieres"],
        S.PUBLISHED,
        ["waste", "digital-services"],
        "fr",
        "Optimiser les tournées de collecte des déchets",
        "Collecter seulement les conteneurs pleins grâce à des capteurs de remplissage.",
        "Les camions passent à heure fixe, que les conteneurs soient pleins ou non. Des "
        "capteurs de niveau et une planification dynamique des tournées réduiraient les "
        "kilomètres parcourus.",
        ["collecte", "capteurs de remplissage", "optimisation des tournées"],
        {"budget_max": 70000, "days": 25},
    ),
    (
        "trois-rivieres-2025-rives",
        ["ville-de-trois-rivieres"],
        S.CLOSED,
        ["environment", "water"],
        "fr",
        "Stabiliser les berges sans enrochement",
        "Protéger les berges du Saint-Maurice par des techniques végétales.",
        "Projet terminé : des techniques de génie végétal ont été testées sur deux sites.",
        ["berges", "génie végétal", "érosion"],
        {},
    ),
    (
        "terrebonne-2026-participation",
        ["ville-de-terrebonne"],
        S.PUBLISHED,
        ["digital-services"],
        "fr",
        "Une plateforme de participation citoyenne accessible",
        "Consulter les citoyens en ligne, y compris ceux qui participent peu.",
        "Nous voulons une plateforme de consultation conforme aux normes d'accessibilité, "
        "bilingue, qui rejoint aussi les jeunes et les nouveaux arrivants.",
        ["participation citoyenne", "consultation", "accessibilité"],
        {"budget_max": 50000, "days": 30, "gain_social": "Une participation plus représentative."},
    ),
    (
        "saint-jerome-2026-solaire",
        ["ville-de-saint-jerome"],
        S.PUBLISHED,
        ["energy", "buildings"],
        "fr",
        "Panneaux solaires sur les toits des bâtiments municipaux",
        "Évaluer et installer du solaire sur nos bâtiments les plus adaptés.",
        "Nous cherchons un partenaire pour évaluer le potentiel solaire de nos toits, "
        "financer et installer les panneaux, avec un modèle de partage des économies.",
        ["solaire", "photovoltaïque", "autoproduction"],
        {"budget_min": 200000, "budget_max": 600000, "days": 80},
    ),
    (
        "rimouski-2026-transport-demande",
        ["ville-de-rimouski"],
        S.PUBLISHED,
        ["mobility"],
        "fr",
        "Transport à la demande dans les secteurs peu denses",
        "Desservir les quartiers périphériques sans lignes d'autobus vides.",
        "Nos lignes fixes sont peu utilisées en périphérie. Nous voulons tester un service "
        "de transport à la demande réservable par application et par téléphone.",
        ["transport à la demande", "zones rurales", "réservation"],
        {"budget_min": 80000, "budget_max": 160000, "days": 40},
    ),
    (
        "victoriaville-2026-textiles",
        ["ville-de-victoriaville"],
        S.IN_PILOT,
        ["waste", "environment"],
        "fr",
        "Détourner les textiles de l'enfouissement",
        "Collecter et valoriser les vêtements et textiles usagés.",
        "Les textiles représentent près de 7 % de nos déchets enfouis. Un projet pilote de "
        "collecte et de tri est en cours avec un innovateur local.",
        ["textiles", "économie circulaire", "réemploi"],
        {},
    ),
    (
        "victoriaville-2024-archive",
        ["ville-de-victoriaville"],
        S.ARCHIVED,
        ["other"],
        "fr",
        "Numérisation des archives municipales",
        "Numériser et indexer un siècle d'archives papier.",
        "Enjeu retiré : le projet a été confié au service des archives nationales.",
        ["archives", "numérisation"],
        {},
    ),
    (
        "perpignan-2026-eau-arrosage",
        ["ville-de-perpignan"],
        S.PUBLISHED,
        ["water", "environment"],
        "fr",
        "Arrosage intelligent des espaces verts en période de sécheresse",
        "Arroser juste ce qu'il faut, là où il le faut, malgré les restrictions d'eau.",
        "Les sécheresses répétées imposent des restrictions. Nous cherchons des sondes "
        "d'humidité du sol et un pilotage de l'arrosage pour nos parcs et jardins.",
        ["arrosage", "sécheresse", "sondes d'humidité"],
        {"currency": Challenge.Currency.EUR, "budget_min": 30000, "budget_max": 90000, "days": 45},
    ),
    (
        "perpignan-2026-navettes",
        ["perpignan-mediterranee", "canet-en-roussillon"],
        S.PUBLISHED,
        ["mobility", "environment"],
        "fr",
        "Navettes électriques entre le littoral et le centre-ville",
        "Relier la plage et le centre sans voiture pendant la saison estivale.",
        "Enjeu commun de la métropole et de Canet-en-Roussillon : l'été, la route du "
        "littoral est saturée. Nous voulons tester des navettes électriques, éventuellement "
        "autonomes, avec une billettique intégrée.",
        ["navettes", "véhicules électriques", "tourisme"],
        {
            "currency": Challenge.Currency.EUR,
            "budget_min": 150000,
            "budget_max": 400000,
            "days": 70,
        },
    ),
    (
        "saint-esteve-2026-videoprotection",
        ["saint-esteve"],
        S.PUBLISHED,
        ["public-safety", "cybersecurity"],
        "fr",
        "Sécuriser le réseau de vidéoprotection communal",
        "Mettre à jour et protéger des caméras vieillissantes contre les intrusions.",
        "Notre parc de caméras est hétérogène et certaines utilisent encore des mots de passe "
        "par défaut. Nous cherchons un audit et une segmentation du réseau.",
        ["vidéoprotection", "segmentation réseau", "audit"],
        {
            "currency": Challenge.Currency.EUR,
            "visibility": Challenge.Visibility.NETWORK,
            "budget_max": 40000,
            "days": 30,
        },
    ),
    (
        "rivesaltes-2026-ecoles",
        ["rivesaltes"],
        S.PUBLISHED,
        ["buildings", "energy"],
        "fr",
        "Confort d'été dans les écoles sans climatisation",
        "Garder les classes sous 28 °C en juin sans consommer davantage d'énergie.",
        "Nous cherchons des solutions passives ou peu énergivores (brise-soleil, ventilation "
        "nocturne, capteurs de confort) pour nos trois écoles.",
        ["confort d'été", "écoles", "ventilation"],
        {"currency": Challenge.Currency.EUR, "budget_max": 60000, "days": 50},
    ),
    (
        "gatineau-2026-en-transit-data",
        ["ville-de-gatineau"],
        S.PUBLISHED,
        ["mobility", "digital-services"],
        "en",
        "Real-time transit data for riders crossing the Ottawa River",
        "Give riders one trip planner for two transit agencies and two provinces.",
        "Many residents commute between Gatineau and Ottawa. We are looking for a solution "
        "that merges real-time feeds from both agencies into one accessible trip planner.",
        ["transit", "real-time data", "trip planner"],
        {"budget_max": 80000, "days": 35},
    ),
    (
        "sherbrooke-2026-en-phishing",
        ["ville-de-sherbrooke"],
        S.PUBLISHED,
        ["cybersecurity"],
        "en",
        "Phishing awareness training for municipal employees",
        "Cut the click rate on phishing emails among 2,000 employees.",
        "We need an ongoing awareness programme with realistic simulated phishing campaigns, "
        "short bilingual training modules and reporting by department.",
        ["phishing", "awareness", "training"],
        {"budget_max": 35000, "days": 25},
    ),
    (
        "laval-2026-en-trees",
        ["ville-de-laval"],
        S.PUBLISHED,
        ["environment"],
        "en",
        "Urban tree inventory from aerial imagery",
        "Keep an up-to-date inventory of public trees without walking every street.",
        "Our tree inventory is ten years old. We are looking for automated detection of "
        "species, size and health from aerial or street-level imagery.",
        ["urban forest", "tree inventory", "imagery"],
        {"budget_min": 40000, "budget_max": 120000, "days": 60},
    ),
    (
        "longueuil-2026-en-permits",
        ["ville-de-longueuil"],
        S.SUBMITTED,
        ["digital-services"],
        "en",
        "Online building permits with status tracking",
        "Let residents apply for and follow building permits online.",
        "Applications are still on paper and residents call to know where their file stands. "
        "We want an online service with document upload and status notifications.",
        ["permits", "online services"],
        {"budget_max": 100000, "days": 60},
    ),
    (
        "rimouski-2026-erosion",
        ["ville-de-rimouski"],
        S.PUBLISHED,
        ["environment", "public-safety"],
        "fr",
        "Suivre l'érosion côtière le long du fleuve",
        "Mesurer le recul du littoral et anticiper les risques pour les résidences.",
        "Les tempêtes automnales accélèrent l'érosion des berges du Saint-Laurent. Nous "
        "cherchons une surveillance par drone ou par imagerie satellitaire.",
        ["érosion côtière", "drones", "imagerie satellitaire"],
        {"budget_max": 75000, "days": 45},
    ),
    (
        "terrebonne-2025-pilote-eau",
        ["ville-de-terrebonne"],
        S.CLOSED,
        ["water"],
        "fr",
        "Compteurs d'eau communicants dans les industries",
        "Suivre la consommation d'eau des grands consommateurs en continu.",
        "Projet pilote terminé : 40 compteurs communicants installés chez des industries et "
        "commerces ; les résultats sont publiés comme étude de cas.",
        ["compteurs d'eau", "télérelève"],
        {},
    ),
    (
        "quebec-2026-autre-bruit",
        ["ville-de-quebec"],
        S.PUBLISHED,
        ["other", "environment"],
        "fr",
        "Mesurer le bruit urbain près des chantiers",
        "Objectiver les plaintes de bruit et adapter les horaires des chantiers.",
        "Nous voulons des sonomètres connectés temporaires et un tableau de bord public "
        "pour suivre le bruit des grands chantiers de la ville.",
        ["bruit", "sonomètres", "chantiers"],
        {"budget_max": 30000, "days": 20},
    ),
]

FIELDS = ("budget_min", "budget_max", "currency", "visibility", "gain_economic",
          "gain_environmental", "gain_social", "terms")  # fmt: skip


def _history(challenge: Challenge, target: str, curator: User | None, staff: User | None):
    """Write the lifecycle of a new demo challenge, as people would have made it."""
    now = timezone.now()
    source = S.DRAFT
    steps = PATHS[target]
    challenge.history.filter(to_status=S.DRAFT, from_status="").update(
        created_at=now - timedelta(days=3 * (len(steps) + 1))
    )
    for index, step in enumerate(steps):
        by = staff if step == S.SUBMITTED else curator
        ChallengeStatusChange.objects.create(
            challenge=challenge,
            from_status=source,
            to_status=step,
            by=by,
            created_at=now - timedelta(days=3 * (len(steps) - index)),
        )
        source = step
    challenge.status = target
    if target in (S.PUBLISHED, S.IN_PILOT, S.CLOSED, S.ARCHIVED):
        challenge.published_at = now - timedelta(days=3 * (len(steps) - 1))
    challenge.save(update_fields=["status", "published_at"])


def _staff_of(organization: Organization) -> User | None:
    return User.objects.filter(memberships__organization=organization).order_by("pk").first()


@transaction.atomic
def seed_challenges(orgs: dict[str, Organization]) -> list[Challenge]:
    """Create or refresh the demo challenges of the cities of `partners.demo`."""
    domains = {d.slug: d for d in Domain.objects.all()}
    curator = User.objects.filter(email="curateur@demo.iveo.ca").first()
    today = timezone.localdate()
    result = []
    for (
        external_id,
        owner_ids,
        status,
        slugs,
        language,
        title,
        summary,
        text,
        tags,
        extra,
    ) in CHALLENGES:
        owners = [orgs[o] for o in owner_ids]
        extra = dict(extra)
        days = extra.pop("days", None)
        fields = {
            "title": title,
            "summary": summary,
            "description": text,
            "tags": tags,
            "language": language,
            "proposals_deadline": today + timedelta(days=days) if days else None,
            **{name: extra[name] for name in FIELDS if name in extra},
        }
        chosen = [domains[s] for s in slugs]
        challenge = Challenge.objects.filter(external_id=external_id).first()
        if challenge is None:
            challenge = services.challenge_create(
                by=None, owners=owners, domains=chosen, external_id=external_id, **fields
            )
            _history(challenge, status, curator, _staff_of(owners[0]))
        else:
            services.challenge_update(
                challenge=challenge, by=None, owners=owners, domains=chosen, **fields
            )
        result.append(challenge)
    _seed_questions(orgs, {c.external_id: c for c in result})
    return result


def _seed_questions(orgs: dict[str, Organization], challenges: dict[str, Challenge]) -> None:
    innovator = User.objects.filter(email="innovateur@demo.iveo.ca").first()
    city_staff = User.objects.filter(email="ville@demo.iveo.ca").first()
    challenge = challenges["granby-2026-recharge"]
    if innovator is None or Question.objects.filter(challenge=challenge).exists():
        return
    Question.objects.create(
        challenge=challenge,
        asked_by=innovator,
        organization=orgs["stationnement-intelligent"],
        text="Les stationnements visés ont-ils déjà une alimentation électrique suffisante ?",
        answer="Deux des quatre stationnements ont une entrée de 600 A ; les deux autres "
        "devront être raccordés. Le budget couvre ces travaux.",
        answered_by=city_staff,
        answered_at=timezone.now(),
    )
