"""Which spans of an article name a person: spaCy's PERSON entities, corrected by the article.

The small English model often tags a person as an organisation or a place ("Laurin said she
…" as ORG, "Chief Ann Tso" inside an ORG), misses a name altogether, or tags a centre or a
school as a person ("Levada Center", "Dixon Hall"). The article itself says which is which:

- a person: a title before the name ("Chief", "Minister", "Dr."), a "he"/"she" used of it,
  an apposition that describes a person ("X, an expert on …"), a first name from the census
  lists with a surname after it, or the surname of a person the article names in full;
- not a person: a name ending in an organisation's word whose first word is no first name
  ("Dixon Hall"), the start of such a name ("Covington Catholic" beside "Covington Catholic
  High School"), a name with digits ("Bill C-74"), a photo credit ("Ann Cole / CBC").

Read once per article, in one pass over its entities and one over its tokens.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from claims.nlp.cues import lexicon
from claims.nlp.gender import FEMALE, MALE, first_name_gender
from claims.nlp.names import (
    HONORIFICS,
    HYPHENS,
    ORGANISATION_NOUNS,
    PLACE_NOUNS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
)
from claims.nlp.spans import ents_within
from claims.nlp.token_index import line_numbers, tokens_tagged

# A line of at least this many longer words, this share of them capitalised, is title case.
TITLE_CASE_MIN_WORDS = 3
TITLE_CASE_SHARE = 0.75
# A word at least this frequent in English is a common word before it is a first name
# ("Will", "May", "Top"; not "George" or "John").
FIRST_NAME_MAX_ZIPF = 5.5
POSSESSIVES = frozenset({"'s", "’s"})
MALE_WORDS = frozenset({"he", "him", "his", "himself"})
FEMALE_WORDS = frozenset({"she", "her", "hers", "herself"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})

# Words that end an organisation's or a place's name ("Levada Center", "Acme Corp").
ORGANISATION_ENDINGS = (
    ORGANISATION_NOUNS
    | PLACE_NOUNS
    | lexicon(
        """
        inc inc. corp corp. ltd ltd. co co. llc plc news times post press media center centre
        hall academy society trust fund tour cup championship open project program programme
        initiative
        """
    )
)
# Titles that put a person's name after them, even inside an organisation's name.
TITLES = (ROLE_WORDS - ROLE_MODIFIERS) | HONORIFICS | lexicon("chief coach justice captain")
# What a name may begin with that is the person's role: "Chief Justice", "Vice President".
_LEADING_TITLES = TITLES | ROLE_MODIFIERS
# Labels the tagger gives people by mistake; a PERSON or an unlabelled name is read as is.
MISREAD_LABELS = frozenset({"ORG", "GPE", "FAC", "NORP", "PRODUCT", "LOC", "WORK_OF_ART"})
# Nouns in an apposition that describe no person ("Ottawa, the capital").
_NOT_PERSON_NOUNS = lexicon("capital home site area name word brand place host venue course")


def person_spans(doc: Doc, runs: list[Span] | None = None) -> list[Span]:
    """The spans of ``doc`` that name a person, in text order.

    ``runs`` are the proper-noun runs outside every entity (``untagged_runs``), read once.
    """
    org_names = [
        name_words(ent)
        for ent in doc.ents
        if ent.label_ in MISREAD_LABELS | {"PERSON"} and _ends_like_organisation(name_words(ent))
    ]
    labels = _labels_by_text(doc)
    people: list[Span] = []
    doubtful: list[Span] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            if _is_person_entity(ent, org_names, labels):
                people.append(ent)
        elif ent.label_ in MISREAD_LABELS and not _after_article(ent):
            titled = _after_title(ent)
            if titled is not None:
                people.append(titled)
            elif _has_person_evidence(ent, labels):
                people.append(ent)
            elif ent.label_ != "NORP":
                doubtful.append(ent)
    for run in untagged_runs(doc) if runs is None else runs:
        before = doc[run.start - 1] if run.start > 0 else None
        if _after_article(run) or run.root.dep_ == "compound":
            continue  # "the Liberal Party", "a Nova Scotia court": a name of a thing
        if before is not None and before.lower_ in TITLES and before.text[:1].isupper():
            if _after_title_shape(run):
                people.append(run)
        elif _has_person_evidence(run, labels):
            people.append(run)
        else:
            doubtful.append(run)
    people = _trimmed_in_title_case(doc, people)
    # One sense per article: a name the article gives a person elsewhere is that person.
    full = {" ".join(name_words(span)) for span in people}
    surnames = {name_words(span)[-1] for span in people if len(name_words(span)) > 1}
    people.extend(span for span in doubtful if _names_known_person(span, full, surnames))
    return sorted(people, key=lambda span: span.start)


def untagged_runs(doc: Doc) -> list[Span]:
    """Runs of capitalised proper nouns outside every entity ("Facebook said", "Ann Cole")."""
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    free = [token for token in tokens_tagged(doc, ("PROPN",)) if token.i not in covered]
    free_at = {token.i for token in free}
    runs: list[Span] = []
    past = 0  # the end of the last run
    for token in free:
        if token.i < past or not token.text[:1].isupper():
            continue
        past = token.i + 1
        while past in free_at:
            past += 1
        span = doc[token.i : past]
        hyphenated = any(not t.whitespace_ for t in span[:-1]) or (
            past < len(doc) and doc[past].text == "-"
        )
        if not hyphenated:  # "Al-Qaeda-linked": a modifier, not a name
            runs.append(span)
    return runs


def pronoun_vote(ent: Span) -> str:
    """The gender of a "he"/"she" used of ``ent`` as a subject ("Cole said she …"), or ""."""
    if ent.root.dep_ not in SUBJECTS and not _followed_by_who(ent):
        return ""
    doc = ent.doc
    pronoun = _next_pronoun(doc, ent.end, ent.sent.end, of=ent)
    if pronoun is None and ent.sent.end < len(doc) and _only_person_in(ent.sent):
        pronoun = _main_subject_pronoun(doc[ent.sent.end].sent)
    if pronoun is None:
        return ""
    return MALE if pronoun.lower_ in MALE_WORDS else FEMALE


def name_words(ent: Span) -> list[str]:
    """The words of a person's name: no honorific, no possessive, no punctuation but the
    hyphen inside a word ("Ocasio-Cortez", which spaCy splits in three tokens)."""
    words: list[str] = []
    joined = False  # the last word ends with a hyphen that joins the next token to it
    for token in ent:
        if joined:
            words[-1] += token.text
            joined = False
        elif token.text in HYPHENS and words and _inside_word(token, ent):
            words[-1] += token.text
            joined = True
        elif token.lower_ not in HONORIFICS and not token.is_punct:
            words.append(token.text)
    if words and words[-1] in ("'s", "’s"):
        words.pop()
    return _without_leading_titles(words)


def _without_leading_titles(words: list[str]) -> list[str]:
    """A name the tagger began with a title ("Councillor Ravi Patel", "Chief Justice Ann
    Roe") without it, when a first name and a surname remain: the title is a role. A title
    before one word stays ("Pope Francis", "Justice Kennedy"): it is how that person is
    named."""
    start = 0
    while (
        len(words) - start > 2
        and words[start][:1].isupper()
        and words[start].lower() in _LEADING_TITLES
    ):
        start += 1
    return words[start:] if start and words[start][:1].isupper() else words


def _inside_word(hyphen: Token, ent: Span) -> bool:
    """A hyphen inside ``ent`` with no space on either side and a word after it."""
    doc = hyphen.doc
    return (
        hyphen.i + 1 < ent.end
        and not doc[hyphen.i - 1].whitespace_
        and not hyphen.whitespace_
        and doc[hyphen.i + 1].is_alpha
    )


def _ends_like_organisation(words: list[str]) -> bool:
    return bool(words) and words[-1].lower() in ORGANISATION_ENDINGS


def _is_person_entity(ent: Span, org_names: list[list[str]], labels: dict[str, list[str]]) -> bool:
    """A PERSON entity that is not an organisation, a bill or a photo credit, nor a name
    the article mostly tags as an organisation ("Facebook")."""
    doc = ent.doc
    words = name_words(ent)
    if not words or any(ch.isdigit() for ch in ent.text) or "/" in ent.text:
        return False
    if ent.end < len(doc) and doc[ent.end].text.startswith("/"):
        return False  # "(Ann Cole/CBC)": a photo credit
    the = ent[0].lower_ == "the" or (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
    if the and ent.root.dep_ != "compound":
        return False  # "The Bachelor", "the Globe": a show, a paper (not "the Cole family")
    if any(t.tag_ == "POS" for t in ent[:-1]):
        return False  # "Ellison's Sensei": something of a person's
    if first_name_gender(words[0]):
        return True
    seen = labels.get(ent.text, [])
    if seen.count("ORG") > seen.count("PERSON"):
        return False
    if _ends_like_organisation(words):
        return False  # "Dixon Hall"
    if ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in ORGANISATION_ENDINGS:
        return False  # "the aid group Gatsby"
    return not any(len(name) > len(words) and name[: len(words)] == words for name in org_names)


def _after_title(ent: Span) -> Span | None:
    """ "Hereditary Chief Ann Tso" tagged as an organisation: the name after the title."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in TITLES and before.text[:1].isupper():
        start = ent.start
    else:
        titles = [t.i for t in ent[:-1] if t.lower_ in TITLES and t.text[:1].isupper()]
        if not titles:
            return None
        start = titles[-1] + 1
    name = doc[start : ent.end]
    words = name_words(name)
    if not (1 <= len(words) <= 3) or _ends_like_organisation(words):
        return None
    if not all(word[:1].isupper() and not word.isupper() for word in words):
        return None
    return name


def _has_person_evidence(ent: Span, labels: dict[str, list[str]]) -> bool:
    """A first name and a surname, a "he"/"she" used of it, or a person in apposition."""
    words = name_words(ent)
    if not words or not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    if _ends_like_organisation(words) or any(ch.isdigit() for ch in ent.text):
        return False
    if ent.label_ == "NORP" or ent[-1].tag_ in ("NNPS", "NNS"):
        return False  # "Liberals": a party
    spaced = all(t.whitespace_ for t in ent[:-1])  # not "Al-Qaeda"
    first_and_surname = spaced and 2 <= len(words) <= 3 and bool(first_name_gender(words[0]))
    if ent.label_ in ("GPE", "LOC"):
        # "Nova Scotia" is a place; "Megan Bortis" read as one is a person when "she" or
        # the surname alone as a person says so.
        surname = "PERSON" in labels.get(words[-1], [])
        return first_and_surname and (surname or bool(pronoun_vote(ent)))
    if first_and_surname:
        return True
    root = ent.root
    described = root.dep_ == "appos" and _is_person_noun(root.head)  # "her lawyer, Ann"
    return described or bool(pronoun_vote(ent)) or _described_as_person(root)


def _described_as_person(root: Token) -> bool:
    """ "Yuni, a resident of …", "Bo Dahl, Minister of …": an apposition naming a person."""
    return any(child.dep_ == "appos" and _is_person_noun(child) for child in root.children)


def _is_person_noun(token: Token) -> bool:
    """A singular noun that may describe a person: "resident", "Minister", not "company"."""
    lemma = token.lemma_.lower()
    if lemma in ROLE_WORDS and token.text[:1].isupper():
        return True
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and lemma not in ORGANISATION_ENDINGS
        and lemma not in _NOT_PERSON_NOUNS
    )


