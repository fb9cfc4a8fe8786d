"""`manage.py import_catalog`: upsert by external_id, all or nothing, the publish pipeline."""

import copy
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from challenges.models import Challenge, ChallengeStatusChange
from challenges.signals import challenge_published
from partners.models import Notification, Organization
from solutions.models import Solution, SolutionReference

DEADLINE = (timezone.localdate() + timedelta(days=60)).isoformat()


def catalogue() -> dict:
    return {
        "organizations": [
            {
                "external_id": "ville-exemple",
                "name": "Ville d'Exemple",
                "kind": "city",
                "country": "CA",
                "region": "Montérégie",
                "population": 41000,
            },
            {
                "external_id": "acme",
                "name": "Acme Mobilité inc.",
                "kind": "innovator",
                "country": "CA",
            },
            {"external_id": "perpignan", "name": "Perpignan", "kind": "city", "country": "fr"},
        ],
        "challenges": [
            {
                "external_id": "ex-2025-01",
                "organization": "ville-exemple",
                "title": "Trouver une place de stationnement au centre-ville",
                "summary": "Les automobilistes tournent en rond.",
                "description": "Nous voulons connaître l'occupation des places en temps réel.",
                "domains": ["mobility"],
                "tags": ["stationnement"],
                "language": "fr",
                "status": "published",
                "budget_max": 50000,
                "currency": "CAD",
                "proposals_deadline": DEADLINE,
            },
            {
                "external_id": "ex-2019-07",
                "organization": "ville-exemple",
                "co_owners": ["perpignan"],
                "title": "Réduire les fuites du réseau d'eau potable",
                "description": "Un enjeu de 2019, terminé par un projet pilote.",
                "domains": ["water"],
                "status": "closed",
                "proposals_deadline": "2019-05-31",
                "published_at": "2019-03-01",
            },
        ],
        "solutions": [
            {
                "external_id": "acme-park",
                "organization": "acme",
                "name": "Acme Parc",
                "summary": "Capteurs de présence par case.",
                "description": "Des capteurs magnétiques et une carte web des places libres.",
                "domains": ["mobility"],
                "tags": ["stationnement", "capteurs"],
                "trl": 8,
                "language": "fr",
                "regions_served": ["quebec"],
                "references": [{"name": "Ville d'Exemple", "year": 2023, "kind": "piloted"}],
            },
            {
                "external_id": "acme-count",
                "organization": "acme",
                "name": "Acme Compteur",
                "description": "Counting cyclists and pedestrians with computer vision.",
                "language": "en",
                "status": "draft",
            },
        ],
    }


