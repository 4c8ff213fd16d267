"""``manage.py export statements|stances|claimreview``: write what is stored as JSON Lines or
CSV, or the rated claims as schema.org ClaimReview JSON-LD.

Statements take the API's filters: ``--attribution said``, ``--review-status approved``,
``--speaker sergey-lavrov`` (id or slug), ``--topic belarus`` (with its sub-topics),
``--since``/``--until`` (the article's publication date, YYYY-MM-DD).
"""

from __future__ import annotations

import csv
import json
from argparse import ArgumentTypeError
from contextlib import nullcontext
from datetime import date
from functools import partial
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.models import Attribution, ReviewStatus, Speaker, Topic
from claims.selectors.claim_reviews import claim_reviews
from claims.selectors.exports import (
    STANCE_FIELDS,
    STATEMENT_FIELDS,
    StatementFilters,
    stance_rows,
    statement_rows,
)
from claims.selectors.lookups import find_by_id_or_slug

EXPORTS = {
    "statements": (STATEMENT_FIELDS, statement_rows),
    "stances": (STANCE_FIELDS, stance_rows),
}
# Not rows: one JSON-LD document, a list of ClaimReview objects.
CLAIM_REVIEW = "claimreview"


class Command(BaseCommand):
    help = (
        "Export stored statements or stances as JSON Lines (default) or CSV, or the rated "
        "claims (claimreview) as schema.org ClaimReview JSON-LD."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("what", choices=[*sorted(EXPORTS), CLAIM_REVIEW])
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl", dest="fmt")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")
        filters = parser.add_argument_group("statement filters (as the API's)")
        filters.add_argument("--attribution", choices=Attribution.values)
        filters.add_argument("--review-status", choices=ReviewStatus.values)
        filters.add_argument("--speaker", help="speaker id or slug")
        filters.add_argument("--topic", help="topic slug or id; its sub-topics are included")
        filters.add_argument("--since", type=_date, help="published on or after (YYYY-MM-DD)")
        filters.add_argument("--until", type=_date, help="published on or before (YYYY-MM-DD)")

    def handle(self, *args, what: str, fmt: str, output: str | None, **options) -> None:
        filters = _statement_filters(options)
        if what != "statements" and filters != StatementFilters():
            raise CommandError("the filters apply to statements only")
        try:
            target = (
                open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed by `with` below)
                if output
                else nullcontext(self.stdout)
            )
        except OSError as exc:
            raise CommandError(f"{output}: cannot write: {exc.strerror}") from exc
        self.stdout.ending = ""  # rows carry their own line ends
        with target as stream:
            count = (
                self._write_claim_reviews(stream)
                if what == CLAIM_REVIEW
                else self._write_rows(stream, what, fmt, filters)
            )
        if output:
            self.stderr.write(f"Wrote {count} {what} to {Path(output)}")

    def _write_rows(self, stream, what: str, fmt: str, filters: StatementFilters) -> int:
        fields, rows = EXPORTS[what]
        if what == "statements":
            rows = partial(statement_rows, filters=filters)
        count = 0
        if fmt == "csv":
            writer = csv.DictWriter(stream, fieldnames=fields)
            writer.writeheader()
        for row in rows():
            if fmt == "csv":
                writer.writerow({k: _csv_value(v) for k, v in row.items()})
            else:
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count

    def _write_claim_reviews(self, stream) -> int:
        # One JSON-LD document (a list of ClaimReview objects), whatever --format says.
        reviews = list(claim_reviews())
        stream.write(json.dumps(reviews, ensure_ascii=False, indent=2) + "\n")
        return len(reviews)


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def _statement_filters(options: dict) -> StatementFilters:
    """The filters given, with the speaker and topic looked up as the API does (id or slug)."""
    found = {}
    for name, model in (("speaker", Speaker), ("topic", Topic)):
        value = options.get(name)
        if value:
            found[name] = find_by_id_or_slug(queryset=model.objects.all(), value=value)
            if found[name] is None:
                raise CommandError(f"--{name}: no {name} has the id or slug {value!r}")
    return StatementFilters(
        attribution=options.get("attribution") or "",
        review_status=options.get("review_status") or "",
        speaker=found.get("speaker"),
        topic=found.get("topic"),
        since=options.get("since"),
        until=options.get("until"),
    )


def _csv_value(value):
    return "; ".join(map(str, value)) if isinstance(value, list) else value
