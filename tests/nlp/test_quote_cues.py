"""Which cue a quotation takes when a sentence holds two, on texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from tests.nlp.test_statements import only, statements


def test_a_speech_cue_with_its_own_clause_leaves_the_quote_to_the_next_act(
    nlp: Language,
) -> None:
    text = (
        "Senator Hale said the ferry tax would raise money for the harbour, and called "
        "the mayor “the most careless official this island has ever had.”"
    )
    found = {(s.cue, s.text) for s in statements(nlp, text)}
    assert ("said", "the ferry tax would raise money for the harbour") in found
    assert any(cue == "called" and "careless official" in words for cue, words in found)


def test_a_quote_after_the_attributions_sentence_keeps_its_own_cue(nlp: Language) -> None:
    text = (
        "“The harbour needs a new wall,” Emma Clark said. Her verdict on the plan: "
        "“It is too late,” she said. “We are worried.”"
    )
    found = statements(nlp, text)
    assert {s.speaker_mention for s in found if "too late" in s.text} == {"she"}


def test_a_sentence_with_its_own_cue_between_two_quotes_parts_them(nlp: Language) -> None:
    text = (
        "“The ferry tax is fair,” Senator Hale said. He added that the harbour was "
        "“in a worse state than anyone admits.”"
    )
    found = statements(nlp, text)
    first = next(s for s in found if s.text.startswith("The ferry tax"))
    assert "worse state" not in first.text
    assert any(s.speaker_mention == "He" and "worse state" in s.text for s in found)


def test_a_digest_line_names_its_source_after_a_dash_before_the_colon(nlp: Language) -> None:
    text = (
        "FERRY USE FELL BY A THIRD THIS YEAR - Ann Cole: “The harbour lost most of its "
        "winter passengers to the new bridge and the bus lines.”"
    )
    found = only(statements(nlp, text))
    assert (found.cue, found.speaker_mention) == (":", "Ann Cole")


def test_an_act_after_the_quote_with_words_of_its_own_leaves_the_quote_to_the_clause(
    nlp: Language,
) -> None:
    text = (
        "Two councillors argue that “there is a precedent for a recall,” citing a vote in "
        "1998 in which a mayor was removed."
    )
    found = {(s.cue, s.text) for s in statements(nlp, text)}
    assert ("argue", "there is a precedent for a recall,") in found
    assert ("citing", "a vote in 1998 in which a mayor was removed") in found


def test_the_speaker_named_after_said_speaks_when_the_parser_hangs_it_elsewhere(
    nlp: Language,
) -> None:
    found = only(statements(nlp, "''The bridge will open in May,'' said Ada Brennan, half joking."))
    assert found.cue == "said"
    assert found.speaker_mention == "Ada Brennan"


def test_a_quote_after_another_speakers_cue_in_the_same_sentence_is_theirs(
    nlp: Language,
) -> None:
    text = (
        "“The ferry contract is settled,” Mayor Lund said as the dockworkers shouted: "
        "“No deal without the night shift!”"
    )
    found = {s.speaker_mention: s.text for s in statements(nlp, text)}
    assert found == {
        "Mayor Lund": "The ferry contract is settled,",
        "the dockworkers": "No deal without the night shift!",
    }


def test_a_second_cue_of_the_same_speaker_keeps_the_split_quote_together(
    nlp: Language,
) -> None:
    text = "“The ferry contract is settled,” Lund said, adding: “The night shift stays.”"
    found = statements(nlp, text)
    assert [s.speaker_mention for s in found] == ["Lund", "Lund"]
    assert "night shift" in found[1].text
