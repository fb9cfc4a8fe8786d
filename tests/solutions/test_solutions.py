"""Innovators manage their organisation's solutions; others may only look at published ones."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partners.models import Organization
from solutions.models import Match, Solution, SolutionAttachment

from .helpers import PDF, PNG, solution_of

FORM = {
    "name": "Compteur de vélos",
    "summary": "Compte les cyclistes et les piétons.",
    "description": "Une **caméra** anonymisée.\n\n<script>alert(1)</script>",
    "domains": ["mobility"],
    "tags": "vélo, comptage, Vélo",
    "trl": "7",
    "price_model": "subscription",
    "price_details": "1 200 $ par an et par site",
    "regions_served": ["estrie", "quebec"],
    "languages": ["fr", "en"],
    "language": "fr",
    "website": "https://compteur.example",
    "ref-TOTAL_FORMS": "2",
    "ref-INITIAL_FORMS": "0",
    "ref-MIN_NUM_FORMS": "0",
    "ref-MAX_NUM_FORMS": "30",
    "ref-0-name": "Ville de Sherbrooke",
    "ref-0-year": "2024",
    "ref-0-kind": "piloted",
    "ref-1-name": "",
    "ref-1-year": "",
    "ref-1-kind": "deployed",
}


def test_an_innovator_adds_a_draft_solution_then_publishes_it(
    client, innovator_a, innovator_a_org, city_b
):
    client.force_login(innovator_a)
    response = client.post(reverse("solutions:create", kwargs={"slug": "acme"}), FORM)
    solution = Solution.objects.get(name="Compteur de vélos")
    assert response.status_code == 302 and response["Location"] == solution.get_absolute_url()
    assert solution.organization == innovator_a_org
    assert solution.status == "draft" and solution.created_by == innovator_a
    assert solution.tags == ["vélo", "comptage"]
    assert (solution.trl, solution.regions_served, solution.languages) == (
        7,
        ["estrie", "quebec"],
        ["fr", "en"],
    )
    reference = solution.references.get()
    # Named like a city of the portal, so it is linked to it.
    assert (reference.organization, reference.kind, reference.year) == (city_b, "piloted", 2024)
    assert client.get(reverse("solutions:catalogue")).context["page_obj"].paginator.count == 0

    client.post(reverse("solutions:status", kwargs={"pk": solution.pk}), {"action": "publish"})
    solution.refresh_from_db()
    assert solution.status == "published" and solution.published_at is not None
    client.logout()
    page = client.get(solution.get_absolute_url()).content.decode()
    assert "Compteur de vélos" in page
    assert "<strong>caméra</strong>" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "TRL 7" in page and "Estrie" in page


def test_invalid_solution_form_shows_errors_and_creates_nothing(client, innovator_a):
    client.force_login(innovator_a)
    data = {**FORM, "name": "", "trl": "12", "website": "pas une adresse"}
    response = client.post(reverse("solutions:create", kwargs={"slug": "acme"}), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Le formulaire contient des erreurs" in page
    assert not Solution.objects.exists()


def test_an_unverified_innovator_prepares_drafts_but_cannot_publish(client, unverified_user):
    client.force_login(unverified_user)
    response = client.post(reverse("solutions:create", kwargs={"slug": "jeune-pousse"}), FORM)
    solution = Solution.objects.get()
    assert response.status_code == 302
    response = client.post(
        reverse("solutions:status", kwargs={"pk": solution.pk}), {"action": "publish"}, follow=True
    )
    assert "doit être vérifiée par IVÉO" in response.content.decode()
    solution.refresh_from_db()
    assert solution.status == "draft"


def test_members_edit_their_solution(client, innovator_a, solution_a):
    client.force_login(innovator_a)
    url = reverse("solutions:edit", kwargs={"pk": solution_a.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, {**FORM, "name": "Acme Parc 2"})
    assert response.status_code == 302
    solution_a.refresh_from_db()
    assert solution_a.name == "Acme Parc 2"
    assert solution_a.status == "published"


@pytest.mark.parametrize("who", ["innovator_b", "city_a_staff", "unverified_user"])
def test_others_cannot_edit_publish_or_delete_a_solution(client, request, who, solution_a):
    client.force_login(request.getfixturevalue(who))
    pk = solution_a.pk
    assert client.get(reverse("solutions:edit", kwargs={"pk": pk})).status_code == 404
    assert client.post(reverse("solutions:edit", kwargs={"pk": pk}), FORM).status_code == 404
    assert (
        client.post(reverse("solutions:status", kwargs={"pk": pk}), {"action": "x"}).status_code
        == 404
    )
    assert client.post(reverse("solutions:delete", kwargs={"pk": pk})).status_code == 404
    solution_a.refresh_from_db()
    assert solution_a.name == "Acme Parc" and solution_a.status == "published"


@pytest.mark.parametrize("who", ["innovator_b", "city_a_staff", None])
def test_an_unpublished_solution_is_hidden_from_others(client, request, who, draft_a):
    if who:
        client.force_login(request.getfixturevalue(who))
    assert client.get(draft_a.get_absolute_url()).status_code == 404


def test_an_unpublished_solution_is_visible_to_its_members_and_curators(
    client, innovator_a, curator, draft_a
):
    for person in (innovator_a, curator):
        client.force_login(person)
        assert client.get(draft_a.get_absolute_url()).status_code == 200


def test_creating_a_solution_for_another_organisation_is_refused(client, innovator_b, city_a):
    client.force_login(innovator_b)
    assert client.get(reverse("solutions:create", kwargs={"slug": "acme"})).status_code == 404
    client.post(reverse("solutions:create", kwargs={"slug": "acme"}), FORM)
    client.post(reverse("solutions:create", kwargs={"slug": city_a.slug}), FORM)
    assert not Solution.objects.exists()


def upload(name: str, content: bytes) -> dict:
    return {"file": SimpleUploadedFile(name, content)}


def test_attachments_are_checked_and_served_to_those_who_see_the_solution(
    client, innovator_a, innovator_b, solution_a, draft_a
):
    client.force_login(innovator_a)
    add = reverse("solutions:attachment_add", kwargs={"pk": solution_a.pk})
    client.post(add, upload("fiche.pdf", PDF))
    client.post(add, upload("photo.png", PNG))
    response = client.post(
        add, upload("virus.pdf", b"<html><script>x</script></html>"), follow=True
    )
    assert "n'est pas d'un type accepté" in html.unescape(response.content.decode())
    assert [a.name for a in solution_a.attachments.all()] == ["fiche.pdf", "photo.png"]
    pdf = solution_a.attachments.get(name="fiche.pdf")
    client.post(
        reverse("solutions:attachment_add", kwargs={"pk": draft_a.pk}), upload("d.pdf", PDF)
    )
    secret = draft_a.attachments.get()

    client.logout()
    response = client.get(pdf.get_absolute_url())
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    page = client.get(solution_a.get_absolute_url()).content.decode()
    assert 'alt="Image : photo.png"' in page
    # The draft's file is not served to others, nor through another solution's URL.
    assert client.get(secret.get_absolute_url()).status_code == 404
    client.force_login(innovator_b)
    assert client.get(secret.get_absolute_url()).status_code == 404
    wrong = reverse(
        "solutions:attachment", kwargs={"pk": solution_a.pk, "attachment_pk": secret.pk}
    )
    assert client.get(wrong).status_code == 404
    delete = reverse(
        "solutions:attachment_delete", kwargs={"pk": solution_a.pk, "attachment_pk": pdf.pk}
    )
    assert client.post(delete).status_code == 404
    assert SolutionAttachment.objects.filter(pk=pdf.pk).exists()
    client.force_login(innovator_a)
    client.post(delete)
    assert not SolutionAttachment.objects.filter(pk=pdf.pk).exists()


def test_a_solution_that_was_proposed_cannot_be_deleted(
    client, innovator_a, solution_a, draft_a, challenge
):
    Match.objects.create(challenge=challenge, solution=solution_a, status="proposed")
    client.force_login(innovator_a)
    response = client.post(reverse("solutions:delete", kwargs={"pk": solution_a.pk}), follow=True)
    assert "retirez-la du catalogue" in html.unescape(response.content.decode())
    assert Solution.objects.filter(pk=solution_a.pk).exists()
    client.post(reverse("solutions:delete", kwargs={"pk": draft_a.pk}))
    assert not Solution.objects.filter(pk=draft_a.pk).exists()


def test_organisation_page_lists_its_published_solutions(
    client, innovator_a, solution_a, draft_a, innovator_b
):
    url = reverse("partners:organization_detail", kwargs={"slug": "acme"})
    page = client.get(url).content.decode()
    assert "Acme Parc" in page and "Acme brouillon" not in page
    client.force_login(innovator_b)
    assert "Acme brouillon" not in client.get(url).content.decode()
    client.force_login(innovator_a)
    page = client.get(url).content.decode()
    assert "Acme brouillon" in page and "Ajouter une solution" in page


def test_a_city_page_has_no_solution_section(client, city_a):
    page = client.get(reverse("partners:organization_detail", kwargs={"slug": city_a.slug}))
    assert 'id="org-solutions-title"' not in page.content.decode()


def test_my_solutions_lists_drafts_of_each_of_my_innovators(client, innovator_a, draft_a):
    client.force_login(innovator_a)
    page = client.get(reverse("solutions:mine")).content.decode()
    assert "Acme brouillon" in page and "Ajouter une solution" in page


def test_pending_organisation_solutions_stay_out_of_the_catalogue_even_if_published(
    client, unverified_user
):
    pending = Organization.objects.get(slug="jeune-pousse")
    solution = solution_of(pending, name="Publiée trop tôt")
    assert client.get(solution.get_absolute_url()).status_code == 404
