from django.contrib import admin
from django.urls import include, path

from partners import views as partner_views

urlpatterns = [
    path("", include("challenges.urls")),
    path("", include("partners.urls")),
    path("solutions/", include("solutions.urls")),
    path("language/", partner_views.language_set, name="set_language"),
    path("admin/", admin.site.urls),
]
