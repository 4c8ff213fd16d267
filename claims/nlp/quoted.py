"""Shape 1, quotations: each quote (``quotes.find_quotes``) attributed by the nearest
unused cue in the sentences it spans. Split quotes (“X,” he said, “Y.”) join into one
statement, a cue whose clause reaches beyond the quote makes it ``mixed``, and a quote with
no cue of its own continues the statement before it or follows a colon ("He added:").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claims.nlp.cue_reading import Cue
from claims.nlp.cues import CORE_SPEECH, SPEECH_VERBS
from claims.nlp.found import Found
from claims.nlp.quotes import Quote, has_quote_mark, is_statement_sized
from claims.nlp.sources import SUBJECTS, according_to_source
from claims.nlp.spans import line_end, line_start, mention_of, strip_space

MAX_SPLIT_GAP_TOKENS = 20
# "according to X" right after a quotation's closing mark (and a comma).
_ACCORDING_AFTER = re.compile(r"[ \t]*,?[ \t]*(according)\s+to\b", re.IGNORECASE)
# A quote with no cue of its own continues the previous speaker when this close (paragraphs).
MAX_CONTINUATION_PARAGRAPHS = 1
# … and when at most this many words (the attribution, "he said.") stand between them.
MAX_CONTINUATION_GAP_WORDS = 8
# … or this many when they are a sentence about "he" or "she" ("She also thanked the crew.").
MAX_PRONOUN_GAP_WORDS = 20
# A sentence after a quote this short ("he asked.") can be the quote's attribution.
MAX_ATTRIBUTION_TAIL_TOKENS = 12
# A source named after a dash before a colon ("… - Ann Cole:") is this short.
MAX_BYLINE_WORDS = 6


def find_quoted(
    doc: Doc, text: str, quotes: list[Quote], cues: list[Cue], used: set[int]
) -> list[Found]:
    """Statements in quotation marks; marks each cue it attributes a quote to as ``used``."""
    found: list[Found] = []
    index = 0
    while index < len(quotes):
        quote = quotes[index]
        index += 1
        bylined = _bylined(doc, text, quote)
        if bylined is not None:
            # "A HEADLINE THAT WARNS - Ann Cole: “…”": the byline's, not the headline verb's
            found.append(bylined)
            headline_cue = _cue_for_quote(doc, text, quote, cues, used)
            if headline_cue is not None:
                used.add(headline_cue.verb.i)
            continue
        cue = _cue_for_quote(doc, text, quote, cues, used)
        follows_split = (
            cue is not None
            and index < len(quotes)
            and _attribution_between(doc, text, quote, quotes[index], cue, cues, used)
        )
        if (
            not is_statement_sized(quote, text)
            and not follows_split
            and not _right_beside(text, quote, cue)
        ):
            continue
        if cue is None:
            according = _according_to_after(doc, text, quote)
            if according is not None:
                used.add(according.i)
                source = according_to_source(according)
                start, end = strip_space(text, quote.inner_start, quote.inner_end)
                found.append(Found("direct", "according to", start, end, source, None, 0.7))
                continue
            if _runs_on(doc, text, quote, found):
                found[-1].end = strip_space(text, quote.inner_start, quote.inner_end)[1]
                continue
            continuation = _continuation(doc, text, quote, found) or _after_colon(doc, text, quote)
            if continuation is not None:
                found.append(continuation)
            continue
        used.add(cue.verb.i)
        start, end = quote.inner_start, quote.inner_end
        # A split quote: “X,” he said, “Y.” – the second part belongs to the same statement.
        while index < len(quotes) and _attribution_between(
            doc, text, quotes[index - 1], quotes[index], cue, cues, used
        ):
            end = quotes[index].inner_end
            index += 1
        kind = "direct"
        if cue.content is not None:
            content = doc[cue.content[0] : cue.content[1]]
            c_start, c_end = content.start_char, content.end_char
            outside = text[c_start : quote.start].split() if c_start < quote.start else []
            if (
                len(outside) >= 2
                and c_end >= quote.start
                and (cue.start_char < quote.start or _framing(text, c_start, quote))
                and not _introduces_after_another(text, cue, quote, c_start)
            ):
                start, end, kind = c_start, max(quote.end, c_end), "mixed"
        start, end = strip_space(text, start, end)
        found.append(Found(kind, cue.text, start, end, cue.source, cue.antecedent, 0.8))
    return found


def _introduces_after_another(text: str, cue: Cue, quote: Quote, content_start: int) -> bool:
    """Whether the cue introduces the quote (only a comma or colon between) while the
    content the parser gave it reaches back over another quotation: in "“…,” Cruz said as
    the heckler yelled: “…”" the heckler yelled the second quote, not the whole sentence."""
    return _introduces(text, cue, quote) and has_quote_mark(text[content_start : quote.start])


