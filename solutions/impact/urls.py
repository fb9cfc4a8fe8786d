"""URLs of the impact dashboard and its API token (in the `solutions` namespace)."""

from django.urls import path

from solutions.impact import views

urlpatterns = [
    path("impact/", views.impact_dashboard, name="impact_dashboard"),
    path("impact/api-token/", views.impact_api_token, name="impact_api_token"),
]
