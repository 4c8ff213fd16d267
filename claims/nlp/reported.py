"""Shapes 2 to 4, statements without quotation marks of their own: reported speech (a cue
not used by a quote, with its content), "according to X" adverbials, what a poll shows
("in a new poll, …") and a person's view ("for Sanders, …"), hearsay adverbs ("X reportedly …", no one named), the headline
attributed by a dash or colon, and transcript lines ("TRUMP: …", or a person's name in
title case: "Ann Hale: …").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claims.nlp.contents import MIN_REPORTED_WORDS
from claims.nlp.cue_reading import Cue, is_foreseen
from claims.nlp.cues import CORE_SPEECH, CUE_VERBS
from claims.nlp.found import Found
from claims.nlp.quotes import QuoteIndex, has_quote_mark
from claims.nlp.records import CleanText
from claims.nlp.sources import according_to_source, author_of
from claims.nlp.spans import mention_of, opens_sentence, trim_range
from claims.nlp.token_index import tokens_lowered

# What a poll shows is "in" it ("In a new poll, …"); a report or record holds words, and
# "in the report" mostly says where something appears.
POLL_NOUNS = frozenset({"poll", "survey", "study"})
# Adverbs that attribute a clause to unnamed others: PolNeAR annotates them with no source.
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "reputedly", "purportedly", "supposedly"})
# Entities that a lone proper noun after a cue names, and that are never its content.
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
HEADLINE_DASH = re.compile(
    r"^(?P<content>.{8,}?)(?:\s+-{1,2}\s+|\s*[—–]\s*)(?P<source>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$"
)
HEADLINE_COLON = re.compile(
    r"^(?P<source>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+(?P<content>.{8,})$"
)
TRANSCRIPT_LINE = re.compile(r"^(?P<source>[A-Z][A-Z.'’ -]{1,40}):\s+(?P<content>\S.*)$")
# "Alex Hale: …", "Hale: …": a speaker's name in title case, checked against the parse.
NAMED_LINE = re.compile(
    r"^(?P<source>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}):\s+(?P<content>\S.*)$"
)


def find_reported(
    doc: Doc, text: str, cues: list[Cue], used: set[int], quote_of: QuoteIndex
) -> list[Found]:
    """Reported speech: each cue no quote used, with content of at least two words."""
    found = []
    for cue in cues:
        if cue.verb.i in used or cue.content is None:
            continue
        start, end = cue.content
        if not _enough_content(doc[start:end]):
            continue
        start_char, end_char = doc[start:end].start_char, doc[start:end].end_char
        inner = quote_of.overlapping(start_char, end_char)
        quoted = has_quote_mark(text[start_char:end_char])
        kind = "mixed" if inner and quoted else "indirect"
        confidence = 0.7 if cue.verb.lemma_ in CORE_SPEECH else 0.5
        used.add(cue.verb.i)
        found.append(
            Found(
                kind,
                cue.text,
                start_char,
                end_char,
                cue.source,
                cue.antecedent,
                confidence,
                foreseen=is_foreseen(cue.verb),
            )
        )
    return found


def _enough_content(content: Span) -> bool:
    """Two words or more; or one that names someone or something ("endorsed Sanders",
    "voted for Kasich"): PolNeAR annotates the name as what is attributed. A date or a
    place something was said "on" ("said on Friday", "posted on Twitter") is not."""
    words = [t for t in content if not t.is_punct]
    if len(words) >= MIN_REPORTED_WORDS:
        return True
    if len(words) != 1:
        return False
    word = words[0]
    return (
        word.pos_ == "PROPN"
        and word.ent_type_ not in NOT_NAMES
        and not (word.dep_ == "pobj" and word.head.lower_ == "on")
    )


def find_according_to(doc: Doc, quote_of: QuoteIndex, used: set[int]) -> list[Found]:
    """ "The plan failed, according to the report": the longer side of the sentence.

    Not an "according to" that already attributes the quotation before it (``used``)."""
    found = []
    for token in tokens_lowered(doc, ("according",)):
        if token.i in used or quote_of.at(token.idx) is not None:
            continue
        source = according_to_source(token)
        if source is None:
            continue
        to = doc[token.i + 1]
        phrase_end = max(token.right_edge.i, to.right_edge.i) + 1
        side = _longer_side(doc, token.i, phrase_end)
        if side is None:
            continue
        start_char, end_char = doc[side[0] : side[1]].start_char, doc[side[0] : side[1]].end_char
        found.append(Found("indirect", "according to", start_char, end_char, source, None, 0.7))
    return found


def find_in_evidence(doc: Doc, quote_of: QuoteIndex) -> list[Found]:
    """ "In a new poll, the senator leads by ten points": what a poll, survey or study
    shows, the rest of the sentence, as for "according to"."""
    found = []
    for token in tokens_lowered(doc, ("in",)):
        if token.dep_ != "prep" or quote_of.at(token.idx) is not None:
            continue
        document = next((c for c in token.children if c.dep_ == "pobj"), None)
        if document is None or document.lemma_.lower() not in POLL_NOUNS:
            continue
        # Opening the sentence ("In a new poll, …"); deeper in, only the clause the poll
        # phrase ends ("he fell to 10 percent in the latest poll"): elsewhere the poll is
        # often part of a clause some other cue reports, or one of several things weighed.
        if opens_sentence(token):
            side = _longer_side(doc, token.i, token.right_edge.i + 1)
        else:
            side = _clause_before(token)
        if side is None:
            continue
        start_char, end_char = doc[side[0] : side[1]].start_char, doc[side[0] : side[1]].end_char
        source = mention_of(author_of(document))
        found.append(Found("indirect", token.text, start_char, end_char, source, None, 0.5))
    return found


def _clause_before(phrase: Token) -> tuple[int, int] | None:
    """The clause a trailing phrase is hung on, up to the phrase: "[Trump is ahead] in the
    polls". None when the phrase is not the clause's last part, or the clause is a noun's."""
    clause = phrase.head
    doc = phrase.doc
    if clause.pos_ not in ("VERB", "AUX") or phrase.i < clause.i:
        return None
    if clause.dep_ in ("relcl", "acl", "advcl", "xcomp", "pcomp") or not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children
    ):
        return None
    if phrase.right_edge.i < clause.right_edge.i and not doc[phrase.right_edge.i + 1].is_punct:
        return None
    start = clause.left_edge.i
    while start < clause.i and (doc[start].dep_ in ("cc", "mark") or doc[start].is_punct):
        start += 1
    return trim_range(doc, start, phrase.i)


