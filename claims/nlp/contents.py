"""The content layer: what a cue attributes, as a token range.

``content_of`` reads it off the cue's dependents in order of preference: a clause, a
clause on the particle ("made it clear that …"), an infinitive, an object (with its
predicate; a pronoun only with one: "called it a setback"), a prepositional object, a
passive's subject, the clause a parenthetical cue sits in ("…, he said, …", "As the paper
reported, …"), and a that-clause on a prepositional object.

A clause ends before a speech act joined to it with no subject of its own: in "Putin said
the economy would rebound and praised the talks", the parser often hangs "praised" on
"rebound", but the economy praises nothing; it is Putin's second act (``coordinated_act``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claims.nlp.attribution import PREDICATING
from claims.nlp.cues import (
    COGNITION_VERBS,
    CUE_PREPOSITIONS,
    EVIDENCE_VERBS,
    NEEDS_CLAUSE,
    SPEECH_VERBS,
    TOPIC_PREPOSITIONS,
)
from claims.nlp.spans import is_that_clause, trim_range, trimmed
from claims.nlp.speaker_mentions import EVIDENCE_NOUNS

CLAUSES = frozenset({"ccomp"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# "She continued to campaign": an aspect of the next verb, not an attribution of its own.
ASPECTUAL = frozenset({"continue", "begin", "start", "keep", "go"})
# Cues that may sit inside the clause they attribute ("The plan, he said, is ready").
PARENTHETICAL_CUES = SPEECH_VERBS | COGNITION_VERBS | EVIDENCE_VERBS
# Speech acts only, not what a reported subject could itself do ("the data showed", "prices
# continued to climb"): evidence, cognition and aspectual verbs stay in the clause.
COORDINATED_ACTS = SPEECH_VERBS - EVIDENCE_VERBS - COGNITION_VERBS - ASPECTUAL
# Reported content of one word ("backed Sanders") is more often an act than a statement.
MIN_REPORTED_WORDS = 2
# What an "As the paper reported," clause holds besides its cue.
_AS_CLAUSE_PARTS = frozenset(
    {"mark", "nsubj", "aux", "auxpass", "neg", "advmod", "npadvmod", "punct"}
)
# Verbs whose "to" phrase is what they attribute ("pointed to", "referring to").
TO_VERBS = frozenset({"refer", "point", "respond", "reply", "object", "react", "allude"})
# Quote marks around a predicate ("called it “rigged”"), as the tokenizer splits them off;
# a straight or doubled mark both opens and closes.
OPENING_MARKS = frozenset({"“", "«", '"', "''", "``"})
CLOSING_MARKS = frozenset({"”", "»", '"', "''"})
# Cues whose object is who hears it ("told reporters"), not what is said.
HEARER_VERBS = frozenset(
    {"tell", "ask", "inform", "notify", "brief", "remind", "assure", "reassure", "warn"}
)
# Verbs of asking, whose if/whether clause is what they ask.
QUESTIONING = frozenset({"ask", "wonder", "inquire", "question"})
# Entities of a prepositional object that say when, not what about.
TIMES = frozenset({"DATE", "TIME"})
# A quoted predicate this far from its object is something else.
MAX_PREDICATE_TOKENS = 16


def content_of(
    verb: Token, lemma: str, particle: Token | None, source: Span
) -> tuple[tuple[int, int] | None, Token | None]:
    """The token range the cue attributes, and the preposition that joins the cue if any."""
    children = [c for c in verb.children if c != particle and not _across_semicolon(c, verb)]
    clause = _reported_clause(verb, children)
    if clause is not None:
        return _clauses(verb, clause, children), None
    if particle is not None and particle.dep_ in ("acomp", "oprd", "ccomp", "dobj"):
        # "made it clear that …": the clause hangs on "clear", sometimes parsed as advcl;
        # "made the case that …" or "made the case for …" on "case".
        for child in particle.children:
            if child.dep_ in CLAUSES or is_that_clause(child):
                return trimmed(child), None
        for child in particle.children:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if child.dep_ == "prep" and child.lower_ in CUE_PREPOSITIONS - {"to"} and objects:
                return trimmed(objects[0]), child
    for child in children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and lemma not in ASPECTUAL:
            return _with_doer(verb, child, children)
    demand = _for_to_clause(verb, children)
    if demand is not None:
        return demand
    # "The poll found broad support for X": a document's object is its finding, where a
    # person's ("found the keys") is not.
    needs_clause = lemma in NEEDS_CLAUSE and particle is None and not _is_document(source)
    for child in children:
        if child.dep_ != "dobj" or (child.pos_ == "PRON" and not _personal(child)):
            continue
        # "called Trump “unhinged”": an object with its predicate is content for any cue,
        # a pronoun too ("called it a setback", "calls himself a centrist"). "sees Cruz as
        # a uniter": the object with its "as" phrase.
        predicate = next(
            (
                c
                for c in children
                if c.i > child.i
                and (
                    c.dep_ in ("oprd", "acomp")
                    or (c.dep_ == "prep" and c.lower_ == "as")
                    or _as_predicate(c)
                )
            ),
            None,
        )
        if predicate is not None:
            return trim_range(verb.doc, child.left_edge.i, predicate.right_edge.i + 1), None
        quoted_end = _quoted_predicate(child) if lemma in PREDICATING else None
        if quoted_end is not None:
            return trim_range(verb.doc, child.left_edge.i, quoted_end), None
        if not needs_clause and child.pos_ != "PRON":
            return _with_complements(child, children), None
    for child in children:
        # "called for …" joins the cue; "On Tuesday, she found …" is a time, not content.
        if _topic_phrase(verb, lemma, particle, child):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            pronoun = next((c for c in children if c.dep_ == "dobj" and c.i < child.i), None)
            if objects and pronoun is not None:
                # "criticized him for the delays": the act on him, for the delays.
                return _with_complements(pronoun, children), child
            if objects:
                return trimmed(objects[0]), child
    if source.start > verb.i:
        # "The plan was criticized by Senator Hill": what the agent criticised is the subject.
        target = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if target is not None and target.lower_ not in ("it", "there"):
            return trimmed(target), None
    # "As Ms. Lund put it, …": a cue by its particle counts as a speech verb here.
    parenthetical = lemma in PARENTHETICAL_CUES or particle is not None
    if (verb.dep_ == "parataxis" or _as_clause(verb, particle)) and parenthetical:
        return _host_clause(verb, source), None
    # "claiming without any evidence that …": the clause hangs on the preposition's object.
    for noun in (n for c in children if c.dep_ == "prep" for n in c.children):
        clause = next((c for c in noun.children if is_that_clause(c)), None)
        if noun.dep_ == "pobj" and clause is not None:
            return trimmed(clause), None
    return None, None


def _with_doer(
    verb: Token, infinitive: Token, children: list[Token]
) -> tuple[tuple[int, int] | None, Token | None]:
    """ "urged Congress to pass the bill", "called on the governor to resign": the one asked
    to act is part of what is asked, so the content runs from that object to the end of the
    infinitive; "on" joins the cue ("called on")."""
    doc = verb.doc
    for child in children:
        if not verb.i < child.i < infinitive.i:
            continue
        if child.dep_ == "dobj":
            return trim_range(doc, child.left_edge.i, infinitive.right_edge.i + 1), None
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ == "prep" and child.lower_ == "on" and objects:
            return trim_range(doc, objects[0].left_edge.i, infinitive.right_edge.i + 1), child
    return trimmed(infinitive), None


def _topic_phrase(verb: Token, lemma: str, particle: Token | None, child: Token) -> bool:
    """A prepositional phrase after the cue that says what it is about: "called for …",
    "pointed to …", "spoke about …". Not a time ("read the report on Sunday"), nor one of
    the prepositions a verb takes for other things ("spoke on condition of anonymity")."""
    if child.dep_ != "prep" or child.i < verb.i:
        return False
    preposition = child.lower_
    if preposition == "to" and lemma not in TO_VERBS:
        return False
    if preposition not in CUE_PREPOSITIONS:
        return False
    if particle is None and preposition not in TOPIC_PREPOSITIONS.get(lemma, CUE_PREPOSITIONS):
        return False
    return not any(c.dep_ == "pobj" and c.ent_type_ in TIMES for c in child.children)


def _as_predicate(child: Token) -> bool:
    """ "sees the plan as most unfair", "sees him as captured by …": the parser makes the
    "as" phrase a clause marked by "as"; with no subject of its own it says what the
    object is."""
    return (
        child.dep_ == "advcl"
        and child.left_edge.lower_ == "as"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in child.children)
        and not any(c.dep_ in SUBJECTS for c in child.children)
    )


def _quoted_predicate(obj: Token) -> int | None:
    """Where a quoted predicate after the object ends: "called the system “rigged”", "calls
    the plan "a disaster"". The parser often hangs the quoted words inside the object or
    as punctuation, not as a predicate of the cue."""
    doc = obj.doc
    end = min(obj.sent.end, obj.i + MAX_PREDICATE_TOKENS)
    opening = next(
        (t.i for t in doc[obj.i + 1 : end] if t.text in OPENING_MARKS),
        None,
    )
    if opening is None or opening > obj.right_edge.i + 1:
        return None
    closing = next(
        (t.i for t in doc[opening + 1 : end] if t.text in CLOSING_MARKS),
        None,
    )
    if closing is None or closing == opening + 1:
        return None
    return closing + 1


def is_question_clause(verb: Token, child: Token) -> bool:
    """ "asked the senator if he would run", "wondered whether …": the parser makes the
    if/whether clause after a verb of asking an adverbial; it is the question asked."""
    return (
        child.dep_ == "advcl"
        and child.i > verb.i
        and verb.lemma_.lower() in QUESTIONING
        and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children)
    )


def _reported_clause(verb: Token, children: list[Token]) -> Token | None:
    """The clause a cue reports: one after it ("suspected that X"); else one before it
    ("X, he said"), unless the cue has an object or complement of its own after it. In
    "He owned a team — Trump also offered his assessment" or "the poll ran, you can see
    for yourself that X", the parser hangs the clause before on the cue as well."""
    clauses = [c for c in children if c.dep_ in CLAUSES or is_question_clause(verb, c)]
    after = next((c for c in clauses if c.i > verb.i), None)
    if after is not None or not clauses:
        return after
    own = any(c.i > verb.i and _own_complement(verb, c) for c in children)
    return None if own else clauses[0]


