"""The source layer: who a cue attributes its content to, by an ordered list of rules.

``source_of`` tries ``SOURCE_RULES`` in order on the cue verb. A rule that does not apply
returns None; one that decides returns a ``Source`` (``NO_SOURCE`` when the sentence names
no one); one that hands over to another verb ("to", "and", "saying") returns that verb,
and the rules start again on it, at most ``MAX_HOPS`` times.

To add a rule: write one function ``(token, cue_verb) -> Source | Token | None`` whose
docstring ends with an ``Example:`` line (sentence | cue word | source | antecedent, "-"
for none; ``tests/nlp/test_sources.py`` parses it and checks the rule reads it so), and put
it in ``SOURCE_RULES`` where it should take precedence.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Span, Token

from claims.nlp.cues import CARRIER_NOUNS, SPEECH_VERBS
from claims.nlp.spans import DATELINE_DASHES, follows_comma, is_that_clause, mention_of

SUBJECTS = frozenset({"nsubj"})
# Verb tags of a finite verb ("said", "says"), which can come before its subject.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Verbs of spending time, whose participle is the subject's act ("spent the day touring").
SPENDING_VERBS = frozenset({"spend"})
# How the words of a name hang on its last word ("Ann" on "Cole", "Sen." on "Cole").
NAME_PARTS = frozenset({"compound", "amod", "det", "poss", "nmod", "nummod", "flat", "punct"})
# Nouns of a point in time, which do nothing themselves: "at one point calling …".
TIME_NOUNS = frozenset({"point", "time", "moment", "stage", "juncture"})
# Verbs whose object is an audience: "emailed supporters saying …".
ADDRESS_VERBS = SPEECH_VERBS | frozenset({"email", "e-mail", "text", "message", "send", "blast"})
RELATIVE_PRONOUNS = ("who", "which", "that")
# Subjects that name no one, except as the subject of "say" ("it said", of a company).
EMPTY_SUBJECTS = ("it", "there", "this")
# The subject is inherited through at most this many verbs ("wanted to start to say").
MAX_HOPS = 4
# Verbs that make their object do what the infinitive or participle says: "the defeat led
# analysts to speculate", "the report left voters wondering". Not "urge", "ask" or "tell",
# whose object is only asked to act.
CAUSATIVE_VERBS = frozenset(
    {"lead", "prompt", "leave", "cause", "force", "drive", "spur", "inspire", "provoke"}
)
# Verbs that leave their object doing something: "left voters wondering", "kept aides guessing".
LEAVING_VERBS = frozenset({"leave", "keep", "set"})
# Participles of knowing and judging: "known for", "expected to", "seen as".
OPINION_PARTICIPLES = frozenset(
    {"know", "expect", "see", "consider", "view", "regard", "believe", "think", "deem", "perceive"}
)
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves"})


class Source(NamedTuple):
    """The words naming a cue's source, and what they refer to when they are "who"."""

    mention: Span | None
    antecedent: Span | None = None


NO_SOURCE = Source(None, None)

SourceRule = Callable[[Token, Token], "Source | Token | None"]


def _nearest_subject(token: Token) -> Token | None:
    # Of two subjects ("LONDON (Reuters) - Donald Trump said"), the nearer is the source.
    return min(
        (c for c in token.children if c.dep_ in SUBJECTS),
        key=lambda c, verb=token: abs(verb.i - c.i),
        default=None,
    )


def passive_after_hop(token: Token, verb: Token) -> Source | None:
    """A passive cue inherits no subject: whoever ordered is not named.

    Example: The state missed the deadline and was ordered to pay the fine. | ordered | - | -
    """
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return NO_SOURCE if passive and token != verb else None


def empty_subject(token: Token, verb: Token) -> Source | None:
    """ "It", "there" and "this" name no one (but "it said" is a company or a paper).

    Example: It claims that the plan will work. | claims | - | -
    """
    subject = _nearest_subject(token)
    if subject is not None and subject.lower_ in EMPTY_SUBJECTS and token.lemma_ != "say":
        return NO_SOURCE
    return None


def relative_subject(token: Token, verb: Token) -> Source | None:
    """ "who" in a relative clause, with the noun it refers to (past an apposition:
    "Braynard, a native who writes …" refers to Braynard).

    Example: The senator, who said the plan was dead, left early. | said | who | The senator
    """
    subject = _nearest_subject(token)
    if subject is None:
        return None
    subject = _past_dateline(subject)
    if subject.lower_ not in RELATIVE_PRONOUNS or token.dep_ != "relcl":
        return None
    named = token.head
    if named.dep_ == "appos" and named.head.pos_ == "PROPN":
        named = named.head
    return Source(mention_of(subject), carrier_maker(named) or mention_of(named))


