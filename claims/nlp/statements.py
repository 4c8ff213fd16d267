"""Finds statements and their speakers in a parsed article, by rules over the dependency parse.

Four shapes are found, in this order, each claiming the cue it used so no cue counts twice:

1. quotations (``quotes.find_quotes``) attributed by a cue in their sentence, split quotes
   and colon-introduced quotes included; a cue whose clause reaches beyond the quote makes
   the statement ``mixed``;
2. reported speech: a cue verb (``cues``) with a clause, an object or a prepositional
   complement, the clause before or after it;
3. "according to X" adverbials, and hearsay adverbs with no source ("X reportedly …");
4. the headline attributed by a dash or colon, and transcript lines ("TRUMP: …").

Speakers are resolved afterwards in text order by ``speakers.SpeakerBook``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claims.nlp.cues import (
    CARRIER_NOUNS,
    COGNITION_VERBS,
    CORE_SPEECH,
    CUE_NOUNS,
    CUE_PREPOSITIONS,
    CUE_VERBS,
    EVIDENCE_VERBS,
    NEEDS_CLAUSE,
    PARTICLE_CUES,
    RAISING_VERBS,
    SPEECH_VERBS,
)
from claims.nlp.quotes import Quote, find_quotes, has_quote_mark, is_statement_sized
from claims.nlp.records import CleanText, SpeakerInfo, StatementRecord
from claims.nlp.speakers import SpeakerBook

SUBJECTS = frozenset({"nsubj"})
CLAUSES = frozenset({"ccomp"})
# Children of a subject that are not part of how the source is named.
MENTION_CUTS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "prep"})
MAX_SPLIT_GAP_TOKENS = 20
# "She continued to campaign": an aspect of the next verb, not an attribution of its own.
ASPECTUAL = frozenset({"continue", "begin", "start", "keep", "go"})
DATELINE_DASHES = frozenset({"-", "--", "—", "–"})
# Verbs of a reporter's question: "Asked about …, she said" names no asker.
QUESTION_VERBS = frozenset({"ask", "press", "question"})
# "…, she said when asked": the question still has no asker after the answer.
QUESTION_TIMES = frozenset({"when", "if", "after", "before", "while", "once"})
# Adverbs that attribute a clause to unnamed others: PolNeAR annotates them with no source.
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "reputedly", "purportedly", "supposedly"})
# Verbs whose object is an audience: "emailed supporters saying …".
ADDRESS_VERBS = SPEECH_VERBS | frozenset({"email", "e-mail", "text", "message", "send", "blast"})
# Cues that may sit inside the clause they attribute ("The plan, he said, is ready").
PARENTHETICAL_CUES = SPEECH_VERBS | COGNITION_VERBS | EVIDENCE_VERBS
# Reported content of one word ("backed Sanders") is more often an act than a statement.
MIN_REPORTED_WORDS = 2
# Verbs whose "to" phrase is what they attribute ("pointed to", "referring to").
TO_VERBS = frozenset({"refer", "point", "respond", "reply", "object", "react", "allude"})
# A quote with no cue of its own continues the previous speaker when this close (paragraphs).
MAX_CONTINUATION_PARAGRAPHS = 1
# … and when at most this many words (the attribution, "he said.") stand between them.
MAX_CONTINUATION_GAP_WORDS = 8
# A sentence after a quote this short ("he asked.") can be the quote's attribution.
MAX_ATTRIBUTION_TAIL_TOKENS = 12
HEADLINE_DASH = re.compile(
    r"^(?P<content>.{8,}?)(?:\s+-{1,2}\s+|\s*[—–]\s*)(?P<source>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$"
)
HEADLINE_COLON = re.compile(
    r"^(?P<source>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+(?P<content>.{8,})$"
)
TRANSCRIPT_LINE = re.compile(r"^(?P<source>[A-Z][A-Z.'’ -]{1,40}):\s+(?P<content>\S.*)$")


@dataclass(slots=True)
class _Cue:
    """A cue verb with its source (subject) and what it attributes, as token indexes."""

    verb: Token
    text: str
    start_char: int
    end_char: int
    source: Span | None
    antecedent: Span | None
    content: tuple[int, int] | None  # token range [start, end)


@dataclass(slots=True)
class _Found:
    """A statement before its speaker is resolved."""

    kind: str
    cue: str
    start: int
    end: int
    source: Span | None
    antecedent: Span | None = None
    confidence: float = 0.5
    source_text: str = ""  # for sources outside the parse (headline, transcript)


def extract_statements(
    doc: Doc, clean: CleanText
) -> tuple[tuple[SpeakerInfo, ...], tuple[StatementRecord, ...]]:
    """Return the article's speakers and its statements (statement.speaker indexes speakers)."""
    text = doc.text
    quotes = find_quotes(text)
    quote_of = _QuoteIndex(quotes)
    cues = [
        cue
        for token in doc
        if (cue := _read_cue(token, quote_of) or _read_noun_cue(token, quote_of)) is not None
    ]
    found: list[_Found] = []
    used: set[int] = set()
    found += _quoted(doc, text, quotes, cues, used)
    found += _reported(doc, text, cues, used, quote_of)
    found += _according_to(doc, quote_of)
    found += _hearsay(doc, quote_of)
    found += _headline(clean, text)
    found += _transcript_lines(text)
    found = _without_duplicates(found)
    return _resolve(doc, text, clean, found)


