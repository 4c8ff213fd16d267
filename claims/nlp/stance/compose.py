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
  the speaker's, and gives nothing (``claims.nlp.stance.whose``); an attitude that is
  someone else's is judged by what the statement says of it ("the opposition to X is based
  on racism" is for X).

Every step that carries polarity is kept in ``Composition.path`` for reviewers.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from claims.nlp import stance_cues as cues
from claims.nlp.stance.phrase import (
    MIN_VALUE,
    OBJECT_ARCS,
    PASSIVE_SUBJECT_ARCS,
    SUBJECT_ARCS,
    Composition,
    Trace,
    doubted,
    hedged,
    is_contrast,
    negation,
    phrase_value,
    result,
)
from claims.nlp.stance.whose import reported

# Prepositions that attach what a noun is about ("the benefits of X", "a ban on X"); others
# attach causes and circumstances ("anger over X", "talks with X").
NOUN_PREPOSITIONS = frozenset({"of", "on", "to", "for", "against", "toward", "towards"})
BACKOFF_FACTOR = 0.6
SENTENCE_FACTOR = 0.5
WORDS_FACTOR = 0.4
ACT_NOUNS = (cues.PROMOTING_NOUNS | cues.SUPPRESSING_NOUNS) - cues.HARMS  # a harm judges


def compose_toward(mention: Span, statement: Span) -> Composition | None:
    """The polarity ``statement`` gives the topic named by ``mention``, if it gives one."""
    trace = Trace(mention)
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
            if node.lower_ in cues.CONTRASTS or is_contrast(node):
                sign = -sign
                trace.steps.append(f"contrast:{node.text}")
        elif (
            arc == "prep"
            and node.pos_ in ("NOUN", "PROPN")
            and child.lower_ not in (NOUN_PREPOSITIONS)
        ):
            return result(sign * carried, trace) if carried else None  # "anger over X"
        elif node.pos_ in ("NOUN", "PROPN") and arc in ("prep", "poss", "compound", "amod", "nmod"):
            value = _noun_value(node, child, trace)
            if value:
                carried = (carried or 1.0) * value
                judging = judging or node.lemma_.lower() not in ACT_NOUNS
            elif arc == "prep" and child.lower_ == "against":
                # "laws against X", "the campaign against X": the noun acts against X
                carried = -(carried or 1.0)
                trace.step(node, "against", -1.0)
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
            if reported(node):
                return None
            value = _predicate_value(node, child, trace)
            if value and carried and not judging:
                return result(sign * carried * value, trace)  # "a ban on X caused deaths"
            if value or (carried and doubted(node)):
                if carried and _is_copular(node):
                    return result(sign * carried * _judged(node, value, carried), trace)
                return result(sign * (carried or value), trace)
        elif arc in PASSIVE_SUBJECT_ARCS or arc in OBJECT_ARCS or arc == "prep":
            if arc in ("ccomp", "xcomp") and reported(node):
                return None
            act = _act_value(node)
            if act:
                trace.words.append(node)
                trace.step(node, "act", act)
                carried = (carried or 1.0) * act * negation(node, trace)
            elif arc in PASSIVE_SUBJECT_ARCS and not (carried and judging):
                value = _predicate_value(node, child, trace)  # "X can be seen as good"
                if value:
                    # "the opposition to X is based on racism": the act on X is judged
                    return result(sign * (carried or 1.0) * value, trace)
            elif arc in ("ccomp", "xcomp", "acomp", "attr") and carried:
                judged = _own_value(node, trace)
                if judged:
                    carried *= _sign(judged)
        if hedged(node):
            trace.hedged = True
        child, node = node, node.head
    if carried:
        return result(sign * carried, trace)
    return None


def _predicate_value(predicate: Token, subject: Token, trace: Trace) -> float:
    """What ``predicate`` says about its subject: the clause without the subject's words."""
    value = phrase_value(predicate, trace, skip=subject)
    trace.step(predicate, "predicate", value)
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


def _noun_value(noun: Token, child: Token, trace: Trace) -> float:
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
        value = max(-1.0, min(1.0, value)) * negation(noun, trace)
        trace.step(noun, "noun", value)
    return value


def _modifier_value(root: Token, mention: Span, trace: Trace) -> float | None:
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


def _own_value(token: Token, trace: Trace) -> float:
    value = trace.valence(token) * negation(token, trace)
    if value:
        trace.words.append(token)
        trace.step(token, "judgement", value)
    return value


def _contrasted(head: Token, conjunct: Token) -> bool:
    """ "buses rather than X": a "than" between the conjuncts sets them against each other."""
    return any(
        c.dep_ in ("cc", "prep") and c.lower_ == "than" and head.i < c.i < conjunct.i
        for c in head.children
    )


