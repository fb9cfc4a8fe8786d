"""Shared fixtures: the portal's roles, built through factories and services."""

import os

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

from partners.models import Membership, Organization

from .factories import OrganizationFactory, member_of

# Hypothesis: every run explores new examples (no derandomize). CI passes a seed derived from the
# commit (`--hypothesis-seed`, see .ci/run), so each submission explores others and a failure is
# replayed from the seed it prints. `make fuzz` runs the property tests with many more examples
# and keeps the ones that failed in .hypothesis/examples, to try them first next time.
_HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much]
settings.register_profile(
    "iveo", max_examples=30, deadline=None, database=None, suppress_health_check=_HEALTH
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("IVEO_FUZZ_EXAMPLES", "500")),
    deadline=None,
    database=DirectoryBasedExampleDatabase(".hypothesis/examples"),
    suppress_health_check=_HEALTH,
)
settings.load_profile(os.environ.get("IVEO_HYPOTHESIS_PROFILE", "iveo"))


@pytest.fixture(autouse=True)
def _media_and_language(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language, as a fresh process does.

    A request activates its person's language for the rest of the thread (LocaleMiddleware,
    partners.middleware); a test that called a command or a service after another test's
    English request got English output, depending on the order the tests ran in.
    """
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (pages and counts of another test's data)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def iveo(db):
    return OrganizationFactory(kind=Organization.Kind.IVEO, name="IVÉO", slug="iveo")


@pytest.fixture
def curator(iveo):
    return member_of(iveo, role=Membership.Role.ADMIN, email="curator@iveo.test")


@pytest.fixture
def city_a(db):
    return OrganizationFactory(kind=Organization.Kind.CITY, name="Ville de Granby", slug="granby")


@pytest.fixture
def city_b(db):
    return OrganizationFactory(
        kind=Organization.Kind.CITY, name="Ville de Sherbrooke", slug="sherbrooke", region="Estrie"
    )


@pytest.fixture
def city_a_staff(city_a):
    return member_of(city_a, role=Membership.Role.ADMIN, email="staff-a@granby.test")


@pytest.fixture
def city_b_staff(city_b):
    return member_of(city_b, role=Membership.Role.ADMIN, email="staff-b@sherbrooke.test")


@pytest.fixture
def innovator_a_org(db):
    return OrganizationFactory(kind=Organization.Kind.INNOVATOR, name="Acme Mobilité", slug="acme")


@pytest.fixture
def innovator_b_org(db):
    return OrganizationFactory(kind=Organization.Kind.INNOVATOR, name="Bêta Eau", slug="beta")


@pytest.fixture
def innovator_a(innovator_a_org):
    return member_of(innovator_a_org, role=Membership.Role.ADMIN, email="a@acme.test")


@pytest.fixture
def innovator_b(innovator_b_org):
    return member_of(innovator_b_org, role=Membership.Role.ADMIN, email="b@beta.test")


@pytest.fixture
def unverified_user(db):
    pending = OrganizationFactory(
        kind=Organization.Kind.INNOVATOR,
        name="Jeune pousse",
        slug="jeune-pousse",
        status=Organization.Status.PENDING,
    )
    return member_of(pending, role=Membership.Role.ADMIN, email="new@pousse.test")


@pytest.fixture
def visitor_client(client):
    return client


# --- What a test needs from the machine ------------------------------------------------------
# Locally a missing PostgreSQL, Redis or Chromium skips the test with a reason; in CI
# (IVEO_REQUIRE_ALL=1, set by .ci/run) it fails, so nothing is silently skipped there.


def require(condition: bool, reason: str) -> None:
    import os

    if condition:
        return
    if os.environ.get("IVEO_REQUIRE_ALL") == "1":
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def postgres(db):
    """Use in tests that need PostgreSQL (full-text search, generated columns)."""
    from django.db import connection

    require(connection.vendor == "postgresql", "needs PostgreSQL (set DATABASE_URL)")
    return connection


@pytest.fixture
def taxonomy(db):
    """The domain taxonomy of the data migration, even after a transactional test flushed it."""
    import importlib

    from challenges.models import Domain

    migration = importlib.import_module("challenges.migrations.0002_initial_domains")
    for position, (slug, name_fr, name_en) in enumerate(migration.DOMAINS):
        Domain.objects.update_or_create(
            slug=slug, defaults={"name_fr": name_fr, "name_en": name_en, "position": position}
        )
    return Domain.objects.all()
