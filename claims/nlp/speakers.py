"""Resolves the words at an attribution site to a speaker of the article, by explainable rules.

No coreference model: a surname goes to its earliest full form in the article, a pronoun to
the most recent compatible speaker, a role noun ("the top diplomat") to the most recent
speaker whose role fits. Organisations, groups and unnamed sources are speakers of their own
kind and never merge with people. Every decision comes with a short reason for reviewers.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claims.nlp.descriptions import DescriptionResolver
from claims.nlp.entities import (
    FEMALE_HONORIFICS,
    MALE_HONORIFICS,
    ArticleEntities,
    name_words,
)
from claims.nlp.names import (
    FEMALE_PRONOUNS,
    FIRST_PERSON,
    MALE_PRONOUNS,
    NATIONALITIES,
    ORGANISATION_HEADS,
    ORGANISATION_NOUNS,
    PLURAL_PRONOUNS,
    ROLE_FITS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    role_fits,
    split_person_phrase,
)
from claims.nlp.organisations import OrganisationResolver, opens
from claims.nlp.pronouns import PronounResolver
from claims.nlp.records import SpeakerInfo
from claims.nlp.speaker_mentions import (
    DEFINITE,
    IT_PRONOUNS,
    UNNAMED_SOURCE,
    KnownSpeaker,
    Resolution,
)
from claims.nlp.token_index import capitalised


class SpeakerBook(PronounResolver, DescriptionResolver, OrganisationResolver):
    """The speakers of one article, filled as attributions are resolved in text order."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.speakers: list[KnownSpeaker] = []
        self._by_key: dict[tuple[str, str], int] = {}
        self.entities = ArticleEntities(doc)
        self._people = self.entities.person_spans
        self._full_names = _earliest_full_names(self._people)
        self._person_by_root = {span.root.i: span for span in self._people}
        # Words the article capitalises inside a sentence: names, whatever a headline makes
        # of them.
        self._names_inside = {token.lower_ for token in capitalised(doc) if not opens(token)}

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
        named = self._named_in_apposition(mention)
        if named is not None:
            return self._together(mention, named) or self._person(named, name_words(named))
        together = self._together(mention, self._person_by_root.get(mention.root.i))
        if together is not None:
            return together
        named_organisation = self._organisation_in_apposition(mention)
        if named_organisation is not None:
            return self._non_person(named_organisation)
        person = self._person_name(mention)
        if person is not None:
            return self._person(mention, person)
        spokes = self._spokesperson(mention)
        if spokes is not None:
            return spokes
        holder = self._bound_role(mention) or self._introduced_later(mention)
        if holder is not None:
            return holder
        if self._is_role_noun(mention):
            return self._role_noun(mention) or self._unnamed(mention, UNNAMED_SOURCE)
        described = self._description(mention) or self._described_person(mention)
        if described is not None:
            return described
        return self._non_person(mention)

    # --- people ---------------------------------------------------------------------------

    def _organisation_in_apposition(self, mention: Span) -> Span | None:
        """ "the aid group Gatsby", "the firm, Acme,": the name, not the kind of body."""
        root = mention.root
        if root.pos_ != "NOUN" or root.lemma_.lower() not in ORGANISATION_NOUNS:
            return None
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i and child.pos_ == "PROPN":
                return self.doc[child.left_edge.i : child.i + 1]
        return None

    def _named_in_apposition(self, mention: Span) -> Span | None:
        """ "His father, Ann Cole," or "an official named Ann Cole": the name, not the role."""
        root = mention.root
        if root.pos_ != "NOUN":
            return None
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i:
                found = self._person_by_root.get(child.i)
                if found is not None:
                    return found
        for token in root.subtree:  # "an official in Bath named Ann Cole"
            if token.i > root.i and token.dep_ == "acl" and token.lemma_ in ("name", "identify"):
                for named in token.children:
                    found = self._person_by_root.get(named.i)
                    if found is not None and named.dep_ in ("oprd", "dobj", "attr", "xcomp"):
                        return found
        return None

    def _together(self, mention: Span, first: Span | None) -> Resolution | None:
        """ "Ann and Bo Cole said", "Cole and Dahl have said": the people, as one group."""
        if first is None:
            return None
        spans, token = [first], first.root
        while True:
            conj = next((c for c in token.children if c.dep_ == "conj"), None)
            found = self._person_by_root.get(conj.i) if conj is not None else None
            if found is None:
                break
            spans.append(found)
            token = conj
        if len(spans) < 2:
            return None
        names = [self._full_name(name_words(span)) for span in spans]
        surname = names[-1].split()[-1] if len(names[-1].split()) > 1 else ""
        names = [f"{n} {surname}" if surname and len(n.split()) == 1 else n for n in names]
        name = ", ".join(names[:-1]) + " and " + names[-1]
        index = self._get_or_add("group", name)
        self._note(index, mention.text, mention.start_char)
        return Resolution(index, f"named people {name}, together", "name")

    def _full_name(self, words: list[str]) -> str:
        entity = self.entities.person_for(words)
        return entity.name if entity is not None else " ".join(words)

    def _person_name(self, mention: Span) -> list[str] | None:
        """The words of the person's name in the mention, or None when it names no one.

        A possessor is not the one named: "Cole's lawyer" is the lawyer, not Cole.
        """
        # The article's person spans (``ArticleEntities.person_spans``), read once, instead
        # of ``mention.ents`` (which walks every entity of the Doc on each call).
        people = [
            e
            for e in self._people
            if mention.start <= e.start and e.end <= mention.end and not _possessor(e, mention)
        ]
        if people:  # the name the phrase is about: "Bath MP Ann Cole", not "Bath"
            head = [e for e in people if e.start <= mention.root.i < e.end]
            return name_words(head[0] if head else people[0])
        propn = [t for t in mention if t.pos_ == "PROPN" and t.text[:1].isupper()]
        if propn and propn[-1].text in self._full_names and not _has_possessor(mention):
            tail = propn[-1]
            words = [t.text for t in mention[: tail.i - mention.start + 1] if t.pos_ == "PROPN"]
            if tail.ent_type_ == "PERSON" or len(words) <= 2:
                return [w for w in words if w.lower() not in ROLE_WORDS] or [tail.text]
        if (
            len(propn) == 1
            and not people
            and self.entities.person_for([propn[0].text], before=mention.start_char)
        ):
            return [propn[0].text]  # a first name the article gave in full ("Ann" for Ann Cole)
        return None

    def _person(self, mention: Span, name_words: list[str]) -> Resolution:
        words = [t.text for t in mention if not t.is_punct]
        parts = split_person_phrase(words, name_words)
        entity = self.entities.person_for(parts.name.split(), before=mention.start_char)
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
        """The latest speaker whose role fits a singular role noun ("the senator")."""
        if mention.root.tag_ == "NNS":
            return None
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
        """ "the mayor", "the lawyer": the person the article bound that role noun to (never
        "officials" or "the lawyers", which are more than the one person)."""
        root = mention.root
        bare = len(mention) == 1
        owned = _has_possessor(mention)  # "his father", "Cole's lawyer"
        if root.pos_ != "NOUN" or not (bare or owned or mention[0].lower_ in DEFINITE):
            return None
        if root.tag_ == "NNS":
            return None
        if not owned and any(t.ent_type_ == "PERSON" for t in mention):
            return None
        holder = self.entities.role_holder(root.lemma_.lower(), before=mention.start_char)
        if holder is None:
            return None
        index = self._get_or_add("person", holder.name)
        self._note(index, mention.text, mention.start_char)
        return Resolution(
            index, f"role noun '{mention.text}' → {holder.name}, named with that role", "role"
        )

    # --- bookkeeping ----------------------------------------------------------------------

    def _get_or_add(self, kind: str, name: str) -> int:
        key = (kind, name.lower())
        if key not in self._by_key:
            self._by_key[key] = len(self.speakers)
            self.speakers.append(KnownSpeaker(name=name, kind=kind))
        return self._by_key[key]

    def _note(self, index: int, surface: str, position: int) -> None:
        speaker = self.speakers[index]
        if surface not in speaker.aliases:
            speaker.aliases.append(surface)
        speaker.last_seen = max(speaker.last_seen, position)


def _earliest_full_names(people: list[Span]) -> dict[str, str]:
    """Surname → the earliest multi-word form of that person in the article."""
    full: dict[str, str] = {}
    for ent in people:
        words = name_words(ent)
        if len(words) > 1 and words[-1] not in full:
            full[words[-1]] = " ".join(words)
    return full


def _has_possessor(mention: Span) -> bool:
    root = mention.root
    return root.pos_ == "NOUN" and any(c.dep_ == "poss" for c in root.children)


def _possessor(name: Span, mention: Span) -> bool:
    """Whether ``name`` owns the mention's head noun ("Cole's" in "Cole's lawyer")."""
    root = mention.root
    return root.pos_ == "NOUN" and name.root.dep_ == "poss" and name.root.head.i == root.i
