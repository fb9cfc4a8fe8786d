"""URLs of proposals: an innovator proposes a solution on a challenge; a challenge's matches (in the `solutions` namespace)."""

from django.urls import path

from solutions.proposals import views

urlpatterns = [
    path("<int:pk>/propose/", views.choose_challenge, name="choose_challenge"),
    path("propose/<int:challenge_pk>/", views.propose, name="propose"),
    path("proposals/", views.my_proposals, name="my_proposals"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path("proposals/<int:pk>/edit/", views.proposal_edit, name="proposal_edit"),
    path(
        "proposals/<int:pk>/withdraw/",
        views.proposal_withdraw,
        name="proposal_withdraw",
    ),
    path(
        "proposals/<int:pk>/attachment/",
        views.proposal_attachment,
        name="proposal_attachment",
    ),
    path(
        "challenge/<int:challenge_pk>/",
        views.challenge_matches,
        name="challenge_matches",
    ),
]