def _trimmed_in_title_case(doc: Doc, people: list[Span]) -> list[Span]:
    """Names read in a title-case line ("Obama Says Museum Will Tell …", "Will Sanders
    Run?") cut to the words the rest of the article uses in people's names: in title case
    the model takes a capitalised verb or adverb for part of a name. A first name before
    them stays when it is not a common word ("Barack Obama" before "Mr. Obama")."""
    line_of = line_numbers(doc)
    titled = _title_case_lines(doc, line_of)
    if not titled:
        return people
    known = {
        word for span in people if line_of[span.start] not in titled for word in name_words(span)
    }
    lowered = {token.text for token in doc if token.is_lower}
    return [
        _known_part(span, known, lowered) if line_of[span.start] in titled else span
        for span in people
    ]


def _known_part(span: Span, known: set[str], lowered: set[str]) -> Span:
    """``span`` from its first known word, and a first name before it, to its last known
    word; the whole span when none of its words is known."""
    # "Trump's Putin …": a possessive ends one name; the name read is the one after it.
    after = max((i + 1 for i, token in enumerate(span) if token.lower_ in POSSESSIVES), default=0)
    at = [i for i, token in enumerate(span) if i >= after and token.text in known]
    if not at:
        return span
    start, end = at[0], at[-1]
    if start > after and _may_be_first_name(span[start - 1], lowered):
        start -= 1
    return span[start : end + 1]


