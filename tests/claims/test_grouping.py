"""Grouping statements into claims, merging and splitting them, and review keeping them right."""

from __future__ import annotations

from datetime import date

import pytest

from claims.models import Claim, FactCheck, ReviewStatus, Statement
from claims.services.claims import (
    Rating,
    group_statements,
    merge_claims,
    record_fact_check,
    split_claim,
)
from claims.services.review import set_review_status
from tests.claims.helpers import CLAIM, said
from tests.factories import make_article, make_speaker, make_statement, make_user

pytestmark = pytest.mark.django_db


def test_the_same_words_in_other_outlets_are_one_claim():
    first = said(CLAIM, outlet="Daily A", published=date(2016, 3, 1))
    second = said(
        "we will cut taxes for every working family in this country, by next spring!",
        outlet="Daily B",
        published=date(2016, 3, 5),
    )

    assert second.claim_id == first.claim_id
    claim = Claim.objects.get()
    assert claim.appearances == 2
    assert (claim.first_seen, claim.last_seen) == (date(2016, 3, 1), date(2016, 3, 5))


def test_a_near_duplicate_joins_and_the_longest_form_names_the_claim():
    first = said(CLAIM)
    longer = said(CLAIM.replace("next spring", "the end of next spring"))

    assert longer.claim_id == first.claim_id
    assert Claim.objects.get().text == longer.text


def test_other_people_repeating_it_are_appearances_of_the_same_claim():
    candidate, rival = make_speaker(name="A Candidate"), make_speaker(name="A Rival")
    first = said(CLAIM, speaker=candidate)
    echo = said(CLAIM, speaker=rival)

    assert echo.claim_id == first.claim_id
    speakers = set(Statement.objects.filter(claim=first.claim).values_list("speaker", flat=True))
    assert speakers == {candidate.pk, rival.pk}


def test_a_different_statement_is_another_claim():
    first = said(CLAIM)
    other = said("We will raise the minimum wage for every worker in this country by next spring")

    assert other.claim_id != first.claim_id
    assert Claim.objects.count() == 2


def test_short_statements_stand_alone():
    first = said("We will win")
    second = said("We will win")

    assert first.claim_id != second.claim_id


def test_statements_stored_together_are_compared_with_each_other():
    text = f"“{CLAIM},” he said. Later he said it again: “{CLAIM.upper()}.”"
    article = make_article(text=text)
    second = text.index(CLAIM.upper())
    statements = [
        make_statement(article=article, start=1, end=1 + len(CLAIM), text=CLAIM),
        make_statement(article=article, start=second, end=second + len(CLAIM), text=CLAIM.upper()),
    ]
    group_statements(statements=statements)

    assert len({s.claim_id for s in Statement.objects.all()}) == 1
    assert Claim.objects.get().appearances == 2


def test_a_report_and_the_words_it_reports_are_one_appearance_not_two():
    inner = CLAIM
    outer = f"he promised that {CLAIM.lower()}"
    text = f"The candidate said {outer}."
    article = make_article(text=text)
    statements = [
        make_statement(article=article, quote=outer, text=outer),
        make_statement(article=article, quote=inner.lower(), text=inner),
    ]
    group_statements(statements=statements)

    assert Claim.objects.count() == 2
    # Another article repeating the words joins the closest claim.
    repeated = said(CLAIM)
    assert repeated.claim_id == statements[1].claim_id


def test_merge_moves_statements_and_fact_checks_and_removes_the_duplicate():
    reviewer = make_user()
    kept = said(CLAIM).claim
    other = said("Taxes go down for all working families here before the spring comes").claim
    record_fact_check(
        claim=other,
        rating=Rating("False"),
        reviewer="Checkers",
        url="https://check.example.org/1",
        published=date(2016, 4, 1),
    )

    merged = merge_claims(target=kept, duplicates=[kept, other], reviewer=reviewer)

    assert list(Claim.objects.all()) == [merged]
    assert merged.appearances == 2
    assert FactCheck.objects.get().claim == merged
    moved = Statement.objects.get(text__startswith="Taxes")
    assert moved.history.first().history_user == reviewer


def test_split_makes_a_claim_of_the_statements_chosen():
    first = said(CLAIM)
    second = said(CLAIM)
    third = said(CLAIM)

    new = split_claim(statements=Statement.objects.filter(pk=third.pk), reviewer=make_user())

    third.refresh_from_db()
    assert third.claim == new
    assert new.appearances == 1
    assert Claim.objects.get(pk=first.claim_id).appearances == 2
    assert second.claim_id == first.claim_id


def test_splitting_off_every_statement_leaves_no_empty_claim():
    only = said(CLAIM)
    old = only.claim_id

    split_claim(statements=Statement.objects.filter(pk=only.pk), reviewer=make_user())

    assert not Claim.objects.filter(pk=old).exists()


def test_rejecting_every_statement_hides_the_claim_and_approving_one_brings_it_back():
    reviewer = make_user()
    said(CLAIM)
    second = said(CLAIM)
    # As the admin's list filtered on pending, all selected: the filter no longer matches
    # once they are rejected.
    pending = Statement.objects.filter(review_status=ReviewStatus.PENDING)

    set_review_status(statements=pending, reviewer=reviewer, review_status=ReviewStatus.REJECTED)
    assert Claim.objects.get().appearances == 0

    set_review_status(
        statements=Statement.objects.filter(pk=second.pk),
        reviewer=reviewer,
        review_status=ReviewStatus.APPROVED,
    )
    assert Claim.objects.get().appearances == 1


def test_a_fact_check_records_rating_reviewer_url_and_date_and_is_corrected_in_place():
    claim = said(CLAIM).claim
    url = "https://check.example.org/taxes"
    record_fact_check(
        claim=claim,
        rating=Rating("Mostly false", value=2, best=5, worst=1),
        reviewer="Checkers",
        url=url,
        published=date(2016, 4, 1),
    )
    record_fact_check(
        claim=claim,
        rating=Rating("False", 1, 5, 1),
        reviewer="Checkers",
        url=url,
        published=date(2016, 4, 2),
    )

    check = FactCheck.objects.get()
    assert (check.rating, check.rating_value, check.reviewer, check.url, check.published) == (
        "False",
        1,
        "Checkers",
        url,
        date(2016, 4, 2),
    )


def test_a_rating_outside_its_scale_is_refused():
    from django.core.exceptions import ValidationError

    claim = said(CLAIM).claim
    with pytest.raises(ValidationError):
        record_fact_check(
            claim=claim,
            rating=Rating("Odd", 9, 5, 1),
            reviewer="Checkers",
            url="https://check.example.org/odd",
            published=date(2016, 4, 1),
        )
