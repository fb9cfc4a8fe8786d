"""The pages checked by axe-core, in French and in English. Add a page with one line.

`A11yPage(url name, role, kwargs=..., needs=..., submit_empty=...)`:
- role: the fixture of the signed-in person (tests/conftest.py), None for a visitor;
- kwargs: builds the URL's kwargs from fixtures, `lambda fx: {"slug": fx("city_a").slug}`;
- needs: fixtures that put content on the page (a notification, a pending request…);
- submit_empty: submit the page's form with its text fields emptied and check the page in its
  error state (the error summary must appear);
- query: a query string for the URL (a catalogue with its filters applied).
Aim for every page a person reaches; the issue asks for at least 12 key pages across the apps.
"""

from collections.abc import Callable
from dataclasses import dataclass

from tests.curation import objects as curation
from tests.pilots import objects as pilots
from tests.security import challenge_objects as challenges
from tests.security import matrix_solutions as solutions

Fixtures = Callable[[str], object]  # request.getfixturevalue


def _no_kwargs(fx: Fixtures) -> dict:
    return {}


@dataclass(frozen=True)
class A11yPage:
    name: str
    role: str | None = None
    kwargs: Callable[[Fixtures], dict] = _no_kwargs
    needs: tuple[str, ...] = ()
    submit_empty: bool = False
    label: str = ""
    query: str = ""

    @property
    def id(self) -> str:
        parts = [
            self.name,
            self.role or "visitor",
            self.label,
            "errors" if self.submit_empty else "",
        ]
        return "-".join(p for p in parts if p)


def city_a_slug(fx: Fixtures) -> dict:
    return {"slug": fx("city_a").slug}


PAGES = [
    # partners: accounts
    A11yPage("home"),
    A11yPage("partners:signup", submit_empty=True),
    A11yPage("partners:login", submit_empty=True),
    A11yPage("partners:password_reset", submit_empty=True),
    A11yPage("partners:password_reset_done"),
    A11yPage(
        "partners:password_reset_confirm",
        kwargs=lambda fx: fx("reset_link_a"),
        submit_empty=True,
    ),
    A11yPage(
        "partners:password_reset_confirm",
        kwargs=lambda fx: {"uidb64": "MQ", "token": "x-y"},
        label="expired",
    ),
    A11yPage("partners:password_reset_complete"),
    A11yPage("partners:profile", "innovator_a"),
    A11yPage(
        "partners:dashboard",
        "city_a_staff",
        needs=("join_request_city_a", "notification_a"),
    ),
    A11yPage("partners:dashboard", "unverified_user"),
    A11yPage("partners:notifications", "innovator_a", needs=("notification_a",)),
    A11yPage("partners:unsubscribe", kwargs=lambda fx: {"token": fx("unsubscribe_token_a")}),
    # partners: organisations and curation
    A11yPage("partners:organization_list", needs=("city_a", "innovator_a_org")),
    A11yPage("partners:organization_detail", "innovator_b", kwargs=city_a_slug),
    A11yPage(
        "partners:organization_edit",
        "city_a_staff",
        kwargs=city_a_slug,
        submit_empty=True,
    ),
    A11yPage(
        "partners:organization_members",
        "city_a_staff",
        kwargs=city_a_slug,
        needs=("join_request_city_a",),
    ),
    A11yPage("partners:curation_organizations", "curator", needs=("pending_organization",)),
]

# solutions: curator workspace, introductions and evaluation (objects: tests/curation/objects.py)
PAGES += [
    A11yPage("solutions:curation_workspace", "curator", kwargs=curation.workspace),
    A11yPage("solutions:curation_challenge", "curator", kwargs=curation.workspace_challenge),
    A11yPage(
        "solutions:introduction_detail",
        "innovator_a",
        kwargs=lambda fx: {"pk": curation.introduced(fx).pk},
        label="to-answer",
    ),
    A11yPage(
        "solutions:introduction_detail",
        "city_a_staff",
        kwargs=lambda fx: {"pk": curation.discussed(fx).pk},
        label="discussion",
    ),
    A11yPage(
        "solutions:evaluation_grid",
        "city_a_staff",
        kwargs=lambda fx: {"challenge_pk": curation.grid(fx).challenge_id},
    ),
    A11yPage(
        "solutions:evaluation_summary",
        "city_a_staff",
        kwargs=lambda fx: {"challenge_pk": curation.scored_grid(fx).challenge_id},
    ),
    A11yPage(
        "solutions:evaluation_sheet",
        "curator",
        kwargs=lambda fx: {
            "challenge_pk": curation.grid(fx).challenge_id,
            "match_pk": curation.match(fx, "Curation évaluée", "shortlisted").pk,
        },
        submit_empty=True,
    ),
]