def _may_be_first_name(token: Token, lowered: set[str]) -> bool:
    """Not a title, not a word the article writes in lower case ("Billionaire", "Hacker"),
    and not a word as common as "Will" or "May"."""
    word = token.text
    return (
        word.lower() not in TITLES
        and word.lower() not in lowered
        and zipf_frequency(word.lower(), "en") < FIRST_NAME_MAX_ZIPF
    )


def _title_case_lines(doc: Doc, line_of: list[int]) -> set[int]:
    """The lines written in title case: most of their longer words capitalised."""
    words_by_line: dict[int, list[str]] = {}
    for token in doc:
        if token.is_alpha and len(token.text) > 3:
            words_by_line.setdefault(line_of[token.i], []).append(token.text)
    return {
        line
        for line, words in words_by_line.items()
        if len(words) >= TITLE_CASE_MIN_WORDS
        and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)
    }


def _after_title_shape(span: Span) -> bool:
    words = name_words(span)
    return 1 <= len(words) <= 3 and all(w[:1].isupper() and not w.isupper() for w in words)


def _after_article(span: Span) -> bool:
    """ "the Liberal Party", "the Bachelor's room": a thing's name (not "the Cole family")."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in ("the", "a", "an") and span.root.dep_ != "compound"


def _names_known_person(span: Span, full: set[str], surnames: set[str]) -> bool:
    """A full name or a lone surname the article gives a person elsewhere ("Laurin said")."""
    words = name_words(span)
    if not words or not all(w[:1].isupper() for w in words):
        return False
    return " ".join(words) in full or (len(words) == 1 and words[0] in surnames)


def _labels_by_text(doc: Doc) -> dict[str, list[str]]:
    labels: dict[str, list[str]] = {}
    for ent in doc.ents:
        labels.setdefault(ent.text, []).append(ent.label_)
    return labels


def _next_pronoun(doc: Doc, start: int, end: int, *, of: Span) -> Token | None:
    """The first "he"/"she"/"his"/"her" after the name, before another person or a quote;
    not an object of the name's own verb ("Cole thanked her": never Cole herself)."""
    for token in doc[start:end]:
        if token.ent_type_ == "PERSON" or token.is_quote:
            return None
        if (token.lower_ in MALE_WORDS or token.lower_ in FEMALE_WORDS) and not _object_of(
            token, of.root.head
        ):
            return token
    return None