def _called_for(verb: Token) -> bool:
    if verb.dep_ in ("xcomp", "ccomp", "csubj", "csubjpass", "pcomp", "advcl", "acl"):
        return True
    if any(c.dep_ == "aux" and c.lower_ in cues.DEMANDS for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return verb.dep_ == "ROOT" and verb.tag_ == "VB"  # an imperative: "ban X"
    return any(s.dep_ == "nsubj" and s.lower_ in cues.FIRST_PERSON for s in subjects)


def _links_a_noun(node: Token, arc: str) -> bool:
    """A participle that ties a noun to what follows it ("associated with", "caused by")."""
    return (
        node.dep_ == "acl"
        and arc in ("prep", "agent")
        and node.lemma_.lower() in cues.LINKS
        and node.head.pos_ in ("NOUN", "PROPN")
    )


def _judged(predicate: Token, value: float, carried: float) -> float:
    """The sign a copular predicate gives a subject that carries a polarity already.

    Doubting it turns it around ("the benefits of X are exaggerated"), and so does finding a
    bad thing good ("the risks of X are acceptable", "imperfect markets are better than ...");
    a bad thing judged bad stays bad ("the failures of X are catastrophic"); a good thing
    takes the judgement's sign ("the benefits of X are disappointing").
    """
    if doubted(predicate):
        return -1.0
    if carried < 0:
        return -_sign(value) if value else 1.0
    return _sign(value)


def _is_copular(token: Token) -> bool:
    return token.lemma_ == "be" or any(c.dep_ in ("acomp", "attr") for c in token.children)


def _sign(value: float) -> float:
    return 1.0 if value > 0 else -1.0


def clause_polarity(mention: Span, statement: Span) -> Composition | None:
    """Back-off: the polarity of the clause that holds the mention, when no path carried one.

    Only for a clause with polarity words of its own; a topic that is only mentioned in a
    neutral clause still gets nothing. Its confidence stays below any composed reading.
    """
    trace = Trace(mention)
    clause = mention.root
    while clause.dep_ not in ("ROOT", "ccomp") and clause.head.i != clause.i:
        if clause.dep_ in ("advcl", "relcl", "acl") and clause.pos_ in ("VERB", "AUX"):
            break
        clause = clause.head
    if not statement.start <= clause.i < statement.end or reported(clause.head):
        return None
    if _conditional(clause) and statement.start <= clause.head.i < statement.end:
        # "when X spreads, the risk of war decreases": the main clause is what X brings about
        consequence = phrase_value(clause.head, trace, skip=clause, whole=True)
        trace.step(clause, "condition", consequence)
        found = result(consequence, trace)
        if found is not None:
            return replace(found, confidence=round(found.confidence * BACKOFF_FACTOR, 3))
    value = phrase_value(clause, trace, whole=True) if clause.i not in _span_ids(mention) else 0.0
    if value and doubted(clause):
        # "wars between X are less likely", "famine is rare under X": the harm is doubted
        value = -value
        trace.steps.append("doubt")
    trace.step(clause, "clause", value)
    found = result(value, trace)
    if found is None:
        return sentence_polarity(mention, statement, clause)
    return Composition(
        value=found.value,
        confidence=round(found.confidence * BACKOFF_FACTOR, 3),
        cues=found.cues,
        path=found.path,
    )


def sentence_polarity(mention: Span, statement: Span, clause: Token) -> Composition | None:
    """Back-off after the clause: the polarity of the whole sentence that holds the mention,
    when the mention's own clause has none ("where X is built, villages are flooded")."""
    root = mention.root.sent.root
    if not statement.start <= root.i < statement.end or reported(root):
        return None
    if root.i == clause.i:
        return words_polarity(mention, statement)
    trace = Trace(mention)
    value = phrase_value(root, trace, whole=True)
    trace.step(root, "sentence", value)
    found = result(value, trace)
    if found is None:
        return words_polarity(mention, statement)
    return replace(found, confidence=round(found.confidence * SENTENCE_FACTOR, 3))


def words_polarity(mention: Span, statement: Span) -> Composition | None:
    """Last back-off: the sum of the word polarities of the mention's sentence, where the parse
    gave no path ("many tower blocks experience structural decay" parsed as one noun phrase).
    A weak sum still takes its side, at the lowest confidence: on the IBM Claim Stance
    training claims those sums below ``MIN_VALUE`` are right about three times in four."""
    trace = Trace(mention)
    sentence = mention.root.sent
    others = {t.i for verb in sentence if reported(verb) for t in verb.subtree}
    value = 0.0
    for token in sentence:
        inside = statement.start <= token.i < statement.end and token.i not in others
        if inside and (part := trace.valence(token)):
            trace.words.append(token)
            value += part
    trace.steps.append(f"words:{value:+.2f}")
    if value and abs(value) < MIN_VALUE:
        value = MIN_VALUE if value > 0 else -MIN_VALUE
    found = result(value, trace)
    if found is None:
        return None
    return replace(found, confidence=round(found.confidence * WORDS_FACTOR, 3))


def _conditional(clause: Token) -> bool:
    """A condition the main clause follows from: "if X ...", "when X ...", "once X ..."."""
    return clause.dep_ == "advcl" and any(
        child.dep_ in ("mark", "advmod") and child.lower_ in cues.CONDITIONS
        for child in clause.children
    )


def _span_ids(span: Span) -> range:
    return range(span.start, span.end)
