"""Ingest through Celery (``manage.py ingest --queue`` and ``--follow``).

One task per file for workers on any machine (``celery -A claimtracker worker``); the
outcomes come back as each task finishes, read back into ``IngestOutcome``. A group's
results are saved, so that a later run can follow a group enqueued without waiting.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from celery import group
from celery.result import GroupResult

from claims.core.exceptions import ApplicationError
from claims.services.outcomes import FAILED, IngestOutcome
from claims.services.store import ArticleOverrides


class UnknownTaskGroupError(ApplicationError):
    """No task group has that id: never enqueued, or its results expired."""


def enqueue_files(*, files: Sequence[str], overrides: ArticleOverrides) -> GroupResult:
    """One ingest task per file (already expanded paths); the saved group of their results."""
    from claims.tasks import ingest_file_task

    published = overrides.published.isoformat() if overrides.published else ""
    tasks = group(
        ingest_file_task.s(path, overrides.outlet, overrides.url, published) for path in files
    )
    result = tasks.apply_async()
    result.save()  # so that `ingest --follow` can find the group later
    return result


def restore_group(*, group_id: str) -> GroupResult:
    """The task group enqueued as ``group_id``; ``UnknownTaskGroupError`` if there is none."""
    from claimtracker.celery import app

    result = GroupResult.restore(group_id, app=app)
    if result is None:
        raise UnknownTaskGroupError(f"no task group {group_id} (unknown, or its results expired)")
    return result


def task_outcomes(
    *, result: GroupResult, files: Sequence[str] | None = None
) -> Iterator[IngestOutcome]:
    """Each task's article outcomes as it finishes; a task that crashed fails its file.

    ``files`` are the tasks' paths when known; a restored group reads them from the stored
    task arguments (``CELERY_RESULT_EXTENDED``).
    """
    for index, task in enumerate(result.results):
        try:
            entries = task.get(disable_sync_subtasks=False, propagate=True)
        except Exception as exc:  # the worker's exception, re-raised here by Celery
            path = files[index] if files else (task.args or ["(unknown file)"])[0]
            yield IngestOutcome(path, FAILED, error=f"worker task failed: {exc!r}")
            continue
        yield from (IngestOutcome.from_dict(entry) for entry in entries)
