"""Token and character ranges the annotation layers share: trimming a clause to its words,
line bounds, and the words that name a source."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claims.nlp.names import HYPHENS

# Words that open a reported clause and belong to it: "said that …", "asked whether …".
COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
# Dashes that close a dateline ("WASHINGTON —").
DATELINE_DASHES = frozenset({"-", "--", "—", "–"})
# Children of a subject that are not part of how the source is named.
MENTION_CUTS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "prep"})


_TEXT = "claimtracker.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins every token on each read, and the
    layers that read it per mention (pronouns, descriptions, organisations) made that the
    largest single cost of extraction."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def ents_within(span: Span) -> list[Span]:
    """``span.ents``, the entities wholly inside ``span`` up to the first that runs past it,
    read from the tokens of ``span`` alone: spaCy's builds every entity of the Doc on each
    call, which per mention made speaker resolution quadratic in the article's length."""
    doc = span.doc
    found: list[Span] = []
    i = span.start
    while i < span.end:
        token = doc[i]
        if token.ent_iob_ != "B":
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end > span.end:
            break
        found.append(Span(doc, i, end, label=token.ent_type_))
        i = end
    return found


def mention_of(subject: Token) -> Span:
    """The words naming the source: the subject without its clauses and prepositions."""
    doc = subject.doc
    end = subject.i + 1
    for child in subject.rights:
        if child.dep_ in MENTION_CUTS and not (
            (child.dep_ == "prep" and child.lower_ == "of")
            or _common_pair(subject, child)
            or _titled_name(subject, child)
        ):
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
    start = _past_dateline_words(doc, start, subject.i)
    start = _past_closed_quotation(doc, start, subject.i)
    while start < subject.i and (
        doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"
    ):
        start += 1
    while end - 1 > subject.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _titled_name(subject: Token, child: Token) -> bool:
    """ "GOP contender and former neurosurgeon Ben Carson": a bare title joined by "and" to
    a name is one person described twice, not two sources (not "The mayor and Ann Cole")."""
    if subject.pos_ != "NOUN" or any(c.dep_ in ("det", "poss") for c in subject.children):
        return False
    conj = next((c for c in subject.rights if c.dep_ == "conj"), None)
    if conj is None or conj.ent_type_ != "PERSON" or conj.pos_ != "PROPN":
        return False
    return (
        child.dep_ in ("cc", "conj")
        and child.i <= conj.i
        and (child == conj or child.lower_ == "and")
    )


def _past_closed_quotation(doc: Doc, start: int, head: int) -> int:
    """ "“…,” Cole, 69, told …": a quotation the parser hung on the name it precedes ends,
    with a mark right after its last punctuation, before the name begins."""
    for token in reversed(doc[start:head]):
        before = doc[token.i - 1]
        if token.is_quote and token.i > start and before.is_punct and not before.whitespace_:
            return token.i + 1
    return start


def _past_dateline_words(doc: Doc, start: int, head: int) -> int:
    """ "WASHINGTON — Sen. Ann Cole", "RENO, Nev. (AP) — Ann Cole": a dateline the parser
    hung on the name opens with a word in capitals and ends at a dash before the name."""
    first = doc[start]
    if not (first.is_upper and len(first.text) > 1):
        return start
    # A dash standing apart ("BOSTON — "), not the hyphen inside "AFL-CIO".
    dash = next(
        (
            t
            for t in reversed(doc[start:head])
            if t.text in DATELINE_DASHES and t.i > 0 and doc[t.i - 1].whitespace_
        ),
        None,
    )
    return dash.i + 1 if dash is not None else start


def _common_pair(subject: Token, child: Token) -> bool:
    """ "lawyers and experts": a common noun joined to another names one group of sources
    (names joined, "Cole and Dahl", are read as people together elsewhere)."""
    if subject.pos_ != "NOUN":
        return False
    if child.dep_ == "cc":
        return any(c.dep_ == "conj" and c.pos_ == "NOUN" for c in subject.rights)
    return child.dep_ == "conj" and child.pos_ == "NOUN"


def is_that_clause(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children
    )


def follows_comma(token: Token) -> bool:
    """A comma comes right before ``token`` ("…, said Cole", "…, asked about it")."""
    return token.i > 0 and token.doc[token.i - 1].text == ","


def opens_sentence(token: Token) -> bool:
    """Nothing but punctuation or space comes before ``token`` in its sentence."""
    return all(t.is_punct or t.is_space for t in token.doc[token.sent.start : token.i])


def trimmed(head: Token) -> tuple[int, int] | None:
    """The token range of ``head``'s phrase, without the punctuation and conjunction at its
    edges. A complementizer stays ("that the talks failed", "whether it will pass"): it is
    part of the reported clause, as PolNeAR and the Gender Gap Tracker both annotate it."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    while start < end and (
        _is_edge_punct(doc[start], opening=True)
        or doc[start].dep_ == "cc"
        or (doc[start].dep_ == "mark" and doc[start].lower_ not in COMPLEMENTIZERS)
    ):
        start += 1
    return trim_range(doc, start, end)


def trim_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and _is_edge_punct(doc[start], opening=True):
        start += 1
    while end > start and _is_edge_punct(doc[end - 1], opening=False):
        end -= 1
    return _whole_words(doc, start, end)


def _whole_words(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The range grown so it neither starts nor ends inside a hyphenated word the tokenizer
    split. The parser sometimes hangs the parts side by side ("feared the re-emergence of a
    rival" read as three objects, "re", "-" and "emergence"); the phrase then runs on to the
    end of what the word's last part heads."""
    if end <= start:
        return None
    while end + 1 < len(doc) and _joined_by_hyphen(doc, end - 1):
        end = max(end + 2, doc[end + 1].right_edge.i + 1)
    while start >= 2 and _joined_by_hyphen(doc, start - 2):
        start -= 2
    return start, end


def _joined_by_hyphen(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` and ``doc[i + 2]`` are one word written with a hyphen between."""
    return (
        i + 2 < len(doc)
        and doc[i + 1].text in HYPHENS
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and doc[i].is_alpha
        and doc[i + 2].is_alpha
    )


def _is_edge_punct(token: Token, *, opening: bool) -> bool:
    if token.is_space:
        return True
    if not token.is_punct:
        return False
    # A closing quote mark ends partly quoted content; an opening one starts it.
    marks = ("“", '"', "''", "``") if opening else ("”", '"', "''")
    return not any(mark in token.text for mark in marks)


def strip_space(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def line_start(text: str, offset: int) -> int:
    """Offset of the first character of the line holding ``offset``."""
    return text.rfind("\n", 0, offset) + 1


def line_end(text: str, offset: int) -> int:
    """Offset just past the last character of the line holding ``offset``."""
    end = text.find("\n", offset)
    return len(text) if end == -1 else end
