"""The words the rule stance scorer reads, grouped by what they do to a position.

All entries are lower-case lemmas (feeling adjectives: the word as written). Each group is
used only in the dependency positions ``claims.nlp.stance`` gives it: a word in a list is
never a stance by itself.
"""

from __future__ import annotations

FAVOR, AGAINST = "favor", "against"


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Verbs whose object, clause or prepositional complement the subject is for or against
# ("we welcome the agreement", "Russia opposes the expansion").
STANCE_VERBS: dict[str, str] = {
    **dict.fromkeys(
        words(
            "support welcome back endorse favor favour praise applaud advocate champion defend "
            "approve embrace promote strengthen reinforce deepen urge uphold respect"
        ),
        FAVOR,
    ),
    **dict.fromkeys(
        words(
            "oppose condemn reject criticize criticise denounce deplore decry slam blast blame "
            "fear protest regret resent dismiss disapprove object accuse"
        ),
        AGAINST,
    ),
}

# Adjectives that judge what they are said of: the subject of the copula, or the clause of
# an expletive "it" ("it is necessary to block ...", "these sanctions are unacceptable").
EVALUATIVE_ADJECTIVES: dict[str, str] = {
    **dict.fromkeys(
        words(
            "necessary important essential vital crucial imperative needed indispensable "
            "optimal best useful beneficial constructive welcome advisable desirable urgent"
        ),
        FAVOR,
    ),
    **dict.fromkeys(
        words(
            "unacceptable dangerous wrong illegal illegitimate harmful destructive "
            "counterproductive outrageous irresponsible reckless provocative absurd "
            "inadmissible unfounded unjustified"
        ),
        AGAINST,
    ),
}

# Adjectives (and participles) of a feeling: the subject holds it, the complement is its
# object ("we are deeply concerned with ...", "Russia is pleased with ...").
FEELING_ADJECTIVES: dict[str, str] = {
    **dict.fromkeys(
        words("pleased glad happy satisfied grateful encouraged delighted heartened"), FAVOR
    ),
    **dict.fromkeys(
        words(
            "concerned worried alarmed troubled disturbed outraged disappointed dismayed "
            "appalled indignant"
        ),
        AGAINST,
    ),
}

# Nouns of a position whose complement is its object ("the need to block ...",
# "the importance of reinforcing cooperation", "we share the concerns that ...").
STANCE_NOUNS: dict[str, str] = {
    **dict.fromkeys(words("need necessity importance support priority commitment"), FAVOR),
    **dict.fromkeys(
        words("concern worry alarm condemnation opposition objection criticism"), AGAINST
    ),
}

# Acts the speaker names pejoratively: the speaker is against the act, whoever does it and
# wherever it is done ("brazen interference of ... in ...", "exerting pressure on ...").
HOSTILE_ACTS = frozenset(
    words(
        "interfere interference meddle meddling pressure aggression provocation blackmail "
        "intimidation intimidate coerce coercion destabilize destabilise"
    )
)

# Verbs and nouns that act against their object: being for the act is being against the
# object ("it is necessary to block the supply channels", "the fight against terrorism").
COUNTER_ACTS = frozenset(
    words(
        "block prevent stop combat fight counter curb halt end ban suppress eliminate defeat "
        "resist reduce limit restrict deter tackle thwart eradicate contain avert abolish "
        "repeal lift cut crack prevention blockade crackdown struggle"
    )
)

# Scrutiny that is asked for signals doubt about its object in diplomatic speech
# ("the proposals need to be carefully analyzed", "such proposals require thorough analysis").
SCRUTINY = frozenset(
    words(
        "analyze analyse scrutinize scrutinise examine study assess analysis scrutiny examination "
        "assessment evaluation"
    )
)
# Words that ask for something to be done: modals, "need"/"require" and the like.
DEMANDS = frozenset(words("must should need require demand deserve warrant have"))

# Modifiers that disparage or praise the noun they modify ("the so-called partnership").
DISPARAGING_MODIFIERS = frozenset(
    words(
        "so-called alleged notorious illegitimate illegal aggressive hostile unfriendly "
        "destructive reckless provocative brazen"
    )
)
PRAISING_MODIFIERS = frozenset(words("constructive fruitful successful productive"))

# Revealing the "true aims" of someone accuses them ("EU's steps reveal the authentic targets").
REVEAL_VERBS = frozenset(words("reveal expose show unmask betray"))
HIDDEN_AIM_ADJECTIVES = frozenset(words("true real authentic hidden genuine actual"))
AIM_NOUNS = frozenset(
    words("target aim goal intention motive purpose agenda face nature plan objective")
)

# Words that turn a position around ("Russia does not oppose ...").
NEGATIONS = frozenset(words("not n't never no neither nor hardly"))
# Words that make a position less certain ("we might support ...", "perhaps necessary").
HEDGES = frozenset(
    words(
        "may might could perhaps possibly probably maybe somewhat partly apparently arguably "
        "seem appear"
    )
)
# Words that make it more certain ("deeply concerned", "strongly oppose").
INTENSIFIERS = frozenset(
    words(
        "deeply strongly absolutely firmly fully completely very extremely utterly "
        "categorically resolutely brazenly brazen continual always gravely seriously"
    )
)
FIRST_PERSON = frozenset(words("i we us our my me"))
