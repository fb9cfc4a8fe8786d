"""/api/v1/: the read-only open data API and its OpenAPI schema."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from challenges.models import Challenge
from partners.models import Organization

from ..models import GainKind, Match, PilotProject
from . import views

app_name = "api"

router = SimpleRouter()
router.register("challenges", views.ChallengeViewSet, basename="challenge")
router.register("solutions", views.SolutionViewSet, basename="solution")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("case-studies", views.CaseStudyViewSet, basename="case-study")
router.register("matches", views.MatchViewSet, basename="match")
router.register("pilots", views.PilotViewSet, basename="pilot")

SCHEMA_SETTINGS = {
    "TITLE": "Portail IVÉO — API de données ouvertes",
    "DESCRIPTION": (
        "Read-only open data of the IVÉO portal: published public challenges, solutions, "
        "verified organisations and case studies with their measured results. Curators also "
        "read matches and pilot projects with `Authorization: Token <key>`. Network-only "
        "content is never served."
    ),
    "VERSION": "1.0.0",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ChallengeStatusEnum": Challenge.Status.choices,
        "MatchStatusEnum": Match.Status.choices,
        "PilotStatusEnum": PilotProject.Status.choices,
        "OrganizationKindEnum": Organization.Kind.choices,
        "GainKindEnum": GainKind.choices,
    },
}

urlpatterns = [
    path(
        "schema/",
        SpectacularAPIView.as_view(custom_settings=SCHEMA_SETTINGS),
        name="schema",
    ),
    *router.urls,
]
