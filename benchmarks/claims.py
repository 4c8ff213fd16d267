"""Claims across articles: how often PolNeAR's statements repeat, a sample of merged groups to
check by eye, and what storing one article costs as the statements stored grow.

    .venv/bin/python benchmarks/claims.py [--sample 50] [--seed 16] [-o groups.txt]
                                          [--workers N] [--skip-groups] [--skip-cost]
                                          [--sizes 1000,100000] [--repeat 15]

Groups: ingests ``../shared/gold/polnear-train`` and ``polnear-dev`` together (924 articles;
the outlet and date of each come from its file name) into a fresh SQLite database (or
``--database-url``), prints how many claims have two or more appearances, and lists
``--sample`` of them drawn at random (seeded), their statements side by side.

Cost: into another fresh database, bulk-inserts synthetic statements (random words drawn
with the word frequencies of real statements, each with its claim, fingerprint and band
keys) up to each of ``--sizes``, then times storing one real article's extraction
(article, statements, topics, stances and grouping; the NLP is done once beforehand) and
prints the median of ``--repeat`` runs at each size and their ratio. On SQLite the runs take
turns between a copy of the database at each size, so load from other work on the machine
falls on all sizes alike.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import textwrap
import time
from collections import Counter
from datetime import date
from io import StringIO
from pathlib import Path

from ingest import fresh_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOLD = ROOT.parent / "shared" / "gold"
FOLDERS = (GOLD / "polnear-train", GOLD / "polnear-dev")
OUTLETS = {
    "breitbart": "Breitbart",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journalism",
}


def corpus_jsonl(target: Path) -> int:
    """The articles as JSON Lines, with the outlet and date their file names give."""
    count = 0
    with target.open("w", encoding="utf-8") as out:
        for folder in FOLDERS:
            for path in sorted(folder.glob("*.txt")):
                outlet, day = path.stem.split("_")[:2]
                record = {
                    "text": path.read_text(encoding="utf-8"),
                    "outlet": OUTLETS.get(outlet, outlet),
                    "published": day,
                    "url": f"https://polnear.example/{folder.name}/{path.stem}",
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    return count


def groups(args: argparse.Namespace, scratch: Path) -> None:
    from django.core.management import call_command
    from django.db.models import Count

    from claims.models import Claim, Statement

    fresh_database()
    corpus = scratch / "polnear.jsonl"
    articles = corpus_jsonl(corpus)
    started = time.perf_counter()
    call_command(
        "ingest", str(corpus), "--quiet", "--workers", str(args.workers), stdout=StringIO()
    )
    took = time.perf_counter() - started
    statements = Statement.objects.count()
    claims = Claim.objects.filter(appearances__gt=0)
    repeated = claims.filter(appearances__gte=2)
    across = repeated.annotate(articles=Count("statements__article", distinct=True)).filter(
        articles__gte=2
    )
    outlets = repeated.annotate(outlets=Count("statements__article__outlet", distinct=True)).filter(
        outlets__gte=2
    )
    print(f"{articles} articles ingested in {took:.0f} s: {statements} statements")
    print(f"claims: {claims.count()}")
    print(f"claims with two or more appearances: {repeated.count()}")
    print(f"  in two or more articles: {across.count()}")
    print(f"  in two or more outlets: {outlets.count()}")
    sizes = Counter(repeated.values_list("appearances", flat=True))
    print("  by appearances: " + ", ".join(f"{n}×: {sizes[n]}" for n in sorted(sizes)))

    chosen = sorted(repeated.values_list("pk", flat=True))
    random.Random(args.seed).shuffle(chosen)
    lines = [
        f"{min(args.sample, len(chosen))} merged groups drawn at random (seed {args.seed}) "
        f"of {len(chosen)} claims with two or more appearances"
    ]
    for number, claim_id in enumerate(chosen[: args.sample], start=1):
        lines.append(f"\n#{number} claim {claim_id}")
        rows = (
            Statement.objects.filter(claim_id=claim_id)
            .select_related("article", "speaker")
            .order_by("article__published", "article_id", "start")
        )
        for statement in rows:
            article = statement.article
            who = statement.speaker.name if statement.speaker else statement.speaker_mention
            head = f"  {article.outlet}, {article.published} (article {article.pk}), {who}: "
            text = " ".join(statement.text.split())
            lines.append(textwrap.shorten(head + text, width=400, placeholder=" …"))
    report = "\n".join(lines) + "\n"
    if args.output:
        Path(args.output).write_text(report, encoding="utf-8")
        print(f"sample written to {args.output}")
    else:
        print(report)


def synthetic_statements(total: int, *, seed: int) -> None:
    """Bulk-insert statements up to ``total``, with their claims, fingerprints and bands."""
    from claims.models import Article, Claim, Speaker, Statement
    from claims.nlp.claim_keys import claim_keys
    from claims.services.claims import store_fingerprints

    have = Statement.objects.count()
    if have >= total:
        return
    rng = random.Random(seed + total)
    words, weights = _vocabulary()
    speaker, _ = Speaker.objects.get_or_create(name="Synthetic speaker", slug="synthetic")
    per_article = 10
    batch = 2000
    made = have
    while made < total:
        count = min(batch, total - made)
        articles = Article.objects.bulk_create(
            [
                Article(
                    headline=f"synthetic {made + i}",
                    outlet=rng.choice(list(OUTLETS.values())),
                    source=f"synthetic:{made + i}",
                    published=date(2016, 1, 1 + (made + i) % 28),
                    text="synthetic",
                    original_text="synthetic",
                    content_hash=f"synthetic-{made + i:012d}",
                    extractor_version="synthetic",
                )
                for i in range(0, count, per_article)
            ]
        )
        texts = [" ".join(rng.choices(words, weights, k=rng.randint(6, 40))) for _ in range(count)]
        claims = Claim.objects.bulk_create(
            [Claim(text=text, appearances=1, first_seen=date(2016, 1, 1)) for text in texts]
        )
        statements = Statement.objects.bulk_create(
            [
                Statement(
                    article=articles[i // per_article],
                    speaker=speaker,
                    kind="direct",
                    text=text,
                    start=(i % per_article) * 100,
                    end=(i % per_article) * 100 + 50,
                    paragraph=0,
                    claim=claims[i],
                )
                for i, text in enumerate(texts)
            ]
        )
        store_fingerprints(
            keyed=[(s.pk, claim_keys(s.text)) for s in statements],
        )
        made += count


def _vocabulary() -> tuple[list[str], list[int]]:
    """Words of PolNeAR's statements with their frequencies (from the gold annotations)."""
    counts: Counter[str] = Counter()
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.json")):
            for statement in json.loads(path.read_text(encoding="utf-8"))["statements"]:
                counts.update(statement["text"].split())
    words = sorted(counts)
    return words, [counts[word] for word in words]


