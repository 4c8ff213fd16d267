"""Organisations, groups and unnamed sources: "a State Department spokesperson", "the
agency", "a statement from the ministry", "investigators", a page label.

A mixin of ``speakers.SpeakerBook``, which holds the speakers and the article's entities.
"""

from __future__ import annotations

from spacy.tokens import Span, Token
from wordfreq import zipf_frequency

from claims.nlp.cues import SPEECH_VERBS
from claims.nlp.entities import Entity
from claims.nlp.names import (
    ANONYMOUS_HEADS,
    ORGANISATION_HEADS,
    ORGANISATION_LABELS,
    ORGANISATION_NOUNS,
    PLACE_NOUNS,
)
from claims.nlp.spans import doc_text, ents_within, mention_of
from claims.nlp.speaker_mentions import (
    CARRIER_NOUNS,
    DEFINITE,
    EVIDENCE_NOUNS,
    INDEFINITE,
    ISSUING_VERBS,
    MESSAGE_NOUNS,
    PAGE_LABELS,
    SPOKES_NOUNS,
    UNNAMED_DOCUMENT,
    UNNAMED_SOURCE,
    Resolution,
)

# A word at least this common in English (Zipf scale: "witness" 4.3, "resident" 4.4) is a
# common noun when only its place capitalises it.
COMMON_WORD_ZIPF = 4.0
# How many line breaks back "the post" may find the post someone wrote in.
CARRIER_REACH_LINES = 3


