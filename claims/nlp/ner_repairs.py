"""Repairs to the small model's named entities, run right after its NER.

- An organisation the tagger cut before the place or body of its own name ("Animal
  Protection Services of" + "Saskatchewan", "Animal Protection Services" + "of" +
  "Saskatchewan") is joined into one: an ORG ending in "of", "on" or "for" right before
  another name, or an ORG and a name with only "of" between them.
- An entity never ends on a line break or space the tagger swallowed.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

NER_REPAIRS = "ner_repairs"
_JOINING = frozenset({"of", "on", "for"})
_JOINABLE = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})


@Language.component(NER_REPAIRS)
def ner_repairs(doc: Doc) -> Doc:
    """Join cut organisation names and trim trailing whitespace from every entity."""
    ents: list[Span] = []
    for ent in doc.ents:
        end = ent.end
        while end > ent.start + 1 and doc[end - 1].is_space:
            end -= 1
        ent = Span(doc, ent.start, end, label=ent.label_) if end != ent.end else ent
        previous = ents[-1] if ents else None
        if previous is not None and _cut_name(doc, previous, ent):
            ents[-1] = Span(doc, previous.start, ent.end, label="ORG")
            continue
        ents.append(ent)
    doc.ents = ents
    return doc


def _cut_name(doc: Doc, organisation: Span, name: Span) -> bool:
    """Whether ``name`` finishes the name of ``organisation``, which stops just before it."""
    if organisation.label_ != "ORG" or name.label_ not in _JOINABLE:
        return False
    if organisation.end == name.start:
        return doc[organisation.end - 1].lower_ in _JOINING
    between = doc[organisation.end]
    return organisation.end + 1 == name.start and between.lower_ == "of" and between.ent_iob_ == "O"
