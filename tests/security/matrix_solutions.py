"""Permission matrix of the solution catalogue, proposals and CSV import (`solutions.views`).

Objects belong to innovator A (its solutions, its proposal) and city A (the challenge); see
README.md. They are built on demand and reused within one test, so that `kwargs` and `data`
point at the same rows.
"""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from challenges.models import Challenge
from solutions.models import Match, Solution, SolutionAttachment, SolutionImport
from tests.solutions.helpers import PDF, open_challenge, solution_of

from .matrix import LOGIN, Entry, everyone, roles, writes


def solution(fx, status: str = "published") -> Solution:
    organization = fx("innovator_a_org")
    name = f"Matrice {status}"
    found = Solution.objects.filter(organization=organization, name=name).first()
    return found or solution_of(organization, name=name, status=status)


def challenge(fx) -> Challenge:
    return Challenge.objects.filter(title="Enjeu de la matrice").first() or open_challenge(
        [fx("city_a")], title="Enjeu de la matrice"
    )


def proposal(fx) -> Match:
    match, created = Match.objects.get_or_create(
        challenge=challenge(fx),
        solution=solution(fx),
        defaults={
            "origin": Match.Origin.INNOVATOR,
            "status": Match.Status.PROPOSED,
            "pitch": "Notre proposition.",
            "proposed_by": fx("innovator_a"),
            "proposed_at": timezone.now(),
            "terms_accepted_at": timezone.now(),
            "attachment_name": "offre.pdf",
            "attachment_type": "application/pdf",
        },
    )
    if created:
        match.attachment.save("offre.pdf", ContentFile(PDF))
    return match


def attachment(fx) -> SolutionAttachment:
    item = solution(fx).attachments.first()
    if item is None:
        item = SolutionAttachment(
            solution=solution(fx),
            name="fiche.pdf",
            content_type="application/pdf",
            size=len(PDF),
        )
        item.file.save("fiche.pdf", ContentFile(PDF))
    return item


def csv_upload(fx) -> SolutionImport:
    organization = fx("innovator_a_org")
    organization.external_id = "acme"
    organization.save(update_fields=["external_id"])
    return SolutionImport.objects.get_or_create(
        file_name="matrice.csv",
        defaults={
            "created_by": fx("curator"),
            "records": [
                {
                    "external_id": "matrice-csv",
                    "organization": "acme",
                    "name": "Importée",
                    "description": "Une solution importée.",
                }
            ],
        },
    )[0]


SOLUTION_FORM = {
    "name": "Solution de la matrice",
    "description": "Une description.",
    "language": "fr",
    "domains": ["mobility"],
    "ref-TOTAL_FORMS": "0",
    "ref-INITIAL_FORMS": "0",
    "ref-MIN_NUM_FORMS": "0",
    "ref-MAX_NUM_FORMS": "30",
}
PITCH = {"pitch": "Une proposition.", "currency": "CAD", "accept_terms": "on"}

# Who edits innovator A's solutions: its members and curators.
EDITORS_GET = roles(404, visitor=LOGIN, innovator_a=200, curator=200)
EDITORS_POST = roles(404, visitor=LOGIN, innovator_a=writes(302), curator=writes(302))
# POST-only views: a GET is refused before any lookup.
POST_ONLY_GET = roles(405, visitor=LOGIN)
# A proposal is seen by the proposer, the challenge's city and curators.
PROPOSAL_READERS = roles(404, visitor=LOGIN, innovator_a=200, city_a_staff=200, curator=200)
CURATORS = roles(403, visitor=LOGIN, curator=200)

