"""The attribution class of a statement: ``said``, ``thinks`` or ``shows``.

- ``said``: a speech act ("said", "told", "according to", a quote);
- ``thinks``: a belief, intention or position ("believes", "wants", "plans to"; and a
  speech act whose content is no proposition: "criticised the pact", "urged them to act",
  "talked about being homeless": a position on something, not a claim);
- ``shows``: what a document, survey, study or data shows ("the report found").

Decided from the cue's verb and the kind of source: a document's "said" is still what the
document shows, a person's "found" is what they said. PolNeAR annotates all three; the
Gender Gap Tracker only what was said; fact-checkers mostly want that too.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claims.nlp.cues import COGNITION_VERBS, EVIDENCE_VERBS, SPEECH_VERBS, lexicon

SAID, THINKS, SHOWS = "said", "thinks", "shows"

# Past forms the suffix rules below do not undo.
_IRREGULAR = {
    "said": "say",
    "told": "tell",
    "thought": "think",
    "felt": "feel",
    "found": "find",
    "knew": "know",
    "saw": "see",
    "wrote": "write",
    "meant": "mean",
    "sought": "seek",
    "understood": "understand",
    "foresaw": "foresee",
    "spoke": "speak",
    "swore": "swear",
    "held": "hold",
    "had": "have",
    "did": "do",
    "made": "make",
}
# Speech acts that ask someone to act: what follows ("to leave") is a demand, said.
DIRECTIVES = lexicon(
    """
    urge ask tell call warn advise encourage remind instruct order demand implore beg appeal
    direct request caution press push invite
    """
)
# Speech acts that say something of their object: "called the plan a failure", "described
# it as theft", "slammed the police as racist".
PREDICATING = lexicon(
    """
    call describe slam label brand dub characterize characterise portray depict term deem
    declare denounce praise hail blast criticize criticise
    """
)
# "For Sanders, the mission is different": a view, never speech.
VIEW_CUES = frozenset({"for", "to"})
# Speech acts whose gerund is a claim: "denied taking the money", "reported seeing smoke".
GERUND_CLAIMS = lexicon("report deny admit recall acknowledge mention describe")
# Cognition verbs that report speech as often as thought: left to speech.
_SPOKEN = SPEECH_VERBS - {"doubt", "wonder", "fear", "contend"}
_THOUGHT = COGNITION_VERBS - _SPOKEN


def cue_lemma(cue: str) -> str:
    """The verb of a cue, in its base form: "pointed out" → "point", "says" → "say"."""
    words = cue.lower().split()
    if not words:
        return ""
    word = words[0]
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    known = SPEECH_VERBS | COGNITION_VERBS | EVIDENCE_VERBS | DIRECTIVES
    for suffix, ending in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(suffix):
            base = word[: -len(suffix)] + ending
            if base in known:
                return base
            if len(base) > 2 and base[-1] == base[-2] and base[:-1] in known:
                return base[:-1]  # "planned" → "plan"
    return word


def attribution_class(*, cue: str, kind: str, source_kind: str, content: str = "clause") -> str:
    """``said``, ``thinks`` or ``shows`` for a statement's cue, kind and source kind.

    ``content`` (see ``content_form``): ``"clause"`` (a finite verb), ``"infinitive"`` ("to
    act"), ``"predicate"`` ("called the plan a failure", "described it as theft"),
    ``"gerund"`` ("denied taking the money") or ``"phrase"`` (a noun phrase). An infinitive
    after a directive ("urged them to act") is a demand, said; after anything else ("plans
    to", "threatened to") an intention. A predicate or a gerund after a speech verb is a
    claim, said ("slammed the police as racist" claims they are).
    """
    if source_kind == "document":
        return SHOWS
    if kind in ("direct", "mixed", "headline"):
        return SAID  # words in quote marks, or a headline's source: spoken
    lemma = cue_lemma(cue)
    if content == "infinitive" and lemma in DIRECTIVES:
        return SAID
    if (content == "predicate" and lemma in PREDICATING) or (
        content == "gerund" and lemma in GERUND_CLAIMS
    ):
        return SAID
    if lemma in _THOUGHT or lemma in VIEW_CUES or content != "clause":
        return THINKS
    if lemma in EVIDENCE_VERBS - _SPOKEN and source_kind not in ("person", "anonymous"):
        return SHOWS
    return SAID


def content_form(span: Span) -> str:
    """What a statement's words are: ``"clause"``, ``"infinitive"``, ``"predicate"``,
    ``"gerund"`` or ``"phrase"`` (see ``attribution_class``)."""
    if any(token.tag_ in ("VBD", "VBZ", "VBP", "MD") for token in span):
        return "clause"
    if any(token.tag_ == "VB" for token in span):
        return "infinitive"
    if any(_predicates(token) for token in span):
        return "predicate"
    root = span.root
    if root.tag_ == "VBG" and root.dep_ in ("xcomp", "ccomp", "dobj") and root.text.islower():
        return "gerund"
    return "phrase"


def _predicates(token: Token) -> bool:
    """ "(called the plan) a failure", "(described it) as theft": said of the object."""
    if token.dep_ == "oprd":
        return True
    return (
        token.lower_ == "as"
        and token.dep_ == "prep"
        and any(c.dep_ in ("pobj", "amod", "acomp") for c in token.children)
    )
