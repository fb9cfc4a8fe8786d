"""Pilot projects, case studies and the impact dashboard (included by `solutions/urls.py`)."""

from django.urls import path

from . import views_pilots as views

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
    path("pilots/<int:pk>/case-study/", views.case_study_create, name="case_study_create"),
    path("case-studies/", views.case_study_list, name="case_study_list"),
    path("case-studies/<int:pk>/", views.case_study_detail, name="case_study_detail"),
    path("case-studies/<int:pk>/edit/", views.case_study_edit, name="case_study_edit"),
    path(
        "case-studies/<int:pk>/publish/",
        views.case_study_publish,
        name="case_study_publish",
    ),
    path("case-studies/<int:pk>/copy/", views.case_study_copy, name="case_study_copy"),
    path("impact/", views.impact_dashboard, name="impact_dashboard"),
    path("impact/api-token/", views.impact_api_token, name="impact_api_token"),
]
