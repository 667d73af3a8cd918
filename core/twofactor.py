"""Two-factor authentication for administrators and moderators (django-otp:
TOTP from an authenticator app, plus single-use backup codes).

With `PORTAL_REQUIRE_2FA` (on under production settings, off in development),
`Require2FAMiddleware` lets an administrator (superuser or the
« Administrateurs » group) or a moderator of the directory reach /admin/ only
once their session is verified: they are sent to the enrolment page until they
have a device, then to the verification page after each login.
"""

import base64
from io import BytesIO
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODES = 10
REQUIRED_GROUPS = ("Administrateurs", "Modération de l'annuaire")


def requires_2fa(user):
    return bool(user.is_authenticated and (user.is_superuser or user.groups.filter(name__in=REQUIRED_GROUPS).exists()))


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, request.get_host(), request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@login_required(login_url="wagtailadmin_login")
def verify(request):
    """Ask for a code from the app, or a backup code, after login."""
    if not user_has_device(request.user):
        return redirect(f"{reverse('portal_2fa_setup')}?{urlencode({'next': _next_url(request)})}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error(
            "code", _("Ce code ne convient pas. Saisissez le code affiché par l’application, ou un code de secours.")
        )
    status = 400 if form.errors else 200
    return TemplateResponse(request, "core/2fa_verify.html", {"form": form, "next": _next_url(request)}, status=status)


def _pending_device(user):
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Application", confirmed=False)


def _qr_code_data_uri(url):
    buffer = BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=5, border=2)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


@login_required(login_url="wagtailadmin_login")
def setup(request):
    """Enrolment: scan the QR code (or type the key), confirm one code, get
    the backup codes (shown once)."""
    if user_has_device(request.user) and not request.user.is_verified():
        return redirect(f"{reverse('portal_2fa_verify')}?{urlencode({'next': _next_url(request)})}")
    device = _pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            device.confirmed = True
            device.save()
            backup, _created = StaticDevice.objects.get_or_create(user=request.user, name="Codes de secours")
            backup.token_set.all().delete()
            codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
            backup.token_set.bulk_create([StaticToken(device=backup, token=code) for code in codes])
            otp_login(request, device)
            return TemplateResponse(request, "core/2fa_backup_codes.html", {"codes": codes, "next": _next_url(request)})
        form.add_error("code", _("Ce code ne convient pas. Vérifiez l’heure du téléphone et saisissez le code actuel."))
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_code": _qr_code_data_uri(device.config_url),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
    }
    return TemplateResponse(request, "core/2fa_setup.html", context, status=400 if form.errors else 200)


class Require2FAMiddleware:
    """Under /admin/, administrators and moderators need a verified session."""

    EXEMPT = ("/admin/login/", "/admin/logout/", "/admin/password_reset/", "/admin/double-authentification/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.PORTAL_REQUIRE_2FA
            and request.path_info.startswith("/admin/")
            and not request.path_info.startswith(self.EXEMPT)
            and requires_2fa(request.user)
            and not request.user.is_verified()
        ):
            name = "portal_2fa_verify" if user_has_device(request.user) else "portal_2fa_setup"
            return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


__all__ = ["Require2FAMiddleware", "devices_for_user", "requires_2fa", "setup", "verify"]
