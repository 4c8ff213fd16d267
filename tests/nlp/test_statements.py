"""Statement shapes the finder must recognise, on short texts written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from claims.nlp.quotes import find_quotes
from claims.nlp.records import CleanText, StatementRecord
from claims.nlp.spans import mention_of
from claims.nlp.statements import extract_statements


def statements(nlp: Language, text: str, *, headline: str = "") -> tuple[StatementRecord, ...]:
    clean = CleanText(text=text, original=text, headline=headline, paragraphs=_paragraphs(text))
    _, found = extract_statements(nlp(text), clean)
    for statement in found:
        assert text[statement.start : statement.end] == statement.text
    return found


def _paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    spans, start = [], 0
    for block in text.split("\n\n"):
        spans.append((start, start + len(block)))
        start += len(block) + 2
    return tuple(spans)


def only(found: tuple[StatementRecord, ...]) -> StatementRecord:
    assert len(found) == 1, [s.text for s in found]
    return found[0]


def with_cue(found: tuple[StatementRecord, ...], cue: str) -> StatementRecord:
    """The one statement with this cue among several."""
    return only(tuple(s for s in found if s.cue == cue))


def test_direct_quote_before_attribution_with_curly_quotes(nlp: Language) -> None:
    found = only(statements(nlp, "“The border must stay open to trade,” the mayor said."))
    assert found.kind == "direct"
    assert found.cue == "said"
    assert found.text.startswith("The border must stay open")
    assert found.speaker_mention == "the mayor"


def test_direct_quote_after_attribution_with_straight_quotes(nlp: Language) -> None:
    text = 'Anna Berg said on Monday, "We will not raise taxes this year."'
    found = only(statements(nlp, text))
    assert found.kind == "direct"
    assert found.text == "We will not raise taxes this year."


def test_quote_introduced_by_a_colon(nlp: Language) -> None:
    text = "Ms Hewitt said: “Nobody in this town will lose their home over the new rules.”"
    found = only(statements(nlp, text))
    assert found.kind == "direct"
    assert found.speaker_mention == "Ms Hewitt"
    assert found.text.startswith("Nobody in this town")


def test_split_quote_is_one_statement(nlp: Language) -> None:
    text = "“The plan is ready,” he said, “and the council will vote on it next week.”"
    found = only(statements(nlp, text))
    assert found.text.startswith("The plan is ready")
    assert found.text.endswith("next week.")


def test_quote_running_over_two_paragraphs_is_one_statement(nlp: Language) -> None:
    text = (
        "Tom Reed said the vote was close.\n\n"
        "“We counted every ballot twice and the result did not change.\n\n"
        "“We will publish the numbers tomorrow morning,” he said."
    )
    direct = [s for s in statements(nlp, text) if s.kind == "direct"]
    assert len(direct) == 1
    assert "counted every ballot" in direct[0].text
    assert "publish the numbers" in direct[0].text
    assert direct[0].paragraph == 1


def test_quote_broken_by_a_line_mid_sentence_runs_on_to_its_closing_mark(
    nlp: Language,
) -> None:
    text = (
        "Tove Lind wrote to the council.\n\n"
        '"Who may use the new pier is for the harbour office to decide\n\n'
        'after it has heard the fishermen and the ferry line," said Lind in a letter.'
    )
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].inner(text).endswith("ferry line,")
    direct = [s for s in statements(nlp, text) if s.kind == "direct"]
    assert len(direct) == 1
    assert "harbour office" in direct[0].text
    assert "ferry line" in direct[0].text
    assert direct[0].speaker_mention == "Lind"


def test_a_new_paragraph_opening_with_its_own_quote_is_not_joined() -> None:
    text = '"We will open the pier in May\n\nThe council said "it will not be ready" today.'
    inner = [q.inner(text) for q in find_quotes(text)]
    assert "it will not be ready" in inner


def test_a_name_the_parser_hung_on_the_noun_before_and_speaks(nlp: Language) -> None:
    text = (
        "Her brother and his wife visited Lund and asked him about plans for his farm and "
        "Lund suggested he might sell a field."
    )
    found = next(s for s in statements(nlp, text) if "sell a field" in s.text)
    assert found.speaker_mention == "Lund"


def test_a_quote_attributed_by_according_to_and_the_quote_after_it(nlp: Language) -> None:
    text = (
        '"The ferry has run late every winter for a decade," according to Dr. Tove Lind, '
        'a harbour engineer at the Norrvik Maritime Institute. "Nobody has fixed the pier."'
    )
    found = only(statements(nlp, text))
    assert (found.kind, found.cue, found.speaker_mention) == (
        "direct",
        "according to",
        "Dr. Tove Lind",
    )
    assert found.text.startswith("The ferry has run late")
    assert found.text.endswith("Nobody has fixed the pier.")


def test_a_quote_introduced_by_an_inner_speech_verb_is_its_speakers(nlp: Language) -> None:
    text = "Ms. Lund said she heard the fishermen shout, “Close the harbour to the tankers now!”"
    quoted = next(s for s in statements(nlp, text) if s.kind == "direct")
    assert quoted.text.startswith("Close the harbour")
    assert quoted.speaker_mention == "the fishermen"


def test_according_to(nlp: Language) -> None:
    text = "The factory will close in March, according to the regional governor."
    found = only(statements(nlp, text))
    assert found.cue == "according to"
    assert found.text == "The factory will close in March"
    assert "governor" in found.speaker_mention


def test_what_a_poll_opening_the_sentence_shows(nlp: Language) -> None:
    text = "In a county poll released Monday, 50 percent of residents chose the mayor."
    found = only(statements(nlp, text))
    assert found.text == "50 percent of residents chose the mayor"
    assert found.speaker_mention == "a county poll"


def test_a_poll_inside_the_sentence_attributes_nothing(nlp: Language) -> None:
    assert not statements(nlp, "The mayor has a decisive lead in the polls.")


def test_a_reported_condition_keeps_its_if(nlp: Language) -> None:
    """Dropping the opening words of "that if the vote fails, …" turned a condition into a
    claim: "the vote fails, he will resign"."""
    found = only(statements(nlp, "Mayor Lund said that if the vote fails, she will resign."))
    assert found.text == "that if the vote fails, she will resign"


def test_reported_speech_with_that_clause(nlp: Language) -> None:
    found = only(statements(nlp, "The senator emphasized that the bridge needs urgent repairs."))
    assert found.kind == "indirect"
    assert found.cue == "emphasized"
    assert found.text == "that the bridge needs urgent repairs"


def test_reported_speech_with_a_complement(nlp: Language) -> None:
    found = only(statements(nlp, "The minister stated the need to protect the coastal fisheries."))
    assert found.kind == "indirect"
    assert found.text == "the need to protect the coastal fisheries"


def test_a_speech_act_joined_to_the_reported_clause_is_the_reporters(nlp: Language) -> None:
    found = statements(
        nlp,
        "Mr. Ortega forecast that the slumping economy would soon rebound and praised "
        "efforts by the mayor to find a solution.",
    )
    assert with_cue(found, "forecast").text == "that the slumping economy would soon rebound"
    praised = with_cue(found, "praised")
    assert praised.text == "efforts by the mayor to find a solution"
    assert praised.speaker_mention == "Mr. Ortega"


def test_what_the_reported_subject_went_on_to_do_stays_in_the_clause(nlp: Language) -> None:
    found = only(statements(nlp, "Officials said prices rose and continued to climb in May."))
    assert found.text == "prices rose and continued to climb in May"


def test_a_phrase_of_time_or_place_before_the_cue_is_not_its_content(nlp: Language) -> None:
    found = statements(nlp, "On her Facebook page, the candidate posted it.")
    assert not [s.text for s in found if "Facebook" in s.text]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The senator criticized the mayor for the long delays at the port.",
            "the mayor for the long delays at the port",
        ),
        (
            "The senator criticized him for the long delays at the port.",
            "him for the long delays at the port",
        ),
        ("Ms. Okafor compared the plan to a tax on families.", "the plan to a tax on families"),
    ],
)
def test_an_act_on_an_object_keeps_what_follows_it(nlp: Language, text: str, content: str) -> None:
    assert only(statements(nlp, text)).text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor called it a serious setback for the harbour.", "it a serious setback"),
        ("Ms. Okafor described herself as a cautious optimist.", "herself as a cautious optimist"),
    ],
)
def test_a_pronoun_object_with_its_predicate_is_content(
    nlp: Language, text: str, content: str
) -> None:
    assert only(statements(nlp, text)).text.startswith(content)


def test_a_pronoun_object_alone_is_no_content(nlp: Language) -> None:
    assert not statements(nlp, "The mayor praised it.")


def test_an_as_clause_attributes_the_clause_it_is_hung_on(nlp: Language) -> None:
    text = "As the newspaper observed, the council now controls both chambers in most states."
    found = only(statements(nlp, text))
    assert found.text == "the council now controls both chambers in most states"
    assert found.speaker_mention == "the newspaper"


def test_an_as_clause_of_time_attributes_nothing(nlp: Language) -> None:
    text = "The students were dressed in black as they yelled at a player from the other school."
    assert not statements(nlp, text)


def test_a_clause_before_a_semicolon_is_not_the_next_cues_content(nlp: Language) -> None:
    text = "He calls for a single-payer health care system; Ms. Okafor aims to build on the law."
    found = {s.speaker_mention: s.text for s in statements(nlp, text)}
    assert found["Ms. Okafor"] == "to build on the law"


def test_what_a_document_found_is_its_object(nlp: Language) -> None:
    text = "A county poll this month found the mayor about even with her rival."
    assert only(statements(nlp, text)).text == "the mayor about even with her rival"
    assert not statements(nlp, "The inspector found the keys in the car.")


def test_a_second_that_clause_of_the_cue_is_part_of_its_content(nlp: Language) -> None:
    text = "He believes the plan is weak, but that the lesser of two evils will have to do."
    found = only(statements(nlp, text))
    assert found.text == "the plan is weak, but that the lesser of two evils will have to do"


def test_clause_then_attribution(nlp: Language) -> None:
    text = "The talks with the neighbours have been useful, Lavrov said."
    found = only(statements(nlp, text))
    assert found.kind == "indirect"
    assert found.text == "The talks with the neighbours have been useful"
    assert found.speaker_mention == "Lavrov"


def test_multi_word_cue(nlp: Language) -> None:
    text = "Maria Lopez pointed out that the hospital had no spare beds."
    found = only(statements(nlp, text))
    assert found.cue == "pointed out"
    assert found.text == "that the hospital had no spare beds"


def test_mixed_statement(nlp: Language) -> None:
    text = (
        "The mayor noted that only the residents “have the right to decide "
        "what happens to the old harbour.”"
    )
    found = only(statements(nlp, text))
    assert found.kind == "mixed"
    assert found.text.startswith("that only the residents")
    assert found.text.endswith("harbour.”")


def test_words_framing_a_quote_before_its_attribution_make_it_mixed(nlp: Language) -> None:
    found = only(
        statements(
            nlp, "The tax cut plans are “deeply irresponsible,” the economist Ann Ross said."
        )
    )
    assert found.kind == "mixed"
    assert found.text == "The tax cut plans are “deeply irresponsible,”"


def test_headline_attributed_by_a_dash(nlp: Language) -> None:
    headline = "Necessary to repair the dam before winter — Hansen"
    text = headline + "\n\nOfficials met on Monday to discuss the dam."
    found = [s for s in statements(nlp, text, headline=headline) if s.kind == "headline"]
    assert len(found) == 1
    assert found[0].text == "Necessary to repair the dam before winter"
    assert found[0].speaker_mention == "Hansen"


def test_transcript_line(nlp: Language) -> None:
    text = "SMITH: We are going to win this state by a wide margin."
    found = only(statements(nlp, text))
    assert found.cue == ":"
    assert found.speaker_mention == "SMITH"


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “reset” between the two countries did not last long.",
        "She starred in “Gone With The Wind Again” last year.",
        "The bridge was built in 1910 and carries four lanes of traffic.",
    ],
)
def test_scare_quotes_titles_and_background_are_not_statements(nlp: Language, text: str) -> None:
    assert statements(nlp, text) == ()


def test_no_cue_is_taken_from_inside_a_quote(nlp: Language) -> None:
    text = "“They said that the plan was dead, but it was never dead,” Ms Park said."
    found = only(statements(nlp, text))
    assert found.cue == "said"
    assert found.speaker_mention == "Ms Park"


def test_quote_finder_keeps_single_quotes_out() -> None:
    text = "He called it the ‘Eastern Partnership’ and said “enough is enough, we leave now.”"
    quotes = find_quotes(text)
    assert [q.inner(text) for q in quotes] == ["enough is enough, we leave now."]


def test_doubled_single_marks_are_a_quotation(nlp: Language) -> None:
    text = "''We will open the new school in the spring,'' Ms. Lund said."
    assert [q.inner(text) for q in find_quotes(text)] == [
        "We will open the new school in the spring,"
    ]
    found = only(statements(nlp, text))
    assert found.kind == "direct"
    assert found.text.startswith("We will open the new school")
    assert found.speaker_mention == "Ms. Lund"


def test_cue_inside_the_clause_it_attributes(nlp: Language) -> None:
    text = "In any case, Mr. Olsen said, the harbour was far too small for the new ships."
    found = only(statements(nlp, text))
    assert found.cue == "said"
    assert found.speaker_mention == "Mr. Olsen"
    assert found.text.startswith("In any case")
    assert found.text.endswith("for the new ships")


def test_quote_takes_no_cue_from_the_next_line(nlp: Language) -> None:
    text = (
        "The mayor spoke to the crowd for an hour.\n"
        '"They build," she said. "Everybody builds here, right?"\n'
        "Later, Tom Berg claimed the real problem was the bridge."
    )
    found = statements(nlp, text)
    quoted = [s for s in found if s.text.startswith("They build")]
    assert len(quoted) == 1
    assert quoted[0].kind == "direct"
    assert "Everybody builds" in quoted[0].text
    assert quoted[0].speaker_mention == "she"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The new mayor seems to be losing patience with the harbour board.", "seems"),
        ("The council is expected to approve the budget on Friday evening.", "expected"),
    ],
)
def test_impersonal_cue_has_no_speaker_and_keeps_the_subject(
    nlp: Language, text: str, cue: str
) -> None:
    found = only(statements(nlp, text))
    assert found.cue == cue
    assert found.speaker_mention == ""
    assert found.speaker is None
    assert found.text.startswith("The ")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("She's said the ferry will keep its winter timetable.", "She"),
        ("It's been reported that the ferry will keep its winter timetable.", ""),
    ],
)
def test_a_clitic_has_before_a_cue_is_no_passive(nlp: Language, text: str, mention: str) -> None:
    assert only(statements(nlp, text)).speaker_mention == mention


def test_passive_attribution_takes_the_agent(nlp: Language) -> None:
    text = "The tax plan was criticized by Senator Mark Hill as a gift to the banks."
    found = only(statements(nlp, text))
    assert found.cue == "criticized"
    assert found.speaker_mention == "Senator Mark Hill"
    assert found.text == "The tax plan"


def test_statement_put_out_by_someone_is_theirs(nlp: Language) -> None:
    text = "The Hill campaign issued a statement saying the senator would not attend the debate."
    found = only(statements(nlp, text))
    assert found.cue == "saying"
    assert found.speaker_mention == "The Hill campaign"
    assert found.text.startswith("the senator would not attend")


@pytest.mark.parametrize(
    "text",
    [
        "Turnout rose by a third this year, according to a count by the Daily Ledger.",
        "The mayor will resign in May, according to audio provided by the Daily Ledger.",
    ],
)
def test_according_to_a_document_by_an_author(nlp: Language, text: str) -> None:
    found = only(statements(nlp, text))
    assert found.cue == "according to"
    assert found.speaker_mention == "the Daily Ledger"


def test_short_quote_right_beside_a_speech_cue(nlp: Language) -> None:
    found = only(statements(nlp, "“We will see,” Ms. Lund said."))
    assert found.kind == "direct"
    assert found.text == "We will see,"
    assert found.speaker_mention == "Ms. Lund"


def test_quote_after_a_colon_belongs_to_the_subject_before_it(nlp: Language) -> None:
    text = "Tom Berg went even further: “If the bridge closes, the whole town will suffer.”"
    found = only(statements(nlp, text))
    assert found.kind == "direct"
    assert found.speaker_mention == "Tom Berg"
    assert found.text.startswith("If the bridge closes")


def test_uncued_quote_in_the_same_paragraph_runs_on(nlp: Language) -> None:
    text = (
        "“The harbour is far too small,” Anna Berg said on Monday at the meeting. "
        "“We need a new one before the ships get any bigger.”"
    )
    found = only(statements(nlp, text))
    assert found.text.startswith("The harbour is far too small")
    assert found.text.endswith("any bigger.")


def test_a_reporters_question_has_no_asker(nlp: Language) -> None:
    text = "Asked about the new bridge, the mayor said it would open in May."
    found = statements(nlp, text)
    question = with_cue(found, "Asked about")
    assert question.text == "the new bridge"
    assert question.speaker_mention == ""
    answer = with_cue(found, "said")
    assert answer.speaker_mention == "the mayor"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Asked what might surprise voters about him, the mayor said he loved the job.",
            "Asked",
            "what might surprise voters about him",
        ),
        (
            "The mayor spoke for an hour. (Asked what might surprise voters about him, "
            "the mayor said he loved the job.)",
            "Asked",
            "what might surprise voters about him",
        ),
        (
            "The mayor looked uneasy when asked about the cost of the new bridge.",
            "asked about",
            "the cost of the new bridge",
        ),
        (
            "When later pressed about what the harbour board may be planning, Lund said nothing.",
            "pressed about",
            "what the harbour board may be planning",
        ),
        (
            "“It’s been seven years,” Hale said, asked about the delay in an interview.",
            "asked about",
            "the delay in an interview",
        ),
    ],
)
def test_a_question_put_before_or_after_the_answer_has_no_asker(
    nlp: Language, text: str, cue: str, content: str
) -> None:
    question = with_cue(statements(nlp, text), cue)
    assert question.text == content
    assert question.speaker_mention == ""


@pytest.mark.parametrize(
    "text",
    [
        "The new law allows cities to set their own parking rates.",
        "The figures mean that the harbour will need more money next year.",
        "Her support for the new bridge surprised the whole council last week.",
        "She continued to campaign across the state for three more weeks.",
    ],
)
def test_acts_that_rarely_attribute_are_not_cues(nlp: Language, text: str) -> None:
    assert statements(nlp, text) == ()


def test_dateline_before_the_subject_is_not_the_source(nlp: Language) -> None:
    text = "OSLO (Wire) - Anna Berg said the harbour would open again in the spring."
    found = only(statements(nlp, text))
    assert found.speaker_mention == "Anna Berg"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("HALIFAX - Dockworkers said on Monday that the strike would end.", "Dockworkers"),
        (
            "BERGEN, Norway (Wire) — Harbour Minister Anna Berg said the channel would be dredged.",
            "Harbour Minister Anna Berg",
        ),
        # a hyphen inside a name in capitals is no dateline
        ("AFL-CIO President Anna Berg said the strike would end.", "AFL-CIO President Anna Berg"),
    ],
)
def test_a_dateline_hung_on_the_source_is_not_part_of_the_mention(
    nlp: Language, text: str, mention: str
) -> None:
    found = only(statements(nlp, text))
    assert found.speaker_mention == mention


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The harbour plan, said Brennan, who runs the ferry company, doesn't add up.", "Brennan"),
        (
            "Part of the trouble with the new bridge, say engineers like Ada Brennan, is the "
            "soft ground itself.",
            "engineers",
        ),
    ],
)
def test_a_speaker_named_in_an_aside_after_the_verb_says_the_sentence_around_it(
    nlp: Language, text: str, mention: str
) -> None:
    found = only(statements(nlp, text))
    assert found.speaker_mention == mention
    assert found.text == text.rstrip(".")


def test_an_aside_with_an_attribution_of_its_own_is_a_second_statement(nlp: Language) -> None:
    text = "Cole criticized the board for its spending, which she said would ruin the port."
    found = statements(nlp, text)
    assert with_cue(found, "criticized").text == "the board for its spending"
    assert with_cue(found, "said").text == "which she said would ruin the port"


def test_a_trailing_act_is_not_part_of_what_the_first_act_reports(nlp: Language) -> None:
    text = "Carson rejected the notion that the race was over, saying it had just begun."
    found = statements(nlp, text)
    assert with_cue(found, "rejected").text == "the notion that the race was over"
    assert with_cue(found, "saying").text == "it had just begun"


@pytest.mark.parametrize(
    ("text", "cue", "mention"),
    [
        # the comma before a quotation's closing mark still makes the act trail the sentence
        (
            "Mayor Lund talked up her “five-point plan,” promising to rebuild the docks.",
            "promising",
            "Mayor Lund",
        ),
        # a participle on the noun after "led to" is that noun's act, not the leader's
        (
            "The feud over the port budget led to the spectacle of Mayor Lund denouncing the "
            "harbour board before a meeting of the council.",
            "denouncing",
            "the spectacle of Mayor Lund",
        ),
    ],
)
def test_whose_act_a_participle_after_a_noun_is(
    nlp: Language, text: str, cue: str, mention: str
) -> None:
    assert with_cue(statements(nlp, text), cue).speaker_mention == mention


def test_a_quotation_the_parser_hung_on_the_name_after_it_is_not_part_of_the_mention(
    nlp: Language,
) -> None:
    # “Fair,” Cole, 69, told us. – parsed with the quotation as a child of "Cole"
    words = ["“", "Fair", ",", "”", "Cole", ",", "69", ",", "told", "us", "."]
    spaces = [False, False, False, True, False, True, False, True, True, False, False]
    heads = [1, 4, 1, 4, 8, 4, 4, 4, 8, 8, 8]
    deps = [
        "punct",
        "dep",
        "punct",
        "punct",
        "nsubj",
        "punct",
        "appos",
        "punct",
        "ROOT",
        "dobj",
        "punct",
    ]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    assert mention_of(doc[4]).text == "Cole"


def test_a_title_joined_to_a_name_by_and_is_one_source(nlp: Language) -> None:
    text = (
        "Independent candidate and former harbour pilot Ann Cole denied on Sunday that she "
        "had lied."
    )
    found = only(statements(nlp, text))
    assert found.speaker_mention == "Independent candidate and former harbour pilot Ann Cole"


def test_passive_cue_does_not_inherit_the_subject_of_another_verb(nlp: Language) -> None:
    text = "The city missed the deadline and was ordered to publish the full budget in May."
    found = only(statements(nlp, text))
    assert found.cue == "ordered"
    assert found.speaker is None
    assert found.speaker_mention == ""


def test_object_with_an_as_phrase_is_what_the_cue_attributes(nlp: Language) -> None:
    text = "The governor sees the new bridge as a waste of public money."
    found = only(statements(nlp, text))
    assert found.cue == "sees"
    assert found.text == "the new bridge as a waste of public money"
    assert found.speaker_mention == "The governor"


def test_made_it_clear_takes_the_clause_not_the_particle(nlp: Language) -> None:
    text = "Maria Lopez made it clear that the clinic would stay open all winter."
    found = only(statements(nlp, text))
    assert found.cue == "made clear"
    assert found.text == "that the clinic would stay open all winter"
    assert found.speaker_mention == "Maria Lopez"


def test_clause_hanging_on_a_prepositional_object(nlp: Language) -> None:
    text = (
        "The councillor spoke for an hour, claiming without any evidence "
        "that the harbour fund had been emptied."
    )
    claimed = with_cue(statements(nlp, text), "claiming")
    assert claimed.text == "that the harbour fund had been emptied"
    assert claimed.speaker_mention == "The councillor"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor argued that a new ferry would bring tourists into the town, "
            "saying it is all about the timetable.",
            "it is all about the timetable",
        ),
        (
            "The mayor dismissed the council's accusations that the port authority is "
            "breaking the law — saying the council chose not to accept the same help.",
            "the council chose not to accept the same help",
        ),
    ],
)
def test_trailing_participle_belongs_to_the_sentence_subject(
    nlp: Language, text: str, content: str
) -> None:
    saying = with_cue(statements(nlp, text), "saying")
    assert saying.speaker_mention == "The mayor"
    assert saying.text == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The port authority is reportedly preparing to sell the old ferry.",
            "reportedly",
            "The port authority is reportedly preparing to sell the old ferry",
        ),
        (
            "Reportedly, the treasurer moved the funds to a second account.",
            "Reportedly",
            "the treasurer moved the funds to a second account",
        ),
    ],
)
def test_hearsay_adverb_attributes_the_clause_to_no_one(
    nlp: Language, text: str, cue: str, content: str
) -> None:
    found = only(statements(nlp, text))
    assert (found.cue, found.text) == (cue, content)
    assert found.speaker is None
    assert found.speaker_mention == ""


def test_hearsay_adverb_on_a_cue_leaves_the_cue_its_source(nlp: Language) -> None:
    found = only(statements(nlp, "The treasurer reportedly told aides that the funds were gone."))
    assert found.cue == "told"
    assert found.speaker_mention == "The treasurer"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "The storm began two months after the mayor entered the race, "
            "calling the council a band of thieves.",
            "the mayor",
        ),
        (
            "The meeting ended early because the treasurer walked out, "
            "saying the accounts were a mess.",
            "the treasurer",
        ),
    ],
)
def test_participle_after_a_clause_with_its_own_subject_stays_with_that_subject(
    nlp: Language, text: str, subject: str
) -> None:
    participle = only(statements(nlp, text))
    assert participle.speaker_mention == subject


def test_a_question_put_by_someone_named_is_theirs(nlp: Language) -> None:
    text = '"Absolutely," the mayor said when asked by a reporter if that remains his view.'
    question = with_cue(statements(nlp, text), "asked")
    assert question.speaker_mention == "a reporter"
    assert question.text == "if that remains his view"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The senator emailed supporters saying the struggle continues.", "The senator"),
        (
            "The governor is making a pitch to coastal voters saying the new ferry "
            "will pay for itself.",
            "The governor",
        ),
    ],
)
def test_participle_on_an_audience_belongs_to_who_addressed_it(
    nlp: Language, text: str, subject: str
) -> None:
    saying = with_cue(statements(nlp, text), "saying")
    assert saying.speaker_mention == subject


def test_relative_pronoun_on_an_appositive_resolves_to_the_name(nlp: Language) -> None:
    text = "Anna Berg, the mayor who argued that the bridge was unsafe, resigned on Monday."
    clean = CleanText(text=text, original=text, headline="", paragraphs=((0, len(text)),))
    speakers, found = extract_statements(nlp(text), clean)
    argued = only(found)
    assert argued.speaker_mention == "who"
    assert speakers[argued.speaker].name == "Anna Berg"


@pytest.mark.parametrize(
    ("text", "cue", "maker"),
    [
        (
            "Within weeks the harbour board had written to residents, hired lawyers, and "
            "placed newspaper ads calling the plan a disaster.",
            "calling",
            "the harbour board",
        ),
        (
            "Anna Berg, who opened the campaign with a speech denouncing the toll, "
            "will not attend.",
            "denouncing",
            "Anna Berg",
        ),
    ],
)
def test_carrier_put_out_through_another_verb_is_its_makers(
    nlp: Language, text: str, cue: str, maker: str
) -> None:
    found = with_cue(statements(nlp, text), cue)
    assert found.speaker_mention == maker


@pytest.mark.parametrize(
    ("text", "cue", "speaker_mention"),
    [
        (
            "“People are bullied at any age,” the mayor said.\n\n"
            "“You know, it happens, right?” Anna Berg went on.",
            "went on",
            "Anna Berg",
        ),
        (
            "“The bridge is safe,” the mayor said.\n\n"
            "“Do you want to be associated with that?” she asked.",
            "asked",
            "she",
        ),
    ],
)
def test_attribution_after_a_quote_ending_its_sentence_is_not_a_continuation(
    nlp: Language, text: str, cue: str, speaker_mention: str
) -> None:
    second = statements(nlp, text)[1]
    assert (second.cue, second.speaker_mention) == (cue, speaker_mention)


def test_infinitive_on_an_effort_belongs_to_whoever_leads_it(nlp: Language) -> None:
    text = "The mayor will lead a new effort to paint the toll as a tax on the poor."
    found = with_cue(statements(nlp, text), "paint")
    assert found.speaker_mention == "The mayor"
    assert found.text == "the toll as a tax on the poor"


def test_dateline_closed_by_a_colon_is_not_the_source(nlp: Language) -> None:
    text = (
        "OSLO (Wire): Harbour Minister Anna Berg speaking at a port conference in Bergen, "
        "stated the need to dredge the outer channel."
    )
    found = only(statements(nlp, text))
    assert "Anna Berg" in found.speaker_mention


def test_hyphen_inside_an_apposition_is_no_dateline(nlp: Language) -> None:
    text = (
        "Trail maps were updated\n\n"
        "Ann Cole, a co-author of the survey, says walkers are more careful now."
    )
    found = only(statements(nlp, text))
    assert found.speaker_mention == "Ann Cole"


def test_quote_after_a_sentence_about_another_person_is_theirs(nlp: Language) -> None:
    text = (
        "“We wanted the whole choir back,” says Ross. “It is better with all of them.” "
        "Ann Cole did not hesitate. "
        "“I am grateful to sing with them again and to learn the new pieces.”"
    )
    found = statements(nlp, text)
    assert [s.speaker_mention for s in found][-1] == "Ann Cole"


def test_quote_after_a_colon_goes_to_the_subject_of_the_clause_before_it(
    nlp: Language,
) -> None:
    text = (
        "Board discipline was already slipping in March when Ann Cole again took to her blog "
        "with this: “The chair is a courtesy title and we will drop it within the year.”"
    )
    found = only(statements(nlp, text))
    assert found.speaker_mention == "Ann Cole"


def test_source_of_two_joined_common_nouns_keeps_both(nlp: Language) -> None:
    text = "Several harbour pilots and engineers say the new breakwater is too short."
    found = only(statements(nlp, text))
    assert found.speaker_mention == "Several harbour pilots and engineers"


def test_quote_after_a_sentence_about_she_continues_her_statement(nlp: Language) -> None:
    text = (
        "“We will sail again in June,” said Ann Cole. "
        "She also thanked the volunteers who had repaired the hull over the long winter.\n\n"
        "“They gave up their weekends for this boat and I will not forget it.”"
    )
    quotes = [s for s in statements(nlp, text) if s.kind == "direct"]
    assert [s.speaker_mention for s in quotes] == ["Ann Cole", "Ann Cole"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("On Tuesday the retired governor endorsed Halvorsen.", "endorsed", "Halvorsen"),
        ("Most of the union members voted for Okafor.", "voted for", "Okafor"),
    ],
)
def test_a_name_alone_is_what_an_act_is_about(
    nlp: Language, text: str, cue: str, content: str
) -> None:
    found = with_cue(statements(nlp, text), cue)
    assert found.text == content


def test_a_day_alone_is_not_what_was_said(nlp: Language) -> None:
    found = statements(nlp, "The mayor spoke on Friday.")
    assert not [s for s in found if s.text == "Friday"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The new ferry schedule seemed entirely unworkable to the commuters.", "seemed"),
        ("The harbour plan appears a costly mistake for the town.", "appears"),
    ],
)
def test_what_something_seems_to_be_is_attributed_to_no_one(
    nlp: Language, text: str, cue: str
) -> None:
    found = with_cue(statements(nlp, text), cue)
    assert found.speaker_mention == ""
    assert found.text.startswith("The ")
    assert "unworkable" in found.text or "mistake" in found.text


def test_what_someone_seems_to_do_is_still_no_ones(nlp: Language) -> None:
    found = with_cue(statements(nlp, "The mayor seemed to falter in the last weeks."), "seemed")
    assert found.speaker_mention == ""
    assert found.text.startswith("The mayor")


def test_appearing_somewhere_attributes_nothing(nlp: Language) -> None:
    assert not statements(nlp, "The senator appeared at the harbour rally on Monday.")


def test_what_someone_spoke_about_is_theirs(nlp: Language) -> None:
    found = with_cue(
        statements(nlp, "At the town hall, Mayor Lund spoke about the cost of the new bridge."),
        "spoke about",
    )
    assert found.text == "the cost of the new bridge"
    assert found.speaker_mention == "Mayor Lund"


def test_speaking_on_condition_of_anonymity_says_nothing(nlp: Language) -> None:
    text = "A harbour official, speaking on condition of anonymity, left the meeting early."
    assert not [s for s in statements(nlp, text) if "anonymity" in s.text]


def test_going_to_view_a_thing_attributes_nothing(nlp: Language) -> None:
    assert not statements(nlp, "Hundreds of residents came to view the new ferry on Sunday.")


def test_a_supporter_of_something_holds_a_position_on_it(nlp: Language) -> None:
    found = only(statements(nlp, "Councillor Hale is a fierce critic of the ferry contract."))
    assert found.cue == "critic of"
    assert found.text == "the ferry contract"
    assert found.speaker_mention == "Councillor Hale"


def test_what_someone_is_looking_for_is_their_aim(nlp: Language) -> None:
    text = "Senator Hale is looking for a running mate with experience in the navy."
    found = with_cue(statements(nlp, text), "looking for")
    assert found.text.startswith("a running mate")
    assert found.speaker_mention == "Senator Hale"


def test_looking_at_something_attributes_nothing(nlp: Language) -> None:
    assert not statements(nlp, "Senator Hale looked at the harbour from the old bridge.")


def test_making_the_case_that_is_a_claim(nlp: Language) -> None:
    found = only(statements(nlp, "Ms. Lund made the case that the ferry should stay public."))
    assert found.text == "that the ferry should stay public"
    assert found.speaker_mention == "Ms. Lund"


def test_what_someone_pushes_for_is_their_position(nlp: Language) -> None:
    found = only(statements(nlp, "The dockworkers' union pushed for a vote on the contract."))
    assert found.text == "a vote on the contract"


def test_a_case_made_for_something_is_about_it(nlp: Language) -> None:
    found = only(statements(nlp, "Ms. Lund made the case for a second harbour bridge."))
    assert found.text == "a second harbour bridge"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "The sudden closure of the port led many traders to speculate that the tariff would rise.",
            "speculate",
            "many traders",
        ),
        (
            "The vote left some councillors wondering whether the bridge would ever be built.",
            "wondering",
            "some councillors",
        ),
    ],
)
def test_whoever_a_cause_moves_to_speak_is_the_source(
    nlp: Language, text: str, cue: str, source: str
) -> None:
    found = with_cue(statements(nlp, text), cue)
    assert found.speaker_mention == source


def test_whoever_is_urged_to_speak_is_not_the_source(nlp: Language) -> None:
    text = "Mayor Lund urged the councillors to reject the harbour plan."
    assert not [s for s in statements(nlp, text) if s.speaker_mention == "the councillors"]


def test_an_infinitive_of_purpose_is_the_actors(nlp: Language) -> None:
    text = "In an effort to reassure the farmers, Mayor Lund promised that the dam would hold."
    found = with_cue(statements(nlp, text), "reassure")
    assert found.speaker_mention == "Mayor Lund"


def test_what_a_thing_is_known_for_is_no_ones(nlp: Language) -> None:
    text = "Lund sold the land to a builder known to be bullish on marinas."
    found = with_cue(statements(nlp, text), "known")
    assert found.speaker_mention == ""
    assert found.speaker is None


def test_a_street_known_by_a_name_says_nothing(nlp: Language) -> None:
    text = "The parade passed along a narrow street known as the Long Mile."
    assert not [s for s in statements(nlp, text) if s.cue == "known"]


def test_that_said_is_the_writers_turn_not_a_statement(nlp: Language) -> None:
    found = statements(nlp, "That said, Mayor Lund insists the harbour will reopen in May.")
    assert [s.cue for s in found] == ["insists"]
    assert found[0].speaker_mention == "Mayor Lund"


def test_all_told_is_the_writers_sum_not_a_statement(nlp: Language) -> None:
    text = "All told, up to 5 million tenants could be eligible for the harbour programs."
    assert statements(nlp, text) == ()


def test_whom_something_seemed_so_to_is_the_source(nlp: Language) -> None:
    found = with_cue(
        statements(nlp, "To Mayor Lund, the harbour plan seemed like a costly mistake."), "seemed"
    )
    assert found.speaker_mention == "Mayor Lund"
    assert "costly mistake" in found.text


def test_a_digest_quote_is_the_bylines_even_after_a_headline_verb(nlp: Language) -> None:
    text = (
        "FERRY RIDERS WANT LATER SAILINGS - Ann Cole and Bo Dahl: “Most riders we asked "
        "would take a later boat if the fare stayed the same, and many said so twice.”"
    )
    found = statements(nlp, text)
    assert [(s.speaker_mention, s.cue) for s in found] == [("Ann Cole and Bo Dahl", ":")]


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Lund opened a harbour rally blasting the council for its long delays.",
        "Later that day, Mayor Lund fired back a response saying the council had lied.",
    ],
)
def test_a_rally_or_response_speaks_for_whoever_held_or_sent_it(nlp: Language, text: str) -> None:
    found = only(statements(nlp, text))
    assert found.speaker_mention == "Mayor Lund"


@pytest.mark.parametrize(
    ("text", "cue", "start"),
    [
        ("The council views the ferry contract as a costly mistake.", "views", "the ferry"),
        ("Ms. Lund learned that the harbour board had cancelled the vote.", "learned", "that the"),
        ("Most dockworkers feel that the ferry contract is unfair.", "feel", "that the ferry"),
        ("Councillor Hale favors a second bridge over the harbour.", "favors", "a second"),
        ("The union has embraced the plan for a night ferry.", "embraced", "the plan"),
        ("The dockworkers love the idea of a night ferry.", "love", "the idea"),
        ("The dockworkers celebrated the end of the ferry strike.", "celebrated", "the end"),
        ("The inspectors determined that the pier was unsafe.", "determined", "that the pier"),
    ],
)
def test_views_feelings_positions_and_findings_are_attributed(
    nlp: Language, text: str, cue: str, start: str
) -> None:
    found = with_cue(statements(nlp, text), cue)
    assert found.text.startswith(start)


@pytest.mark.parametrize(
    ("text", "cue", "content", "owner"),
    [
        (
            "The mayor's decision to close the ferry angered the dockworkers.",
            "decision",
            "to close the ferry",
            "The mayor's",
        ),
        ("Her proposal for a night ferry was popular.", "proposal for", "a night ferry", "Her"),
        (
            "His attacks on the harbour board grew sharper.",
            "attacks on",
            "the harbour board",
            "His",
        ),
        ("Voters remember his promise to cut fares.", "promise", "to cut fares", "his"),
    ],
)
def test_an_owners_decision_proposal_attack_or_promise_is_theirs(
    nlp: Language, text: str, cue: str, content: str, owner: str
) -> None:
    found = with_cue(statements(nlp, text), cue)
    assert found.text == content
    assert found.speaker_mention == owner


@pytest.mark.parametrize(
    ("text", "content", "poll"),
    [
        ("Ms. Lund is ahead in the new poll.", "Ms. Lund is ahead", "the new poll"),
        (
            "But Senator Hale fell to ten percent in the latest survey.",
            "Senator Hale fell to ten percent",
            "the latest survey",
        ),
    ],
)
def test_a_clause_ended_by_a_poll_is_what_the_poll_shows(
    nlp: Language, text: str, content: str, poll: str
) -> None:
    found = only(statements(nlp, text))
    assert found.cue == "in"
    assert found.text == content
    assert found.speaker_mention == poll


def test_a_poll_in_a_relative_clause_shows_nothing(nlp: Language) -> None:
    assert not statements(nlp, "Ms. Lund, who is ahead in the polls, spoke to the dockworkers.")


@pytest.mark.parametrize(
    ("text", "kind", "content"),
    [
        ("“We will not sell the ferry,” as Ms. Lund put it.", "direct", "We will not sell"),
        ("As Ms. Lund put it, the ferry is not for sale.", "indirect", "the ferry is not for sale"),
    ],
)
def test_how_someone_put_it_is_what_they_said(
    nlp: Language, text: str, kind: str, content: str
) -> None:
    found = only(statements(nlp, text))
    assert found.cue == "put it"
    assert found.kind == kind
    assert found.text.startswith(content)
    assert found.speaker_mention == "Ms. Lund"


@pytest.mark.parametrize(
    ("text", "content", "holder"),
    [
        (
            "For Sanders, the ferry contract is a scandal.",
            "the ferry contract is a scandal",
            "Sanders",
        ),
        ("To Ms. Gil, skating is a cry of dissent.", "skating is a cry of dissent", "Ms. Gil"),
    ],
)
def test_a_sentence_opened_for_a_person_is_their_view(
    nlp: Language, text: str, content: str, holder: str
) -> None:
    found = only(statements(nlp, text))
    assert found.text == content
    assert found.speaker_mention == holder


def test_a_sentence_opened_for_a_time_is_no_view(nlp: Language) -> None:
    assert not statements(nlp, "For years, the ferry ran at a loss.")