# --- cues -----------------------------------------------------------------------------------


class _QuoteIndex:
    """Which quotation, if any, holds a character offset."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.starts = [quote.start for quote in quotes]

    def at(self, offset: int) -> Quote | None:
        position = bisect.bisect_right(self.starts, offset) - 1
        if position >= 0 and offset < self.quotes[position].end:
            return self.quotes[position]
        return None

    def overlapping(self, start: int, end: int) -> list[Quote]:
        first = max(bisect.bisect_right(self.starts, start) - 1, 0)
        last = bisect.bisect_left(self.starts, end)
        return [q for q in self.quotes[first:last] if q.end > start and q.start < end]


def _read_cue(token: Token, quote_of: _QuoteIndex) -> _Cue | None:
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or quote_of.at(token.idx) is not None:
        return None
    particle = next(
        (
            c
            for c in token.children
            if c.dep_ in ("prt", "acomp", "oprd", "dobj", "ccomp")
            and c.lower_ in PARTICLE_CUES.get(lemma, ())
        ),
        None,
    )
    if lemma not in CUE_VERBS and particle is None:
        return None
    if lemma in RAISING_VERBS or _is_question_put(token, lemma):
        return _impersonal_cue(token, lemma)
    source, antecedent = _source(token)
    if source is None:
        return _impersonal_cue(token, lemma)
    if quote_of.at(source.start_char) is not None:
        return None
    content, preposition = _content(token, lemma, particle, source)
    return _cue(token, (particle, preposition), source, content, antecedent=antecedent)


def _cue(
    verb: Token,
    joined: tuple[Token | None, ...],
    source: Span | None,
    content: tuple[int, int] | None,
    *,
    antecedent: Span | None = None,
) -> _Cue:
    """A cue whose words are the verb (or noun) and the particles that join it ("called for")."""
    words = sorted([verb, *(word for word in joined if word is not None)], key=lambda t: t.i)
    return _Cue(
        verb=verb,
        text=" ".join(t.text for t in words),
        start_char=verb.idx,
        end_char=words[-1].idx + len(words[-1]),
        source=source,
        antecedent=antecedent,
        content=content,
    )


def _read_noun_cue(token: Token, quote_of: _QuoteIndex) -> _Cue | None:
    """A statement noun with its owner: "Trump's call for a ban", "her claim that …"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in CUE_NOUNS:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None or quote_of.at(token.idx) is not None:
        return None
    for child in token.children:
        if child.dep_ in ("acl", "ccomp") and child.i > token.i:
            content, joined = _trimmed(child), None
            break
        if child.dep_ == "prep" and child.lower_ in CUE_PREPOSITIONS - {"to"}:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                content, joined = _trimmed(objects[0]), child
                break
    else:
        return None
    return _cue(token, (joined,), _mention(owner), content)


