"""``manage.py restore FILE``: load a ``manage.py backup`` file into an empty database."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.services.backup import NotEmptyError, NotMigratedError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a file written by manage.py backup into a new, migrated, empty database, "
        "in one transaction (all of it or nothing). Refuses a database that holds rows."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the backup file (.json, or compressed .json.gz…)")

    def handle(self, *args, file: str, **options) -> None:
        source = Path(file)
        if not source.is_file():
            raise CommandError(f"{source}: no such file")
        try:
            loaded = restore_backup(source=source)
        except (NotEmptyError, NotMigratedError) as error:
            raise CommandError(str(error)) from error
        self.stderr.write(f"Restored {loaded} rows from {source}")