def _own_complement(verb: Token, child: Token) -> bool:
    """An infinitive, or an object that is what the cue is about; not its hearer ("…, he
    told reporters", "…, the president told her", "…, she told The Post")."""
    if child.dep_ == "xcomp":
        return True
    return (
        child.dep_ == "dobj"
        and verb.lemma_.lower() not in HEARER_VERBS
        and child.pos_ not in ("PRON", "PROPN")
    )


def _for_to_clause(
    verb: Token, children: list[Token]
) -> tuple[tuple[int, int] | None, Token] | None:
    """ "called for the chief to resign": the parser hangs "the chief to resign" on the cue
    as an adverbial clause marked by "for"; it is what the cue asks for, and "for" joins
    the cue ("called for")."""
    for child in children:
        if child.dep_ != "advcl" or child.i < verb.i:
            continue
        mark = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "for"), None)
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if mark is not None and infinitive and mark.i == child.left_edge.i:
            return trim_range(verb.doc, mark.i + 1, child.right_edge.i + 1), mark
    return None


def _is_document(source: Span) -> bool:
    return source.root.lemma_.lower() in EVIDENCE_NOUNS


def _across_semicolon(child: Token, verb: Token) -> bool:
    """ "He calls for X; she aims to Y": the parser may hang the clause before a semicolon
    on the cue after it, but a semicolon joins two statements, neither reporting the other."""
    doc = verb.doc
    return child.i < verb.i and any(t.text == ";" for t in doc[child.right_edge.i + 1 : verb.i])