def subject(token: Token, verb: Token) -> Source | None:
    """The verb's own subject, the nearer of two, past a dateline's dash.

    Example: The foreign minister said the talks had failed. | said | The foreign minister | -
    """
    nearest = _nearest_subject(token)
    return Source(mention_of(_past_dateline(nearest))) if nearest is not None else None


def inverted_subject(token: Token, verb: Token) -> Source | None:
    """ "“…,” said Ann Cole, half joking": after a quotation a speech verb comes before its
    subject, which the parser may hang on a later verb; the name right after it speaks.

    Example: ''The bridge will open in May,'' said Ada Brennan, half joking. | said | Ada Brennan | -
    """
    if token != verb or token.tag_ not in FINITE_TAGS or token.lemma_ not in SPEECH_VERBS:
        return None
    if token.i + 1 >= len(token.doc) or not _after_quotation(token):
        return None
    name = _name_after(token)
    if name.pos_ not in ("PROPN", "NOUN", "PRON") or name.dep_ in ("dobj", "dative"):
        return None
    return Source(mention_of(name))


def inverted_aside(token: Token, verb: Token) -> Source | None:
    """ "The contrast, said Ann Cole, would be clear": a speech verb set off by commas in
    the middle of its content comes before its subject; the parser often makes the words
    before it the subject and the name after it the subject of the content.

    Example: The harbour plan, said Brennan, who runs the ferry company, doesn't add up. | said | Brennan | -
    """
    if token != verb or not is_aside_verb(token) or token.lemma_ not in SPEECH_VERBS:
        return None
    doc = token.doc
    if token.i + 1 >= len(doc):
        return None
    name = _name_after(token)
    content, edge = name.head, name.right_edge
    closed = edge.text == "," or (edge.i + 1 < len(doc) and doc[edge.i + 1].text == ",")
    # the name is the subject of the content after it, or a second subject of the verb
    misread = (content.dep_ == "ccomp" and content.head == token and content.i > edge.i) or (
        content == token and any(c.dep_ in SUBJECTS and c.i < token.i for c in token.children)
    )
    # "Aides to Lund, who ran the port, said the plan, …": the subject and its clause
    described = any(t.dep_ == "relcl" for t in doc[token.sent.start : token.i])
    if not (
        name.pos_ in ("PROPN", "NOUN")
        and name.dep_ in SUBJECTS
        and closed
        and misread
        and not described
    ):
        return None
    return Source(mention_of(name))


def is_aside_verb(verb: Token) -> bool:
    """A finite verb right after a comma, as in an aside ("The plan, said Cole, …")."""
    return verb.tag_ in FINITE_TAGS and follows_comma(verb)


def _name_after(verb: Token) -> Token:
    """The head of the words right after ``verb`` ("Ada" → "Brennan" in "said Ada Brennan")."""
    name = verb.doc[verb.i + 1]
    while name.dep_ in NAME_PARTS and name.head.i > name.i:
        name = name.head
    return name


def _after_quotation(verb: Token) -> bool:
    """Whether ``verb`` follows a quotation's closing mark (and a comma): "…,” said"."""
    before = [t for t in verb.doc[max(verb.i - 2, 0) : verb.i] if not t.is_space]
    return bool(before) and (
        before[-1].is_quote or (before[-1].text == "," and len(before) > 1 and before[-2].is_quote)
    )


def clitic_perfect(token: Token, verb: Token) -> Source | None:
    """ "He's said he will fight on": the "'s" is "has", though the parser reads "is said",
    a passive; a passive reports no clause with a subject of its own, nor an object.

    Example: He's said he will fight all the way to the convention. | said | He | -
    """
    clitic = next((c for c in token.children if c.dep_ == "auxpass"), None)
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if clitic is None or subject is None or clitic.lower_ not in ("'s", "’s"):
        return None
    if subject.lower_ in EMPTY_SUBJECTS:
        return None  # "It's been reported that …" names no one
    active = any(
        c.dep_ == "dobj" or (c.dep_ == "ccomp" and any(g.dep_ in SUBJECTS for g in c.children))
        for c in token.children
    )
    return Source(mention_of(subject)) if active else None


def passive_agent(token: Token, verb: Token) -> Source | None:
    """The agent of a passive: "criticized by Senator Hill".

    Example: The plan was criticized by Senator Hill. | criticized | Senator Hill | -
    """
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    agent_object = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    return Source(mention_of(agent_object)) if agent_object is not None else None