def _same_words(one: Span, other: Span | None) -> bool:
    """Whether two sources share a word: "Hale" and "Hale" do, "Hale" and "the crowd" not."""
    return other is not None and one.start < other.end and other.start < one.end


def _according_to_after(doc: Doc, text: str, quote: Quote) -> Token | None:
    """The "according" of an "according to X" right after the quote (“…,” according to
    Ann Cole, a doctor): the quote's attribution, though no cue verb."""
    after = _ACCORDING_AFTER.match(text, quote.end)
    if after is None:
        return None
    span = doc.char_span(after.start(1), after.end(1), alignment_mode="expand")
    if span is None or according_to_source(span[0]) is None:
        return None
    return span[0]


def _framing(text: str, start: int, quote: Quote) -> bool:
    """Whether unquoted words from ``start`` frame the quote in one sentence of one line.

    "Belgium failed to act and “should have acted sooner,” the minister said": the words
    before the quote are reported too. Not when another quote or a sentence's end stands
    between them (the parser runs sentences together over a quote's closing mark).
    """
    before = text[start : quote.start]
    return (
        "\n" not in before
        and not has_quote_mark(before)
        and not any(mark in before for mark in (". ", "? ", "! "))
    )


def _right_beside(text: str, quote: Quote, cue: Cue | None) -> bool:
    """A short quote is a statement when a speech cue stands right beside it.

    “We’ll see,” Sanders said / Sanders said, “We’ll see.” – only punctuation between the
    quote and the attribution, and the quote closes on its own punctuation, so it is a
    sentence someone said rather than a scare quote or a title.
    """
    if cue is None or cue.source is None or cue.verb.lemma_ not in SPEECH_VERBS:
        return False
    inner = quote.inner(text).rstrip()
    if not inner or inner[-1] not in ",.?!":
        return False
    attribution_start = min(cue.start_char, cue.source.start_char)
    attribution_end = max(cue.end_char, cue.source.end_char)
    if attribution_start >= quote.end:
        gap = text[quote.end : attribution_start]
    elif attribution_end <= quote.start:
        gap = text[attribution_end : quote.start]
    else:
        return False
    return not any(c.isalnum() for c in gap)


def _runs_on(doc: Doc, text: str, quote: Quote, found: list[Found]) -> bool:
    """A quote with no cue that follows a quoted statement in the same paragraph continues it.

    “X,” she said. “Y.” – the second sentence is one more fragment of the same statement;
    not when a sentence about another named person stands between (``_continuation``).
    """
    if not found or found[-1].kind not in ("direct", "mixed") or found[-1].end > quote.start:
        return False
    between = text[found[-1].end : quote.start]
    return (
        "\n" not in between
        and len(between.split()) <= MAX_SPLIT_GAP_TOKENS
        and _person_subject_between(doc, found[-1].end, quote.start, found[-1].source) is None
    )


def _after_colon(doc: Doc, text: str, quote: Quote) -> Found | None:
    """A quote after "Trump went even further:" is said by the subject before the colon: of
    the clause nearest the colon ("… was on display when Musk took to Twitter with this:")."""
    at = quote.start - 1
    while at > 0 and text[at] in " \t":
        at -= 1
    if at <= 0 or text[at] != ":":
        return None
    colon = doc.char_span(at, at + 1, alignment_mode="expand")
    if colon is None:
        return None
    verb = _clause_before(colon[0])
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.i > colon[0].i or subject.lower_ in ("it", "there", "this"):
        return None
    if not is_statement_sized(quote, text):
        return None
    start, end = strip_space(text, quote.inner_start, quote.inner_end)
    return Found("direct", text[verb.idx : at + 1], start, end, mention_of(subject), None, 0.5)


def _bylined(doc: Doc, text: str, quote: Quote) -> Found | None:
    """A quote right after a digest's byline ("… - Ann Cole: “…”"), said by the byline."""
    at = quote.start - 1
    while at > 0 and text[at] in " \t":
        at -= 1
    if at <= 0 or text[at] != ":":
        return None
    byline = _byline_before(doc, text, at)
    if byline is None or not is_statement_sized(quote, text):
        return None
    start, end = strip_space(text, quote.inner_start, quote.inner_end)
    return Found("direct", ":", start, end, byline, None, 0.5)


