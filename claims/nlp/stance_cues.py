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
            "unacceptable dangerous wrong illegitimate harmful destructive "
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
# Of those, the attitudes someone holds: "the opposition to X", "their support for X" may be
# anyone's; "the need for X" is judged by whoever states it.
ATTITUDE_NOUNS = frozenset(
    words("support commitment concern worry alarm condemnation opposition objection criticism")
)

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
        "so-called alleged notorious illegitimate aggressive hostile unfriendly "
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

# --- Composing word polarities through the parse (``claims.nlp.stance.compose``) ---

# Consequence verbs: what they bring about passes its polarity to their subject ("X causes
# poverty" is against X); what they take away passes the opposite ("X reduces crime").
BRINGS_ABOUT = frozenset(
    words(
        "cause lead result increase create bring produce help allow enable permit raise boost generate fuel spur foster "
        "encourage spread promote worsen exacerbate aggravate enhance expand maximize "
        "contribute yield provoke trigger breed perpetuate entail mean inspire incite invite "
        "attract"
    )
)
TAKES_AWAY = frozenset(
    words(
        "reduce decrease lower prevent stop limit curb cut eliminate diminish avoid end block "
        "hinder minimize alleviate relieve mitigate remove combat fight counter deter tackle "
        "eradicate lessen ease deny restrict suppress ban abolish outlaw prohibit forbid "
        "criminalize criminalise discourage halt destroy damage harm ruin undermine erode "
        "shatter weaken threaten violate infringe compromise jeopardize jeopardise endanger "
        "hurt impair control solve resolve fix remedy repair overcome correct redress address "
        "impede hamper obstruct stifle inhibit investigate punish prosecute confront"
    )
)
# With an object of no polarity, enabling still counts a little for the subject ("X allows
# voters to take part") and taking away counts against it only when the verb is negative.
ENABLES = frozenset(
    words("allow enable help provide give offer permit empower support protect ensure save")
)
# Verbs whose object is a harm whatever its words ("X prevents infections"): with an object
# of no polarity they still count a little for their subject, as enabling does.
REMEDIES = frozenset(
    words("prevent tackle eradicate alleviate mitigate curb avert cure solve resolve remedy")
)
# Acts on the topic: promoting it is for it, suppressing it is against it ("we should ban X",
# "X must be protected", "the use of X").
PROMOTING_ACTS = frozenset(
    words(
        "support promote encourage protect defend allow enable build fund adopt use need want "
        "expand improve strengthen preserve legalize legalise implement introduce pass choose "
        "embrace subsidize subsidise welcome keep guarantee respect uphold advocate favor favour "
        "benefit grant spread extend"
    )
)
SUPPRESSING_ACTS = frozenset(
    words(
        "ban prohibit restrict abolish oppose reject criminalize criminalise outlaw forbid "
        "fight combat prevent stop end eliminate reduce limit curb condemn censor punish "
        "prosecute regulate replace abandon scrap repeal resist avoid discourage denounce "
        "criticize criticise suppress"
    )
)
PROMOTING_NOUNS = frozenset(words("support promotion protection defense defence need legalization"))
SUPPRESSING_NOUNS = frozenset(
    words(
        "ban prohibition restriction abolition opposition rejection criminalization censorship "
        "fight prevention elimination reduction limitation criticism threat danger risk "
        "regulation"
    )
)
# Nouns that take away their complement: "an end to wars" is for peace.
REMOVAL_NOUNS = frozenset(
    words(
        "end lack absence loss elimination reduction prevention abolition shortage decline "
        "solution remedy cure antidote obstacle barrier impediment hindrance"
    )
)
# Removals that are a harm whatever they remove ("the loss of entire habitats").
LOSSES = frozenset(words("loss lack shortage decline obstacle barrier impediment hindrance"))
# Harms that value what they threaten ("a threat to X"), though not what they come of.
HARMS = frozenset(words("threat danger risk damage harm"))
# Verbs that report someone else's opinion: a judgement inside their clause is that person's
# ("critics say X is bad"), unless the speaker reports their own ("we believe ...").
REPORTING_VERBS = frozenset(
    words(
        "say claim argue believe think contend allege insist assert maintain suggest state "
        "feel hold charge complain accuse fear warn consider regard deem"
    )
)
# Nouns whose "that" clause is someone's opinion, not a fact the speaker states ("the claim
# that X is bad").
REPORTED_NOUNS = frozenset(
    words("claim belief argument view assertion allegation notion opinion contention")
)
# Words that turn what they govern into its opposite: "the refusal to support ...", "X fails
# to reduce crime", "X is unable to protect ...".
REFUSALS = frozenset(words("refuse refusal fail failure decline reluctance unable inability"))
# Nouns of consequence: their complement's polarity is theirs ("the main cause of death").
CONSEQUENCE_NOUNS = frozenset(words("cause source driver root origin result consequence"))
# Adjectives that make what follows "for" a consequence of their subject ("X is responsible
# for the crisis", "X is to blame for ...").
RESPONSIBLE = frozenset(words("responsible blameworthy culpable"))
# Words of amount that turn what they modify around ("less likely to go to war", "a low
# cost"), and a subject they are said of ("the cost is low") or what is "low in" it.
DIMINISHERS = frozenset(
    words("less lesser fewer few little low lower small smaller rarely seldom decreasingly")
)
# Words of amount, either way: a conjunct with its own is out of the reach of another's
# ("no fuel and high risk"), one with another modifier is in it ("less violence and mass
# murder").
AMOUNTS = DIMINISHERS | frozenset(
    words("high higher more most many much great greater large larger big bigger huge no")
)
# "a few", "a little" are some, not few.
SOME_WITH_ARTICLE = frozenset(words("few little"))
# Adjectives that set their subject against their complement ("X is contrary to the common
# good", "incompatible with human rights").
OPPOSED_TO = frozenset(words("contrary incompatible inconsistent opposed antithetical averse"))
# Participles that tie a noun to its source ("the risks associated with X", "deaths caused by
# X", "problems linked to X").
LINKS = frozenset(words("associate link relate connect tie cause attribute bring create"))
# Verbs that keep their object from what follows "from" ("protects people from violence").
PROTECTS = frozenset(words("protect shield save guard free rescue spare defend insulate secure"))
# Predicates that doubt the size or truth of their subject ("the benefits are exaggerated").
DOUBTS = frozenset(
    words(
        "exaggerate exaggerated overstate overstated overblown overrate overrated unproven "
        "illusory mythical negligible minimal rare unlikely questionable doubtful dubious"
    )
)
# Subordinators of a condition whose main clause follows from it ("when X spreads, ...").
CONDITIONS = frozenset(words("if when whenever once"))
# Prepositions and adverbs that set the topic against what the clause says ("X rather than
# Y", "instead of X", "unlike X", "without X").
CONTRASTS = frozenset(words("than instead unlike without except"))

