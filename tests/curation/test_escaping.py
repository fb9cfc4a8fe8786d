"""Hostile text typed into every curation form comes back escaped, on pages and in e-mails."""

import pytest
from django.urls import reverse

from partners.models import Notification
from partners.notifications import render_notification
from solutions import curation
from solutions.models import Match

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def assert_escaped(html: str) -> None:
    assert PAYLOAD not in html
    assert "<script>alert" not in html and "<img src=x" not in html


@pytest.fixture
def hostile_match(
    client, curator, proposal, suggestion, challenge, city_a_staff, innovator_a
):
    """Every free-text field of the curation forms filled with the payload, through the forms."""
    client.force_login(curator)
    client.post(
        reverse("solutions:curation_match_decline", kwargs={"pk": suggestion.pk}),
        {"reason": PAYLOAD},
    )
    client.post(
        reverse("solutions:curation_match_shortlist", kwargs={"pk": proposal.pk})
    )
    client.post(
        reverse("solutions:curation_match_introduce", kwargs={"pk": proposal.pk}),
        {"message": PAYLOAD},
    )
    for user in (city_a_staff, innovator_a):
        client.force_login(user)
        client.post(
            reverse("solutions:introduction_accept", kwargs={"pk": proposal.pk}),
            {"contact": PAYLOAD},
        )
    client.post(
        reverse("solutions:introduction_message_post", kwargs={"pk": proposal.pk}),
        {"body": PAYLOAD},
    )
    client.force_login(city_a_staff)
    grid_url = reverse(
        "solutions:evaluation_grid", kwargs={"challenge_pk": challenge.pk}
    )
    client.post(grid_url, {"instructions": PAYLOAD})
    client.post(
        reverse(
            "solutions:evaluation_criterion_add", kwargs={"challenge_pk": challenge.pk}
        ),
        {
            "label": PAYLOAD,
            "description": PAYLOAD,
            "kind": "yes_no",
            "scale_max": 5,
            "weight": 1,
        },
    )
    proposal.refresh_from_db()
    assert proposal.status == Match.Status.INTRODUCED
    assert proposal.messages.get().body == PAYLOAD
    return proposal


def test_pages_escape_what_people_typed(
    client, hostile_match, curator, city_a_staff, challenge
):
    grid = challenge.evaluation_grid
    evaluator = curation.evaluator_assign(grid=grid, user=city_a_staff, by=city_a_staff)
    curation.evaluation_sheet_save(
        evaluator=evaluator,
        match=hostile_match,
        by=city_a_staff,
        conflict=False,
        notes=PAYLOAD,
        scores={grid.criteria.get().pk: 1},
    )
    pages = {
        city_a_staff: [
            reverse("solutions:introduction_detail", kwargs={"pk": hostile_match.pk}),
            reverse("solutions:evaluation_grid", kwargs={"challenge_pk": challenge.pk}),
            reverse(
                "solutions:evaluation_summary", kwargs={"challenge_pk": challenge.pk}
            ),
            reverse(
                "solutions:evaluation_board", kwargs={"challenge_pk": challenge.pk}
            ),
            reverse(
                "solutions:evaluation_sheet",
                kwargs={"challenge_pk": challenge.pk, "match_pk": hostile_match.pk},
            ),
        ],
        curator: [
            reverse("solutions:curation_workspace"),
            reverse(
                "solutions:curation_challenge", kwargs={"challenge_pk": challenge.pk}
            ),
            reverse("solutions:introduction_detail", kwargs={"pk": hostile_match.pk}),
        ],
    }
    seen = 0
    for user, urls in pages.items():
        client.force_login(user)
        for url in urls:
            html = client.get(url).content.decode()
            assert_escaped(html)
            seen += "&lt;script&gt;alert(" in html
    assert seen >= 6


def test_e_mails_escape_what_people_typed(hostile_match):
    rendered = [render_notification(n) for n in Notification.objects.all()]
    assert len(rendered) >= 5
    for message in rendered:
        assert_escaped(message["html"])
    assert any("&lt;script&gt;alert(" in m["html"] for m in rendered)
