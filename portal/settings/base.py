"""Settings shared by every environment.

Everything that differs between a laptop and a production cluster is read from
environment variables (see the configuration table in README.md). Defaults are
safe for local use: SQLite, Wagtail's database search backend, Django's
database cache and the console email backend.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from core.csp import inline_style_hashes, origin_of
from search.backends import elasticsearch_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PORTAL_DIR = BASE_DIR / "portal"


def env(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Portal apps, one per domain; core is the shared layer they build on.
    "core",
    "home",
    "resources",
    "tools",
    "projects",
    "accompaniment",
    "directory",
    "about",
    "participation",
    "search",
    "editorial",
    "agenda",
    "news",
    # Wagtail.
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The database task backend: outgoing email is sent by its worker.
    "django_tasks_db",
    # Django.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.csp.PortalCSPMiddleware",
    "core.csp.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous GETs of public pages from the cache (core/pagecache.py): a hit
    # skips everything below. Above the session, CSRF and auth middleware so
    # that it sees their cookies and Vary on the way out. No LocaleMiddleware:
    # one language, and its Vary: Accept-Language would split the cache.
    "core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "core.twofactor.Require2FAMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # French typography on public HTML (core/typography.py); below the page
    # cache, so that cached pages are stored already typographised.
    "core.typography.TypographyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: django-axes answers a locked-out login with its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# DATABASE_URL selects PostgreSQL in production; the default is an embedded
# SQLite file in WAL mode with IMMEDIATE transactions, so that concurrent
# writes (forms, query logs) wait for the lock instead of failing.
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    IS_POSTGRES = False
else:
    IS_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")
if IS_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------
# The cache is shared by every worker process: rate limits and cached
# fragments hold across instances. Redis when REDIS_URL is set, otherwise
# Django's database cache (tables created by `manage.py createcachetable`).
# Rate-limit counters have their own alias, `ratelimit` (core/antiabuse.py):
# on the database, their own table, so that the culling of a full page cache
# (a third of the rows beyond MAX_ENTRIES) never evicts them, and a backend
# whose `incr` keeps the counter's expiry (core/cache.py).
REDIS_URL = env("REDIS_URL")
CACHE_KEY_PREFIX = env("CACHE_KEY_PREFIX", "portal")
if REDIS_URL:
    CACHES = {
        alias: {
            # Connection errors are misses (core/cache.py): pages keep being
            # served while Redis restarts, rate limits fail open meanwhile.
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
        for alias in ("default", "ratelimit")
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        },
        "ratelimit": {
            "BACKEND": "core.cache.RateLimitDatabaseCache",
            "LOCATION": "portal_ratelimit",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            # Counters live one hour at most; expired rows are deleted first.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
    }

SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Search ---------------------------------------------------------------
# Wagtail's database backend by default (SQLite FTS5 or PostgreSQL full text);
# Elasticsearch 9 or OpenSearch when their URL is set. The index settings
# (French analyzer) live in search/backends.py.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
OPENSEARCH_URL = env("OPENSEARCH_URL")
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", "portal")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": elasticsearch_settings("elasticsearch9", ELASTICSEARCH_URL, SEARCH_INDEX_PREFIX)
    }
elif OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {"default": elasticsearch_settings("opensearch3", OPENSEARCH_URL, SEARCH_INDEX_PREFIX)}
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # Wagtail's database backend; on PostgreSQL, autocomplete folds
            # accents too (search/database_backend.py).
            "BACKEND": "search.database_backend",
            **({"SEARCH_CONFIG": "portal_french", "AUTOCOMPLETE_CONFIG": "portal_simple"} if IS_POSTGRES else {}),
        }
    }

# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_I18N_ENABLED = False
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media -----------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = env("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Object storage for media (S3-compatible) is enabled by installing
# django-storages[s3] (no requirements file pins it) and setting
# MEDIA_STORAGE_BACKEND with its AWS_* variables (see README).
MEDIA_STORAGE_BACKEND = env("MEDIA_STORAGE_BACKEND")
if MEDIA_STORAGE_BACKEND:
    STORAGES["default"] = {"BACKEND": MEDIA_STORAGE_BACKEND}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security headers -----------------------------------------------------
# Content-Security-Policy (django-csp 4, core/csp.py). Public pages: nothing
# inline (the site colours are a stylesheet, /couleurs.css), nothing from
# another origin but object storage for media when MEDIA_URL is absolute.
_MEDIA_ORIGIN = [origin] if (origin := origin_of(MEDIA_URL)) else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # The 500 page is self-contained: its one <style> is allowed by hash.
        "style-src": ["'self'", *inline_style_hashes(BASE_DIR / "templates" / "500.html")],
        "img-src": ["'self'", "data:", *_MEDIA_ORIGIN],
        "media-src": ["'self'", *_MEDIA_ORIGIN],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# The admin (Wagtail) needs inline scripts and styles, blob: images (upload
# previews), Gravatar avatars, and frames of itself (the preview panel).
PORTAL_ADMIN_PATH_PREFIXES = ["/admin/"]
PORTAL_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https://www.gravatar.com", *_MEDIA_ORIGIN],
        "media-src": ["'self'", "blob:", *_MEDIA_ORIGIN],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Permissions-Policy: the features the portal never uses are denied.
PORTAL_PERMISSIONS_POLICY_DENY = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
    "interest-cohort",
]

# --- Email ----------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Partenariat en santé <ne-pas-repondre@partenariat-sante.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks -----------------------------------------------------
# "default" is the backend Wagtail's own tasks use (search and reference
# index updates): it stays the immediate one, so that the index is up to date
# when the request ends. Outgoing email has its own alias: the database
# backend, whose worker (`manage.py db_worker --backend email`, started by
# `make run`) talks to the SMTP server, never the web request (core/tasks.py,
# docs/email.md).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {"BACKEND": env("EMAIL_TASK_BACKEND", "django_tasks_db.DatabaseBackend")},
    # PDFs of the printable pages, rendered after publication (resources/tasks.py).
    "pdf": {"BACKEND": env("PDF_TASK_BACKEND", "django_tasks_db.DatabaseBackend")},
}

# --- Wagtail --------------------------------------------------------------
# A shared HTTP cache in front (nginx proxy_cache with the cache-purge module,
# deploy/): Wagtail sends it PURGE for a page published, unpublished or moved.
FRONTEND_CACHE_PURGE_URL = env("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
WAGTAIL_SITE_NAME = env("SITE_NAME", "Partenariat en santé")
# No Gravatar: a request to a third-party host for every user shown in the
# admin (and broken avatars on a closed network). Wagtail's initials instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The "what's new in Wagtail" banner is in English and about the CMS, not the portal.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Every absolute link (emails, feeds, PDFs, the admin) starts with BASE_URL
# (core/links.py), never with the Site record's hostname.
BASE_URL = env("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are always served by Wagtail's view, which enforces the privacy of
# their collection (the login-restricted one): never a link to the file under
# MEDIA_URL. Files still live under MEDIA_ROOT/documents/, so the dev route and
# the production proxy deny /media/documents/ (README, « Serving media »).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# Cross review (editorial/): re-check the two approvals, then publish without
# requiring the last approver to hold the publish permission.
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_workflow_state"
WAGTAILSEARCH_HITS_MAX_AGE = 90
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
TAGGIT_CASE_INSENSITIVE = True

# --- Logins ---------------------------------------------------------------
# django-axes: after AXES_FAILURE_LIMIT failed logins (admin or front-end, the
# latter used by restricted documents), the account and, separately, the
# client address are locked out for 15 minutes (axes 8 would lock forever by
# default). Attempts live in the database, shared by every instance. The
# client address is core.antiabuse.client_ip (trusted proxies). Its backend
# comes first: authenticating then needs the request (tests use force_login,
# or pass `request=` to client.login).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "core.antiabuse.client_ip"
AXES_LOCKOUT_CALLABLE = "core.logins.axes_lockout"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# No log of successful logins (personal data without a purpose here, docs/rgpd.md).
AXES_DISABLE_ACCESS_LOG = True
# Two-factor authentication (django-otp, core/twofactor.py): administrators
# and moderators need a verified device under /admin/. On under production
# settings, off by default elsewhere.
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = env("SITE_NAME", "Partenariat en santé")
# Wagtail's page/collection password forms and the password reset form
# (core/logins.py): attempts per hour per address (and per email).
PORTAL_PASSWORD_ATTEMPTS_PER_HOUR = int(env("PORTAL_PASSWORD_ATTEMPTS_PER_HOUR", "10"))
PORTAL_PASSWORD_RESET_PER_HOUR = int(env("PORTAL_PASSWORD_RESET_PER_HOUR", "5"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Behind a load balancer that terminates TLS.
if env("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (env("SECURE_PROXY_SSL_HEADER"), "https")

# --- Portal ---------------------------------------------------------------
# True under portal.settings.production only: `load_demo_content` then
# refuses to run without --i-know-this-is-production.
PORTAL_IS_PRODUCTION = False
# Public forms: submissions allowed per hour per IP and per email address.
PORTAL_RATE_LIMIT_PER_HOUR = int(env("PORTAL_RATE_LIMIT_PER_HOUR", "5"))
# Minimum seconds between displaying a public form and submitting it.
PORTAL_FORM_MIN_SECONDS = float(env("PORTAL_FORM_MIN_SECONDS", "3"))
# Reverse proxies / load balancers in front of the portal, whose
# X-Forwarded-For entries are believed (core.antiabuse.client_ip): "" (none,
# the default: REMOTE_ADDR is the client), a number of hops ("1"), or a
# comma-separated list of CIDR networks ("10.0.0.0/8,192.168.1.7").
PORTAL_TRUSTED_PROXIES = env("PORTAL_TRUSTED_PROXIES", "")
# Outgoing email retries: attempts before an email is flagged in the admin.
PORTAL_EMAIL_MAX_ATTEMPTS = int(env("PORTAL_EMAIL_MAX_ATTEMPTS", "8"))
# Seconds a worker holds an email it is sending (its lease): a worker killed
# mid-send leaves the email due again after this (core/models/outbox.py).
PORTAL_EMAIL_LEASE_SECONDS = int(env("PORTAL_EMAIL_LEASE_SECONDS", "600"))
# Days a sent email keeps its body in the outbox (`purge_outbox`, daily).
PORTAL_OUTBOX_RETENTION_DAYS = int(env("PORTAL_OUTBOX_RETENTION_DAYS", "30"))
# Calls for projects: applicants' personal data is erased this many days after the application (purge_applications).
ACCOMPANIMENT_RETENTION_DAYS = int(env("ACCOMPANIMENT_RETENTION_DAYS", "365"))
# The page cache (core/pagecache.py): seconds an anonymous public page is
# served from the cache (0: off). Any publish, unpublish, move, deletion or
# saved model empties it, except the models below, which no public page shows.
PORTAL_PAGE_CACHE_SECONDS = int(env("PORTAL_PAGE_CACHE_SECONDS", "600"))
PORTAL_PAGE_CACHE_ALIAS = "default"
# Never cached: the admin, Wagtail's page-password form, documents (privacy of
# collections), the token and signed-link routes (directory answers, manage
# links, address confirmations, barometer answers and sessions). Previews
# live under /admin/.
PORTAL_PAGE_CACHE_EXCLUDED_PATHS = [
    r"^/admin/",
    r"^/_util/",
    r"^/documents/",
    r"^/healthz$",
    r"/reponse/",
    r"/gerer/",
    r"/confirmer/",
    r"/session/",
]
PORTAL_PAGE_CACHE_IGNORED_MODELS = [
    "sessions.session",
    "auth.permission",
    "contenttypes.contenttype",
    "admin.logentry",
    "core.outgoingemail",
    "django_tasks_database.dbtaskresult",
    "axes.accessattempt",
    "axes.accessattemptexpiration",
    "axes.accessfailurelog",
    "axes.accesslog",
    "otp_totp.totpdevice",
    "otp_static.staticdevice",
    "otp_static.statictoken",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.revision",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.uploadedfile",
    "wagtailadmin.editingsession",
    "wagtailadmin.formstate",
    "wagtailusers.userprofile",
    "wagtailimages.rendition",
    "wagtailembeds.embed",
    "wagtailsearch.indexentry",
    "participation.digestdelivery",
    "wagtailsearch.sqliteftsindexentry",
    "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.querydailyhits",
    "wagtailforms.formsubmission",
    "home.contactsubmission",
    "directory.contactrequest",
    "directory.signedlinkuse",
    "projects.projectproposal",
    "tools.barometersession",
    "tools.barometeranswer",
]
# Days a partner's "Gérer mon profil" link stays valid (single use).
DIRECTORY_MANAGE_LINK_DAYS = int(env("DIRECTORY_MANAGE_LINK_DAYS", "7"))
# Days after an event's end before its registrations are erased (`purge_registrations`, daily).
AGENDA_REGISTRATION_RETENTION_DAYS = int(env("AGENDA_REGISTRATION_RETENTION_DAYS", "30"))


def require(name):
    value = env(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} is required in production.")
    return value
