"""URLs of the solution catalogue: browse, show, create, edit, attachments (in the `solutions` namespace)."""

from django.urls import path

from solutions.catalogue import views

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
]
