"""Permission matrix of `challenges`. See README.md.

Objects belong to city A (challenge_objects.py), built on demand through the services and reused
within one test, so that `kwargs` and `data` name the same rows. Who may do what
(challenges/access.py):
- a published public challenge is public; a draft only for city A's staff and curators; a
  network-only one for signed-in members of a verified organisation;
- city A's staff and curators edit, move along the lifecycle, answer and post updates; the
  others get 404, so that a draft's existence never shows;
- verified innovators ask questions (403 for a signed-in person who is none);
- the review queue and the CSV export are the curators' (403 for the others).
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.solutions.helpers import PDF

from .challenge_objects import (
    S,
    attachment_kwargs,
    challenge,
    challenge_form,
    network_only,
    pk_of,
    question,
)
from .matrix import LOGIN, Entry, everyone, roles, writes

# City A's staff and curators; the others must not learn that the object exists.
MANAGERS_GET = roles(404, visitor=LOGIN, city_a_staff=200, curator=200)
MANAGERS_WRITE = roles(404, visitor=LOGIN, city_a_staff=writes(302), curator=writes(302))
# POST-only views: signed-in people get 405 before any lookup.
POST_ONLY = roles(405, visitor=LOGIN)
# Pages of city staff (any verified city) and curators; a 403 says nothing secret.
STAFF_GET = roles(403, visitor=LOGIN, city_a_staff=200, city_b_staff=200, curator=200)
CURATORS = roles(403, visitor=LOGIN, curator=200)
# Readers of a draft: its city's staff and curators.
DRAFT_READERS = roles(404, city_a_staff=200, curator=200)

ENTRIES = [
    Entry("home", get=everyone(200)),
    Entry("challenges:list", get=everyone(200)),
    Entry("challenges:feed", get=everyone(200), needs=()),
    Entry("challenges:domain_feed", kwargs=lambda fx: {"slug": "mobility"}, get=everyone(200)),
    Entry("challenges:similar", get=everyone(200)),
    Entry("challenges:mine", get=STAFF_GET),
    Entry("challenges:review_queue", get=CURATORS),
    Entry("challenges:export", get=CURATORS),
    Entry(
        "challenges:create",
        get=STAFF_GET,
        # City B's staff may draft, but not for city A only: the form says so (200, no row).
        post=roles(
            403, visitor=LOGIN, city_a_staff=writes(302), city_b_staff=200, curator=writes(302)
        ),
        data=challenge_form,
    ),
    Entry("challenges:detail", label="published", kwargs=pk_of(), get=everyone(200)),
    Entry("challenges:detail", label="draft", kwargs=pk_of(S.DRAFT), get=DRAFT_READERS),
    Entry(
        "challenges:detail",
        label="network",
        kwargs=lambda fx: {"pk": network_only(fx).pk},
        get=roles(200, visitor=404, unverified_user=404),
    ),
    Entry(
        "challenges:edit",
        label="draft",
        kwargs=pk_of(S.DRAFT),
        get=MANAGERS_GET,
        post=MANAGERS_WRITE,
        data=challenge_form,
    ),
    Entry(
        "challenges:edit",
        label="archived",
        kwargs=pk_of(S.ARCHIVED),
        get=roles(404, visitor=LOGIN),
        post=roles(404, visitor=LOGIN),
        data=challenge_form,
    ),
    Entry(
        "challenges:transition",
        label="submit",
        kwargs=pk_of(S.DRAFT),
        get=POST_ONLY,
        post=MANAGERS_WRITE,
        data=lambda fx: {"to": S.SUBMITTED},
    ),
    Entry(
        "challenges:transition",
        label="publish",
        kwargs=pk_of(S.SUBMITTED),
        get=POST_ONLY,
        # The city may not publish its own challenge: IVÉO reviews it first.
        post=roles(404, visitor=LOGIN, city_a_staff=403, curator=writes(302)),
        data=lambda fx: {"to": S.PUBLISHED},
    ),
    Entry(
        "challenges:follow",
        label="published",
        kwargs=pk_of(),
        get=POST_ONLY,
        post=roles(writes(302), visitor=LOGIN),
    ),
    Entry(
        "challenges:follow",
        label="draft",
        kwargs=pk_of(S.DRAFT),
        get=POST_ONLY,
        post=MANAGERS_WRITE,
    ),
    Entry(
        "challenges:question_ask",
        kwargs=pk_of(),
        get=POST_ONLY,
        # Verified innovators ask; cities, curators and the unverified may read only.
        post=roles(403, visitor=LOGIN, innovator_a=writes(302), innovator_b=writes(302)),
        data=lambda fx: {"text": "Les capteurs doivent-ils être enfouis ?"},
    ),
    Entry(
        "challenges:question_ask",
        label="draft",
        kwargs=pk_of(S.DRAFT),
        get=POST_ONLY,
        # Nobody asks on a draft; those who may see it are refused, the others get 404.
        post=roles(404, visitor=LOGIN, city_a_staff=403, curator=403),
        data=lambda fx: {"text": "Une question trop tôt."},
    ),
    Entry(
        "challenges:question_answer",
        kwargs=lambda fx: {"pk": challenge(fx).pk, "question_pk": question(fx).pk},
        get=POST_ONLY,
        post=MANAGERS_WRITE,
        data=lambda fx: {"answer": "Non, posés en surface."},
    ),
    Entry(
        "challenges:update_post",
        kwargs=pk_of(),
        get=POST_ONLY,
        post=MANAGERS_WRITE,
        data=lambda fx: {"text": "La date limite est repoussée d'une semaine."},
    ),
    Entry(
        "challenges:attachment_add",
        kwargs=pk_of(S.DRAFT),
        get=POST_ONLY,
        post=MANAGERS_WRITE,
        data=lambda fx: {"file": SimpleUploadedFile("annexe.pdf", PDF)},
    ),
    Entry(
        "challenges:attachment",
        label="published",
        kwargs=attachment_kwargs(),
        get=everyone(200),
    ),
    Entry(
        "challenges:attachment",
        label="draft",
        kwargs=attachment_kwargs(S.DRAFT),
        get=DRAFT_READERS,
    ),
    Entry(
        "challenges:attachment_delete",
        kwargs=attachment_kwargs(S.DRAFT),
        get=POST_ONLY,
        post=MANAGERS_WRITE,
    ),
]
