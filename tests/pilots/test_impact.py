"""The impact dashboard and the curators' CSV exports."""

import csv
import io
import re
from datetime import UTC, date
from decimal import Decimal

import pytest
from django.urls import reverse

from challenges.models import Challenge
from solutions.impact import charts as impact_charts
from solutions.impact import selectors as impact_selectors
from solutions.impact import services as impact
from solutions.models import PilotProject
from tests.factories import OrganizationFactory
from tests.solutions.helpers import open_challenge

from .builders import completed_pilot, started_pilot


def _totals(data) -> dict:
    return {(row["kind"], row["unit_text"]): row["total"] for row in data["gains"]["totals"]}


@pytest.fixture
def two_pilots(city_a, city_b, innovator_a_org, innovator_b_org, curator):
    """A Quebec pilot saving CAD and kWh, a French one saving EUR and kWh."""
    first = completed_pilot(
        city=city_a,
        innovator=innovator_a_org,
        by=curator,
        gains=(("CAD", "50000", "38000"), ("kWh", "1000", "700")),
        end=date(2025, 9, 30),
    )
    perpignan = OrganizationFactory(
        kind="partner",
        name="Perpignan Méditerranée",
        slug="perpignan",
        region="Occitanie",
        country="FR",
    )
    second = completed_pilot(
        city=perpignan,
        innovator=innovator_b_org,
        by=curator,
        gains=(("EUR", "20000", "15000"), ("kWh", "500", "300")),
        challenge=open_challenge([perpignan], domains=["energy"], currency="EUR"),
        end=date(2026, 2, 28),
    )
    return first, second


def test_gains_are_summed_by_kind_and_unit_with_cad_and_eur_apart(two_pilots, db):
    from django.contrib.auth.models import AnonymousUser

    data = impact.impact_dashboard(AnonymousUser())
    assert _totals(data) == {
        ("economic", "$ CA"): Decimal("12000"),
        ("economic", "€"): Decimal("5000"),
        ("environmental", "kWh"): Decimal("500"),
    }
    assert data["totals"]["pilots"] == 2
    assert data["totals"]["cities"] == 2


def _cells(table) -> dict:
    return {(label, key[2]): value for label, values in table.rows for key, value in values.items()}


def test_gains_per_domain_city_and_year(two_pilots, db):
    from django.contrib.auth.models import AnonymousUser

    gains = impact.impact_dashboard(AnonymousUser())["gains"]
    by_year = _cells(gains["by_year"])
    assert by_year[("2025", "kWh")] == Decimal("300")
    assert by_year[("2026", "kWh")] == Decimal("200")
    assert ("2025", "€") not in by_year
    by_city = _cells(gains["by_city"])
    assert by_city[("Perpignan Méditerranée", "€")] == Decimal("5000")
    assert by_city[("Ville de Granby", "$ CA")] == Decimal("12000")
    by_domain = _cells(gains["by_domain"])
    assert by_domain[("Efficacité énergétique", "€")] == Decimal("5000")
    # One column per kind and unit, dollars and euros apart.
    assert [label for _key, label in gains["by_year"].series] == [
        "Économique ($ CA)",
        "Économique (€)",
        "Environnemental (kWh)",
    ]


def test_filters_by_domain_region_and_year(client, two_pilots):
    energy = client.get(reverse("solutions:impact_dashboard"), {"domain": "energy"})
    totals = _totals(energy.context["data"])
    assert ("economic", "$ CA") not in totals and ("economic", "€") in totals
    region = client.get(reverse("solutions:impact_dashboard"), {"region": "Occitanie"})
    assert region.context["data"]["totals"]["pilots"] == 1
    year = client.get(reverse("solutions:impact_dashboard"), {"year": "2025"})
    assert _totals(year.context["data"]) == {
        ("economic", "$ CA"): Decimal("12000"),
        ("environmental", "kWh"): Decimal("300"),
    }
    bogus = client.get(reverse("solutions:impact_dashboard"), {"year": "x", "domain": "nope"})
    assert bogus.status_code == 200 and bogus.context["data"]["totals"]["pilots"] == 2