def passive_participle(token: Token, verb: Token) -> Source | None:
    """A participle of knowing or judging on a noun, with no "by" agent, names no one: the
    noun is what is known or expected, not who knows or expects it.

    Example: The mayor visited a district known for its harbour. | known | - | -
    """
    if is_opinion_participle(token):
        return NO_SOURCE
    return None


def is_opinion_participle(token: Token) -> bool:
    """ "a district known for …", "a ruling expected next week", "remarks seen as …": a
    participle of knowing or judging on a noun, whose knower is not named."""
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and token.lemma_.lower() in OPINION_PARTICIPLES
        and not any(c.dep_ == "agent" for c in token.children)
    )


def participle_subject(token: Token, verb: Token) -> Source | None:
    """The subject the parser hung on a participle before the verb.

    Example: Lavrov speaking at a joint press conference with his counterpart in Minsk, stated that the talks had failed. | stated | Lavrov | -
    """
    participle = next(
        (c for c in token.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < token.i),
        None,
    )
    if participle is None:
        return None
    found = next((c for c in participle.children if c.dep_ in SUBJECTS), None)
    return Source(mention_of(found)) if found is not None else None


def time_spent(token: Token, verb: Token) -> Token | None:
    """ "spent much of the run-up to the caucuses portraying …": what one spends time doing
    is one's own act, wherever in the time's phrase the parser hung the participle.

    Example: Lund spent much of the run-up to the vote portraying the board as reckless. | portraying | Lund | -
    """
    if token.tag_ != "VBG" or token.dep_ != "acl":
        return None
    head = token.head
    while head.pos_ in ("NOUN", "PROPN", "ADP", "PRON", "NUM", "ADJ") and head.dep_ != "ROOT":
        if head.lower_ in ("on", "for"):
            return None  # "spent $2 million on ads attacking …": the ads attack
        head = head.head
    return head if head.lemma_.lower() in SPENDING_VERBS else None


def addresser(token: Token, verb: Token) -> Token | None:
    """ "emailed supporters saying …": the audience is not the source, whoever addressed
    it is.

    Example: She emailed supporters saying the race was close. | saying | She | -
    """
    return _addresser_verb(token)


def trailing_participle(token: Token, verb: Token) -> Token | None:
    """ "…, saying …" hung on the nearest noun belongs to the sentence's subject.

    Example: Carson rejected the notion that the race was over, saying it had just begun. | saying | Carson | -
    """
    if is_trailing_participle(token) and token.sent.root != token:
        return token.sent.root
    return None


def effort_infinitive(token: Token, verb: Token) -> Token | None:
    """ "spearhead an effort to paint …": the effort's owner paints.

    Example: Obama will spearhead an effort to paint the rival as weak. | paint | Obama | -
    """
    return token.head.head if _is_effort_infinitive(token) else None


def purpose_phrase(token: Token, verb: Token) -> Token | None:
    """ "In an effort to clarify …", "as a way to reassure …": the infinitive on a noun in
    a phrase of purpose or manner belongs to the verb that phrase hangs on.

    Example: The minister cut rates in an effort to reassure investors that the bank was safe. | reassure | The minister | -
    """
    preposition = token.head.head
    if (
        _infinitive_on_noun(token, noun_dep="pobj")
        and preposition.lower_ in ("in", "as")
        and preposition.head.pos_ in ("VERB", "AUX")
    ):
        return preposition.head
    return None


def time_phrase(token: Token, verb: Token) -> Token | None:
    """ "at one point calling …", "on Monday accusing …": a participle on a time in a phrase
    that hangs on a verb is the act of that verb's subject, not of the time.

    Example: The mayor fought the council for months, at one point calling the treasurer a liar. | calling | The mayor | -
    """
    noun, preposition = token.head, token.head.head
    if (
        token.dep_ == "acl"
        and token.tag_ == "VBG"
        and noun.dep_ == "pobj"
        and (noun.lemma_.lower() in TIME_NOUNS or noun.ent_type_ in ("DATE", "TIME"))
        and preposition.dep_ == "prep"
        and preposition.head.pos_ in ("VERB", "AUX")
    ):
        return preposition.head
    return None


def carrier(token: Token, verb: Token) -> Source | None:
    """A clause on a noun: its maker when it is an ad or statement, else the noun itself.

    Example: The campaign released an ad saying the rival had lied. | saying | The campaign | -
    """
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
        return Source(carrier_maker(token.head) or mention_of(token.head))
    return None


