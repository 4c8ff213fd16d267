"""What a phrase says: word polarities composed inside one phrase of the parse.

``phrase_value`` reads a word and its dependents: consequence verbs pass on the polarity of
what they bring about ("increase poverty") or the opposite of what they take away ("reduce
crime"), negation and diminishers ("fewer", "less likely") turn a value around, and some
prepositions set what follows against its head ("protects against disease"). ``Trace``
collects the words and steps that carried polarity, and ``result`` turns a value into a
``Composition`` for the record. ``claims.nlp.stance.compose`` walks from a topic mention to
the phrases that judge it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claims.nlp import stance_cues as cues
from claims.nlp.stance.lexicon import whole_word, word_valence
from claims.nlp.stance.whose import reported

SUBJECT_ARCS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_ARCS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_ARCS = frozenset({"dobj", "pobj", "attr", "oprd", "acomp", "xcomp", "ccomp", "dative"})
RESULT_PREPOSITIONS = frozenset({"to", "in", "into", "of", "for"})
# Clauses and words whose polarity is not part of what the predicate says about its subject.
DETACHED_ARCS = frozenset({"advcl", "mark", "punct", "cc", "parataxis", "appos", "relcl", "meta"})
MODAL_HEDGES = frozenset(cues.HEDGES | {"can"})
MIN_VALUE = 0.1  # below this the words carry no usable position
HEDGE_FACTOR = 0.8
BASE_CONFIDENCE = 0.45
SPREAD_CONFIDENCE = 0.35
MAX_CONFIDENCE = 0.85
ENABLING_VALUE = 0.3  # enabling, or remedying what is unsaid: a little for the subject
OPPOSED_VALUE = -0.5  # "contrary to human nature": opposed to what is not judged


@dataclass(frozen=True, slots=True)
class Composition:
    """What a statement's words say about one topic mention."""

    value: float  # -1 (against) .. 1 (favor)
    confidence: float
    cues: tuple[str, ...]
    path: tuple[str, ...]


class Trace:
    """Collects the polarity-bearing words and the steps taken, for the record."""

    def __init__(self, mention: Span) -> None:
        self.topic = range(mention.start, mention.end)  # the topic's own words carry nothing
        self.words: list[Token] = []
        self.steps: list[str] = []
        self.hedged = False

    def valence(self, token: Token) -> float:
        return 0.0 if token.i in self.topic else word_valence(token)

    def step(self, token: Token, role: str, value: float) -> None:
        self.steps.append(f"{role}:{token.text}({value:+.2f})")


def result(value: float, trace: Trace) -> Composition | None:
    value = max(-1.0, min(1.0, value))
    if abs(value) < MIN_VALUE:
        return None
    confidence = BASE_CONFIDENCE + SPREAD_CONFIDENCE * abs(value)
    if trace.hedged:
        confidence *= HEDGE_FACTOR
    ordered = sorted(dict.fromkeys(trace.words), key=lambda token: token.i)
    return Composition(
        value=round(value, 3),
        confidence=round(min(confidence, MAX_CONFIDENCE), 3),
        cues=tuple(whole_word(token) for token in ordered),
        path=tuple(trace.steps),
    )