def cost(args: argparse.Namespace) -> None:
    from django.db import connection, transaction

    from claims.models import Statement
    from claims.nlp.repair import clean_article
    from claims.readers.records import RawArticle
    from claims.services.ingest import content_hash
    from claims.services.parsers import build_extractor
    from claims.services.store import ArticleOverrides, PreparedArticle, store_article

    fresh_database()
    sample = sorted(FOLDERS[0].glob("*.txt"))[args.article]
    raw = RawArticle(source=str(sample), text=sample.read_text(encoding="utf-8"), outlet="Bench")
    clean = clean_article(raw.text, title=raw.title)
    prepared = PreparedArticle(raw, clean, content_hash(clean.text))
    extraction = build_extractor().extract(clean)
    print(
        f"cost: storing {sample.name} ({len(extraction.statements)} statements) on "
        f"{connection.vendor}, median of {args.repeat}"
    )

    def store_once() -> float:
        with transaction.atomic():
            began = time.perf_counter()
            store_article(prepared, extraction, ArticleOverrides())
            took = time.perf_counter() - began
            transaction.set_rollback(True)  # the next run meets the same table
        return took

    # On SQLite each size is filled once and kept as a copy of the file; the runs then take
    # turns between the copies, so the other work on the machine weighs on every size alike.
    snapshots: list[Path] = []
    for size in args.sizes:
        started = time.perf_counter()
        synthetic_statements(size, seed=args.seed)
        print(
            f"  filled to {Statement.objects.count():,} statements in "
            f"{time.perf_counter() - started:.0f} s"
        )
        if connection.vendor == "sqlite":
            snapshots.append(_snapshot(connection, size))
    times: dict[int, list[float]] = {size: [] for size in args.sizes}
    if snapshots:
        for _ in range(args.repeat + 1):
            for size, snapshot in zip(args.sizes, snapshots, strict=True):
                _use_sqlite_file(connection, snapshot)
                store_once()  # a new connection starts with a cold page cache: warm it
                times[size].append(store_once())
    else:  # one database, filled size after size: the runs of each size come together
        print("  (not SQLite: sizes timed one after the other, on the same growing table)")
        for size in args.sizes:
            times[size] = [store_once() for _ in range(args.repeat + 1)]
    medians = []
    for size in args.sizes:
        median = statistics.median(times[size][1:])  # the first run warms the caches
        medians.append(median)
        print(f"  {size:>9,} statements stored: {median * 1000:.1f} ms per article")
    print(f"ratio {args.sizes[-1]:,} / {args.sizes[0]:,}: {medians[-1] / medians[0]:.2f}")


def _snapshot(connection, size: int) -> Path:
    """A copy of the SQLite file as it is now (the write-ahead log checkpointed first)."""
    import shutil

    connection.close()
    source = Path(connection.settings_dict["NAME"])
    target = source.with_name(f"size-{size}.sqlite3")
    import sqlite3

    with sqlite3.connect(source) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(source, target)
    return target


def _use_sqlite_file(connection, path: Path) -> None:
    connection.close()
    connection.settings_dict["NAME"] = str(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("-o", "--output", help="write the sampled groups here")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--skip-groups", action="store_true")
    parser.add_argument("--skip-cost", action="store_true")
    parser.add_argument(
        "--sizes", type=lambda v: [int(n) for n in v.split(",")], default=[1_000, 100_000]
    )
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--article", type=int, default=0, help="which train article to store")
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="claimtracker-claims-"))
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{scratch / 'claims.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtracker.settings.local")
    import django

    django.setup()
    if not args.skip_groups:
        groups(args, scratch)
    if not args.skip_cost:
        cost(args)


if __name__ == "__main__":
    main()
