import pytest

from .helpers import open_challenge, solution_of


@pytest.fixture
def challenge(city_a):
    """A published challenge of city A, open for proposals."""
    return open_challenge([city_a])


@pytest.fixture
def solution_a(innovator_a_org):
    return solution_of(innovator_a_org, name="Acme Parc")


@pytest.fixture
def draft_a(innovator_a_org):
    return solution_of(innovator_a_org, name="Acme brouillon", status="draft")


@pytest.fixture
def solution_b(innovator_b_org):
    return solution_of(innovator_b_org, name="Bêta Fuites", domains=("water",))
