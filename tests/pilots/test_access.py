"""Every pilot, case-study and impact URL from the side that must be refused.

Objects belong to city A and innovator A; city B, innovator B, the unverified user and visitors
are refused (404 for objects they may not know exist, the login page for visitors, 403 for
curator-only pages). A refused POST changes nothing.
"""

from datetime import date

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from solutions.models import CaseStudy, Indicator, Measurement, Milestone, PilotProject

from .builders import indicator

LOGIN = "login"


def _state():
    return [
        list(model.objects.order_by("pk").values_list())
        for model in (PilotProject, Milestone, Indicator, Measurement, CaseStudy)
    ]


@pytest.fixture
def objects(pilot_a, curator, completed_a):
    item = indicator(pilot_a, curator, values=[(date(2025, 5, 1), "900")])
    milestone = Milestone.objects.create(pilot=pilot_a, title="Jalon")
    draft = CaseStudy.objects.create(pilot=completed_a, title="Brouillon", need="Besoin")
    return {
        "pk": pilot_a.pk,
        "indicator_pk": item.pk,
        "milestone_pk": milestone.pk,
        "measurement_pk": item.measurements.get().pk,
        "draft_pk": draft.pk,
        "match_pk": pilot_a.match_id,
    }


# (URL name, kwargs keys, method, body, roles allowed, refusal for a signed-in user)
PILOT_MANAGER = {"city_a_staff", "curator"}
PILOT_VIEWER = PILOT_MANAGER | {"innovator_a"}
CASES = [
    ("pilot_detail", ("pk",), "get", {}, PILOT_VIEWER, 404),
    ("pilot_edit", ("pk",), "get", {}, PILOT_MANAGER, 404),
    (
        "pilot_edit",
        ("pk",),
        "post",
        {"title": "Pris", "currency": "CAD"},
        PILOT_MANAGER,
        404,
    ),
    ("pilot_transition", ("pk", "to"), "post", {}, PILOT_MANAGER, 404),
    (
        "pilot_milestone_add",
        ("pk",),
        "post",
        {"title": "J", "progress": 1},
        PILOT_MANAGER,
        404,
    ),
    (
        "pilot_milestone_edit",
        ("pk", "milestone_pk"),
        "post",
        {"title": "J", "progress": 9},
        PILOT_MANAGER,
        404,
    ),
    ("pilot_milestone_delete", ("pk", "milestone_pk"), "post", {}, PILOT_MANAGER, 404),
    (
        "pilot_indicator_add",
        ("pk",),
        "post",
        {"name": "x", "kind": "social", "unit": "hours", "direction": "increase"},
        PILOT_MANAGER,
        404,
    ),
    (
        "pilot_indicator_edit",
        ("pk", "indicator_pk"),
        "post",
        {"name": "x", "kind": "social", "unit": "hours", "direction": "increase"},
        PILOT_MANAGER,
        404,
    ),
    ("pilot_indicator_delete", ("pk", "indicator_pk"), "post", {}, PILOT_MANAGER, 404),
    (
        "pilot_measurement_add",
        ("pk", "indicator_pk"),
        "post",
        {"measured_on": "2025-06-01", "value": "5"},
        PILOT_MANAGER,
        404,
    ),
    (
        "pilot_measurement_delete",
        ("pk", "indicator_pk", "measurement_pk"),
        "post",
        {},
        PILOT_MANAGER,
        404,
    ),
    (
        "pilot_evidence",
        ("pk", "indicator_pk"),
        "post",
        {"level": "verified"},
        {"curator"},
        403,
    ),
    ("pilot_start", ("match_pk",), "get", {}, PILOT_MANAGER, 404),
    ("pilot_export", (), "get", {}, {"curator"}, 403),
    ("pilot_indicators_export", (), "get", {}, {"curator"}, 403),
    ("case_study_create", ("pk",), "get", {}, {"curator"}, 403),
    ("case_study_edit", ("draft_pk",), "get", {}, {"curator"}, 403),
    ("case_study_publish", ("draft_pk",), "post", {}, {"curator"}, 403),
    ("case_study_detail", ("draft_pk",), "get", {}, {"curator"}, 404),
    ("impact_api_token", (), "get", {}, {"curator"}, 403),
    ("impact_api_token", (), "post", {"action": "create"}, {"curator"}, 403),
]
ROLES = [
    "visitor",
    "unverified_user",
    "innovator_a",
    "innovator_b",
    "city_a_staff",
    "city_b_staff",
    "curator",
]


