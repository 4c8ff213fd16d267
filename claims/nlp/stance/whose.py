"""Whose opinion a clause states: the speaker's own, or someone else's that the speaker reports.

A judgement of a topic is the speaker's unless the topic sits in a clause that is

- the complement of a reporting or opinion verb whose subject is someone else ("critics say
  X is bad", "the government considers X unfair");
- interrupted by such a verb ("X, critics argue, is bad");
- attributed to someone else with "according to" ("according to critics, X is bad");
- the content of a reported claim or belief ("the mayor's claim that X is bad").

The speaker's own side reports nothing of another's ("we believe", "according to our
study", "our view that ..."), nor does an impersonal "it" ("it is said that").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claims.nlp import stance_cues as cues

SUBJECTS = ("nsubj", "nsubjpass")
COMPLEMENTS = ("ccomp", "xcomp")
# An interrupting "X, he said, ..." inside a statement is its speaker's own attribution.
SPEAKER_PRONOUNS = frozenset({"he", "she"})


def reported(verb: Token, holders: frozenset[str] = frozenset()) -> bool:
    """A reporting verb whose subject is someone other than the speaker ("critics say");
    ``holders`` are the words that name the speaker (``base.speaker_words``)."""
    if verb.lemma_.lower() not in cues.REPORTING_VERBS:
        return False
    subjects = [subject for subject in verb.children if subject.dep_ in SUBJECTS]
    return any(_another(subject, holders) for subject in subjects)


def reported_by_another(
    mention: Span, statement: Span, holders: frozenset[str] = frozenset()
) -> bool:
    """Whether the mention sits in a clause someone else is reported to hold (module doc)."""
    node = mention.root
    while statement.start <= node.i < statement.end:
        if _attributed_to_another(node, statement, holders):
            return True
        head = node.head
        if head.i == node.i or not statement.start <= head.i < statement.end:
            return False
        if node.dep_ in COMPLEMENTS and reported(head, holders):
            return True
        if node.dep_ in ("acl", "ccomp") and _reported_content(head, holders):
            return True
        node = head
    return False


def _attributed_to_another(clause: Token, statement: Span, holders: frozenset[str]) -> bool:
    """ "According to critics, X ...", "X, critics argue, ...": said of ``clause`` itself,
    inside the statement (outside it, "..., the mayor said" names the speaker). An
    interrupting "he said" is the speaker's own attribution too."""
    for child in clause.children:
        if not statement.start <= child.i < statement.end:
            continue
        if child.dep_ == "parataxis" and reported(child, holders | SPEAKER_PRONOUNS):
            return True
        if child.dep_ == "prep" and child.lower_ == "according":
            sources = [t for to in child.children for t in to.children if t.dep_ == "pobj"]
            if any(_another(source, holders) for source in sources):
                return True
    return False


def _reported_content(noun: Token, holders: frozenset[str]) -> bool:
    """A claim or belief whose content the clause is, held by someone else or by no one
    named ("the claim that X is bad"); "our view that ..." is the speaker's."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in cues.REPORTED_NOUNS:
        return False
    return all(_another(owner, holders) for owner in noun.children if owner.dep_ == "poss")


def _another(person: Token, holders: frozenset[str]) -> bool:
    """Someone other than the speaker: not "we", not "our study", not an impersonal "it",
    not a name of the speaker ("North Korea said" of North Korea's statement)."""
    if person.lower_ in cues.FIRST_PERSON or person.lower_ == "it" or person.lower_ in holders:
        return False
    return not any(
        (owner.dep_ == "poss" and owner.lower_ in cues.FIRST_PERSON)
        or (owner.dep_ == "compound" and owner.lower_ in holders)
        for owner in person.children
    )