def find_in_view(doc: Doc, quote_of: QuoteIndex) -> list[Found]:
    """ "For Sanders, the mission is different", "To Ms. Gil, skating is dissent": a
    sentence opened by "for" or "to" and a person's name, then a comma, is that person's
    view. Not "For years, …" or "To win, …": only a name of a person."""
    found = []
    for token in tokens_lowered(doc, ("for", "to")):
        if token.dep_ != "prep" or quote_of.at(token.idx) is not None:
            continue
        if not opens_sentence(token):
            continue
        person = next((c for c in token.children if c.dep_ == "pobj"), None)
        if person is None or person.ent_type_ != "PERSON" or person.pos_ != "PROPN":
            continue
        after = token.right_edge.i + 1
        if after >= len(doc) or doc[after].text != ",":
            continue
        span = trim_range(doc, after + 1, token.sent.end)
        if span is None or span[1] - span[0] < MIN_REPORTED_WORDS:
            continue
        clause = doc[span[0] : span[1]]
        found.append(
            Found(
                "indirect",
                token.text,
                clause.start_char,
                clause.end_char,
                mention_of(person),
                None,
                0.5,
            )
        )
    return found


def _longer_side(doc: Doc, phrase_start: int, phrase_end: int) -> tuple[int, int] | None:
    """The longer part of the sentence before or after an attributing phrase."""
    sentence = doc[phrase_start].sent
    before = trim_range(doc, sentence.start, phrase_start)
    after = trim_range(doc, phrase_end, sentence.end)
    sides = [side for side in (before, after) if side is not None]
    return max(sides, key=lambda side: side[1] - side[0]) if sides else None


