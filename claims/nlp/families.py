"""Derivational word families: one key for "immigrant", "immigrants" and "immigration".

``family_key`` strips inflectional and derivational suffixes (keeping a stem of at least four
letters) so that the words of one family share a key: "abortion" / "abort", "democracy" /
"democratization", "subsidies" / "subsidize". It is a matching key, not a linguistic stem.
"""

from __future__ import annotations

from functools import lru_cache

MIN_STEM = 4
# Longest first; a stem keeps at least MIN_STEM letters.
SUFFIXES = tuple(
    sorted(
        str.split(
            "ization isation izations ations ation itions ition ions ion isms ism ists ist "
            "ities ity ments ment ness ers er ings ing ed ants ant ances ance ences ence als al "
            "ical ic ives ive ous ly ies y es s e ize ise izes ises ized ised izing ising izer iser "
            "izers isers iations iation"
        ),
        key=len,
        reverse=True,
    )
)


@lru_cache(maxsize=50000)
def family_key(word: str) -> str:
    """The shared key of ``word``'s derivational family (lower case)."""
    word = word.lower()
    for ending in ("acy", "acies"):
        if word.endswith(ending) and len(word) > MIN_STEM + len(ending):
            word = word[: -len(ending)] + "at"  # democracy -> democrat, bureaucracies -> ...
    for _ in range(2):  # "democratization" -> "democratize" -> "democrat"
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


def same_family(word: str, other: str) -> bool:
    """Whether two words that share a key are of one family: not two words that differ only
    in a final "e" or "y" ("police" / "policy"), which the key cannot tell apart."""
    word, other = word.lower(), other.lower()
    if word == other or len(word) != len(other) or word[:-1] != other[:-1]:
        return True
    return not {word[-1], other[-1]} <= {"e", "y"}
