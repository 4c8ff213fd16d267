"""Pronouns: "he", "she", "they" and "it" resolved to the most recent compatible speaker, with
gender evidence from the article (honorifics, "his"/"her" of a name) before the first-name lists.

A mixin of ``speakers.SpeakerBook``, which holds the speakers and the article's entities."""

from __future__ import annotations

from spacy.tokens import Span

from claims.nlp.entities import Entity
from claims.nlp.names import FEMALE_PRONOUNS, MALE_PRONOUNS
from claims.nlp.people import name_words
from claims.nlp.spans import doc_text
from claims.nlp.speaker_mentions import (
    UNKNOWN_GENDER_LEAD,
    KnownSpeaker,
    Resolution,
)


class PronounResolver:
    """The pronoun half of ``SpeakerBook``."""

    def _pronoun(self, mention: Span, gender: str) -> Resolution:
        """He/she: the subject of the sentence so far, else the latest fitting person.

        A person fits when nothing says they are of the other gender: the article's own
        evidence and the first-name lexicon (``entities``) first, then a Mr./Ms. at a
        speaker's mention. Among those, the latest speaker or subject mention wins.
        """
        position = mention.start_char
        subject = self._subject_before(mention, gender)
        before = None if subject is not None else self._person_of_sentence_before(mention, gender)
        if subject is not None:
            index = self._get_or_add("person", subject)
            reason = "person who is the subject of its sentence"
        elif before is not None:
            index = self._get_or_add("person", before.name)
            reason = "person the sentence before is about"
        else:
            # (known to be of this gender, position, speaker index or -1 for a named entity)
            candidates = [
                (self._gender(speaker) == gender, speaker.last_seen, index)
                for index, speaker in enumerate(self.speakers)
                if speaker.kind == "person"
                and 0 <= speaker.last_seen < position
                and self._gender(speaker) in ("", gender)
            ]
            named = {}
            for strict in (True, False):
                entity = self.entities.person_before(position, gender=gender, strict=strict)
                if entity is None:
                    continue
                at = entity.last_mention_before(position, subjects_only=True)
                at = at if at >= 0 else entity.last_mention_before(position)
                known = self._by_key.get(("person", entity.name.lower()))
                if known is None or self._gender(self.speakers[known]) in ("", gender):
                    candidates.append((strict, at, -1 - len(named)))
                    named[-1 - len(named)] = entity
            if not candidates:
                return Resolution(None, f"pronoun '{mention.text}' with no person before it")
            _, _, index = self._best_candidate(candidates)
            if index < 0:
                index = self._get_or_add("person", named[index].name)
                reason = "most recent person named"
            else:
                reason = "most recent person"
        speaker = self.speakers[index]
        self._note(index, mention.text, position)
        return Resolution(index, f"pronoun '{mention.text}' → {reason} {speaker.name}", "pronoun")

    @staticmethod
    def _best_candidate(candidates: list[tuple[bool, int, int]]) -> tuple[bool, int, int]:
        """The latest person known to be of the pronoun's gender; one whose gender is
        unknown only when they came later by more than a paragraph or two."""
        known = [c for c in candidates if c[0]]
        unknown = [c for c in candidates if not c[0]]
        best_known = max(known, key=lambda c: c[1], default=None)
        best_unknown = max(unknown, key=lambda c: c[1], default=None)
        if best_known is None:
            return best_unknown
        if best_unknown is None or best_unknown[1] - best_known[1] <= UNKNOWN_GENDER_LEAD:
            return best_known
        return best_unknown

    def _gender(self, speaker: KnownSpeaker) -> str:
        return self.entities.gender_of(speaker.name) or speaker.gender

    def _subject_before(self, mention: Span, gender: str) -> str | None:
        """The full name of a person who is a subject earlier in the pronoun's sentence.

        "Trump is doubling down on his support for …": "his" is Trump, even when Trump
        has not been a speaker yet. None when there is none or their gender differs.
        """
        sentence_start = mention.sent.start
        found = None
        for ent in self._people:
            if not (sentence_start <= ent.start and ent.end <= mention.start):
                continue
            quoted = any(t.is_quote for t in self.doc[ent.end : mention.start])
            if not quoted and ent.root.dep_ in ("nsubj", "nsubjpass"):
                found = ent  # a subject inside the quote the pronoun attributes is not it
        if found is None:
            return None
        words = name_words(found)
        full = self._full_names.get(words[-1], " ".join(words)) if words else found.text
        entity = self.entities.person_for(words)
        full = entity.name if entity is not None else full
        known = self._by_key.get(("person", full.lower()))
        if known is not None and self._gender(self.speakers[known]) not in ("", gender):
            return None
        if self.entities.gender_of(full) not in ("", gender):
            return None
        return full

    def _person_of_sentence_before(self, mention: Span, gender: str) -> Entity | None:
        """The person of this gender the sentence just before names, outside any quote:
        its subject, or the only one it names ("…, Ann Cole, agreed. 'Yes,' she said")."""
        sentence = mention.sent
        if sentence.start == 0:
            return None
        before = self.doc[sentence.start - 1].sent
        start, end = before.start_char, before.end_char
        text = doc_text(self.doc)
        same = MALE_PRONOUNS if gender == "male" else FEMALE_PRONOUNS
        if any(
            t.lower_ in same and t.dep_ in ("nsubj", "nsubjpass") for t in before
        ):  # "Still, he denied Cole's request.": the sentence is about "he", not Cole
            return None
        named: list[tuple[bool, Entity]] = []
        for person in self.entities.people:
            if person.gender not in (gender, "") or not (person.gender or person.first_name):
                continue
            for at, is_subject in person.mentions:
                if start <= at < end and _outside_quotes(text, at, mention.start_char):
                    named.append((is_subject, person))
        if not named:
            return None
        if len({id(person) for _, person in named}) == 1:
            found = named[0][1]
        else:
            subjects = {id(p): p for is_subject, p in named if is_subject}
            if len(subjects) != 1:
                return None
            found = next(iter(subjects.values()))
        known = self._by_key.get(("person", found.name.lower()))
        if known is not None and self._gender(self.speakers[known]) not in ("", gender):
            return None
        return found

    def _plural_pronoun(self, mention: Span) -> Resolution:
        position = mention.start_char
        near = self._group_named_near(mention)
        if near is not None:
            self._note(near, mention.text, position)
            name = self.speakers[near].name
            return Resolution(
                near, f"pronoun '{mention.text}' → group the sentence names {name}", "pronoun"
            )
        candidates = [
            (speaker.last_seen, index)
            for index, speaker in enumerate(self.speakers)
            if speaker.kind in ("organisation", "group") and 0 <= speaker.last_seen < position
        ]
        if not candidates:
            return Resolution(None, f"pronoun '{mention.text}' with no group before it")
        index = max(candidates)[1]
        self._note(index, mention.text, position)
        name = self.speakers[index].name
        return Resolution(index, f"pronoun '{mention.text}' → most recent group {name}", "pronoun")

    def _group_named_near(self, mention: Span) -> int | None:
        """A plural group speaker ("Liberals", "Democrats") named, outside quotes, earlier
        in the pronoun's sentence (the latest), or the only one the sentence before names:
        "Key to the Greens' hopes is a rebate. Most of it, they promise, goes back"."""
        sentence = mention.sent
        ranges = [(sentence.start, mention.start, False)]
        if sentence.start > 0:
            before = self.doc[sentence.start - 1].sent
            ranges.append((before.start, before.end, True))
        text = doc_text(self.doc)
        for start, end, only in ranges:
            named: list[int] = []
            for token in self.doc[start:end]:
                plural = token.tag_ == "NNPS" or token.ent_type_ == "NORP"  # "Liberals"
                if not plural or not _outside_quotes(text, token.idx, mention.start_char):
                    continue
                for kind in ("group", "organisation"):
                    index = self._by_key.get((kind, token.text.lower()))
                    if index is not None and index not in named:
                        named.append(index)
            if named and not (only and len(named) > 1):
                return named[-1]
        return None

    def _it(self, mention: Span) -> Resolution:
        """ "it": the organisation named or quoted last."""
        position = mention.start_char
        candidates = [
            (speaker.last_seen, index)
            for index, speaker in enumerate(self.speakers)
            if speaker.kind == "organisation" and 0 <= speaker.last_seen < position
        ]
        named = self.entities.organisation_before(position)
        if named is not None:
            candidates.append((named.last_mention_before(position), -1))
        if not candidates:
            return Resolution(None, f"pronoun '{mention.text}' with no organisation before it")
        index = max(candidates)[1]
        if index == -1:
            index = self._entity_index(named)
        self._note(index, mention.text, position)
        name = self.speakers[index].name
        return Resolution(
            index, f"pronoun '{mention.text}' → most recent organisation {name}", "pronoun"
        )


def _outside_quotes(text: str, start: int, end: int) -> bool:
    """Whether ``start`` and ``end`` are on the same side of every quotation between them:
    an even number of quote marks lies between ("Cole agreed. 'Yes,' she said")."""
    return sum(text.count(mark, start, end) for mark in QUOTE_MARKS) % 2 == 0


QUOTE_MARKS = ('"', "“", "”")
