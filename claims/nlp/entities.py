"""The article's entity layer: clusters of the mentions of one person or organisation.

Built once per parsed article, before any attribution is resolved, from spaCy's named
entities and the parse around them:

- people: a full name, its surname alone and its first name alone are one person; a role
  noun bound to a name ("Mayor Ann Cole", "Ann Cole, the mayor of Bath", "lawyer Ann
  Cole") lets "the mayor" or "the lawyer" find her later; gender comes from the article
  first (Mr./Ms., "his"/"her" used of the name) and from the first-name lexicon after;
- organisations: an acronym defined in brackets ("Office of Fair Trading (OFT)") or spelled
  by the initials of a name the article gives, and a short name that starts a longer one
  ("Acme" for "Acme Holdings"), are the same organisation; a description ("the agency",
  "the company", "the city") goes to the organisation or place the article named last.

Everything here is plain spaCy; ``speakers.SpeakerBook`` uses it to resolve mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claims.nlp.gender import FEMALE, MALE, first_name_gender, is_surname_like
from claims.nlp.names import PLACE_NOUNS, ROLE_FITS
from claims.nlp.people import name_words, person_spans, pronoun_vote, untagged_runs
from claims.nlp.spans import doc_text
from claims.nlp.token_index import line_numbers, tokens_tagged

FEMALE_HONORIFICS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "dame", "madam"})
MALE_HONORIFICS = frozenset({"mr", "mr.", "sir"})

# Descriptions that name the organisation only when the article's name for it holds the noun
# ("the government" is "the Government of Canada", never the last company named).
NAMED_ONLY = frozenset({"government", "administration", "party", "force", "group", "office"})

_ACRONYM_DEFINITION = re.compile(
    r"(?P<full>[A-Z][\w.&'’-]*(?:,?\s+(?:of|and|for|the|on|de|du|des|la|&|[A-Z][\w.&'’-]*))+)"
    r"\s*\((?P<acronym>[A-Z][A-Za-z&.]{1,9})\)"
)
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "de", "du", "des", "la", "&"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(slots=True)
class Entity:
    """One person, organisation or place of the article, with where it is mentioned."""

    kind: str  # "person", "organisation" or "place"
    name: str  # the canonical name: the earliest full form the article gives
    gender: str = ""
    roles: set[str] = field(default_factory=set)  # role nouns bound to it: "mayor", "lawyer"
    acronyms: set[str] = field(default_factory=set)
    mentions: list[tuple[int, bool]] = field(default_factory=list)  # (offset, is a subject)

    @property
    def first_name(self) -> str:
        words = self.name.split()
        return words[0] if len(words) > 1 else ""

    def last_mention_before(self, offset: int, *, subjects_only: bool = False) -> int:
        seen = [
            at for at, subject in self.mentions if at < offset and (subject or not subjects_only)
        ]
        return max(seen, default=-1)


class ArticleEntities:
    """The people, organisations and places of one parsed article."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.people: list[Entity] = []
        self.organisations: list[Entity] = []
        self._surnames: dict[str, Entity] = {}
        self._people_by_name: dict[str, Entity] = {}
        self._orgs_by_name: dict[str, Entity] = {}
        # The spans naming a person, PERSON entities corrected by the article (``people``).
        runs = untagged_runs(doc)
        self.person_spans = person_spans(doc, runs)
        self._build_people(self.person_spans)
        named = {i for span in self.person_spans for i in range(span.start, span.end)}
        self._build_organisations(
            [
                ent
                for ent in doc.ents
                if ent.label_ in ("ORG", "GPE") and named.isdisjoint(range(ent.start, ent.end))
            ],
            [run for run in runs if named.isdisjoint(range(run.start, run.end))],
        )

    # --- people ---------------------------------------------------------------------------

    def _build_people(self, ents: list[Span]) -> None:
        named = [(ent, name_words(ent)) for ent in ents]
        named = [(ent, words) for ent, words in named if words and words[-1][:1].isupper()]
        for _, words in named:  # full names first, so a lone surname finds its person
            if len(words) < 2:
                continue
            known = self._surnames.get(words[-1])
            if known is None:
                self._surnames[words[-1]] = self._add_person(" ".join(words))
            elif len(words) > len(known.name.split()) and " ".join(words).endswith(known.name):
                # "Al Basha" named before "Abir Al Basha": a surname with a particle, one person
                known.name = " ".join(words)
                self._people_by_name[known.name.lower()] = known
        votes: dict[int, list[str]] = {}
        lines = _verbless_lines(ents[0].doc) if ents else ([], set())
        for ent, words in named:
            person = self.person_for(words, before=ent.start_char)
            if person is None:
                person = self._add_person(" ".join(words))
            if _is_byline(ent, lines):
                continue  # "By Ann Cole, CBC News": the author, never "she" in the story
            person.mentions.append((ent.start_char, _is_subject(ent.root)))
            person.roles.update(_bound_roles(ent))
            votes.setdefault(id(person), []).extend(_gender_votes(ent))
        for person in self.people:
            person.gender = _weigh(votes.get(id(person), []), self._lexicon_gender(person))

    def _lexicon_gender(self, person: Entity) -> str:
        """The first-name lexicon's gender for a person named in full, unless their first
        name is more a surname than a first name: in the census ("Reagan Ruslim"), or in
        the article, as another person's surname. A lone word may be a surname: none."""
        first = person.first_name
        if not first or first in self._surnames or is_surname_like(first):
            return ""
        return first_name_gender(first)

    def _add_person(self, name: str) -> Entity:
        person = self._people_by_name.get(name.lower())
        if person is None:
            person = Entity(kind="person", name=name)
            self.people.append(person)
            self._people_by_name[name.lower()] = person
        return person

    def person_for(self, words: list[str], *, before: int = -1) -> Entity | None:
        """The person these name words are: by full name, surname, or a first name: the one
        person who has it, or of several, the one named last before ``before`` (when given:
        "Hannah" after "Hannah Berg" in an article that also names Hannah Gale)."""
        if not words:
            return None
        full = self._people_by_name.get(" ".join(words).lower())
        if full is not None:
            return full
        by_surname = self._surnames.get(words[-1])
        if by_surname is not None:
            if by_surname.name.endswith(" " + " ".join(words)):
                return by_surname  # "Al Basha" of "Abir Al Basha"
            if len(words) > 1 and by_surname.first_name and by_surname.first_name != words[0]:
                return None  # another member of the family
            return by_surname
        if len(words) == 1:
            firsts = [p for p in self.people if p.first_name == words[0]]
            if len(firsts) == 1:
                return firsts[0]
            if firsts and before >= 0:
                latest = [(p.last_mention_before(before), p) for p in firsts]
                latest = [(at, p) for at, p in latest if at >= 0]
                if latest:
                    return max(latest, key=lambda pair: pair[0])[1]
        return None

    def gender_of(self, name: str) -> str:
        person = self._people_by_name.get(name.lower())
        return person.gender if person is not None else ""

    def person_before(self, offset: int, *, gender: str, strict: bool = False) -> Entity | None:
        """The person of a compatible gender whose name came last before ``offset``.

        A subject mention ("Cole said", "Cole, who…") outranks a name met in passing, and a
        lone word of unknown gender ("Surrey", often a place read as a name) comes last.
        """
        fitting = [
            p for p in self.people if p.gender == gender or (p.gender == "" and p.first_name)
        ]
        weak = [p for p in self.people if p.gender == "" and not p.first_name]
        return self._latest(fitting, offset) or self._latest(weak, offset)

    @staticmethod
    def _latest(fitting: list[Entity], offset: int) -> Entity | None:
        for subjects_only in (True, False):
            seen = [
                (p.last_mention_before(offset, subjects_only=subjects_only), p) for p in fitting
            ]
            seen = [(at, p) for at, p in seen if at >= 0]
            if seen:
                return max(seen, key=lambda pair: pair[0])[1]
        return None

    def role_holder(self, noun: str, *, before: int) -> Entity | None:
        """The person the article bound the role ``noun`` to, the latest named before ``before``."""
        fits = ROLE_FITS.get(noun, (noun,))
        holders = [
            p for p in self.people if noun in p.roles or any(f and f in p.roles for f in fits)
        ]
        if not holders:
            return None
        earlier = [(p.last_mention_before(before), p) for p in holders]
        earlier = [(at, p) for at, p in earlier if at >= 0]
        if earlier:
            return max(earlier, key=lambda pair: pair[0])[1]
        return holders[0] if len(holders) == 1 else None

    def only_holder(self, noun: str) -> Entity | None:
        """The one person the article binds the role ``noun`` to, if there is only one."""
        fits = ROLE_FITS.get(noun, (noun,))
        holders = [
            p for p in self.people if noun in p.roles or any(f and f in p.roles for f in fits)
        ]
        return holders[0] if len(holders) == 1 and holders[0].mentions else None

    # --- organisations ----------------------------------------------------------------------

    def _build_organisations(self, ents: list[Span], runs: list[Span]) -> None:
        """Organisations and places from their entities, and from the untagged ``runs`` of
        the same names (one sense per article: "Facebook said" where the tagger saw none)."""
        for ent in ents:
            name = organisation_name(ent.text)
            if not any(word[:1].isupper() for word in name.split()):
                continue  # "federal department": a description, not a name
            kind = "place" if ent.label_ == "GPE" else "organisation"
            org = self._orgs_by_name.get(name.lower())
            if org is None:
                org = Entity(kind=kind, name=name)
                self.organisations.append(org)
                self._orgs_by_name[name.lower()] = org
            elif org.name.isupper() and not name.isupper() and len(name) > 5:
                org.name = name  # "MOSCOW —" opened the article; the city is "Moscow"
            org.mentions.append((ent.start_char, _is_main_subject(ent.root)))
        for run in runs:
            org = self._orgs_by_name.get(organisation_name(run.text).lower())
            if org is not None:
                org.mentions.append((run.start_char, _is_main_subject(run.root)))
                org.mentions.sort()
        for match in _ACRONYM_DEFINITION.finditer(doc_text(self.doc)):
            self._bind_acronym(match.group("acronym"), match.group("full"), match.start())
        for org in list(self.organisations):
            if org.kind != "organisation":
                continue
            words = org.name.split()
            if _is_acronym(org.name):
                longer = [
                    o for o in self.organisations if o is not org and _initials(o.name) == org.name
                ]
                if len(longer) == 1:
                    self._merge(org, into=longer[0], acronym=org.name)
            elif len(words) == 1:
                longer = [
                    o
                    for o in self.organisations
                    if o.kind == "organisation" and o.name.split()[:1] == words and o is not org
                ]
                if len(longer) == 1:
                    self._merge(org, into=longer[0])

    def _bind_acronym(self, acronym: str, full: str, position: int) -> None:
        wanted = acronym.replace(".", "").upper()
        words = full.strip(" ,").split()
        # The definition may start mid-sentence ("Yesterday the Office of Fair Trading (OFT)"):
        # keep the longest tail whose initials spell the acronym.
        tails = (" ".join(words[start:]) for start in range(len(words)))
        tail = next((t for t in tails if _initials(t) == wanted), "")
        tail = organisation_name(tail)
        if not tail:
            return
        org = self._orgs_by_name.get(tail.lower())
        if org is None:
            org = Entity(kind="organisation", name=tail)
            self.organisations.append(org)
            self._orgs_by_name[tail.lower()] = org
        org.mentions.append((position, False))
        org.mentions.sort()
        short = self._orgs_by_name.get(acronym.lower())
        if short is not None and short is not org:
            self._merge(short, into=org, acronym=acronym)
        else:
            org.acronyms.add(acronym)
            self._orgs_by_name[acronym.lower()] = org

    def _merge(self, short: Entity, *, into: Entity, acronym: str = "") -> None:
        into.mentions.extend(short.mentions)
        into.mentions.sort()
        if acronym:
            into.acronyms.add(acronym)
        for key, org in list(self._orgs_by_name.items()):
            if org is short:
                self._orgs_by_name[key] = into
        if short in self.organisations:
            self.organisations.remove(short)

    def organisation_for(self, text: str) -> Entity | None:
        """The organisation or place ``text`` names, through its acronym or short name too."""
        return self._orgs_by_name.get(organisation_name(text).lower())

    def described(self, noun: str, *, before: int) -> Entity | None:
        """The organisation or place a description ("the agency", "the city") stands for.

        An organisation whose name holds the noun ("the department" for "the State
        Department") wins; otherwise the one named last before ``before``, as a subject first.
        """
        kind = "place" if noun in PLACE_NOUNS else "organisation"
        fitting = [o for o in self.organisations if o.kind == kind]
        holding = [o for o in fitting if noun in o.name.lower().split()]
        if noun in NAMED_ONLY or holding:
            fitting = holding
        return self._latest(fitting, before)

    def organisation_before(self, offset: int) -> Entity | None:
        """The organisation named last before ``offset``, as a subject first (for "it")."""
        return self._latest([o for o in self.organisations if o.kind == "organisation"], offset)


