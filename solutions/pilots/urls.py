"""URLs of pilot projects: list, start, edit, status, milestones, indicators, measurements, exports (in the `solutions` namespace)."""

from django.urls import path

from solutions.pilots import views

urlpatterns = [
    path("pilots/", views.pilot_list, name="pilot_list"),
    path("pilots/export.csv", views.pilot_export, name="pilot_export"),
    path(
        "pilots/indicators.csv",
        views.pilot_indicators_export,
        name="pilot_indicators_export",
    ),
    path("pilots/start/<int:match_pk>/", views.pilot_start, name="pilot_start"),
    path("pilots/<int:pk>/", views.pilot_detail, name="pilot_detail"),
    path("pilots/<int:pk>/edit/", views.pilot_edit, name="pilot_edit"),
    path(
        "pilots/<int:pk>/status/<slug:to>/",
        views.pilot_transition,
        name="pilot_transition",
    ),
    path("pilots/<int:pk>/milestones/", views.pilot_milestone, name="pilot_milestone_add"),
    path(
        "pilots/<int:pk>/milestones/<int:milestone_pk>/",
        views.pilot_milestone,
        name="pilot_milestone_edit",
    ),
    path(
        "pilots/<int:pk>/milestones/<int:milestone_pk>/delete/",
        views.pilot_milestone_delete,
        name="pilot_milestone_delete",
    ),
    path("pilots/<int:pk>/indicators/", views.pilot_indicator, name="pilot_indicator_add"),
    path(
        "pilots/<int:pk>/indicators/<int:indicator_pk>/",
        views.pilot_indicator,
        name="pilot_indicator_edit",
    ),
    path(
        "pilots/<int:pk>/indicators/<int:indicator_pk>/delete/",
        views.pilot_indicator_delete,
        name="pilot_indicator_delete",
    ),
    path(
        "pilots/<int:pk>/indicators/<int:indicator_pk>/evidence/",
        views.pilot_evidence,
        name="pilot_evidence",
    ),
    path(
        "pilots/<int:pk>/indicators/<int:indicator_pk>/measurements/",
        views.pilot_measurement,
        name="pilot_measurement_add",
    ),
    path(
        "pilots/<int:pk>/indicators/<int:indicator_pk>/measurements/<int:measurement_pk>/delete/",
        views.pilot_measurement_delete,
        name="pilot_measurement_delete",
    ),
]
