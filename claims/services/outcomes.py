"""What ingesting one input came to: the one outcome type of every way to ingest.

In-process runs, worker processes and Celery tasks all report ``IngestOutcome``; a task
sends it as a dict (``as_dict``) and the caller reads it back (``from_dict``).
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.models import Article
from claims.nlp.records import ArticleExtraction

NEW, UNCHANGED, REEXTRACTED, FAILED, DRY_RUN = (
    "new",
    "unchanged",
    "reextracted",
    "failed",
    "dry-run",
)


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    source: str
    status: str  # NEW, UNCHANGED, REEXTRACTED, FAILED or DRY_RUN
    article: Article | None = None
    statements: int = 0
    speakers_new: int = 0
    error: str = ""
    line: int | None = None
    extraction: ArticleExtraction | None = None  # set on dry runs, for printing
    article_id: int | None = None  # the article's id, also when only the id came back
    warnings: tuple[str, ...] = ()  # what the reader or ingest noticed, e.g. no date

    def __post_init__(self) -> None:
        if self.article is not None and self.article_id is None:
            object.__setattr__(self, "article_id", self.article.pk)

    @property
    def failed(self) -> bool:
        return self.status == FAILED

    def as_dict(self) -> dict:
        """The report entry for this article (command output, task results); a dry run's
        carries what was extracted."""
        entry = {
            "source": self.source,
            "line": self.line,
            "status": self.status,
            "article_id": self.article_id,
            "statements": self.statements,
            "speakers_new": self.speakers_new,
            "error": self.error or None,
            "warnings": list(self.warnings),
        }
        if self.extraction is not None:
            entry["extracted"] = extraction_as_dict(self.extraction)
        return entry

    @classmethod
    def from_dict(cls, entry: dict) -> IngestOutcome:
        """The outcome an ``as_dict`` entry describes (a Celery task's result)."""
        return cls(
            source=entry["source"],
            status=entry["status"],
            statements=entry["statements"],
            speakers_new=entry["speakers_new"],
            error=entry["error"] or "",
            line=entry["line"],
            article_id=entry["article_id"],
            warnings=tuple(entry.get("warnings") or ()),
        )


def extraction_as_dict(extraction: ArticleExtraction) -> dict:
    """What a dry run found, as plain data: each statement with its speaker, each stance."""

    def name(index: int | None) -> str | None:
        return extraction.speakers[index].name if index is not None else None

    return {
        "statements": [
            {
                "speaker": name(record.speaker),
                "speaker_mention": record.speaker_mention,
                "kind": record.kind,
                "cue": record.cue,
                "text": record.text,
                "start": record.start,
                "end": record.end,
                "topics": list(record.topics),
            }
            for record in extraction.statements
        ],
        "stances": [
            {
                "speaker": name(record.speaker),
                "topic": record.topic,
                "polarity": record.polarity,
                "target": record.target,
                "cues": list(record.cues),
                "evidence": list(record.evidence),
            }
            for record in extraction.stances
        ],
    }


def describe(error: Exception) -> str:
    """An exception in one line for a report: its type and the first line of its message."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {message}" if message else type(error).__name__