class OrganisationResolver:
    """The organisation, group and unnamed-source half of ``SpeakerBook``."""

    def _unnamed(self, mention: Span, name: str) -> Resolution:
        """A source the article does not name: kept under the unnamed speaker of its kind."""
        kind = "document" if name == UNNAMED_DOCUMENT else "anonymous"
        index = self._get_or_add(kind, name)
        self._note(index, mention.text, mention.start_char)
        return Resolution(
            index, f"'{mention.text}' names no one in the article: {name.lower()}", "description"
        )

    def _is_label(self, mention: Span) -> bool:
        """A headline or caption label ("WATCH", "ANALYSIS") or page furniture ("Story")."""
        return mention.text.strip(" :").lower() in PAGE_LABELS

    def _entity_index(self, entity: Entity) -> int:
        kind = "person" if entity.kind == "person" else "organisation"
        return self._get_or_add(kind, entity.name)

    def _spokesperson(self, mention: Span) -> Resolution | None:
        """ "a State Department spokesperson", "an official with the Harbour Authority": the
        organisation speaks through them (named in the mention or in the phrase its head
        noun governs, which the mention may leave out)."""
        root = mention.root
        if root.lemma_.lower() not in SPOKES_NOUNS | {"official"}:
            return None
        org = next((e for e in ents_within(mention) if e.label_ in ("ORG", "GPE")), None)
        if org is None:
            org = _organisation_after(root)
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
        owned = any(c.dep_ == "poss" for c in root.children)
        if root.pos_ != "NOUN" and not (root.pos_ == "PROPN" and owned):
            return None  # "the city's Street Needs Assessment": still the city's document
        if noun in EVIDENCE_NOUNS | CARRIER_NOUNS:
            unnamed = UNNAMED_DOCUMENT if noun in EVIDENCE_NOUNS else UNNAMED_SOURCE
            found = self._owner(mention) or self._earlier_carrier(mention)
            if found is None and noun in MESSAGE_NOUNS:
                found = self._speaker_just_before(mention)
            return found or self._unnamed(mention, unnamed)
        if root.pos_ != "NOUN" or any(t.pos_ == "PROPN" for t in mention):
            return None
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
        for child in reversed(list(root.lefts) if root.pos_ == "NOUN" else []):
            # "the Globe report", "an August PBO report": the name before the document owns it
            if child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ != "DATE":
                found = self.resolve(self.doc[child.left_edge.i : child.i + 1])
                kind = self.speakers[found.speaker].kind if found.speaker is not None else ""
                if kind in ("person", "organisation"):
                    return found
        for child in root.children:
            if child.dep_ == "poss" and child.i < root.i:
                owner = self.doc[child.left_edge.i : child.i + 1]
                if owner[-1].tag_ == "POS":
                    owner = owner[:-1]
                if len(owner):
                    found = self.resolve(owner)
                    return found if found.speaker is not None else None
            if child.dep_ == "prep" and child.lower_ == "in":
                # "a report in The Daily Planet": the paper that published it, not a place
                # or a month ("a report in Ottawa", "a study in March")
                outlet = next(
                    (c for c in child.children if c.dep_ == "pobj" and c.ent_type_ == "ORG"),
                    None,
                )
                if outlet is not None:
                    found = self.resolve(self.doc[outlet.left_edge.i : outlet.right_edge.i + 1])
                    if found.speaker is not None:
                        return found
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    obj = objects[0]
                    found = self.resolve(self.doc[obj.left_edge.i : obj.right_edge.i + 1])
                    return found if found.speaker is not None else None
            if child.dep_ == "acl" and child.lemma_.lower() in ISSUING_VERBS:
                # "a statement released by the office", "an e-mail sent by Ann Cole"
                agent = next((c for c in child.children if c.dep_ == "agent"), None)
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                if obj is not None:
                    found = self.resolve(self.doc[obj.left_edge.i : obj.right_edge.i + 1])
                    return found if found.speaker is not None else None
        return None

    def _earlier_carrier(self, mention: Span) -> Resolution | None:
        """ "Ann Cole stated in a blog post that … . According to the post, …": a definite
        message or paper is the one the article gave a source before, the subject of the
        verb it was said in ("said in a statement") or that issued it ("released a letter")."""
        if mention[0].lower_ not in DEFINITE:
            return None
        noun = mention.root.lemma_.lower()
        lines = 0
        for token in reversed(self.doc[: mention.start]):
            lines += "\n" in token.text
            if lines > CARRIER_REACH_LINES:
                return None
            lemma = token.lemma_.lower()
            if token.pos_ != "NOUN" or lemma != noun:
                if lemma in EVIDENCE_NOUNS | CARRIER_NOUNS and token.dep_ == "nsubj":
                    return None  # "A study by … . … the report said": another document
                continue
            verb = None
            if (
                token.dep_ == "pobj"
                and token.head.lower_ == "in"
                and token.head.head.lemma_ in SPEECH_VERBS
            ):
                verb = token.head.head
            elif token.dep_ == "dobj" and token.head.lemma_.lower() in ISSUING_VERBS:
                verb = token.head
            subject = None
            if verb is not None:
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue  # "the post read": look further back for where it was written
            found = self.resolve(mention_of(subject))
            if found.speaker is None or self.speakers[found.speaker].kind not in (
                "person",
                "organisation",
            ):
                return None
            self._note(found.speaker, mention.text, mention.start_char)
            name = self.speakers[found.speaker].name
            return Resolution(found.speaker, f"'{mention.text}' → {name}, its source", "role")
        return None

    def _speaker_just_before(self, mention: Span) -> Resolution | None:
        """ "The aid group Gatsby said … . A statement said …": a statement (an e-mail, a
        letter) whose owner goes unsaid is that of the one speaker of the sentence before."""
        sentence = mention.sent
        if sentence.start == 0 or any(c.dep_ == "poss" for c in mention.root.children):
            return None
        before = self.doc[sentence.start - 1].sent
        if "\n" in doc_text(self.doc)[before.start_char : sentence.start_char]:
            return None  # another paragraph (or a headline)
        there = {
            index
            for index, speaker in enumerate(self.speakers)
            if speaker.kind in ("person", "organisation")
            and before.start_char <= speaker.last_seen < before.end_char
        }
        if len(there) != 1:
            return None
        index = there.pop()
        self._note(index, mention.text, mention.start_char)
        name = self.speakers[index].name
        return Resolution(index, f"'{mention.text}' → {name}, who spoke just before", "role")

    def _non_person(self, mention: Span) -> Resolution:
        root = mention.root
        determiner = mention[0].lower_
        text = mention.text
        if root.lower_ in ANONYMOUS_HEADS and (determiner in INDEFINITE or root.i == mention.start):
            return self._unnamed(mention, UNNAMED_SOURCE)
        # "Witness says …" atop a page: the tagger's name (even its ORG) is the capital letter.
        by_place = self._capitalised_by_place(root)
        entity = None
        if not by_place:
            entity = next((ent for ent in ents_within(mention) if ent.root.i == root.i), None)
            entity = entity or _organisation_running_on(mention)
        label = entity.label_ if entity is not None else ""
        plural_people = label == "NORP" and root.tag_ in ("NNPS", "NNS")  # "Republicans"
        proper = root.pos_ == "PROPN" and not by_place
        if (label in ORGANISATION_LABELS and not plural_people) or (
            root.lemma_.lower() in ORGANISATION_HEADS or proper
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
        if (entity is None and not proper) or not any(word[:1].isupper() for word in name.split()):
            return self._unnamed(mention, UNNAMED_SOURCE)  # "investigators", "the company"
        index = self._get_or_add(kind, name)
        self._note(index, text, mention.start_char)
        return Resolution(index, f"{kind} '{name}'", method)

    def _capitalised_by_place(self, token: Token) -> bool:
        """A common word the tagger read as a name only because it opens a headline or a
        sentence ("Witness says …"): first of its line or sentence, in no entity or alone in
        an ORG, capitalised and otherwise lower case, common as an English word, and
        capitalised nowhere else in the article."""
        doc = token.doc
        # In no entity, or alone in an ORG one (the tagger's guess); "Democrats" (NORP) stays.
        alone = token.ent_type_ in ("", "ORG") and (
            token.ent_iob_ != "I" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")
        )
        return (
            opens(token)
            and alone
            and token.text[:1].isupper()
            and token.text[1:].islower()
            and token.lower_ not in self._names_inside
            and zipf_frequency(token.lower_, "en") >= COMMON_WORD_ZIPF
        )


def opens(token: Token) -> bool:
    """Whether ``token`` is the first of its sentence or of its line (a headline the parser
    ran into the next line)."""
    return token.is_sent_start or token.i == 0 or "\n" in token.doc[token.i - 1].text_with_ws


def _strip_article(text: str) -> str:
    for article in ("the ", "The "):
        if text.startswith(article):
            return text[len(article) :]
    return text


def _organisation_after(noun: Token) -> Span | None:
    """The organisation in "an official with/for/from/at the Harbour Authority"."""
    for prep in noun.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("with", "for", "from", "at", "of"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            phrase = noun.doc[obj.left_edge.i : obj.right_edge.i + 1]
            found = next((e for e in ents_within(phrase) if e.label_ in ("ORG", "GPE")), None)
            if found is not None:
                return found
    return None


def _organisation_running_on(mention: Span) -> Span | None:
    """The organisation a mention cut short: "the National Institute" of "according to the
    National Institute on Drug Abuse", its name running on past the mention's end."""
    doc = mention.doc
    last = doc[mention.end - 1]
    if mention.end >= len(doc) or last.ent_type_ != "ORG" or doc[mention.end].ent_iob_ != "I":
        return None
    start = last.i
    while start > mention.start and doc[start].ent_iob_ == "I":
        start -= 1
    if doc[start].ent_iob_ != "B":
        return None
    end = mention.end
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if any(t.is_punct for t in doc[mention.end : end]):
        return None  # "according to Politico, Democratic party insiders …": two names
    return Span(doc, start, end, label="ORG")
