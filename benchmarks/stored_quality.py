"""Measures what the product stores: ingest a gold folder into a fresh database, export, score.

Runs ``manage.py migrate``, ``manage.py ingest FOLDER/*.txt`` and ``manage.py export
statements`` (with any export filter given, e.g. ``--attribution said``) on a new SQLite file,
then ``../shared/eval/score.py`` on the export::

    python benchmarks/stored_quality.py ../shared/gold/ggt-dev --export-args="--attribution said"
    python benchmarks/stored_quality.py ../shared/gold/polnear-dev --verbose
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from same_output import manage

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="a gold folder (.txt beside .json) or the seed's .json")
    parser.add_argument("--inputs", nargs="*", help="files to ingest (default: GOLD/*.txt)")
    parser.add_argument("--export-args", default="", help="extra arguments for export")
    parser.add_argument("-o", "--output", help="keep the export here")
    parser.add_argument("--db", help="SQLite file to use (default: a temporary one)")
    parser.add_argument("--verbose", action="store_true", help="list every scoring error")
    args = parser.parse_args()

    gold = Path(args.gold)
    inputs = args.inputs or sorted(str(p) for p in gold.glob("*.txt"))
    with tempfile.TemporaryDirectory() as folder:
        database = Path(args.db) if args.db else Path(folder) / "db.sqlite3"
        output = Path(args.output) if args.output else Path(folder) / "statements.jsonl"
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
        manage(ROOT, "migrate", "-v", "0", env=env)
        manage(ROOT, "ingest", *inputs, "--format", "json", env=env)
        export = ("export", "statements", "--format", "jsonl", "-o", str(output))
        manage(ROOT, *export, *shlex.split(args.export_args), env=env)
        score = [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(output)]
        subprocess.run(score + (["--verbose"] if args.verbose else []), check=True)


if __name__ == "__main__":
    main()