# Argumentation words the social-media lexicon lacks, on its -1..1 scale.
ARGUMENT_VALENCES: dict[str, float] = {
    **dict.fromkeys(
        words(
            "pollution discrimination corruption inequality imbalance exploitation violence "
            "unemployment disease addiction extinction degradation erosion deforestation "
            "emission emissions inefficiency inefficient exploit manipulate manipulation "
            "oppression injustice instability racism sexism censorship conflict detrimental "
            "hazard toxic expensive costly intermittent coerce coercion corrupt flood dilute "
            "displacement displace inhibit undemocratic discriminatory manipulative impossible "
            "segregation invade affront genocide unusable stereotypical crumble compromise "
            "slander monopolise monopolize monopoly dependence dependent unnecessary pointless "
            "arbitrary infringe inequitable excessive scarce contaminate destabilize "
            "illegitimate addictive obesity mortality casualty hazardous unsustainable "
            "insecurity deficit debt recession famine starvation poverty homelessness "
            "overcrowding congestion inflation bureaucracy fraud bribery tyranny dictatorship "
            "authoritarian totalitarian radicalization extremism propaganda indoctrination "
            "stigma harassment bullying obstacle barrier drawback downside flaw loophole "
            "endanger jeopardize jeopardise impair erode shatter blight antisemitic bigoted "
            "xenophobic malicious impractical unrealistic unworkable infeasible unviable "
            "artificial artificiality distortion exploitative atrocity atrocities casualties "
            "deterioration deteriorate controversy controversies deceptive disproportionate "
            "indiscriminate detriment fragmentation infidelity impede hamper obstruct stifle "
            "imprudent senseless misuse persecution facade abridge"
        ),
        -0.5,
    ),
    # what must be paid is a drawback, though a milder one ("X raises costs", "X costs jobs")
    **dict.fromkeys(words("cost costs"), -0.3),
    **dict.fromkeys(
        words(
            "efficient efficiency prosperity stability sustainable renewable clean accountability "
            "transparency equality growth innovation reconciliation participation affordable "
            "reliable constitutional democratic flexible fundamental productive usable "
            "essential necessary crucial competition quality accountable transparent "
            "equitable accessible access empower empowerment legitimate rights liberty "
            "dignity tolerance prosperous stable secure safety welfare wellbeing opportunity "
            "sustainability diversity inclusion cooperation consensus deterrence "
            "independence autonomy self-determination justice fairness merit resilience "
            "practical realistic workable feasible viable flourish thrive remedy choice "
            "preferable prudent sensible advisable unbiased"
        ),
        0.5,
    ),
}
# Words whose lexicon polarity is a status or a quantity, not a judgement ("abortion is
# illegal in Ireland", "the cost is low", "free trade"), or that mostly appear as names.
NEUTRAL_WORDS = frozenset(
    words(
        "illegal legal lawful unlawful criminal low high free open like please pretty joke "
        "kind well party united no yes security clearly naturally certainly surely greatest "
        "surest"
    )
)
