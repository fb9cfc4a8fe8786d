"""The `solutions` namespace: each capability folder lists its own URLs."""

from django.urls import include, path

app_name = "solutions"

urlpatterns = [
    path("", include("solutions.catalogue.urls")),
    path("", include("solutions.proposals.urls")),
    path("", include("solutions.importer.urls")),
    path("", include("solutions.curation.urls")),
    path("", include("solutions.evaluations.urls")),
    path("", include("solutions.pilots.urls")),
    path("", include("solutions.case_studies.urls")),
    path("", include("solutions.impact.urls")),
]
