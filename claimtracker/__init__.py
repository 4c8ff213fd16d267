"""Claimtracker project package: settings, URL configuration, WSGI/ASGI and Celery entry points."""

from claimtracker.celery import app as celery_app

__all__ = ("celery_app",)