def _source(verb: Token) -> tuple[Span | None, Span | None]:
    """The subject of the cue (inherited through "and", "to" and "saying"), and its antecedent."""
    token = verb
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for _ in range(4):
        if passive and token != verb:
            # "State missed the deadline and was ordered to …": whoever ordered is not named.
            return None, None
        # Of two subjects ("LONDON (Reuters) - Donald Trump said"), the nearer is the source.
        subject = min(
            (c for c in token.children if c.dep_ in SUBJECTS),
            key=lambda c, verb=token: abs(verb.i - c.i),
            default=None,
        )
        if subject is not None:
            if subject.lower_ in ("it", "there", "this") and token.lemma_ != "say":
                return None, None
            subject = _past_dateline(subject)
            if subject.lower_ in ("who", "which", "that") and token.dep_ == "relcl":
                named = token.head
                # "Braynard, a native who writes …": the one who writes is Braynard.
                if named.dep_ == "appos" and named.head.pos_ == "PROPN":
                    named = named.head
                return _mention(subject), _carrier_maker(named) or _mention(named)
            return _mention(subject), None
        # "The plan was criticized by Senator Hill": the source is the passive's agent.
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        agent_object = (
            next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        )
        if agent_object is not None:
            return _mention(agent_object), None
        participle = next(
            (c for c in token.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < token.i),
            None,
        )
        # "Lavrov, speaking at the meeting, stated …": the subject sits on the participle.
        if participle is not None:
            subject = next((c for c in participle.children if c.dep_ in SUBJECTS), None)
            if subject is not None:
                return _mention(subject), None
        addresser = _addresser_verb(token)
        if addresser is not None:
            # "emailed supporters saying …", "a pitch to voters saying …": the audience is
            # not the source; whoever addressed it is.
            token = addresser
            continue
        if _is_trailing_participle(token) and token.sent.root != token:
            # "Carson rejected the notion that …, saying …": the parser hangs "saying" on
            # the nearest noun, but after a comma it belongs to the sentence's subject.
            token = token.sent.root
            continue
        if _is_effort_infinitive(token):
            # "Obama will spearhead an effort to paint …": the effort's owner paints.
            token = token.head.head
            continue
        if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
            return _carrier_maker(token.head) or _mention(token.head), None
        if token.dep_ in ("xcomp", "conj", "advcl") and token.head != token:
            token = token.head
            continue
        return None, None
    return None, None