def test_stopped_and_running_pilots_add_no_gains(city_a, innovator_a_org, curator, db):
    from django.contrib.auth.models import AnonymousUser

    from solutions.pilots import services as pilots

    from .builders import indicator

    pilot = started_pilot(city=city_a, innovator=innovator_a_org, by=curator)
    pilots.pilot_transition(pilot=pilot, to="running", by=curator)
    indicator(pilot, curator, values=[(date(2025, 6, 1), "100")])
    data = impact.impact_dashboard(AnonymousUser())
    assert data["gains"]["totals"] == []
    outcome = dict((label, values["n"]) for label, values in data["tables"]["pilots"].rows)
    assert outcome["En cours"] == 1


def test_visitors_never_count_network_only_or_unpublished_challenges(
    client, city_a, innovator_a_org, curator, innovator_b
):
    network = open_challenge([city_a], visibility="network", title="Secret réseau")
    completed_pilot(
        city=city_a,
        innovator=innovator_a_org,
        by=curator,
        challenge=network,
        gains=(("CAD", "100", "10"),),
    )
    open_challenge([city_a], publish=False, title="Brouillon")
    visitor = client.get(reverse("solutions:impact_dashboard"))
    assert visitor.context["data"]["totals"]["challenges"] == 0
    assert visitor.context["data"]["totals"]["pilots"] == 0
    assert visitor.context["data"]["gains"]["totals"] == []
    assert "Secret réseau" not in visitor.content.decode()
    client.force_login(innovator_b)
    member = client.get(reverse("solutions:impact_dashboard"))
    assert member.context["data"]["totals"]["challenges"] == 1
    assert _totals(member.context["data"]) == {("economic", "$ CA"): Decimal("90")}
    client.force_login(curator)
    richer = client.get(reverse("solutions:impact_dashboard"))
    assert richer.context["data"]["totals"]["challenges"] == 2  # the draft too
    assert "evidence" in richer.context["data"]


def test_charts_are_accessible_svg_without_inline_style(client, two_pilots):
    page = client.get(reverse("solutions:impact_dashboard")).content.decode()
    svgs = re.findall(r"<svg class=\"chart-svg\"[^>]*>", page)
    assert len(svgs) >= 5
    for svg in svgs:
        assert 'role="img"' in svg and "aria-labelledby" in svg
    assert "style=" not in page
    assert "<script" not in page.split("<body>")[1].replace(
        '<script src="/static/js/portal.js" defer></script>', ""
    )
    # Each chart has its data table, with a caption and header cells.
    assert page.count('<table class="chart-table">') >= len(svgs) + 3  # and the gains tables
    assert page.count("<caption>") >= len(svgs)
    # Coordinates are plain numbers whatever the language (no decimal comma).
    assert not re.search(r'(x|width)="\d+,\d+"', page)


def test_chart_geometry_scales_to_the_largest_row():
    table = impact_selectors.Table("t", "T", "Row", [("a", "A"), ("b", "B")])
    table.rows = [("one", {"a": 10, "b": 30}), ("two", {"a": 20})]
    chart = impact_charts.bar_chart(table)
    first, second = chart["rows"]
    plot = impact_charts.CHART_WIDTH - impact_charts.LABEL_WIDTH - impact_charts.VALUE_WIDTH
    assert sum(b.width for b in first.bars) == pytest.approx(plot)
    assert second.bars[0].width == pytest.approx(plot / 2)
    assert [value for _x, _y, value in first.values] == [40]  # the total, after the bar
    assert [css for css, _label in chart["legend"]] == ["chart-series-0", "chart-series-1"]


def test_unstacked_chart_draws_one_bar_per_column():
    table = impact_selectors.Table("t", "T", "Row", [("a", "A"), ("b", "B")], stacked=False)
    table.rows = [("one", {"a": 10, "b": 5}), ("two", {"b": 20})]
    first, second = impact_charts.bar_chart(table)["rows"]
    assert [b.y for b in first.bars] == [
        first.bars[0].y,
        first.bars[0].y + impact_charts.BAR_HEIGHT,
    ]
    assert all(b.x == impact_charts.LABEL_WIDTH for b in first.bars + second.bars)
    assert [value for _x, _y, value in first.values] == [10, 5]
    assert [value for _x, _y, value in second.values] == [20]


