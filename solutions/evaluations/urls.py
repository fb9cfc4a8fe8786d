"""URLs of evaluation grids, evaluators and their sheets (in the `solutions` namespace)."""

from django.urls import path

from solutions.evaluations import views

urlpatterns = [
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
