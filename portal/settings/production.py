"""Production: refuses to start without SECRET_KEY; passes `check --deploy`."""

from .base import *  # noqa: F403
from .base import env, env_bool, env_list, require

DEBUG = False
PORTAL_IS_PRODUCTION = True
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", True)
SECRET_KEY = require("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost")
# Real SMTP by default: with the console backend a partner's email would be
# printed to a log and marked sent, and the relay would silently stop.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
# includeSubDomains and preload are off by default: a regional portal often
# lives on a sub-domain of an institution, whose other sub-domains HSTS would
# bind (and preload cannot be undone quickly). Turn them on by setting.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# `check --deploy` warns when they are off (security.W005, W021): that is the
# choice above, so those two warnings are silenced, and only while they are off.
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}
