"""Hostile text typed into every free-text field of challenges and solutions is shown escaped.

The method of `test_xss.py` (partners), for the catalogue: each payload goes in through the
forms, typed by the person who may type it (city staff, curator, innovator, a subscriber), then
every page, fragment, feed and HTML e-mail that shows it is read by each role that can see it.
The raw payload must be absent, its escaped form present (so that a page list that misses the
field fails) and no page may carry an injected script, event handler or `javascript:` link.

The fields are read from the form classes and filter sets themselves: a new free-text field (or
file field: its name is typed too) fails the main test until the scenario below types it in, or
`EXCLUDED` gives the reason it is not.
"""

import csv
import importlib
import io
from datetime import timedelta
from urllib.parse import unquote_plus, urlencode
from xml.etree import ElementTree

import django_filters
import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from challenges.filters import ChallengeFilter
from challenges.forms import (
    AnswerForm,
    AttachmentForm,
    ChallengeForm,
    QuestionForm,
    TransitionForm,
    UpdateForm,
)
from challenges.models import Challenge, Domain
from partners.delivery import notification_digest_deliver
from partners.models import Notification
from solutions.alerts.forms import SubscriptionForm
from solutions.catalogue import forms as catalogue_forms
from solutions.catalogue.filters import SolutionFilter
from solutions.catalogue.forms import SolutionForm
from solutions.curation import forms as curation_forms
from solutions.importer import forms as importer_forms
from solutions.models import Match, Solution, SolutionImport
from solutions.proposals import forms as proposals_forms
from tests.solutions.helpers import PDF, PNG, open_challenge

from .xss_helpers import assert_escaped, injected_markup, ok

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
# A URL field takes neither payload, but takes this one (no space, http scheme).
HOSTILE_URL = 'https://evil.test/"><script>alert(2)</script>'
# A file's name: a browser sends neither a quote nor a slash in it, so no payload survives the
# upload whole; this does (and is not part of a payload, so that it is looked for on its own).
HOSTILE_FILE = "<svg onload=alert(3)>"
P, URL, FILE = "payload", "url", "file"

# Where the forms and filter sets of challenges and solutions live.
FORM_MODULES = (
    "challenges.forms",
    "challenges.filters",
    "solutions.catalogue.forms",
    "solutions.catalogue.filters",
    "solutions.proposals.forms",
    "solutions.importer.forms",
    "solutions.curation.forms",
    "solutions.evaluations.forms",
    "solutions.alerts.forms",
)
# Free-text fields not typed in here, with the reason. Pilots and case studies (solutions.
# pilots, case_studies and impact forms) are tests/pilots/test_escaping.py's, partners' forms are test_xss.py's.
EVALUATION = (
    "evaluation: tests/curation/test_escaping.py types it in and reads the grid, the board, "
    "the evaluation sheet and the summary"
)
EXCLUDED = {
    ("GridForm", "instructions"): EVALUATION,
    ("CriterionForm", "label"): EVALUATION,
    ("CriterionForm", "description"): EVALUATION,
    ("SheetForm", "conflict_details"): (
        "shown only to the evaluator who typed it, in the evaluation sheet's own textarea; "
        + EVALUATION
    ),
    # SheetForm.notes is added in __init__ (not a base field): the same test types it in.
}


def free_text_fields() -> set[tuple[str, str]]:
    """(form or filter set, field) for every text and file field of `FORM_MODULES`."""
    found = set()
    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for name, cls in vars(module).items():
            if not isinstance(cls, type) or cls.__module__ != module_name:
                continue
            if issubclass(cls, forms.BaseForm):
                found |= {
                    (name, field)
                    for field, form_field in cls.base_fields.items()
                    if isinstance(form_field, forms.CharField | forms.FileField)
                }
            elif issubclass(cls, django_filters.FilterSet):
                found |= {
                    (name, field)
                    for field, item in cls.base_filters.items()
                    if isinstance(item, django_filters.CharFilter)
                }
    return found


