"""``manage.py ingest PATH…``: read articles, extract their statements and store them."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from claims.models import Article
from claims.nlp.language import ModelNotInstalledError
from claims.readers import expand_paths, read_sources
from claims.services.ingest import (
    DRY_RUN,
    FAILED,
    NEW,
    REEXTRACTED,
    UNCHANGED,
    ArticleOverrides,
    IngestOutcome,
    build_extractor,
    ingest_articles,
    reextract_article,
)


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
            "--quiet", action="store_true", help="print only failures and nothing else"
        )
        parser.add_argument(
            "--batch-size", type=int, default=16, help="articles per nlp.pipe batch"
        )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        paths: list[str] = options["paths"]
        if not paths and not options["reextract"]:
            raise CommandError("name at least one file, folder, glob or '-' (see --help)")
        if options["url"] and len(paths) != 1:
            raise CommandError("--url names one article: give exactly one PATH with it")
        try:
            outcomes = self._run(paths, options)
            report = self._report(outcomes, options)
        except ModelNotInstalledError as exc:
            raise CommandError(str(exc)) from exc
        report["seconds"] = round(time.monotonic() - started, 2)
        self._summarise(report, options)
        if report["failed"]:
            raise CommandError(
                f"{report['failed']} of {report['inputs']} inputs failed (reasons above)",
                returncode=1,
            )

    def _run(self, paths: list[str], options: dict):
        if options["reextract"]:
            articles = Article.objects.order_by("pk")
            if paths:
                articles = articles.filter(source__in=[str(p) for p in expand_paths(paths)])
            extractor = build_extractor()
            return (
                reextract_article(article=article, extractor=extractor)
                for article in articles.iterator()
            )
        overrides = ArticleOverrides(
            outlet=options["outlet"], url=options["url"], published=options["published"]
        )
        return ingest_articles(
            items=read_sources(paths, stdin=sys.stdin),
            overrides=overrides,
            dry_run=options["dry_run"],
            batch_size=options["batch_size"],
        )

    def _report(self, outcomes, options: dict) -> dict:
        counts: Counter[str] = Counter()
        files: list[dict] = []
        statements = speakers_new = 0
        quiet = options["quiet"] or options["verbosity"] == 0 or options["report_format"] == "json"
        total = None if options["reextract"] else len(list(expand_paths(options["paths"])))
        show_bar = not quiet and (total or 0) > 1 and self.stdout.isatty()
        progress = tqdm(outcomes, total=total, unit="article", disable=not show_bar, leave=False)
        for outcome in progress:
            counts[outcome.status] += 1
            statements += outcome.statements
            speakers_new += outcome.speakers_new
            files.append(self._as_dict(outcome))
            if not quiet or (outcome.status == FAILED and options["report_format"] == "text"):
                progress.clear()
                self._print(outcome)
        return {
            "files_read": len({entry["source"] for entry in files}),
            "inputs": sum(counts.values()),
            "new": counts[NEW],
            "unchanged": counts[UNCHANGED],
            "reextracted": counts[REEXTRACTED],
            "dry_run": counts[DRY_RUN],
            "failed": counts[FAILED],
            "statements": statements,
            "speakers_new": speakers_new,
            "files": files,
        }

    @staticmethod
    def _as_dict(outcome: IngestOutcome) -> dict:
        return {
            "source": outcome.source,
            "line": outcome.line,
            "status": outcome.status,
            "article_id": outcome.article.pk if outcome.article else None,
            "statements": outcome.statements,
            "speakers_new": outcome.speakers_new,
            "error": outcome.error or None,
        }

    def _print(self, outcome: IngestOutcome) -> None:
        where = f"{outcome.source}:{outcome.line}" if outcome.line else outcome.source
        if outcome.status == FAILED:
            self.stderr.write(f"FAILED      {where}: {outcome.error}")
        elif outcome.status == UNCHANGED:
            self.stdout.write(
                f"unchanged   {where}: already stored as article {outcome.article.pk}"
            )
        elif outcome.status == DRY_RUN:
            self.stdout.write(f"dry run     {where}: {outcome.statements} statements")
            self._print_extraction(outcome)
        else:
            self.stdout.write(
                f"{outcome.status:<11} {where}: article {outcome.article.pk}, "
                f"{outcome.statements} statements, {outcome.speakers_new} new speakers"
            )

    def _print_extraction(self, outcome: IngestOutcome) -> None:
        extraction = outcome.extraction
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
            f"Read {report['files_read']} files, {report['inputs']} articles: {', '.join(parts)}; "
            f"{report['statements']} statements, {report['speakers_new']} new speakers; "
            f"{report['seconds']} s"
        )
