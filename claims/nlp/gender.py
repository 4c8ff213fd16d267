"""Gender of a first name, from the US Census 1990 first-name lists.

The lists (``dist.male.first``, ``dist.female.first``, public domain) ship inside the MIT
``names`` package and are read from the installed package on first use; nothing is
downloaded. A name on both lists goes to the side where it is clearly more frequent, and
stays unknown when neither side dominates ("Jordan", "Casey"). A first name far more
common as a surname (``dist.all.last``: "Reagan", "Nelson") says little of its bearer's
gender. The article's own evidence (honorifics, "his"/"her" used of the name) outranks this
lexicon: see ``entities``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from claims.nlp.names import HYPHENS

MALE, FEMALE = "male", "female"
# How much more frequent one side must be for a name on both lists to count as that side.
_DOMINANCE = 4.0
# How much more frequent as a surname than as a first name a word must be to count as one.
_SURNAME_DOMINANCE = 4.0


@cache
def _frequencies(filename: str) -> dict[str, float]:
    try:
        text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    table: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            table[parts[0].lower()] = float(parts[1])
    return table


def first_name_gender(first_name: str) -> str:
    """``"male"``, ``"female"`` or ``""`` for a first name ("Mary" → female); a hyphenated
    one by its first part ("Ann-Marie" → female, as "Ann")."""
    key = first_name.strip(".").lower()
    for hyphen in HYPHENS:
        key = key.split(hyphen)[0]
    male = _frequencies("dist.male.first").get(key, 0.0)
    female = _frequencies("dist.female.first").get(key, 0.0)
    if male > female * _DOMINANCE:
        return MALE
    if female > male * _DOMINANCE:
        return FEMALE
    if male and not female:
        return MALE
    if female and not male:
        return FEMALE
    return ""


def is_surname_like(word: str) -> bool:
    """Whether ``word`` is far more often a surname than a first name ("Reagan", "Nelson").

    The first-name lists give a share of men or of women, the surname list a share of
    everyone: a first name's share of everyone is half its two shares' sum.
    """
    key = word.strip(".").lower()
    surname = _frequencies("dist.all.last").get(key, 0.0)
    first = (
        _frequencies("dist.male.first").get(key, 0.0)
        + _frequencies("dist.female.first").get(key, 0.0)
    ) / 2
    return surname > first * _SURNAME_DOMINANCE
