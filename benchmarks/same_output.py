"""Checks that a change leaves the product's output the same: statements, speakers, stances.

Run mode ingests a folder (default ``../shared/gold/polnear-train``) plus the seed into a fresh
SQLite database through ``manage.py`` and writes what the product stores, normalized so that
two runs compare line for line (row ids, speaker ids and timestamps dropped; rows sorted by
document and offset)::

    .venv/bin/python benchmarks/same_output.py -o /tmp/after            # this checkout
    .venv/bin/python benchmarks/same_output.py -o /tmp/before --project /work/base
    .venv/bin/python benchmarks/same_output.py --compare /tmp/before /tmp/after

``--seed-only`` ingests just the seed (seconds, for quick checks while refactoring).
Compare mode prints the number of differing rows per file and the first few, and exits 1
when anything differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT.parent / "shared" / "gold" / "polnear-train"
FILES = ("statements.jsonl", "speakers.jsonl", "stances.jsonl")

# Speaker rows and their aliases, keyed by name and kind instead of database ids.
SPEAKER_DUMP = """
import json
from claims.models import Speaker
for s in Speaker.objects.prefetch_related("aliases").order_by("name", "kind"):
    print(json.dumps({
        "name": s.name, "slug": s.slug, "kind": s.kind, "role": s.role,
        "affiliation": s.affiliation, "external_id": s.external_id,
        "aliases": sorted([a.alias, a.normalized] for a in s.aliases.all()),
    }, ensure_ascii=False, sort_keys=True))
"""


def manage(project: Path, *args: str, env: dict[str, str]) -> str:
    python = project / ".venv" / "bin" / "python"
    done = subprocess.run(
        [str(python), "manage.py", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    # ingest exits non-zero when an input failed; the failures are part of the output compared.
    if done.returncode and args[0] != "ingest":
        sys.exit(f"manage.py {' '.join(args[:2])} failed:\n{done.stderr}")
    return done.stdout


def read_jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def normalized_statements(rows: list[dict]) -> tuple[list[dict], dict[int, list]]:
    """Statements without row, article and speaker ids; and each id's (document, start, end)."""
    keys = {row["id"]: [row["document"], row["start"], row["end"]] for row in rows}
    for row in rows:
        for field in ("id", "article", "speaker_id"):
            row.pop(field, None)
        if row.get("reported_in") is not None:
            row["reported_in"] = keys[row["reported_in"]]
    rows.sort(key=lambda r: (r["document"], r["start"], r["end"], r["text"]))
    return rows, keys


def normalized_stances(rows: list[dict], statement_keys: dict[int, list]) -> list[dict]:
    for row in rows:
        for field in ("id", "article", "speaker_id"):
            row.pop(field, None)
        row["evidence"] = sorted(statement_keys[pk] for pk in row["evidence"])
    rows.sort(key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))
    return rows


def run(project: Path, inputs: list[str], output: Path, *, workers: int) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="same-output-"))
    env = dict(os.environ)
    env["DATABASE_URL"] = f"sqlite:///{scratch / 'db.sqlite3'}"
    env["DJANGO_SETTINGS_MODULE"] = "claimtracker.settings.local"
    began = time.perf_counter()
    manage(project, "migrate", "--noinput", env=env)
    ingest_args = ["ingest", *inputs, "--quiet", "--format", "json"]
    if workers > 1:
        ingest_args += ["--workers", str(workers)]
    manage(project, *ingest_args, env=env)
    ingested = time.perf_counter() - began
    statements, keys = normalized_statements(
        read_jsonl(manage(project, "export", "statements", "--format", "jsonl", env=env))
    )
    stances = normalized_stances(
        read_jsonl(manage(project, "export", "stances", "--format", "jsonl", env=env)), keys
    )
    speakers = read_jsonl(manage(project, "shell", "-v", "0", "-c", SPEAKER_DUMP, env=env))
    output.mkdir(parents=True, exist_ok=True)
    for name, rows in zip(FILES, (statements, speakers, stances), strict=True):
        with open(output / name, "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(
        f"{project}: {len(statements)} statements, {len(speakers)} speakers, "
        f"{len(stances)} stances → {output} "
        f"(migrate + ingest {ingested:.0f}s, total {time.perf_counter() - began:.0f}s)"
    )


def compare(before: Path, after: Path, *, show: int = 5) -> int:
    differing = 0
    for name in FILES:
        old = (before / name).read_text(encoding="utf-8").splitlines()
        new = (after / name).read_text(encoding="utf-8").splitlines()
        old_set, new_set = set(old), set(new)
        gone = [line for line in old if line not in new_set]
        added = [line for line in new if line not in old_set]
        moved = 0 if gone or added or old == new else 1
        count = len(gone) + len(added) + moved
        differing += count
        print(f"{name}: {len(old)} before, {len(new)} after, {count} differing rows")
        for line in gone[:show]:
            print(f"  - {line}")
        for line in added[:show]:
            print(f"  + {line}")
        if moved:
            print("  same rows, different order")
    print("SAME" if not differing else "DIFFERENT")
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER))
    parser.add_argument("-o", "--output", type=Path, help="folder to write the three exports to")
    parser.add_argument("--project", type=Path, default=ROOT, help="checkout to run (its .venv)")
    parser.add_argument("--seed-only", action="store_true", help="ingest the seed alone")
    # One process: with --workers 2 the order articles land in decides which surface form
    # names a speaker or topic first ("Obama" or "Barack Obama"), so two runs differ.
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if not args.output:
        parser.error("-o/--output is required unless --compare")
    project = args.project.resolve()
    inputs = ["seeds"]  # relative to the project, so both checkouts name the seed alike
    if not args.seed_only:
        inputs.insert(0, str(Path(args.folder).resolve()))
    run(project, inputs, args.output.resolve(), workers=args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
