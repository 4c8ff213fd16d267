"""Transcript lines opened by a person's name in title case, on texts written for these
tests."""

from __future__ import annotations

from spacy.language import Language

from tests.nlp.test_statements import statements

PANEL = (
    "The ferry debate went on late into the night on the harbour channel.\n\n"
    "Ann Hale: Well, the ferry has never paid for itself and it never will.\n\n"
    "Tom Berg: The island would be cut off for half the year without it."
)


def test_a_line_opened_by_a_persons_name_and_a_colon_is_theirs(nlp: Language) -> None:
    found = [(s.speaker_mention, s.cue, s.text) for s in statements(nlp, PANEL)]
    assert (
        "Ann Hale",
        ":",
        "Well, the ferry has never paid for itself and it never will.",
    ) in found
    assert ("Tom Berg", ":", "The island would be cut off for half the year without it.") in found


def test_a_label_or_a_tally_after_a_colon_is_no_statement(nlp: Language) -> None:
    text = (
        "Ann Hale won the vote in the harbour ward on Sunday.\n\n"
        "Update: The ferry will not run on Monday because of the storm.\n\n"
        "Hale: 2,316."
    )
    assert [s for s in statements(nlp, text) if s.cue == ":"] == []
