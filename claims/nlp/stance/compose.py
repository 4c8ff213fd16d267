"""Targeted sentiment: word polarities composed through the parse toward a topic mention.

``compose_toward`` climbs from the mention to the statement's root and reads what each step
says about it:

- as a **subject**, the topic takes the polarity of its predicate, where consequence verbs
  pass on the polarity of what they bring about ("X increases poverty" is against X) or the
  opposite of what they take away ("X reduces crime" is for X);
- as an **object**, the topic takes the polarity of the act done to it ("ban X" is against X,
  "X must be protected" for it); the act itself may be judged further up ("it would be wrong
  to ban X");
- inside a **noun phrase**, the topic takes the polarity of the noun and its modifiers ("the
  harmful effects of X", "the benefits of X"), which can be turned around by a judgement of
  the phrase ("the benefits of X are exaggerated");
- negation turns any step around, contrast ("rather than X", "instead of X") sets the topic
  against the clause, hedges ("may", "could") lower the confidence;
- a judgement inside someone else's reported clause ("critics say X is bad") is theirs, not
  the speaker's, and gives nothing.

Every step that carries polarity is kept in ``Composition.path`` for reviewers.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claims.nlp import stance_cues as cues
from claims.nlp.stance.lexicon import whole_word, word_valence

SUBJECT_ARCS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_ARCS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_ARCS = frozenset({"dobj", "pobj", "attr", "oprd", "acomp", "xcomp", "ccomp", "dative"})
# Prepositions that attach what a noun is about ("the benefits of X", "a ban on X"); others
# attach causes and circumstances ("anger over X", "talks with X").
NOUN_PREPOSITIONS = frozenset({"of", "on", "to", "for", "against", "toward", "towards"})
RESULT_PREPOSITIONS = frozenset({"to", "in", "into", "of", "for"})
# Clauses and words whose polarity is not part of what the predicate says about its subject.
DETACHED_ARCS = frozenset({"advcl", "mark", "punct", "cc", "parataxis", "appos", "relcl", "meta"})
MODAL_HEDGES = frozenset(cues.HEDGES | {"can"})
MIN_VALUE = 0.1  # below this the words carry no usable position
HEDGE_FACTOR = 0.8
BASE_CONFIDENCE = 0.45
SPREAD_CONFIDENCE = 0.35
MAX_CONFIDENCE = 0.85
BACKOFF_FACTOR = 0.6
ACT_NOUNS = cues.PROMOTING_NOUNS | cues.SUPPRESSING_NOUNS
OPPOSED_VALUE = -0.5  # "contrary to human nature": opposed to what is not judged


@dataclass(frozen=True, slots=True)
class Composition:
    """What a statement's words say about one topic mention."""

    value: float  # -1 (against) .. 1 (favor)
    confidence: float
    cues: tuple[str, ...]
    path: tuple[str, ...]


class _Trace:
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


def compose_toward(mention: Span, statement: Span) -> Composition | None:
    """The polarity ``statement`` gives the topic named by ``mention``, if it gives one."""
    trace = _Trace(mention)
    root = mention.root
    sign = 1.0
    carried = _modifier_value(root, mention, trace)
    # Whether what is carried judges the topic ("the harmful effects of X") rather than only
    # relating an act to it ("the ban on X", "building X"), which the predicate then judges.
    judging = carried is not None
    child, node = root, root.head
    while node.i != child.i and statement.start <= node.i < statement.end:
        arc = child.dep_
        if arc == "conj" and node.pos_ in ("NOUN", "PROPN"):
            if _contrasted(node, child):
                sign = -sign
                trace.steps.append("contrast:rather than")
            child, node = node, node.head  # "X and Y are ...": Y stands where X stands
            continue
        if node.pos_ == "ADP" or arc == "pobj":
            if node.lower_ in cues.CONTRASTS or _is_contrast(node):
                sign = -sign
                trace.steps.append(f"contrast:{node.text}")
        elif (
            arc == "prep"
            and node.pos_ in ("NOUN", "PROPN")
            and child.lower_ not in (NOUN_PREPOSITIONS)
        ):
            return _result(sign * carried, trace) if carried else None  # "anger over X"
        elif node.pos_ in ("NOUN", "PROPN") and arc in ("prep", "poss", "compound", "amod", "nmod"):
            value = _noun_value(node, child, trace)
            if value:
                carried = (carried or 1.0) * value
                judging = judging or node.lemma_.lower() not in ACT_NOUNS
        elif _links_a_noun(node, arc):
            # "the harmful emissions associated with X", "deaths caused by X": the noun the
            # participle hangs on is X's, as in "the harmful emissions of X"
            noun = node.head
            value = _noun_value(noun, node, trace)
            if value:
                carried = (carried or 1.0) * value
                judging = judging or noun.lemma_.lower() not in ACT_NOUNS
            child, node = noun, noun.head
            continue
        elif arc in SUBJECT_ARCS:
            if _reported(node):
                return None
            value = _predicate_value(node, child, trace)
            if value and carried and not judging:
                return _result(sign * carried * value, trace)  # "a ban on X caused deaths"
            if value or (carried and _doubted(node)):
                if carried and _is_copular(node):
                    return _result(sign * carried * _judged(node, value, carried), trace)
                return _result(sign * (carried or value), trace)
        elif arc in PASSIVE_SUBJECT_ARCS or arc in OBJECT_ARCS or arc == "prep":
            if arc in ("ccomp", "xcomp") and _reported(node):
                return None
            act = _act_value(node)
            if act:
                trace.words.append(node)
                trace.step(node, "act", act)
                carried = (carried or 1.0) * act * _negation(node, trace)
            elif arc in PASSIVE_SUBJECT_ARCS and not carried:
                value = _predicate_value(node, child, trace)  # "X can be seen as good"
                if value:
                    return _result(sign * value, trace)
            elif arc in ("ccomp", "xcomp", "acomp", "attr") and carried:
                judged = _own_value(node, trace)
                if judged:
                    carried *= _sign(judged)
        if _hedged(node):
            trace.hedged = True
        child, node = node, node.head
    if carried:
        return _result(sign * carried, trace)
    return None


