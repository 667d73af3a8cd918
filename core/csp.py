"""Security headers: the Content-Security-Policy by path, and a
Permissions-Policy.

django-csp 4 reads one policy (`CONTENT_SECURITY_POLICY`, the strict one of
public pages: no inline script or style, nothing from other origins but the
media's). The admin emits inline scripts and styles, and Wagtail's preview is
a frame of the admin: `PortalCSPMiddleware` gives paths under
`PORTAL_ADMIN_PATH_PREFIXES` the policy of `PORTAL_ADMIN_CONTENT_SECURITY_POLICY`
instead. Public pages use static files (the site colours are a stylesheet,
`core.views.site_colours`) or hashes (the 500 page), never nonces, which go
stale in cached pages.
"""

import base64
import hashlib
import re
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

_INLINE_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def inline_style_hashes(path):
    """The CSP hashes ('sha256-…') of the inline <style> elements of a file."""
    text = path.read_text(encoding="utf-8")
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()}'"
        for style in _INLINE_STYLE.findall(text)
    ]


def origin_of(url):
    """The origin of an absolute URL (object storage for media), or None."""
    parts = urlsplit(url or "")
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under its paths."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(settings.PORTAL_ADMIN_PATH_PREFIXES))
        ):
            return PolicyParts(
                settings.PORTAL_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"], parts.update, parts.replace, parts.nonce
            )
        return parts


class PermissionsPolicyMiddleware:
    """Denies the browser features the portal does not use."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PORTAL_PERMISSIONS_POLICY_DENY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response