def _addresser_verb(verb: Token) -> Token | None:
    """The verb whose audience a participle hangs on: "emailed supporters saying …"."""
    if verb.tag_ != "VBG" or verb.dep_ != "acl":
        return None
    audience = verb.head
    if audience.dep_ == "dobj" and audience.head.lemma_.lower() in ADDRESS_VERBS:
        return audience.head
    if audience.dep_ == "pobj" and audience.head.lower_ == "to":
        return next((a for a in audience.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return None


def _is_effort_infinitive(verb: Token) -> bool:
    """ "launched an effort to paint …": an infinitive on the object of another verb."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VB"
        and noun.pos_ == "NOUN"
        and noun.dep_ == "dobj"
        and noun.lemma_.lower() not in CARRIER_NOUNS
        and noun.head.pos_ == "VERB"
    )


def _is_trailing_participle(verb: Token) -> bool:
    """ "…, saying …" parsed as a clause of the noun or the subordinate verb before the comma.

    Not "an ad saying …" (a carrier) nor a participle of the main verb itself.
    """
    if verb.dep_ == "advcl":
        # On a content clause ("rejected the notion that X was …, saying"), not on a clause
        # with an agent of its own ("where protesters gathered, chanting …").
        attached_low = verb.head.dep_ in ("ccomp", "acl", "pcomp") or _is_that_clause(verb.head)
    else:
        attached_low = verb.dep_ == "acl"
    return (
        verb.tag_ == "VBG"
        and attached_low
        and verb.i > 0
        and verb.doc[verb.i - 1].text in (",", "—", "–", "--")
        and verb.head.lemma_.lower() not in CARRIER_NOUNS
        and verb.sent.root.pos_ in ("VERB", "AUX")
    )


def _past_dateline(subject: Token) -> Token:
    """ "OSLO (Wire) - Anna Berg said": a dateline parsed as the subject gives way to the
    name after its dash."""
    dash = next((c for c in subject.rights if c.text in DATELINE_DASHES), None)
    if dash is None:
        return subject
    return next((c for c in subject.rights if c.i > dash.i and c.dep_ == "appos"), subject)


def _author(noun: Token) -> Token:
    """The author named after a document: "a tally by the Associated Press" → Press."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            author = next((c for c in child.children if c.dep_ == "pobj"), None)
            if author is not None:
                return author
        if child.dep_ == "acl":
            # "according to audio provided by Wyoming Public Radio"
            for agent in child.children:
                if agent.dep_ == "agent":
                    author = next((c for c in agent.children if c.dep_ == "pobj"), None)
                    if author is not None:
                        return author
    return noun


def _carrier_maker(noun: Token) -> Span | None:
    """Who put out the statement, ad or email that says something, when the parse shows it.

    "Trump released a video saying …" → Trump; "the campaign's statement calling …" → the
    campaign. None when the carrier has no owner or maker in the sentence.
    """
    if noun.lemma_.lower() not in CARRIER_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return _mention(owner)
    # "… had sent letters and placed ads calling …", "launched it with a speech denouncing …":
    # the maker is the source of the verb that put the carrier out.
    verb = None
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head
    if verb is not None and verb.pos_ == "VERB":
        source, antecedent = _source(verb)
        if source is not None and source.root.lower_ in ("who", "which", "that"):
            source = antecedent  # "Romney, who launched it with a speech …": Romney
        return source
    return None


def _is_question_put(verb: Token, lemma: str) -> bool:
    """ "Asked about the wall, he said …", "…, he said when asked": the reporter's question,
    put by no one named. A sentence-initial "Asked" is often tagged as a past tense."""
    opens_sentence = all(t.is_space or t.is_punct for t in verb.doc[verb.sent.start : verb.i])
    participle = verb.tag_ == "VBN" or (verb.tag_ == "VBD" and opens_sentence)
    when = any(c.dep_ in ("advmod", "mark") and c.lower_ in QUESTION_TIMES for c in verb.children)
    return (
        lemma in QUESTION_VERBS
        and participle
        and verb.dep_ == "advcl"
        and (verb.i < verb.head.i or when)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "agent") for c in verb.children)
    )


def _impersonal_cue(verb: Token, lemma: str) -> _Cue | None:
    """A cue that attributes to no one named: "X seems to …", "X is expected to …".

    Any passive cue with no "by" agent qualifies ("was ordered to …", "it was revealed
    that …"): PolNeAR leaves such sources empty. The subject is part of what is
    attributed, so the content runs from the subject to the end of the complement;
    "it was revealed that …" attributes only the clause.
    """
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if _is_question_put(verb, lemma):
        return _question_put(verb)
    if lemma not in RAISING_VERBS and not passive:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    complement = next(
        (c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i), None
    ) or next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "as") and passive),
        None,
    )
    if complement is None or (subject is None and not passive):
        return None
    if subject is None or subject.lower_ in ("it", "there") or complement.dep_ == "ccomp":
        content = _trimmed(complement)
    else:
        content = _trim_range(verb.doc, subject.left_edge.i, complement.right_edge.i + 1)
    return _cue(verb, (), None, content)


def _question_put(verb: Token) -> _Cue | None:
    """The question of "Asked about the wall, …" or "Asked whether …, …", with its cue."""
    content, joined = None, None
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i > verb.i:
            content = _trimmed(child)
            break
        if child.dep_ == "prep" and child.lower_ in ("about", "on", "for", "if"):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                content, joined = _trimmed(objects[0]), child
                break
    if content is None:
        return None
    return _cue(verb, (joined,), None, content)


