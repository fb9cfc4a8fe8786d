"""URLs of cSV import of solutions (curators) (in the `solutions` namespace)."""

from django.urls import path

from solutions.importer import views

urlpatterns = [
    path("import/", views.import_upload, name="import_upload"),
    path("import/modele.csv", views.import_template, name="import_template"),
    path("import/<int:pk>/", views.import_preview, name="import_preview"),
]
