from django.urls import path

from . import feeds, views

app_name = "challenges"

urlpatterns = [
    path("", views.catalogue, name="list"),
    path("new/", views.create, name="create"),
    path("mine/", views.mine, name="mine"),
    path("review/", views.review_queue, name="review_queue"),
    path("export.csv", views.export_csv, name="export"),
    path("similar/", views.similar, name="similar"),
    path("feed/", feeds.LatestChallengesFeed(), name="feed"),
    path("feed/<slug:slug>/", feeds.DomainChallengesFeed(), name="domain_feed"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/status/", views.transition, name="transition"),
    path("<int:pk>/follow/", views.follow, name="follow"),
    path("<int:pk>/questions/", views.question_ask, name="question_ask"),
    path(
        "<int:pk>/questions/<int:question_pk>/answer/",
        views.question_answer,
        name="question_answer",
    ),
    path("<int:pk>/updates/", views.update_post, name="update_post"),
    path("<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment, name="attachment"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/delete/",
        views.attachment_delete,
        name="attachment_delete",
    ),
]
