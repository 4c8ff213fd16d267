"""How names are folded for lookup: the form stored in ``SpeakerAlias.normalized``.

Plain Python, shared by the services that store aliases, the selectors that search them and
the admin form that edits them.
"""

from __future__ import annotations

import unicodedata


def normalize_alias(text: str) -> str:
    """Fold case, accents, punctuation spacing and a leading article: "The Post" -> "post"."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(char for char in folded if not unicodedata.combining(char)).casefold()
    words = folded.replace("’", "'").split()
    if words and words[0] in {"the", "a", "an"} and len(words) > 1:
        words = words[1:]
    return " ".join(words)
