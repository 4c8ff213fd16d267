"""The cue layer: each reporting verb or statement noun in the parse, with its source and
content (``Cue``), read with the lexicon of ``cues`` and the rules of ``sources`` and
``contents``. Cues inside quotations are not read: a quote does not attribute itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claims.nlp.contents import (
    CLAUSES,
    QUESTIONING,
    content_of,
    coordinated_act,
    is_question_clause,
)
from claims.nlp.cues import (
    ADVOCATE_NOUNS,
    CUE_NOUNS,
    CUE_PREPOSITIONS,
    CUE_VERBS,
    PARTICLE_CUES,
    RAISING_VERBS,
)
from claims.nlp.quotes import QuoteIndex
from claims.nlp.sources import (
    is_aside_verb,
    is_opinion_participle,
    is_trailing_participle,
    source_of,
)
from claims.nlp.spans import follows_comma, mention_of, opens_sentence, trim_range, trimmed
from claims.nlp.token_index import tokens_tagged

# What this layer reads and what it publishes on the Doc, in spaCy's ``assigns``/``requires``
# terms: the cue words, and the words naming each cue's source.
REQUIRES = ("token.pos", "token.tag", "token.lemma", "token.dep", "doc.sents")
CUES_KEY = "claims_cues"
SOURCES_KEY = "claims_sources"
ASSIGNS = (f"doc.spans[{CUES_KEY!r}]", f"doc.spans[{SOURCES_KEY!r}]")

# Verbs of a reporter's question: "Asked about …, she said" names no asker.
QUESTION_VERBS = frozenset({"ask", "press", "question"})
# "…, she said when asked": the question still has no asker after the answer.
QUESTION_TIMES = frozenset({"when", "if", "after", "before", "while", "once"})
# The words before a cue that make it a turn of phrase when a comma follows ("All told,").
SET_PHRASES: dict[str, tuple[list[str], ...]] = {
    "say": (["that"], ["this"], ["that", "being"], ["this", "being"]),
    "tell": (["all"],),
}
# Modal auxiliaries ("wo" and "ca" are how "won't" and "can't" split).
MODALS = frozenset(
    {"would", "will", "could", "can", "should", "must", "may", "might", "shall", "'ll", "wo", "ca"}
)


@dataclass(slots=True)
class Cue:
    """A cue verb with its source (subject) and what it attributes, as token indexes."""

    verb: Token
    text: str
    start_char: int
    end_char: int
    source: Span | None
    antecedent: Span | None
    content: tuple[int, int] | None  # token range [start, end)


def read_cues(doc: Doc, quote_of: QuoteIndex) -> list[Cue]:
    """Every cue of the article, in text order (published as ``doc.spans[CUES_KEY]``)."""
    cues = [
        cue
        for token in tokens_tagged(doc, ("VERB", "NOUN"))
        if (
            cue := _read_cue(token, quote_of)
            or _read_noun_cue(token, quote_of)
            or _read_advocate(token, quote_of)
        )
        is not None
    ]
    doc.spans[CUES_KEY] = [
        doc.char_span(cue.start_char, cue.end_char, label="cue", alignment_mode="expand")
        for cue in cues
    ]
    doc.spans[SOURCES_KEY] = [cue.source for cue in cues if cue.source]
    return cues


def _read_cue(token: Token, quote_of: QuoteIndex) -> Cue | None:
    """A cue verb (or verb and particle: "pointed out") with its source and content."""
    if token.pos_ != "VERB" or quote_of.at(token.idx) is not None:
        return None
    lemma = token.lemma_.lower()
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
    if _is_set_phrase(token):
        return None
    if lemma in RAISING_VERBS or _is_question_put(token, lemma):
        return _impersonal_cue(token, lemma)
    source, antecedent = source_of(_reporter(token) or token)
    if source is None:
        return _impersonal_cue(token, lemma)
    if quote_of.at(source.start_char) is not None:
        return None
    content, preposition = content_of(token, lemma, particle, source)
    content = _before_trailing_act(token, content)
    content = _before_aside_act(content, token.doc)
    if (
        content is not None
        and token.i < source.start
        and (content[0] <= source.start < content[1] or is_aside_verb(token))
    ):
        content = _around_aside(token, content)
    return _cue_from_words(token, (particle, preposition), source, content, antecedent=antecedent)


def _before_trailing_act(verb: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """The content less a trailing participle the parser hung inside it: in "Cole rejected
    the notion that the port was closing, saying it had just grown", "saying …" is Cole's
    next act (``sources.trailing_participle``), not part of the notion. A participle that
    reports nothing ("…, bringing its total to $40 million") stays in."""
    if content is None:
        return None
    doc = verb.doc
    trailing = next(
        (
            t
            for t in doc[content[0] : content[1]]
            if t.sent.root == verb and t.lemma_.lower() in CUE_VERBS and is_trailing_participle(t)
        ),
        None,
    )
    if trailing is None:
        return content
    return trim_range(doc, content[0], trailing.i) or content


def _around_aside(verb: Token, content: tuple[int, int]) -> tuple[int, int] | None:
    """The content of a cue whose source comes after it: "The contrast, said Ann Cole, would
    be clear" attributes the whole sentence around the aside, whatever part of it the parser
    made the cue's clause; "“…,” said Ann Cole, half joking" attributes the quote, not the
    clause the parser found after the name."""
    doc = verb.doc
    if not follows_comma(verb):
        return None
    start = verb.sent.start
    while start < verb.i and (doc[start].dep_ == "cc" or doc[start].is_punct):
        start += 1
    return trim_range(doc, start, content[1])


def _before_aside_act(content: tuple[int, int] | None, doc: Doc) -> tuple[int, int] | None:
    """The content less a relative clause that ends it, set off by a comma, and makes an
    attribution of its own: in "Cole criticized the board for its spending, which she said
    would ruin the port", "which she said …" is a second statement, not part of what she
    criticized."""
    if content is None:
        return None
    start, end = content
    for token in doc[start:end]:
        if (
            token.dep_ == "relcl"
            and token.left_edge.i > start
            and doc[token.left_edge.i - 1].text == ","
            and trim_range(doc, token.right_edge.i + 1, end) is None
            and any(_attributes(t) for t in (token, *token.children))
        ):
            return trim_range(doc, start, token.left_edge.i - 1) or content
    return content


def _attributes(token: Token) -> bool:
    """Whether ``token`` is a cue verb with a subject of its own ("she said", "which he
    argued", "that lawmakers believe")."""
    return (
        token.pos_ == "VERB"
        and token.lemma_.lower() in CUE_VERBS
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    )


def _is_set_phrase(verb: Token) -> bool:
    """ "That said, …", "This being said, …", "All told, …": a turn of the writer's, not a
    statement."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ",":
        return False
    words = [t.lower_ for t in doc[verb.sent.start : verb.i] if not (t.is_punct or t.is_space)]
    return words in SET_PHRASES.get(verb.lemma_.lower(), ())


def _reporter(act: Token) -> Token | None:
    """For "X said the plan failed and warned that …": "said", whose subject warned."""
    clause = act.head
    if act.dep_ != "conj" or clause.dep_ not in CLAUSES or coordinated_act(clause) != act:
        return None
    reporter = clause.head
    return reporter if reporter.lemma_.lower() in CUE_VERBS else None


def is_foreseen(verb: Token) -> bool:
    """ "would refuse", "must ignore", "will want to endorse": a cue under a modal is an act
    foreseen or demanded, not one done."""
    governing = verb
    while governing.dep_ == "xcomp" and governing.head != governing:
        governing = governing.head
    return any(
        child.dep_ == "aux" and child.lower_ in MODALS
        for child in (*verb.children, *governing.children)
    )


def _cue_from_words(
    verb: Token,
    joined: tuple[Token | None, ...],
    source: Span | None,
    content: tuple[int, int] | None,
    *,
    antecedent: Span | None = None,
) -> Cue:
    """A cue whose words are the verb (or noun) and the particles that join it ("called for")."""
    words = sorted([verb, *(word for word in joined if word is not None)], key=lambda t: t.i)
    return Cue(
        verb=verb,
        text=" ".join(t.text for t in words),
        start_char=verb.idx,
        end_char=words[-1].idx + len(words[-1]),
        source=source,
        antecedent=antecedent,
        content=content,
    )


def _read_noun_cue(token: Token, quote_of: QuoteIndex) -> Cue | None:
    """A statement noun with its owner: "Trump's call for a ban", "her claim that …"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in CUE_NOUNS:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None or quote_of.at(token.idx) is not None:
        return None
    for child in token.children:
        if child.dep_ in ("acl", "ccomp") and child.i > token.i:
            content, joined = trimmed(child), None
            break
        if child.dep_ == "prep" and child.lower_ in CUE_PREPOSITIONS - {"to"}:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                content, joined = trimmed(objects[0]), child
                break
    else:
        return None
    return _cue_from_words(token, (joined,), mention_of(owner), content)


def _read_advocate(token: Token, quote_of: QuoteIndex) -> Cue | None:
    """ "Hale is a fierce critic of the plan": the subject's position on the plan."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in ADVOCATE_NOUNS:
        return None
    if token.dep_ != "attr" or token.head.lemma_ != "be" or quote_of.at(token.idx) is not None:
        return None
    preposition = next(
        (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None
    )
    objects = [c for c in preposition.children if c.dep_ == "pobj"] if preposition else []
    if not objects:
        return None
    source, antecedent = source_of(token.head)
    if source is None or quote_of.at(source.start_char) is not None:
        return None
    return _cue_from_words(
        token, (preposition,), source, trimmed(objects[0]), antecedent=antecedent
    )


def _is_question_put(verb: Token, lemma: str) -> bool:
    """ "Asked about the wall, he said …", "…, he said when asked", "…, he said, asked about
    it": the reporter's question, put by no one named. Such an "asked" is often tagged as a
    past tense; with no subject of its own it is still the participle."""
    when = any(c.dep_ in ("advmod", "mark") and c.lower_ in QUESTION_TIMES for c in verb.children)
    # "…, Hale said, asked about the delay": a participle trailing its clause after a comma
    trailing = verb.i > verb.head.i and follows_comma(verb)
    participle = verb.tag_ == "VBN" or (
        verb.tag_ == "VBD" and (opens_sentence(verb) or when or trailing)
    )
    return (
        lemma in QUESTION_VERBS
        and participle
        and verb.dep_ == "advcl"
        and (verb.i < verb.head.i or when or trailing)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "agent") for c in verb.children)
    )


def _impersonal_cue(verb: Token, lemma: str) -> Cue | None:
    """A cue that attributes to no one named: "X seems to …", "X is expected to …".

    Any passive cue with no "by" agent qualifies ("was ordered to …", "it was revealed
    that …"): PolNeAR leaves such sources empty. The subject is part of what is
    attributed, so the content runs from the subject to the end of the complement;
    "it was revealed that …" attributes only the clause.
    """
    passive = any(c.dep_ == "auxpass" for c in verb.children) or is_opinion_participle(verb)
    if _is_question_put(verb, lemma):
        return _question_put(verb)
    if lemma not in RAISING_VERBS and not passive:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    complement = _impersonal_complement(verb, lemma, passive=passive)
    if complement is None or (subject is None and not passive):
        return None
    if (
        subject is None
        or subject.lower_ in ("it", "there")
        or complement.dep_ == "ccomp"
        or is_question_clause(verb, complement)
    ):
        content = trimmed(complement)
    else:
        content = trim_range(verb.doc, subject.left_edge.i, complement.right_edge.i + 1)
    experiencer = _experiencer(verb) if lemma in RAISING_VERBS else None
    return _cue_from_words(verb, (), experiencer, content)


def _experiencer(verb: Token) -> Span | None:
    """ "To the mayor, the plan seemed a stretch": whom it seemed so to is the source."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
            if found is not None and found.pos_ in ("PROPN", "NOUN", "PRON"):
                return mention_of(found)
    return None


def _raised_predicate(verb: Token) -> Token | None:
    """ "The forecast appeared accurate", "the plan seems like a stretch": what the subject
    seems to be, an adjective, a noun or a "like" phrase after the verb (the parser makes
    "seemed a disaster" an object, which these verbs never have). "He appeared at the
    rally" has none."""
    return next(
        (
            c
            for c in verb.children
            if c.i > verb.i
            and (
                c.dep_ in ("oprd", "acomp", "attr", "dobj")
                or (c.dep_ == "prep" and c.lower_ == "like")
            )
        ),
        None,
    )


def _question_put(verb: Token) -> Cue | None:
    """The question of "Asked about the wall, …" or "Asked whether …, …", with its cue."""
    content, joined = None, None
    for child in verb.children:
        if _clause_after(verb, child):
            content = trimmed(child)
            break
        if child.dep_ == "prep" and child.lower_ in ("about", "on", "for", "if"):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                content, joined = trimmed(objects[0]), child
                break
    if content is None:
        return None
    return _cue_from_words(verb, (joined,), None, content)


def _impersonal_complement(verb: Token, lemma: str, *, passive: bool) -> Token | None:
    """What an impersonal cue attributes: its clause ("seems to …", "was told that …"), a
    passive's phrase ("was criticized for …"), or a raising verb's predicate."""
    for child in verb.children:
        if _clause_after(verb, child):
            return child
    if passive:
        for child in verb.children:
            if (
                child.dep_ == "prep"
                and child.lower_ in _passive_prepositions(lemma)
                # "was hailed as …", but "a street known as …" only names it
                and (child.lower_ != "as" or verb.dep_ != "acl")
            ):
                return child
    return _raised_predicate(verb) if lemma in RAISING_VERBS else None


def _clause_after(verb: Token, child: Token) -> bool:
    """``child`` is a clause after the cue: a complement, or the if/whether clause of a
    verb of asking."""
    return (child.dep_ in ("ccomp", "xcomp") and child.i > verb.i) or is_question_clause(
        verb, child
    )


def _passive_prepositions(lemma: str) -> tuple[str, ...]:
    """What a passive cue's phrase attributes: "was criticized for …", "was seen as …";
    and for a verb of asking, what the question was about ("was asked about the wall")."""
    return ("for", "as", "about") if lemma in QUESTIONING else ("for", "as")
