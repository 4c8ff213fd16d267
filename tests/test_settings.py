"""Settings: production refuses to start without a real secret key; local admin only locally."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def run_check(**env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(DJANGO_SETTINGS_MODULE="claimtracker.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check()

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_the_throwaway_development_key():
    result = run_check(DJANGO_SECRET_KEY="django-insecure-local-development-only")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    "key",
    ["a" * 50, "ab" * 40, "0123456789" * 6, "password" * 8],
    ids=["one-letter", "two-letters", "digits", "word"],
)
def test_production_refuses_a_long_but_guessable_key(key: str):
    result = run_check(DJANGO_SECRET_KEY=key)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_deploy_check_is_clean_with_a_real_key():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SETTINGS_MODULE": "claimtracker.settings.production",
            "DJANGO_SECRET_KEY": "k" * 20 + "Zq8#vP2@xL5!wR9$mN3%bT6^yH1&cJ4*" + "a" * 20,
            "DJANGO_ALLOWED_HOSTS": "claims.example.org",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.django_db
def test_local_admin_is_created_once_with_a_generated_password(settings, capsys):
    settings.USES_DEFAULT_DATABASE = True
    call_command("ensure_local_admin")
    first = capsys.readouterr().out
    call_command("ensure_local_admin")
    second = capsys.readouterr().out

    password = first.split("password: ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)
    assert len(password) >= 12
    assert "already exists" in second and password not in second


@pytest.mark.django_db
def test_no_local_admin_on_a_configured_database(settings, capsys):
    settings.USES_DEFAULT_DATABASE = False
    call_command("ensure_local_admin")

    assert not get_user_model().objects.exists()
    assert "createsuperuser" in capsys.readouterr().out


def test_the_embedded_database_commits_without_waiting_for_the_disk(tmp_path: Path):
    """WAL with synchronous=NORMAL: one commit per article costs microseconds, not an fsync."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment["DATABASE_URL"] = f"sqlite:///{tmp_path / 'claims.sqlite3'}"
    script = (
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    modes = [cursor.execute(f'PRAGMA {p}').fetchone()[0] for p in ('journal_mode', 'synchronous')]\n"
        "print(*modes)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.stdout.split() == ["wal", "1"], result.stderr  # 1 is NORMAL
