"""Demo organisations and accounts for `manage.py seed_demo` (idempotent)."""

from django.db import transaction

from .models import Membership, Organization, User

DEMO_PASSWORD = "demo-iveo-2026"

CITIES = [
    # external_id, name, region, population
    ("ville-de-quebec", "Ville de Québec", "Capitale-Nationale", 549459),
    ("ville-de-laval", "Ville de Laval", "Laval", 438366),
    ("ville-de-gatineau", "Ville de Gatineau", "Outaouais", 291041),
    ("ville-de-longueuil", "Ville de Longueuil", "Montérégie", 254483),
    ("ville-de-sherbrooke", "Ville de Sherbrooke", "Estrie", 172950),
    ("ville-de-levis", "Ville de Lévis", "Chaudière-Appalaches", 149683),
    ("ville-de-trois-rivieres", "Ville de Trois-Rivières", "Mauricie", 139163),
    ("ville-de-terrebonne", "Ville de Terrebonne", "Lanaudière", 119944),
    ("ville-de-saint-jerome", "Ville de Saint-Jérôme", "Laurentides", 80213),
    ("ville-de-granby", "Ville de Granby", "Montérégie", 69025),
    ("ville-de-rimouski", "Ville de Rimouski", "Bas-Saint-Laurent", 48935),
    ("ville-de-victoriaville", "Ville de Victoriaville", "Centre-du-Québec", 47940),
]
PERPIGNAN = ("perpignan-mediterranee", "Perpignan Méditerranée Métropole", "Occitanie", 270000)
COMMUNES = [
    ("ville-de-perpignan", "Ville de Perpignan", 119656),
    ("canet-en-roussillon", "Canet-en-Roussillon", 12810),
    ("saint-esteve", "Saint-Estève", 11737),
    ("rivesaltes", "Rivesaltes", 8894),
]
INNOVATORS = [
    ("stationnement-intelligent", "Stationnement Intelligent inc.", "Montréal", "CA"),
    ("hydrovigie", "HydroVigie", "Québec", "CA"),
    ("ecolumen", "ÉcoLumen Technologies", "Laval", "CA"),
    ("cyberveille-municipale", "CyberVeille Municipale", "Sherbrooke", "CA"),
    ("recyclo", "Recyclo Solutions", "Longueuil", "CA"),
    ("mobilite-partagee", "Mobilité Partagée coop", "Montréal", "CA"),
    ("aquasense", "AquaSense Analytics", "Gatineau", "CA"),
    ("thermobat", "ThermoBât", "Trois-Rivières", "CA"),
    ("civicflow", "CivicFlow Labs", "Toronto", "CA"),
    ("geoinfra", "GéoInfra", "Lévis", "CA"),
    ("canopee-urbaine", "Canopée Urbaine", "Montréal", "CA"),
    ("neige-optimale", "Neige Optimale", "Rimouski", "CA"),
    ("borne-et-cie", "Borne & Cie", "Granby", "CA"),
    ("securicite", "SécuriCité", "Québec", "CA"),
    ("dataville", "DataVille", "Montréal", "CA"),
    ("compostech", "CompostTech", "Victoriaville", "CA"),
    ("smartgrid-quebec", "SmartGrid Québec", "Sherbrooke", "CA"),
    ("fuite-zero", "Fuite Zéro", "Terrebonne", "CA"),
    ("transit-analytics", "Transit Analytics", "Ottawa", "CA"),
    ("lab-ville-durable", "Laboratoire Ville durable (université)", "Montréal", "CA"),
    ("solaire-collectif", "Solaire Collectif", "Saint-Jérôme", "CA"),
    ("occitanie-mobilite", "Occitanie Mobilité SAS", "Perpignan", "FR"),
    ("eau-catalane", "Eau Catalane", "Perpignan", "FR"),
    ("cyberdefense-pme", "CyberDéfense PME", "Lyon", "FR"),
    ("chaussee-verte", "Chaussée Verte", "Québec", "CA"),
]

