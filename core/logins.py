"""Limits on the forms that check a secret: Wagtail's page and collection
password forms and the admin's password reset. Logins themselves (admin and
front-end) are guarded by django-axes (settings: AXES_*).

Each POST counts in the shared cache for the client's address (and, for the
password reset, the address typed); past the limit the form answers HTTP 429
with a French page that says when to try again and how to get out.
"""

from django.conf import settings
from django.shortcuts import render
from django.template.response import TemplateResponse
from wagtail import views as wagtail_views
from wagtail.admin.views.account import PasswordResetView
from wagtail.documents.views import serve as document_views

from core.antiabuse import rate_limit_exceeded, seconds_until_next_window

TEMPLATE = "core/too_many_attempts.html"


def too_many_attempts(request, kind):
    response = TemplateResponse(request, TEMPLATE, {"kind": kind}, status=429)
    response["Retry-After"] = str(seconds_until_next_window())
    return response


def _limited(view, scope, limit_setting, kind, email_field=None):
    def limited_view(request, *args, **kwargs):
        if request.method == "POST":
            email = request.POST.get(email_field, "").strip() if email_field else None
            if rate_limit_exceeded(request, scope, email=email or None, limit=getattr(settings, limit_setting)):
                return too_many_attempts(request, kind)
        return view(request, *args, **kwargs)

    limited_view.__name__ = limited_view.__qualname__ = f"limited_{scope.replace('-', '_')}"
    return limited_view


page_password = _limited(
    wagtail_views.authenticate_with_password, "page-password", "PORTAL_PASSWORD_ATTEMPTS_PER_HOUR", "password"
)
document_password = _limited(
    document_views.authenticate_with_password, "document-password", "PORTAL_PASSWORD_ATTEMPTS_PER_HOUR", "password"
)
password_reset = _limited(
    PasswordResetView.as_view(), "password-reset", "PORTAL_PASSWORD_RESET_PER_HOUR", "reset", email_field="email"
)


def axes_lockout(request, credentials=None, *args, **kwargs):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE)."""
    # Rendered now: axes answers from a middleware, after TemplateResponses render.
    response = render(request, TEMPLATE, {"kind": "login"}, status=429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