def _result(value: float, trace: _Trace) -> Composition | None:
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


def _predicate_value(predicate: Token, subject: Token, trace: _Trace) -> float:
    """What ``predicate`` says about its subject: the clause without the subject's words."""
    value = phrase_value(predicate, trace, skip=subject)
    trace.step(predicate, "predicate", value)
    return value


def phrase_value(
    token: Token, trace: _Trace, *, skip: Token | None = None, whole: bool = False
) -> float:
    """The polarity of ``token``'s phrase, consequence verbs and negation composed.

    Subjects and detached clauses count only for the ``whole`` phrase (the back-off).
    """
    lemma = token.lemma_.lower()
    children = [
        c
        for c in token.children
        if (skip is None or c.i != skip.i)
        and (
            whole
            or (c.dep_ not in DETACHED_ARCS and c.dep_ not in SUBJECT_ARCS | PASSIVE_SUBJECT_ARCS)
        )
        and c.dep_ not in ("punct", "cc")
    ]
    if token.pos_ in ("VERB", "AUX") and (lemma in cues.BRINGS_ABOUT or lemma in cues.TAKES_AWAY):
        value = _consequence(token, lemma, children, trace)
    elif token.pos_ == "NOUN" and lemma in cues.CONSEQUENCE_NOUNS:
        value = sum(phrase_value(c, trace) for c in children if c.dep_ == "prep")
        if value:
            trace.words.append(token)
            trace.step(token, "consequence", value)
        else:  # "a renewable source": what it is a source of is unsaid, its kind is judged
            value = sum(phrase_value(c, trace) for c in children if c.dep_ in ("amod", "compound"))
    elif token.pos_ == "ADJ" and lemma in cues.OPPOSED_TO:
        # "X is contrary to the common good": X goes against what it is opposed to
        value = -sum(phrase_value(c, trace) for c in children if c.dep_ == "prep")
        value = value or OPPOSED_VALUE
        trace.words.append(token)
        trace.step(token, "opposed", value)
    elif token.pos_ == "NOUN" and lemma in cues.REMOVAL_NOUNS:
        value = -sum(phrase_value(c, trace) for c in children if c.dep_ == "prep")
        if value:
            trace.words.append(token)
            trace.step(token, "removal", value)
    else:
        own = trace.valence(token)
        if own:
            trace.words.append(token)
        value = own
        if not (own and token.pos_ == "ADJ"):  # "ineffective in preventing war" is a judgement
            for child in children:
                part = phrase_value(child, trace)
                if child.dep_ == "prep" and _reverses(token, child):
                    part = -part
                value += part
    if _hedged(token):
        trace.hedged = True
    return max(-1.0, min(1.0, value)) * _negation(token, trace) * _diminished(token, trace)