def _mention(subject: Token) -> Span:
    """The words naming the source: the subject without its clauses and prepositions."""
    doc = subject.doc
    end = subject.i + 1
    for child in subject.rights:
        if child.dep_ in MENTION_CUTS and not (child.dep_ == "prep" and child.lower_ == "of"):
            break
        end = child.right_edge.i + 1
    start = subject.left_edge.i
    # A line break inside the phrase is a paragraph the parser ran over ("12:15 p.m.\n\nObama").
    for token in doc[start : subject.i]:
        if "\n" in token.text_with_ws:
            start = token.i + 1
    for token in doc[subject.i : end]:
        if "\n" in token.text_with_ws:
            end = token.i + 1
            break
    while start < subject.i and (
        doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"
    ):
        start += 1
    while end - 1 > subject.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _content(
    verb: Token, lemma: str, particle: Token | None, source: Span
) -> tuple[tuple[int, int] | None, Token | None]:
    """The token range the cue attributes, and the preposition that joins the cue if any."""
    children = [c for c in verb.children if c != particle]
    for child in children:
        if child.dep_ in CLAUSES:
            return _trimmed(child), None
    if particle is not None and particle.dep_ in ("acomp", "oprd", "ccomp"):
        # "made it clear that …": the clause hangs on "clear", sometimes parsed as advcl.
        for child in particle.children:
            if child.dep_ in CLAUSES or _is_that_clause(child):
                return _trimmed(child), None
    for child in children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and lemma not in ASPECTUAL:
            return _trimmed(child), None
    needs_clause = lemma in NEEDS_CLAUSE and particle is None
    for child in children:
        if child.dep_ != "dobj" or child.pos_ == "PRON":
            continue
        # "called Trump “unhinged”": an object with its predicate is content for any cue.
        # "sees Cruz as a uniter": the object with its "as" phrase.
        predicate = next(
            (
                c
                for c in children
                if c.i > child.i
                and (c.dep_ in ("oprd", "acomp") or (c.dep_ == "prep" and c.lower_ == "as"))
            ),
            None,
        )
        if predicate is not None:
            return _trim_range(verb.doc, child.left_edge.i, predicate.right_edge.i + 1), None
        if not needs_clause:
            return _trimmed(child), None
    for child in children:
        if child.dep_ == "prep" and (
            child.lower_ in CUE_PREPOSITIONS - {"to"}
            or (child.lower_ == "to" and lemma in TO_VERBS)
        ):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return _trimmed(objects[0]), child
    if source.start > verb.i:
        # "The plan was criticized by Senator Hill": what the agent criticised is the subject.
        target = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if target is not None and target.lower_ not in ("it", "there"):
            return _trimmed(target), None
    if verb.dep_ == "parataxis" and lemma in PARENTHETICAL_CUES:
        return _host_clause(verb, source), None
    # "claiming without any evidence that …": the clause hangs on the preposition's object.
    for noun in (n for c in children if c.dep_ == "prep" for n in c.children):
        clause = next((c for c in noun.children if _is_that_clause(c)), None)
        if noun.dep_ == "pobj" and clause is not None:
            return _trimmed(clause), None
    return None, None


def _is_that_clause(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children
    )


def _trimmed(head: Token) -> tuple[int, int] | None:
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    while start < end and (
        _is_edge_punct(doc[start], opening=True) or doc[start].dep_ in ("mark", "cc")
    ):
        start += 1
    while end > start and _is_edge_punct(doc[end - 1], opening=False):
        end -= 1
    return (start, end) if end > start else None


def _is_edge_punct(token: Token, *, opening: bool) -> bool:
    if token.is_space:
        return True
    if not token.is_punct:
        return False
    # A closing quote mark ends partly quoted content; an opening one starts it.
    marks = ("“", '"', "''", "``") if opening else ("”", '"', "''")
    return not any(mark in token.text for mark in marks)


