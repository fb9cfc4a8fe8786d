"""Posting and editing a challenge: what the form accepts, and the clear errors it gives."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from challenges.markdown import render_markdown
from challenges.models import Challenge

from .conftest import form_data, make_challenge


def posting_data(city, **overrides):
    return form_data(
        city,
        **{
            "title": "Compteurs d'eau communicants",
            "domains": ["1"],
            "tags_text": "eau, compteurs, Eau ",
            "budget_min": "",
            "budget_max": "",
            "proposals_deadline": "",
            "visibility": "network",
            "language": "en",
            "terms": "",
            "gain_economic": "Moins de pertes.",
            **overrides,
        },
    )


def post_create(client, data):
    return client.post(reverse("challenges:create"), data)


def test_every_field_is_saved(client, city_a, city_a_staff):
    client.force_login(city_a_staff)
    deadline = timezone.localdate() + timedelta(days=10)
    response = post_create(
        client,
        posting_data(
            city_a,
            budget_min="1000",
            budget_max="2000",
            currency="EUR",
            proposals_deadline=deadline.isoformat(),
            terms="Confidentialité.",
        ),
    )
    assert response.status_code == 302
    challenge = Challenge.objects.get()
    assert challenge.tags == ["eau", "compteurs"]
    assert (challenge.budget_min, challenge.budget_max, challenge.currency) == (1000, 2000, "EUR")
    assert challenge.proposals_deadline == deadline
    assert challenge.visibility == "network" and challenge.language == "en"
    assert challenge.gain_economic == "Moins de pertes."
    assert challenge.terms == "Confidentialité."
    assert challenge.domains.count() == 1


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"title": ""}, "title"),
        ({"summary": ""}, "summary"),
        ({"description": ""}, "description"),
        ({"owners": []}, "owners"),
        ({"proposals_deadline": "2001-01-01"}, "proposals_deadline"),
        ({"proposals_deadline": "31/02/2030"}, "proposals_deadline"),
        ({"budget_min": "5000", "budget_max": "100"}, "budget_max"),
        ({"budget_min": "-1"}, "budget_min"),
        ({"budget_max": "99999999999999"}, "budget_max"),
        ({"currency": "USD"}, "currency"),
        ({"visibility": "secret"}, "visibility"),
        ({"language": "de"}, "language"),
        ({"domains": ["99999"]}, "domains"),
        ({"tags_text": ",".join(f"t{i}" for i in range(30))}, "tags_text"),
        ({"tags_text": "x" * 60}, "tags_text"),
        ({"title": "x" * 300}, "title"),
    ],
)
def test_bad_input_gets_a_clear_error(client, city_a, city_a_staff, overrides, field):
    client.force_login(city_a_staff)
    response = post_create(client, posting_data(city_a, **overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "error-summary" in response.content.decode()
    assert not Challenge.objects.exists()


def test_owners_must_include_one_of_my_cities(client, city_a, city_b, city_a_staff):
    client.force_login(city_a_staff)
    response = post_create(client, posting_data(city_a, owners=[city_b.pk]))
    assert "owners" in response.context["form"].errors
    assert not Challenge.objects.exists()


def test_a_joint_challenge(client, city_a, city_b, city_a_staff, city_b_staff):
    client.force_login(city_a_staff)
    post_create(client, posting_data(city_a, owners=[city_a.pk, city_b.pk]))
    challenge = Challenge.objects.get()
    assert set(challenge.owners.all()) == {city_a, city_b}
    client.force_login(city_b_staff)
    response = client.post(
        reverse("challenges:edit", kwargs={"pk": challenge.pk}),
        posting_data(city_b, owners=[city_a.pk, city_b.pk], title="Titre revu par Sherbrooke"),
    )
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.title == "Titre revu par Sherbrooke"


def test_an_unverified_city_cannot_be_a_co_owner(client, city_a, city_a_staff):
    from partners.models import Organization
    from tests.factories import OrganizationFactory

    pending = OrganizationFactory(status=Organization.Status.PENDING, slug="pending")
    innovator = OrganizationFactory(kind=Organization.Kind.INNOVATOR, slug="inno")
    client.force_login(city_a_staff)
    for other in (pending, innovator):
        response = post_create(client, posting_data(city_a, owners=[city_a.pk, other.pk]))
        assert "owners" in response.context["form"].errors
    assert not Challenge.objects.exists()


def test_an_unchanged_past_deadline_does_not_block_editing(client, city_a, city_a_staff):
    challenge = make_challenge([city_a], status="published")
    Challenge.objects.filter(pk=challenge.pk).update(
        proposals_deadline=timezone.localdate() - timedelta(days=3)
    )
    challenge.refresh_from_db()
    client.force_login(city_a_staff)
    response = client.post(
        reverse("challenges:edit", kwargs={"pk": challenge.pk}),
        posting_data(
            city_a,
            title="Nouveau titre",
            proposals_deadline=challenge.proposals_deadline.isoformat(),
        ),
    )
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.title == "Nouveau titre"


def test_a_curator_may_post_for_any_verified_city(client, city_b, curator):
    client.force_login(curator)
    assert post_create(client, posting_data(city_b)).status_code == 302
    assert list(Challenge.objects.get().owners.all()) == [city_b]


def test_editing_an_archived_challenge_is_refused(client, city_a, city_a_staff, curator):
    challenge = make_challenge([city_a], status="archived")
    for user in (city_a_staff, curator):
        client.force_login(user)
        url = reverse("challenges:edit", kwargs={"pk": challenge.pk})
        assert client.get(url).status_code == 404


# --- Markdown -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[clic](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        '"><svg onload=alert(1)>',
        "<iframe src=https://evil.example></iframe>",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "<style>body{display:none}</style>",
    ],
)
def test_no_raw_html_gets_through_markdown(source):
    parser = TagCollector()
    parser.feed(str(render_markdown(source)))
    assert {tag for tag, _attrs in parser.tags} <= {"p", "a"}
    for _tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on")
            assert not (value or "").strip().lower().startswith(("javascript:", "data:"))


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def test_markdown_formatting_is_kept():
    html = str(
        render_markdown(
            "# Titre\n\n**gras**, *italique*\n\n- un\n- deux\n\n[lien](https://iveo.ca)"
        )
    )
    assert "<h3>Titre</h3>" in html  # shifted below the page's own headings
    assert "<strong>gras</strong>" in html and "<em>italique</em>" in html
    assert "<li>un</li>" in html
    assert 'href="https://iveo.ca"' in html and 'rel="nofollow noopener noreferrer"' in html


def test_a_script_in_the_description_is_shown_as_text(client, city_a):
    challenge = make_challenge(
        [city_a], status="published", description="Avant <script>alert('x')</script> après",
        title="<b>Titre</b>", summary='"><img src=x onerror=alert(1)>', tags=["<i>tag</i>"],
        gain_social="<script>s()</script>", terms="<script>t()</script>",
    )  # fmt: skip
    body = client.get(challenge.get_absolute_url()).content.decode()
    assert "<script>alert" not in body and "<script>s()" not in body and "<script>t()" not in body
    assert "&lt;script&gt;alert" in body
    assert "<b>Titre</b>" not in body and "&lt;b&gt;Titre&lt;/b&gt;" in body
    assert "<img src=x" not in body
    assert "<i>tag</i>" not in body
    listing = client.get(reverse("challenges:list")).content.decode()
    assert "<b>Titre</b>" not in listing and "<img src=x" not in listing
