from django.urls import include, path

from . import views

app_name = "solutions"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("mine/", views.mine, name="mine"),
    path("new/<slug:slug>/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment, name="attachment"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/delete/",
        views.attachment_delete,
        name="attachment_delete",
    ),
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
    path("import/", views.import_upload, name="import_upload"),
    path("import/modele.csv", views.import_template, name="import_template"),
    path("import/<int:pk>/", views.import_preview, name="import_preview"),
    path("", include("solutions.urls_curation")),
    path("", include("solutions.urls_pilots")),
]
