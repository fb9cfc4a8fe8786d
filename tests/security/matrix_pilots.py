"""Permission matrix of pilot projects, case studies, the impact dashboard and the API.

Objects belong to city A and innovator A (tests/pilots/objects.py), built on demand and reused
within one test. Pilots are a working space: the pilot's city and curators run them, the
innovator reads them, anybody else gets 404. The API answers 401 to a visitor and 403 to a
signed-in non-curator on the curator endpoints; all of it is read-only.
"""

from tests.pilots import objects as o

from .matrix import LOGIN, Entry, everyone, roles, writes

MANAGERS = roles(404, visitor=LOGIN, city_a_staff=200, curator=200)
MANAGERS_WRITE = roles(404, visitor=LOGIN, city_a_staff=writes(302), curator=writes(302))
VIEWERS = roles(404, visitor=LOGIN, innovator_a=200, city_a_staff=200, curator=200)
POST_ONLY = roles(405, visitor=LOGIN)
CURATORS = roles(403, visitor=LOGIN, curator=200)
CURATOR_WRITES = roles(403, visitor=LOGIN, curator=writes(302))
CURATOR_POST_ONLY = roles(403, visitor=LOGIN, curator=405)
API_CURATORS = roles(403, visitor=401, curator=200)


def pilot_kwargs(fx) -> dict:
    return {"pk": o.pilot(fx).pk}


def indicator_kwargs(fx) -> dict:
    return {"pk": o.pilot(fx).pk, "indicator_pk": o.an_indicator(fx).pk}


def milestone_kwargs(fx) -> dict:
    return {"pk": o.pilot(fx).pk, "milestone_pk": o.a_milestone(fx).pk}


def measurement_kwargs(fx) -> dict:
    return {**indicator_kwargs(fx), "measurement_pk": o.a_measurement(fx).pk}


