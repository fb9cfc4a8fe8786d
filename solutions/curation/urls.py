"""URLs of the curator workspace and introductions (in the `solutions` namespace)."""

from django.urls import path

from solutions.curation import views

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
]
