from tests.security.scenario import *  # noqa: F403 - objects the forms point at

# Hypothesis profiles ("iveo", "fuzz"): tests/conftest.py.