def write(tmp_path: Path, data, name: str = "catalogue.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def run(path: str, *args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_catalog", path, *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def counts() -> tuple[int, ...]:
    return (
        Organization.objects.count(),
        Challenge.objects.count(),
        Solution.objects.count(),
        SolutionReference.objects.count(),
        ChallengeStatusChange.objects.count(),
        Notification.objects.count(),
    )


@pytest.fixture
def published_ids():
    """The challenge ids announced by `challenge_published` (after the commit)."""
    seen: list[int] = []

    def receiver(sender, challenge_id, **kwargs):
        seen.append(challenge_id)

    challenge_published.connect(receiver, weak=False)
    yield seen
    challenge_published.disconnect(receiver)


def test_import_creates_organisations_challenges_and_solutions(
    db, tmp_path, curator, published_ids, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        out = run(write(tmp_path, catalogue()))
    assert "Organisations : 3 création(s)" in out
    city = Organization.objects.get(external_id="ville-exemple")
    assert (city.kind, city.population, city.status) == ("city", 41000, "verified")
    assert Organization.objects.get(external_id="perpignan").country == "FR"
    current = Challenge.objects.get(external_id="ex-2025-01")
    assert current.status == "published" and current.published_at is not None
    assert [d.slug for d in current.domains.all()] == ["mobility"]
    # Published through the UI's pipeline: history, curators told, the signal after the commit.
    assert current.history.filter(to_status="published").exists()
    assert published_ids == [current.pk]
    past = Challenge.objects.get(external_id="ex-2019-07")
    assert past.status == "closed" and past.published_at.year == 2019
    assert {o.external_id for o in past.owners.all()} == {"ville-exemple", "perpignan"}
    park = Solution.objects.get(external_id="acme-park")
    assert (park.trl, park.status, park.regions_served) == (8, "published", ["quebec"])
    reference = park.references.get()
    # A reference named like a city of the portal is linked to it.
    assert (reference.organization, reference.kind, reference.year) == (city, "piloted", 2023)
    assert Solution.objects.get(external_id="acme-count").status == "draft"


def test_reimporting_the_same_file_changes_nothing(
    db, tmp_path, django_capture_on_commit_callbacks
):
    path = write(tmp_path, catalogue())
    with django_capture_on_commit_callbacks(execute=True):
        run(path)
    before = counts()
    stamps = list(Solution.objects.order_by("pk").values_list("updated_at", flat=True))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        out = run(path)
    assert "Rien n'a changé." in out
    assert "0 création(s), 0 mise(s) à jour, 3 sans changement" in out
    assert counts() == before
    assert list(Solution.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps
    assert callbacks == []


def test_upsert_updates_only_what_changed(db, tmp_path):
    data = catalogue()
    run(write(tmp_path, data), "--no-notify")
    data["solutions"][0]["trl"] = 9
    data["solutions"][0]["domains"] = ["mobility", "energy"]
    data["solutions"][0]["references"] = []
    data["challenges"][0]["title"] = "Stationnement : trouver une place"
    out = run(write(tmp_path, data), "--no-notify")
    assert "Solutions : 0 création(s), 1 mise(s) à jour, 1 sans changement." in out
    assert "Enjeux : 0 création(s), 1 mise(s) à jour, 1 sans changement." in out
    park = Solution.objects.get(external_id="acme-park")
    assert park.trl == 9
    assert sorted(d.slug for d in park.domains.all()) == ["energy", "mobility"]
    assert not park.references.exists()
    assert Challenge.objects.get(external_id="ex-2025-01").title.startswith("Stationnement :")
    assert Solution.objects.count() == 2


def test_no_notify_publishes_without_the_pipeline(
    db, tmp_path, curator, published_ids, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run(write(tmp_path, catalogue()), "--no-notify")
    challenge = Challenge.objects.get(external_id="ex-2025-01")
    assert challenge.status == "published"
    assert published_ids == []
    assert not Notification.objects.exists()


def test_dry_run_reports_and_writes_nothing(
    db, tmp_path, published_ids, django_capture_on_commit_callbacks
):
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        out = run(write(tmp_path, catalogue()), "--dry-run")
    assert "Organisations : 3 à créer, 0 à mettre à jour, 0 sans changement." in out
    assert "Solutions : 2 à créer" in out
    assert "acme-park" in out
    assert "Enjeux qui seraient publiés" in out and "ex-2025-01" in out
    assert "rien n'a été écrit" in out
    assert counts() == before
    assert published_ids == []


def test_dry_run_after_an_import_says_what_would_change(db, tmp_path):
    data = catalogue()
    run(write(tmp_path, data), "--no-notify")
    data["solutions"][1]["summary"] = "Nouveau résumé"
    out = run(write(tmp_path, data), "--dry-run")
    assert "Solutions : 0 à créer, 1 à mettre à jour, 1 sans changement." in out
    assert Solution.objects.get(external_id="acme-count").summary == ""


def bad(path: str) -> str:
    with pytest.raises(CommandError) as error:
        from io import StringIO

        err = StringIO()
        try:
            call_command("import_catalog", path, stdout=StringIO(), stderr=err)
        finally:
            bad.stderr = err.getvalue()
    assert "rien n'a été importé" in str(error.value)
    return bad.stderr


def mutate(change) -> dict:
    data = copy.deepcopy(catalogue())
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["solutions"][1].update(trl="huit"),
            "solutions[1] (external_id « acme-count »), champ « trl » : doit être un entier",
        ),
        (
            lambda d: d["solutions"][0].update(trl=True),
            "solutions[0] (external_id « acme-park »), champ « trl »",
        ),
        (
            lambda d: d["challenges"][0].update(budget_max="50 000 $"),
            "challenges[0] (external_id « ex-2025-01 »), champ « budget_max »",
        ),
        (
            lambda d: d["solutions"][0].update(tags="stationnement"),
            "champ « tags » : doit être une liste",
        ),
        (
            lambda d: d["solutions"][0].update(colour="bleu"),
            "solutions[0] (external_id « acme-park »), champ « colour » : clé inconnue.",
        ),
        (lambda d: d.update(projects=[]), "Clé inconnue « projects »"),
        (
            lambda d: d["challenges"][0].update(domains=["mobility", "transport"]),
            "challenges[0] (external_id « ex-2025-01 »), champ « domains » : domaine inconnu « transport »",
        ),
        (
            lambda d: d["solutions"][1].update(organization="nobody"),
            "solutions[1] (external_id « acme-count »), champ « organization » : organisation « nobody » introuvable",
        ),
        (
            lambda d: d["challenges"][1].update(co_owners=["ghost-town"]),
            "champ « co_owners » : organisation « ghost-town » introuvable",
        ),
        (
            lambda d: d["solutions"].append(dict(d["solutions"][0])),
            "solutions[2] (external_id « acme-park »), champ « external_id » : external_id en double (déjà utilisé par solutions[0])",
        ),
        (
            lambda d: d["solutions"][0].update(description="x" * 20001),
            "champ « description » : trop long (20001 caractères ; 20000 au plus).",
        ),
        (
            lambda d: d["organizations"][0].update(name="N" * 5_000_000),
            "organizations[0] (external_id « ville-exemple »), champ « name » : trop long",
        ),
        (
            lambda d: d["solutions"][0].pop("description"),
            "solutions[0] (external_id « acme-park »), champ « description » : obligatoire.",
        ),
        (
            lambda d: d["challenges"][0].pop("external_id"),
            "challenges[0], champ « external_id » : obligatoire.",
        ),
        (
            lambda d: d["organizations"][2].update(country="France"),
            "champ « country » : doit être un code de pays ISO 3166-1",
        ),
        (
            lambda d: d["challenges"][0].update(proposals_deadline="31/03/2025"),
            "champ « proposals_deadline » : doit être une date valide",
        ),
        (
            lambda d: d["challenges"][0].update(organization="acme"),
            "champ « organization » : l'organisation « acme » est de type « innovator »",
        ),
        (
            lambda d: d["solutions"].__setitem__(0, ["not", "an", "object"]),
            "solutions[0] : chaque élément doit être un objet",
        ),
        (lambda d: d.update(solutions={"acme-park": {}}), "solutions : doit être une liste"),
        (
            lambda d: d["solutions"][0].update(name="Acme\x00Parc"),
            "champ « name » : contient des caractères de contrôle.",
        ),
        (
            lambda d: d["challenges"][0].update(budget_min=60000),
            "champ « budget_max » : doit être supérieur ou égal à budget_min.",
        ),
    ],
)
def test_an_invalid_record_writes_nothing_and_names_the_record_and_field(
    db, tmp_path, change, expected
):
    before = counts()
    stderr = bad(write(tmp_path, mutate(change)))
    assert expected in stderr
    assert counts() == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"organizations": [}', "JSON mal formé, ligne 1, colonne 20"),
        ("", "JSON mal formé"),
        ("[1, 2, 3]", "Le document doit être un objet JSON"),
        ('{"solutions": [{"external_id": "a",}]}', "JSON mal formé"),
    ],
)
def test_malformed_json_is_refused(db, tmp_path, text, expected):
    stderr = bad(write(tmp_path, text))
    assert expected in stderr


