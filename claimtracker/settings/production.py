"""Production: no debug, a real secret key required, HTTPS only (secure cookies, HSTS, SSL
redirect behind a proxy that sets X-Forwarded-Proto), static files served by WhiteNoise from
``collectstatic``'s folder. docs/deploy.md is the recipe."""

import math
import os
import zlib
from collections import Counter

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, MIDDLEWARE, REST_FRAMEWORK, SECRET_KEY, env_bool, env_list

DEBUG = False

# A key's bits, estimated twice and the lower kept: by the frequencies of its characters
# (0 for 'a' * 50) and by how far zlib compresses it (88 for 'password' * 8); about 460
# for secrets.token_urlsafe(64). No proof of randomness, but the guessable are refused.
MIN_SECRET_KEY_BITS = 128


def estimated_bits(key: str) -> float:
    counts = Counter(key)
    by_frequency = sum(-n * math.log2(n / len(key)) for n in counts.values())
    by_compression = 8 * (len(zlib.compress(key.encode(), 9)) - len(zlib.compress(b"", 9)))
    return min(by_frequency, by_compression)


if (
    not SECRET_KEY
    or SECRET_KEY.startswith("django-insecure")
    or len(SECRET_KEY) < 50
    or estimated_bits(SECRET_KEY) < MIN_SECRET_KEY_BITS
):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random string of at least 50 characters "
        "in production (python -c 'import secrets; print(secrets.token_urlsafe(64))'); "
        "a repetitive key ('a' * 50, 'abcabc…') is refused."
    )

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Origins allowed to POST with a session (the admin) besides the site itself, e.g. when the
# proxy's public address differs from the Host it passes on: https://claims.example.org
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# A database connection is reused across requests; check it is alive before each one.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Static files (the admin's, the browsable API's, Swagger UI's): `manage.py collectstatic`
# copies them to STATIC_ROOT with hashed names; WhiteNoise serves them, compressed and
# cached for a year, from the same gunicorn processes.
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles"))  # noqa: F405
# Right after SecurityMiddleware, which redirects to HTTPS before anything is served.
_AFTER = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [
    *MIDDLEWARE[:_AFTER],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_AFTER:],
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Behind one reverse proxy (nginx, a load balancer) every request comes from the proxy's
# address: anonymous throttling must read the client's from X-Forwarded-For, as the proxy
# appends it (and only that entry: earlier ones are the client's to forge).
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "NUM_PROXIES": int(os.environ.get("CLAIMTRACKER_API_NUM_PROXIES", "1")),
}
