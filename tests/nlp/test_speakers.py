"""Who said it: mentions resolved inside one article, each with a reason a reviewer can read."""

from __future__ import annotations

from spacy.language import Language

from claims.nlp.records import CleanText, SpeakerInfo, StatementRecord
from claims.nlp.statements import extract_statements


def extract(
    nlp: Language, text: str
) -> tuple[tuple[SpeakerInfo, ...], tuple[StatementRecord, ...]]:
    clean = CleanText(text=text, original=text, paragraphs=((0, len(text)),))
    return extract_statements(nlp(text), clean)


def speaker_of(speakers: tuple[SpeakerInfo, ...], statement: StatementRecord) -> SpeakerInfo:
    assert statement.speaker is not None, statement
    return speakers[statement.speaker]


def test_full_name_split_into_name_role_and_affiliation(nlp: Language) -> None:
    text = "Russian Foreign Minister Sergey Lavrov said that the talks had failed."
    speakers, (statement,) = extract(nlp, text)
    speaker = speaker_of(speakers, statement)
    assert (speaker.name, speaker.role, speaker.affiliation) == (
        "Sergey Lavrov",
        "Foreign Minister",
        "Russia",
    )
    assert statement.speaker_mention == "Russian Foreign Minister Sergey Lavrov"


def test_surname_pronoun_and_role_noun_resolve_to_the_same_person(nlp: Language) -> None:
    text = (
        "German Finance Minister Klaus Weber said that the budget was balanced. "
        "Weber said the deficit would shrink next year. "
        "He added that pensions would rise. "
        "The minister stressed that taxes would stay the same."
    )
    speakers, statements = extract(nlp, text)
    assert len(statements) == 4
    assert {speaker_of(speakers, s).name for s in statements} == {"Klaus Weber"}
    reasons = [s.resolution for s in statements]
    assert "earliest full form Klaus Weber" in reasons[1]
    assert reasons[2].startswith("pronoun 'He' → ") and reasons[2].endswith("Klaus Weber")
    assert reasons[3].startswith("role noun 'The minister' → ")
    weber = speaker_of(speakers, statements[0])
    assert {"Weber", "He", "The minister"} <= set(weber.aliases)
    assert "German Finance Minister Klaus Weber" in weber.aliases


def test_role_noun_goes_to_the_speaker_whose_role_fits(nlp: Language) -> None:
    text = (
        "Foreign Minister Anna Lind said that the embassy would reopen. "
        "Mayor Peter Holm said that the streets were safe. "
        "The top diplomat added that visas would be issued again."
    )
    speakers, statements = extract(nlp, text)
    assert speaker_of(speakers, statements[-1]).name == "Anna Lind"


def test_pronoun_skips_a_person_of_the_other_gender(nlp: Language) -> None:
    text = (
        "Mrs. Clara Nyberg said that the school would close. "
        "Mr. John Dahl said that parents were angry. "
        "She said that a new school would open in May."
    )
    speakers, statements = extract(nlp, text)
    assert speaker_of(speakers, statements[-1]).name == "Clara Nyberg"


def test_organisation_is_its_own_kind(nlp: Language) -> None:
    text = "The European Union said that the sanctions would remain in place."
    speakers, (statement,) = extract(nlp, text)
    speaker = speaker_of(speakers, statement)
    assert speaker.kind == "organisation"
    assert speaker.name == "European Union"


def test_anonymous_source_keeps_its_mention_under_the_unnamed_source(nlp: Language) -> None:
    text = "A source said that the deal would be signed on Friday."
    speakers, (statement,) = extract(nlp, text)
    speaker = speaker_of(speakers, statement)
    assert (speaker.kind, speaker.name) == ("anonymous", "Unnamed source")
    assert statement.speaker_mention == "A source"


def test_people_and_organisations_are_never_merged(nlp: Language) -> None:
    text = (
        "Senator Maria Holt said that the bill was fair. "
        "The Budget Committee said that the bill needed changes."
    )
    speakers, statements = extract(nlp, text)
    kinds = {speaker_of(speakers, s).kind for s in statements}
    assert kinds == {"person", "organisation"}


def test_possessive_pronoun_goes_to_the_subject_of_its_sentence(nlp: Language) -> None:
    text = (
        "Senator Ann Lee said that the harbour needed money. "
        "Governor Tom Reed is doubling down on his claim that the old bridge is unsafe."
    )
    speakers, statements = extract(nlp, text)
    claim = next(s for s in statements if s.cue == "claim")
    assert claim.speaker_mention == "his"
    assert speaker_of(speakers, claim).name == "Tom Reed"


def test_a_role_modifier_does_not_make_a_person(nlp: Language) -> None:
    text = "His campaign said that the senator would attend the debate in May."
    speakers, (statement,) = extract(nlp, text)
    assert speaker_of(speakers, statement).kind != "person"


def test_relative_source_keeps_the_noun_it_stands_for_when_that_names_no_one(
    nlp: Language,
) -> None:
    text = (
        "Senator Ann Cole, who said the bridge was unsafe, left early. "
        "Some local engineers, who have argued that the bridge is sound, disagreed."
    )
    speakers, statements = extract(nlp, text)
    named, unnamed = (s for s in statements if s.cue in ("said", "argued"))
    assert (speaker_of(speakers, named).name, named.speaker_mention) == ("Ann Cole", "who")
    assert speaker_of(speakers, unnamed).name == "Unnamed source"
    assert unnamed.speaker_mention == "Some local engineers who"
