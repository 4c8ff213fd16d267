"""Speaker resolution and assembly: duplicates dropped, every statement's source resolved
in text order by ``speakers.SpeakerBook``, the ``StatementRecord``s built, and their words
published as ``doc.spans[STATEMENTS_KEY]``."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claims.nlp.found import Found
from claims.nlp.records import UNNAMED_KINDS, CleanText, SpeakerInfo, StatementRecord
from claims.nlp.speaker_mentions import Resolution
from claims.nlp.speakers import SpeakerBook

REQUIRES = ("doc.ents", "doc.sents")  # what SpeakerBook reads
# Each statement's words, labelled with its kind ("direct", "indirect", …).
STATEMENTS_KEY = "claims_statements"
ASSIGNS = (f"doc.spans[{STATEMENTS_KEY!r}]",)


def without_duplicates(found: list[Found]) -> list[Found]:
    """Drop empty statements and repeats of the same span, keeping a repeat that names its
    source over one that does not ("…was estimated to be 8,715, according to the city's
    count": the passive cue names no one, "according to" does)."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start), f.source is None and not f.source_text))
    kept: list[Found] = []
    seen: set[tuple[int, int]] = set()
    for item in found:
        if item.end <= item.start or (item.start, item.end) in seen:
            continue
        seen.add((item.start, item.end))
        kept.append(item)
    return kept


def resolve_speakers(
    doc: Doc, text: str, clean: CleanText, found: list[Found]
) -> tuple[tuple[SpeakerInfo, ...], tuple[StatementRecord, ...]]:
    """Resolve every statement's source in text order, then build the records."""
    book = SpeakerBook(doc)

    def position(item: Found) -> int:
        return item.source.start_char if item.source is not None else item.start

    resolved = {}
    for number, item in sorted(enumerate(found), key=lambda pair: position(pair[1])):
        mention = item.source
        if mention is None and item.source_text:
            mention = doc.char_span(*_find_source(text, item), alignment_mode="expand")
        resolution = (
            book.resolve(mention, antecedent=item.antecedent) if mention is not None else None
        )
        resolved[number] = (mention, resolution)
    statements = []
    for number, item in enumerate(found):
        mention, resolution = resolved[number]
        if resolution is not None and resolution.label:
            continue  # a page label ("WATCH:") is no source, and what follows it no statement
        surface = item.source_text or _surface(book, item, mention, resolution)
        statements.append(
            StatementRecord(
                kind=item.kind,
                cue=item.cue,
                text=text[item.start : item.end],
                start=item.start,
                end=item.end,
                paragraph=clean.paragraph_at(item.start),
                speaker_mention=surface,
                speaker=resolution.speaker if resolution else None,
                confidence=item.confidence,
                resolution=resolution.reason if resolution else "no source found",
                resolved_by=resolution.method if resolution else "",
                foreseen=item.foreseen,
            )
        )
    doc.spans[STATEMENTS_KEY] = [
        doc.char_span(s.start, s.end, label=s.kind, alignment_mode="expand") for s in statements
    ]
    return book.infos(), tuple(statements)


def _surface(
    book: SpeakerBook, item: Found, mention: Span | None, resolution: Resolution | None
) -> str:
    """The words the statement keeps as its source: the mention, and for a "who"/"that"
    whose noun names no one ("commentators who said"), that noun before it, since the
    speaker (an unnamed source) then tells a reader nothing of who spoke."""
    if mention is None:
        return ""
    antecedent = item.antecedent
    if antecedent is None or antecedent.end > mention.start:
        return mention.text
    speaker = (
        book.speakers[resolution.speaker] if resolution and resolution.speaker is not None else None
    )
    if speaker is not None and speaker.kind not in UNNAMED_KINDS:
        return mention.text
    return f"{antecedent.text} {mention.text}"


def _find_source(text: str, item: Found) -> tuple[int, int]:
    """Offsets of a headline's or transcript line's source words on the statement's line."""
    line_start = text.rfind("\n", 0, item.start) + 1
    line_end = text.find("\n", item.end)
    line_end = len(text) if line_end == -1 else line_end
    at = text.find(item.source_text, line_start, line_end)
    return at, at + len(item.source_text)
