"""Proposals: a verified innovator answers a challenge with one of its solutions."""

import html
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from challenges.models import Challenge
from partners.models import Notification
from solutions.models import Match, Solution
from solutions.proposals import services

from .helpers import PDF, open_challenge, solution_of

PITCH = {
    "pitch": "Nos capteurs mesurent l'occupation de chaque case.",
    "fit": "Ils répondent au besoin de connaître l'occupation en temps réel.",
    "cost_min": "20000",
    "cost_max": "45000",
    "currency": "CAD",
    "timeline": "Installation en trois semaines.",
    "references": "Ville de Drummondville (2023)",
    "accept_terms": "on",
}


def text(response) -> str:
    return html.unescape(response.content.decode())


def propose_url(challenge) -> str:
    return reverse("solutions:propose", kwargs={"challenge_pk": challenge.pk})


def submit(challenge, solution, by, **pitch) -> Match:
    values = {"pitch": "Notre solution."} | pitch
    return services.proposal_submit(
        challenge=challenge, solution=solution, by=by, terms_accepted=True, **values
    )


def test_an_innovator_proposes_and_the_city_and_curators_are_told(
    client,
    innovator_a,
    solution_a,
    challenge,
    city_a_staff,
    city_b_staff,
    innovator_b,
    curator,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(innovator_a)
    page = client.get(propose_url(challenge), {"solution": solution_a.pk})
    assert page.status_code == 200
    assert "Les idées restent la propriété de l'innovateur." in text(page)
    attachment = SimpleUploadedFile("offre.pdf", PDF)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            propose_url(challenge), {**PITCH, "solution": solution_a.pk, "attachment": attachment}
        )
    match = Match.objects.get()
    assert response.status_code == 302 and response["Location"] == match.get_absolute_url()
    assert (match.origin, match.status) == ("innovator", "proposed")
    assert (match.cost_min, match.cost_max, match.proposed_by) == (20000, 45000, innovator_a)
    assert match.terms_accepted_at is not None and match.attachment_name == "offre.pdf"
    assert sorted(m.to[0] for m in mailoutbox) == sorted([city_a_staff.email, curator.email])
    assert "Acme Parc" in mailoutbox[0].subject
    assert not Notification.objects.filter(recipient__in=[city_b_staff, innovator_b]).exists()


def test_terms_must_be_accepted(client, innovator_a, solution_a, challenge):
    client.force_login(innovator_a)
    data = {**PITCH, "solution": solution_a.pk}
    del data["accept_terms"]
    response = client.post(propose_url(challenge), data)
    assert response.status_code == 200
    assert "Le formulaire contient des erreurs" in text(response)
    assert not Match.objects.exists()
    with pytest.raises(ValidationError):
        services.proposal_submit(
            challenge=challenge,
            solution=solution_a,
            by=innovator_a,
            terms_accepted=False,
            pitch="x",
        )


@pytest.mark.parametrize("currency", ["XYZ", "<i>", "cad"])
def test_only_the_currencies_of_the_portal_are_accepted(
    client, innovator_a, solution_a, challenge, currency
):
    client.force_login(innovator_a)
    page = client.get(propose_url(challenge)).content.decode()
    assert '<option value="CAD"' in page and '<option value="EUR"' in page
    response = client.post(
        propose_url(challenge), {**PITCH, "solution": solution_a.pk, "currency": currency}
    )
    assert response.status_code == 200
    assert "Choisissez une des devises de la liste." in text(response)
    assert "currency" in response.context["form"].errors
    assert not Match.objects.exists()
    # Nor through the service (an import, the API).
    with pytest.raises(ValidationError):
        submit(challenge, solution_a, innovator_a, currency=currency)
    assert not Match.objects.exists()

    # Editing a proposal: refused the same way, the proposal unchanged.
    response = client.post(
        propose_url(challenge), {**PITCH, "solution": solution_a.pk, "currency": "EUR"}
    )
    match = Match.objects.get()
    assert response.status_code == 302 and match.currency == "EUR"
    edit = reverse("solutions:proposal_edit", kwargs={"pk": match.pk})
    pitch = {k: v for k, v in PITCH.items() if k != "accept_terms"}
    response = client.post(edit, pitch | {"currency": currency, "pitch": "Autre chose."})
    assert response.status_code == 200
    assert "Choisissez une des devises de la liste." in text(response)
    match.refresh_from_db()
    assert (match.currency, match.pitch) == ("EUR", PITCH["pitch"])


def test_proposing_a_suggested_solution_turns_the_suggestion_into_the_proposal(
    innovator_a, solution_a, challenge
):
    suggestion = Match.objects.create(
        challenge=challenge, solution=solution_a, score=0.8, reasons=["même domaine : Mobilité"]
    )
    match = submit(challenge, solution_a, innovator_a)
    assert Match.objects.count() == 1
    assert match.pk == suggestion.pk
    assert (match.origin, match.status, match.score) == ("innovator", "proposed", 0.8)
    assert match.reasons == ["même domaine : Mobilité"]


