"""Nested attributions: which statement reports which.

In "A said B wants C", A's statement is "B wants C" and B's statement "C" lies inside it:
B's position as A reported it. Both are statements; B's is ``reported_in`` A's, so a
fact-checker sees that B's position comes to us through A.

"A said she wants C" is not such a report: the inner statement is A's own, already whole in
A's statement, so it is not kept as a second statement of A's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from claims.nlp.records import StatementRecord


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


def without_self_reports(statements: Sequence[StatementRecord]) -> tuple[StatementRecord, ...]:
    """The linked statements less those nested in a statement of the same speaker.

    "Lindgren said she wants the tax cut": "the tax cut" is what Lindgren said, not a
    position someone else reported; kept as its own statement it would be counted twice.
    A statement nested in a dropped one is linked to the dropped one's reporter.
    """

    def own(index: int) -> bool:
        statement = statements[index]
        reporter = statement.reported_in
        return (
            reporter is not None
            and statement.speaker is not None
            and statements[reporter].speaker == statement.speaker
        )

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
