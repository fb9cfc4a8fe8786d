"""URLs of case studies: list, show, write, publish, copy (in the `solutions` namespace)."""

from django.urls import path

from solutions.case_studies import views

urlpatterns = [
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
]