# solutions: pilots, case studies, impact dashboard (objects: tests/pilots/objects.py)
PAGES += [
    A11yPage("solutions:pilot_list", "curator", kwargs=lambda fx: pilots.pilot(fx) and {}),
    A11yPage(
        "solutions:pilot_detail",
        "city_a_staff",
        kwargs=lambda fx: {"pk": pilots.an_indicator(fx).pilot_id},
    ),
    A11yPage(
        "solutions:pilot_start",
        "curator",
        kwargs=lambda fx: {"match_pk": pilots.start_match(fx).pk},
    ),
    A11yPage(
        "solutions:pilot_indicator_add",
        "city_a_staff",
        kwargs=lambda fx: {"pk": pilots.pilot(fx).pk},
        submit_empty=True,
    ),
    A11yPage(
        "solutions:case_study_create",
        "curator",
        kwargs=lambda fx: {"pk": pilots.completed(fx).pk},
        submit_empty=True,
    ),
    A11yPage("solutions:case_study_list", kwargs=lambda fx: pilots.published_study(fx) and {}),
    A11yPage(
        "solutions:case_study_detail", kwargs=lambda fx: {"pk": pilots.published_study(fx).pk}
    ),
    A11yPage(
        "solutions:case_study_copy",
        "city_b_staff",
        kwargs=lambda fx: {"pk": pilots.published_study(fx).pk},
    ),
    A11yPage("solutions:impact_dashboard", kwargs=lambda fx: pilots.completed(fx) and {}),
    A11yPage(
        "solutions:impact_dashboard",
        "curator",
        kwargs=lambda fx: pilots.completed(fx) and {},
        label="curation",
    ),
    A11yPage("solutions:impact_api_token", "curator"),
]

# challenges: catalogue, pages of a challenge, the city's and the curators' lists
# (objects: tests/security/matrix_challenges.py, all of city A)
PAGES += [
    A11yPage(
        "challenges:list",
        kwargs=lambda fx: challenges.question(fx) and {},
        query="q=stationnement&domain=mobility&open=on&sort=relevance",
        label="filtered",
    ),
    A11yPage(
        "challenges:detail",
        kwargs=lambda fx: {"pk": challenges.discussed(fx).pk},
        label="published",
    ),
    A11yPage(
        "challenges:detail",
        "city_a_staff",
        kwargs=lambda fx: {"pk": challenges.discussed(fx).pk},
        label="owner",
    ),
    A11yPage("challenges:create", "city_a_staff", submit_empty=True),
    A11yPage(
        "challenges:edit",
        "city_a_staff",
        kwargs=lambda fx: {"pk": challenges.attachment(fx, "draft").challenge_id},
        submit_empty=True,
    ),
    A11yPage(
        "challenges:mine", "city_a_staff", kwargs=lambda fx: challenges.pk_of("draft")(fx) and {}
    ),
    A11yPage(
        "challenges:review_queue",
        "curator",
        kwargs=lambda fx: challenges.pk_of("submitted")(fx) and {},
    ),
]

# solutions: catalogue, a solution, its form and the proposal form in their error state, the
# innovator's and the city's lists (objects: tests/security/matrix_solutions.py)
PAGES += [
    A11yPage(
        "solutions:catalogue",
        kwargs=lambda fx: solutions.solution(fx) and {},
        query="q=capteurs&domain=mobility",
        label="filtered",
    ),
    A11yPage("solutions:detail", kwargs=lambda fx: {"pk": solutions.attachment(fx).solution_id}),
    A11yPage(
        "solutions:create",
        "innovator_a",
        kwargs=lambda fx: {"slug": fx("innovator_a_org").slug},
        submit_empty=True,
    ),
    A11yPage(
        "solutions:propose",
        "innovator_a",
        kwargs=lambda fx: {"challenge_pk": solutions.solution(fx) and solutions.challenge(fx).pk},
        submit_empty=True,
    ),
    A11yPage("solutions:mine", "innovator_a", kwargs=lambda fx: solutions.solution(fx) and {}),
    A11yPage(
        "solutions:my_proposals", "innovator_a", kwargs=lambda fx: solutions.proposal(fx) and {}
    ),
    A11yPage(
        "solutions:proposal_detail",
        "city_a_staff",
        kwargs=lambda fx: {"pk": solutions.proposal(fx).pk},
    ),
    A11yPage(
        "solutions:challenge_matches",
        "city_a_staff",
        kwargs=lambda fx: {"challenge_pk": solutions.proposal(fx).challenge_id},
    ),
    A11yPage(
        "partners:dashboard",
        "innovator_a",
        kwargs=lambda fx: solutions.proposal(fx) and {},
        label="solutions",
    ),
]