def organisation_name(text: str) -> str:
    """ "the State Department's" → "State Department"."""
    text = text.strip(" ,.")
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    for article in ("the ", "The "):
        text = text.removeprefix(article)
    return text.strip()


def _initials(name: str) -> str:
    words = re.split(r"[\s,]+", name)
    return "".join(w[0] for w in words if w and w.lower() not in _SMALL_WORDS and w[0].isupper())


def _is_subject(token: Token) -> bool:
    """A subject, or a name joined to one ("Ann Cole and Bo Dahl said")."""
    return token.dep_ in _SUBJECTS or (token.dep_ == "conj" and token.head.dep_ in _SUBJECTS)


def _is_main_subject(token: Token) -> bool:
    """The subject of a sentence's main verb: "Acme said Bolt had left" is about Acme."""
    return token.dep_ in _SUBJECTS and token.head.dep_ in ("ROOT", "conj")


def _verbless_lines(doc: Doc) -> tuple[list[int], set[int]]:
    """The line each token starts on, and the lines with no verb, found once per Doc
    (reading ``doc.text`` per name made long articles quadratic)."""
    line_of = line_numbers(doc)
    with_verb = {line_of[token.i] for token in tokens_tagged(doc, ("VERB", "AUX"))}
    return line_of, set(range(doc_text(doc).count("\n") + 1)) - with_verb


