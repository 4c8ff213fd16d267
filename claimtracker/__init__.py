"""Claimtracker project package: settings, URL configuration and WSGI/ASGI entry points."""