def _host_clause(verb: Token, source: Span) -> tuple[int, int] | None:
    """For "…, Lavrov said." and "X, he said, Y": the clause the cue is inserted into.

    A cue at the end (or start) of the clause leaves it out; a cue in the middle is kept
    inside, as the attributed content runs on both sides of it.
    """
    host = verb.head
    left, right = host.left_edge.i, host.right_edge.i + 1
    cue_start = min(verb.left_edge.i, source.start)
    cue_end = max(verb.right_edge.i, source.end - 1) + 1
    doc = verb.doc
    if all(t.is_punct or t.is_space for t in doc[cue_end:right]):
        right = cue_start
    elif all(t.is_punct or t.is_space for t in doc[left:cue_start]):
        left = cue_end
    if right - left < MIN_REPORTED_WORDS:
        return None
    return _trim_range(doc, left, right)


def _trim_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and _is_edge_punct(doc[start], opening=True):
        start += 1
    while end > start and _is_edge_punct(doc[end - 1], opening=False):
        end -= 1
    return (start, end) if end > start else None


# --- shape 1: quotations --------------------------------------------------------------------


def _quoted(
    doc: Doc, text: str, quotes: list[Quote], cues: list[_Cue], used: set[int]
) -> list[_Found]:
    found: list[_Found] = []
    index = 0
    while index < len(quotes):
        quote = quotes[index]
        index += 1
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
            if _runs_on(text, quote, found):
                found[-1].end = _strip(text, quote.inner_start, quote.inner_end)[1]
                continue
            continuation = _continuation(text, quote, found) or _after_colon(doc, text, quote)
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
            if len(outside) >= 2 and c_end >= quote.start and cue.start_char < quote.start:
                start, end, kind = c_start, max(quote.end, c_end), "mixed"
        start, end = _strip(text, start, end)
        found.append(_Found(kind, cue.text, start, end, cue.source, cue.antecedent, 0.8))
    return found


def _right_beside(text: str, quote: Quote, cue: _Cue | None) -> bool:
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


def _runs_on(text: str, quote: Quote, found: list[_Found]) -> bool:
    """A quote with no cue that follows a quoted statement in the same paragraph continues it.

    “X,” she said. “Y.” – the second sentence is one more fragment of the same statement.
    """
    if not found or found[-1].kind not in ("direct", "mixed") or found[-1].end > quote.start:
        return False
    between = text[found[-1].end : quote.start]
    return "\n" not in between and len(between.split()) <= MAX_SPLIT_GAP_TOKENS


def _after_colon(doc: Doc, text: str, quote: Quote) -> _Found | None:
    """A quote after "Trump went even further:" is said by the subject before the colon."""
    at = quote.start - 1
    while at > 0 and text[at] in " \t":
        at -= 1
    if at <= 0 or text[at] != ":":
        return None
    colon = doc.char_span(at, at + 1, alignment_mode="expand")
    if colon is None:
        return None
    verb = colon[0].head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.i > colon[0].i or subject.lower_ in ("it", "there", "this"):
        return None
    if not is_statement_sized(quote, text):
        return None
    start, end = _strip(text, quote.inner_start, quote.inner_end)
    return _Found("direct", text[verb.idx : at + 1], start, end, _mention(subject), None, 0.5)


def _continuation(text: str, quote: Quote, found: list[_Found]) -> _Found | None:
    """A quote with no cue right after another speaker's statement is theirs, by convention."""
    if not found or found[-1].source is None:
        return None
    previous = found[-1]
    between = text[previous.end : quote.start]
    if (
        between.count("\n\n") > MAX_CONTINUATION_PARAGRAPHS
        or len(between.split()) > MAX_CONTINUATION_GAP_WORDS
    ):
        return None
    start, end = _strip(text, quote.inner_start, quote.inner_end)
    return _Found("direct", "", start, end, previous.source, previous.antecedent, 0.4)


