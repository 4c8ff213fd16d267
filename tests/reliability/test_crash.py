"""An ingest killed with SIGKILL in the middle of a batch loses nothing it had committed,
commits nothing by halves, and a second run finishes the work: the database then equals
one filled by a single clean run.
"""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability import badfolder, state
from tests.reliability.conftest import manage, query, start_manage

pytestmark = pytest.mark.nlp

ARTICLES = 16
KILL_AFTER = 5  # articles committed before the kill; batches are 4, so mid-batch


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in badfolder.good_texts(ARTICLES):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def stored_articles(url: str) -> int:
    return query(url, "SELECT count(*) FROM claims_article")[0][0]


def test_a_killed_ingest_leaves_whole_articles_and_a_second_run_completes_the_work(
    folder: Path, new_subprocess_db: Callable[[], str]
):
    killed, clean = new_subprocess_db(), new_subprocess_db()
    process = start_manage("ingest", str(folder), "--batch-size", "4", database_url=killed)
    while process.poll() is None and stored_articles(killed) < KILL_AFTER:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it was killed"

    manage("ingest", str(folder), "--quiet", database_url=clean)
    expected = state.content(clean)
    after_kill = state.statements_by_article(killed)
    assert KILL_AFTER <= len(after_kill) < ARTICLES
    for digest, statements in after_kill.items():
        assert statements == expected["articles"][digest], "an article without all its statements"
    assert query(killed, "SELECT count(*) FROM claims_article WHERE extractor_version = ''") == [
        (0,)
    ]

    rerun = manage("ingest", str(folder), "--format", "json", database_url=killed)

    report = json.loads(rerun.stdout)
    assert (report["unchanged"], report["new"], report["failed"]) == (
        len(after_kill),
        ARTICLES - len(after_kill),
        0,
    )
    assert state.content(killed) == expected