def _consequence(verb: Token, lemma: str, children: list[Token], trace: _Trace) -> float:
    results = [c for c in children if c.dep_ in OBJECT_ARCS]
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
    elif lemma in cues.ENABLES:
        value = 0.3
    else:
        value = min(trace.valence(verb), 0.0) if direction < 0 else 0.0
    # "helps to shatter and destroy X": a coordinated verb is part of the consequence
    value += sum(phrase_value(c, trace) for c in children if c.dep_ == "conj")
    trace.step(verb, "consequence", value)
    return value


def _act_value(verb: Token) -> float:
    """+1 for an act that promotes its object, -1 for one that suppresses it, else 0.

    Only an act called for ("should ban X", "we must protect X"), done by the speaker's side
    ("we support X") or itself judged further up ("to ban X would be wrong") is a position;
    "parliament banned X" reports a fact.
    """
    lemma = verb.lemma_.lower()
    if verb.pos_ in ("VERB", "AUX") and _called_for(verb):
        if lemma in cues.SUPPRESSING_ACTS:
            return -1.0
        if lemma in cues.PROMOTING_ACTS:
            return 1.0
    return 0.0


def _noun_value(noun: Token, child: Token, trace: _Trace) -> float:
    """The polarity a noun and its own modifiers give what hangs on it ("the harms of X")."""
    lemma = noun.lemma_.lower()
    if lemma in cues.CONSEQUENCE_NOUNS and child.dep_ == "amod":
        return 0.0
    if lemma in cues.SUPPRESSING_NOUNS:
        # "a threat to X" values X; "the threat of X", "a ban on X" are against it
        value = 1.0 if lemma in cues.HARMS and child.lower_ == "to" else -1.0
    elif lemma in cues.PROMOTING_NOUNS:
        value = 1.0
    else:
        value = trace.valence(noun)
        for modifier in noun.children:
            if modifier.i != child.i and modifier.dep_ in ("amod", "compound", "nummod"):
                value += trace.valence(modifier)
                if trace.valence(modifier):
                    trace.words.append(modifier)
    if value:
        trace.words.append(noun)
        value = max(-1.0, min(1.0, value)) * _negation(noun, trace)
        trace.step(noun, "noun", value)
    return value


def _modifier_value(root: Token, mention: Span, trace: _Trace) -> float | None:
    """The mention's own modifiers outside the topic words ("harmful X", "no X")."""
    value = 0.0
    for modifier in root.children:
        if mention.start <= modifier.i < mention.end or modifier.dep_ not in ("amod", "advmod"):
            continue
        part = trace.valence(modifier)
        if part:
            trace.words.append(modifier)
            value += part
    if value:
        trace.step(root, "modifier", value)
        return max(-1.0, min(1.0, value))
    return None


def _own_value(token: Token, trace: _Trace) -> float:
    value = trace.valence(token) * _negation(token, trace)
    if value:
        trace.words.append(token)
        trace.step(token, "judgement", value)
    return value


def _reported(verb: Token) -> bool:
    """A reporting verb whose subject is someone other than the speaker ("critics say")."""
    if verb.lemma_.lower() not in cues.REPORTING_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.lower_ not in cues.FIRST_PERSON and s.lower_ != "it" for s in subjects)


def _negation(token: Token, trace: _Trace) -> float:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            trace.words.append(child)
            trace.steps.append(f"negation:{child.text}")
            return -1.0
    return 1.0


def _contrasted(head: Token, conjunct: Token) -> bool:
    """ "buses rather than X": a "than" between the conjuncts sets them against each other."""
    return any(
        c.dep_ in ("cc", "prep") and c.lower_ == "than" and head.i < c.i < conjunct.i
        for c in head.children
    )


def reported_by_another(mention: Span, statement: Span) -> bool:
    """Whether the mention sits in a clause someone else is reported to hold ("critics say")."""
    node = mention.root
    while node.head.i != node.i and statement.start <= node.head.i < statement.end:
        if node.dep_ in ("ccomp", "xcomp") and _reported(node.head):
            return True
        node = node.head
    return False


