"""Nested attributions: which statement reports which.

In "A said B wants C", A's statement is "B wants C" and B's statement "C" lies inside it:
B's position as A reported it. Both are statements; B's is ``reported_in`` A's, so a
fact-checker sees that B's position comes to us through A.

"A said B would refuse C" or "… B must do C" is not B's position either: a nested act that
is only foreseen or demanded is A's claim. So is a nested act nobody is named for ("A said
it was decided that C", "… officials fear C", "a poll found 28 percent back C"): a nested
statement is kept so that a search by B's name finds what A says of B, and an unnamed
source has no name to search by. These stay whole in A's statement and are not kept on
their own.
So is a nested act whose words are only its object ("A said B mocked a reporter", "… B
asked for the meeting"): A's account of something B did, with nothing of B's own to keep
apart. A position keeps its statement whatever its words ("A said voters back the plan").

"A said she wants C" is not such a report: the inner statement is A's own, already whole in
A's statement, so it is not kept as a second statement of A's. That holds whether or not the
speaker book resolved "she" to A: a pronoun opening a clause that A reports is bound by A
when it agrees with A's mention ("the senator said he …", "officials say they …", and "I"
or "we" inside A's own quoted words), unless the article marks the two apart by gender
("Mrs. Kay said he …").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from claims.nlp.attribution import cue_lemma
from claims.nlp.cues import COGNITION_VERBS
from claims.nlp.entities import FEMALE_HONORIFICS, MALE_HONORIFICS
from claims.nlp.gender import FEMALE, MALE, first_name_gender
from claims.nlp.names import FEMALE_PRONOUNS, FIRST_PERSON, MALE_PRONOUNS
from claims.nlp.records import UNNAMED_KINDS, SpeakerInfo, StatementRecord

FIRST_PERSON_SOURCES = frozenset({"i", "we"})
# A statement opening with a relative pronoun and its own source: "which he said …".
RELATIVE_REPORT = r"(?:which|that|who|whom)\s+{}\b"
SINGULAR_SOURCES = frozenset({"he", "she"})
PLURAL_SOURCES = frozenset({"they"})
# Outer statements whose words are the speaker's own: first person there is the speaker.
OWN_WORDS_KINDS = frozenset({"direct", "headline"})
_GENDERED_WORDS = {
    **{word: MALE for word in (*MALE_PRONOUNS, *MALE_HONORIFICS)},
    **{word: FEMALE for word in (*FEMALE_PRONOUNS, *FEMALE_HONORIFICS)},
}


def with_reporters(statements: Sequence[StatementRecord]) -> tuple[StatementRecord, ...]:
    """The statements, each linked to the narrowest other statement whose span holds it.

    Two statements over the same span report nothing of each other.
    """
    linked = []
    for index, inner in enumerate(statements):
        holders = [
            (outer.end - outer.start, other)
            for other, outer in enumerate(statements)
            if other != index
            and outer.start <= inner.start
            and inner.end <= outer.end
            and (outer.start, outer.end) != (inner.start, inner.end)
        ]
        reported_in = min(holders)[1] if holders else None
        linked.append(replace(inner, reported_in=reported_in))
    return tuple(linked)


def without_self_reports(
    statements: Sequence[StatementRecord], *, speakers: Sequence[SpeakerInfo]
) -> tuple[StatementRecord, ...]:
    """The linked statements less those nested in a statement of the same speaker, and
    nested acts only foreseen or demanded, with no one named, or with only an object.

    "Lindgren said she wants the tax cut": "the tax cut" is what Lindgren said, not a
    position someone else reported; kept as its own statement it would be counted twice.
    "Lindgren said the dockers would refuse the deal": the dockers have refused nothing.
    A statement nested in a dropped one is linked to the dropped one's reporter.
    """

    def own(index: int) -> bool:
        statement = statements[index]
        reporter = statement.reported_in
        if reporter is None:
            return False
        outer = statements[reporter]
        if statement.foreseen or not _named(statement, speakers):
            return True
        if statement.object_only and cue_lemma(statement.cue) not in COGNITION_VERBS:
            return True
        if in_relative_clause(statement):
            return False
        same = statement.speaker is not None and outer.speaker == statement.speaker
        return same or bound_by_reporter(statement, outer)

    dropped = {index for index in range(len(statements)) if own(index)}
    new_index: dict[int, int] = {}
    kept: list[StatementRecord] = []
    for index, statement in enumerate(statements):
        if index not in dropped:
            new_index[index] = len(kept)
            kept.append(statement)

    def reporter_of(statement: StatementRecord) -> int | None:
        reporter = statement.reported_in
        while reporter is not None and reporter in dropped:
            reporter = statements[reporter].reported_in
        return None if reporter is None else new_index[reporter]

    return tuple(replace(statement, reported_in=reporter_of(statement)) for statement in kept)


def _named(statement: StatementRecord, speakers: Sequence[SpeakerInfo]) -> bool:
    """Whether the statement's speaker is someone named: a person, an organisation or a
    group, not an anonymous source or a document."""
    return statement.speaker is not None and speakers[statement.speaker].kind not in UNNAMED_KINDS


def in_relative_clause(inner: StatementRecord) -> bool:
    """Whether a nested statement is said in a relative clause of its reporter's words
    ("Cole said the rules, which he said were written in haste, would close the port"): a
    second attribution, kept even when its speaker is the outer one's, unlike the clause
    the outer one reports ("Cole said he would close the port"). Its words open with the
    relative pronoun and its own source, as PolNeAR marks them."""
    mention = inner.speaker_mention.strip()
    if not mention:
        return False
    return (
        re.match(RELATIVE_REPORT.format(re.escape(mention)), inner.text, re.IGNORECASE) is not None
    )


def bound_by_reporter(inner: StatementRecord, outer: StatementRecord) -> bool:
    """Whether the inner statement's source is a pronoun standing for the outer's source."""
    pronoun = inner.speaker_mention.strip().lower()
    mention = outer.speaker_mention.strip()
    if not mention:
        return False
    if pronoun in FIRST_PERSON_SOURCES and (
        outer.kind in OWN_WORDS_KINDS or outer.cue == ":" or mention.lower() in FIRST_PERSON_SOURCES
    ):
        return True
    if mention.lower() in FIRST_PERSON:
        return False  # "I said he …": the reporter is never he, she or they
    if pronoun in SINGULAR_SOURCES:
        gender = MALE if pronoun in MALE_PRONOUNS else FEMALE
        return not _is_plural(mention) and _gender_of(mention) in ("", gender)
    return pronoun in PLURAL_SOURCES and _is_plural(mention)


def _is_plural(mention: str) -> bool:
    """ "officials", "the Smiths' lawyers", "Ann and Bo", "they": more than one source.

    A capitalised last word ending in s is mostly a name ("Sanders", "Mr. Reynolds"), so only
    a lower-case head counts by its ending (a plural name such as "Democrats" is missed).
    """
    words = mention.replace("’", "'").split()
    if words[0].lower() in ("they", "we") or " and " in f" {mention.lower()} ":
        return True
    head = words[-1]
    return head[:1].islower() and head.endswith("s") and not head.endswith(("ss", "'s", "us", "is"))


def _gender_of(mention: str) -> str:
    """The gender the mention's first word marks (a pronoun, Mr./Ms., a first name), or "".

    Only a capitalised run of words is a name: "Many" or "An" opening a sentence is none.
    """
    words = mention.split()
    marked = _GENDERED_WORDS.get(words[0].lower())
    if marked or len(words) < 2 or not (words[0].istitle() and words[1][:1].isupper()):
        return marked or ""
    return first_name_gender(words[0])
