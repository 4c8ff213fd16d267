"""Production settings as docs/deploy.md runs them: ``check --deploy`` clean, HTTPS enforced,
static files collected and served by WhiteNoise, gunicorn loads the app. Each runs in a
subprocess with only the production environment (the suite itself runs local settings)."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
HOST = "claims.example.org"


@pytest.fixture
def production_env(tmp_path: Path) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.pop("CLAIMTRACKER_API_NUM_PROXIES", None)
    environment.update(
        DJANGO_SETTINGS_MODULE="claimtracker.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    return environment


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return run(env, sys.executable, "manage.py", *args)


def test_check_deploy_reports_no_issues(production_env: dict[str, str]) -> None:
    result = manage(production_env, "check", "--deploy", "--fail-level", "DEBUG")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_debug_stays_off_whatever_the_environment_says(production_env: dict[str, str]) -> None:
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'debug': s.DEBUG, 'ssl': s.SECURE_SSL_REDIRECT, "
        "'hsts': s.SECURE_HSTS_SECONDS, 'cookies': [s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE], 'proxies': s.REST_FRAMEWORK['NUM_PROXIES']}))"
    )
    result = run({**production_env, "DJANGO_DEBUG": "1"}, sys.executable, "-c", script)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "debug": False,
        "ssl": True,
        "hsts": 365 * 24 * 3600,
        "cookies": [True, True],
        "proxies": 1,
    }


SERVE = f"""
import json, django
django.setup()
from django.test import Client
from django.contrib.staticfiles.storage import staticfiles_storage
client = Client(HTTP_HOST="{HOST}")
css = staticfiles_storage.url("admin/css/base.css")
static = client.get(css, secure=True)
plain = client.get("/api/", secure=False)
login = client.get("/admin/login/", secure=True)
print(json.dumps({{
    "css": css, "static": static.status_code, "cache": static.headers.get("Cache-Control"),
    "plain": plain.status_code, "location": plain.headers.get("Location"),
    "login": login.status_code, "hsts": login.headers.get("Strict-Transport-Security"),
    "css_linked": css in login.content.decode(),
    "cookie_secure": bool(login.cookies["csrftoken"]["secure"]),
    "csp": login.headers.get("Content-Security-Policy"),
    "docs": client.get("/api/docs/", secure=True).status_code,
}}))
"""


def test_static_files_are_collected_and_served_over_https_only(
    production_env: dict[str, str],
) -> None:
    assert manage(production_env, "migrate", "--noinput", "-v0").returncode == 0
    collected = manage(production_env, "collectstatic", "--noinput", "-v0")
    assert collected.returncode == 0, collected.stderr

    result = run(production_env, sys.executable, "-c", SERVE)

    assert result.returncode == 0, result.stderr
    served = json.loads(result.stdout)
    assert served["css"].startswith("/static/admin/css/base.") and served["css"] != (
        "/static/admin/css/base.css"
    )  # a hashed name, cached for good
    assert served["static"] == 200
    assert "immutable" in served["cache"]
    assert (served["plain"], served["location"]) == (301, f"https://{HOST}/api/")
    assert served["login"] == 200 and served["css_linked"]
    assert served["hsts"].startswith("max-age=31536000")
    assert served["cookie_secure"]
    directives = {part.strip() for part in served["csp"].split(";")}
    assert {"script-src 'self'", "frame-ancestors 'none'"} <= directives
    assert served["docs"] == 200  # its static files are collected (hashed names resolve)


def test_gunicorn_loads_the_app(production_env: dict[str, str]) -> None:
    gunicorn = Path(sys.executable).with_name("gunicorn")

    result = run(production_env, str(gunicorn), "--check-config", "claimtracker.wsgi:application")
    broken = run(production_env, str(gunicorn), "--check-config", "claimtracker.nowhere:app")

    assert result.returncode == 0, result.stdout + result.stderr
    assert broken.returncode != 0  # --check-config does import the app