def prepositional_gerund(token: Token, verb: Token) -> Token | None:
    """A gerund in a prepositional phrase on a verb ("by promising", "after telling",
    "instead of calling") has that verb's subject.

    Example: The senator won the seat by promising that taxes would fall. | promising | The senator | -
    """
    preposition = token.head
    if (
        token.dep_ == "pcomp"
        and token.tag_ == "VBG"
        and preposition.dep_ == "prep"
        and preposition.head.pos_ in ("VERB", "AUX")
    ):
        return preposition.head
    return None


def stranded_subject(token: Token, verb: Token) -> Source | None:
    """A conjoined verb with no subject right after a name the parser joined to the noun
    before "and": the name is the verb's subject ("… about his plan and Lund said …").

    Example: The aides met Lund and asked him about the cost of his plan and Lund said he would cut the budget. | said | Lund | -
    """
    if token.dep_ != "conj" or token.i == 0 or any(c.dep_ in SUBJECTS for c in token.children):
        return None
    name = token.doc[token.i - 1]
    joined = name.head
    if not (
        name.pos_ == "PROPN"
        and name.dep_ == "conj"
        and joined.pos_ in ("NOUN", "PROPN")
        and joined.i < name.i
        and any(c.dep_ == "cc" and joined.i < c.i < name.i for c in joined.children)
    ):
        return None
    return Source(mention_of(name))


def caused_object(token: Token, verb: Token) -> Source | None:
    """The object of a causative verb does what its infinitive or participle says: the
    cause is not the source.

    Example: The sudden defeat led many analysts to speculate that the deal was dead. | speculate | many analysts | -
    """
    head, lemma = token.head, token.head.lemma_.lower()
    infinitive = token.dep_ == "xcomp" and token.tag_ == "VB" and lemma in CAUSATIVE_VERBS
    # "left voters wondering", not "led a campaign arguing …" (the campaign argues)
    participle = token.dep_ in ("xcomp", "advcl") and token.tag_ == "VBG" and lemma in LEAVING_VERBS
    if not (infinitive or participle):
        return None
    caused = next((c for c in head.children if c.dep_ == "dobj" and c.i < token.i), None)
    if caused is None or caused.lower_ in REFLEXIVES or caused.lower_ in EMPTY_SUBJECTS:
        return None
    # "left voters wondering", not "passed the bill, leaving …" (a clause of its own)
    if any(t.is_punct for t in token.doc[caused.i : token.i]):
        return None
    return Source(mention_of(caused))


def governing_verb(token: Token, verb: Token) -> Token | None:
    """An infinitive, a conjunct or an adverbial clause takes its governor's subject.

    Example: The mayor wants to argue that taxes are low. | argue | The mayor | -
    """
    if token.dep_ in ("xcomp", "conj", "advcl") and token.head != token:
        return token.head
    return None


SOURCE_RULES: tuple[SourceRule, ...] = (
    passive_after_hop,
    empty_subject,
    relative_subject,
    inverted_aside,
    subject,
    inverted_subject,
    clitic_perfect,
    passive_agent,
    passive_participle,
    participle_subject,
    time_spent,
    addresser,
    trailing_participle,
    effort_infinitive,
    purpose_phrase,
    time_phrase,
    carrier,
    prepositional_gerund,
    stranded_subject,
    caused_object,
    governing_verb,
)


def source_of(verb: Token) -> Source:
    """The source of the cue ``verb`` (inherited through "and", "to" and "saying")."""
    return trace_source(verb)[0]


def trace_source(verb: Token) -> tuple[Source, list[str]]:
    """``source_of`` with the names of the rules that applied, in order."""
    token, applied = verb, []
    for _ in range(MAX_HOPS):
        for rule in SOURCE_RULES:
            result = rule(token, verb)
            if result is None:
                continue
            applied.append(rule.__name__)
            if isinstance(result, Token):
                token = result
                break
            return result, applied
        else:
            return NO_SOURCE, applied
    return NO_SOURCE, applied


