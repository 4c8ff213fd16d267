"""Ingest in several processes: ``--workers`` on one machine, ``--queue`` through Celery and Redis.

These run the real commands as subprocesses against a database of their own (a SQLite file,
or a fresh PostgreSQL database when the suite runs on PostgreSQL), since the workers are
separate processes that must see committed rows.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")

ARTICLE = (
    "Senator questions budget {n}\n\n"
    "Senator Maria Alvarez said the budget plan number {n} would raise taxes on families.\n\n"
    "“This plan is a mistake,” Alvarez told reporters.\n"
)


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A database for the subprocesses: PostgreSQL when the suite runs on it, else SQLite."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        yield f"sqlite:///{tmp_path / 'ingest.sqlite3'}"
        return
    import psycopg

    name = f"claimtracker_sub_{uuid.uuid4().hex[:10]}"
    admin = dict(host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"], dbname="postgres")
    with psycopg.connect(**admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    yield f"postgres://{user}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
    with psycopg.connect(**admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=check,
    )


@pytest.fixture
def environment(database_url: str) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": database_url, "CELERY_QUEUE": f"test-{uuid.uuid4().hex}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    manage("migrate", "--noinput", "-v", "0", env=env)
    return env


@pytest.fixture
def articles(tmp_path: Path, seed_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(5):
        (folder / f"budget-{n}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
    shutil.copy(seed_path, folder / seed_path.name)
    return folder


@pytest.fixture
def articles_with_corpus(articles: Path) -> Path:
    """The articles plus two real news articles from the shared corpus, when it is there."""
    corpus = sorted((ROOT.parent / "shared" / "gold" / "polnear-train").glob("*.txt"))[:2]
    for path in corpus:
        shutil.copy(path, articles / path.name)
    return articles


def stored(env: dict[str, str]) -> list[dict]:
    out = manage("export", "statements", env=env).stdout
    return [json.loads(line) for line in out.splitlines()]


def test_two_workers_store_every_article_once(environment, articles: Path):
    first = manage("ingest", str(articles), "--workers", "2", "--format", "json", env=environment)
    again = manage("ingest", str(articles), "--workers", "2", "--format", "json", env=environment)

    report, second = json.loads(first.stdout), json.loads(again.stdout)
    assert (report["new"], report["failed"]) == (6, 0)
    assert (second["new"], second["unchanged"]) == (0, 6)
    rows = stored(environment)
    assert {Path(row["document"]).name for row in rows} >= {"budget-0.txt", "budget-4.txt"}
    assert {row["speaker"] for row in rows if "budget" in row["document"]} == {"Maria Alvarez"}


def redis_is_up() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(settings.CELERY_BROKER_URL).ping())
    except redis.exceptions.ConnectionError:
        return False


@pytest.mark.skipif(not redis_is_up(), reason="Redis (the Celery broker) is not running")
def test_queued_articles_are_stored_by_a_real_worker(environment, articles_with_corpus: Path):
    files = len(list(articles_with_corpus.iterdir()))
    worker = subprocess.Popen(
        [
            str(CELERY),
            "-A",
            "claimtracker",
            "worker",
            "--concurrency",
            "2",
            "--pool",
            "prefork",
            "-Q",
            environment["CELERY_QUEUE"],
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        first = manage(
            "ingest", "--queue", str(articles_with_corpus), "--format", "json", env=environment
        )
        enqueued = manage(
            "ingest", "--queue", "--no-wait", str(articles_with_corpus), env=environment
        )
        group_id = enqueued.stderr.split("task group ")[1].split()[0]
        followed = manage("ingest", "--follow", group_id, "--format", "json", env=environment)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        time.sleep(0.1)

    report = json.loads(first.stdout)
    assert (report["new"], report["failed"]) == (files, 0)
    assert f"--follow {group_id}" in enqueued.stderr
    assert json.loads(followed.stdout)["unchanged"] == files
    rows = stored(environment)
    assert sum(1 for row in rows if row["speaker"] == "Sergey Lavrov") >= 14
    assert {row["speaker"] for row in rows if "budget" in row["document"]} == {"Maria Alvarez"}


def test_following_an_unknown_task_group_fails_clearly(environment):
    if not redis_is_up():
        pytest.skip("Redis (the Celery broker) is not running")
    result = manage("ingest", "--follow", "no-such-group", env=environment, check=False)

    assert result.returncode == 1
    assert "no task group no-such-group" in result.stderr