def _object_of(pronoun: Token, verb: Token) -> bool:
    """Whether a plain (not reflexive, not possessive) pronoun is an object of ``verb``, or
    of a preposition on it: a clause's subject is never its own object ("Cole told him")."""
    if pronoun.lower_.endswith("self") or pronoun.dep_ == "poss":
        return False
    if pronoun.dep_ in ("dobj", "dative", "iobj"):
        governor = pronoun.head
    elif pronoun.dep_ == "pobj":
        governor = pronoun.head.head
    else:
        return False
    # "Cole tried to draw her out", "Cole smiled and thanked her": the same subject's verbs.
    while governor.i != verb.i and governor.dep_ in ("xcomp", "conj") and governor.head != governor:
        if any(c.dep_ in SUBJECTS for c in governor.children):
            return False
        governor = governor.head
    return governor.i == verb.i


def _main_subject_pronoun(sentence: Span) -> Token | None:
    """The "he"/"she" subject of the sentence's main verb, named before any person or quote
    ("When asked, he replied …"): the one the sentence before was about."""
    for token in sentence:
        if token.ent_type_ == "PERSON" or token.is_quote:
            return None
        if token.lower_ in ("he", "she") and token.dep_ in SUBJECTS:
            return token if token.head.i == sentence.root.i else None
    return None


def _followed_by_who(ent: Span) -> bool:
    doc = ent.doc
    return ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].lower_ == "who"


def _only_person_in(sentence: Span) -> bool:
    return sum(1 for ent in ents_within(sentence) if ent.label_ == "PERSON") == 1
