"""City A's challenges in each state, built through the services on demand and reused within
one test. `fx` is `request.getfixturevalue`. The permission matrix (matrix_challenges.py), the
accessibility pages (tests/browser/a11y_pages.py) and the fuzz tests point at these.
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from challenges import services
from challenges.models import Challenge, ChallengeAttachment, Question
from tests.solutions.helpers import PDF, open_challenge

S = Challenge.Status
TITLES = {
    S.DRAFT: "Brouillon de la matrice",
    S.SUBMITTED: "Enjeu soumis de la matrice",
    S.PUBLISHED: "Enjeu publié de la matrice",
    S.ARCHIVED: "Enjeu archivé de la matrice",
}
NETWORK = "Enjeu réservé au réseau de la matrice"


def challenge(fx, status: str = S.PUBLISHED) -> Challenge:
    """City A's challenge in this status (draft, submitted, published or archived)."""
    found = Challenge.objects.filter(title=TITLES[status]).first()
    if found:
        return found
    item = open_challenge([fx("city_a")], publish=status == S.PUBLISHED, title=TITLES[status])
    if status in (S.SUBMITTED, S.ARCHIVED):
        services.challenge_transition(challenge=item, to=status, by=None)
    return item


def network_only(fx) -> Challenge:
    return Challenge.objects.filter(title=NETWORK).first() or open_challenge(
        [fx("city_a")], title=NETWORK, visibility=Challenge.Visibility.NETWORK
    )


def attachment(fx, status: str = S.PUBLISHED) -> ChallengeAttachment:
    owner = challenge(fx, status)
    return owner.attachments.first() or services.attachment_add(
        challenge=owner, by=fx("curator"), file=SimpleUploadedFile("cahier.pdf", PDF)
    )


def question(fx) -> Question:
    owner = challenge(fx)
    return owner.questions.first() or services.question_ask(
        challenge=owner, by=fx("innovator_a"), text="Quel est le nombre de places ?"
    )


def pk_of(status: str = S.PUBLISHED):
    return lambda fx: {"pk": challenge(fx, status).pk}


def attachment_kwargs(status: str = S.PUBLISHED):
    return lambda fx: {"pk": challenge(fx, status).pk, "attachment_pk": attachment(fx, status).pk}


def challenge_form(fx) -> dict:
    """What city staff type in the challenge form, as a valid POST body."""
    return {
        "title": "Bornes de recharge au centre-ville",
        "summary": "Des bornes pour les véhicules électriques.",
        "description": "Nous cherchons des **bornes** de recharge.",
        "owners": [fx("city_a").pk],
        "domains": [],
        "tags_text": "recharge, bornes",
        "budget_min": "10000",
        "budget_max": "50000",
        "currency": "CAD",
        "proposals_deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "visibility": "public",
        "language": "fr",
    }


def discussed(fx) -> Challenge:
    """The published challenge with what people add to it: a file, an answered question and
    an update from the city."""
    item = challenge(fx)
    if not item.updates.exists():
        attachment(fx)
        services.question_answer(
            question=question(fx), by=fx("city_a_staff"), answer="Environ **300** places."
        )
        services.challenge_announce(
            challenge=item, by=fx("city_a_staff"), text="La date limite est repoussée."
        )
    return item
