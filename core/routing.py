"""Routes of `RoutablePageMixin` pages served by the app's views module.

An app's views import its page models (querysets, forms, constants), so a page
model cannot import its views: each route names its view by dotted path, the
way Django's settings name views and backends, and the view is looked up
when the route is served.

    class DirectoryPage(RoutablePageMixin, Page):
        profile_route = view_route("profil/<int:pk>/", "directory.views.profile_detail", name="profile_route")

is the route `profile_route`, served by `profile_detail(page, request, pk)`.
"""

from django.utils.module_loading import import_string
from wagtail.contrib.routable_page.models import path


def lazy_view(dotted_path):
    """A function that calls the function at `dotted_path` (imported on the
    first call) with its own arguments."""

    def call(*args, **kwargs):
        return import_string(dotted_path)(*args, **kwargs)

    call.__name__ = dotted_path.rpartition(".")[2]
    call.__qualname__ = dotted_path
    return call


def view_route(pattern, dotted_path, name):
    """A route method for `pattern`, named `name`: it calls the view at
    `dotted_path` with (page, request, *the pattern's values, by name)."""
    view = lazy_view(dotted_path)

    def route(self, request, *args, **kwargs):
        return view(self, request, *args, **kwargs)

    route.__name__ = name
    route.__qualname__ = f"view_route({dotted_path})"
    return path(pattern, name=name)(route)