# e-mail, first name, last name, organisation external_id (None: no organisation), role, language
ACCOUNTS = [
    ("curateur@demo.iveo.ca", "Camille", "Tremblay", "iveo", Membership.Role.ADMIN, "fr"),
    ("ville@demo.iveo.ca", "Julie", "Gagnon", "ville-de-granby", Membership.Role.ADMIN, "fr"),
    ("ville2@demo.iveo.ca", "Marc", "Roy", "ville-de-sherbrooke", Membership.Role.ADMIN, "fr"),
    (
        "perpignan@demo.iveo.ca",
        "Laure",
        "Martin",
        "ville-de-perpignan",
        Membership.Role.ADMIN,
        "fr",
    ),
    (
        "innovateur@demo.iveo.ca",
        "Samuel",
        "Côté",
        "stationnement-intelligent",
        Membership.Role.ADMIN,
        "fr",
    ),
    ("innovator@demo.iveo.ca", "Emily", "Clarke", "civicflow", Membership.Role.ADMIN, "en"),
    ("nouveau@demo.iveo.ca", "Alex", "Bouchard", "nouvelle-pousse", Membership.Role.ADMIN, "fr"),
]


def _org(external_id: str, **fields) -> Organization:
    organization, _created = Organization.objects.update_or_create(
        external_id=external_id, defaults={"slug": external_id, **fields}
    )
    return organization


@transaction.atomic
def seed_partners() -> dict[str, Organization]:
    verified = Organization.Status.VERIFIED
    orgs: dict[str, Organization] = {}
    orgs["iveo"] = _org(
        "iveo",
        name="IVÉO",
        kind=Organization.Kind.IVEO,
        region="Montréal",
        country="CA",
        website="https://iveo.ca",
        description="Organisme à but non lucratif qui aide les villes à adopter des solutions "
        "innovantes depuis 2016.",
        status=verified,
    )
    for external_id, name, region, population in CITIES:
        orgs[external_id] = _org(
            external_id,
            name=name,
            kind=Organization.Kind.CITY,
            region=region,
            country="CA",
            population=population,
            status=verified,
        )
    external_id, name, region, population = PERPIGNAN
    agglomeration = _org(
        external_id,
        name=name,
        kind=Organization.Kind.PARTNER,
        region=region,
        country="FR",
        population=population,
        status=verified,
        description="Territoire partenaire d'IVÉO depuis 2020.",
    )
    orgs[external_id] = agglomeration
    for external_id, name, population in COMMUNES:
        orgs[external_id] = _org(
            external_id,
            name=name,
            kind=Organization.Kind.CITY,
            region="Occitanie",
            country="FR",
            population=population,
            parent=agglomeration,
            status=verified,
        )
    for external_id, name, region, country in INNOVATORS:
        orgs[external_id] = _org(
            external_id,
            name=name,
            kind=Organization.Kind.INNOVATOR,
            region=region,
            country=country,
            status=verified,
        )
    orgs["nouvelle-pousse"] = _org(
        "nouvelle-pousse",
        name="Nouvelle Pousse (jeune pousse en attente)",
        kind=Organization.Kind.INNOVATOR,
        region="Montréal",
        country="CA",
        status=Organization.Status.PENDING,
    )
    for email, first, last, org_id, role, language in ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email, password=DEMO_PASSWORD, first_name=first, last_name=last
            )
        user.language = language
        user.save(update_fields=["language"])
        Membership.objects.update_or_create(
            user=user,
            organization=orgs[org_id],
            defaults={"role": role, "status": Membership.Status.ACTIVE},
        )
    if not User.objects.filter(email="admin@demo.iveo.ca").exists():
        User.objects.create_superuser(
            email="admin@demo.iveo.ca", password=DEMO_PASSWORD, first_name="Admin"
        )
    return orgs


def accounts_summary() -> list[tuple[str, str]]:
    roles = {
        "curateur@demo.iveo.ca": "curateur IVÉO / IVÉO curator",
        "ville@demo.iveo.ca": "personnel de ville (Granby) / city staff",
        "ville2@demo.iveo.ca": "personnel de ville (Sherbrooke) / city staff",
        "perpignan@demo.iveo.ca": "commune partenaire (Perpignan) / partner territory",
        "innovateur@demo.iveo.ca": "innovateur / innovator (fr)",
        "innovator@demo.iveo.ca": "innovator (en)",
        "nouveau@demo.iveo.ca": "innovateur non vérifié / unverified innovator",
        "admin@demo.iveo.ca": "administrateur Django / Django administrator",
    }
    return list(roles.items())
