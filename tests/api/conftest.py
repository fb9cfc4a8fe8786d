import pytest

from tests.pilots.builders import completed_pilot, published_case_study
from tests.solutions.helpers import open_challenge


@pytest.fixture
def api_content(city_a, city_b, innovator_a_org, innovator_b_org, curator):
    """A little of everything the API serves: public and network-only, a copied case study."""
    public = open_challenge([city_a], title="Stationnement public", domains=["mobility"])
    network = open_challenge([city_b], title="Réseau", visibility="network", domains=["water"])
    first = completed_pilot(
        city=city_a,
        innovator=innovator_a_org,
        by=curator,
        challenge=public,
        gains=(("CAD", "1000", "600"), ("kWh", "50", "40")),
    )
    second = completed_pilot(
        city=city_b,
        innovator=innovator_b_org,
        by=curator,
        challenge=network,
        gains=(("m3", "500", "200"),),
    )
    return [published_case_study(first, curator), published_case_study(second, curator)]
