from django.db import migrations

DOMAINS = [
    ("mobility", "Mobilité durable", "Sustainable mobility"),
    ("water", "Gestion durable de l'eau", "Sustainable water management"),
    ("energy", "Efficacité énergétique", "Energy efficiency"),
    ("cybersecurity", "Cybersécurité", "Cybersecurity"),
    ("waste", "Matières résiduelles", "Waste management"),
    ("public-works", "Travaux publics et infrastructures", "Public works and infrastructure"),
    ("buildings", "Bâtiments municipaux", "Municipal buildings"),
    ("environment", "Environnement et climat", "Environment and climate"),
    ("digital-services", "Services numériques aux citoyens", "Digital services to citizens"),
    ("public-safety", "Sécurité publique", "Public safety"),
    ("other", "Autre", "Other"),
]


def create_domains(apps, schema_editor):
    Domain = apps.get_model("challenges", "Domain")
    for position, (slug, name_fr, name_en) in enumerate(DOMAINS):
        Domain.objects.update_or_create(
            slug=slug, defaults={"name_fr": name_fr, "name_en": name_en, "position": position}
        )


def remove_domains(apps, schema_editor):
    apps.get_model("challenges", "Domain").objects.filter(slug__in=[d[0] for d in DOMAINS]).delete()


class Migration(migrations.Migration):
    dependencies = [("challenges", "0001_initial")]

    operations = [migrations.RunPython(create_domains, remove_domains)]
