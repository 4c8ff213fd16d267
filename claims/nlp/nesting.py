"""Nested attributions: which statement reports which.

In "A said B wants C", A's statement is "B wants C" and B's statement "C" lies inside it:
B's position as A reported it. Both are statements; B's is ``reported_in`` A's, so a
fact-checker sees that B's position comes to us through A.
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