def phrase_value(
    token: Token, trace: Trace, *, skip: Token | None = None, whole: bool = False
) -> float:
    """The polarity of ``token``'s phrase, consequence verbs and negation composed.

    Subjects and detached clauses count only for the ``whole`` phrase (the back-off).
    """
    lemma = token.lemma_.lower()
    beside = 0.0  # what a noun's conjuncts say, outside its own negation
    children = [
        c
        for c in token.children
        if (skip is None or c.i != skip.i)
        and (
            whole
            or (c.dep_ not in DETACHED_ARCS and c.dep_ not in SUBJECT_ARCS | PASSIVE_SUBJECT_ARCS)
        )
        and c.dep_ not in ("punct", "cc")
        and not reported(c)  # "..., but critics say it is harmful": theirs, not the phrase's
    ]
    if token.pos_ in ("VERB", "AUX") and (lemma in cues.BRINGS_ABOUT or lemma in cues.TAKES_AWAY):
        value = _consequence(token, lemma, children, trace)
    elif (token.pos_ == "NOUN" and lemma in cues.CONSEQUENCE_NOUNS) or _responsible_for(token):
        value = sum(phrase_value(c, trace) for c in children if c.dep_ == "prep")
        if value:
            trace.words.append(token)
            trace.step(token, "consequence", value)
        else:  # "a renewable source": what it is a source of is unsaid, its kind is judged
            value = sum(phrase_value(c, trace) for c in children if c.dep_ in ("amod", "compound"))
    elif lemma in cues.REFUSALS and any(c.dep_ == "xcomp" for c in children):
        # "X fails to reduce crime", "X is unable to protect anyone": the opposite of the act
        value = -sum(phrase_value(c, trace) for c in children if c.dep_ == "xcomp")
        if value:
            trace.words.append(token)
            trace.step(token, "refusal", value)
    elif token.pos_ == "ADJ" and lemma in cues.OPPOSED_TO:
        # "X is contrary to the common good": X goes against what it is opposed to
        value = -sum(phrase_value(c, trace) for c in children if c.dep_ == "prep")
        value = value or OPPOSED_VALUE
        trace.words.append(token)
        trace.step(token, "opposed", value)
    elif (
        token.pos_ == "NOUN"
        and lemma in cues.REMOVAL_NOUNS
        and (value := _removal(token, lemma, children, trace))
    ):
        pass
    else:
        own = trace.valence(token)
        if own:
            trace.words.append(token)
        value = own
        if token.pos_ in ("NOUN", "PROPN"):
            # "no fuel and low risk": a conjunct with its own determiner or modifier is out of
            # the reach of the first one's "no" or "low"; "less crime or murder" is in it
            apart = [c for c in children if c.dep_ == "conj" and _own_amount(c)]
            beside = sum(phrase_value(c, trace) for c in apart)
            children = [c for c in children if c not in apart]
        if not (own and token.pos_ == "ADJ"):  # "ineffective in preventing war" is a judgement
            for child in children:
                part = phrase_value(child, trace)
                if child.dep_ == "prep" and reverses(token, child):
                    part = -part
                value += part
    if hedged(token):
        trace.hedged = True
    value = max(-1.0, min(1.0, value)) * negation(token, trace) * diminished(token, trace)
    return max(-1.0, min(1.0, value + beside))


def _removal(noun: Token, lemma: str, children: list[Token], trace: Trace) -> float:
    """What a removal takes away, the other way round ("an end to wars", "a solution to the
    problem", "an obstacle to growth"); 0 when it says nothing, so that the noun is read as
    any other ("the best solution")."""
    value = -sum(phrase_value(c, trace) for c in children if c.dep_ == "prep")
    if not value and lemma in cues.LOSSES:
        value = -ENABLING_VALUE  # "the loss of habitats": losing is a harm of itself
    if value:
        trace.words.append(noun)
        trace.step(noun, "removal", value)
    return value


def _responsible_for(token: Token) -> bool:
    """ "X is responsible for the crisis": what X is responsible for is its consequence."""
    return (
        token.pos_ == "ADJ"
        and token.lemma_.lower() in cues.RESPONSIBLE
        and any(child.dep_ == "prep" and child.lower_ == "for" for child in token.children)
    )


def _own_amount(noun: Token) -> bool:
    return any(
        child.dep_ in ("det", "nummod") or (child.dep_ == "amod" and child.lower_ in cues.AMOUNTS)
        for child in noun.children
    )


