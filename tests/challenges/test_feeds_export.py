"""Atom feeds of new challenges and the curators' CSV export of the filtered catalogue."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from challenges.models import Challenge

from .conftest import make_challenge

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_titles(response) -> list[str]:
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_feed_lists_public_published_challenges_newest_first(client, city_a, network_only):
    first = make_challenge([city_a], status="published", title="Premier", domains=["water"])
    second = make_challenge([city_a], status="published", title="Second", domains=["mobility"])
    make_challenge([city_a], status="submitted", title="Pas encore publié")
    titles = feed_titles(client.get(reverse("challenges:feed")))
    assert titles == [second.title, first.title]
    water = feed_titles(client.get(reverse("challenges:domain_feed", kwargs={"slug": "water"})))
    assert water == [first.title]


def test_feed_is_public_even_for_signed_in_members(client, innovator_a, network_only):
    client.force_login(innovator_a)
    assert network_only.title not in feed_titles(client.get(reverse("challenges:feed")))


def test_unknown_domain_feed_is_404(client, db):
    assert client.get(reverse("challenges:domain_feed", kwargs={"slug": "nope"})).status_code == 404


def read_csv(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_curators_export_the_filtered_catalogue(client, curator, city_a, city_b, network_only):
    water = make_challenge(
        [city_a, city_b], status="published", title="=HYPERLINK(\"http://evil\")",
        domains=["water"], tags=["eau"], budget_max=5000, external_id="ex-1",
    )  # fmt: skip
    make_challenge([city_a], status="published", title="Mobilité", domains=["mobility"])
    make_challenge([city_a], title="Brouillon", domains=["water"])
    client.force_login(curator)
    response = client.get(reverse("challenges:export"), {"domain": "water"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = read_csv(response)
    assert len(rows) == 2
    row = rows[1]
    assert row[0] == str(water.pk) and row[1] == "ex-1"
    assert row[2].startswith("'=")  # never run as a spreadsheet formula
    assert row[3] == "Ville de Granby | Ville de Sherbrooke"
    assert row[5] == "water" and row[11] == "5000"
    everything = read_csv(client.get(reverse("challenges:export")))
    assert len(everything) == 4  # network-only included for curators, drafts never


@pytest.mark.parametrize("role", ["city_a_staff", "innovator_a", "unverified_user"])
def test_export_is_for_curators_only(client, request, role, published):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("challenges:export")).status_code == 403


def test_visitors_are_sent_to_login_for_the_export(client, published):
    response = client.get(reverse("challenges:export"))
    assert response.status_code == 302 and reverse("partners:login") in response["Location"]


def test_export_query_budget(client, curator, city_a, django_assert_max_num_queries):
    for n in range(30):
        make_challenge([city_a], status="published", title=f"Enjeu {n}", domains=["water"])
    client.force_login(curator)
    with django_assert_max_num_queries(10):
        rows = read_csv(client.get(reverse("challenges:export")))
    assert len(rows) == 31
    assert Challenge.objects.count() == 30
