"""Every field that takes ids, in every form, filter and API parameter: a hostile id gets a
translated error or a 400, never a server error, and nothing is written.

SQLite's driver cannot bind an integer beyond 64 bits (`OverflowError`), PostgreSQL can; a
multiple choice posted with `99999999999999999999999` once answered 500 on the embedded default
(`partners/lookups.py` closed that door for every `__in` lookup at once). The sweep reads its
targets from what already lists every URL:
- every POST the permission matrix allows (`matrix_<app>.py`, a valid body per URL): each
  numeric value of the body (ids, single or several) is replaced in turn by each hostile value;
- every page the matrix lets someone read: each choice of a GET form (filters) whose options are
  ids, and each numeric parameter of the page's query string;
- every operation of the API's OpenAPI schema: each integer parameter (path or query).
"""

from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from .matrix import ROLES, Writes, all_entries, database_state, post, state_difference

HOSTILE = (
    "99999999999999999999999",  # beyond 64 bits
    "-99999999999999999999999",
    "9223372036854775808",  # one beyond the largest 64-bit key
    "-1",
    "abc",
    "１２",  # full-width digits, which int() accepts
    "1e5",
)
ENTRIES = all_entries()


def writer(entry) -> str | None:
    """The first role whose POST the matrix allows (it writes)."""
    if not entry.post:
        return None
    return next((r for r in ROLES if isinstance(entry.post[r], Writes)), None)


def reader(entry) -> str | None:
    return next((r for r in ROLES if entry.get.get(r) == 200), None)


def is_number(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, str) and value.strip().isdigit()


def numeric_keys(data: dict) -> list[str]:
    """The keys of a body whose value is a number or a list of numbers (ids, amounts…)."""
    keys = []
    for key, value in data.items():
        values = value if isinstance(value, list | tuple) else [value]
        if values and all(is_number(v) for v in values):
            keys.append(key)
    return keys


def assert_translated_refusal_or_success(response, what: str) -> None:
    assert response.status_code < 500, f"{what}: {response.status_code}"
    if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
        html = response.content.decode()
        # A form shown again must say what is wrong, in the page's language.
        assert 'class="errors"' in html or 'class="errorlist' in html or 'role="alert"' in html, (
            f"{what}: the form came back without an error message"
        )


WRITERS = [e for e in ENTRIES if writer(e)]


@pytest.mark.parametrize("entry", WRITERS, ids=lambda e: e.id)
def test_hostile_ids_in_a_posted_form_are_refused_with_an_error(client, db, request, entry):
    fx = request.getfixturevalue
    role = writer(entry)
    if role != "visitor":
        client.force_login(fx(role))
    for name in entry.needs:
        fx(name)
    url = reverse(entry.name, kwargs=entry.kwargs(fx) or None)
    data = entry.data(fx)
    keys = numeric_keys(data)
    if not keys:
        pytest.skip("no numeric field in this form's body")
    for key in keys:
        for hostile in HOSTILE:
            body = {**data, key: [hostile] if isinstance(data[key], list | tuple) else hostile}
            before = database_state()
            response = post(client, entry, url, body)
            what = f"POST {url} as {role} with {key}={hostile!r}"
            assert response.status_code < 500, what
            if response.status_code not in (301, 302, 303):
                assert_translated_refusal_or_success(response, what)
                changed = state_difference(before, database_state())
                assert changed == [], f"{what} was refused but wrote: {changed}"


# Fields known to take ids: the sweep above must reach each through its entry's body.
KNOWN_ID_FIELDS = {
    ("challenges:edit", "owners"),
    ("solutions:propose", "solution"),
    ("solutions:pilot_start", "city"),
    ("solutions:curation_match_add", "solution"),
    ("solutions:evaluation_evaluator_add", "user"),
}


def test_the_sweep_reaches_the_fields_known_to_take_ids(db, request):
    fx = request.getfixturevalue
    reached = set()
    for entry in WRITERS:
        if entry.name not in {name for name, _ in KNOWN_ID_FIELDS}:
            continue
        for name in entry.needs:
            fx(name)
        entry.kwargs(fx)
        reached |= {(entry.name, key) for key in numeric_keys(entry.data(fx))}
    assert KNOWN_ID_FIELDS <= reached, KNOWN_ID_FIELDS - reached


class GetForms(HTMLParser):
    """The choices of the page's GET forms whose options are ids."""

    def __init__(self):
        super().__init__()
        self.in_get_form = False
        self.select: str | None = None
        self.options: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_get_form = (attrs.get("method") or "get").lower() == "get"
        elif not self.in_get_form:
            return
        elif tag == "select":
            self.select = attrs.get("name")
        elif tag == "option" and self.select:
            self.options.setdefault(self.select, []).append(attrs.get("value") or "")
        elif tag == "input" and attrs.get("type") in ("checkbox", "radio") and attrs.get("name"):
            self.options.setdefault(attrs["name"], []).append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_get_form = False
        elif tag == "select":
            self.select = None

    def id_fields(self) -> list[str]:
        return sorted(
            name
            for name, values in self.options.items()
            if any(v for v in values) and all(v == "" or v.isdigit() for v in values)
        )


READERS = [e for e in ENTRIES if reader(e) and not e.name.startswith("api:")]


@pytest.mark.parametrize("entry", READERS, ids=lambda e: e.id)
def test_hostile_ids_in_a_page_filter_answer_without_a_server_error(client, db, request, entry):
    fx = request.getfixturevalue
    role = reader(entry)
    if role != "visitor":
        client.force_login(fx(role))
    for name in entry.needs:
        fx(name)
    url = reverse(entry.name, kwargs=entry.kwargs(fx) or None)
    page = client.get(url)
    if "text/html" not in page.get("Content-Type", ""):
        pytest.skip("not an HTML page")
    forms = GetForms()
    forms.feed(page.content.decode())
    # Ids in filters, and the paging every list takes.
    fields = [*forms.id_fields(), "page"]
    for field in fields:
        for hostile in HOSTILE:
            response = client.get(f"{url}?{urlencode({field: hostile})}")
            assert response.status_code in (200, 302, 400, 404), (
                f"GET {url}?{field}={hostile!r} as {role}: {response.status_code}"
            )


def api_integer_parameters() -> list[tuple[str, str, str]]:
    """(path, location, name) of the API's GET parameters that may carry ids: every integer
    query parameter and every path parameter."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = []
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if not get:
            continue
        for parameter in get.get("parameters", []):
            integer = parameter.get("schema", {}).get("type") == "integer"
            if integer or parameter["in"] == "path":
                found.append((path, parameter["in"], parameter["name"]))
    return found


def test_the_api_has_integer_parameters_to_sweep():
    params = api_integer_parameters()
    assert any(location == "query" for _, location, _ in params)
    assert any(location == "path" for _, location, _ in params)


@pytest.mark.parametrize("role", ["visitor", "curator"])
def test_hostile_ids_in_the_api_get_a_400_or_a_404(client, db, request, role):
    if role == "curator":
        from rest_framework.authtoken.models import Token

        token, _ = Token.objects.get_or_create(user=request.getfixturevalue("curator"))
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    for path, location, name in api_integer_parameters():
        for hostile in HOSTILE:
            if location == "path":
                url = path.replace("{" + name + "}", hostile)
                for other in ("{id}", "{pk}"):
                    url = url.replace(other, "1")
            else:
                url = path.replace("{id}", "1").replace("{pk}", "1")
                url = f"{url}?{urlencode({name: hostile})}"
            response = client.get(url)
            assert response.status_code in (200, 400, 401, 403, 404), (
                f"GET {url} as {role}: {response.status_code}"
            )
