from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password-reset/", views.password_reset, name="password_reset"),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("accounts/profile/", views.profile, name="profile"),
    path("dashboard/", views.dashboard_view, name="dashboard"),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/read/", views.notification_read, name="notification_read"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("organizations/", views.organization_list, name="organization_list"),
    path("organizations/<slug:slug>/", views.organization_detail, name="organization_detail"),
    path("organizations/<slug:slug>/edit/", views.organization_edit, name="organization_edit"),
    path(
        "organizations/<slug:slug>/members/",
        views.organization_members,
        name="organization_members",
    ),
    path("organizations/<slug:slug>/join/", views.organization_join, name="organization_join"),
    path(
        "curation/organizations/",
        views.curation_organizations,
        name="curation_organizations",
    ),
    path(
        "curation/organizations/<slug:slug>/review/",
        views.curation_organization_review,
        name="curation_organization_review",
    ),
]
