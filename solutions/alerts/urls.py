"""URLs of the alerts a signed-in person keeps (the `alerts` namespace)."""

from django.urls import path

from solutions.alerts import views

app_name = "alerts"
urlpatterns = [
    path("", views.subscription_list, name="list"),
    path("<int:pk>/delete/", views.subscription_delete, name="delete"),
]
