"""Routes outside the page tree: the one-click unsubscribe must be
CSRF-exempt, which a route of a Wagtail page cannot be (the CSRF middleware
sees Wagtail's `serve` view)."""

from django.urls import path

from . import views

urlpatterns = [
    path("alertes-participation/desinscription/<str:token>/", views.unsubscribe, name="participation_unsubscribe"),
]