def _cue_for_quote(
    doc: Doc, text: str, quote: Quote, cues: list[_Cue], used: set[int]
) -> _Cue | None:
    """The nearest unused cue outside quotes in the sentences the quote spans."""
    first = doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
    last = doc.char_span(max(quote.end - 1, quote.start), quote.end, alignment_mode="expand")
    if first is None or last is None:
        return None
    # The sentences the quote spans, never beyond its lines: a line break ends a paragraph
    # even where the parser ran a sentence on over it.
    window_start = max(first.sent.start_char, _line_start(text, quote.start))
    window_end = min(last.sent.end_char, _line_end(text, quote.end))
    if not text[quote.end : window_end].strip() and window_end < len(text):
        # “… right?” he asked. – the parser ends the sentence at the quote's "?" or ".";
        # a short tail on the same line is still its attribution.
        tail = doc.char_span(window_end, window_end + 1, alignment_mode="expand")
        if tail is not None and len(tail.sent) <= MAX_ATTRIBUTION_TAIL_TOKENS:
            window_end = min(tail.sent.end_char, _line_end(text, quote.end))
    before = text[window_start : quote.start].rstrip()
    if not before and window_start > 0:
        # A quote opening its sentence may be introduced by the one before ("He said:").
        last_char = window_start - 1
        while last_char > 0 and text[last_char].isspace():
            last_char -= 1
        if text[last_char] == ":":
            window_start = max(
                doc[first.sent.start - 1].sent.start_char if first.sent.start > 0 else 0,
                _line_start(text, last_char),
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

    def distance(cue: _Cue) -> tuple[int, int]:
        if cue.start_char >= quote.end:
            gap = cue.start_char - quote.end
        else:
            gap = max(quote.start - cue.end_char, 0)
        return (0 if cue.verb.lemma_ in CORE_SPEECH else 1, gap)

    return min(candidates, key=distance)


def _attribution_between(
    doc: Doc, text: str, left: Quote, right: Quote, cue: _Cue, cues: list[_Cue], used: set[int]
) -> bool:
    """Whether only the attribution stands between two quotes ("…,” Ross said. “…").

    Not when the second quote has an attribution of its own after it.
    """
    if not (left.end <= cue.start_char < right.start):
        return False
    gap = text[left.end : right.start]
    if "\n" in gap:
        return False
    if not gap.rstrip().endswith((",", ":")):
        last = doc.char_span(max(right.end - 1, right.start), right.end, alignment_mode="expand")
        sentence_end = last.sent.end_char if last is not None else right.end
        sentence_end = min(sentence_end, _line_end(text, right.end))
        if any(
            right.end <= other.start_char < sentence_end and other.verb.i not in used
            for other in cues
        ):
            return False
    span = doc.char_span(left.end, right.start, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    return 0 < len(words) <= MAX_SPLIT_GAP_TOKENS


# --- shape 2: reported speech ---------------------------------------------------------------


def _reported(
    doc: Doc, text: str, cues: list[_Cue], used: set[int], quote_of: _QuoteIndex
) -> list[_Found]:
    found = []
    for cue in cues:
        if cue.verb.i in used or cue.content is None:
            continue
        start, end = cue.content
        if sum(1 for t in doc[start:end] if not t.is_punct) < MIN_REPORTED_WORDS:
            continue
        start_char, end_char = doc[start:end].start_char, doc[start:end].end_char
        inner = quote_of.overlapping(start_char, end_char)
        quoted = has_quote_mark(text[start_char:end_char])
        kind = "mixed" if inner and quoted else "indirect"
        confidence = 0.7 if cue.verb.lemma_ in CORE_SPEECH else 0.5
        used.add(cue.verb.i)
        found.append(
            _Found(kind, cue.text, start_char, end_char, cue.source, cue.antecedent, confidence)
        )
    return found


# --- shape 3: according to ------------------------------------------------------------------


def _according_to(doc: Doc, quote_of: _QuoteIndex) -> list[_Found]:
    found = []
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc):
            continue
        if doc[token.i + 1].lower_ != "to" or quote_of.at(token.idx) is not None:
            continue
        to = doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] or [
            c for c in token.children if c.dep_ == "pobj"
        ]
        if not objects:
            continue
        source = _mention(_author(objects[0]))
        sentence = token.sent
        phrase_end = max(token.right_edge.i, to.right_edge.i) + 1
        before = _trim_range(doc, sentence.start, token.i)
        after = _trim_range(doc, phrase_end, sentence.end)
        spans = [s for s in (before, after) if s is not None]
        if not spans:
            continue
        start, end = max(spans, key=lambda s: s[1] - s[0])
        start_char, end_char = doc[start:end].start_char, doc[start:end].end_char
        found.append(_Found("indirect", "according to", start_char, end_char, source, None, 0.7))
    return found


