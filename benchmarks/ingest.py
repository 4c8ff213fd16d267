"""Ingest throughput against spaCy's own ``nlp.pipe`` on the same texts, with the same model.

    .venv/bin/python benchmarks/ingest.py [FOLDER] [--repeat N] [--workers N] [--limit N]

FOLDER defaults to ``../shared/gold/polnear-train``. ``--repeat N`` writes the folder N times
(each copy with a marker line, so every copy is a new article) for larger runs. The ingest
runs into a fresh SQLite database (or ``--database-url``). Prints articles/s, words/s, CPU
seconds (raw spaCy; the command and its parsing process), peak memory, resident memory over
the run, and the ratios ingest / raw spaCy and N workers / one.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class MemorySampler(threading.Thread):
    """Samples this process's resident memory every half second while the ingest runs."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: list[float] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.5):
            self.samples.append(rss_mb())

    def quartiles(self) -> str:
        if not self.samples:
            return "n/a"
        picks = [self.samples[int(q * (len(self.samples) - 1))] for q in (0.1, 0.5, 0.9, 1.0)]
        return " → ".join(f"{mb:.0f}" for mb in picks) + " MB (10%, 50%, 90%, end of run)"


def write_corpus(source: Path, target: Path, *, repeat: int, limit: int | None) -> tuple[int, int]:
    """Copy the articles (N times, each copy marked) and count articles and words."""
    files = sorted(source.glob("*.txt"))[:limit]
    articles = words = 0
    for copy in range(repeat):
        for path in files:
            text = path.read_text(encoding="utf-8")
            if copy:
                text += f"\n\n[benchmark copy {copy}]\n"
            (target / f"{copy:03d}-{path.name}").write_text(text, encoding="utf-8")
            articles += 1
            words += len(text.split())
    return articles, words


def texts(folder: Path) -> Iterator[str]:
    for path in sorted(folder.glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def timed_ingest(folder: Path, workers: int) -> tuple[float, float, float]:
    """Wall seconds, and CPU seconds of this process and of its children (the parsing
    process or the workers)."""
    from django.core.management import call_command

    started, cpu, children = time.perf_counter(), time.process_time(), children_cpu()
    call_command("ingest", str(folder), "--quiet", "--workers", str(workers), stdout=StringIO())
    return (
        time.perf_counter() - started,
        time.process_time() - cpu,
        children_cpu() - children,
    )


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def fresh_database() -> None:
    """An empty, migrated database with the curated topics."""
    from django.core.management import call_command
    from django.db import connection, connections

    if connection.vendor == "sqlite":
        connections.close_all()
        Path(connection.settings_dict["NAME"]).unlink(missing_ok=True)
    call_command("migrate", "--noinput", verbosity=0)
    call_command("flush", "--noinput", verbosity=0)
    call_command("loaddata", str(ROOT / "fixtures" / "topics.json"), verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared/gold/polnear-train"))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--limit", type=int, help="articles per copy")
    parser.add_argument("--workers", type=int, default=2, help="also time --workers N (0: skip)")
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    parser.add_argument(
        "--skip-raw", action="store_true", help="skip the nlp.pipe timing (for memory runs)"
    )
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="claimtracker-bench-"))
    corpus = scratch / "articles"
    corpus.mkdir()
    articles, words = write_corpus(Path(args.folder), corpus, repeat=args.repeat, limit=args.limit)
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{scratch / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtracker.settings.local")
    import django

    django.setup()
    from django.conf import settings

    from claims.nlp.language import load_first

    fresh_database()
    nlp = load_first(settings.CLAIMTRACKER_SPACY_MODELS)
    print(f"{articles} articles, {words} words; model {nlp.meta['name']} {nlp.meta['version']}")

    print(f"pipeline components: {', '.join(nlp.pipe_names)}")
    raw = None
    if not args.skip_raw:
        started, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts(corpus), batch_size=16):
            pass
        raw, raw_cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"raw nlp.pipe:      {articles / raw:7.1f} articles/s  {words / raw:9.0f} words/s")
        print(f"raw nlp.pipe CPU: {raw_cpu:.1f} s")
    del nlp  # the ingest loads its own copy, as the command does

    sampler = MemorySampler()
    sampler.start()
    one, cpu, child_cpu = timed_ingest(corpus, workers=1)
    sampler.stopped.set()
    print(f"ingest, 1 process: {articles / one:7.1f} articles/s  {words / one:9.0f} words/s")
    print(f"ingest CPU: {cpu:.1f} s in the command, {child_cpu:.1f} s in its parsing process")
    if raw is not None:
        print(f"ratio ingest / raw nlp.pipe: {raw / one:.2f}")
    print(f"resident memory during ingest: {sampler.quartiles()}")
    print(
        f"peak memory, this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory, its parsing process: {child_peak:.0f} MB")

    if args.workers > 1:
        fresh_database()
        many, _, _ = timed_ingest(corpus, workers=args.workers)
        print(
            f"ingest, {args.workers} workers: {articles / many:7.1f} articles/s  "
            f"{words / many:9.0f} words/s"
        )
        print(f"ratio {args.workers} workers / 1 process: {one / many:.2f}")
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory, largest worker: {children:.0f} MB")


if __name__ == "__main__":
    main()
