import os

from hypothesis import HealthCheck, settings

from tests.security.scenario import *  # noqa: F403 - objects the forms point at

# Modest and, in CI, reproducible: the same examples on every run of the same code.
settings.register_profile(
    "iveo",
    max_examples=30,
    deadline=None,
    database=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("iveo")
