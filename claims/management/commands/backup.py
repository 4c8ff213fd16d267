"""``manage.py backup [-o FILE]``: the whole database as one file, for ``manage.py restore``."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.services.backup import backed_up_models, rows_in, write_backup


class Command(BaseCommand):
    help = (
        "Back up every article, speaker, alias, topic, statement, stance, review decision, "
        "their history and the users, to one JSON file (.gz, .bz2 or .xz compresses it)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "-o",
            "--output",
            help="file to write (default: claimtracker-backup-<UTC time>.json.gz here)",
        )

    def handle(self, *args, output: str | None, **options) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = Path(output or f"claimtracker-backup-{stamp}.json.gz")
        if target.parent and not target.parent.is_dir():
            raise CommandError(f"{target.parent}: no such folder")
        try:
            write_backup(output=target)
        except OSError as error:
            raise CommandError(f"{target}: cannot write: {error.strerror}") from error
        counts = rows_in(backed_up_models())
        total = sum(counts.values())
        self.stderr.write(f"Wrote {total} rows from {len(counts)} tables to {target}")
