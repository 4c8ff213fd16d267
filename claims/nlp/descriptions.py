"""Descriptions of a person resolved to the person the article names, without a role binding.

- "The 26-year-old forward said …", "… said the rookie defenceman": a definite description
  of one person right after a sentence about a named person is that person (news writing
  varies the name this way); the person a sentence just before is about, its subject first.
- "A harbour official said …" in the opening lines, with "harbour official Ann Cole" in
  the next paragraph (or a caption): an indefinite role stands for the one person the
  article binds that role to, when that person is not named in the same sentence.
- "One former director said …. Ann Cole told the paper …": with no such binding, an
  indefinite description is the person the very next sentence names for the first time, as
  its subject, unless that sentence gives them a role of their own.

A mixin of ``speakers.SpeakerBook``, which holds the speakers and the article's entities.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from claims.nlp.entities import Entity
from claims.nlp.names import (
    ANONYMOUS_HEADS,
    ORGANISATION_HEADS,
    ORGANISATION_NOUNS,
    PLACE_NOUNS,
    ROLE_FITS,
    ROLE_WORDS,
)
from claims.nlp.spans import doc_text
from claims.nlp.speaker_mentions import CARRIER_NOUNS, EVIDENCE_NOUNS, SPOKES_NOUNS, Resolution

# How many sentences back a description may look for the person it describes.
DESCRIPTION_REACH = 3
_NOT_PEOPLE = ORGANISATION_NOUNS | PLACE_NOUNS | ORGANISATION_HEADS | EVIDENCE_NOUNS | CARRIER_NOUNS


class DescriptionResolver:
    """The description half of ``SpeakerBook``."""

    def _described_person(self, mention: Span) -> Resolution | None:
        """ "the rookie defenceman": the person the sentences just before are about."""
        root = mention.root
        if mention[0].lower_ != "the" or root.i == mention.start:
            return None
        singular_noun = root.pos_ == "NOUN" and root.tag_ == "NN"
        party_member = root.ent_type_ == "NORP" and root.tag_ == "NNP"  # "the Ohio Democrat"
        if not (singular_noun or party_member):
            return None
        lemma = root.lemma_.lower()
        if lemma in _NOT_PEOPLE or lemma in ANONYMOUS_HEADS:
            return None
        if not (party_member or _describes_a_person(mention)):
            return None  # "the 17-second spot": a thing
        named = any(t.pos_ == "PROPN" and t.i != root.i for t in mention)
        if named and not party_member:
            return None
        if any(c.dep_ == "prep" and c.lower_ in ("for", "with", "at", "from") for c in root.rights):
            return None  # "the lawyer for the agency": someone of that body, not the topic
        person = self._topic_person(mention)
        if person is None:
            return None
        index = self._get_or_add("person", person.name)
        self._note(index, mention.text, mention.start_char)
        return Resolution(
            index,
            f"description '{mention.text}' → {person.name}, named in the sentence before",
            "description",
        )

    def _topic_person(self, mention: Span) -> Entity | None:
        """The person named in the nearest sentence before the mention's, its subject first."""
        doc = mention.doc
        sentence = mention.sent
        for _ in range(DESCRIPTION_REACH):
            if sentence.start == 0:
                return None
            sentence = doc[sentence.start - 1].sent
            start, end = sentence.start_char, sentence.end_char
            named = [
                (subject, at, person)
                for person in self.entities.people
                for at, subject in person.mentions
                if start <= at < end
            ]
            if named:
                subjects = [n for n in named if n[0]]
                if subjects:
                    return max(subjects, key=lambda n: n[1])[2]
                people = {id(n[2]) for n in named}
                return named[0][2] if len(people) == 1 else None
        return None

    def _introduced_later(self, mention: Span) -> Resolution | None:
        """ "A harbour official said …" where "harbour official Ann Cole" is the only one;
        else the person the next sentence names for the first time (``_named_next``)."""
        root = mention.root
        if mention[0].lower_ not in ("a", "an", "one") or root.pos_ != "NOUN":
            return None
        holder = self.entities.only_holder(root.lemma_.lower())
        if holder is None:
            return self._named_next(mention)
        sentence = mention.sent
        if any(sentence.start_char <= at < sentence.end_char for at, _ in holder.mentions):
            return None  # "a lawyer, unlike Ann Cole, …": someone else
        index = self._get_or_add("person", holder.name)
        self._note(index, mention.text, mention.start_char)
        return Resolution(
            index, f"'{mention.text}' → {holder.name}, the one named with that role", "role"
        )

    def _named_next(self, mention: Span) -> Resolution | None:
        """ "One former director said on Friday that he would return. Ann Cole told the paper
        …": a lede's unnamed person is the one the very next sentence first names, as its
        subject and without a role of its own ("Ann Cole, the driver," is someone else)."""
        root = mention.root
        if root.tag_ != "NN" or not (_describes_a_person(mention) or root.lemma_ in SPOKES_NOUNS):
            return None
        doc = mention.doc
        end = mention.sent.end
        while end < len(doc) and doc[end].is_space:
            end += 1
        if end >= len(doc):
            return None
        following = doc[end].sent
        if len(re.findall(r"\n+", doc_text(doc)[mention.end_char : following.start_char])) > 1:
            return None  # more than one paragraph away
        named = [
            (at, person)
            for person in self.entities.people
            for at, subject in person.mentions
            if subject and following.start_char <= at < following.end_char
        ]
        if len({id(person) for _, person in named}) != 1:
            return None
        person = named[0][1]
        if min(a for a, _ in person.mentions) < following.start_char or person.roles - {
            root.lemma_.lower()
        }:
            return None
        gender = _NOUN_GENDERS.get(root.lemma_.lower(), "")
        if gender and person.gender not in ("", gender):
            return None
        index = self._get_or_add("person", person.name)
        self._note(index, mention.text, mention.start_char)
        return Resolution(
            index, f"'{mention.text}' → {person.name}, named in the next sentence", "description"
        )


_NOUN_GENDERS = {"spokeswoman": "female", "spokesman": "male"}


def _describes_a_person(mention: Span) -> bool:
    """An age ("the 26-year-old"), a role word, or a noun for someone who does something
    ("defenceman", "labourer", "economist", "guardian")."""
    root = mention.root
    lemma = root.lemma_.lower()
    if any("year-old" in t.lower_ or t.lower_ == "old" for t in mention):
        return True
    if lemma in ROLE_WORDS or lemma in ROLE_FITS:
        return True
    return lemma.endswith(_AGENT_ENDINGS)


_AGENT_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "ant", "ent", "ee")
