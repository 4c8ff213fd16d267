"""Celery application: ingest spread over worker processes on any number of machines.

Start workers with ``celery -A claimtracker worker --concurrency 2``; they share the
PostgreSQL database named by DATABASE_URL and the broker named by CELERY_BROKER_URL.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtracker.settings.local")

app = Celery("claimtracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