def _byline_before(doc: Doc, text: str, colon: int) -> Span | None:
    """ "A FINDING IN CAPITALS - Ann Cole: “…”", "… turnout held up - More from Cole: “…”":
    a digest's line that names its source after a dash, right before the colon."""
    line = text[line_start(text, colon) : colon]
    dash = max(line.rfind(mark) for mark in (" - ", " -", " – ", " — "))
    if dash < 0:
        return None
    after = line[dash:].lstrip(" -–—")
    words = after.split()
    if not 1 <= len(words) <= MAX_BYLINE_WORDS or not words[-1][:1].isupper():
        return None
    begin = colon - len(after)
    span = doc.char_span(begin, colon, alignment_mode="contract")
    return span if span is not None and len(span) > 0 else None


def _clause_before(colon: Token) -> Token:
    """The verb of the clause that ends at ``colon``: up from the word before it to the
    first verb with a subject of its own, else the colon's own verb."""
    if colon.i > 0:
        token = colon.doc[colon.i - 1]
        while token.i < colon.i:
            if token.pos_ in ("VERB", "AUX") and any(
                c.dep_ in SUBJECTS and c.i < colon.i for c in token.children
            ):
                return token
            if token.head.i == token.i:
                break
            token = token.head
    verb = colon.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _continuation(doc: Doc, text: str, quote: Quote, found: list[Found]) -> Found | None:
    """A quote with no cue right after another speaker's statement is theirs, by convention;
    unless a sentence between them is about someone else, named as its subject ("… ,” Ross
    said. Cole did not hesitate. “…”): then it is that person's."""
    if not found or found[-1].source is None:
        return None
    previous = found[-1]
    between = text[previous.end : quote.start]
    if between.count("\n\n") > MAX_CONTINUATION_PARAGRAPHS:
        return None
    words = len(between.split())
    if words > MAX_CONTINUATION_GAP_WORDS and not (
        words <= MAX_PRONOUN_GAP_WORDS and _pronoun_subject_between(doc, previous.end, quote.start)
    ):
        return None
    start, end = strip_space(text, quote.inner_start, quote.inner_end)
    other = _person_subject_between(doc, previous.end, quote.start, previous.source)
    source = other or previous.source
    antecedent = previous.antecedent if source is previous.source else None
    return Found("direct", "", start, end, source, antecedent, 0.4)


def _pronoun_subject_between(doc: Doc, start: int, end: int) -> bool:
    """Whether a sentence between two quotes is about a "he" or "she" ("… ,” Cole said. She
    also thanked the crew. “…”): still the same speaker, the pronoun says."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(
        t.dep_ in SUBJECTS and t.lower_ in ("he", "she") and span.start <= t.head.i < span.end
        for t in span
    )


def _person_subject_between(doc: Doc, start: int, end: int, source: Span | None) -> Span | None:
    """A named person (or a name the tagger gave no type), other than ``source``, who is
    the subject of a verb between two quotes: "… ,” Ross said. Cole did not hesitate. “…”"."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    for token in span:
        if (
            token.dep_ in SUBJECTS
            and (token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and not token.ent_type_))
            and span.start <= token.head.i < span.end
            and not (source is not None and source.start <= token.i < source.end)
        ):
            return mention_of(token)
    return None