def test_dashboard_query_count_is_constant(
    client, curator, city_a, innovator_a_org, django_assert_max_num_queries
):
    def add(n, year):
        for _ in range(n):
            completed_pilot(
                city=city_a,
                innovator=innovator_a_org,
                by=curator,
                gains=(("CAD", "100", "50"), ("m3", "900", "850")),
                start_date=date(year, 1, 10),
                end=date(year, 6, 30),
            )

    add(2, 2024)
    client.force_login(curator)
    with django_assert_max_num_queries(30) as small:
        client.get(reverse("solutions:impact_dashboard"))
    add(10, 2025)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("solutions:impact_dashboard"), {"year": "2025"})
    client.logout()
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("solutions:impact_dashboard"))


def test_challenges_by_domain_and_status_over_time(client, city_a, db):
    open_challenge([city_a], domains=["water"])
    open_challenge([city_a], domains=["water", "energy"])
    Challenge.objects.filter(domains__slug="energy").update(status="closed")
    data = client.get(reverse("solutions:impact_dashboard")).context["data"]
    by_domain = dict(data["tables"]["challenges_domain"].rows)
    assert by_domain["Gestion durable de l'eau"] == {"published": 1, "closed": 1}
    assert by_domain["Efficacité énergétique"] == {"closed": 1}
    by_year = data["tables"]["challenges_year"].rows
    assert sum(sum(v.values()) for _y, v in by_year) == 2


# --- CSV exports ----------------------------------------------------------------------------


def _rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_curators_export_pilots_and_indicators(client, curator, two_pilots):
    client.force_login(curator)
    pilots_csv = _rows(client.get(reverse("solutions:pilot_export")))
    assert len(pilots_csv) == 3
    assert pilots_csv[0][0] == "identifiant"
    assert {row[4] for row in pilots_csv[1:]} == {
        "Ville de Granby",
        "Perpignan Méditerranée",
    }
    indicators_csv = _rows(client.get(reverse("solutions:pilot_indicators_export")))
    assert len(indicators_csv) == 5
    units = {row[5] for row in indicators_csv[1:]}
    assert units == {"$ CA", "€", "kWh"}


def test_exports_neutralise_spreadsheet_formulas(client, curator, pilot_a):
    PilotProject.objects.filter(pk=pilot_a.pk).update(title='=HYPERLINK("http://x")')
    client.force_login(curator)
    rows = _rows(client.get(reverse("solutions:pilot_export")))
    assert rows[1][1].startswith("'=")


# --- Snapshots ------------------------------------------------------------------------------


def test_the_dashboard_is_served_from_a_snapshot_until_pilots_change(
    client, city_a, innovator_a_org, curator, django_assert_max_num_queries
):
    from solutions.models import ImpactSnapshot
    from solutions.pilots import services as pilots

    completed_pilot(city=city_a, innovator=innovator_a_org, by=curator, gains=(("CAD", "9", "4"),))
    first = client.get(reverse("solutions:impact_dashboard"))
    assert ImpactSnapshot.objects.count() == 1
    with django_assert_max_num_queries(6):  # filter choices, the snapshot, the session
        again = client.get(reverse("solutions:impact_dashboard"))
    assert again.context["body"] == first.context["body"]
    # A new pilot's results clear the snapshots.
    second = completed_pilot(
        city=city_a, innovator=innovator_a_org, by=curator, gains=(("CAD", "10", "4"),)
    )
    assert not ImpactSnapshot.objects.exists()
    page = client.get(reverse("solutions:impact_dashboard")).content.decode()
    assert ">11<" in page.replace("\u00a0", "")  # 5 + 6 dollars saved
    pilots.measurement_add(
        indicator=second.indicators.get(), by=curator, measured_on=date(2025, 8, 1), value=1
    )
    assert not ImpactSnapshot.objects.exists()


