"""Databases of their own for ``manage.py ingest`` run as real processes, and ways to read them.

A subprocess cannot see the test's transaction, so each test that runs one gets a fresh,
migrated database: a copy of a SQLite file migrated once per test process, or a PostgreSQL
database cloned from a template migrated once per test process.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import dj_database_url
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
# Where to find PostgreSQL when the suite itself runs on SQLite (the CI machine has one).
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def manage_env(database_url: str) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONUNBUFFERED": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)  # manage.py's default: local settings
    return env


def manage(*args: str, database_url: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=manage_env(database_url),
        capture_output=True,
        text=True,
        timeout=600,
        check=check,
    )


def start_manage(*args: str, database_url: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=manage_env(database_url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def query(database_url: str, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows from a subprocess's database, read over a connection of our own."""
    config = dj_database_url.parse(database_url)
    if config["ENGINE"].endswith("sqlite3"):
        with sqlite3.connect(config["NAME"], timeout=30) as connection:
            return connection.execute(sql.replace("%s", "?"), params).fetchall()
    import psycopg

    with psycopg.connect(**_pg_params(database_url)) as connection:
        return connection.execute(sql, params).fetchall()


def _pg_params(url: str) -> dict:
    config = dj_database_url.parse(url)
    params = {
        "host": config["HOST"] or "127.0.0.1",
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "dbname": config["NAME"],
        "connect_timeout": 5,
    }
    if config.get("PASSWORD"):
        params["password"] = config["PASSWORD"]
    return params


def _postgres_url() -> str:
    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.postgresql":
        user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/postgres"
    return os.environ.get("CLAIMTRACKER_TEST_POSTGRES_URL", DEFAULT_POSTGRES)


def _with_name(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


class Postgres:
    """Creates databases cloned from one migrated template, and drops them."""

    def __init__(self, admin_url: str, template: str) -> None:
        self.admin_url = admin_url
        self.template = template

    def _execute(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(**_pg_params(self.admin_url), autocommit=True) as connection:
            connection.execute(sql)

    def create(self) -> str:
        name = f"claimtracker_rel_{uuid.uuid4().hex[:12]}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return _with_name(self.admin_url, name)

    def drop(self, url: str) -> None:
        name = dj_database_url.parse(url)["NAME"]
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """PostgreSQL with a migrated template; the tests that need it skip when it is unreachable."""
    try:
        import psycopg

        admin_url = _postgres_url()
        psycopg.connect(**_pg_params(admin_url)).close()
    except Exception as error:  # no server, no driver, refused: all mean "not here"
        pytest.skip(f"PostgreSQL is not reachable ({error.__class__.__name__}: {error})")
    template = f"claimtracker_rel_tpl_{uuid.uuid4().hex[:12]}"
    server = Postgres(admin_url, template)
    server._execute(f'CREATE DATABASE "{template}"')
    try:
        manage("migrate", "--noinput", "-v", "0", database_url=_with_name(admin_url, template))
        yield server
    finally:
        server._execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')


@pytest.fixture
def postgres_url(postgres: Postgres) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for subprocesses."""
    url = postgres.create()
    yield url
    postgres.drop(url)


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite-template") / "migrated.sqlite3"
    manage("migrate", "--noinput", "-v", "0", database_url=f"sqlite:///{path}")
    return path


@pytest.fixture
def new_subprocess_db(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[[], str]]:
    """Makes fresh, migrated databases of the suite's kind (SQLite or PostgreSQL)."""
    on_postgres = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    made: list[str] = []

    def make() -> str:
        if on_postgres:
            url = request.getfixturevalue("postgres").create()
        else:
            path = tmp_path / f"ingest-{len(made)}.sqlite3"
            shutil.copy(request.getfixturevalue("_sqlite_template"), path)
            url = f"sqlite:///{path}"
        made.append(url)
        return url

    yield make
    if on_postgres:
        for url in made:
            request.getfixturevalue("postgres").drop(url)


@pytest.fixture
def subprocess_db(new_subprocess_db: Callable[[], str]) -> str:
    """A fresh, migrated database of the suite's kind for subprocesses."""
    return new_subprocess_db()
