"""Curators import solutions from a CSV: template, preview with errors, then commit."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import strip_tags

from solutions.importer.csv_files import COLUMNS, read_csv
from solutions.models import Solution, SolutionImport
from tests.factories import OrganizationFactory

UPLOAD = reverse("solutions:import_upload")
TEMPLATE = reverse("solutions:import_template")
HEADER = "external_id,organization,name,description,domains,tags,trl,regions_served"


def text(response) -> str:
    return html.unescape(strip_tags(response.content.decode()))


@pytest.fixture
def acme(db):
    return OrganizationFactory(kind="innovator", name="Acme", slug="acme-ext", external_id="acme")


def csv_file(body: str, *, encoding: str = "utf-8", name: str = "solutions.csv"):
    return SimpleUploadedFile(name, body.encode(encoding), content_type="text/csv")


def upload(client, body: str, **kwargs):
    response = client.post(UPLOAD, {"file": csv_file(body, **kwargs)})
    assert response.status_code == 302, text(response)
    return response["Location"]


def test_template_has_every_column_and_an_example(client, curator):
    client.force_login(curator)
    response = client.get(TEMPLATE)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="modele-solutions.csv"'
    content = response.content.decode("utf-8-sig")
    assert content.splitlines()[0] == ",".join(COLUMNS)
    # The example row is itself a valid row (bar its organisation).
    (record,) = read_csv(content.encode())
    assert record["trl"] == 8 and record["tags"] == ["stationnement", "capteurs"]


def test_preview_then_commit(client, curator, acme):
    client.force_login(curator)
    body = (
        f"{HEADER}\n"
        "acme-park,acme,Acme Parc,Capteurs de stationnement,mobility,stationnement | capteurs,8,"
        "quebec\n"
        'acme-count,acme,"Compteur, vélos","Compte les vélos",mobility;energy,,6,\n'
    )
    preview_url = upload(client, body)
    page = text(client.get(preview_url))
    assert "2 solutions à créer" in page
    assert not Solution.objects.exists()  # the preview writes nothing
    response = client.post(preview_url, follow=True)
    assert "Solutions : 2 création(s)" in text(response)
    park = Solution.objects.get(external_id="acme-park")
    assert (park.trl, park.tags, park.regions_served) == (
        8,
        ["stationnement", "capteurs"],
        ["quebec"],
    )
    count = Solution.objects.get(external_id="acme-count")
    assert count.name == "Compteur, vélos"
    assert sorted(d.slug for d in count.domains.all()) == ["energy", "mobility"]
    upload_row = SolutionImport.objects.get()
    assert upload_row.committed_by == curator and upload_row.report["solutions"]["created"] == 2
    # A second commit of the same file does nothing.
    client.post(preview_url)
    assert Solution.objects.count() == 2
    # The same rows again: nothing would change.
    page = text(client.get(upload(client, body)))
    assert "2 solutions inchangées" in page


def test_errors_are_listed_by_line_and_nothing_is_imported(client, curator, acme):
    client.force_login(curator)
    body = (
        f"{HEADER}\n"
        "ok,acme,Bonne ligne,Description,mobility,,8,\n"
        "bad-trl,acme,Mauvaise maturité,Description,,,douze,\n"
        "bad-org,nobody,Orpheline,Description,,,,\n"
        "bad-domain,acme,Domaine,Description,teleportation,,,\n"
        "no-desc,acme,Sans description,,,,,\n"
    )
    preview_url = upload(client, body)
    page = text(client.get(preview_url))
    assert "4 erreurs : rien ne sera importé" in page
    assert "Ligne 3 — trl : doit être un entier" in page
    assert "Ligne 4 — organization : organisation « nobody » introuvable" in page
    assert "Ligne 5 — domains : domaine inconnu « teleportation »" in page
    assert "Ligne 6 — description : obligatoire." in page
    assert "Importer ces solutions" not in page
    client.post(preview_url)
    assert not Solution.objects.exists()
    assert SolutionImport.objects.get().committed_at is None


def test_semicolon_separated_windows_1252_files_are_read(client, curator, acme):
    client.force_login(curator)
    body = "external_id;organization;name;description\nlevis;acme;Lévis propre;Déchets\n"
    preview_url = upload(client, body, encoding="cp1252")
    client.post(preview_url)
    assert Solution.objects.get().name == "Lévis propre"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "est vide"),
        (" \n", "Le fichier est vide."),
        ("external_id,organization,name,description,colour\n", "Colonnes inconnues : colour"),
        ("external_id,name\nx,y\n", "Colonnes obligatoires absentes : organization, description"),
        (f"{HEADER}\n", "aucune ligne de données"),
        (f"{HEADER}\na,acme,n,d,,,,,extra\n", "plus de cellules que l'en-tête"),
    ],
)
def test_unusable_files_are_refused_on_the_upload_page(client, curator, body, message):
    client.force_login(curator)
    response = client.post(UPLOAD, {"file": csv_file(body)})
    assert response.status_code == 200
    assert message in text(response)
    assert not SolutionImport.objects.exists()


@pytest.mark.parametrize("who", ["innovator_a", "city_a_staff", "unverified_user"])
def test_only_curators_import(client, request, who, acme, curator):
    client.force_login(curator)
    preview_url = upload(client, f"{HEADER}\nx,acme,Nom,Description,,,,\n")
    client.force_login(request.getfixturevalue(who))
    assert client.get(UPLOAD).status_code == 403
    assert client.get(TEMPLATE).status_code == 403
    assert client.post(UPLOAD, {"file": csv_file(f"{HEADER}\n")}).status_code == 403
    assert client.get(preview_url).status_code == 403
    assert client.post(preview_url).status_code == 403
    assert not Solution.objects.exists()


def test_visitors_are_sent_to_login(client):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
