"""An ingest killed with SIGKILL in the middle of a batch loses nothing it had committed,
commits nothing by halves, and a second run finishes the work: the database then equals
one filled by a single clean run.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from claims.services import parallel_ingest
from claims.services.outcomes import FAILED, NEW, IngestOutcome
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
    # The reference: one clean run, in a database of its own, alongside.
    reference = start_manage("ingest", str(folder), "--quiet", database_url=clean)
    process = start_manage("ingest", str(folder), "--batch-size", "4", database_url=killed)
    while process.poll() is None and stored_articles(killed) < KILL_AFTER:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it was killed"

    _, reference_errors = reference.communicate(timeout=600)
    assert reference.returncode == 0, reference_errors[-2000:]
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


def worker_pids(parent: int) -> list[int]:
    """The child processes of ``parent`` (Linux)."""
    children = Path(f"/proc/{parent}/task/{parent}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds workers through /proc")
def test_a_worker_killed_under_ingest_workers_is_reported_and_the_run_ends(
    folder: Path, subprocess_db: str
):
    process = start_manage(
        "ingest", str(folder), "--workers", "2", "--batch-size", "2", database_url=subprocess_db
    )
    while process.poll() is None and stored_articles(subprocess_db) < 2:
        time.sleep(0.02)
    workers = worker_pids(process.pid)
    assert workers, "the ingest finished before a worker could be killed"
    victim = workers[0]
    os.kill(victim, signal.SIGKILL)

    _, err = process.communicate(timeout=300)  # before the fix, it waited forever

    assert process.returncode == 1
    assert f"FAILED      <worker {victim}>: worker died (exit code -9)" in err
    rerun = manage("ingest", str(folder), "--format", "json", database_url=subprocess_db)
    report = json.loads(rerun.stdout)
    assert report["failed"] == 0
    assert report["new"] + report["unchanged"] == ARTICLES
    assert stored_articles(subprocess_db) == ARTICLES


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds workers through /proc")
def test_workers_end_when_their_parent_is_killed(folder: Path, subprocess_db: str):
    """Orphaned, they used to work through the queue and then hang for good."""
    args = ("ingest", str(folder), "--workers", "2", "--batch-size", "2")

    assert not children_left_by_a_killed(args, subprocess_db), "workers outlived their parent"
    assert stored_articles(subprocess_db) < ARTICLES, "the orphans went on with the queue"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the child through /proc")
def test_the_parsing_process_ends_when_its_parent_is_killed(folder: Path, subprocess_db: str):
    """One ingest process parses in a child; killed outright, it must not leave the child
    (and its spaCy model) waiting forever for work."""
    args = ("ingest", str(folder), "--batch-size", "2")

    assert not children_left_by_a_killed(args, subprocess_db), "the child outlived its parent"


def children_left_by_a_killed(args: tuple[str, ...], database_url: str) -> list[int]:
    """Start ``manage.py ARGS``, kill it outright once it has stored two articles, and
    return its child processes still running a minute later."""
    process = start_manage(*args, database_url=database_url)
    while process.poll() is None and stored_articles(database_url) < 2:
        time.sleep(0.02)
    children = worker_pids(process.pid)
    assert children, "the ingest finished before its parent could be killed"

    process.kill()
    process.communicate(timeout=60)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    return [pid for pid in children if _alive(pid)]


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for init to reap it does not)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"


def _worker_that_may_die_reporting(files, results, overrides, batch_size, parent) -> None:
    """A stand-in for ingest's worker: the one that takes "dies.txt" ends while holding its
    results queue's write lock, as a worker killed in the middle of sending does (the lock
    is a semaphore: nothing releases it). The others report every file and end."""
    while (path := files.get()) is not None:
        if path == "dies.txt":
            results._wlock.acquire()
            os._exit(9)
        results.put(IngestOutcome(path, NEW))
    results.put((parallel_ingest._DONE, os.getpid()))


def test_a_worker_killed_while_reporting_does_not_silence_the_others(monkeypatch):
    """With one queue for all results, the dead worker's lock blocked every other worker's
    last messages and the run never ended."""
    monkeypatch.setattr(parallel_ingest, "_worker", _worker_that_may_die_reporting)

    _assert_the_others_finish_and_the_death_is_reported()


def _assert_the_others_finish_and_the_death_is_reported() -> None:
    """Two workers ingest "dies.txt" and six articles: the run ends, every other article is
    reported stored and the dead worker is reported."""
    files = ["dies.txt", *(f"article-{n}.txt" for n in range(6))]
    outcomes: list[IngestOutcome] = []
    run = threading.Thread(
        target=lambda: outcomes.extend(parallel_ingest.ingest_in_workers(files=files, workers=2)),
        daemon=True,  # a run that never ends must not hold the test process either
    )
    run.start()
    run.join(timeout=60)

    assert not run.is_alive(), "the run never ended"
    assert sorted(o.source for o in outcomes if o.status == NEW) == sorted(files[1:])
    [died] = [o for o in outcomes if o.status == FAILED]
    assert "worker died (exit code 9)" in died.error


def _worker_that_may_die_taking_a_file(files, results, overrides, batch_size, parent) -> None:
    """A stand-in for ingest's worker: the one that takes "dies.txt" ends while holding the
    read lock of the queue it takes files from, as a worker killed in the middle of taking
    one does. The others report every file and end."""
    while (path := files.get()) is not None:
        if path == "dies.txt":
            getattr(files, "inbox", files)._rlock.acquire()
            os._exit(9)
        results.put(IngestOutcome(path, NEW))
    results.put((parallel_ingest._DONE, os.getpid()))


def test_a_worker_killed_while_taking_a_file_does_not_stop_the_others(monkeypatch):
    """With one queue of files for all workers, the dead worker's read lock left the others
    waiting for their next file forever."""
    monkeypatch.setattr(parallel_ingest, "_worker", _worker_that_may_die_taking_a_file)

    _assert_the_others_finish_and_the_death_is_reported()
