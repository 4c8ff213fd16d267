"""Local development and tests: debug on by default and a throw-away secret key."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
# Never used outside a developer's machine: production.py refuses to start without a real key.
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"