def test_the_exclusions_name_real_fields_with_a_reason():
    fields = free_text_fields()
    assert ("ChallengeForm", "description") in fields  # the discovery works
    for key, reason in EXCLUDED.items():
        assert key in fields, f"{key} is excluded but no longer exists"
        assert len(reason) > 20


class Scenario:
    """One client playing each role in turn; remembers the fields it typed the payload into."""

    def __init__(self, client, payload: str, capture):
        self.client = client
        # Each request runs its on-commit work (matching, e-mails) as the portal would.
        self.capture = capture
        self.hostile = {P: payload, URL: HOSTILE_URL, FILE: HOSTILE_FILE}
        self.fields = free_text_fields()
        self.typed: set[tuple[str, str]] = set()
        # Pages read on the way, in a state that does not last: (where, html, what it shows).
        self.snapshots: list[tuple[str, str, tuple[str, ...]]] = []

    def as_(self, user) -> None:
        self.client.logout()
        if user is not None:
            self.client.force_login(user)

    def _record(self, data: dict, form_classes) -> None:
        for key, value in data.items():
            text = getattr(value, "name", value)
            values = list(text) if isinstance(text, list) else [text]
            values += [unquote_plus(str(v)) for v in values]  # a query string in a field
            if not any(h in str(v) for v in values for h in self.hostile.values()):
                continue
            field = key.split("-")[-1]  # a formset's "ref-0-name" is the form's "name"
            self.typed |= {(cls.__name__, field) for cls in form_classes} & self.fields

    def post(self, user, url: str, data: dict, *, forms=(), status: int = 302):
        self.as_(user)
        self._record(data, forms)
        with self.capture(execute=True):
            response = self.client.post(url, data)
        return ok(response, status)

    def get(self, user, url: str, data: dict | None = None, *, forms=()) -> str:
        self.as_(user)
        self._record(data or {}, forms)
        return ok(self.client.get(url, data or {})).content.decode()

    def snapshot(self, where: str, user, url: str, shows=(P,), data=None, forms=()) -> None:
        self.snapshots.append((where, self.get(user, url, data, forms=forms), shows))


