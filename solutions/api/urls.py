"""/api/v1/: the read-only open data API and its OpenAPI schema."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from solutions.api import views

app_name = "api"

router = SimpleRouter()
router.register("challenges", views.ChallengeViewSet, basename="challenge")
router.register("solutions", views.SolutionViewSet, basename="solution")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("case-studies", views.CaseStudyViewSet, basename="case-study")
router.register("matches", views.MatchViewSet, basename="match")
router.register("pilots", views.PilotViewSet, basename="pilot")

urlpatterns = [
    path(
        "schema/",
        SpectacularAPIView.as_view(),
        name="schema",
    ),
    *router.urls,
]