def _addresser_verb(verb: Token) -> Token | None:
    """The verb whose audience a participle hangs on: "emailed supporters saying …"."""
    if verb.tag_ != "VBG" or verb.dep_ != "acl":
        return None
    audience = verb.head
    if audience.dep_ == "dobj" and audience.head.lemma_.lower() in ADDRESS_VERBS:
        return audience.head
    if audience.dep_ == "pobj" and audience.head.lower_ == "to":
        # "wrote to donors saying …", not "led to the spectacle of Cole denouncing …"
        addressing = next((a for a in audience.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if addressing is not None and addressing.lemma_.lower() in ADDRESS_VERBS:
            return addressing
    return None


def _is_effort_infinitive(verb: Token) -> bool:
    """ "launched an effort to paint …": an infinitive on the object of another verb."""
    return _infinitive_on_noun(verb, noun_dep="dobj") and verb.head.head.pos_ == "VERB"


def _infinitive_on_noun(verb: Token, *, noun_dep: str) -> bool:
    """``verb`` is an infinitive on a noun that carries no one's words ("an effort to …",
    not "a statement to …"), the noun in the role ``noun_dep``."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VB"
        and noun.pos_ == "NOUN"
        and noun.dep_ == noun_dep
        and noun.lemma_.lower() not in CARRIER_NOUNS
    )


def is_trailing_participle(verb: Token) -> bool:
    """ "…, saying …" parsed as a clause of the noun or the subordinate verb before the comma.

    Not "an ad saying …" (a carrier) nor a participle of the main verb itself.
    """
    if verb.dep_ == "advcl":
        # On a content clause ("rejected the notion that X was …, saying"), not on a clause
        # with an agent of its own ("where protesters gathered, chanting …").
        attached_low = verb.head.dep_ in ("ccomp", "acl", "pcomp") or is_that_clause(verb.head)
    else:
        attached_low = verb.dep_ == "acl"
    return (
        verb.tag_ == "VBG"
        and attached_low
        and _after_pause(verb)
        and verb.head.lemma_.lower() not in CARRIER_NOUNS
        and verb.sent.root.pos_ in ("VERB", "AUX")
    )


def _after_pause(verb: Token) -> bool:
    """Whether a comma or a dash comes right before ``verb``, or before the closing mark
    that ends a quotation there ("her “50-state strategy,” promising …")."""
    doc, before = verb.doc, verb.i - 1
    if before > 0 and doc[before].is_quote:
        before -= 1
    return before >= 0 and doc[before].text in (",", "—", "–", "--")


def _past_dateline(subject: Token) -> Token:
    """ "OSLO (Wire) - Anna Berg said", "OSLO (Wire): Anna Berg, speaking in Bergen, said":
    a dateline parsed as the subject gives way to the name after its dash or colon (an
    apposition, or the subject of a participle the parser hung on the dateline)."""
    # On the dateline, or on the agency bracketed after a place in capitals ("OSLO (Wire):";
    # not the "-" of "Rep. Ann Cole (D-Ohio)").
    capitals = subject.text.isupper()
    mark = next(
        (
            t
            for t in subject.subtree
            if t.i > subject.i
            and (t.head == subject or (capitals and t.head.head == subject))
            and _is_dateline_mark(t)
        ),
        None,
    )
    if mark is None:
        return subject
    after = [c for c in subject.rights if c.i > mark.i]
    named = next((c for c in after if c.dep_ == "appos"), None)
    if named is not None:
        return named
    for clause in after:
        if clause.dep_ == "acl" and clause.tag_ == "VBG":
            found = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
            if found is not None:
                return found
    return subject


def _is_dateline_mark(token: Token) -> bool:
    """The dash or colon closing a dateline: "-", "—", ":", "):"; not the hyphen of a word
    the tokenizer split ("a co-author")."""
    if not (token.text in DATELINE_DASHES or token.text.lstrip(")") == ":"):
        return False
    return token.pos_ == "PUNCT" or bool(token.doc[token.i - 1].whitespace_)


def according_to_source(token: Token) -> Span | None:
    """Who "according to X" at ``token`` ("according") names, or None."""
    doc = token.doc
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in token.children if c.dep_ == "pobj"
    ]
    return mention_of(author_of(objects[0])) if objects else None


def author_of(noun: Token) -> Token:
    """The author named after a document: "a tally by the Associated Press" → Press."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            author = next((c for c in child.children if c.dep_ == "pobj"), None)
            if author is not None:
                return author
        if child.dep_ == "acl":
            # "according to audio provided by Wyoming Public Radio"
            for agent in child.children:
                if agent.dep_ == "agent":
                    author = next((c for c in agent.children if c.dep_ == "pobj"), None)
                    if author is not None:
                        return author
    return noun


def carrier_maker(noun: Token) -> Span | None:
    """Who put out the statement, ad or email that says something, when the parse shows it.

    "Trump released a video saying …" → Trump; "the campaign's statement calling …" → the
    campaign. None when the carrier has no owner or maker in the sentence.
    """
    if noun.lemma_.lower() not in CARRIER_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return mention_of(owner)
    # "… had sent letters and placed ads calling …", "launched it with a speech denouncing …":
    # the maker is the source of the verb that put the carrier out.
    verb = None
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head
    if verb is not None and verb.pos_ == "VERB":
        source, antecedent = source_of(verb)
        if source is not None and source.root.lower_ in ("who", "which", "that"):
            source = antecedent  # "Romney, who launched it with a speech …": Romney
        return source
    return None
