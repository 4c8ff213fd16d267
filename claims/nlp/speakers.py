"""Resolves the words at an attribution site to a speaker of the article, by explainable rules.

No coreference model: a surname goes to its earliest full form in the article, a pronoun to
the most recent compatible speaker, a role noun ("the top diplomat") to the most recent
speaker whose role fits. Organisations, groups and unnamed sources are speakers of their own
kind and never merge with people. Every decision comes with a short reason for reviewers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from claims.nlp.names import (
    ANONYMOUS_HEADS,
    FEMALE_PRONOUNS,
    FIRST_PERSON,
    HONORIFICS,
    MALE_PRONOUNS,
    NATIONALITIES,
    ORGANISATION_HEADS,
    ORGANISATION_LABELS,
    PLURAL_PRONOUNS,
    ROLE_FITS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    role_fits,
    split_person_phrase,
)
from claims.nlp.records import SpeakerInfo

INDEFINITE = frozenset({"a", "an", "some", "several", "two", "three", "many", "one", "other"})
FEMALE_HONORIFICS = frozenset({"mrs", "mrs.", "ms", "ms.", "dame"})
MALE_HONORIFICS = frozenset({"mr", "mr.", "sir"})


@dataclass(slots=True)
class _Speaker:
    name: str
    kind: str
    role: str = ""
    affiliation: str = ""
    gender: str = ""
    aliases: list[str] = field(default_factory=list)
    last_seen: int = -1

    def info(self) -> SpeakerInfo:
        return SpeakerInfo(
            name=self.name,
            kind=self.kind,
            role=self.role,
            affiliation=self.affiliation,
            aliases=tuple(self.aliases),
        )


@dataclass(frozen=True, slots=True)
class Resolution:
    speaker: int | None
    reason: str


class SpeakerBook:
    """The speakers of one article, filled as attributions are resolved in text order."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.speakers: list[_Speaker] = []
        self._by_key: dict[tuple[str, str], int] = {}
        self._people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        self._full_names = _earliest_full_names(self._people)

    def infos(self) -> tuple[SpeakerInfo, ...]:
        return tuple(speaker.info() for speaker in self.speakers)

    def resolve(self, mention: Span, *, antecedent: Span | None = None) -> Resolution:
        """Find or add the speaker ``mention`` refers to; ``antecedent`` for "who"/"which"."""
        if antecedent is not None:
            found = self.resolve(antecedent)
            if found.speaker is not None:
                name = self.speakers[found.speaker].name
                self._note(found.speaker, mention.text, mention.start_char)
                return Resolution(found.speaker, f"relative '{mention.text}' → {name}")
            return found
        root = mention.root
        lower = root.lower_
        if len(mention) == 1 and lower in MALE_PRONOUNS | FEMALE_PRONOUNS:
            return self._pronoun(mention, "male" if lower in MALE_PRONOUNS else "female")
        if len(mention) == 1 and lower in PLURAL_PRONOUNS:
            return self._plural_pronoun(mention)
        if len(mention) == 1 and lower in FIRST_PERSON:
            return Resolution(None, f"first person '{mention.text}' outside a quote: the author")
        person = self._person_name(mention)
        if person is not None:
            return self._person(mention, person)
        if self._is_role_noun(mention):
            return self._role_noun(mention) or self._unnamed_person(mention)
        return self._non_person(mention)

    # --- people ---------------------------------------------------------------------------

    def _person_name(self, mention: Span) -> list[str] | None:
        """The words of the person's name in the mention, or None when it names no one."""
        for ent in mention.ents:
            if ent.label_ == "PERSON":
                return _name_words(ent)
        propn = [t for t in mention if t.pos_ == "PROPN" and t.text[:1].isupper()]
        if propn and propn[-1].text in self._full_names:
            tail = propn[-1]
            words = [t.text for t in mention[: tail.i - mention.start + 1] if t.pos_ == "PROPN"]
            if tail.ent_type_ == "PERSON" or len(words) <= 2:
                return [w for w in words if w.lower() not in ROLE_WORDS] or [tail.text]
        return None

    def _person(self, mention: Span, name_words: list[str]) -> Resolution:
        words = [t.text for t in mention if not t.is_punct]
        parts = split_person_phrase(words, name_words)
        surname = parts.name.split()[-1] if parts.name else mention.root.text
        full = self._full_names.get(surname, parts.name)
        if len(parts.name.split()) > 1 and full.split()[0] != parts.name.split()[0]:
            full = parts.name  # a different first name: another member of the family
        index = self._get_or_add("person", full)
        speaker = self.speakers[index]
        if parts.role and not speaker.role:
            speaker.role = parts.role
        if parts.affiliation and not speaker.affiliation:
            speaker.affiliation = parts.affiliation
        first = mention[0].lower_
        if first in FEMALE_HONORIFICS:
            speaker.gender = "female"
        elif first in MALE_HONORIFICS:
            speaker.gender = "male"
        self._note(index, mention.text, mention.start_char)
        if full != parts.name:
            return Resolution(index, f"surname '{parts.name}' → earliest full form {full}")
        return Resolution(index, f"named person {full}")

    def _pronoun(self, mention: Span, gender: str) -> Resolution:
        position = mention.start_char
        candidates = [
            (speaker.last_seen, index)
            for index, speaker in enumerate(self.speakers)
            if speaker.kind == "person"
            and 0 <= speaker.last_seen < position
            and speaker.gender in ("", gender)
        ]
        subject = self._subject_before(mention, gender)
        if subject is not None:
            index = self._get_or_add("person", subject)
            reason = "person who is the subject of its sentence"
        elif candidates:
            index = max(candidates)[1]
            reason = "most recent person"
        else:
            earlier = [ent for ent in self._people if ent.end_char <= position]
            if not earlier:
                return Resolution(None, f"pronoun '{mention.text}' with no person before it")
            ent = earlier[-1]
            words = _name_words(ent)
            full = self._full_names.get(words[-1], " ".join(words)) if words else ent.text
            index = self._get_or_add("person", full)
            reason = "most recent person named"
        speaker = self.speakers[index]
        speaker.gender = speaker.gender or gender
        self._note(index, mention.text, position)
        return Resolution(index, f"pronoun '{mention.text}' → {reason} {speaker.name}")

    def _subject_before(self, mention: Span, gender: str) -> str | None:
        """The full name of a person who is a subject earlier in the pronoun's sentence.

        "Trump is doubling down on his support for …": "his" is Trump, even when Trump
        has not been a speaker yet. None when there is none or their gender differs.
        """
        sentence_start = mention.sent.start
        found = None
        for ent in self._people:
            inside = sentence_start <= ent.start and ent.end <= mention.start
            if inside and ent.root.dep_ in ("nsubj", "nsubjpass"):
                found = ent
        if found is None:
            return None
        words = _name_words(found)
        full = self._full_names.get(words[-1], " ".join(words)) if words else found.text
        known = self._by_key.get(("person", full.lower()))
        if known is not None and self.speakers[known].gender not in ("", gender):
            return None
        return full

    def _plural_pronoun(self, mention: Span) -> Resolution:
        position = mention.start_char
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
        return Resolution(index, f"pronoun '{mention.text}' → most recent group {name}")

    def _is_role_noun(self, mention: Span) -> bool:
        """A phrase headed by a role noun ("the senator"), not by a modifier ("his campaign")."""
        root = mention.root
        lemma = root.lemma_.lower()
        if lemma in ROLE_MODIFIERS or lemma in ORGANISATION_HEADS:
            return False
        return (lemma in ROLE_FITS or lemma in ROLE_WORDS) and not any(
            t.pos_ == "PROPN" and t.lower_ not in NATIONALITIES for t in mention
        )

    def _role_noun(self, mention: Span) -> Resolution | None:
        position = mention.start_char
        noun = mention.root.lemma_.lower()
        nationality = next(
            (NATIONALITIES[t.lower_] for t in mention if t.lower_ in NATIONALITIES), ""
        )
        modifiers = [t.lower_ for t in mention if t.lower_ in ROLE_WORDS and t.i != mention.root.i]
        candidates = []
        for index, speaker in enumerate(self.speakers):
            if speaker.kind != "person" or not (0 <= speaker.last_seen < position):
                continue
            if not role_fits(noun, speaker.role):
                continue
            if nationality and speaker.affiliation and nationality != speaker.affiliation:
                continue
            role = speaker.role.lower()
            if any(m not in role for m in modifiers if m not in ("top", "senior", "former")):
                continue
            candidates.append((speaker.last_seen, index))
        if not candidates:
            return None
        index = max(candidates)[1]
        speaker = self.speakers[index]
        self._note(index, mention.text, position)
        return Resolution(
            index,
            f"role noun '{mention.text}' → most recent speaker whose role fits "
            f"({speaker.role}): {speaker.name}",
        )

    def _unnamed_person(self, mention: Span) -> Resolution:
        """A role noun no named speaker fits ("the mayor"): a person known by the role."""
        name = mention.text[:1].lower() + mention.text[1:]
        index = self._get_or_add("person", name)
        speaker = self.speakers[index]
        speaker.role = speaker.role or mention.root.text.capitalize()
        self._note(index, mention.text, mention.start_char)
        return Resolution(index, f"role noun '{mention.text}' fits no named speaker before it")

    # --- organisations, groups, unnamed sources ------------------------------------------

    def _non_person(self, mention: Span) -> Resolution:
        root = mention.root
        determiner = mention[0].lower_
        text = mention.text
        if root.lower_ in ANONYMOUS_HEADS and (determiner in INDEFINITE or root.i == mention.start):
            index = self._get_or_add("anonymous", text[:1].lower() + text[1:])
            self._note(index, text, mention.start_char)
            return Resolution(index, f"unnamed source '{text}'")
        entity = next((ent for ent in mention.ents if ent.root.i == root.i), None)
        label = entity.label_ if entity is not None else ""
        plural_people = label == "NORP" and root.tag_ in ("NNPS", "NNS")  # "Republicans"
        if (label in ORGANISATION_LABELS and not plural_people) or (
            root.lemma_.lower() in ORGANISATION_HEADS or root.pos_ == "PROPN"
        ):
            kind = "organisation"
        else:
            kind = "group"
        name = _strip_article(
            entity.text if entity is not None and kind == "organisation" else text
        )
        index = self._get_or_add(kind, name)
        self._note(index, text, mention.start_char)
        return Resolution(index, f"{kind} '{name}'")

    # --- bookkeeping ----------------------------------------------------------------------

    def _get_or_add(self, kind: str, name: str) -> int:
        key = (kind, name.lower())
        if key not in self._by_key:
            self._by_key[key] = len(self.speakers)
            self.speakers.append(_Speaker(name=name, kind=kind))
        return self._by_key[key]

    def _note(self, index: int, surface: str, position: int) -> None:
        speaker = self.speakers[index]
        if surface not in speaker.aliases:
            speaker.aliases.append(surface)
        speaker.last_seen = max(speaker.last_seen, position)


def _name_words(ent: Span) -> list[str]:
    words = [t.text for t in ent if t.lower_ not in HONORIFICS and not t.is_punct]
    if words and words[-1] in ("'s", "’s"):
        words.pop()
    return words


def _earliest_full_names(people: list[Span]) -> dict[str, str]:
    """Surname → the earliest multi-word form of that person in the article."""
    full: dict[str, str] = {}
    for ent in people:
        words = _name_words(ent)
        if len(words) > 1 and words[-1] not in full:
            full[words[-1]] = " ".join(words)
    return full


def _strip_article(text: str) -> str:
    for article in ("the ", "The "):
        if text.startswith(article):
            return text[len(article) :]
    return text