def _consequence(verb: Token, lemma: str, children: list[Token], trace: Trace) -> float:
    results = [c for c in children if c.dep_ in OBJECT_ARCS]
    if not results:  # "the risk of war decreases": the subject is what changes (whole clauses)
        results = [c for c in children if c.dep_ == "nsubj"]
    results += [
        grandchild
        for c in children
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in RESULT_PREPOSITIONS
        for grandchild in c.children
        if grandchild.dep_ == "pobj"
    ]
    outcome = sum(phrase_value(result, trace) for result in results)
    direction = 1.0 if lemma in cues.BRINGS_ABOUT else -1.0
    trace.words.append(verb)
    if outcome:
        value = direction * outcome
    elif lemma in cues.ENABLES or (lemma in cues.REMEDIES and results):
        value = ENABLING_VALUE  # "X allows voters to ...", "X prevents gridlock"
    else:
        value = min(trace.valence(verb), 0.0) if direction < 0 else 0.0
    # "helps to shatter and destroy X": a coordinated verb is part of the consequence
    value += sum(phrase_value(c, trace) for c in children if c.dep_ == "conj")
    trace.step(verb, "consequence", value)
    return value


def negation(token: Token, trace: Trace) -> float:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            trace.words.append(child)
            trace.steps.append(f"negation:{child.text}")
            return -1.0
    return 1.0


def diminished(token: Token, trace: Trace) -> float:
    """ "less likely to go to war", "few wars", "little benefit": the opposite amount.

    "a few wars", "a little benefit" are some, not few.
    """
    found = diminisher(token)
    if found is None:
        return 1.0
    trace.words.append(found)
    trace.steps.append(f"diminisher:{found.text}")
    return -1.0


def diminisher(token: Token) -> Token | None:
    """The word that makes ``token`` the opposite amount: "fewer", "lower", or the "less" of
    a manner ("go to war less often")."""
    for child in token.children:
        if child.dep_ not in ("advmod", "amod"):
            continue
        before = child.doc[child.i - 1].lower_ if child.i > 0 else ""
        some = child.lower_ in cues.SOME_WITH_ARTICLE and before == "a"
        if child.lower_ in cues.DIMINISHERS and not some:
            return child
        if child.dep_ == "advmod" and child.pos_ == "ADV":
            for degree in child.children:
                if degree.dep_ == "advmod" and degree.lower_ in cues.DIMINISHERS:
                    return degree
    return None


def reverses(head: Token, preposition: Token) -> bool:
    """A preposition that sets what follows against its head: "rather than", "instead of",
    "against" ("protects against disease"), and "from" after protecting ("shields people
    from violence")."""
    word = preposition.lower_
    if word in cues.CONTRASTS or word == "against" or is_contrast(preposition):
        return True
    if word == "in" and _low(head):
        return True  # "low in cost": the opposite amount of what follows
    if word != "from":
        return False
    protector = head.head if head.dep_ == "dobj" else head  # "protect [children from] Y"
    return protector.lemma_.lower() in cues.PROTECTS


def _low(head: Token) -> bool:
    """An amount word, or a copula the parse gave its amount word and "in" ("X is low in Y")."""
    amounts = [head, *(c for c in head.children if c.dep_ == "acomp")]
    return any(word.lower_ in cues.DIMINISHERS for word in amounts)


def doubted(predicate: Token) -> bool:
    """ "The benefits are exaggerated", "failures are rare": the predicate doubts its subject."""
    words = [predicate, *(c for c in predicate.children if c.dep_ in ("acomp", "attr", "oprd"))]
    if any(word.lemma_.lower() in cues.DOUBTS or word.lower_ in cues.DOUBTS for word in words):
        return True
    if any(word.pos_ == "ADJ" and word.lower_ in cues.DIMINISHERS for word in words[1:]):
        return True  # "the cost of X is low"
    # "wars between X are less likely", "X failures are less common"
    return any(word.pos_ == "ADJ" and diminisher(word) is not None for word in words[1:])


def hedged(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODAL_HEDGES for c in token.children) or any(
        c.dep_ == "advmod" and c.lower_ in cues.HEDGES for c in token.children
    )


def is_contrast(preposition: Token) -> bool:
    """ "instead of", "rather than"."""
    if preposition.lower_ == "of" and preposition.i > 0:
        return preposition.doc[preposition.i - 1].lower_ == "instead"
    return False
