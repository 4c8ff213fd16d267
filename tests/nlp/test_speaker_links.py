"""Speakers linked across the sentences of an article: the organisation an official works
for, the owner of a statement, the person a quote follows. Sentences written for the project."""

from __future__ import annotations

from claims.nlp.pipeline import Extractor
from tests.nlp.test_entities import extract, said_by, speaker


def test_official_speaks_for_the_organisation_after_the_noun(extractor: Extractor) -> None:
    text = (
        "An official with the Bath Harbour Authority who attended the hearing told reporters "
        "that mooring fees would rise in April."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "mooring fees")
    assert speaker(extraction, statement) == "Bath Harbour Authority"
    assert statement.resolved_by == "role"


def test_statement_with_no_owner_is_the_speaker_of_the_sentence_before(
    extractor: Extractor,
) -> None:
    text = (
        "The Dutch charity Windrose said two of its nurses were hurt in the flood. "
        "A statement said the group was relieved that both were recovering."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "relieved")
    assert speaker(extraction, statement) == "Windrose"


def test_statement_in_a_later_paragraph_keeps_no_owner(extractor: Extractor) -> None:
    text = (
        "The Dutch charity Windrose said two of its nurses were hurt in the flood.\n\n"
        "A statement said the river had crested overnight."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "crested")
    assert speaker(extraction, statement) == "Unnamed source"


def test_lede_description_is_the_person_the_next_sentence_first_names(
    extractor: Extractor,
) -> None:
    text = (
        "One former trustee said on Monday that she would stand again in the spring. "
        "Marta Oyelaran told the paper she left the board in 2019 over its spending."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "stand again")
    assert speaker(extraction, statement) == "Marta Oyelaran"
    assert statement.resolved_by == "description"


def test_lede_description_is_not_a_person_given_another_role(extractor: Extractor) -> None:
    text = (
        "A witness said the van was moving fast when it left the bridge. "
        "Tomas Vidal, the driver, said he braked as soon as he saw the ice."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "moving fast")
    assert speaker(extraction, statement) == "Unnamed source"


def test_organisation_named_past_the_mention_keeps_its_full_name(extractor: Extractor) -> None:
    text = (
        "About a third of the overdoses involved a sedative, according to the National "
        "Institute on Drug Abuse."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "sedative")
    assert speaker(extraction, statement) == "National Institute on Drug Abuse"


def test_the_post_is_by_whoever_wrote_in_it_before(extractor: Extractor) -> None:
    text = (
        "Ines Moreau, a researcher at the lab, stated in the group's blog post that the "
        "scam e-mails came from one sender.\n\n"
        "According to the post, the sender had changed tactics by Friday."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "changed tactics")
    assert speaker(extraction, statement) == "Ines Moreau"


def test_the_report_after_another_document_is_not_the_earlier_one(extractor: Extractor) -> None:
    text = (
        "Ines Moreau said in a report that ferries were often late.\n\n"
        "A study by the port authority looked at ten routes. The study found delays on most.\n\n"
        "Crossings take longer than they did a decade ago, the report said."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "Crossings take longer")
    assert speaker(extraction, statement) != "Ines Moreau"


def test_plural_role_noun_is_not_the_one_person_bound_to_it(extractor: Extractor) -> None:
    text = (
        "Harbour official Ann Cole said the piers would reopen on Monday.\n\n"
        "Officials said the storm damage would cost millions to repair."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "piers")) == "Ann Cole"
    assert speaker(extraction, said_by(extraction, "storm damage")) == "Unnamed source"


def test_plural_role_noun_is_not_the_last_speaker_of_that_role(extractor: Extractor) -> None:
    text = (
        "Senator Ann Cole said the bill would pass in March.\n\n"
        "Several senators said they would vote against it."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "vote against")) != "Ann Cole"


def test_a_citys_named_survey_is_the_citys(extractor: Extractor) -> None:
    text = (
        "Calgary opened two new shelters last week.\n\n"
        "According to the city's Shelter Needs Assessment, published in May, the number of "
        "people sleeping outdoors was estimated to be 410."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "sleeping outdoors")
    assert speaker(extraction, statement) == "Calgary"


def test_place_named_in_capitals_by_the_dateline_is_named_as_in_the_text(
    extractor: Extractor,
) -> None:
    text = (
        "MOSCOW — The ferry season will start late this year.\n\n"
        "Moscow said that the docks needed repairs after the ice storm."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "docks")) == "Moscow"
