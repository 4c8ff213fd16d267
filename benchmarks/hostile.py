"""Hostile inputs against a normal article of the same size: time and peak memory.

    .venv/bin/python benchmarks/hostile.py [--size MB] [--normal-size MB] [--only NAME…] [--keep DIR]

Each input is ingested by ``manage.py ingest FILE --format json`` in a process of its own,
into a fresh migrated SQLite database; the script prints the wall time, the ratio to the
normal article's, and the peak resident memory of that process, worst first. Issue 17's
bound: no input takes more than 10x the normal article's time, nor more than 1 GB.

The normal article is real news (PolNeAR training articles from ``../shared/gold``, joined
into one text; never copied into the project), or generated prose when they are missing.
``--size`` defaults to 5 MB, the reader's limit: that normal article alone takes about a
quarter of an hour on a 2-core machine. ``--normal-size 1`` times the normal article at
1 MB instead and scales its time to ``--size`` (a long text is extracted in pieces of
40,000 characters, so its cost grows with its length: 163 s for 1 MB, about 15 min for 5);
the hostile inputs are still ``--size`` each, and the slowest run last. The scaled time
includes the fixed start (model, database: about 15 s), so keep ``--normal-size`` at 1 MB
or more; a smaller one makes the normal article look slower than it is.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_TRAIN = ROOT.parent / "shared" / "gold" / "polnear-train"
MAX_RATIO, MAX_MEMORY_MB = 10.0, 1024
# The inputs that are mostly prose cost about what the normal article costs: run them last.
_SLOWEST = frozenset({"one paragraph, no line break", "10,000 nested divs"})


def prose(size: int) -> str:
    """About ``size`` bytes of news text, paragraphs separated by blank lines."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_TRAIN.glob("*.txt"))]
    if not texts:
        sentence = "Senator Maria Alvarez said on Monday that the plan would cost more. "
        texts = [sentence * 40]
    parts, total, index = [], 0, 0
    while total < size:
        text = texts[index % len(texts)]
        parts.append(text)
        total += len(text.encode("utf-8")) + 2
        index += 1
    # Cut to ``size`` bytes, not characters: a 5 MB text must be under the 5 MB limit.
    return "\n\n".join(parts).encode("utf-8")[:size].decode("utf-8", errors="ignore")


def _paragraphs(text: str) -> str:
    """``text`` as HTML paragraphs, one <p> per paragraph, as a page holds an article."""
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p.strip())