ENTRIES = [
    Entry("solutions:catalogue", get=everyone(200)),
    Entry("solutions:mine", get=roles(200, visitor=LOGIN)),
    Entry(
        "solutions:create",
        kwargs=lambda fx: {"slug": fx("innovator_a_org").slug},
        get=EDITORS_GET,
        post=EDITORS_POST,
        data=lambda fx: SOLUTION_FORM,
    ),
    Entry(
        "solutions:detail",
        label="published",
        kwargs=lambda fx: {"pk": solution(fx).pk},
        get=everyone(200),
    ),
    Entry(
        "solutions:detail",
        label="draft",
        kwargs=lambda fx: {"pk": solution(fx, "draft").pk},
        get=roles(404, innovator_a=200, curator=200),
    ),
    Entry(
        "solutions:edit",
        kwargs=lambda fx: {"pk": solution(fx).pk},
        get=EDITORS_GET,
        post=EDITORS_POST,
        data=lambda fx: {**SOLUTION_FORM, "name": "Nouveau nom"},
    ),
    Entry(
        "solutions:status",
        kwargs=lambda fx: {"pk": solution(fx).pk},
        get=POST_ONLY_GET,
        post=EDITORS_POST,
        data=lambda fx: {"action": "unpublish"},
    ),
    Entry(
        "solutions:delete",
        kwargs=lambda fx: {"pk": solution(fx, "draft").pk},
        get=POST_ONLY_GET,
        post=EDITORS_POST,
    ),
    Entry(
        "solutions:attachment_add",
        kwargs=lambda fx: {"pk": solution(fx).pk},
        get=POST_ONLY_GET,
        post=EDITORS_POST,
        data=lambda fx: {"file": SimpleUploadedFile("fiche.pdf", PDF)},
    ),
    Entry(
        "solutions:attachment",
        kwargs=lambda fx: {"pk": solution(fx).pk, "attachment_pk": attachment(fx).pk},
        get=everyone(200),
    ),
    Entry(
        "solutions:attachment_delete",
        kwargs=lambda fx: {"pk": solution(fx).pk, "attachment_pk": attachment(fx).pk},
        get=POST_ONLY_GET,
        post=EDITORS_POST,
    ),
    Entry(
        "solutions:choose_challenge",
        kwargs=lambda fx: {"pk": solution(fx).pk},
        get=roles(404, visitor=LOGIN, innovator_a=200),
    ),
    Entry(
        "solutions:propose",
        kwargs=lambda fx: {"challenge_pk": challenge(fx).pk},
        get=roles(403, visitor=LOGIN, innovator_a=200, innovator_b=200),
        # Innovator B may propose, but not innovator A's solution: the form refuses it.
        post=roles(403, visitor=LOGIN, innovator_a=writes(302), innovator_b=200),
        data=lambda fx: {**PITCH, "solution": solution(fx).pk},
    ),
    Entry(
        "solutions:my_proposals",
        get=roles(200, visitor=LOGIN),
    ),
    Entry(
        "solutions:proposal_detail",
        kwargs=lambda fx: {"pk": proposal(fx).pk},
        get=PROPOSAL_READERS,
    ),
    Entry(
        "solutions:proposal_attachment",
        kwargs=lambda fx: {"pk": proposal(fx).pk},
        get=PROPOSAL_READERS,
    ),
    Entry(
        "solutions:proposal_edit",
        kwargs=lambda fx: {"pk": proposal(fx).pk},
        get=roles(404, visitor=LOGIN, innovator_a=200),
        post=roles(404, visitor=LOGIN, innovator_a=writes(302)),
        data=lambda fx: {"pitch": "Une autre version.", "currency": "CAD"},
    ),
    Entry(
        "solutions:proposal_withdraw",
        kwargs=lambda fx: {"pk": proposal(fx).pk},
        get=POST_ONLY_GET,
        post=roles(404, visitor=LOGIN, innovator_a=writes(302)),
    ),
    Entry(
        "solutions:challenge_matches",
        kwargs=lambda fx: {"challenge_pk": proposal(fx).challenge_id},
        get=roles(404, visitor=LOGIN, city_a_staff=200, curator=200),
    ),
    Entry(
        "solutions:import_template",
        get=CURATORS,
        post=roles(403, visitor=LOGIN, curator=405),
    ),
    Entry(
        "solutions:import_upload",
        get=CURATORS,
        post=roles(403, visitor=LOGIN, curator=writes(302)),
        data=lambda fx: {
            "file": SimpleUploadedFile(
                "s.csv",
                b"external_id,organization,name,description\nx,acme,Nom,Texte\n",
            )
        },
    ),
    Entry(
        "solutions:import_preview",
        kwargs=lambda fx: {"pk": csv_upload(fx).pk},
        get=CURATORS,
        post=roles(403, visitor=LOGIN, curator=writes(302)),
    ),
]
