"""``manage.py import claimreview FILE``: a fact-checker's schema.org ClaimReview ratings
attach to the stored claims they review; those that match no claim are listed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.services.claim_reviews import import_claim_reviews


class Command(BaseCommand):
    help = (
        "Import fact-checks: a JSON-LD file of ClaimReview objects (one, a list, or an @graph), "
        "each attached to the claim whose text it reviews; unmatched ones are listed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("what", choices=["claimreview"])
        parser.add_argument("file", help="the JSON-LD file, or - for standard input")

    def handle(self, *args, what: str, file: str, **options) -> None:
        data = self._read(file)
        report = import_claim_reviews(data=data)
        claims = {claim_id for _, claim_id in report.attached}
        self.stdout.write(
            f"Attached {len(report.attached)} fact-check(s) to {len(claims)} claim(s); "
            f"{len(report.unmatched)} matched no claim; {len(report.invalid)} not read."
        )
        for record in report.unmatched:
            text = " ".join(record.claim_reviewed.split())
            snippet = text if len(text) <= 100 else text[:99] + "…"
            self.stdout.write(f"no claim: {record.url} “{snippet}”")
        for position, reason in report.invalid:
            self.stdout.write(f"not read: item {position}: {reason}")

    def _read(self, file: str) -> object:
        try:
            text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise CommandError(f"{file}: cannot read: {exc.strerror}") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{file}: not UTF-8 text") from exc
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise CommandError(f"{file}: not JSON: {exc}") from exc
