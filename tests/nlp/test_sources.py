"""The source rules do what their docstrings say: each ``Example:`` line is parsed, and the
rule must take part in reading the cue's source, which must be the one documented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claims.nlp.sources import SOURCE_RULES, SourceRule, trace_source


def example(rule: SourceRule) -> tuple[str, str, str | None, str | None]:
    """(sentence, cue word, source, antecedent) from the rule's ``Example:`` line."""
    line = next(line.strip() for line in (rule.__doc__ or "").splitlines() if "Example:" in line)
    sentence, cue, source, antecedent = (
        part.strip() for part in line.split("Example:", 1)[1].split("|")
    )
    return (
        sentence,
        cue,
        None if source == "-" else source,
        None if antecedent == "-" else antecedent,
    )


@pytest.mark.parametrize("rule", SOURCE_RULES, ids=lambda rule: rule.__name__)
def test_source_rule_reads_its_docstring_example(nlp: Language, rule: SourceRule) -> None:
    sentence, cue, source, antecedent = example(rule)
    doc = nlp(sentence)
    verb = next(token for token in doc if token.text == cue)
    found, applied = trace_source(verb)
    assert rule.__name__ in applied
    assert (found.mention.text if found.mention is not None else None) == source
    assert (found.antecedent.text if found.antecedent is not None else None) == antecedent


def test_every_source_rule_has_an_example() -> None:
    for rule in SOURCE_RULES:
        assert example(rule)[0], rule.__name__


def test_no_rule_leaves_a_cue_without_a_source(nlp: Language) -> None:
    doc = nlp("Said to be ready.")
    source, _ = trace_source(doc[0])
    assert source.mention is None


@pytest.mark.parametrize(
    ("sentence", "cue", "source"),
    [
        (
            "The magazine published a story detailing the mayor's debts.",
            "detailing",
            "The magazine",
        ),
        (
            "The council shot back in an article stating that the port was safe.",
            "stating",
            "The council",
        ),
        ("A student held a sign that read “Save the harbour”.", "read", "A student"),
    ],
)
def test_what_a_story_article_or_sign_says_is_its_makers(
    nlp: Language, sentence: str, cue: str, source: str
) -> None:
    doc = nlp(sentence)
    found, _ = trace_source(next(token for token in doc if token.text == cue))
    mention = found.antecedent if found.mention.root.lower_ == "that" else found.mention
    assert mention.text == source