def test_a_solution_is_proposed_once_per_challenge(innovator_a, solution_a, challenge):
    submit(challenge, solution_a, innovator_a)
    with pytest.raises(ValidationError, match="déjà proposée"):
        submit(challenge, solution_a, innovator_a)
    assert Match.objects.count() == 1


def test_edit_until_the_deadline_then_no_more(
    client, innovator_a, solution_a, challenge, city_a_staff, django_capture_on_commit_callbacks
):
    match = submit(challenge, solution_a, innovator_a)
    client.force_login(innovator_a)
    url = reverse("solutions:proposal_edit", kwargs={"pk": match.pk})
    assert client.get(url).status_code == 200
    data = {k: v for k, v in PITCH.items() if k != "accept_terms"} | {"timeline": "Deux semaines."}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    match.refresh_from_db()
    assert match.timeline == "Deux semaines."
    assert Notification.objects.filter(recipient=city_a_staff, template="proposal_updated").exists()
    # The deadline was yesterday: no more edits, through the page or the service.
    Challenge.objects.filter(pk=challenge.pk).update(
        proposals_deadline=timezone.localdate() - timedelta(days=1)
    )
    response = client.post(url, {**data, "timeline": "Trop tard."}, follow=True)
    assert "ne peut plus être modifiée" in text(response)
    with pytest.raises(ValidationError):
        services.proposal_update(match=match, by=innovator_a, pitch="Trop tard.")
    match.refresh_from_db()
    assert match.timeline == "Deux semaines."


def test_withdraw_then_propose_again_reuses_the_same_match(
    client, innovator_a, solution_a, challenge, city_a_staff, django_capture_on_commit_callbacks
):
    match = submit(challenge, solution_a, innovator_a, pitch="Première version.")
    client.force_login(innovator_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("solutions:proposal_withdraw", kwargs={"pk": match.pk}))
    match.refresh_from_db()
    assert match.status == "withdrawn"
    assert Notification.objects.filter(
        recipient=city_a_staff, template="proposal_withdrawn"
    ).exists()
    # Proposing again starts from the withdrawn pitch.
    page = client.get(propose_url(challenge), {"solution": solution_a.pk})
    assert "Première version." in text(page)
    client.post(propose_url(challenge), {**PITCH, "solution": solution_a.pk})
    assert Match.objects.count() == 1
    match.refresh_from_db()
    assert match.status == "proposed" and match.pitch == PITCH["pitch"]


def test_a_declined_solution_cannot_be_proposed_again(innovator_a, solution_a, challenge):
    Match.objects.create(challenge=challenge, solution=solution_a, status="declined")
    with pytest.raises(ValidationError, match="déclinée"):
        submit(challenge, solution_a, innovator_a)


def test_no_proposal_on_a_challenge_closed_for_proposals(client, innovator_a, solution_a, city_a):
    draft = open_challenge([city_a], publish=False)
    with pytest.raises(ValidationError):
        submit(draft, solution_a, innovator_a)
    past = open_challenge([city_a], title="Passé")
    Challenge.objects.filter(pk=past.pk).update(
        proposals_deadline=timezone.localdate() - timedelta(days=1)
    )
    past.refresh_from_db()
    client.force_login(innovator_a)
    response = client.post(propose_url(past), {**PITCH, "solution": solution_a.pk}, follow=True)
    assert "ne reçoit plus de propositions" in text(response)
    assert not Match.objects.exists()


def test_only_published_solutions_of_my_verified_organisations_can_be_proposed(
    client, innovator_a, solution_a, draft_a, solution_b, challenge
):
    client.force_login(innovator_a)
    choices = client.get(propose_url(challenge)).context["form"].fields["solution"].queryset
    assert list(choices) == [solution_a]
    response = client.post(propose_url(challenge), {**PITCH, "solution": solution_b.pk})
    assert response.status_code == 200
    assert not Match.objects.exists()
    with pytest.raises(PermissionDenied):
        submit(challenge, solution_b, innovator_a)
    with pytest.raises(ValidationError):
        submit(challenge, draft_a, innovator_a)


@pytest.mark.parametrize("who", ["unverified_user", "city_a_staff", "curator"])
def test_people_without_a_verified_innovator_cannot_propose(client, request, who, challenge):
    client.force_login(request.getfixturevalue(who))
    assert client.get(propose_url(challenge)).status_code == 403


def test_proposing_on_a_challenge_one_cannot_see_is_a_404(client, innovator_a, city_a):
    draft = open_challenge([city_a], publish=False)
    client.force_login(innovator_a)
    assert client.get(propose_url(draft)).status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("innovator_a", 200),
        ("city_a_staff", 200),
        ("curator", 200),
        ("innovator_b", 404),
        ("city_b_staff", 404),
        ("unverified_user", 404),
    ],
)
def test_a_proposal_is_visible_to_the_proposer_the_city_and_curators_only(
    client, request, who, status, innovator_a, solution_a, challenge
):
    match = submit(challenge, solution_a, innovator_a, attachment=SimpleUploadedFile("o.pdf", PDF))
    client.force_login(request.getfixturevalue(who))
    assert client.get(match.get_absolute_url()).status_code == status
    attachment = reverse("solutions:proposal_attachment", kwargs={"pk": match.pk})
    assert client.get(attachment).status_code == status
    matches = reverse("solutions:challenge_matches", kwargs={"challenge_pk": challenge.pk})
    expected = 200 if who in ("city_a_staff", "curator") else 404
    assert client.get(matches).status_code == expected