def test_a_stale_snapshot_is_recomputed(client, settings, city_a, db):
    from solutions.models import ImpactSnapshot

    settings.IMPACT_SNAPSHOT_SECONDS = 0
    client.get(reverse("solutions:impact_dashboard"))
    open_challenge([city_a])  # a challenge change does not clear snapshots: they expire
    page = client.get(reverse("solutions:impact_dashboard"))
    assert page.context["body"] and ImpactSnapshot.objects.count() == 1
    assert "<strong>1</strong> enjeux" in page.content.decode()


def test_each_audience_and_language_has_its_own_snapshot(
    client, city_a, innovator_a_org, curator, innovator_b
):
    network = open_challenge([city_a], visibility="network", title="Secret réseau")
    completed_pilot(
        city=city_a, innovator=innovator_a_org, by=curator, challenge=network,
        gains=(("CAD", "100", "10"),),
    )  # fmt: skip
    client.force_login(curator)
    curator_page = client.get(reverse("solutions:impact_dashboard")).content.decode()
    assert ">90<" in curator_page
    client.logout()
    visitor_page = client.get(reverse("solutions:impact_dashboard")).content.decode()
    assert ">90<" not in visitor_page and "Aucun gain mesuré" in visitor_page
    client.force_login(innovator_b)
    assert ">90<" in client.get(reverse("solutions:impact_dashboard")).content.decode()
    client.cookies["iveo_language"] = "en"
    innovator_b.language = "en"
    innovator_b.save()
    english = client.get(reverse("solutions:impact_dashboard"))
    assert 'lang="en-CA"' in english.content.decode()
    from solutions.models import ImpactSnapshot

    assert ImpactSnapshot.objects.count() == 4


def test_results_published_for_the_network_only_stay_out_of_the_public_dashboard(
    client, city_a, innovator_a_org, curator, innovator_b
):
    from .builders import published_case_study

    pilot = completed_pilot(
        city=city_a, innovator=innovator_a_org, by=curator, gains=(("EUR", "100", "30"),)
    )
    published_case_study(pilot, curator, visibility="network")
    visitor = client.get(reverse("solutions:impact_dashboard"))
    assert visitor.context["body"].count(">70<") == 0
    assert "Aucun gain mesuré" in visitor.content.decode()
    client.force_login(innovator_b)
    assert ">70<" in client.get(reverse("solutions:impact_dashboard")).content.decode()


def test_challenges_per_domain_and_year(client, city_a, db):
    from datetime import datetime

    from django.utils import timezone

    for year in (2024, 2025, 2025):
        challenge = open_challenge([city_a], domains=["water"])
        Challenge.objects.filter(pk=challenge.pk).update(
            published_at=datetime(year, 6, 1, tzinfo=timezone.get_current_timezone())
        )
    table = client.get(reverse("solutions:impact_dashboard")).context
    from solutions.models import ImpactSnapshot

    assert ImpactSnapshot.objects.exists()
    data = impact.impact_dashboard(_visitor())
    rows = dict(data["tables"]["challenges_domain_year"].rows)
    assert rows["Gestion durable de l'eau"] == {2024: 1, 2025: 2}
    assert "Enjeux par domaine et par année" in table["body"]


def _visitor():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_years_as_ranges_match_the_extraction_in_local_time(city_a, db):
    from datetime import datetime

    moments = [
        datetime(2025, 1, 1, 2, 0, tzinfo=UTC),  # 2024-12-31 21:00 in Toronto
        datetime(2025, 1, 1, 6, 0, tzinfo=UTC),
        datetime(2023, 7, 1, 12, 0, tzinfo=UTC),
    ]
    for moment in moments:
        challenge = open_challenge([city_a], domains=["energy"])
        Challenge.objects.filter(pk=challenge.pk).update(published_at=moment)
    plain = impact.impact_dashboard(_visitor())["tables"]
    ranged = impact.impact_dashboard(_visitor(), years=(2024, 2025))["tables"]
    for name in ("challenges_year", "challenges_domain_year", "engagement"):
        assert plain[name].rows == ranged[name].rows, name
    assert [label for label, _values in plain["challenges_year"].rows] == ["2023", "2024", "2025"]