def _kwargs(keys, objects):
    values = {"to": "running"}
    result = {}
    for key in keys:
        if key == "draft_pk":
            result["pk"] = objects["draft_pk"]
        else:
            result[key] = values.get(key, objects.get(key))
    return result


REFUSED = [(case, role) for case in CASES for role in ROLES if role not in case[4]]


@pytest.mark.parametrize(("case", "role"), REFUSED, ids=[f"{c[0]}-{c[2]}-{r}" for c, r in REFUSED])
def test_refused_roles_get_nothing_and_change_nothing(client, request, objects, case, role):
    name, keys, method, body, _allowed, refusal = case
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    url = reverse(f"solutions:{name}", kwargs=_kwargs(keys, objects))
    before = _state()
    response = getattr(client, method)(url, body)
    if role == "visitor" and name != "case_study_detail":  # a public page: 404 for a draft
        assert response.status_code == 302
        assert response.url.startswith(resolve_url(settings.LOGIN_URL))
    else:
        assert response.status_code == refusal, (name, role)
    assert _state() == before


ALLOWED = [(case, role) for case in CASES for role in sorted(case[4])]


@pytest.mark.parametrize(("case", "role"), ALLOWED, ids=[f"{c[0]}-{c[2]}-{r}" for c, r in ALLOWED])
def test_allowed_roles_get_through(client, request, objects, case, role):
    name, keys, method, body, _allowed, _refusal = case
    client.force_login(request.getfixturevalue(role))
    url = reverse(f"solutions:{name}", kwargs=_kwargs(keys, objects))
    before = _state()
    response = getattr(client, method)(url, body)
    assert response.status_code in (200, 302), (name, role, response.status_code)
    if method == "post" and name != "impact_api_token":
        assert _state() != before, (name, role)


def test_unknown_or_malformed_ids_are_not_found(client, curator, objects):
    client.force_login(curator)
    for url in (
        f"/solutions/pilots/{objects['pk'] + 999}/",
        f"/solutions/case-studies/{objects['draft_pk'] + 999}/",
        f"/solutions/pilots/start/{objects['match_pk'] + 999}/",
        f"/solutions/pilots/{objects['pk']}/indicators/{objects['indicator_pk'] + 999}/",
    ):
        assert client.get(url).status_code == 404, url


def test_a_child_of_another_pilot_is_not_found_through_this_one(
    client, city_a_staff, objects, city_a, innovator_b_org, curator
):
    from .builders import started_pilot

    other = started_pilot(city=city_a, innovator=innovator_b_org, by=curator)
    client.force_login(city_a_staff)
    url = reverse(
        "solutions:pilot_indicator_edit",
        kwargs={"pk": other.pk, "indicator_pk": objects["indicator_pk"]},
    )
    assert client.get(url).status_code == 404


def test_public_pages_are_open_to_visitors(client, case_study_a):
    for url in (
        reverse("solutions:case_study_list"),
        case_study_a.get_absolute_url(),
        reverse("solutions:impact_dashboard"),
    ):
        assert client.get(url).status_code == 200
    # Copying needs a city.
    response = client.get(reverse("solutions:case_study_copy", kwargs={"pk": case_study_a.pk}))
    assert response.status_code == 302


def test_pilot_list_shows_only_the_viewers_pilots(client, pilot_a, innovator_b, city_b_staff):
    for user in (innovator_b, city_b_staff):
        client.force_login(user)
        page = client.get(reverse("solutions:pilot_list")).content.decode()
        assert pilot_a.get_absolute_url() not in page
    client.logout()
    assert client.get(reverse("solutions:pilot_list")).status_code == 302
