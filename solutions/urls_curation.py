"""URLs of the curator workspace, introductions and evaluation (in the `solutions` namespace)."""

from django.urls import path

from . import views_curation as views

urlpatterns = [
    path("curation/", views.workspace, name="curation_workspace"),
    path(
        "curation/challenge/<int:challenge_pk>/",
        views.challenge_page,
        name="curation_challenge",
    ),
    path(
        "curation/challenge/<int:challenge_pk>/add/",
        views.match_add,
        name="curation_match_add",
    ),
    path(
        "curation/match/<int:pk>/shortlist/",
        views.match_shortlist,
        name="curation_match_shortlist",
    ),
    path(
        "curation/match/<int:pk>/decline/",
        views.match_decline,
        name="curation_match_decline",
    ),
    path(
        "curation/match/<int:pk>/introduce/",
        views.match_introduce,
        name="curation_match_introduce",
    ),
    path("introductions/<int:pk>/", views.introduction_detail, name="introduction_detail"),
    path(
        "introductions/<int:pk>/accept/",
        views.introduction_accept,
        name="introduction_accept",
    ),
    path(
        "introductions/<int:pk>/refuse/",
        views.introduction_refuse,
        name="introduction_refuse",
    ),
    path(
        "introductions/<int:pk>/messages/",
        views.introduction_message_post,
        name="introduction_message_post",
    ),
    path("evaluations/", views.evaluation_mine, name="evaluation_mine"),
    path(
        "evaluations/<int:challenge_pk>/grid/",
        views.evaluation_grid,
        name="evaluation_grid",
    ),
    path(
        "evaluations/<int:challenge_pk>/criteria/",
        views.evaluation_criterion_add,
        name="evaluation_criterion_add",
    ),
    path(
        "evaluations/<int:challenge_pk>/criteria/<int:pk>/delete/",
        views.evaluation_criterion_delete,
        name="evaluation_criterion_delete",
    ),
    path(
        "evaluations/<int:challenge_pk>/evaluators/",
        views.evaluation_evaluator_add,
        name="evaluation_evaluator_add",
    ),
    path(
        "evaluations/<int:challenge_pk>/evaluators/<int:pk>/remove/",
        views.evaluation_evaluator_remove,
        name="evaluation_evaluator_remove",
    ),
    path(
        "evaluations/<int:challenge_pk>/summary/",
        views.evaluation_summary,
        name="evaluation_summary",
    ),
    path(
        "evaluations/<int:challenge_pk>/",
        views.evaluation_board,
        name="evaluation_board",
    ),
    path(
        "evaluations/<int:challenge_pk>/proposals/<int:match_pk>/",
        views.evaluation_sheet,
        name="evaluation_sheet",
    ),
]
