"""Properties of the catalogue validator (pure: no database), checked with hypothesis."""

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solutions.importer.validation import SECTIONS, Known, Problem, validate_catalog

KNOWN = Known(
    domains={"mobility", "water", "energy"},
    organizations={"acme": "innovator", "beta": "innovator", "ville": "city"},
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_.", min_size=1, max_size=24)
line = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), max_codepoint=0x2FFF),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())
paragraph = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), max_codepoint=0x2FFF)
    | st.sampled_from("\n\t"),
    min_size=1,
    max_size=200,
).filter(lambda s: s.strip())


@st.composite
def solution(draw, external_id: str) -> dict:
    record = {
        "external_id": external_id,
        "organization": draw(st.sampled_from(["acme", "beta"])),
        "name": draw(line),
        "description": draw(paragraph),
    }
    optional = {
        "summary": paragraph,
        "trl": st.integers(1, 9),
        "domains": st.lists(st.sampled_from(sorted(KNOWN.domains)), max_size=3),
        "tags": st.lists(line, max_size=5),
        "language": st.sampled_from(["fr", "en"]),
        "status": st.sampled_from(["draft", "published"]),
        "regions_served": st.lists(st.sampled_from(["quebec", "estrie", "occitanie"]), max_size=3),
        "references": st.lists(
            st.fixed_dictionaries(
                {"name": line},
                optional={
                    "year": st.integers(1950, 2100),
                    "kind": st.sampled_from(["deployed", "piloted"]),
                },
            ),
            max_size=3,
        ),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            record[key] = draw(strategy)
    return record


@st.composite
def catalogues(draw) -> dict:
    external_ids = draw(st.lists(ids, min_size=1, max_size=8, unique=True))
    challenges = [
        {
            "external_id": f"c-{i}",
            "organization": "ville",
            "title": draw(line),
            "description": draw(paragraph),
            "budget_min": 10,
            "budget_max": draw(st.integers(10, 10**6)),
        }
        for i in range(draw(st.integers(0, 3)))
    ]
    return {
        "organizations": [{"external_id": "new-city", "name": "Nouvelle ville", "kind": "city"}],
        "challenges": challenges,
        "solutions": [draw(solution(e)) for e in external_ids],
    }


@SETTINGS
@given(catalogues())
def test_a_valid_catalogue_has_no_problem_and_keeps_every_record(data):
    catalog, problems = validate_catalog(data, known=KNOWN)
    assert problems == []
    for section in SECTIONS:
        cleaned = getattr(catalog, section)
        assert [r["external_id"] for r in cleaned] == [r["external_id"] for r in data[section]]


@SETTINGS
@given(catalogues())
def test_cleaning_is_stable(data):
    """Cleaned records validate to themselves: re-importing them changes nothing."""
    catalog, _problems = validate_catalog(data, known=KNOWN)
    again = {
        s: [{k: v for k, v in r.items() if k != "_index"} for r in getattr(catalog, s)]
        for s in SECTIONS
    }
    catalog2, problems = validate_catalog(copy.deepcopy(again), known=KNOWN)
    assert problems == []
    assert [{k: v for k, v in r.items() if k != "_index"} for r in catalog2.solutions] == again[
        "solutions"
    ]


@SETTINGS
@given(catalogues(), st.data(), ids.filter(lambda k: k not in {"name", "trl", "tags"}))
def test_an_unknown_key_is_named_with_its_record(data, pick, key):
    key = f"x_{key}"
    index = pick.draw(st.integers(0, len(data["solutions"]) - 1))
    data["solutions"][index][key] = "?"
    _catalog, problems = validate_catalog(data, known=KNOWN)
    assert problems == [
        Problem("clé inconnue.", "solutions", index, data["solutions"][index]["external_id"], key)
    ]


WRONG_VALUES = {
    "name": st.one_of(
        st.integers(), st.booleans(), st.lists(st.integers(), max_size=2), st.just("")
    ),
    "trl": st.one_of(st.integers(max_value=0), st.integers(min_value=10), st.booleans(), line),
    "tags": st.one_of(line, st.integers(), st.lists(st.integers(), min_size=1, max_size=2)),
    "domains": st.one_of(line, st.lists(st.sampled_from(["transport", "Mobility"]), min_size=1)),
    "organization": st.one_of(st.integers(), st.sampled_from(["ville", "nobody", ""])),
    "language": st.one_of(st.just("de"), st.integers()),
    "description": st.one_of(st.just("  "), st.just("x" * 20001), st.integers()),
    "references": st.one_of(line, st.lists(st.integers(), min_size=1, max_size=2)),
}


@SETTINGS
@given(catalogues(), st.data(), st.sampled_from(sorted(WRONG_VALUES)))
def test_a_wrong_value_is_named_by_record_and_field_and_spares_the_others(data, pick, field):
    index = pick.draw(st.integers(0, len(data["solutions"]) - 1))
    data["solutions"][index][field] = pick.draw(WRONG_VALUES[field])
    catalog, problems = validate_catalog(data, known=KNOWN)
    assert problems, "the wrong value must be refused"
    assert {(p.section, p.index, p.field) for p in problems} == {("solutions", index, field)}
    assert all(p.external_id == data["solutions"][index]["external_id"] for p in problems)


@SETTINGS
@given(catalogues(), st.data())
def test_a_duplicate_external_id_names_the_second_record(data, pick):
    first = pick.draw(st.integers(0, len(data["solutions"]) - 1))
    data["solutions"].append(copy.deepcopy(data["solutions"][first]))
    _catalog, problems = validate_catalog(data, known=KNOWN)
    (problem,) = problems
    assert (problem.section, problem.index, problem.field) == (
        "solutions",
        len(data["solutions"]) - 1,
        "external_id",
    )
    assert f"solutions[{first}]" in problem.message


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        json_values,
        st.dictionaries(st.sampled_from([*SECTIONS, "other"]), json_values, max_size=4),
        st.fixed_dictionaries(
            {
                "solutions": st.lists(
                    st.dictionaries(
                        st.sampled_from(
                            [
                                "external_id",
                                "organization",
                                "name",
                                "description",
                                "trl",
                                "tags",
                                "domains",
                                "references",
                            ]
                        ),
                        json_values,
                    ),
                    max_size=4,
                )
            }
        ),
    )
)
def test_any_json_document_gives_problems_never_an_exception(document):
    catalog, problems = validate_catalog(document, known=KNOWN)
    for problem in problems:
        assert isinstance(problem, Problem) and str(problem)
    if not problems:
        assert all(isinstance(getattr(catalog, s), list) for s in SECTIONS)
