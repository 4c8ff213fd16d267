"""The article's entity layer and the speaker rules built on it, each pinned by sentences
written for the project: one mention, one rule."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claims.nlp.entities import ArticleEntities
from claims.nlp.gender import first_name_gender
from claims.nlp.pipeline import Extractor
from claims.nlp.records import ArticleExtraction, StatementRecord
from claims.nlp.repair import clean_article


def extract(extractor: Extractor, text: str) -> ArticleExtraction:
    return extractor.extract(clean_article(text))


def speaker(extraction: ArticleExtraction, statement: StatementRecord) -> str:
    assert statement.speaker is not None, statement
    return extraction.speakers[statement.speaker].name


def said_by(extraction: ArticleExtraction, words: str) -> StatementRecord:
    return next(s for s in extraction.statements if words in s.text)


# --- names ----------------------------------------------------------------------------------


def test_surname_and_first_name_join_the_full_name(extractor: Extractor) -> None:
    text = (
        "Harbour commissioner Linnea Oskarsson opened the hearing on Monday.\n\n"
        "Oskarsson said that the ferry schedule would change in spring.\n\n"
        "Linnea said that the old pier would be rebuilt."
    )
    extraction = extract(extractor, text)
    surname = said_by(extraction, "ferry schedule")
    first = said_by(extraction, "old pier")
    assert speaker(extraction, surname) == speaker(extraction, first) == "Linnea Oskarsson"
    assert surname.resolved_by == "surname"


def test_a_first_name_two_people_share_is_the_one_named_last(extractor: Extractor) -> None:
    text = (
        "Hannah Gale and her sister run the bakery on Dock Street.\n\n"
        "Later, Hannah Berg opened a cafe across the road.\n\n"
        "Hannah said that the cafe would stay open all winter."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "all winter")) == "Hannah Berg"
    assert "Hannah" not in {info.name for info in extraction.speakers}


def test_a_surname_with_a_particle_is_the_full_name(extractor: Extractor) -> None:
    text = (
        "Rania Al Khatib runs a bakery in Varnby.\n\n"
        "Al Khatib said that bread prices had doubled since spring."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "bread prices")) == "Rania Al Khatib"


def test_role_bound_to_a_name_resolves_the_role_noun(extractor: Extractor) -> None:
    text = (
        "Greta Lundqvist, the mayor of Norrvik, met farmers on Tuesday.\n\n"
        "Council member Anders Hed said that the budget was tight.\n\n"
        "The mayor said that the new road would be paved next summer."
    )
    extraction = extract(extractor, text)
    road = said_by(extraction, "new road")
    assert speaker(extraction, road) == "Greta Lundqvist"
    assert road.resolved_by == "role"


def test_an_unnamed_role_is_kept_under_the_unnamed_source(extractor: Extractor) -> None:
    text = "The harbourmaster said that the storm had damaged three boats."
    extraction = extract(extractor, text)
    (statement,) = extraction.statements
    info = extraction.speakers[statement.speaker]
    assert (info.name, info.kind) == ("Unnamed source", "anonymous")
    assert statement.speaker_mention == "The harbourmaster"
    assert statement.resolved_by == "description"


def test_a_name_in_apposition_is_the_speaker_not_the_role(extractor: Extractor) -> None:
    text = (
        "Tomas Rell was sentenced in Varnby on Tuesday.\n\n"
        "His lawyer, Mira Oskarsson, said that the appeal would be filed within ten days."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "appeal")) == "Mira Oskarsson"


def test_the_owner_of_a_role_is_not_the_one_who_speaks(extractor: Extractor) -> None:
    text = (
        "Tomas Rell was sentenced in Varnby on Tuesday.\n\n"
        "Rell's father, Anders, said that the family was shocked.\n\n"
        "His father said that his son had worked at the harbour for years."
    )
    extraction = extract(extractor, text)
    shocked = said_by(extraction, "shocked")
    harbour = said_by(extraction, "harbour")
    assert speaker(extraction, shocked) == "Anders"
    assert speaker(extraction, harbour) == "Anders"
    assert harbour.resolved_by == "role"


def test_a_statement_issued_by_someone_is_theirs(extractor: Extractor) -> None:
    text = (
        "An email sent to reporters by Mira Oskarsson, who joined the board in May, "
        "said that the ferry would keep running."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "ferry")) == "Mira Oskarsson"


def test_a_document_is_owned_by_the_name_before_it(extractor: Extractor) -> None:
    text = (
        "The Northern Fisheries Protection Board met on Monday.\n\n"
        "A Northern Fisheries Protection Board report said that the cod stock had recovered.\n\n"
        "Mira Oskarsson's statement said that the quotas would stay."
    )
    extraction = extract(extractor, text)
    report = said_by(extraction, "cod stock")
    assert speaker(extraction, report) == "Northern Fisheries Protection Board"
    assert speaker(extraction, said_by(extraction, "quotas")) == "Mira Oskarsson"


def test_an_official_named_later_in_the_phrase_is_the_speaker(extractor: Extractor) -> None:
    text = (
        "A coast guard officer in the Varnby district named Tomas Rell told reporters "
        "that most of the boats had been saved."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "boats")) == "Tomas Rell"


def test_people_named_together_speak_together(extractor: Extractor) -> None:
    text = "Maren and Olav Kestrel said that the farm had been in the family for a century."
    extraction = extract(extractor, text)
    statement = said_by(extraction, "farm")
    info = extraction.speakers[statement.speaker]
    assert (info.name, info.kind) == ("Maren Kestrel and Olav Kestrel", "group")


def test_a_description_after_a_sentence_about_a_person_is_that_person(
    extractor: Extractor,
) -> None:
    text = (
        "Niko Lindqvist scored twice for Varnby on Saturday.\n\n"
        "The 24-year-old forward said that the team had finally found its rhythm."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "rhythm")
    assert speaker(extraction, statement) == "Niko Lindqvist"
    assert statement.resolved_by == "description"


def test_a_description_of_a_thing_is_no_person(extractor: Extractor) -> None:
    text = (
        "Niko Lindqvist posted a video on Saturday.\n\n"
        "The 17-second clip says that the ferry will run all winter."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "ferry")) != "Niko Lindqvist"


def test_a_title_names_the_role_its_last_word_does(extractor: Extractor) -> None:
    text = (
        "The judge said that the hearing would resume in May.\n\n"
        "Justice Minister Arvid Holm declined to comment on the case."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "hearing")) != "Arvid Holm"


def test_an_indefinite_role_is_the_one_person_named_with_it(extractor: Extractor) -> None:
    text = (
        "A harbour inspector said that the old pier was unsafe.\n\n"
        "Inspector Maren Tellby closed the pier on Monday after a storm."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "old pier")
    assert speaker(extraction, statement) == "Maren Tellby"
    assert statement.resolved_by == "role"


# --- organisations ------------------------------------------------------------------------


def test_acronym_defined_in_brackets_is_the_full_name(extractor: Extractor) -> None:
    text = (
        "The Northern Fisheries Protection Board (NFPB) reviewed the quotas this week.\n\n"
        "The NFPB said that the cod stock had recovered."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "cod stock")
    assert speaker(extraction, statement) == "Northern Fisheries Protection Board"
    assert statement.resolved_by == "acronym"


def test_organisation_description_goes_to_the_organisation_named(extractor: Extractor) -> None:
    text = (
        "Brightwater Utilities cut power to 4,000 homes on Friday.\n\n"
        "The company said that most customers would be reconnected by Sunday."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "reconnected")
    assert speaker(extraction, statement) == "Brightwater Utilities"
    assert statement.resolved_by == "description"


def test_a_body_named_in_apposition_speaks(extractor: Extractor) -> None:
    text = "The British aid group Hollis said that its director had been killed."
    extraction = extract(extractor, text)
    statement = said_by(extraction, "director")
    info = extraction.speakers[statement.speaker]
    assert (info.name, info.kind) == ("Hollis", "organisation")


def test_the_company_is_the_one_the_sentence_is_about(extractor: Extractor) -> None:
    text = (
        "Norland Shipping Inc. said on Thursday that Tollan Freight Corp. had cancelled a deal.\n\n"
        "The company said that the winter timetable would not change."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "winter timetable")) == "Norland Shipping Inc"


def test_someone_for_a_body_is_not_the_person_named_before(extractor: Extractor) -> None:
    text = (
        "Dolores Varga was charged on Monday.\n\n"
        "According to the lawyer for the Varnby animal shelter, the dogs were underfed."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "underfed")) != "Dolores Varga"


def test_spokesperson_speaks_for_the_organisation(extractor: Extractor) -> None:
    text = "A Ministry of Transport spokesperson said that the bridge would reopen on Monday."
    extraction = extract(extractor, text)
    (statement,) = extraction.statements
    assert speaker(extraction, statement) == "Ministry of Transport"
    assert statement.resolved_by == "role"


def test_it_goes_to_the_organisation_named_last(extractor: Extractor) -> None:
    text = (
        "Northwind Airlines cancelled its evening flights after the storm.\n\n"
        "It said that buses would replace the flights until Thursday."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "buses")
    assert speaker(extraction, statement) == "Northwind Airlines"
    assert statement.resolved_by == "pronoun"


# --- pronouns and gender ------------------------------------------------------------------


def test_she_skips_the_man_named_last_by_the_first_name_lexicon(extractor: Extractor) -> None:
    text = (
        "Margaret Ellison runs the shelter on Dock Street.\n\n"
        "Robert Tanaka, a volunteer, helps with the meals.\n\n"
        "She said that the shelter needed twenty more beds."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "twenty more beds")) == "Margaret Ellison"


def test_the_articles_own_evidence_outranks_the_lexicon(nlp: Language) -> None:
    text = (
        "Ms. Jordan Pike said that the vote would be close.\n\n"
        "Jordan Pike added that her team was ready."
    )
    entities = ArticleEntities(nlp(text))
    (person,) = entities.people
    assert first_name_gender("Jordan") != "female"
    assert person.gender == "female"


def test_his_used_of_a_name_gives_its_gender(nlp: Language) -> None:
    text = "Ashgar Vennet said his bakery would close in May."
    (person,) = ArticleEntities(nlp(text)).people
    assert person.gender == "male"


def test_a_hyphenated_name_keeps_its_hyphens(extractor: Extractor) -> None:
    text = (
        "Senator Ann-Marie Vole-Tarrant said on Monday that the bill would fail.\n\n"
        '"We will not vote for it," Vole-Tarrant said.'
    )
    extraction = extract(extractor, text)
    full = "Ann-Marie Vole-Tarrant"
    assert speaker(extraction, said_by(extraction, "the bill would fail")) == full
    assert speaker(extraction, said_by(extraction, "We will not vote")) == full
    (person,) = ArticleEntities(extractor.nlp(text)).people
    assert person.gender == "female"  # "Ann-Marie" read by its first part


def test_a_title_the_tagger_read_into_a_full_name_is_the_role(extractor: Extractor) -> None:
    text = (
        "Councillor Ravi Patel said on Monday that the budget was too small.\n\n"
        '"We cannot fix the roads with this," Patel said.'
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "the budget was too small")
    assert speaker(extraction, statement) == "Ravi Patel"
    assert extraction.speakers[statement.speaker].role == "Councillor"
    assert speaker(extraction, said_by(extraction, "fix the roads")) == "Ravi Patel"


def test_a_title_before_a_single_name_is_part_of_how_the_person_is_named(
    extractor: Extractor,
) -> None:
    extraction = extract(extractor, "Pope Francis said on Sunday that the war must end.")
    assert speaker(extraction, said_by(extraction, "the war must end")) == "Pope Francis"


@pytest.mark.parametrize(("name", "gender"), [("Mary", "female"), ("John", "male"), ("Zzyzx", "")])
def test_first_name_lexicon(name: str, gender: str) -> None:
    assert first_name_gender(name) == gender


def test_a_first_name_far_more_common_as_a_surname_gives_no_gender(nlp: Language) -> None:
    assert first_name_gender("Reagan") == "female"  # rare as a first name, common surname
    (person,) = ArticleEntities(nlp("Reagan Voss opened the new bakery on Monday.")).people
    assert person.gender == ""


def test_a_first_name_the_article_gives_as_a_surname_gives_no_gender(nlp: Language) -> None:
    text = "Mary Holm met Leif Mary at the harbour on Monday."
    entities = ArticleEntities(nlp(text))
    assert entities.gender_of("Mary Holm") == ""


def test_he_opening_the_main_clause_of_the_next_sentence_is_the_name(nlp: Language) -> None:
    text = (
        "A letter signed by Reagan Voss, who chairs the board, said the bakery would stay.\n\n"
        "When asked about the loan, he replied that the bank had agreed."
    )
    entities = ArticleEntities(nlp(text))
    assert entities.gender_of("Reagan Voss") == "male"


def test_he_after_a_name_only_sentence_is_that_man(extractor: Extractor) -> None:
    text = (
        "Judge Erik Lind ruled against the harbour board on Monday.\n\n"
        "A letter e-mailed to reporters by Reagan Voss, who joined the board in May, said "
        "the board would obey the ruling.\n\n"
        "When asked about the fine, he replied that the board would pay it next week."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "pay it next week")) == "Reagan Voss"


def test_an_object_of_the_names_own_verb_is_someone_else(nlp: Language) -> None:
    text = (
        "Ossi Tanner thanked her for the flowers.\n\n"
        "Ossi Tanner tried to cheer her up.\n\n"
        "Ossi Tanner said his garden was ready."
    )
    (person,) = ArticleEntities(nlp(text)).people
    assert person.gender == "male"


def test_they_is_the_group_its_sentence_names_not_the_last_group_quoted(
    extractor: Extractor,
) -> None:
    text = (
        "The Greens said that the rebate would help young voters.\n\n"
        "The Pirates said that the rebate was a tax grab.\n\n"
        "Key to the Greens' hopes is the rebate. Almost all of it, they promise, will go "
        "back to families."
    )
    extraction = extract(extractor, text)
    promise = said_by(extraction, "back to families")
    assert speaker(extraction, promise) == "Greens"


def test_a_report_in_a_paper_is_the_papers(extractor: Extractor) -> None:
    text = (
        "A report in the Norrvik Times alleged that the mayor had hidden the ferry's "
        "losses from the council.\n\n"
        "A report in March found that the pier was unsafe."
    )
    extraction = extract(extractor, text)
    alleged = said_by(extraction, "hidden the ferry")
    assert speaker(extraction, alleged) == "Norrvik Times"
    march = said_by(extraction, "pier was unsafe")
    assert speaker(extraction, march) == "Unnamed document"


def test_he_is_the_person_the_sentence_before_names_not_an_earlier_subject(
    extractor: Extractor,
) -> None:
    text = (
        "Olav Brenn opened the harbour meeting on Monday.\n\n"
        "Director of the ferry line, Peter Sandvik, agreed with the plan.\n\n"
        '"We will start the work in May," he said.'
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "in May")) == "Peter Sandvik"


def test_a_name_inside_the_quote_is_not_the_pronoun(extractor: Extractor) -> None:
    text = (
        "Principal Helen Marsh spoke at the assembly.\n\n"
        '"Peter Quill taught here for thirty years," she said.'
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "thirty years")) == "Helen Marsh"


# --- page furniture -------------------------------------------------------------------------


def test_caption_lines_and_section_labels_never_become_speakers(extractor: Extractor) -> None:
    text = (
        "Ferry fares rise\n\n"
        "WATCH: Ferry passengers say the new fares are too high\n\n"
        "Story continues below advertisement\n\n"
        "HARBOUR NEWS: Captain Ivo Brandt said that the fares paid for new engines."
    )
    extraction = extract(extractor, text)
    names = {info.name for info in extraction.speakers}
    assert "Ivo Brandt" in names
    assert not names & {"WATCH", "HARBOUR NEWS", "Story"}
    assert "Story continues" not in extraction.clean.text
    assert "HARBOUR NEWS" not in extraction.clean.text


def test_a_common_word_opening_a_headline_is_no_named_speaker(extractor: Extractor) -> None:
    text = (
        "Witness says the van never slowed down before the crossing\n\n"
        "Police in Tarnby are looking for the driver of a blue van."
    )
    extraction = extract(extractor, text)
    statement = said_by(extraction, "never slowed")
    assert "Witness" not in [info.name for info in extraction.speakers]
    assert speaker(extraction, statement) == "Unnamed source"


def test_a_word_the_article_capitalises_elsewhere_stays_a_name(extractor: Extractor) -> None:
    text = (
        "Harbour says the ferries will run all winter\n\n"
        "The ferry operator Harbour added two boats last year."
    )
    extraction = extract(extractor, text)
    assert speaker(extraction, said_by(extraction, "ferries will run")) == "Harbour"
