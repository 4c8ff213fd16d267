"""Create a local admin account on the default SQLite database, with a password shown once."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the local 'admin' superuser with a generated password (printed once). "
        "Only on the embedded default database; never in production."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username: str, **options) -> None:
        if not settings.USES_DEFAULT_DATABASE:
            self.stdout.write(
                "DATABASE_URL is set: no local admin created (use `manage.py createsuperuser`)."
            )
            return
        user_model = get_user_model()
        if user_model.objects.filter(username=username).exists():
            self.stdout.write(
                f"Local admin '{username}' already exists "
                f"(forgot the password? `python manage.py changepassword {username}`)."
            )
            return
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created local admin — username: {username}  password: {password}  "
                "(shown only this once)"
            )
        )
