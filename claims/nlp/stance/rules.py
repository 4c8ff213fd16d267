"""Infers speakers' stances on topics from their statements, by reading the dependency parse.

For every topic a statement names (the ``TopicTagger``'s mentions), ``read_position`` climbs
the parse from the mention towards the statement's root and stops at the first word that
expresses a position on it:

- support and necessity favour their complement ("it is necessary to block ...", "the
  importance of reinforcing cooperation", "we welcome ...");
- concern, condemnation and pejorative acts are against their object and its agent
  ("concerned with the ... interference of the United States", "exerting pressure on ...",
  "the so-called partnership");
- demanded scrutiny is against its object ("the proposals need to be carefully analyzed");
- on the way up, an act against something turns the position around ("necessary to block
  the supply channels" is against the supply), unless the topic is only the place where the
  act happens ("... to terrorists in Afghanistan" is a position *for* acting in Afghanistan);
- a topic inside an unrelated phrase ("cooperation with Central Asian countries") or that is
  the holder of the position ("Russia is concerned ...") gets no stance;
- negation flips a position at lower confidence, hedges lower it, intensifiers raise it.

A topic that is only mentioned gets no stance at all: a neutral record per mention would bury
the positions a reviewer has to check under non-positions. ``neutral`` is kept for mixed
evidence (see ``aggregate``). Scorers are pluggable through the ``StanceScorer`` protocol.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claims.nlp import stance_cues as cues
from claims.nlp.records import SpeakerInfo, StanceRecord, StatementRecord
from claims.nlp.stance.base import MAX_CONFIDENCE, Reading, aggregate, observe

RULE_VERSION = "1.3.1"

SUBJECT_ARCS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
COMPLEMENT_ARCS = frozenset(
    {"dobj", "ccomp", "xcomp", "prep", "pobj", "pcomp", "attr", "oprd", "dative", "acl", "advcl"}
)
# Prepositions that put a named place or organisation where an act happens.
SETTING_PREPOSITIONS = frozenset({"in", "within", "inside", "across", "throughout", "into", "on"})
PLACE_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})
# Prepositions that attach a topic as a side participant, not as what a position is about.
DETACHING_PREPOSITIONS = frozenset(
    {"with", "for", "about", "from", "between", "among", "under", "without", "like", "than",
     "except", "including", "besides"}
)  # fmt: skip
# Causes and circumstances never say what a position is about, even next to a cue
# ("defend gun rights because of the attacks").
CIRCUMSTANCE_PREPOSITIONS = frozenset(
    {"because", "due", "amid", "during", "following", "given", "despite", "after", "before",
     "since"}
)  # fmt: skip
EXPLETIVES = frozenset({"it", "this", "that", "there"})
# Acts against what they govern turn a position around on the way up: the diplomatic counter
# acts, and the acts and nouns that suppress their object in the composition ("market
# regulation is important" is against the market). Harms ("a threat to X") value X instead.
COUNTERING = cues.COUNTER_ACTS | cues.SUPPRESSING_ACTS | (cues.SUPPRESSING_NOUNS - cues.HARMS)

# Base confidence of each kind of cue: how often such a cue states a position in news text.
BASE_CONFIDENCE = {
    "verb": 0.8,
    "feeling": 0.75,
    "evaluation": 0.7,
    "noun": 0.7,
    "hostile": 0.65,
    "modifier": 0.6,
    "reveal": 0.6,
    "scrutiny": 0.55,
}
NEGATION_FACTOR = 0.6
HEDGE_FACTOR = 0.7
INDIRECT_FACTOR = 0.85  # the position reached the topic through a counter-act or a setting
INTENSIFIER_BONUS = 0.1
MAX_TARGET_TOKENS = 25


@dataclass(frozen=True, slots=True)
class _Cue:
    polarity: str
    kind: str
    anchor: Token  # the word the position hangs on
    words: tuple[Token, ...]  # the words that express it
    scope: Token  # the root of what the position is about


class _Holder:
    """The mention holds the position ("Russia is concerned ..."): it gets none itself."""


HOLDER = _Holder()


class RuleStanceScorer:
    """The cue rules alone; needs the ``TopicTagger`` to have run on the Doc."""

    name = "rule"
    version = RULE_VERSION
    requires = ("doc.spans['topics']", "token.dep", "token.lemma")
    assigns = ()

    def infer(
        self,
        doc: Doc,
        *,
        statements: Sequence[StatementRecord],
        speakers: Sequence[SpeakerInfo],
    ) -> list[StanceRecord]:
        observations = observe(
            doc,
            statements,
            speakers,
            lambda found: read_position(found.mention, found.statement, holders=found.holders),
        )
        return aggregate(observations, version=self.version)


def read_position(
    mention: Span, statement: Span, *, holders: frozenset[str] | None = None
) -> Reading | None:
    """The position ``statement`` takes on the topic named by ``mention``, if it takes one.

    ``holders`` are the words naming the speaker (``speaker_words``); a stance verb or
    feeling whose subject is someone else ("Trump criticized ...") is that person's position,
    not the speaker's, and gives none. None accepts any subject.
    """
    root = mention.root
    own = _own_cue(root)
    if own is not None:
        return _reading(own, flipped=False, indirect=False, statement=statement)
    is_place = any(token.ent_type_ in PLACE_LABELS for token in mention)
    flipped = setting = False
    child, node = root, root.head
    while node.i != child.i and statement.start <= node.i < statement.end:
        cue = _cue(node, child)
        if cue is HOLDER:
            return None
        if cue is not None and not _held_by_speaker(cue, holders):
            return None
        if cue is not None:
            return _reading(cue, flipped=flipped, indirect=flipped or setting, statement=statement)
        lemma = node.lower_
        if node.dep_ in ("prep", "agent") or node.pos_ == "ADP":
            if lemma in SETTING_PREPOSITIONS and is_place:
                setting = True
            elif lemma in CIRCUMSTANCE_PREPOSITIONS or (
                lemma in DETACHING_PREPOSITIONS and _cue(node.head, node) is None
            ):
                return None
            elif lemma == "against" and not setting:
                flipped = not flipped
        elif (
            node.lemma_.lower() in COUNTERING
            and child.dep_ not in SUBJECT_ARCS
            and child.lower_ != "against"  # "the fight against X": one act against X, not two
            and not setting
            and not _has(node, cues.NEGATIONS)
        ):
            flipped = not flipped
        child, node = node, node.head
    return None


def _own_cue(root: Token) -> _Cue | None:
    """A cue on the mentioned words themselves: "sanctions pressure", "the so-called X"."""
    if root.lemma_.lower() in cues.HOSTILE_ACTS and not _first_person_agent(root):
        return _Cue(cues.AGAINST, "hostile", root, (root,), root)
    for modifier in root.children:
        if modifier.dep_ not in ("amod", "compound", "advmod"):
            continue
        if _is_so_called(modifier) or modifier.lower_ in cues.DISPARAGING_MODIFIERS:
            return _Cue(cues.AGAINST, "modifier", root, (modifier,), root)
        if modifier.lower_ in cues.PRAISING_MODIFIERS:
            return _Cue(cues.FAVOR, "modifier", root, (modifier,), root)
    return None


def _cue(node: Token, child: Token) -> _Cue | _Holder | None:
    """The cue ``node`` is for words reached through ``child``, HOLDER, or None."""
    arc = child.dep_
    lemma = node.lemma_.lower()
    word = node.lower_
    is_subject = arc in SUBJECT_ARCS

    if lemma in cues.HOSTILE_ACTS and not _first_person_agent(node):
        return _Cue(cues.AGAINST, "hostile", node, (node,), node)
    if word in cues.FEELING_ADJECTIVES:
        if is_subject:
            return HOLDER
        if arc in COMPLEMENT_ARCS:
            return _Cue(cues.FEELING_ADJECTIVES[word], "feeling", node, (node,), child)
    if node.pos_ == "VERB" and lemma in cues.STANCE_VERBS:
        if arc == "nsubj":
            return HOLDER
        if arc in COMPLEMENT_ARCS or arc == "nsubjpass":
            return _Cue(cues.STANCE_VERBS[lemma], "verb", node, (node,), child)
    if node.pos_ == "ADJ" and word in cues.EVALUATIVE_ADJECTIVES and arc in COMPLEMENT_ARCS:
        return _Cue(cues.EVALUATIVE_ADJECTIVES[word], "evaluation", node, (node,), child)
    if node.pos_ == "NOUN" and lemma in cues.STANCE_NOUNS and arc in COMPLEMENT_ARCS | {"relcl"}:
        if _held_by_another(node):
            return HOLDER  # "the opposition to X is based on ...": whose, the words judge
        return _Cue(cues.STANCE_NOUNS[lemma], "noun", node, (node,), child)
    if arc in SUBJECT_ARCS | COMPLEMENT_ARCS:
        for found in (
            _copular_cue(node, child),
            _scrutiny_cue(node, child),
            _reveal_cue(node, child),
        ):
            if found is not None:
                return found
    return None


def _copular_cue(node: Token, child: Token) -> _Cue | None:
    """ "It is necessary to X", "X is unacceptable", "the optimal approach is to X"."""
    arc = child.dep_
    for predicate in node.children:
        if predicate.dep_ not in ("acomp", "attr") or predicate.i == child.i:
            continue
        if predicate.lower_ in cues.FEELING_ADJECTIVES:
            if arc in SUBJECT_ARCS:
                return HOLDER
            return _Cue(
                cues.FEELING_ADJECTIVES[predicate.lower_], "feeling", node, (predicate,), child
            )
        polarity = cues.EVALUATIVE_ADJECTIVES.get(predicate.lower_)
        if polarity is None:
            continue
        about_clause = arc in ("xcomp", "ccomp", "csubj", "advcl")
        about_subject = arc == "nsubj" and child.lower_ not in EXPLETIVES
        if about_clause or about_subject:
            return _Cue(polarity, "evaluation", node, (predicate,), child)
    if arc in ("xcomp", "ccomp", "attr"):
        for subject in node.children:
            if subject.dep_ != "nsubj":
                continue
            if subject.lemma_.lower() in cues.STANCE_NOUNS:
                polarity = cues.STANCE_NOUNS[subject.lemma_.lower()]
                return _Cue(polarity, "noun", node, (subject,), child)
            for modifier in subject.children:
                polarity = cues.EVALUATIVE_ADJECTIVES.get(modifier.lower_)
                if modifier.dep_ == "amod" and polarity is not None:
                    return _Cue(polarity, "evaluation", node, (modifier, subject), child)
    return None


def _scrutiny_cue(node: Token, child: Token) -> _Cue | None:
    """Scrutiny asked for: "X need(s) to be carefully analyzed", "X requires thorough analysis"."""
    arc = child.dep_
    lemma = node.lemma_.lower()
    is_scrutiny = lemma in cues.SCRUTINY and node.pos_ == "VERB"
    if is_scrutiny and arc in ("dobj", "nsubjpass") and _demanded(node):
        return _Cue(cues.AGAINST, "scrutiny", node, (node,), child)
    if lemma in cues.DEMANDS and arc == "nsubj":
        for complement in node.children:
            if complement.dep_ in ("xcomp", "dobj") and complement.lemma_.lower() in cues.SCRUTINY:
                return _Cue(cues.AGAINST, "scrutiny", node, (node, complement), child)
    return None


def _reveal_cue(node: Token, child: Token) -> _Cue | None:
    """Accusing someone of hidden aims: "X's steps reveal the authentic targets"."""
    if node.lemma_.lower() not in cues.REVEAL_VERBS or child.dep_ != "nsubj":
        return None
    for aim in node.children:
        if aim.dep_ == "dobj" and aim.lemma_.lower() in cues.AIM_NOUNS:
            hidden = [m for m in aim.children if m.lower_ in cues.HIDDEN_AIM_ADJECTIVES]
            if hidden:
                return _Cue(cues.AGAINST, "reveal", node, (node, hidden[0], aim), child)
    return None


def _reading(cue: _Cue, *, flipped: bool, indirect: bool, statement: Span) -> Reading:
    polarity = cue.polarity
    confidence = BASE_CONFIDENCE[cue.kind]
    words = list(cue.words)
    governors = [cue.anchor, *cue.words]
    if cue.anchor.dep_ in ("xcomp", "acomp") or cue.words[0].dep_ == "acomp":
        governors.append(cue.anchor.head)  # "does not seem necessary", "is not concerned"
    negations = [t for g in governors for t in g.children if _is_negation(t)]
    if cue.anchor.head.lemma_.lower() in cues.REFUSALS:
        negations.append(cue.anchor.head)
    hedges = [t for g in governors for t in g.children if t.lower_ in cues.HEDGES]
    if cue.anchor.head.lemma_.lower() in cues.HEDGES:
        hedges.append(cue.anchor.head)
    boosts = [t for g in governors for t in g.children if t.lower_ in cues.INTENSIFIERS]
    if negations:
        polarity = _opposite(polarity)
        confidence *= NEGATION_FACTOR
    if flipped:
        polarity = _opposite(polarity)
    if indirect:
        confidence *= INDIRECT_FACTOR
    if hedges:
        confidence *= HEDGE_FACTOR
    confidence += INTENSIFIER_BONUS * min(len(boosts), 2) * (0 if negations or hedges else 1)
    words += negations + hedges + boosts
    ordered = sorted(dict.fromkeys(words), key=lambda token: token.i)
    return Reading(
        polarity=polarity,
        confidence=round(min(confidence, MAX_CONFIDENCE), 3),
        cues=tuple(_cue_text(token) for token in ordered),
        target=_target_text(cue.scope, statement),
        method="rule",
        path=(f"{cue.kind}:{cue.anchor.text}",),
    )


def _held_by_speaker(cue: _Cue, holders: frozenset[str] | None) -> bool:
    """Whether a verb's or feeling's subject is the speaker, their side, or a pronoun."""
    if holders is None or cue.kind not in ("verb", "feeling"):
        return True
    subjects = [t for t in cue.anchor.children if t.dep_ in ("nsubj", "nsubjpass")]
    if cue.kind == "feeling" and not subjects and cue.anchor.dep_ == "acomp":
        subjects = [t for t in cue.anchor.head.children if t.dep_ == "nsubj"]
    if cue.kind == "verb" and cue.anchor.dep_ in ("xcomp", "advcl", "pcomp") and not subjects:
        subjects = [t for t in cue.anchor.head.children if t.dep_ == "nsubj"]
    return all(
        subject.pos_ == "PRON" or subject.lower_ in holders or subject.dep_ == "nsubjpass"
        for subject in subjects
    )


def _held_by_another(noun: Token) -> bool:
    """An attitude that is someone else's ("the mayor's support for X") or that the statement
    talks about rather than holds ("the opposition to X is growing"); "our support" is the
    speaker's own."""
    if noun.lemma_.lower() not in cues.ATTITUDE_NOUNS:
        return False
    owners = [child for child in noun.children if child.dep_ == "poss"]
    if owners:
        return any(owner.lower_ not in cues.FIRST_PERSON for owner in owners)
    return noun.dep_ in ("nsubj", "nsubjpass")