def test_a_file_that_is_not_utf8_is_refused(db, tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"organizations": [{"name": "Lévis"}]}'.encode("latin-1"))
    assert "UTF-8" in bad(str(path))


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="Impossible de lire"):
        run(str(tmp_path / "nope.json"))


def test_a_failure_while_writing_rolls_everything_back(db, tmp_path):
    """The database refuses a change the file alone cannot show: nothing of the file remains."""
    data = catalogue()
    run(write(tmp_path, data), "--no-notify")
    Challenge.objects.filter(external_id="ex-2025-01").update(budget_min=40000)
    data["organizations"].append({"external_id": "new-city", "name": "Nouvelle", "kind": "city"})
    data["challenges"][0]["budget_max"] = 30000  # below the stored budget_min
    before = counts()
    stderr = bad(write(tmp_path, data))
    assert "challenges[0] (external_id « ex-2025-01 »)" in stderr
    assert counts() == before
    assert not Organization.objects.filter(external_id="new-city").exists()


def test_unknown_domain_in_a_large_file_writes_nothing(db, tmp_path):
    data = catalogue()
    data["solutions"] = [
        {"external_id": f"s-{i}", "organization": "acme", "name": f"S {i}", "description": "d"}
        for i in range(500)
    ]
    data["solutions"][499]["domains"] = ["teleportation"]
    before = counts()
    assert "solutions[499] (external_id « s-499 »), champ « domains »" in bad(write(tmp_path, data))
    assert counts() == before