def _jsonl(records: list[dict] | None = None, *, line: str | None = None, size: int) -> bytes:
    one = (line or json.dumps(records[0])).encode() + b"\n"
    return one * max(1, size // len(one))


def cases(size: int) -> dict[str, tuple[str, Callable[[], bytes]]]:
    """name -> (file suffix, bytes)."""
    rng = random.Random(17)
    text = prose(size)
    words = text.split(" ")

    def every(nth: int, replacement: str) -> bytes:
        out = [replacement if i % nth == nth - 1 else word for i, word in enumerate(words)]
        return " ".join(out).encode("utf-8")[:size]

    article = json.dumps({"text": prose(3000)})
    return {
        "normal article": (".txt", lambda: text.encode("utf-8")),
        "one paragraph, no line break": (".txt", lambda: text.replace("\n", " ").encode()),
        "runs of 1,000 '!' in prose": (".txt", lambda: every(50, "!" * 1000)),
        "runs of 200 emoji in prose": (".txt", lambda: every(50, "😀" * 200)),
        "'!' only": (".txt", lambda: b"!" * size),
        "'#' and '%' only": (".txt", lambda: b"#%" * (size // 2)),
        "random bytes": (".txt", lambda: rng.randbytes(size)),
        "random printable ASCII": (
            ".txt",
            lambda: bytes(rng.randrange(32, 127) for _ in range(size)),
        ),
        "one word": (".txt", lambda: b"a" * size),
        "10,000 nested divs": (
            ".html",
            lambda: (
                "<html><body>"
                + "<div>" * 10_000
                + _paragraphs(text[: size // 2])
                + "</div>" * 10_000
                + "</body></html>"
            ).encode()[:size],
        ),
        "JSON Lines of {}": (".jsonl", lambda: _jsonl(line="{}", size=size)),
        "JSON Lines, one article repeated": (".jsonl", lambda: _jsonl(line=article, size=size)),
        "JSON Lines, one line over the limit": (
            ".jsonl",
            lambda: b'{"text": "' + b"x" * (6 * 1024 * 1024) + b'"}\n' + article.encode(),
        ),
        "JSON Lines nested 100,000 deep": (
            ".jsonl",
            lambda: (b"[" * 100_000 + b"]" * 100_000 + b"\n") * max(1, size // 200_000),
        ),
    }


def migrated_database(folder: Path) -> Path:
    path = folder / "template.sqlite3"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{path}"},
        check=True,
    )
    return path


def run(path: Path, template: Path) -> tuple[float, float, str]:
    """Seconds, peak resident MB and the report's summary for one ingest of ``path``."""
    database = path.with_suffix(".sqlite3")
    shutil.copy(template, database)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    started = time.monotonic()
    with (
        open(path.with_suffix(".out"), "w+b") as stdout,
        open(path.with_suffix(".err"), "w+b") as stderr,
    ):
        process = subprocess.Popen(
            [sys.executable, "manage.py", "ingest", str(path), "--format", "json"],
            cwd=ROOT,
            env=env,
            stdout=stdout,
            stderr=stderr,
        )
        peak = 0.0
        while process.poll() is None:  # the child's own high-water mark, read while it runs
            peak = max(peak, _peak_mb(process.pid))
            time.sleep(0.2)
        seconds = time.monotonic() - started
        stdout.seek(0)
        stderr.seek(0)
        out, err = stdout.read(), stderr.read()
    try:
        report = json.loads(out)
        first_error = next((e["error"] for e in report["files"] if e["error"]), "")
        summary = (
            f"{report['new']} new, {report['unchanged']} unchanged, {report['failed']} failed"
            + (f" ({first_error[:60]})" if first_error else "")
        )
    except (json.JSONDecodeError, KeyError):
        summary = f"exit {process.returncode}: {err.decode(errors='replace')[-200:]}"
    return seconds, peak, summary


def _peak_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # it has just ended
        pass
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=5.0, help="input size in MB (default 5)")
    parser.add_argument(
        "--normal-size",
        type=float,
        help="time the normal article at this size in MB and scale it to --size",
    )
    parser.add_argument("--only", nargs="*", help="run only these cases (and the normal one)")
    parser.add_argument("--keep", help="write the inputs here and keep them")
    args = parser.parse_args()
    size = int(args.size * 1024 * 1024)
    folder = Path(args.keep or tempfile.mkdtemp(prefix="hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    template = migrated_database(folder)
    normal_size = int((args.normal_size or args.size) * 1024 * 1024)
    normal_suffix, make_normal = cases(normal_size)["normal article"]
    path = folder / f"normal{normal_suffix}"
    path.write_bytes(make_normal())
    seconds, peak, summary = run(path, template)
    scale = size / normal_size
    normal = seconds * scale
    scaled = (
        f" (measured {seconds:.1f} s for {normal_size / 2**20:g} MB, scaled)" if scale != 1 else ""
    )
    print(f"{'normal article':<38} {normal:8.1f} s {peak:7.0f} MB  {summary}{scaled}", flush=True)
    results = [("normal article", normal, peak, summary)]
    ordered = sorted(cases(size).items(), key=lambda case: case[0] in _SLOWEST)
    for index, (name, (suffix, make)) in enumerate(ordered):
        if name == "normal article" or (args.only and name not in args.only):
            continue
        path = folder / f"case-{index:02}{suffix}"
        path.write_bytes(make())
        seconds, peak, summary = run(path, template)
        results.append((name, seconds, peak, summary))
        print(
            f"{name:<38} {seconds:8.1f} s {peak:7.0f} MB  {seconds / normal:5.2f}x  {summary}",
            flush=True,
        )
    print(f"\nworst first (normal article: {normal:.1f} s for {args.size:g} MB{scaled}):")
    failed = False
    for name, seconds, peak, _ in sorted(results, key=lambda r: -r[1]):
        ratio = seconds / normal
        over = ratio > MAX_RATIO or peak > MAX_MEMORY_MB
        failed |= over
        flag = "  OVER THE BOUND" if over else ""
        print(f"  {name:<38} {ratio:6.2f}x {peak:7.0f} MB{flag}")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
