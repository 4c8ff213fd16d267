"""Small lexicons about people and sources, and splitting a speaker phrase into its parts.

"Russian Foreign Minister Sergey Lavrov" → name "Sergey Lavrov", role "Foreign Minister",
affiliation "Russia". The lexicons also say which role nouns may stand for which roles
("the top diplomat" may be a foreign minister) and which words describe unnamed sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.nlp.cues import lexicon

HONORIFICS: frozenset[str] = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "rev", "rev."}
)

# Descriptions of an organisation ("the agency"), and of a place ("the city").
ORGANISATION_NOUNS = lexicon(
    """
    agency company department ministry utility firm corporation organization organisation
    diocese church board union league club school university college bank party office
    association foundation institute commission committee council service authority
    regulator airline carrier retailer chain insurer broadcaster network station newspaper
    paper publication outlet group charity hospital team federation coalition watchdog
    government administration force
    """
)
PLACE_NOUNS = lexicon("city province country state town municipality region county")

HYPHENS = frozenset({"-", "‐"})  # hyphen-minus, hyphen: both join a name's parts
MALE_PRONOUNS: frozenset[str] = frozenset({"he", "him", "his"})
FEMALE_PRONOUNS: frozenset[str] = frozenset({"she", "her", "hers"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "them", "their"})
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that", "whom"})
FIRST_PERSON: frozenset[str] = frozenset({"i", "we", "me", "us", "you"})

# Role words: a capitalised run of these before a name is the person's role.
ROLE_WORDS: frozenset[str] = lexicon(
    """
    minister president vice prime foreign defense defence interior finance deputy
    secretary state senator sen. sen rep. rep representative congressman congresswoman
    governor gov. gov mayor chancellor ambassador envoy diplomat spokesman spokeswoman
    spokesperson press chief head director chairman chairwoman chair leader speaker
    majority minority whip general gen. admiral commander officer judge justice attorney
    advocate prosecutor candidate nominee adviser advisor aide strategist manager
    campaign executive ceo founder king queen prince pope premier councilman
    councilwoman councillor councilor coun. alderman alderwoman trustee mp mpp mla mep
    commissioner sheriff lieutenant colonel analyst economist professor
    pollster author reporter columnist editor anchor host former acting senior top
    national security general's assistant special counsel official
    """
)

# Role words that only modify a role ("prime", "campaign", "former"): never a role noun's head.
ROLE_MODIFIERS: frozenset[str] = lexicon(
    """
    vice prime foreign defense defence interior finance deputy state press chief majority
    minority campaign executive former acting senior top national security general's
    assistant special
    """
)

# What a role noun ("the top diplomat") may stand for: the role must contain one of these.
ROLE_FITS: dict[str, tuple[str, ...]] = {
    "diplomat": ("foreign minister", "ambassador", "envoy", "secretary of state", "diplomat"),
    "minister": ("minister",),
    "president": ("president",),
    "leader": ("president", "prime minister", "leader", "chancellor", "premier", "king"),
    "premier": ("premier", "prime minister"),
    "senator": ("senator", "sen"),
    "lawmaker": ("senator", "sen", "representative", "rep", "congress"),
    "congressman": ("representative", "rep", "congress"),
    "congresswoman": ("representative", "rep", "congress"),
    "governor": ("governor", "gov"),
    "candidate": ("candidate", "nominee", "senator", "governor"),
    "nominee": ("nominee", "candidate"),
    "spokesman": ("spokesman", "spokesperson", "press secretary"),
    "spokeswoman": ("spokeswoman", "spokesperson", "press secretary"),
    "official": ("minister", "secretary", "official", "director", "spokes"),
    "mayor": ("mayor",),
    "chancellor": ("chancellor",),
    "secretary": ("secretary",),
    "ambassador": ("ambassador", "envoy"),
    "envoy": ("envoy", "ambassador"),
    "judge": ("judge", "justice"),
    "director": ("director",),
    "chairman": ("chairman", "chair"),
    "billionaire": ("",),
    "businessman": ("",),
    "mogul": ("",),
}

NATIONALITIES: dict[str, str] = {
    "russian": "Russia",
    "american": "United States",
    "u.s.": "United States",
    "us": "United States",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "french": "France",
    "german": "Germany",
    "chinese": "China",
    "japanese": "Japan",
    "indian": "India",
    "iranian": "Iran",
    "israeli": "Israel",
    "palestinian": "Palestine",
    "ukrainian": "Ukraine",
    "belarusian": "Belarus",
    "turkish": "Turkey",
    "syrian": "Syria",
    "iraqi": "Iraq",
    "afghan": "Afghanistan",
    "pakistani": "Pakistan",
    "saudi": "Saudi Arabia",
    "egyptian": "Egypt",
    "mexican": "Mexico",
    "canadian": "Canada",
    "italian": "Italy",
    "spanish": "Spain",
    "polish": "Poland",
    "korean": "Korea",
    "north korean": "North Korea",
    "south korean": "South Korea",
    "kazakh": "Kazakhstan",
    "uzbek": "Uzbekistan",
    "tajik": "Tajikistan",
    "kyrgyz": "Kyrgyzstan",
    "armenian": "Armenia",
    "azerbaijani": "Azerbaijan",
    "georgian": "Georgia",
    "european": "European Union",
    "australian": "Australia",
    "brazilian": "Brazil",
    "cuban": "Cuba",
    "venezuelan": "Venezuela",
    "republican": "Republican Party",
    "democratic": "Democratic Party",
    "gop": "Republican Party",
}

# Heads of noun phrases that describe an unnamed source ("a source", "officials").
ANONYMOUS_HEADS: frozenset[str] = lexicon(
    """
    source sources official officials aide aides person people insider insiders
    spokesman spokeswoman spokesperson diplomat diplomats observer observers
    """
)

# Heads of noun phrases that name an institution ("the campaign", "the White House").
ORGANISATION_HEADS: frozenset[str] = lexicon(
    """
    campaign committee department ministry government administration office council
    company firm agency party court commission board union organization organisation
    house senate congress police network newspaper paper magazine group team
    coalition association foundation institute university bank army military navy
    poll polls survey surveys study studies report reports data analysis
    """
)

ORGANISATION_LABELS: frozenset[str] = frozenset({"ORG", "GPE", "NORP", "FAC"})


@dataclass(frozen=True, slots=True)
class NameParts:
    """A person phrase split into name, role and affiliation."""

    name: str
    role: str = ""
    affiliation: str = ""


def split_person_phrase(words: list[str], name_words: list[str]) -> NameParts:
    """Split a speaker phrase given its words and the words of the person's name in it.

    Words before the name are read as role and affiliation: a nationality becomes the
    affiliation ("Russian" → "Russia"), the other capitalised or role words the role.
    """
    name = " ".join(word for word in name_words if word.lower() not in HONORIFICS)
    role_words: list[str] = []
    affiliation = ""
    for word in words:
        if word in name_words:
            break
        lower = word.lower()
        if lower in NATIONALITIES and not affiliation:
            affiliation = NATIONALITIES[lower]
        elif lower in ROLE_WORDS or (word[:1].isupper() and lower not in HONORIFICS):
            role_words.append(word)
    role = " ".join(role_words).strip(" ,")
    if role.lower() in {"the", "a", "an"}:
        role = ""
    return NameParts(name=name, role=_title(role), affiliation=affiliation)


def role_fits(role_noun: str, role: str) -> bool:
    """Whether a role noun ("diplomat", "minister") may refer to someone with ``role``."""
    role = role.lower()
    if not role:
        return False
    fits = ROLE_FITS.get(role_noun.lower(), (role_noun.lower(),))
    return any(fit in role for fit in fits)


def _title(role: str) -> str:
    return " ".join(word if word[:1].isupper() else word.capitalize() for word in role.split())
