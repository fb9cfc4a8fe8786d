from django.contrib import admin
from django.urls import include, path

from challenges import views as challenge_views
from partners import views as partner_views

from . import views

urlpatterns = [
    path("", challenge_views.catalogue, name="home"),
    path("challenges/", include("challenges.urls")),
    path("", include("partners.urls")),
    path("solutions/", include("solutions.urls")),
    path("api/v1/", include("solutions.api.urls")),
    path("alerts/", include("solutions.alerts.urls")),
    path("language/", partner_views.language_set, name="set_language"),
    path("admin/", admin.site.urls),
    path("ping/", views.ping, name="ping"),
]
