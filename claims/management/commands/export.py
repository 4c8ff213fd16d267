"""``manage.py export statements|stances|claimreview``: write what is stored as JSON Lines or
CSV, or the rated claims as schema.org ClaimReview JSON-LD."""

from __future__ import annotations

import csv
import json
from contextlib import nullcontext
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.selectors.claim_reviews import claim_reviews
from claims.selectors.exports import STANCE_FIELDS, STATEMENT_FIELDS, stance_rows, statement_rows

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

    def handle(self, *args, what: str, fmt: str, output: str | None, **options) -> None:
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
                else self._write_rows(stream, what, fmt)
            )
        if output:
            self.stderr.write(f"Wrote {count} {what} to {Path(output)}")

    def _write_rows(self, stream, what: str, fmt: str) -> int:
        fields, rows = EXPORTS[what]
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


def _csv_value(value):
    return "; ".join(map(str, value)) if isinstance(value, list) else value