def upload(extension: str, content: bytes, content_type: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(f"{HOSTILE_FILE}.{extension}", content, content_type=content_type)


def csv_file(rows: list[list[str]]) -> SimpleUploadedFile:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return SimpleUploadedFile(f"{HOSTILE_FILE}.csv", out.getvalue().encode(), "text/csv")


def solution_form(payload: str, name: str) -> dict:
    return {
        "name": f"{name} {payload}",
        "summary": f"Capteurs dans la chaussée {payload}",
        "description": (
            f"Chaque case de stationnement est équipée d'un capteur magnétique. {payload}"
        ),
        "domains": ["mobility"],
        "tags": f"stationnement, capteurs, {payload}",
        "trl": "8",
        "price_model": "subscription",
        "price_details": payload,
        "regions_served": ["quebec"],
        "languages": ["fr"],
        "language": "fr",
        "website": HOSTILE_URL,
        "ref-TOTAL_FORMS": "1",
        "ref-INITIAL_FORMS": "0",
        "ref-MIN_NUM_FORMS": "0",
        "ref-MAX_NUM_FORMS": "30",
        "ref-0-name": payload,
        "ref-0-year": "2024",
        "ref-0-kind": "deployed",
    }


@pytest.fixture
def hostile(
    request,
    client,
    curator,
    city_a,
    city_a_staff,
    city_b,
    city_b_staff,
    innovator_a_org,
    innovator_a,
    innovator_b,
    django_capture_on_commit_callbacks,
):
    """Everything a hostile person can type into challenges and solutions, typed in."""
    payload = request.param
    s = Scenario(client, payload, django_capture_on_commit_callbacks)
    mobility = Domain.objects.get(slug="mobility")
    # City A drafts the challenge, with two attachments.
    s.post(
        city_a_staff,
        reverse("challenges:create"),
        {
            "title": f"Stationnement intelligent {payload}",
            "summary": f"Capteurs de stationnement {payload}",
            "description": (
                f"Nous cherchons des capteurs de stationnement au centre-ville. {payload}"
            ),
            "owners": [city_a.pk],
            "domains": [mobility.pk],
            "tags_text": f"stationnement, capteurs, {payload}",
            "gain_economic": payload,
            "gain_environmental": payload,
            "gain_social": payload,
            "budget_min": "10000",
            "budget_max": "50000",
            "currency": "CAD",
            "proposals_deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
            "visibility": "public",
            "language": "fr",
            "terms": f"Les idées restent à l'innovateur. {payload}",
            "attachment": upload("pdf", PDF, "application/pdf"),
        },
        forms=[ChallengeForm],
    )
    challenge = Challenge.objects.get(title=f"Stationnement intelligent {payload}")
    pk = {"pk": challenge.pk}
    s.post(
        city_a_staff,
        reverse("challenges:attachment_add", kwargs=pk),
        {"file": upload("pdf", PDF, "application/pdf")},
        forms=[AttachmentForm],
    )
    transition = reverse("challenges:transition", kwargs=pk)

    def move(user, to):
        s.post(user, transition, {"to": to, "comment": payload}, forms=[TransitionForm])

    # Submitted, returned to the city with a comment, submitted again.
    move(city_a_staff, "submitted")
    move(curator, "draft")
    for where, url in [
        ("returned challenge's page", reverse("challenges:detail", kwargs=pk)),
        ("returned challenge's form", reverse("challenges:edit", kwargs=pk)),
        ("city dashboard with a returned challenge", reverse("partners:dashboard")),
    ]:
        s.snapshot(where, city_a_staff, url, shows=(P, FILE) if "form" in where else (P,))
    move(city_a_staff, "submitted")
    s.snapshot("review queue", curator, reverse("challenges:review_queue"))

    # Innovator A's two solutions, published with an image, before the challenge is.
    solutions = []
    for name in ("Capteurs de stationnement", "Stationnement partagé"):
        s.post(
            innovator_a,
            reverse("solutions:create", kwargs={"slug": innovator_a_org.slug}),
            solution_form(payload, name),
            forms=[catalogue_forms.SolutionForm, catalogue_forms.ReferenceForm],
        )
        solution = Solution.objects.get(name=f"{name} {payload}")
        spk = {"pk": solution.pk}
        s.post(innovator_a, reverse("solutions:status", kwargs=spk), {"action": "publish"})
        s.post(
            innovator_a,
            reverse("solutions:attachment_add", kwargs=spk),
            {"file": upload("png", PNG, "image/png")},
            forms=[catalogue_forms.AttachmentForm],
        )
        solutions.append(solution)
    s1, s2 = solutions

    # Innovator B's alerts: one that fits the challenge, one from a catalogue search.
    alerts = reverse("alerts:list")
    s.post(
        innovator_b,
        alerts,
        {
            "name": payload,
            "domains": ["mobility"],
            "regions": f"{payload}, {city_a.region}",
            "keywords": f"{payload}, stationnement",
        },
        forms=[SubscriptionForm],
    )
    query = urlencode({"q": payload})
    s.snapshot("alert from a search", innovator_b, alerts, data={"query": query})
    s.post(innovator_b, alerts, {"query": query}, forms=[SubscriptionForm])

    # Published: the engine suggests both solutions (references in its reasons), the
    # alert fits, and a challenge of city B is its neighbour.
    move(curator, "published")
    with django_capture_on_commit_callbacks(execute=True):
        open_challenge([city_b], title="Stationnement intelligent à Sherbrooke")

    # Questions, answers, updates.
    s.post(innovator_a, reverse("challenges:follow", kwargs=pk), {"action": "follow"})
    s.post(
        innovator_a,
        reverse("challenges:question_ask", kwargs=pk),
        {"text": payload},
        forms=[QuestionForm],
    )
    question = challenge.questions.get()
    s.post(
        city_a_staff,
        reverse("challenges:question_answer", kwargs={**pk, "question_pk": question.pk}),
        {"answer": payload},
        forms=[AnswerForm],
    )
    s.post(
        city_a_staff,
        reverse("challenges:update_post", kwargs=pk),
        {"text": payload},
        forms=[UpdateForm],
    )

    # Innovator A proposes the first solution, then edits the proposal.
    propose = reverse("solutions:propose", kwargs={"challenge_pk": challenge.pk})
    s.snapshot("proposal form", innovator_a, propose)
    pitch = {
        "pitch": payload,
        "fit": payload,
        "cost_min": "1000",
        "cost_max": "2000",
        "currency": "CAD",  # one of a list (tests/solutions/test_proposals.py)
        "timeline": payload,
        "references": payload,
    }
    s.post(
        innovator_a,
        propose,
        {
            **pitch,
            "solution": s1.pk,
            "accept_terms": "on",
            "attachment": upload("pdf", PDF, "application/pdf"),
        },
        forms=[proposals_forms.ProposalForm],
    )
    proposal = Match.objects.get(challenge=challenge, solution=s1)
    assert proposal.status == Match.Status.PROPOSED
    edit = reverse("solutions:proposal_edit", kwargs={"pk": proposal.pk})
    s.snapshot("proposal's edit form", innovator_a, edit, shows=(P, FILE))
    s.post(innovator_a, edit, pitch, forms=[proposals_forms.ProposalForm])

    # The curator shortlists it and introduces both sides, who accept and talk.
    mpk = {"pk": proposal.pk}
    s.post(curator, reverse("solutions:curation_match_shortlist", kwargs=mpk), {})
    s.post(
        curator,
        reverse("solutions:curation_match_introduce", kwargs=mpk),
        {"message": payload},
        forms=[curation_forms.IntroduceForm],
    )
    for user in (city_a_staff, innovator_a):
        s.post(
            user,
            reverse("solutions:introduction_accept", kwargs=mpk),
            {"contact": payload},
            forms=[curation_forms.AcceptIntroductionForm],
        )
    s.post(
        city_a_staff,
        reverse("solutions:introduction_message_post", kwargs=mpk),
        {"body": payload},
        forms=[curation_forms.MessageForm],
    )

    # The curator adds the second solution by hand with a note; the innovator refuses the
    # introduction, then the curator declines the match.
    curation_page = reverse("solutions:curation_challenge", kwargs={"challenge_pk": challenge.pk})
    s.snapshot(
        "curation search",
        curator,
        curation_page,
        data={"q": payload},
        forms=[curation_forms.CatalogueSearchForm],
    )
    s.post(
        curator,
        reverse("solutions:curation_match_add", kwargs={"challenge_pk": challenge.pk}),
        {"solution": s2.pk, "note": payload},
        forms=[curation_forms.AddMatchForm],
    )
    second = Match.objects.get(challenge=challenge, solution=s2)
    assert second.status == Match.Status.SHORTLISTED
    m2pk = {"pk": second.pk}
    s.post(
        curator,
        reverse("solutions:curation_match_introduce", kwargs=m2pk),
        {"message": payload},
        forms=[curation_forms.IntroduceForm],
    )
    s.post(
        innovator_a,
        reverse("solutions:introduction_refuse", kwargs=m2pk),
        {"reason": payload},
        forms=[curation_forms.RefuseIntroductionForm],
    )
    s.snapshot(
        "refused introduction, for the curator",
        curator,
        reverse("solutions:introduction_detail", kwargs=m2pk),
    )
    s.post(
        curator,
        reverse("solutions:curation_match_decline", kwargs=m2pk),
        {"reason": payload},
        forms=[curation_forms.DeclineForm],
    )

    # The curators' CSV import: a file with an error in each column, a bad header.
    s.post(
        curator,
        reverse("solutions:import_upload"),
        {
            "file": csv_file(
                [
                    ["external_id", "organization", "name", "description", "domains"],
                    ["x-1", payload, payload, payload, payload],
                ]
            )
        },
        forms=[importer_forms.CsvUploadForm],
    )
    upload_pk = SolutionImport.objects.get().pk
    s.snapshot(
        "CSV import preview",
        curator,
        reverse("solutions:import_preview", kwargs={"pk": upload_pk}),
        shows=(P, FILE),
    )
    refused = s.post(
        curator,
        reverse("solutions:import_upload"),
        {"file": csv_file([["external_id", payload], ["x-2", "y"]])},
        status=200,
    )
    s.snapshots.append(("CSV with a bad header", refused.content.decode(), (P, FILE)))

    # Searches typed into the catalogues (stored nowhere, shown back on the page).
    s.snapshot(
        "challenge catalogue, hostile search",
        None,
        reverse("challenges:list"),
        data={
            "q": payload,
            "region": payload,
            "city": payload,
            "domain": payload,
            "status": payload,
            "language": payload,
            "currency": payload,
            "sort": payload,
            "budget_min": payload,
        },
        forms=[ChallengeFilter],
    )
    s.snapshot(
        "solution catalogue, hostile search",
        None,
        reverse("solutions:catalogue"),
        data={"q": payload, "domain": payload, "trl": payload, "region": payload, "like": payload},
        forms=[SolutionFilter],
    )
    s.snapshot(
        "curation workspace, hostile search",
        curator,
        reverse("solutions:curation_workspace"),
        data={"q": payload},
        forms=[curation_forms.WorkspaceFilterForm],
    )
    s.as_(None)

    # Every form took what was typed (some views redirect the same way when they refuse one).
    F = HOSTILE_FILE
    assert [a.name for a in challenge.attachments.all()] == [f"{F}.pdf", f"{F}.pdf"]
    assert [c.comment for c in challenge.history.all()] == ["", *[payload] * 4]  # created, moves
    assert challenge.questions.get().answer == payload
    assert challenge.updates.get().text == payload
    for solution in (s1, s2):
        solution.refresh_from_db()
        assert solution.is_published and solution.attachments.get().name == f"{F}.png"
        assert solution.references.get().name == payload
    proposal.refresh_from_db()
    second.refresh_from_db()
    assert proposal.attachment_name == f"{F}.pdf"
    assert any(payload in reason for reason in proposal.reasons)  # the reference's place
    assert payload in second.reasons and second.decline_reason == payload
    accepted, refused_introduction = proposal.introductions.get(), second.introductions.get()
    assert accepted.city_contact == accepted.innovator_contact == payload
    assert proposal.messages.get().body == payload
    assert refused_introduction.refusal_reason == payload
    assert sorted(a.name for a in innovator_b.subscriptions.all()) == [payload, payload]
    return {
        "scenario": s,
        "challenge": challenge,
        "neighbour": Challenge.objects.get(title="Stationnement intelligent à Sherbrooke"),
        "s1": s1,
        "s2": s2,
        "proposal": proposal,
        "declined": second,
    }


@pytest.mark.parametrize("hostile", PAYLOADS, indirect=True, ids=["script", "attribute"])
def test_hostile_text_is_escaped_on_every_page_that_shows_it(
    client,
    hostile,
    curator,
    city_a,
    city_a_staff,
    city_b_staff,
    innovator_a_org,
    innovator_a,
    innovator_b,
    mailoutbox,
):
    s = hostile["scenario"]
    payload = s.hostile[P]
    challenge, s1, s2 = hostile["challenge"], hostile["s1"], hostile["s2"]
    proposal, declined = hostile["proposal"], hostile["declined"]
    assert s.typed == free_text_fields() - set(EXCLUDED), "fields typed in ≠ fields of the forms"

    pk = {"pk": challenge.pk}
    cpk = {"challenge_pk": challenge.pk}
    word = {"q": "stationnement"}
    pages = [
        # (who reads, URL, query, what it shows)
        (None, reverse("home"), None, (P,)),
        (None, reverse("challenges:list"), word, (P,)),
        (None, reverse("challenges:detail", kwargs=pk), None, (P, FILE)),
        (None, reverse("challenges:similar"), {"title": "Stationnement intelligent"}, (P,)),
        (None, reverse("solutions:catalogue"), None, (P,)),
        (None, reverse("solutions:catalogue"), word, (P,)),
        (None, reverse("solutions:detail", kwargs={"pk": s1.pk}), None, (P, URL, FILE)),
        (None, reverse("solutions:detail", kwargs={"pk": s2.pk}), None, (P, URL, FILE)),
        (None, reverse("partners:organization_detail", kwargs={"slug": city_a.slug}), None, (P,)),
        (
            None,
            reverse("partners:organization_detail", kwargs={"slug": innovator_a_org.slug}),
            None,
            (P,),
        ),
        (
            city_b_staff,
            reverse("challenges:detail", kwargs={"pk": hostile["neighbour"].pk}),
            None,
            (P,),
        ),
        (innovator_a, reverse("partners:dashboard"), None, (P,)),
        (innovator_a, reverse("partners:notifications"), None, (P,)),
        (innovator_a, reverse("challenges:detail", kwargs=pk), None, (P, FILE)),
        (innovator_a, reverse("solutions:mine"), None, (P,)),
        (innovator_a, reverse("solutions:detail", kwargs={"pk": s1.pk}), None, (P, URL, FILE)),
        (innovator_a, reverse("solutions:edit", kwargs={"pk": s1.pk}), None, (P, URL)),
        (innovator_a, reverse("solutions:my_proposals"), None, (P,)),
        (
            innovator_a,
            reverse("solutions:proposal_detail", kwargs={"pk": proposal.pk}),
            None,
            (P, FILE),
        ),
        (innovator_a, reverse("solutions:proposal_detail", kwargs={"pk": declined.pk}), None, (P,)),
        (
            innovator_a,
            reverse("solutions:introduction_detail", kwargs={"pk": proposal.pk}),
            None,
            (P,),
        ),
        (innovator_a, reverse("solutions:choose_challenge", kwargs={"pk": s1.pk}), word, (P,)),
        (
            innovator_a,
            reverse("solutions:choose_challenge", kwargs={"pk": s1.pk}),
            {"q": payload},
            (P,),
        ),
        (innovator_b, reverse("alerts:list"), None, (P,)),
        (innovator_b, reverse("partners:notifications"), None, (P,)),
        (city_a_staff, reverse("partners:dashboard"), None, (P,)),
        (city_a_staff, reverse("partners:notifications"), None, (P,)),
        (city_a_staff, reverse("challenges:mine"), None, (P,)),
        (city_a_staff, reverse("challenges:detail", kwargs=pk), None, (P, FILE)),
        (city_a_staff, reverse("challenges:edit", kwargs=pk), None, (P, FILE)),
        (city_a_staff, reverse("solutions:challenge_matches", kwargs=cpk), None, (P,)),
        (
            city_a_staff,
            reverse("solutions:proposal_detail", kwargs={"pk": proposal.pk}),
            None,
            (P, FILE),
        ),
        (
            city_a_staff,
            reverse("solutions:introduction_detail", kwargs={"pk": proposal.pk}),
            None,
            (P,),
        ),
        (curator, reverse("partners:dashboard"), None, ()),  # counts and links only
        (curator, reverse("partners:notifications"), None, (P,)),
        (curator, reverse("challenges:detail", kwargs=pk), None, (P, FILE)),
        (curator, reverse("solutions:curation_workspace"), None, (P,)),
        (curator, reverse("solutions:curation_challenge", kwargs=cpk), None, (P,)),
        (curator, reverse("solutions:curation_challenge", kwargs=cpk), word, (P,)),
        (curator, reverse("solutions:proposal_detail", kwargs={"pk": declined.pk}), None, (P,)),
        (
            curator,
            reverse("solutions:introduction_detail", kwargs={"pk": proposal.pk}),
            None,
            (P,),
        ),
        (curator, reverse("solutions:import_upload"), None, (FILE,)),
    ]
    reads = [
        (
            f"{url}?{urlencode(query or {})} for {reader.email if reader else 'a visitor'}",
            reader,
            url,
            query,
            shows,
        )
        for reader, url, query, shows in pages
    ]
    seen = list(s.snapshots)
    for where, reader, url, query, shows in reads:
        seen.append((where, s.get(reader, url, query), shows))
    for where, html, shows in seen:
        for key, text in s.hostile.items():
            assert_escaped(html, text, f"{where} ({key})", shown=key in shows)

    # The Atom feeds: a summary is HTML (type="html"), a title is text.
    s.as_(None)
    for url in (
        reverse("challenges:feed"),
        reverse("challenges:domain_feed", kwargs={"slug": "mobility"}),
    ):
        xml = ok(client.get(url)).content.decode()
        assert payload not in xml, f"{url} carries the payload as markup"
        ns = {"atom": "http://www.w3.org/2005/Atom"}
        entries = ElementTree.fromstring(xml).findall("atom:entry", ns)
        ours = [e for e in entries if payload in e.findtext("atom:title", "", ns)]
        assert ours, f"{url} does not list the challenge"
        summary = ours[0].find("atom:summary", ns)
        assert summary.get("type") == "html"
        assert_escaped(summary.text, payload, f"{url} (summary)")

    # The open data API serves JSON only: data, never markup.
    response = ok(client.get(f"/api/v1/challenges/{challenge.pk}/"))
    assert response["Content-Type"] == "application/json"
    assert response.json()["title"] == challenge.title

    # Innovator A withdraws its proposal, the city closes the challenge (its followers are told,
    # with the comment); innovator A's daily digest lists everything that happened.
    s.post(innovator_a, reverse("solutions:proposal_withdraw", kwargs={"pk": proposal.pk}), {})
    s.post(
        city_a_staff,
        reverse("challenges:transition", kwargs=pk),
        {"to": "closed", "comment": payload},
    )
    ids = list(innovator_a.notifications.values_list("pk", flat=True))
    notification_digest_deliver(user_id=innovator_a.pk, ids=ids, frequency="daily")

    sent = set()
    for message in mailoutbox:
        message_id = message.extra_headers["Message-ID"]
        if message_id.startswith("<notification-"):
            template = Notification.objects.get(pk=message_id[14:].split("@")[0]).template
        else:
            template = message_id[1:].split("-")[0]
        sent.add(template)
        html = [body for body, mimetype in message.alternatives if mimetype == "text/html"]
        assert html, f"{template} has no HTML part"
        assert_escaped(html[0], payload, f"HTML e-mail {template} to {message.to[0]}")
    assert sent >= {
        "challenge_submitted",
        "challenge_returned",
        "challenge_published",
        "challenge_status",
        "challenge_question",
        "challenge_answer",
        "challenge_update",
        "match_innovator",
        "match_alert",
        "match_curator",
        "proposal_submitted",
        "proposal_updated",
        "proposal_withdrawn",
        "curation_match_shortlisted",
        "introduction_proposed",
        "introduction_accepted",
        "match_message_posted",
        "introduction_refused",
        "curation_match_declined",
        "digest",
    }, sent


# Markdown fields keep their formatting and lose anything that runs: raw HTML shows as text,
# links keep http(s) and mailto only, images and frames are dropped.
MARKDOWN = """# Titre visible

Du texte **gras** et un [lien sûr](https://example.org/).

<script>alert(1)</script>

<img src=x onerror=alert(2)>

[lien piégé](javascript:alert(3))

[autre lien piégé](JaVaScRiPt&#58;alert(4))

<a href="javascript:alert(5)">lien brut</a>

<javascript:alert(6)>

[référence piégée][piège]

[piège]: javascript:alert(7)

![image piégée](x" onerror="alert(8))

[données](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==)

<iframe src="https://evil.test/"></iframe>

`<script>alert(10)</script>` en code.
"""


def assert_markdown_rendered_safely(html: str, where: str) -> None:
    problems = injected_markup(html)
    assert not problems, f"{where} carries injected markup: {problems}"
    assert "<h3>Titre visible</h3>" in html, f"{where} lost the heading"
    assert "<strong>gras</strong>" in html, f"{where} lost the bold text"
    assert 'href="https://example.org/"' in html, f"{where} lost the safe link"
    assert "lien piégé" in html and "référence piégée" in html, f"{where} lost a link's text"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, f"{where} hides the raw HTML"


def test_markdown_fields_keep_their_formatting_and_lose_what_runs(
    client,
    curator,
    city_a,
    city_a_staff,
    innovator_a_org,
    innovator_a,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    s = Scenario(client, MARKDOWN, django_capture_on_commit_callbacks)
    mobility = Domain.objects.get(slug="mobility")
    s.post(
        city_a_staff,
        reverse("challenges:create"),
        {
            "title": "Stationnement en Markdown",
            "summary": "Un enjeu décrit en Markdown.",
            "description": MARKDOWN,
            "owners": [city_a.pk],
            "domains": [mobility.pk],
            "currency": "CAD",
            "visibility": "public",
            "language": "fr",
            "terms": MARKDOWN,
        },
        forms=[ChallengeForm],
    )
    challenge = Challenge.objects.get(title="Stationnement en Markdown")
    pk = {"pk": challenge.pk}
    transition = reverse("challenges:transition", kwargs=pk)
    s.post(city_a_staff, transition, {"to": "submitted"})
    s.post(curator, transition, {"to": "published"})
    s.post(innovator_a, reverse("challenges:follow", kwargs=pk), {"action": "follow"})
    s.post(
        city_a_staff,
        reverse("challenges:update_post", kwargs=pk),
        {"text": MARKDOWN},
        forms=[UpdateForm],
    )
    s.post(
        innovator_a,
        reverse("solutions:create", kwargs={"slug": innovator_a_org.slug}),
        {
            "name": "Capteurs en Markdown",
            "description": MARKDOWN,
            "language": "fr",
            "ref-TOTAL_FORMS": "0",
            "ref-INITIAL_FORMS": "0",
            "ref-MIN_NUM_FORMS": "0",
            "ref-MAX_NUM_FORMS": "30",
        },
        forms=[SolutionForm],
    )
    solution = Solution.objects.get(name="Capteurs en Markdown")
    s.post(
        innovator_a,
        reverse("solutions:status", kwargs={"pk": solution.pk}),
        {"action": "publish"},
    )
    assert s.typed == {
        ("ChallengeForm", "description"),
        ("ChallengeForm", "terms"),
        ("UpdateForm", "text"),
        ("SolutionForm", "description"),
    }

    detail = s.get(None, reverse("challenges:detail", kwargs=pk))
    assert_markdown_rendered_safely(detail.split('id="description-title"')[1], "description")
    assert_markdown_rendered_safely(detail.split('id="updates-title"')[1], "update")
    propose = s.get(
        innovator_a, reverse("solutions:propose", kwargs={"challenge_pk": challenge.pk})
    )
    assert_markdown_rendered_safely(propose, "the terms on the proposal form")
    page = s.get(innovator_a, reverse("solutions:detail", kwargs={"pk": solution.pk}))
    assert_markdown_rendered_safely(page, "the solution's description")
    updates = [m for m in mailoutbox if m.subject.startswith("Mise à jour")]
    assert len(updates) == 1
    assert_markdown_rendered_safely(updates[0].alternatives[0][0], "the update's e-mail")