def _is_byline(ent: Span, lines: tuple[list[int], set[int]]) -> bool:
    """A name on a line with no verb ("By Ann Cole", "Ann Cole · CBC News")."""
    line_of, verbless = lines
    return line_of[ent.start] in verbless


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def _bound_roles(ent: Span) -> set[str]:
    """Role nouns the parse binds to a name: "Mayor X", "lawyer X", "X, the mayor", "X is a nurse"."""
    roles: set[str] = set()
    doc = ent.doc
    index = ent.start - 1
    while index >= 0 and ent.start - index <= 5:
        token = doc[index]
        if token.pos_ not in ("NOUN", "PROPN", "ADJ") or token.ent_type_ == "PERSON":
            break
        if token.pos_ != "ADJ":
            # The title's head is the word next to the name: "Justice Minister X" is a
            # minister, not a justice.
            roles.add(token.lemma_.lower())
            break
        index -= 1
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            roles.add(child.lemma_.lower())
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        roles.add(root.head.lemma_.lower())
    if root.dep_ in _SUBJECTS and root.head.lemma_ == "be":
        roles.update(
            c.lemma_.lower() for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"
        )
    return roles


def _weigh(votes: list[str], lexicon: str) -> str:
    """The article's votes (an honorific counts three, a pronoun one) against the lexicon's 1.5."""
    score = {MALE: 0.0, FEMALE: 0.0}
    for vote in votes:
        score[vote.removesuffix("!")] += 3 if vote.endswith("!") else 1
    if lexicon:
        score[lexicon] += 1.5
    if score[MALE] == score[FEMALE]:
        return ""
    return MALE if score[MALE] > score[FEMALE] else FEMALE


def _gender_votes(ent: Span) -> list[str]:
    """What the article says of this mention's gender: an honorific, or a pronoun used of it."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    first = ent[0].lower_
    for word in (before, first):
        if word in FEMALE_HONORIFICS:
            return [FEMALE + "!"]
        if word in MALE_HONORIFICS:
            return [MALE + "!"]
    vote = pronoun_vote(ent)
    return [vote] if vote else []