def _demanded(verb: Token) -> bool:
    if verb.head.lemma_.lower() in cues.DEMANDS and verb.dep_ == "xcomp":
        return True
    return any(
        c.lower_ in cues.DEMANDS or c.lower_ in ("carefully", "thoroughly", "closely")
        for c in verb.children
    )


def _first_person_agent(act: Token) -> bool:
    """Whether the speaker's own side does the act ("we keep up the pressure")."""
    node = act
    for _ in range(4):
        for child in node.children:
            if child.dep_ in ("nsubj", "poss") and child.lower_ in cues.FIRST_PERSON:
                return True
            if child.dep_ == "nsubj":
                return False
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _is_so_called(token: Token) -> bool:
    if token.lower_ == "so-called":
        return True
    return token.lower_ == "called" and any(child.lower_ == "so" for child in token.children)


def _is_negation(token: Token) -> bool:
    return token.dep_ == "neg" or (token.dep_ == "det" and token.lower_ == "no")


def _has(token: Token, words: frozenset[str]) -> bool:
    return any(child.lower_ in words for child in token.children)


def _opposite(polarity: str) -> str:
    return cues.AGAINST if polarity == cues.FAVOR else cues.FAVOR


def _cue_text(token: Token) -> str:
    return "so-called" if _is_so_called(token) else token.text


def _target_text(scope: Token, statement: Span) -> str:
    """The words the position is about: ``scope``'s phrase inside the statement."""
    start = max(scope.left_edge.i, statement.start)
    end = min(scope.right_edge.i + 1, statement.end)
    tokens = list(scope.doc[start:end])
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("aux", "prep", "mark", "cc")):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return scope.text
    text = scope.doc[tokens[0].i : tokens[-1].i + 1].text
    if len(tokens) > MAX_TARGET_TOKENS:
        text = scope.doc[tokens[0].i : tokens[0].i + MAX_TARGET_TOKENS].text + " …"
    return " ".join(text.split())