def find_hearsay(doc: Doc, quote_of: QuoteIndex) -> list[Found]:
    """ "The FBI is reportedly making arrangements …": attributed, to no one named."""
    found = []
    for token in tokens_lowered(doc, HEARSAY_ADVERBS):
        if token.dep_ != "advmod":
            continue
        verb = token.head
        if verb.pos_ not in ("VERB", "AUX") or quote_of.at(token.idx) is not None:
            continue
        if verb.lemma_.lower() in CUE_VERBS:
            continue  # "reportedly told aides that …": the cue's own statement holds it
        # "Reportedly, he …" leaves the adverb out; "he reportedly …" keeps it inside.
        start = token.i + 1 if token.i == verb.left_edge.i else verb.left_edge.i
        span = trim_range(
            doc, max(start, verb.sent.start), min(verb.right_edge.i + 1, verb.sent.end)
        )
        if span is None:
            continue
        clause = doc[span[0] : span[1]]
        found.append(
            Found("indirect", token.text, clause.start_char, clause.end_char, None, None, 0.5)
        )
    return found


def find_headline(clean: CleanText, text: str) -> list[Found]:
    """ "Talks failed — Lavrov" and "Lavrov: Talks failed" as the headline."""
    headline = clean.headline.strip()
    if not headline or not text.startswith(headline):
        first_line = text.split("\n", 1)[0].strip()
        if len(first_line) > 200 or first_line.endswith("."):
            return []
        headline = first_line
    match = HEADLINE_DASH.match(headline) or HEADLINE_COLON.match(headline)
    if match is None:
        return []
    offset = text.find(headline)
    start, end = match.span("content")
    cue = "—" if match.re is HEADLINE_DASH else ":"
    return [
        Found(
            "headline",
            cue,
            offset + start,
            offset + end,
            None,
            confidence=0.6,
            source_text=match.group("source"),
        )
    ]


def find_transcript_lines(text: str, doc: Doc | None = None) -> list[Found]:
    """ "TRUMP: We will win.": a line opened by a name in capitals and a colon; with the
    parse, also by a person's name in title case ("Ann Hale: We will win.", "Hale: …")."""
    people = _person_words(doc) if doc is not None else frozenset()
    found = []
    offset = 0
    for line in text.split("\n"):
        match = TRANSCRIPT_LINE.match(line)
        if match is None or not match.group("source").strip().isupper():
            match = NAMED_LINE.match(line)
            if match is not None and not (
                _names_a_person(match.group("source"), people)
                and _is_sentence(match.group("content"))
            ):
                match = None
        if match:
            start, end = match.span("content")
            found.append(
                Found(
                    "direct",
                    ":",
                    offset + start,
                    offset + end,
                    None,
                    confidence=0.6,
                    source_text=match.group("source").strip(),
                )
            )
        offset += len(line) + 1
    return found


def _person_words(doc: Doc) -> frozenset[str]:
    """The words of the article's person names ("Ann", "Hale" for "Ann Hale")."""
    return frozenset(
        token.text for ent in doc.ents if ent.label_ == "PERSON" for token in ent if token.is_alpha
    )


def _names_a_person(source: str, people: frozenset[str]) -> bool:
    """Whether every word of a line's title-case opening is a word of a person's name."""
    words = source.split()
    return bool(words) and all(word in people for word in words)


def _is_sentence(content: str) -> bool:
    """Words, not a figure: "Clinton: 2,316." is a tally."""
    return sum(1 for word in content.split() if any(c.isalpha() for c in word)) >= 2