def _personal(pronoun: Token) -> bool:
    """ "it", "him", "himself", "this": a pronoun that stands for what is judged; not a
    relative ("what he calls …", "which she described as …"), whose predicate is all there
    is to the content and which the sentence around it holds."""
    return pronoun.tag_ in ("PRP", "DT")


def _as_clause(verb: Token, particle: Token | None = None) -> bool:
    """ "As the paper reported, the council …": a cue in an "as" clause with nothing but its
    subject attributes the clause it is hung on. With more ("as they yelled at the
    player") the "as" tells a time, not a source."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children)
        and all(c.dep_ in _AS_CLAUSE_PARTS or c == particle for c in verb.children)
    )


def _with_complements(obj: Token, children: list[Token]) -> tuple[int, int] | None:
    """The object with the prepositional phrases after it: "criticized the mayor for the
    delays", "compared the plan to a tax" attribute the whole act, not only its object."""
    doc = obj.doc
    end = obj.right_edge.i
    for child in sorted(children, key=lambda c: c.i):
        if child.i <= end:
            continue
        if child.dep_ != "prep" or any(t.is_punct for t in doc[end + 1 : child.i]):
            break
        end = child.right_edge.i
    return trim_range(doc, obj.left_edge.i, end + 1)


def coordinated_act(clause: Token) -> Token | None:
    """A speech verb joined to the reported clause ``clause`` with no subject of its own.

    "said the plan would fail and warned that …": "warned" is the reporter's act.
    """
    for child in clause.children:
        if (
            child.dep_ == "conj"
            and child.pos_ == "VERB"
            and (child.lemma_.lower() in COORDINATED_ACTS or _speaks_a_clause(child))
            and not any(c.dep_ in SUBJECTS for c in child.children)
        ):
            return child
    return None


def _speaks_a_clause(verb: Token) -> bool:
    """ "said he had no plans and suggested that …": a verb of speech that is also one of
    evidence is the reporter's act when it reports a that-clause of its own; "the data
    showed" or "prices suggested" with an object stay in the clause."""
    return (
        verb.lemma_.lower() in SPEECH_VERBS
        and verb.lemma_.lower() in EVIDENCE_VERBS
        and any(is_that_clause(c) and c.i > verb.i for c in verb.children)
    )


def _clauses(verb: Token, first: Token, children: list[Token]) -> tuple[int, int] | None:
    """The reported clause and a second that-clause the parser joins to the cue: "believes
    there are no good options, but that the lesser evil will do" reports both."""
    span = _clause(first)
    second = next(
        (c for c in children if c.i > first.i and c.dep_ == "conj" and is_that_clause(c)), None
    )
    if span is None or second is None or first.i < verb.i or second.sent != first.sent:
        return span
    return trim_range(verb.doc, span[0], second.right_edge.i + 1)


def _clause(head: Token) -> tuple[int, int] | None:
    """The reported clause headed by ``head``, without a speech act coordinated with it."""
    span = trimmed(head)
    act = coordinated_act(head)
    if span is None or act is None:
        return span
    doc = head.doc
    end = act.left_edge.i
    while end > span[0] and (doc[end - 1].dep_ == "cc" or doc[end - 1].is_punct):
        end -= 1
    return trim_range(doc, span[0], end)


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
    return trim_range(doc, left, right)