ENTRIES = [
    Entry("solutions:pilot_list", get=roles(200, visitor=LOGIN)),
    Entry("solutions:pilot_export", get=CURATORS),
    Entry("solutions:pilot_indicators_export", get=CURATORS),
    Entry(
        "solutions:pilot_start",
        kwargs=lambda fx: {"match_pk": o.start_match(fx).pk},
        get=MANAGERS,
        post=MANAGERS_WRITE,
        data=lambda fx: {"city": fx("city_a").pk, "currency": "CAD"},
    ),
    Entry("solutions:pilot_detail", kwargs=pilot_kwargs, get=VIEWERS),
    Entry(
        "solutions:pilot_edit",
        kwargs=pilot_kwargs,
        get=MANAGERS,
        post=MANAGERS_WRITE,
        data=lambda fx: {"title": "Nouveau titre", "currency": "CAD"},
    ),
    Entry(
        "solutions:pilot_transition",
        kwargs=lambda fx: {"pk": o.pilot(fx).pk, "to": "running"},
        get=MANAGERS,
        post=MANAGERS_WRITE,
    ),
    Entry(
        "solutions:pilot_milestone_add",
        kwargs=pilot_kwargs,
        get=MANAGERS,
        post=MANAGERS_WRITE,
        data=lambda fx: {"title": "Formation", "progress": "10"},
    ),
    Entry(
        "solutions:pilot_milestone_edit",
        kwargs=milestone_kwargs,
        get=MANAGERS,
        post=MANAGERS_WRITE,
        data=lambda fx: {"title": "Installation", "progress": "60"},
    ),
    Entry(
        "solutions:pilot_milestone_delete",
        kwargs=milestone_kwargs,
        get=POST_ONLY,
        post=MANAGERS_WRITE,
    ),
    Entry(
        "solutions:pilot_indicator_add",
        kwargs=pilot_kwargs,
        get=MANAGERS,
        post=MANAGERS_WRITE,
        data=lambda fx: o.INDICATOR_DATA,
    ),
    Entry(
        "solutions:pilot_indicator_edit",
        kwargs=indicator_kwargs,
        get=MANAGERS,
        post=MANAGERS_WRITE,
        data=lambda fx: o.INDICATOR_DATA,
    ),
    Entry(
        "solutions:pilot_indicator_delete",
        kwargs=indicator_kwargs,
        get=POST_ONLY,
        post=MANAGERS_WRITE,
    ),
    Entry(
        "solutions:pilot_evidence",
        kwargs=indicator_kwargs,
        get=CURATOR_POST_ONLY,
        post=CURATOR_WRITES,
        data=lambda fx: {"level": "verified"},
    ),
    Entry(
        "solutions:pilot_measurement_add",
        kwargs=indicator_kwargs,
        get=MANAGERS,
        post=MANAGERS_WRITE,
        data=lambda fx: o.MEASUREMENT_DATA,
    ),
    Entry(
        "solutions:pilot_measurement_delete",
        kwargs=measurement_kwargs,
        get=POST_ONLY,
        post=MANAGERS_WRITE,
    ),
    Entry(
        "solutions:case_study_create",
        kwargs=lambda fx: {"pk": o.completed(fx).pk},
        get=CURATORS,
        post=CURATOR_WRITES,
        data=lambda fx: o.CASE_STUDY_DATA,
    ),
    Entry("solutions:case_study_list", get=everyone(200), needs=()),
    Entry(
        "solutions:case_study_detail",
        label="published",
        kwargs=lambda fx: {"pk": o.published_study(fx).pk},
        get=everyone(200),
    ),
    Entry(
        "solutions:case_study_detail",
        label="draft",
        kwargs=lambda fx: {"pk": o.draft_study(fx).pk},
        get=roles(404, curator=200),
    ),
    Entry(
        "solutions:case_study_edit",
        kwargs=lambda fx: {"pk": o.draft_study(fx).pk},
        get=CURATORS,
        post=CURATOR_WRITES,
        data=lambda fx: o.CASE_STUDY_DATA,
    ),
    Entry(
        "solutions:case_study_publish",
        kwargs=lambda fx: {"pk": o.draft_study(fx).pk},
        get=CURATOR_POST_ONLY,
        post=CURATOR_WRITES,
    ),
    Entry(
        "solutions:case_study_copy",
        kwargs=lambda fx: {"pk": o.published_study(fx).pk},
        # A curator is no city's staff; city A's staff may not copy into city B.
        get=roles(404, visitor=LOGIN, city_a_staff=200, city_b_staff=200),
        post=roles(404, visitor=LOGIN, city_a_staff=200, city_b_staff=writes(302)),
        data=lambda fx: {"city": fx("city_b").pk},
    ),
    Entry("solutions:impact_dashboard", get=everyone(200)),
    Entry(
        "solutions:impact_api_token",
        get=CURATORS,
        post=CURATOR_WRITES,
        data=lambda fx: {"action": "create"},
    ),
    # The API: read-only (405 on POST for whoever may read, else 401/403).
    Entry("api:schema", get=everyone(200)),
    Entry("api:challenge-list", get=everyone(200)),
    Entry(
        "api:challenge-detail",
        kwargs=lambda fx: {"pk": o.published_study(fx).pilot.challenge_id},
        get=everyone(200),
    ),
    Entry("api:solution-list", get=everyone(200)),
    Entry(
        "api:solution-detail",
        kwargs=lambda fx: {"pk": o.pilot(fx).solution_id},
        get=everyone(200),
    ),
    Entry("api:organization-list", get=everyone(200)),
    Entry("api:organization-detail", kwargs=lambda fx: {"pk": fx("city_a").pk}, get=everyone(200)),
    Entry("api:case-study-list", get=everyone(200)),
    Entry(
        "api:case-study-detail",
        kwargs=lambda fx: {"pk": o.published_study(fx).pk},
        get=everyone(200),
    ),
    Entry("api:match-list", get=API_CURATORS),
    Entry("api:match-detail", kwargs=lambda fx: {"pk": o.pilot(fx).match_id}, get=API_CURATORS),
    Entry("api:pilot-list", get=API_CURATORS),
    Entry("api:pilot-detail", kwargs=pilot_kwargs, get=API_CURATORS),
]
