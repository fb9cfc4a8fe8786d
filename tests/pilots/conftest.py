import pytest

from tests.solutions.helpers import open_challenge, solution_of

from .builders import (
    completed_pilot,
    introduced_match,
    published_case_study,
    started_pilot,
)


@pytest.fixture
def challenge(city_a):
    return open_challenge([city_a])


@pytest.fixture
def solution_a(innovator_a_org):
    return solution_of(innovator_a_org, name="Acme Parc")


@pytest.fixture
def match_a(challenge, solution_a):
    return introduced_match(challenge, solution_a)


@pytest.fixture
def pilot_a(city_a, innovator_a_org, curator):
    """A planned pilot of city A with innovator A."""
    return started_pilot(city=city_a, innovator=innovator_a_org, by=curator)


@pytest.fixture
def completed_a(city_a, innovator_a_org, curator):
    return completed_pilot(city=city_a, innovator=innovator_a_org, by=curator)


@pytest.fixture
def case_study_a(completed_a, curator):
    return published_case_study(completed_a, curator)
