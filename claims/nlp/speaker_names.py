"""Speakers whose name is no name: emoji and symbols, or a run of words no name comes near.

An emoji beside a name ("❤️ Maria Alvarez", "said 👍") made a speaker of the emoji, and a
400-character run of capitalised words made a "name" the database cannot hold, failing the
whole article. Symbols are taken out of names and aliases; a speaker left without a letter
or a digit, or with a name longer than ``MAX_NAME_CHARS``, is dropped and its statements keep their
mention with no speaker, as for any attribution that names no one.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Sequence

from claims.nlp.records import SpeakerInfo, StatementRecord

# Longer than any person's or organisation's name ("United Nations Educational, Scientific
# and Cultural Organization" has 70 characters); the stored name holds 300.
MAX_NAME_CHARS = 200
# Symbols (emoji, dingbats, flags), private-use and unassigned code points. Maths and
# modifier symbols stay: they mark extraction errors ("tweet_id=…>") worth seeing.
_NOT_IN_NAMES = frozenset({"So", "Co", "Cn", "Cs"})
_SPACES = re.compile(r"\s+")


def clean_name(text: str) -> str:
    """``text`` without symbols and with single spaces ("Maria Alvarez ❤" -> "Maria Alvarez")."""
    kept = "".join(c for c in text if unicodedata.category(c) not in _NOT_IN_NAMES)
    return _SPACES.sub(" ", kept).strip()


def is_name(text: str) -> bool:
    """A letter or a digit ("47%" of those polled), and not longer than a name gets."""
    return any(c.isalnum() for c in text) and len(text) <= MAX_NAME_CHARS


def named_speakers(
    speakers: Sequence[SpeakerInfo], statements: Sequence[StatementRecord]
) -> tuple[tuple[SpeakerInfo, ...], tuple[StatementRecord, ...]]:
    """The speakers with a name (cleaned), and the statements pointing at them again."""
    kept: list[SpeakerInfo] = []
    new_index: dict[int, int] = {}
    by_name: dict[tuple[str, str], int] = {}
    for index, info in enumerate(speakers):
        name = clean_name(info.name)
        if not is_name(name):
            continue
        aliases = tuple(
            dict.fromkeys(a for alias in info.aliases if is_name(a := clean_name(alias)))
        )
        key = (name, info.kind)
        if key in by_name:  # "Maria Alvarez ❤" and "Maria Alvarez" are one speaker
            new_index[index] = by_name[key]
            known = kept[by_name[key]]
            kept[by_name[key]] = dataclasses.replace(
                known, aliases=tuple(dict.fromkeys((*known.aliases, *aliases)))
            )
            continue
        by_name[key] = new_index[index] = len(kept)
        kept.append(
            dataclasses.replace(
                info,
                name=name,
                aliases=aliases,
                role=info.role if len(info.role) <= MAX_NAME_CHARS else "",
                affiliation=info.affiliation if len(info.affiliation) <= MAX_NAME_CHARS else "",
            )
        )
    if len(kept) == len(speakers) and all(i == j for i, j in new_index.items()):
        return tuple(kept), tuple(statements)
    return tuple(kept), tuple(
        dataclasses.replace(
            record,
            speaker=None if record.speaker is None else new_index.get(record.speaker),
        )
        for record in statements
    )