def test_the_command_exits_non_zero_on_an_invalid_file(tmp_path):
    """Through manage.py, as IVÉO runs it: the exit status tells scripts that it failed."""
    data = catalogue()
    data["solutions"][0]["trl"] = 12
    path = write(tmp_path, data)
    env = {
        "PATH": "/usr/bin:/bin",
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "iveo_portal.settings",
    }
    manage = str(Path(settings.BASE_DIR) / "manage.py")
    migrate = subprocess.run(
        [sys.executable, manage, "migrate", "-v0"], env=env, capture_output=True, timeout=300
    )
    assert migrate.returncode == 0, migrate.stderr
    result = subprocess.run(
        [sys.executable, manage, "import_catalog", path],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "solutions[0] (external_id « acme-park »), champ « trl »" in result.stderr


def test_design_md_names_are_accepted_for_gains_verification_and_references(db, tmp_path):
    data = catalogue()
    data["organizations"][1]["verified"] = False
    data["challenges"][0]["gains"] = {
        "economic": "Moins de temps perdu.",
        "environmental": "Moins de circulation.",
    }
    data["solutions"][1]["references"] = ["Ville d'Exemple", "Ville inconnue"]
    run(write(tmp_path, data), "--no-notify")
    assert Organization.objects.get(external_id="acme").status == "pending"
    challenge = Challenge.objects.get(external_id="ex-2025-01")
    assert challenge.gain_economic == "Moins de temps perdu."
    assert challenge.gain_environmental == "Moins de circulation."
    references = Solution.objects.get(external_id="acme-count").references.order_by("name")
    assert [(r.name, r.organization_id is not None) for r in references] == [
        ("Ville d'Exemple", True),
        ("Ville inconnue", False),
    ]
    out = run(write(tmp_path, data), "--no-notify")
    assert "Rien n'a changé." in out


def test_gains_with_an_unknown_key_are_refused(db, tmp_path):
    data = catalogue()
    data["challenges"][0]["gains"] = {"financial": "?"}
    assert "champ « gains » : clé inconnue « financial »" in bad(write(tmp_path, data))


def test_a_published_challenge_whose_deadline_is_over_is_recorded_without_announcing_it(
    db, tmp_path, published_ids, django_capture_on_commit_callbacks
):
    """docs/catalogue-format.md's example: published, deadline 2025-03-31. The UI would refuse to publish
    it now; the import records it as the archive it is, with its history, and alerts nobody."""
    data = catalogue()
    data["challenges"][0]["proposals_deadline"] = "2025-03-31"
    with django_capture_on_commit_callbacks(execute=True):
        out = run(write(tmp_path, data))
    challenge = Challenge.objects.get(external_id="ex-2025-01")
    assert challenge.status == "published" and not challenge.is_open_for_proposals
    assert challenge.history.filter(to_status="published", comment="import_catalog").exists()
    assert published_ids == []
    assert "Enjeux publiés" not in out