def _hearsay(doc: Doc, quote_of: _QuoteIndex) -> list[_Found]:
    """ "The FBI is reportedly making arrangements …": attributed, to no one named."""
    found = []
    for token in doc:
        if token.lower_ not in HEARSAY_ADVERBS or token.dep_ != "advmod":
            continue
        verb = token.head
        if verb.pos_ not in ("VERB", "AUX") or quote_of.at(token.idx) is not None:
            continue
        if verb.lemma_.lower() in CUE_VERBS:
            continue  # "reportedly told aides that …": the cue's own statement holds it
        # "Reportedly, he …" leaves the adverb out; "he reportedly …" keeps it inside.
        start = token.i + 1 if token.i == verb.left_edge.i else verb.left_edge.i
        span = _trim_range(
            doc, max(start, verb.sent.start), min(verb.right_edge.i + 1, verb.sent.end)
        )
        if span is None:
            continue
        clause = doc[span[0] : span[1]]
        found.append(
            _Found("indirect", token.text, clause.start_char, clause.end_char, None, None, 0.5)
        )
    return found


# --- shape 4: headline and transcript lines -------------------------------------------------


def _headline(clean: CleanText, text: str) -> list[_Found]:
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
        _Found(
            "headline",
            cue,
            offset + start,
            offset + end,
            None,
            confidence=0.6,
            source_text=match.group("source"),
        )
    ]


def _transcript_lines(text: str) -> list[_Found]:
    found = []
    offset = 0
    for line in text.split("\n"):
        match = TRANSCRIPT_LINE.match(line)
        if match and match.group("source").strip().isupper():
            start, end = match.span("content")
            found.append(
                _Found(
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


# --- assembling -----------------------------------------------------------------------------


def _line_start(text: str, offset: int) -> int:
    """Offset of the first character of the line holding ``offset``."""
    return text.rfind("\n", 0, offset) + 1


def _line_end(text: str, offset: int) -> int:
    """Offset just past the last character of the line holding ``offset``."""
    end = text.find("\n", offset)
    return len(text) if end == -1 else end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _without_duplicates(found: list[_Found]) -> list[_Found]:
    """Drop empty statements and repeats of the same span."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[_Found] = []
    seen: set[tuple[int, int]] = set()
    for item in found:
        if item.end <= item.start or (item.start, item.end) in seen:
            continue
        seen.add((item.start, item.end))
        kept.append(item)
    return kept


def _resolve(
    doc: Doc, text: str, clean: CleanText, found: list[_Found]
) -> tuple[tuple[SpeakerInfo, ...], tuple[StatementRecord, ...]]:
    """Resolve every statement's source in text order, then build the records."""
    book = SpeakerBook(doc)

    def position(item: _Found) -> int:
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
        surface = item.source_text or (mention.text if mention is not None else "")
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
            )
        )
    return book.infos(), tuple(statements)


def _find_source(text: str, item: _Found) -> tuple[int, int]:
    """Offsets of a headline's or transcript line's source words on the statement's line."""
    line_start = text.rfind("\n", 0, item.start) + 1
    line_end = text.find("\n", item.end)
    line_end = len(text) if line_end == -1 else line_end
    at = text.find(item.source_text, line_start, line_end)
    return at, at + len(item.source_text)
