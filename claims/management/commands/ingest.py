"""``manage.py ingest PATH…``: read articles, extract their statements and store them."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import chain

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from claims.core.exceptions import ApplicationError
from claims.nlp.language import ModelNotInstalledError
from claims.nlp.records import ArticleExtraction
from claims.readers import count_articles, read_sources
from claims.readers.records import printable
from claims.services.ingest import ArticleOverrides, ingest_articles
from claims.services.outcomes import DRY_RUN, FAILED, NEW, REEXTRACTED, UNCHANGED, IngestOutcome
from claims.services.parallel_ingest import files_to_ingest, ingest_in_workers
from claims.services.queued_ingest import enqueue_files, restore_group, task_outcomes
from claims.services.reextract import reextract_articles
from claims.services.topics import ensure_curated_topics

# Entries the report keeps (--format json lists them); past this it counts and prints only.
MAX_REPORT_ENTRIES = 10_000


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from exc


class Command(BaseCommand):
    help = (
        "Ingest articles from files, folders (recursively), globs or '-' (standard input): "
        "plain text, HTML pages or JSON Lines. Each article is stored once, in one transaction."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", help="files, folders, globs, or - for stdin")
        parser.add_argument("--outlet", default="", help="outlet name, overriding the file's")
        parser.add_argument("--url", default="", help="article URL, overriding the file's")
        parser.add_argument("--published", type=iso_date, help="publication date (YYYY-MM-DD)")
        parser.add_argument(
            "--dry-run", action="store_true", help="extract and print, write nothing"
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            dest="report_format",
            help="report as text (default) or as one JSON document",
        )
        parser.add_argument(
            "--reextract",
            action="store_true",
            help="run the current extractor again over stored articles (all, or those "
            "ingested from PATHs); rows a reviewer touched are kept",
        )
        parser.add_argument(
            "--follow-links",
            action="store_true",
            help="in folders, also read symbolic links to files outside the folder named "
            "(not read by default: anyone who can write into the folder could point one at "
            "any file this command can read)",
        )
        parser.add_argument("--quiet", action="store_true", help="print failures only")
        parser.add_argument(
            "--workers", type=int, default=1, help="worker processes on this machine (default 1)"
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="enqueue one Celery task per file for workers on any machine "
            "(`celery -A claimtracker worker`), then wait for their results",
        )
        parser.add_argument(
            "--no-wait", action="store_true", help="with --queue: enqueue and return at once"
        )
        parser.add_argument(
            "--follow",
            metavar="GROUP_ID",
            help="wait for a task group enqueued with --queue --no-wait and report its "
            "articles and failures like a waiting --queue run",
        )
        parser.add_argument(
            "--batch-size", type=int, default=16, help="articles per nlp.pipe batch"
        )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        self._check_options(options)
        if not options["dry_run"] and (loaded := ensure_curated_topics()):
            self.stderr.write(
                f"No topics yet: loaded the {loaded} curated topics of fixtures/topics.json"
            )
        try:
            report = self._report(self._outcomes(options), options)
        except ModelNotInstalledError as exc:
            raise CommandError(str(exc)) from exc
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        report["seconds"] = round(time.monotonic() - started, 2)
        self._summarise(report, options)
        if report["failed"]:
            raise CommandError(
                f"{report['failed']} of {report['articles']} inputs failed (reasons above)",
                returncode=1,
            )

    @staticmethod
    def _check_options(options: dict) -> None:
        paths = options["paths"]
        if options["follow"]:
            if paths or options["queue"] or options["reextract"]:
                raise CommandError("--follow GROUP_ID takes no PATH, --queue or --reextract")
            return
        if not paths and not options["reextract"]:
            raise CommandError("name at least one file, folder, glob or '-' (see --help)")
        if options["url"] and len(paths) != 1:
            raise CommandError("--url names one article: give exactly one PATH with it")
        if options["workers"] < 1:
            raise CommandError("--workers must be 1 or more")
        parallel = options["workers"] > 1 or options["queue"]
        if parallel and (options["dry_run"] or options["reextract"]):
            raise CommandError(
                "--workers and --queue store articles: not with --dry-run/--reextract"
            )
        if parallel and "-" in paths:
            raise CommandError(
                "standard input ('-') is read in this process: not with --workers/--queue"
            )

    def _outcomes(self, options: dict) -> Iterator[IngestOutcome]:
        paths: list[str] = options["paths"]
        overrides = ArticleOverrides(
            outlet=options["outlet"], url=options["url"], published=options["published"]
        )
        follow_links = options["follow_links"]
        if options["reextract"]:
            return reextract_articles(
                sources=files_to_ingest(paths, follow_links=follow_links)[0] if paths else None
            )
        if options["follow"]:
            return self._follow(options["follow"])
        if options["queue"]:
            return self._enqueue(
                paths, overrides, wait=not options["no_wait"], follow_links=follow_links
            )
        if options["workers"] > 1:
            files, failures = files_to_ingest(paths, follow_links=follow_links)
            return chain(
                failures,
                ingest_in_workers(
                    files=files,
                    workers=options["workers"],
                    overrides=overrides,
                    batch_size=options["batch_size"],
                ),
            )
        return ingest_articles(
            items=read_sources(paths, stdin=sys.stdin, follow_links=follow_links),
            overrides=overrides,
            dry_run=options["dry_run"],
            batch_size=options["batch_size"],
            parse_in_child=settings.CLAIMTRACKER_PARSE_IN_CHILD,
        )

    def _enqueue(
        self, paths: list[str], overrides: ArticleOverrides, *, wait: bool, follow_links: bool
    ) -> Iterator[IngestOutcome]:
        files, failures = files_to_ingest(paths, follow_links=follow_links)
        yield from failures
        result = enqueue_files(files=files, overrides=overrides)
        self.stderr.write(f"Enqueued {len(files)} files as task group {result.id}")
        if not wait:
            self.stderr.write(f"Follow it with: manage.py ingest --follow {result.id}")
            return
        yield from task_outcomes(result=result, files=files)

    def _follow(self, group_id: str) -> Iterator[IngestOutcome]:
        result = restore_group(group_id=group_id)
        done = sum(task.ready() for task in result.results)
        self.stderr.write(f"Task group {group_id}: {done} of {len(result.results)} files done")
        yield from task_outcomes(result=result)

    def _report(self, outcomes: Iterable[IngestOutcome], options: dict) -> dict:
        """Print each outcome as it comes and count them; the report keeps the entries of
        the first ``MAX_REPORT_ENTRIES`` inputs only, so a feed of millions of records
        costs counters, not memory."""
        counts: Counter[str] = Counter()
        entries: list[dict] = []
        sources: set[str] = set()
        totals = {"articles": 0, "statements": 0, "speakers_new": 0, "files_read": 0}
        last_source = None
        quiet = options["quiet"] or options["verbosity"] == 0 or options["report_format"] == "json"
        total = (
            None
            if options["reextract"]
            else count_articles(options["paths"], follow_links=options["follow_links"])
        )
        show_bar = not quiet and (total or 0) > 1 and self.stdout.isatty()
        progress = tqdm(outcomes, total=total, unit="article", disable=not show_bar, leave=False)
        for outcome in progress:
            entry = outcome.as_dict()
            counts[entry["status"]] += 1
            totals["articles"] += 1
            totals["statements"] += entry["statements"]
            totals["speakers_new"] += entry["speakers_new"]
            if entry["source"] != last_source and entry["source"] not in sources:
                totals["files_read"] += 1
                if len(sources) < MAX_REPORT_ENTRIES:
                    sources.add(entry["source"])
            last_source = entry["source"]
            if len(entries) < MAX_REPORT_ENTRIES:
                entries.append(entry)
            if not quiet or (entry["status"] == FAILED and options["report_format"] == "text"):
                progress.clear()
                self._print(entry, outcome.extraction)
            elif entry["warnings"] and options["report_format"] == "text":
                progress.clear()
                self._warn(entry)
        report = {
            "files_read": totals["files_read"],
            "articles": totals["articles"],
            "new": counts[NEW],
            "unchanged": counts[UNCHANGED],
            "reextracted": counts[REEXTRACTED],
            "dry_run": counts[DRY_RUN],
            "failed": counts[FAILED],
            "statements": totals["statements"],
            "speakers_new": totals["speakers_new"],
            "files": entries,
        }
        if totals["articles"] > len(entries):
            report["files_omitted"] = totals["articles"] - len(entries)
        return report

    def _print(self, entry: dict, extraction: ArticleExtraction | None) -> None:
        self._warn(entry)
        where = _where(entry)
        status = entry["status"]
        if status == FAILED:
            self.stderr.write(f"FAILED      {where}: {printable(entry['error'] or '')}")
        elif status == UNCHANGED:
            self.stdout.write(
                f"unchanged   {where}: already stored as article {entry['article_id']}, "
                f"{_counted(entry['statements'], 'statement')}"
            )
        elif status == DRY_RUN:
            self.stdout.write(f"dry run     {where}: {_counted(entry['statements'], 'statement')}")
            if extraction is not None:
                self._print_extraction(extraction)
        else:
            self.stdout.write(
                f"{status:<11} {where}: article {entry['article_id']}, "
                f"{_counted(entry['statements'], 'statement')}, "
                f"{_counted(entry['speakers_new'], 'new speaker')}"
            )

    def _warn(self, entry: dict) -> None:
        for warning in entry["warnings"]:
            self.stderr.write(f"warning     {_where(entry)}: {printable(warning)}")

    def _print_extraction(self, extraction: ArticleExtraction) -> None:
        for record in extraction.statements:
            who = extraction.speakers[record.speaker].name if record.speaker is not None else "?"
            mention = f" ({record.speaker_mention})" if record.speaker_mention != who else ""
            self.stdout.write(f"  [{record.kind}] {who}{mention} {record.cue}: {record.text}")
        for stance in extraction.stances:
            who = extraction.speakers[stance.speaker].name
            self.stdout.write(f"  stance: {who} {stance.polarity} {stance.topic} ({stance.target})")

    def _summarise(self, report: dict, options: dict) -> None:
        if options["report_format"] == "json":
            self.stdout.write(json.dumps(report, indent=2))
            return
        if options["quiet"] or options["verbosity"] == 0:
            return
        parts = [f"{report['new']} new", f"{report['unchanged']} unchanged"]
        if report["reextracted"]:
            parts.append(f"{report['reextracted']} re-extracted")
        if report["dry_run"]:
            parts.append(f"{report['dry_run']} dry run")
        parts.append(f"{report['failed']} failed")
        self.stdout.write(
            f"Read {_counted(report['files_read'], 'file')}, "
            f"{_counted(report['articles'], 'article')}: {', '.join(parts)}; "
            f"{_counted(report['statements'], 'statement')}, "
            f"{_counted(report['speakers_new'], 'new speaker')}; {report['seconds']} s"
        )


def _where(entry: dict) -> str:
    """Where an outcome came from, escaped (``printable``): a file name holding a newline or
    terminal escapes cannot forge a line of the report."""
    where = f"{entry['source']}:{entry['line']}" if entry["line"] else entry["source"]
    return printable(where)


def _counted(number: int, noun: str) -> str:
    """ "1 new speaker", "2 new speakers": a count with its noun in the right number."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
