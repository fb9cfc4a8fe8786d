"""Challenges built through the services, the way the portal builds them."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from challenges import services
from challenges.models import Challenge, Domain


def make_challenge(owners, *, status="draft", domains=(), **fields) -> Challenge:
    """A challenge owned by `owners`, moved to `status` by the system (as the import does)."""
    defaults = {
        "title": "Stationnement intelligent au centre-ville",
        "summary": "Mieux répartir le stationnement sur rue.",
        "description": "Nous cherchons des capteurs de stationnement.",
    }
    domain_objects = list(Domain.objects.filter(slug__in=domains))
    challenge = services.challenge_create(
        by=None, owners=owners, domains=domain_objects, **{**defaults, **fields}
    )
    path = {
        "draft": [],
        "submitted": ["submitted"],
        "published": ["submitted", "published"],
        "in_pilot": ["submitted", "published", "in_pilot"],
        "closed": ["submitted", "published", "closed"],
        "archived": ["archived"],
    }[status]
    for step in path:
        services.challenge_transition(challenge=challenge, to=step, by=None)
    challenge.refresh_from_db()
    return challenge


@pytest.fixture
def challenge_factory(db):
    return make_challenge


@pytest.fixture
def draft(city_a):
    return make_challenge([city_a], title="Brouillon de Granby")


@pytest.fixture
def submitted(city_a):
    return make_challenge([city_a], status="submitted", title="Enjeu soumis de Granby")


@pytest.fixture
def published(city_a):
    return make_challenge(
        [city_a],
        status="published",
        title="Bornes de recharge pour véhicules électriques",
        domains=["mobility"],
        tags=["recharge", "électrification"],
        proposals_deadline=timezone.localdate() + timedelta(days=30),
    )


@pytest.fixture
def network_only(city_a):
    return make_challenge(
        [city_a],
        status="published",
        title="Cybersécurité des réseaux municipaux confidentielle",
        visibility=Challenge.Visibility.NETWORK,
        domains=["cybersecurity"],
    )


def form_data(city, **overrides) -> dict:
    """What city staff type in the challenge form, as POST data."""
    data = {
        "title": "Bornes de recharge au centre-ville",
        "summary": "Des bornes pour les véhicules électriques.",
        "description": "Nous cherchons des **bornes** de recharge.",
        "owners": [city.pk],
        "domains": [],
        "tags_text": "recharge, bornes",
        "gain_economic": "",
        "gain_environmental": "Moins d'émissions.",
        "gain_social": "",
        "budget_min": "10000",
        "budget_max": "50000",
        "currency": "CAD",
        "proposals_deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "visibility": "public",
        "language": "fr",
        "terms": "La Ville garde les données.",
    }
    data.update(overrides)
    return data


# --- Files ----------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def office_bytes(main_type: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<?xml version="1.0"?><Types><Override PartName="/word/document.xml" '
            f'ContentType="{main_type}"/></Types>',
        )
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


DOCX = office_bytes(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office/>")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)
