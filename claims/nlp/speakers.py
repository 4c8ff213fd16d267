"""Resolves the words at an attribution site to a speaker of the article, by explainable rules.

No coreference model: a surname goes to its earliest full form in the article, a pronoun to
the most recent compatible speaker, a role noun ("the top diplomat") to the most recent
speaker whose role fits. Organisations, groups and unnamed sources are speakers of their own
kind and never merge with people. Every decision comes with a short reason for reviewers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from claims.nlp.cues import lexicon
from claims.nlp.entities import (
    FEMALE_HONORIFICS,
    MALE_HONORIFICS,
    ORGANISATION_NOUNS,
    PLACE_NOUNS,
    ArticleEntities,
    Entity,
    name_words,
)
from claims.nlp.names import (
    ANONYMOUS_HEADS,
    FEMALE_PRONOUNS,
    FIRST_PERSON,
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
DEFINITE = frozenset({"the", "this", "that", "its"})
# Speakers the article does not name: the statement keeps its mention under one of these.
UNNAMED_SOURCE = "Unnamed source"
UNNAMED_DOCUMENT = "Unnamed document"
# Heads of a document, survey, study or data taken as the source ("the report found"): what
# it shows is evidence, kept under the unnamed document when the article names no author.
EVIDENCE_NOUNS = lexicon(
    """
    report study survey poll polls data analysis finding research figure number statistic
    review audit estimate projection forecast assessment investigation evidence paper record
    document census
    """
)
# Things a source puts out to speak ("a statement", "the lawsuit"): said by their owner, or,
# when the article names none, by an unnamed source.
CARRIER_NOUNS = lexicon(
    """
    statement release email e-mail letter memo tweet post video transcript complaint lawsuit
    suit claim filing motion brief affidavit indictment ruling decision message notice
    """
)
# Words of the page around an article that read like a source: "WATCH: …", "Story continues…".
PAGE_LABELS = frozenset(
    {
        "watch",
        "look",
        "listen",
        "read more",
        "more",
        "related",
        "video",
        "videos",
        "photos",
        "gallery",
        "analysis",
        "story",
        "article",
        "update",
        "correction",
        "exclusive",
        "breaking",
        "opinion",
        "advertisement",
        "see also",
        "full text",
    }
)
# How much later (in characters) a person of unknown gender must have been named than one
# known to be of the pronoun's gender to be taken for "he" or "she".
_UNKNOWN_GENDER_LEAD = 600
SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
IT_PRONOUNS = frozenset({"it", "its"})


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
    method: str = ""  # one of records.RESOLUTIONS, "" when nothing was resolved
    label: bool = False  # the mention is a page label ("WATCH"), not a source at all


class SpeakerBook:
    """The speakers of one article, filled as attributions are resolved in text order."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.speakers: list[_Speaker] = []
        self._by_key: dict[tuple[str, str], int] = {}
        self._people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        self._full_names = _earliest_full_names(self._people)
        self.entities = ArticleEntities(doc)

    def infos(self) -> tuple[SpeakerInfo, ...]:
        return tuple(speaker.info() for speaker in self.speakers)

    def resolve(self, mention: Span, *, antecedent: Span | None = None) -> Resolution:
        """Find or add the speaker ``mention`` refers to; ``antecedent`` for "who"/"which"."""
        if antecedent is not None:
            found = self.resolve(antecedent)
            if found.speaker is not None:
                name = self.speakers[found.speaker].name
                self._note(found.speaker, mention.text, mention.start_char)
                return Resolution(
                    found.speaker, f"relative '{mention.text}' → {name}", found.method
                )
            return found
        root = mention.root
        lower = root.lower_
        if len(mention) == 1 and lower in MALE_PRONOUNS | FEMALE_PRONOUNS:
            return self._pronoun(mention, "male" if lower in MALE_PRONOUNS else "female")
        if len(mention) == 1 and lower in PLURAL_PRONOUNS:
            return self._plural_pronoun(mention)
        if len(mention) == 1 and lower in IT_PRONOUNS:
            return self._it(mention)
        if len(mention) == 1 and lower in FIRST_PERSON:
            return Resolution(None, f"first person '{mention.text}' outside a quote: the author")
        if self._is_label(mention):
            return Resolution(None, f"'{mention.text}' is a page label", label=True)
        person = self._person_name(mention)
        if person is not None:
            return self._person(mention, person)
        spokes = self._spokesperson(mention)
        if spokes is not None:
            return spokes
        holder = self._bound_role(mention)
        if holder is not None:
            return holder
        if self._is_role_noun(mention):
            return self._role_noun(mention) or self._unnamed(mention, UNNAMED_SOURCE)
        described = self._description(mention)
        if described is not None:
            return described
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
        people = [ent for ent in mention.ents if ent.label_ == "PERSON"]
        if len(propn) == 1 and not people and self.entities.person_for([propn[0].text]):
            return [propn[0].text]  # a first name the article gave in full ("Ann" for Ann Cole)
        return None

    def _person(self, mention: Span, name_words: list[str]) -> Resolution:
        words = [t.text for t in mention if not t.is_punct]
        parts = split_person_phrase(words, name_words)
        entity = self.entities.person_for(parts.name.split())
        if entity is not None:
            full = entity.name
        else:
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
            return Resolution(
                index, f"surname '{parts.name}' → earliest full form {full}", "surname"
            )
        return Resolution(index, f"named person {full}", "name")

    def _pronoun(self, mention: Span, gender: str) -> Resolution:
        """He/she: the subject of the sentence so far, else the latest fitting person.

        A person fits when nothing says they are of the other gender: the article's own
        evidence and the first-name lexicon (``entities``) first, then a Mr./Ms. at a
        speaker's mention. Among those, the latest speaker or subject mention wins.
        """
        position = mention.start_char
        subject = self._subject_before(mention, gender)
        if subject is not None:
            index = self._get_or_add("person", subject)
            reason = "person who is the subject of its sentence"
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
        if best_unknown is None or best_unknown[1] - best_known[1] <= _UNKNOWN_GENDER_LEAD:
            return best_known
        return best_unknown

    def _gender(self, speaker: _Speaker) -> str:
        return self.entities.gender_of(speaker.name) or speaker.gender

    def _subject_before(self, mention: Span, gender: str) -> str | None:
        """The full name of a person who is a subject earlier in the pronoun's sentence.

        "Trump is doubling down on his support for …": "his" is Trump, even when Trump
        has not been a speaker yet. None when there is none or their gender differs.
        """
        sentence_start = mention.sent.start
        found = None
        for ent in self._people:
            inside = sentence_start <= ent.start and ent.end <= mention.start
            quoted = any(t.is_quote for t in self.doc[ent.end : mention.start])
            if inside and not quoted and ent.root.dep_ in ("nsubj", "nsubjpass"):
                found = ent  # a subject inside the quote the pronoun attributes is not it
        if found is None:
            return None
        words = _name_words(found)
        full = self._full_names.get(words[-1], " ".join(words)) if words else found.text
        entity = self.entities.person_for(words)
        full = entity.name if entity is not None else full
        known = self._by_key.get(("person", full.lower()))
        if known is not None and self._gender(self.speakers[known]) not in ("", gender):
            return None
        if self.entities.gender_of(full) not in ("", gender):
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
        return Resolution(index, f"pronoun '{mention.text}' → most recent group {name}", "pronoun")

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
            "role",
        )

    def _bound_role(self, mention: Span) -> Resolution | None:
        """ "the mayor", "the lawyer": the person the article bound that role noun to."""
        root = mention.root
        bare = len(mention) == 1
        if root.pos_ != "NOUN" or not (bare or mention[0].lower_ in DEFINITE):
            return None
        if any(t.ent_type_ == "PERSON" for t in mention):
            return None
        holder = self.entities.role_holder(root.lemma_.lower(), before=mention.start_char)
        if holder is None:
            return None
        index = self._get_or_add("person", holder.name)
        self._note(index, mention.text, mention.start_char)
        return Resolution(
            index, f"role noun '{mention.text}' → {holder.name}, named with that role", "role"
        )

    def _unnamed(self, mention: Span, name: str) -> Resolution:
        """A source the article does not name: kept under the unnamed speaker of its kind."""
        kind = "document" if name == UNNAMED_DOCUMENT else "anonymous"
        index = self._get_or_add(kind, name)
        self._note(index, mention.text, mention.start_char)
        return Resolution(
            index, f"'{mention.text}' names no one in the article: {name.lower()}", "description"
        )

    # --- organisations, groups, unnamed sources ------------------------------------------

    def _is_label(self, mention: Span) -> bool:
        """A headline or caption label ("WATCH", "ANALYSIS") or page furniture ("Story")."""
        return mention.text.strip(" :").lower() in PAGE_LABELS

    def _entity_index(self, entity: Entity) -> int:
        kind = "person" if entity.kind == "person" else "organisation"
        return self._get_or_add(kind, entity.name)

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

    def _spokesperson(self, mention: Span) -> Resolution | None:
        """ "a State Department spokesperson": the organisation speaks through them."""
        if mention.root.lemma_.lower() not in SPOKES_NOUNS | {"official"}:
            return None
        org = next((e for e in mention.ents if e.label_ in ("ORG", "GPE")), None)
        if org is None:
            return None
        entity = self.entities.organisation_for(org.text)
        name = entity.name if entity is not None else _strip_article(org.text)
        index = self._get_or_add("organisation", name)
        self._note(index, mention.text, mention.start_char)
        return Resolution(index, f"'{mention.text}' speaks for {name}", "role")

    def _description(self, mention: Span) -> Resolution | None:
        """ "the agency", "the city", "the report": what the article names, else unnamed."""
        root = mention.root
        noun = root.lemma_.lower()
        if root.pos_ != "NOUN" or any(t.pos_ == "PROPN" for t in mention):
            return None
        if noun in EVIDENCE_NOUNS | CARRIER_NOUNS:
            unnamed = UNNAMED_DOCUMENT if noun in EVIDENCE_NOUNS else UNNAMED_SOURCE
            return self._owner(mention) or self._unnamed(mention, unnamed)
        if noun not in ORGANISATION_NOUNS | PLACE_NOUNS:
            return None
        if mention[0].lower_ not in DEFINITE or root.tag_ == "NNS":
            return None
        entity = self.entities.described(noun, before=mention.start_char)
        if entity is None:
            return None
        index = self._entity_index(entity)
        self._note(index, mention.text, mention.start_char)
        return Resolution(
            index, f"description '{mention.text}' → {entity.name}, named before", "description"
        )

    def _owner(self, mention: Span) -> Resolution | None:
        """Whose document it is: "her statement", "a statement from the agency"."""
        root = mention.root
        for child in root.children:
            if child.dep_ == "poss" and child.i < root.i:
                owner = self.doc[child.left_edge.i : child.i + 1]
                if owner[-1].tag_ == "POS":
                    owner = owner[:-1]
                if len(owner):
                    found = self.resolve(owner)
                    return found if found.speaker is not None else None
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    obj = objects[0]
                    found = self.resolve(self.doc[obj.left_edge.i : obj.right_edge.i + 1])
                    return found if found.speaker is not None else None
        return None

    def _non_person(self, mention: Span) -> Resolution:
        root = mention.root
        determiner = mention[0].lower_
        text = mention.text
        if root.lower_ in ANONYMOUS_HEADS and (determiner in INDEFINITE or root.i == mention.start):
            return self._unnamed(mention, UNNAMED_SOURCE)
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
        capitalised = all(word[:1].isupper() for word in name.split())
        person = self.entities.person_for(name.split()) if capitalised else None
        if person is not None and (entity is None or entity.label_ != "GPE"):
            index = self._get_or_add("person", person.name)  # a person's name read as an ORG
            self._note(index, text, mention.start_char)
            method = "name" if person.name == name else "surname"
            return Resolution(index, f"named person {person.name}", method)
        method = "name"
        known = self.entities.organisation_for(name) if kind == "organisation" else None
        if known is not None and known.name != name:
            method = "acronym" if name in known.acronyms else "name"
            name = known.name
        if (entity is None and root.pos_ != "PROPN") or not any(
            word[:1].isupper() for word in name.split()
        ):
            return self._unnamed(mention, UNNAMED_SOURCE)  # "investigators", "the company"
        index = self._get_or_add(kind, name)
        self._note(index, text, mention.start_char)
        return Resolution(index, f"{kind} '{name}'", method)

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
    return name_words(ent)


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
