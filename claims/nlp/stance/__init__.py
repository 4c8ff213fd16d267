"""Infers speakers' stances on topics from their statements (see ``scorers`` for the order).

- ``base``: the ``StanceScorer`` protocol, ``Reading`` and the per-speaker aggregation;
- ``rules``: precise cue rules for diplomatic wording ("we are concerned with X");
- ``lexicon``: prior word polarities (VADER) read as whole words and word families;
- ``phrase``: what one phrase says: those polarities composed through consequence verbs,
  negation and diminishers;
- ``compose``: the path from a topic mention to the phrases that judge it;
- ``whose``: whose opinion a clause states, the speaker's or someone else's they report;
- ``scorers``: ``ParseStanceScorer``, the default, which runs them in that order.
"""

from claims.nlp.stance.base import Reading, StanceScorer, aggregate
from claims.nlp.stance.rules import RULE_VERSION, RuleStanceScorer, read_position
from claims.nlp.stance.scorers import PARSE_VERSION, ParseStanceScorer

__all__ = [
    "PARSE_VERSION",
    "RULE_VERSION",
    "ParseStanceScorer",
    "Reading",
    "RuleStanceScorer",
    "StanceScorer",
    "aggregate",
    "read_position",
]
