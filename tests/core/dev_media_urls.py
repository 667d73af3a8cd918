"""The portal's routes with the development server's media routes
(tests/core/test_documents.py)."""

from core.views import dev_media_urlpatterns
from portal.urls import handler404, handler500  # noqa: F401
from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = dev_media_urlpatterns() + portal_urlpatterns
