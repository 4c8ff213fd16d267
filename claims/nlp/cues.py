"""The reporting-cue lexicon: verbs and nouns that attribute content to a source.

Speech verbs ("said", "pointed out") introduce reported or quoted speech. Attribution in
the wider sense also covers positions and intentions ("wants", "believes"), evidence
("polls show") and documents ("the report found"); those verbs are kept apart so a caller
can tell speech from stance. Lemmas are lower case, as spaCy's lemmatizer returns them.
"""

from __future__ import annotations


def lexicon(words: str) -> frozenset[str]:
    """A word set written as whitespace-separated words."""
    return frozenset(words.split())


SPEECH_VERBS: frozenset[str] = lexicon(
    """
    say tell add state note explain claim argue assert insist stress emphasize emphasise
    underline underscore reiterate repeat declare announce report write tweet post reply
    respond answer ask inquire wonder complain warn caution predict promise pledge vow
    vouch admit acknowledge concede confess confirm deny reject dismiss accuse allege
    charge blame criticize criticise condemn denounce slam blast attack praise laud hail
    applaud thank congratulate welcome mock ridicule lament bemoan regret apologize
    apologise recall recount describe detail outline summarize summarise conclude continue
    mention remark comment observe point quip joke boast brag shout yell scream
    whisper mutter cry exclaim proclaim testify contend maintain counter retort
    suggest propose recommend urge demand call appeal plead beg implore instruct
    order command threaten challenge question dispute doubt disagree agree concur
    reassure assure swear certify affirm reaffirm clarify specify indicate
    signal hint imply disclose reveal leak divulge inform notify brief advocate defend
    justify endorse oppose object protest decry deplore lambast chide scold rebuke
    reprimand rap knock pan tout trumpet champion stump preach lecture muse
    speculate estimate calculate forecast project acclaim articulate voice express
    convey communicate relay cite quote read recite rule decide find
    """
)

# Positions, intentions and beliefs: PolNeAR counts "Trump wants …" as an attribution.
COGNITION_VERBS: frozenset[str] = lexicon(
    """
    believe think want hope fear expect know consider see regard worry
    doubt suspect plan seek wish prefer support back refuse decline
    reckon imagine assume presume guess understand realize realise recognize recognise
    anticipate envision envisage accept trust contend sense seem appear remember like
    aim care view learn look feel favor embrace determine love
    """
)

# Acts that PolNeAR also annotates as attributions: votes, endorsements, portrayals.
ACT_VERBS: frozenset[str] = lexicon(
    """
    talk discuss address vote refer offer focus name list identify nominate remind
    pass portray echo chant share compare
    cast ignore rail persuade press encourage credit introduce deem
    cheer label invoke paint target issue speak reference push celebrate
    """
)

# Evidence: studies, polls and documents that "show" something.
EVIDENCE_VERBS: frozenset[str] = lexicon(
    """
    show find suggest indicate reveal confirm document highlight
    """
)

CUE_VERBS: frozenset[str] = SPEECH_VERBS | COGNITION_VERBS | EVIDENCE_VERBS | ACT_VERBS

# Verbs that are cues only with a particle or a complement word ("point out", "make clear").
PARTICLE_CUES: dict[str, frozenset[str]] = {
    "point": frozenset({"out"}),
    "make": frozenset({"clear", "plain", "case", "point", "argument"}),
    "lay": frozenset({"out"}),
    "spell": frozenset({"out"}),
    "speak": frozenset({"out", "up"}),
    "weigh": frozenset({"in"}),
    "chime": frozenset({"in"}),
    "go": frozenset({"on"}),
    "push": frozenset({"back"}),
    "fire": frozenset({"back"}),
    "hit": frozenset({"back", "out"}),
    "lash": frozenset({"out"}),
    "sound": frozenset({"off"}),
    "rule": frozenset({"out"}),
    "come": frozenset({"out"}),
    "put": frozenset({"it"}),
}

# Particles/prepositions that join the cue when they follow a cue verb ("called for").
CUE_PREPOSITIONS: frozenset[str] = frozenset({"for", "on", "about", "against", "of", "to"})

# Verbs whose prepositional content comes only with these prepositions: "spoke about the
# war" says something, "spoke on condition of anonymity" or "spoke for an hour" does not;
# "is looking for a running mate" is an aim, "looked at the polls" none.
TOPIC_PREPOSITIONS: dict[str, frozenset[str]] = {
    "speak": frozenset({"about", "of"}),
    "look": frozenset({"for"}),
}

# Verbs that are cues only with a clause or quote after them, never with a bare object
# ("told reporters", "asked him", "read the book", "found the keys"). Acts whose object is
# what they are about ("mentioned the violence", "cited low growth", "thanked the crowd",
# "challenged his record", "named three cities", "reported a profit") are not here:
# PolNeAR annotates their object as what is attributed, and a noun phrase is a ``thinks``
# statement, which the said-only export leaves out. "issued debt" is no act of speech:
# "issue" stays.
NEEDS_CLAUSE: frozenset[str] = lexicon(
    """
    tell ask read find see know add continue call rule decide write post point answer
    charge order brief inform notify lecture quote go come make consider regard
    understand accept trust guess imagine realize realise recognize recognise sense
    reply respond hit push fire sign pass release issue hear like need share
    cast credit mean maintain view learn
    """
)

# Nouns that name a statement with its owner ("his claim that …"), or an intention or act
# ("her decision to …", "his proposal for …", "his attacks on …"). Nouns that on PolNeAR
# train were mostly extras or paired with other attributions ("his support for", "her
# call for", "his criticism of", "his plan to", "his remarks") are left out.
CUE_NOUNS: frozenset[str] = lexicon(
    """
    claim claims assertion allegation warning pledge vow demand suggestion complaint
    accusation prediction admission denial assurance endorsement opposition report decision
    promise proposal attack
    """
)

# Nouns for someone who takes a side, said of the subject: "Hale is a supporter of the
# plan" is Hale's position on the plan.
ADVOCATE_NOUNS: frozenset[str] = lexicon(
    """
    supporter backer critic opponent advocate proponent champion defender foe admirer
    """
)

# Adverbials that attribute a whole clause ("according to X", "in the words of X").
ACCORDING_TO: tuple[str, ...] = ("according to",)

# Speech verbs so common that a bare clause with them is a statement even at low confidence.
CORE_SPEECH: frozenset[str] = frozenset({"say", "tell", "add", "state", "note", "write", "tweet"})

# Things a source puts out that then "say" something: "Trump released an ad saying …" is
# Trump's statement, "the campaign issued a statement that called …" the campaign's.
CARRIER_NOUNS: frozenset[str] = lexicon(
    """
    statement ad advertisement commercial spot video documentary email e-mail letter memo
    release report resolution petition tweet post message op-ed editorial column note
    filing brief lawsuit suit complaint mailer flyer leaflet book speech announcement
    campaign survey poll study analysis story article piece headline caption cover notice
    sign banner rally response interview appearance
    """
)

# Verbs that attribute to no one named: "X seems to …", "X appears to …".
RAISING_VERBS: frozenset[str] = frozenset({"seem", "appear"})
