"""Evaluation grids: weighted criteria, evaluators, conflicts of interest, private notes, ranking."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from partners.models import Membership, Notification
from solutions.evaluations import services as evaluations
from solutions.evaluations.selectors import evaluation_summary
from solutions.models import EvaluationCriterion, EvaluationSheet, Evaluator, Match
from solutions.proposals import services
from tests.factories import member_of
from tests.solutions.helpers import solution_of

from .conftest import text


def url(name: str, challenge, **kwargs) -> str:
    return reverse(f"solutions:{name}", kwargs={"challenge_pk": challenge.pk, **kwargs})


@pytest.fixture
def grid(challenge, city_a_staff):
    """Two criteria: fit on a 0-5 scale (weight 3) and "already deployed in Quebec" (weight 1)."""
    grid = evaluations.evaluation_grid_save(
        challenge=challenge,
        by=city_a_staff,
        instructions="Lisez chaque proposition en entier.",
    )
    evaluations.evaluation_criterion_add(
        grid=grid, by=city_a_staff, label="Adéquation au besoin", kind="scale", weight=3
    )
    evaluations.evaluation_criterion_add(
        grid=grid,
        by=city_a_staff,
        label="Déjà déployée au Québec",
        kind="yes_no",
        weight=1,
    )
    return grid


@pytest.fixture
def second_proposal(challenge, innovator_b, innovator_b_org):
    solution = solution_of(innovator_b_org, name="Bêta Capteurs")
    return services.proposal_submit(
        challenge=challenge,
        solution=solution,
        by=innovator_b,
        terms_accepted=True,
        pitch="Des caméras plutôt que des capteurs.",
    )


def criteria(grid):
    fit, deployed = grid.criteria.order_by("position")
    return fit, deployed


def score(evaluator, match, fit_value, deployed_value, **extra):
    fit, deployed = criteria(evaluator.grid)
    return evaluations.evaluation_sheet_save(
        evaluator=evaluator,
        match=match,
        by=evaluator.user,
        conflict=False,
        scores={fit.pk: fit_value, deployed.pk: deployed_value},
        **extra,
    )


def test_city_staff_build_a_grid_through_the_pages(client, challenge, city_a_staff):
    client.force_login(city_a_staff)
    client.post(url("evaluation_grid", challenge), {"instructions": "Soyez bref."})
    response = client.post(
        url("evaluation_criterion_add", challenge),
        {
            "label": "Coût",
            "description": "",
            "kind": "scale",
            "scale_max": "10",
            "weight": "2",
        },
    )
    assert response.status_code == 302
    criterion = EvaluationCriterion.objects.get()
    assert (criterion.label, criterion.scale_max, criterion.weight) == ("Coût", 10, 2)
    page = text(client.get(url("evaluation_grid", challenge)))
    assert "Note de 0 à 10" in page
    client.post(url("evaluation_criterion_delete", challenge, pk=criterion.pk))
    assert not EvaluationCriterion.objects.exists()


def test_evaluators_are_chosen_among_the_city_staff_and_curators_and_notified(
    client,
    grid,
    challenge,
    city_a_staff,
    city_b_staff,
    curator,
    innovator_a,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(city_a_staff)
    page = text(client.get(url("evaluation_grid", challenge)))
    assert curator.email in page and city_a_staff.email in page
    assert city_b_staff.email not in page and innovator_a.email not in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("evaluation_evaluator_add", challenge), {"user": curator.pk})
        client.post(url("evaluation_evaluator_add", challenge), {"user": city_b_staff.pk})
    assert list(Evaluator.objects.values_list("user", flat=True)) == [curator.pk]
    assert [m.to for m in mailoutbox] == [[curator.email]]
    assert "Évaluation à faire" in mailoutbox[0].subject
    assert url("evaluation_board", challenge) in mailoutbox[0].body
    with pytest.raises(ValidationError):
        evaluations.evaluator_assign(grid=grid, user=innovator_a, by=city_a_staff)


def test_the_weighted_ranking(grid, proposal, second_proposal, city_a_staff, curator):
    first = evaluations.evaluator_assign(grid=grid, user=city_a_staff, by=city_a_staff)
    second = evaluations.evaluator_assign(grid=grid, user=curator, by=city_a_staff)
    # Proposal A: (3 x 5/5 + 1 x 0) / 4 = 75 and (3 x 3/5 + 1 x 1) / 4 = 70 -> 72.5
    score(first, proposal, 5, 0)
    score(second, proposal, 3, 1)
    # Proposal B: (3 x 4/5 + 1 x 1) / 4 = 85 and (3 x 4/5 + 1 x 1) / 4 = 85 -> 85
    score(first, second_proposal, 4, 1)
    score(second, second_proposal, 4, 1)
    _criteria, rows = evaluation_summary(grid)
    assert [(r.match.pk, r.rank, round(r.score, 1), r.counted) for r in rows] == [
        (second_proposal.pk, 1, 85.0, 2),
        (proposal.pk, 2, 72.5, 2),
    ]
    assert rows[1].per_criterion == [80.0, 50.0]


def test_a_conflict_of_interest_recuses_the_evaluator_from_that_proposal_only(
    client, grid, challenge, proposal, second_proposal, city_a_staff, curator
):
    mine = evaluations.evaluator_assign(grid=grid, user=city_a_staff, by=city_a_staff)
    other = evaluations.evaluator_assign(grid=grid, user=curator, by=city_a_staff)
    score(mine, proposal, 0, 0)
    score(other, proposal, 5, 1)
    score(mine, second_proposal, 5, 1)
    client.force_login(city_a_staff)
    response = client.post(
        url("evaluation_sheet", challenge, match_pk=proposal.pk),
        {"conflict": "yes", "conflict_details": "Mon beau-frère y travaille."},
    )
    assert response.status_code == 302
    sheet = EvaluationSheet.objects.get(evaluator=mine, match=proposal)
    assert sheet.conflict and not sheet.scores.exists()
    _criteria, rows = evaluation_summary(grid)
    by_match = {r.match.pk: r for r in rows}
    assert (by_match[proposal.pk].score, by_match[proposal.pk].recused) == (100.0, 1)
    assert by_match[second_proposal.pk].counted == 1
    page = text(client.get(url("evaluation_board", challenge)))
    assert "Récusé·e (conflit d'intérêts)" in page


def test_a_conflict_needs_its_nature_and_a_score_needs_every_criterion(
    grid, proposal, city_a_staff
):
    evaluator = evaluations.evaluator_assign(grid=grid, user=city_a_staff, by=city_a_staff)
    with pytest.raises(ValidationError):
        evaluations.evaluation_sheet_save(
            evaluator=evaluator, match=proposal, by=city_a_staff, conflict=True
        )
    fit, _deployed = criteria(grid)
    with pytest.raises(ValidationError):
        evaluations.evaluation_sheet_save(
            evaluator=evaluator,
            match=proposal,
            by=city_a_staff,
            conflict=False,
            scores={fit.pk: 3},
        )
    with pytest.raises(ValidationError):
        score(evaluator, proposal, 6, 1)  # above the scale


def test_the_sheet_form_scores_a_proposal(client, grid, challenge, proposal, city_a_staff):
    evaluations.evaluator_assign(grid=grid, user=city_a_staff, by=city_a_staff)
    fit, deployed = criteria(grid)
    client.force_login(city_a_staff)
    page = text(client.get(url("evaluation_sheet", challenge, match_pk=proposal.pk)))
    assert "Adéquation au besoin (de 0 à 5)" in page
    response = client.post(
        url("evaluation_sheet", challenge, match_pk=proposal.pk),
        {
            "conflict": "no",
            f"criterion_{fit.pk}": "4",
            f"criterion_{deployed.pk}": "1",
            "notes": "Prix élevé mais solide.",
        },
    )
    assert response.status_code == 302
    page = text(client.get(url("evaluation_sheet", challenge, match_pk=proposal.pk)))
    assert "Prix élevé mais solide." in page
    # A missing score is an error on the form, with nothing saved.
    response = client.post(
        url("evaluation_sheet", challenge, match_pk=proposal.pk),
        {"conflict": "no", f"criterion_{fit.pk}": "2"},
    )
    assert response.status_code == 200 and "Donnez une note entre 0 et 1." in text(response)


def test_notes_are_private_to_their_author(
    client, grid, challenge, proposal, city_a_staff, curator
):
    mine = evaluations.evaluator_assign(grid=grid, user=city_a_staff, by=city_a_staff)
    evaluations.evaluator_assign(grid=grid, user=curator, by=city_a_staff)
    score(mine, proposal, 4, 1, notes="Note confidentielle de Granby.")
    client.force_login(curator)
    for page in (
        url("evaluation_sheet", challenge, match_pk=proposal.pk),
        url("evaluation_summary", challenge),
        url("evaluation_grid", challenge),
        url("evaluation_board", challenge),
    ):
        assert "Note confidentielle de Granby." not in text(client.get(page))


def test_criteria_are_fixed_once_scoring_started(grid, proposal, city_a_staff):
    evaluator = evaluations.evaluator_assign(grid=grid, user=city_a_staff, by=city_a_staff)
    score(evaluator, proposal, 4, 1)
    with pytest.raises(ValidationError):
        evaluations.evaluation_criterion_add(
            grid=grid, by=city_a_staff, label="Nouveau", kind="scale", weight=1
        )
    with pytest.raises(ValidationError):
        evaluations.evaluation_criterion_delete(criterion=grid.criteria.first(), by=city_a_staff)


def test_an_evaluator_who_leaves_the_city_loses_access(client, grid, challenge, proposal, city_a):
    leaver = member_of(city_a, email="depart@granby.test")
    evaluations.evaluator_assign(grid=grid, user=leaver, by=leaver)
    Membership.objects.filter(user=leaver).update(status=Membership.Status.REFUSED)
    client.force_login(leaver)
    assert client.get(url("evaluation_board", challenge)).status_code == 404
    assert client.get(url("evaluation_sheet", challenge, match_pk=proposal.pk)).status_code == 404


def test_only_evaluated_proposals_get_a_sheet(client, grid, challenge, city_a_staff, suggestion):
    evaluations.evaluator_assign(grid=grid, user=city_a_staff, by=city_a_staff)
    client.force_login(city_a_staff)
    assert suggestion.status == Match.Status.SUGGESTED
    response = client.get(url("evaluation_sheet", challenge, match_pk=suggestion.pk))
    assert response.status_code == 404


@pytest.mark.parametrize("role", ["city_b_staff", "innovator_a", "innovator_b", "unverified_user"])
def test_outsiders_cannot_see_or_change_the_evaluation(
    client, request, role, grid, challenge, proposal, city_a_staff
):
    evaluator = evaluations.evaluator_assign(grid=grid, user=city_a_staff, by=city_a_staff)
    user = request.getfixturevalue(role)
    client.force_login(user)
    for name, kwargs in [
        ("evaluation_grid", {}),
        ("evaluation_summary", {}),
        ("evaluation_board", {}),
        ("evaluation_sheet", {"match_pk": proposal.pk}),
    ]:
        assert client.get(url(name, challenge, **kwargs)).status_code == 404, name
    fit = grid.criteria.first()
    for name, kwargs in [
        ("evaluation_grid", {}),
        ("evaluation_criterion_add", {}),
        ("evaluation_criterion_delete", {"pk": fit.pk}),
        ("evaluation_evaluator_add", {}),
        ("evaluation_evaluator_remove", {"pk": evaluator.pk}),
    ]:
        response = client.post(
            url(name, challenge, **kwargs),
            {
                "label": "X",
                "kind": "scale",
                "scale_max": 5,
                "weight": 1,
                "user": user.pk,
            },
        )
        assert response.status_code == 404, name
    assert grid.criteria.count() == 2 and grid.evaluators.count() == 1
    with pytest.raises(PermissionDenied):
        evaluations.evaluator_assign(grid=grid, user=user, by=user)
    with pytest.raises(PermissionDenied):
        evaluations.evaluation_sheet_save(
            evaluator=evaluator,
            match=proposal,
            by=user,
            conflict=True,
            conflict_details="x",
        )


def test_a_visitor_is_sent_to_the_login_page(client, grid, challenge):
    response = client.get(url("evaluation_summary", challenge))
    assert response.status_code == 302 and reverse("partners:login") in response["Location"]


def test_evaluators_find_their_evaluations_on_the_dashboard(client, grid, challenge, city_a_staff):
    evaluations.evaluator_assign(grid=grid, user=city_a_staff, by=city_a_staff)
    client.force_login(city_a_staff)
    assert url("evaluation_board", challenge) in text(client.get(reverse("partners:dashboard")))
    assert challenge.title in text(client.get(reverse("solutions:evaluation_mine")))
    matches_page = text(client.get(reverse("solutions:challenge_matches", args=[challenge.pk])))
    assert url("evaluation_summary", challenge) in matches_page


def test_assignment_notification_is_sent_once(grid, curator, city_a_staff):
    evaluations.evaluator_assign(grid=grid, user=curator, by=city_a_staff)
    with pytest.raises(ValidationError):
        evaluations.evaluator_assign(grid=grid, user=curator, by=city_a_staff)
    assert (
        Notification.objects.filter(recipient=curator, template="evaluation_assigned").count() == 1
    )


@pytest.mark.parametrize("size", [2, 12])
def test_evaluation_pages_query_count_does_not_grow(
    client,
    grid,
    challenge,
    city_a_staff,
    curator,
    innovator_b_org,
    size,
    django_assert_max_num_queries,
):
    evaluators = [
        evaluations.evaluator_assign(grid=grid, user=user, by=city_a_staff)
        for user in (city_a_staff, curator)
    ]
    for i in range(size):
        solution = solution_of(innovator_b_org, name=f"Solution {i}")
        match = Match.objects.create(
            challenge=challenge, solution=solution, status=Match.Status.SHORTLISTED
        )
        for evaluator in evaluators:
            score(evaluator, match, i % 6, i % 2)
    client.force_login(city_a_staff)
    for name in ("evaluation_summary", "evaluation_grid", "evaluation_board"):
        client.get(url(name, challenge))
        with django_assert_max_num_queries(14):
            assert client.get(url(name, challenge)).status_code == 200