def _called_for(verb: Token) -> bool:
    if verb.dep_ in ("xcomp", "ccomp", "csubj", "csubjpass", "pcomp", "advcl", "acl"):
        return True
    if any(c.dep_ == "aux" and c.lower_ in cues.DEMANDS for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return verb.dep_ == "ROOT" and verb.tag_ == "VB"  # an imperative: "ban X"
    return any(s.dep_ == "nsubj" and s.lower_ in cues.FIRST_PERSON for s in subjects)


def _diminished(token: Token, trace: _Trace) -> float:
    """ "less likely to go to war", "few wars", "little benefit": the opposite amount.

    "a few wars", "a little benefit" are some, not few.
    """
    found = _diminisher(token)
    if found is None:
        return 1.0
    trace.words.append(found)
    trace.steps.append(f"diminisher:{found.text}")
    return -1.0


def _diminisher(token: Token) -> Token | None:
    """The word that makes ``token`` the opposite amount: "fewer", "lower", or the "less" of
    a manner ("go to war less often")."""
    for child in token.children:
        if child.dep_ not in ("advmod", "amod"):
            continue
        some = child.i > 0 and child.doc[child.i - 1].lower_ == "a"
        if child.lower_ in cues.DIMINISHERS and not some:
            return child
        if child.dep_ == "advmod" and child.pos_ == "ADV":
            for degree in child.children:
                if degree.dep_ == "advmod" and degree.lower_ in cues.DIMINISHERS:
                    return degree
    return None


def _links_a_noun(node: Token, arc: str) -> bool:
    """A participle that ties a noun to what follows it ("associated with", "caused by")."""
    return (
        node.dep_ == "acl"
        and arc in ("prep", "agent")
        and node.lemma_.lower() in cues.LINKS
        and node.head.pos_ in ("NOUN", "PROPN")
    )


def _reverses(head: Token, preposition: Token) -> bool:
    """A preposition that sets what follows against its head: "rather than", "instead of",
    "against" ("protects against disease"), and "from" after protecting ("shields people
    from violence")."""
    word = preposition.lower_
    if word in cues.CONTRASTS or word == "against" or _is_contrast(preposition):
        return True
    if word != "from":
        return False
    protector = head.head if head.dep_ == "dobj" else head  # "protect [children from] Y"
    return protector.lemma_.lower() in cues.PROTECTS


def _doubted(predicate: Token) -> bool:
    """ "The benefits are exaggerated", "failures are rare": the predicate doubts its subject."""
    words = [predicate, *(c for c in predicate.children if c.dep_ in ("acomp", "attr", "oprd"))]
    if any(word.lemma_.lower() in cues.DOUBTS or word.lower_ in cues.DOUBTS for word in words):
        return True
    # "wars between X are less likely", "X failures are less common"
    return any(word.pos_ == "ADJ" and _diminisher(word) is not None for word in words[1:])


def _judged(predicate: Token, value: float, carried: float) -> float:
    """The sign a copular predicate gives a subject that carries a polarity already.

    Doubting it turns it around ("the benefits of X are exaggerated"); a bad thing judged bad
    stays bad ("the failures of X are catastrophic"); otherwise the judgement's sign counts
    ("the benefits of X are disappointing").
    """
    if _doubted(predicate):
        return -1.0
    if carried < 0 and value < 0:
        return 1.0
    return _sign(value)


def _hedged(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODAL_HEDGES for c in token.children) or any(
        c.dep_ == "advmod" and c.lower_ in cues.HEDGES for c in token.children
    )


def _is_copular(token: Token) -> bool:
    return token.lemma_ == "be" or any(c.dep_ in ("acomp", "attr") for c in token.children)


def _is_contrast(preposition: Token) -> bool:
    """ "instead of", "rather than"."""
    if preposition.lower_ == "of" and preposition.i > 0:
        return preposition.doc[preposition.i - 1].lower_ == "instead"
    return False


def _sign(value: float) -> float:
    return 1.0 if value > 0 else -1.0


def clause_polarity(mention: Span, statement: Span) -> Composition | None:
    """Back-off: the polarity of the clause that holds the mention, when no path carried one.

    Only for a clause with polarity words of its own; a topic that is only mentioned in a
    neutral clause still gets nothing. Its confidence stays below any composed reading.
    """
    trace = _Trace(mention)
    clause = mention.root
    while clause.dep_ not in ("ROOT", "ccomp") and clause.head.i != clause.i:
        if clause.dep_ in ("advcl", "relcl", "acl") and clause.pos_ in ("VERB", "AUX"):
            break
        clause = clause.head
    if not statement.start <= clause.i < statement.end or _reported(clause.head):
        return None
    value = phrase_value(clause, trace, whole=True) if clause.i not in _span_ids(mention) else 0.0
    trace.step(clause, "clause", value)
    found = _result(value, trace)
    if found is None:
        return None
    return Composition(
        value=found.value,
        confidence=round(found.confidence * BACKOFF_FACTOR, 3),
        cues=found.cues,
        path=found.path,
    )


def _span_ids(span: Span) -> range:
    return range(span.start, span.end)
