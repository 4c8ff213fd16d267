"""Ingest spread over worker processes on one machine (``manage.py ingest --workers N``).

Each worker is a forked process with its own database connection and its own spaCy
pipeline (loaded once per process). A worker asks the parent for each next file as it needs
one, so a slow file does not hold the others back, and sends its outcomes back as it
finishes each article. Every worker has a queue of its own each way: a worker killed while
it reads or writes a queue leaves that queue's lock taken for good, which on a shared queue
would stop the other workers too.
Idempotency is the same as in one process: the unique content hash decides, and a worker
that loses a race reports the article as unchanged.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import time
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path

from django.db import connections

from claims.core.processes import die_with_parent
from claims.readers import STDIN, ReadFailure, expand_paths, read_sources
from claims.services.ingest import ArticleOverrides, ingest_articles
from claims.services.outcomes import FAILED, IngestOutcome

_DONE = "__done__"
_WANT = "__want__"
# How long the parent waits for a result before it checks whether a worker has died.
_POLL_SECONDS = 1.0
# How often it looks at the workers' queues meanwhile.
_LOOK_SECONDS = 0.01


def files_to_ingest(
    paths: Sequence[str], *, follow_links: bool = False
) -> tuple[list[str], list[IngestOutcome]]:
    """Expanded file paths to hand to workers or tasks, and the dead ends as failed outcomes
    (``follow_links`` as in ``expand_paths``)."""
    files, failures = [], []
    for item in expand_paths(paths, follow_links=follow_links):
        if isinstance(item, ReadFailure):
            failures.append(IngestOutcome(item.source, FAILED, error=item.reason))
        elif item is not STDIN:
            files.append(str(Path(item)))
    return files, failures


class FileRequests:
    """A worker's source of files: each ``get`` asks the parent for the next one on the
    worker's results queue and waits for it on the worker's own ``inbox`` (None: no more)."""

    def __init__(self, index: int, inbox, results) -> None:
        self.index, self.inbox, self.results = index, inbox, results

    def get(self) -> str | None:
        self.results.put((_WANT, self.index))
        return self.inbox.get()


def _worker(files, results, overrides: ArticleOverrides, batch_size: int, parent: int) -> None:
    die_with_parent(parent)  # an orphaned worker also takes no more files (next_files)

    def next_files() -> Iterator[str]:
        # None ends the files; an orphaned worker takes no more.
        while os.getppid() == parent and (path := files.get()) is not None:
            yield path

    try:
        # One stream per worker, so its articles are parsed in nlp.pipe batches; files are
        # asked for as the batches need them.
        articles = (item for path in next_files() for item in read_sources([path]))
        for outcome in ingest_articles(items=articles, overrides=overrides, batch_size=batch_size):
            results.put(outcome)
    except Exception as exc:  # report, never hang the parent
        results.put(IngestOutcome("<worker>", FAILED, error=f"worker crashed: {exc!r}"))
    finally:
        connections.close_all()
        results.put((_DONE, os.getpid()))


def ingest_in_workers(
    *,
    files: Sequence[str],
    workers: int,
    overrides: ArticleOverrides | None = None,
    batch_size: int = 16,
) -> Iterator[IngestOutcome]:
    """Ingest ``files`` (already expanded paths) with ``workers`` processes; yield outcomes."""
    context = multiprocessing.get_context("fork")
    count = max(1, min(workers, len(files)))
    inboxes = [context.Queue() for _ in range(count)]
    results = [context.Queue() for _ in range(count)]
    waiting = deque(str(path) for path in files)
    # Forked children must not share the parent's open database connection.
    connections.close_all()
    processes = [
        context.Process(
            target=_worker,
            args=(
                FileRequests(index, inboxes[index], results[index]),
                results[index],
                overrides or ArticleOverrides(),
                batch_size,
                os.getpid(),
            ),
            daemon=True,
        )
        for index in range(count)
    ]
    for process in processes:
        process.start()
    finished: set[int] = set()
    suspects: set[int] = set()
    try:
        while len(finished) < len(processes):
            try:
                item = _next_result(results, timeout=_POLL_SECONDS)
            except queue.Empty:
                # A worker killed outright (SIGKILL, out of memory) never says it is done:
                # report it instead of waiting forever. Declared dead only after a second
                # quiet poll, so that its last messages, already sent, are read first.
                dead = {p.pid for p in processes if p.exitcode is not None} - finished
                for pid in dead & suspects:
                    finished.add(pid)
                    yield IngestOutcome(
                        f"<worker {pid}>",
                        FAILED,
                        error=f"worker died (exit code {_exit_code(processes, pid)}); the "
                        "articles it was storing are not stored: run the command again",
                    )
                suspects = dead - finished
                continue
            if isinstance(item, tuple) and item[0] == _WANT:
                inboxes[item[1]].put(waiting.popleft() if waiting else None)
            elif isinstance(item, tuple) and item[0] == _DONE:
                finished.add(item[1])
            else:
                yield item
    finally:
        for process in processes:
            process.join(timeout=5)


def _next_result(queues: list, *, timeout: float) -> object:
    """The next message on any of ``queues``; ``queue.Empty`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        for results in queues:
            try:
                return results.get_nowait()
            except queue.Empty:
                pass
        if time.monotonic() >= deadline:
            raise queue.Empty
        time.sleep(_LOOK_SECONDS)


def _exit_code(processes: list, pid: int) -> int | None:
    return next((p.exitcode for p in processes if p.pid == pid), None)
