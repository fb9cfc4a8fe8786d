"""The API against its own OpenAPI schema (schemathesis): no server error, documented answers.

Schemathesis reads the schema served at /api/v1/schema/ and generates requests from it (valid
and invalid query parameters, ids and page numbers), calling the project's WSGI application
in-process on the test database. Each operation is one test, run as a curator with a token (so
that the curator endpoints are exercised too) and as a visitor. Every answer must be no server
error, with a status code, content type and body that the schema documents.

(Schemathesis' own pytest integration does not run on pytest 9, hence the explicit `given`.)
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

# The schema view touches no database: it can be read while the tests are collected.
SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = int(os.environ.get("IVEO_SCHEMATHESIS_EXAMPLES", "30"))
HYPOTHESIS = {
    "deadline": None,
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
}


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Like Django's test client: a request must not close the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_schema_has_every_endpoint():
    assert {op.label for op in OPERATIONS} >= {
        f"GET /api/v1/{name}/{suffix}"
        for name in (
            "challenges",
            "solutions",
            "organizations",
            "case-studies",
            "matches",
            "pilots",
        )
        for suffix in ("", "{id}/")
    }


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_operation_conforms_to_the_schema_as_a_curator(api_content, curator, operation):
    headers = {"Authorization": f"Token {Token.objects.create(user=curator).key}"}

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, **HYPOTHESIS)
    def check(case):
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS)

    check()


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_operation_answers_a_visitor_without_server_error(api_content, operation):
    @given(case=operation.as_strategy())
    @settings(max_examples=max(EXAMPLES // 3, 5), **HYPOTHESIS)
    def check(case):
        response = case.call()
        case.validate_response(response, checks=CHECKS)

    check()
