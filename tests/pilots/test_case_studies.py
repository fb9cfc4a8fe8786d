"""Case studies: from an ended pilot, public or network-only, copied by other cities."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from challenges.models import Challenge
from challenges.services import challenge_publish
from partners.models import Notification
from solutions.case_studies import services as case_studies
from solutions.models import CaseStudy, CaseStudyCopy
from solutions.pilots import services as pilots

from .builders import completed_pilot, published_case_study, started_pilot


def test_a_case_study_is_prefilled_from_the_pilot(completed_a, curator):
    study = case_studies.case_study_create(pilot=completed_a, by=curator)
    challenge = completed_a.challenge
    assert study.status == CaseStudy.Status.DRAFT
    assert study.need == challenge.description
    assert study.title == completed_a.title
    assert study.visibility == challenge.visibility


def test_only_an_ended_pilot_becomes_a_case_study(pilot_a, curator):
    with pytest.raises(ValidationError):
        case_studies.case_study_create(pilot=pilot_a, by=curator)


def test_a_stopped_pilot_becomes_a_case_study_with_its_lessons(pilot_a, curator):
    pilots.pilot_transition(
        pilot=pilot_a,
        to="stopped",
        by=curator,
        stop_reason="data",
        lessons_learned="Les données du fournisseur n'étaient pas ouvertes.",
    )
    study = case_studies.case_study_create(pilot=pilot_a, by=curator)
    assert "pas ouvertes" in study.lessons


def test_only_curators_write_and_publish_case_studies(completed_a, curator, city_a_staff):
    with pytest.raises(PermissionDenied):
        case_studies.case_study_create(pilot=completed_a, by=city_a_staff)
    study = case_studies.case_study_create(pilot=completed_a, by=curator)
    with pytest.raises(PermissionDenied):
        case_studies.case_study_publish(case_study=study, by=city_a_staff)
    with pytest.raises(PermissionDenied):
        case_studies.case_study_update(case_study=study, by=city_a_staff, title="x")


def test_publishing_notifies_the_pilot_team(
    completed_a, curator, city_a_staff, innovator_a, django_capture_on_commit_callbacks
):
    study = case_studies.case_study_create(pilot=completed_a, by=curator)
    with django_capture_on_commit_callbacks(execute=True):
        case_studies.case_study_publish(case_study=study, by=curator)
        case_studies.case_study_unpublish(case_study=study, by=curator)
        case_studies.case_study_publish(case_study=study, by=curator)
    notified = Notification.objects.filter(event=f"case-study-published:{study.pk}")
    # Published twice, announced once.
    assert sorted(n.recipient.email for n in notified) == sorted(
        [city_a_staff.email, innovator_a.email]
    )


def test_visitors_see_public_case_studies_only(client, completed_a, curator):
    study = published_case_study(completed_a, curator, visibility="network")
    draft_pilot = completed_pilot(
        city=completed_a.city, innovator=completed_a.innovator, by=curator
    )
    draft = case_studies.case_study_create(pilot=draft_pilot, by=curator, title="Brouillon secret")
    assert client.get(study.get_absolute_url()).status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404
    listing = client.get(reverse("solutions:case_study_list")).content.decode()
    assert study.title not in listing and "Brouillon secret" not in listing
    case_studies.case_study_update(case_study=study, by=curator, visibility="public")
    assert client.get(study.get_absolute_url()).status_code == 200


def test_verified_members_see_network_case_studies(
    client, completed_a, curator, innovator_b, unverified_user
):
    study = published_case_study(completed_a, curator, visibility="network")
    client.force_login(unverified_user)
    assert client.get(study.get_absolute_url()).status_code == 404
    client.force_login(innovator_b)
    assert client.get(study.get_absolute_url()).status_code == 200


def test_case_study_page_shows_before_and_after_cost_and_lessons(client, case_study_a):
    page = client.get(case_study_a.get_absolute_url()).content.decode()
    assert "Indicateur kWh" in page
    assert "1\u00a0000" in page or "1 000" in page or "1000" in page  # the baseline
    assert "700" in page  # the latest measurement
    assert "40" in page and "CAD" in page  # the budget
    assert 'style="' not in page


def test_copy_this_idea_creates_a_linked_draft_for_my_city(
    client,
    case_study_a,
    city_b_staff,
    city_b,
    curator,
    city_a_staff,
    django_capture_on_commit_callbacks,
):
    client.force_login(city_b_staff)
    page = client.get(case_study_a.get_absolute_url()).content.decode()
    copy_url = reverse("solutions:case_study_copy", kwargs={"pk": case_study_a.pk})
    assert copy_url in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(copy_url, {"city": city_b.pk})
    copy = CaseStudyCopy.objects.get()
    challenge = copy.challenge
    assert response.status_code == 302
    assert response.url == reverse("challenges:edit", kwargs={"pk": challenge.pk})
    assert challenge.status == Challenge.Status.DRAFT
    assert list(challenge.owners.all()) == [city_b]
    assert challenge.title == case_study_a.title
    assert case_study_a.title in challenge.description
    original = case_study_a.pilot.challenge
    assert set(challenge.domains.all()) == set(original.domains.all())
    assert (copy.city, copy.copied_by) == (city_b, city_b_staff)
    # The city that ran the pilot hears of it.
    assert Notification.objects.filter(
        recipient=city_a_staff, event=f"case-study-copied:{copy.pk}"
    ).exists()
    # The draft's page says where it comes from.
    page = client.get(challenge.get_absolute_url()).content.decode()
    assert case_study_a.get_absolute_url() in page


def test_only_city_staff_copy_and_only_into_their_own_city(
    client, case_study_a, innovator_b, city_b_staff, city_a
):
    with pytest.raises(PermissionDenied):
        case_studies.case_study_copy(case_study=case_study_a, by=innovator_b, city=city_a)
    with pytest.raises(PermissionDenied):
        case_studies.case_study_copy(case_study=case_study_a, by=city_b_staff, city=city_a)
    client.force_login(innovator_b)
    url = reverse("solutions:case_study_copy", kwargs={"pk": case_study_a.pk})
    assert client.get(url).status_code == 404
    client.force_login(city_b_staff)
    assert client.post(url, {"city": city_a.pk}).status_code == 200  # not one of the choices
    assert not CaseStudyCopy.objects.exists()


def test_a_draft_case_study_cannot_be_copied(completed_a, curator, city_b_staff, city_b):
    study = case_studies.case_study_create(pilot=completed_a, by=curator)
    with pytest.raises(PermissionDenied):
        case_studies.case_study_copy(case_study=study, by=city_b_staff, city=city_b)


def _copy_and_run(study, *, city, staff, innovator, curator, visibility="public"):
    """City copies the case study, publishes the challenge and runs its own pilot."""
    challenge = case_studies.case_study_copy(case_study=study, by=staff, city=city)
    Challenge.objects.filter(pk=challenge.pk).update(visibility=visibility)
    challenge.refresh_from_db()
    challenge_publish(challenge=challenge, by=None)
    return completed_pilot(
        city=city,
        innovator=innovator,
        by=curator,
        challenge=challenge,
        gains=(("kWh", "2000", "1500"),),
        end=date(2026, 3, 31),
    )


def test_lineage_shows_where_the_idea_was_copied_and_the_later_results(
    client, case_study_a, city_b, city_b_staff, innovator_b_org, curator
):
    later = _copy_and_run(
        case_study_a,
        city=city_b,
        staff=city_b_staff,
        innovator=innovator_b_org,
        curator=curator,
    )
    page = client.get(case_study_a.get_absolute_url()).content.decode()
    assert city_b.name in page
    assert later.title in page
    assert "1\u00a0500" in page or "1 500" in page or "1500" in page  # the later measurement
    assert "500" in page  # the later gain


def test_lineage_hides_copies_the_viewer_may_not_see(
    client, case_study_a, city_b, city_b_staff, innovator_b_org, curator, innovator_b
):
    # One copy still a draft, one published network-only.
    case_studies.case_study_copy(case_study=case_study_a, by=city_b_staff, city=city_b)
    _copy_and_run(
        case_study_a,
        city=city_b,
        staff=city_b_staff,
        innovator=innovator_b_org,
        curator=curator,
        visibility="network",
    )
    page = client.get(case_study_a.get_absolute_url()).content.decode()
    assert city_b.name not in page
    assert "2 autres reprises en préparation" in page
    client.force_login(innovator_b)  # a verified member sees the network-only one
    page = client.get(case_study_a.get_absolute_url()).content.decode()
    assert city_b.name in page and "1 autre reprise en préparation" in page
    client.force_login(city_b_staff)  # the copying city sees both
    page = client.get(case_study_a.get_absolute_url()).content.decode()
    assert "autre reprise" not in page


def test_case_study_page_query_count_is_constant(
    client,
    case_study_a,
    city_b,
    city_b_staff,
    innovator_b_org,
    curator,
    django_assert_max_num_queries,
):
    _copy_and_run(
        case_study_a,
        city=city_b,
        staff=city_b_staff,
        innovator=innovator_b_org,
        curator=curator,
    )
    with django_assert_max_num_queries(20) as small:
        client.get(case_study_a.get_absolute_url())
    for _ in range(4):
        _copy_and_run(
            case_study_a,
            city=city_b,
            staff=city_b_staff,
            innovator=innovator_b_org,
            curator=curator,
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(case_study_a.get_absolute_url())


def test_case_study_list_query_count_is_constant(
    client, curator, city_a, innovator_a_org, django_assert_max_num_queries
):
    def add(n):
        for _ in range(n):
            pilot = completed_pilot(city=city_a, innovator=innovator_a_org, by=curator)
            published_case_study(pilot, curator)

    add(2)
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("solutions:case_study_list"))
    add(8)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("solutions:case_study_list"))


def test_challenge_pages_show_public_case_studies_of_their_domain_only(
    client, case_study_a, completed_a, curator, city_b
):
    from tests.solutions.helpers import open_challenge

    other = open_challenge([city_b])  # same domain (mobility)
    page = client.get(other.get_absolute_url()).content.decode()
    assert case_study_a.get_absolute_url() in page
    case_studies.case_study_update(case_study=case_study_a, by=curator, visibility="network")
    page = client.get(other.get_absolute_url()).content.decode()
    assert case_study_a.get_absolute_url() not in page


def test_organisation_page_lists_its_case_studies(client, case_study_a):
    page = client.get(case_study_a.pilot.innovator.get_absolute_url()).content.decode()
    assert case_study_a.get_absolute_url() in page


def test_a_running_pilot_has_no_case_study_button(client, curator, pilot_a):
    client.force_login(curator)
    page = client.get(pilot_a.get_absolute_url()).content.decode()
    assert reverse("solutions:case_study_create", kwargs={"pk": pilot_a.pk}) not in page


def test_curator_writes_and_publishes_through_the_pages(client, curator, completed_a):
    client.force_login(curator)
    url = reverse("solutions:case_study_create", kwargs={"pk": completed_a.pk})
    form = client.get(url)
    assert form.status_code == 200 and completed_a.challenge.description in form.content.decode()
    response = client.post(
        url,
        {
            "title": "Capteurs de stationnement à Granby",
            "summary": "Moins de tours de quartier.",
            "need": "Trouver une place prenait trop de temps.",
            "solution_text": "Des capteurs dans la chaussée.",
            "results": "",
            "lessons": "Prévoir le déneigement.",
            "cost_note": "",
            "contacts": "Service de l'urbanisme",
            "language": "fr",
            "visibility": "public",
        },
    )
    study = CaseStudy.objects.get()
    assert response.status_code == 302 and study.status == "draft"
    client.post(reverse("solutions:case_study_publish", kwargs={"pk": study.pk}))
    assert CaseStudy.objects.get().status == "published"
    # A second "create" goes to the existing one.
    assert client.get(url).url == reverse("solutions:case_study_edit", kwargs={"pk": study.pk})


def test_staff_of_the_pilot_city_can_see_its_pilot_but_not_other_pilots(
    client, city_a_staff, city_b, innovator_a_org, curator
):
    other = started_pilot(city=city_b, innovator=innovator_a_org, by=curator)
    client.force_login(city_a_staff)
    assert client.get(other.get_absolute_url()).status_code == 404


def test_lineage_keeps_network_only_results_in_the_network(
    client, case_study_a, city_b, city_b_staff, innovator_b_org, curator, innovator_b
):
    later = _copy_and_run(
        case_study_a, city=city_b, staff=city_b_staff, innovator=innovator_b_org, curator=curator
    )
    published_case_study(later, curator, visibility="network")
    page = client.get(case_study_a.get_absolute_url()).content.decode()
    assert city_b.name in page  # the copy itself is public
    assert "1\u00a0500" not in page and "1 500" not in page and "1500" not in page
    assert "réservés aux membres vérifiés" in page
    client.force_login(innovator_b)
    page = client.get(case_study_a.get_absolute_url()).content.decode()
    assert "1\u00a0500" in page or "1 500" in page or "1500" in page


def test_challenge_page_lists_the_copied_case_study_first_in_one_query(
    case_study_a, city_b, city_b_staff, django_assert_num_queries
):
    from challenges.access import challenge_for_viewer
    from challenges.selectors import similar_case_studies

    copy = case_studies.case_study_copy(case_study=case_study_a, by=city_b_staff, city=city_b)
    challenge = challenge_for_viewer(city_b_staff, copy.pk)
    with django_assert_num_queries(1):
        studies = similar_case_studies(challenge)
    assert studies[0] == case_study_a
