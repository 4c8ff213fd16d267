"""One outcome type: what a Celery task sends back reads as the outcome it was."""

from __future__ import annotations

from pathlib import Path

from claims.services.outcomes import FAILED, NEW, IngestOutcome
from claims.services.parallel_ingest import files_to_ingest
from claims.services.queued_ingest import task_outcomes


def test_an_outcome_survives_the_trip_through_a_task_result():
    outcome = IngestOutcome("feed.jsonl", NEW, statements=3, speakers_new=1, line=2, article_id=7)

    assert IngestOutcome.from_dict(outcome.as_dict()) == outcome


class _Task:
    def __init__(self, entries=None, error: Exception | None = None) -> None:
        self.entries, self.error, self.args = entries, error, ["b.txt"]

    def get(self, **options):
        if self.error is not None:
            raise self.error
        return self.entries


class _Group:
    def __init__(self, *tasks: _Task) -> None:
        self.results = list(tasks)


def test_task_results_become_outcomes_and_a_crashed_task_fails_its_file():
    stored = IngestOutcome("a.txt", NEW, statements=2, article_id=1)
    result = _Group(_Task([stored.as_dict()]), _Task(error=MemoryError("out of memory")))

    first, second = task_outcomes(result=result, files=["a.txt", "b.txt"])

    assert first == stored
    assert (second.source, second.status) == ("b.txt", FAILED)
    assert "worker task failed: MemoryError" in second.error


def test_paths_expand_to_files_and_dead_ends_to_failures(tmp_path: Path):
    (tmp_path / "a.txt").write_text("The minister spoke.", encoding="utf-8")

    files, failures = files_to_ingest([str(tmp_path), str(tmp_path / "missing.txt")])

    assert files == [str(tmp_path / "a.txt")]
    assert [(f.source, f.status) for f in failures] == [(str(tmp_path / "missing.txt"), FAILED)]