def _cue_for_quote(
    doc: Doc, text: str, quote: Quote, cues: list[Cue], used: set[int]
) -> Cue | None:
    """The nearest unused cue outside quotes in the sentences the quote spans."""
    first = doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
    last = doc.char_span(max(quote.end - 1, quote.start), quote.end, alignment_mode="expand")
    if first is None or last is None:
        return None
    # The sentences the quote spans, never beyond its lines: a line break ends a paragraph
    # even where the parser ran a sentence on over it.
    window_start = max(first.sent.start_char, line_start(text, quote.start))
    window_end = min(last.sent.end_char, line_end(text, quote.end))
    if not text[quote.end : window_end].strip() and window_end < len(text):
        # “… right?” he asked. – the parser ends the sentence at the quote's "?" or ".";
        # a short tail on the same line is still its attribution.
        tail = doc.char_span(window_end, window_end + 1, alignment_mode="expand")
        if tail is not None and len(tail.sent) <= MAX_ATTRIBUTION_TAIL_TOKENS:
            window_end = min(tail.sent.end_char, line_end(text, quote.end))
    before = text[window_start : quote.start].rstrip()
    if not before and window_start > 0:
        # A quote opening its sentence may be introduced by the one before ("He said:").
        last_char = window_start - 1
        while last_char > 0 and text[last_char].isspace():
            last_char -= 1
        if text[last_char] == ":":
            window_start = max(
                doc[first.sent.start - 1].sent.start_char if first.sent.start > 0 else 0,
                line_start(text, last_char),
            )
    candidates = [
        cue
        for cue in cues
        if window_start <= cue.start_char < window_end
        and cue.verb.i not in used
        and cue.source is not None
    ]
    if not candidates:
        return None
    introducing = _introducing_cue(text, quote, candidates)
    if introducing is not None:
        return introducing

    def distance(cue: Cue) -> tuple[int, int]:
        if cue.start_char >= quote.end:
            gap = cue.start_char - quote.end
        else:
            gap = max(quote.start - cue.end_char, 0)
        core = cue.verb.lemma_ in CORE_SPEECH
        elsewhere = _reports_elsewhere(doc, cue, quote)
        if core and not elsewhere:
            return (0, gap)
        # "…,” citing a ruling": an act with its own words after the quote yields to one
        # without; a core verb after the quote ("Cole said of the plan") still says it
        return (2 if elsewhere and not core and cue.start_char >= quote.end else 1, gap)

    return min(candidates, key=distance)


def _introducing_cue(text: str, quote: Quote, cues: list[Cue]) -> Cue | None:
    """A speech verb right before the quote, with only a comma or a colon between, says it
    ("Cole said he heard the crowd shout, “…”": the crowd shouts it, Cole reports it)."""
    return next(
        (cue for cue in cues if cue.verb.lemma_ in SPEECH_VERBS and _introduces(text, cue, quote)),
        None,
    )


def _introduces(text: str, cue: Cue, quote: Quote) -> bool:
    """Whether only a comma or a colon stands between the cue and the quote after it."""
    return cue.end_char <= quote.start and text[cue.end_char : quote.start].strip() in (",", ":")


def _reports_elsewhere(doc: Doc, cue: Cue, quote: Quote) -> bool:
    """Whether the cue's own clause lies outside the quote: "He says he respects her and
    calls her “a fine leader”" – "says" has its statement, the quote is the next act's;
    "…,” citing a ruling from 2015" – "citing" has its own too."""
    if cue.content is None:
        return False
    content = doc[cue.content[0] : cue.content[1]]
    if len(content) < 2:
        return False
    if cue.start_char < quote.start:
        return content.end_char <= quote.start
    return content.start_char >= quote.end


def _attribution_between(
    doc: Doc, text: str, left: Quote, right: Quote, cue: Cue, cues: list[Cue], used: set[int]
) -> bool:
    """Whether only the attribution stands between two quotes ("…,” Ross said. “…").

    Not when the second quote has an attribution of its own after it.
    """
    if not (left.end <= cue.start_char < right.start):
        return False
    gap = text[left.end : right.start]
    if "\n" in gap:
        return False
    # “X,” he said, “Y.” runs on; after a sentence's end ("… said. His verdict: “Y,” he
    # added.") the second quote may have its own attribution.
    new_sentence = any(mark in gap for mark in (". ", "? ", "! "))
    # Another unused cue between the attribution and the second quote takes it after a
    # sentence's end ("… ,” Lew said. He added that it was “…”"), or in the same sentence
    # when someone else is its source ("… ,” Hale said as the crowd chanted: “…”").
    if any(
        new_sentence or not _same_words(other.source, cue.source)
        for other in cues
        if other is not cue
        and other.source is not None
        and other.verb.i not in used
        and cue.end_char <= other.start_char < right.start
    ):
        return False
    if new_sentence or not gap.rstrip().endswith((",", ":")):
        last = doc.char_span(max(right.end - 1, right.start), right.end, alignment_mode="expand")
        sentence_end = last.sent.end_char if last is not None else right.end
        sentence_end = min(sentence_end, line_end(text, right.end))
        if any(
            right.end <= other.start_char < sentence_end and other.verb.i not in used
            for other in cues
        ):
            return False
    span = doc.char_span(left.end, right.start, alignment_mode="expand")
    if span is None or _person_subject_between(doc, left.end, right.start, cue.source):
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    return 0 < len(words) <= MAX_SPLIT_GAP_TOKENS