def test_visitors_are_sent_to_the_login_page(client, innovator_a, solution_a, challenge):
    match = submit(challenge, solution_a, innovator_a)
    response = client.get(match.get_absolute_url())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["innovator_b", "city_a_staff", "curator"])
def test_only_the_proposing_innovator_edits_or_withdraws(
    client, request, who, innovator_a, solution_a, challenge
):
    match = submit(challenge, solution_a, innovator_a)
    client.force_login(request.getfixturevalue(who))
    assert (
        client.get(reverse("solutions:proposal_edit", kwargs={"pk": match.pk})).status_code == 404
    )
    response = client.post(reverse("solutions:proposal_withdraw", kwargs={"pk": match.pk}))
    assert response.status_code == 404
    match.refresh_from_db()
    assert match.status == "proposed"
    with pytest.raises(PermissionDenied):
        services.proposal_withdraw(match=match, by=request.getfixturevalue(who))


def test_walkthrough_two_solutions_propose_edit_withdraw_propose_again(
    client, innovator_a, innovator_b, city_a_staff, city_a, django_capture_on_commit_callbacks
):
    """As issue 4 will be checked: what a new innovator does, what the city and others see."""
    challenge = open_challenge([city_a], title="Compter les vélos sur nos pistes")
    client.force_login(innovator_a)
    form = {
        "description": "Une description.",
        "language": "fr",
        "ref-TOTAL_FORMS": "0",
        "ref-INITIAL_FORMS": "0",
        "ref-MIN_NUM_FORMS": "0",
        "ref-MAX_NUM_FORMS": "30",
        "domains": ["mobility"],
    }
    for name in ("Compteur de vélos", "Feux intelligents"):
        client.post(reverse("solutions:create", kwargs={"slug": "acme"}), {**form, "name": name})
        solution = Solution.objects.get(name=name)
        client.post(reverse("solutions:status", kwargs={"pk": solution.pk}), {"action": "publish"})
    counter = Solution.objects.get(name="Compteur de vélos")
    dashboard = text(client.get(reverse("partners:dashboard")))
    assert "Compter les vélos sur nos pistes" in dashboard  # a challenge that fits
    with django_capture_on_commit_callbacks(execute=True):
        client.post(propose_url(challenge), {**PITCH, "solution": counter.pk})
    match = Match.objects.get()
    edit = reverse("solutions:proposal_edit", kwargs={"pk": match.pk})
    client.post(edit, {k: v for k, v in PITCH.items() if k != "accept_terms"} | {"pitch": "V2"})
    client.post(reverse("solutions:proposal_withdraw", kwargs={"pk": match.pk}))
    assert "Retiré" in text(client.get(reverse("solutions:my_proposals")))
    client.post(propose_url(challenge), {**PITCH, "solution": counter.pk, "pitch": "V3"})
    match.refresh_from_db()
    assert (match.status, match.pitch) == ("proposed", "V3")

    client.force_login(city_a_staff)
    matches = reverse("solutions:challenge_matches", kwargs={"challenge_pk": challenge.pk})
    assert "Compteur de vélos" in text(client.get(matches))
    assert "V3" in text(client.get(match.get_absolute_url()))
    assert Notification.objects.filter(recipient=city_a_staff).count() >= 3
    client.force_login(innovator_b)
    assert client.get(match.get_absolute_url()).status_code == 404
    assert client.get(matches).status_code == 404


def test_a_solution_page_offers_open_challenges_to_propose_on(
    client, innovator_a, solution_a, challenge, city_a
):
    client.force_login(innovator_a)
    page = text(client.get(solution_a.get_absolute_url()))
    assert challenge.title in page
    choose = reverse("solutions:choose_challenge", kwargs={"pk": solution_a.pk})
    response = client.get(choose, {"q": "stationnement"})
    assert [c.pk for c in response.context["page_obj"].object_list] == [challenge.pk]


def test_choosing_a_challenge_for_someone_elses_solution_is_refused(
    client, innovator_b, solution_a
):
    client.force_login(innovator_b)
    choose = reverse("solutions:choose_challenge", kwargs={"pk": solution_a.pk})
    assert client.get(choose).status_code == 404


def test_a_new_solution_of_a_pending_organisation_cannot_be_proposed(unverified_user, challenge):
    pending = unverified_user.memberships.get().organization
    solution = solution_of(pending, name="Pas encore")
    with pytest.raises(PermissionDenied):
        submit(challenge, solution, unverified_user)


def test_a_malformed_solution_parameter_is_ignored(client, innovator_a, solution_a, challenge):
    client.force_login(innovator_a)
    for value in ("abc", "-1", "1e9", "99999999999999999999"):
        response = client.get(propose_url(challenge), {"solution": value})
        assert response.status_code == 200
