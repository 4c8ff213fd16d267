"""Section labels in capitals that open a paragraph ("ANALYSIS:", "ECB WATCH:").

News pages head a paragraph with a label that is not part of its prose; left in place, the
label reads like a transcript's speaker ("TAPPER: …"). A label is removed unless its words
name someone the article names elsewhere in ordinary case ("Tapper", "Clinton") or as an
acronym it uses elsewhere ("AP"). Caption and link lines ("WATCH: …", "READ MORE: …") are
dropped whole by ``boilerplate``.
"""

from __future__ import annotations

import re

from claims.nlp.repair.layout import find_dateline

_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z'’.&-]*(?: [A-Z][A-Z'’.&-]*){0,3}):[ \t]+(?=\S)")


def strip_labels(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without their section labels, and the labels removed."""
    text = "\n".join(paragraphs)
    kept: list[str] = []
    removed: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        match = _LABEL.match(paragraph)
        if (
            match is None
            or find_dateline(paragraph) is not None
            or (index <= 1 and " " not in match.group("label"))  # "WASHINGTON: …", a dateline
            or _names_someone(match.group("label"), text, match.group(0))
        ):
            kept.append(paragraph)
            continue
        removed.append(match.group(0).strip())
        kept.append(paragraph[match.end() :])
    return kept, removed


def _names_someone(label: str, text: str, whole: str) -> bool:
    """Whether every word of the label appears elsewhere as a name ("Tapper") or acronym."""
    rest = text.replace(whole, " ")
    for word in re.split(r"[ ’']+", label):
        word = word.strip(".")
        if not word or word == "S":
            continue
        title = word[:1] + word[1:].lower()
        forms = {title} | ({word} if len(word) <= 5 else set())
        if not any(re.search(rf"\b{re.escape(form)}\b", rest) for form in forms):
            return False
    return True
