"""Reviewers merge and split claims, and record fact-checks, in the admin."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.admin import helpers
from django.urls import reverse

from claims.models import Claim, FactCheck, Statement
from tests.claims.helpers import CLAIM, said
from tests.factories import make_user

pytestmark = pytest.mark.django_db

CLAIMS = reverse("admin:claims_claim_changelist")
OTHER = "Taxes go down for all working families here before the spring comes"


@pytest.fixture
def reviewer(client):
    user = make_user()
    client.force_login(user)
    return user


def test_merge_action_asks_which_to_keep_then_merges(client, reviewer):
    kept = said(CLAIM).claim
    said(CLAIM)
    other = said(OTHER).claim
    selection = {helpers.ACTION_CHECKBOX_NAME: [kept.pk, other.pk], "action": "merge_selected"}

    question = client.post(CLAIMS, {**selection, "index": 0})
    assert question.context["form"].initial["target"] == kept

    response = client.post(CLAIMS, {**selection, "apply": "Merge", "target": kept.pk}, follow=True)

    assert "Merged 1 claim(s)" in response.content.decode()
    assert list(Claim.objects.all()) == [kept]
    assert Claim.objects.get().appearances == 3


def test_split_action_moves_the_ticked_statements_to_a_new_claim(client, reviewer):
    first = said(CLAIM)
    wrong = said(CLAIM)
    selection = {helpers.ACTION_CHECKBOX_NAME: [first.claim_id], "action": "split_selected"}

    question = client.post(CLAIMS, {**selection, "index": 0})
    assert set(question.context["form"].fields["statements"].queryset) == {first, wrong}

    response = client.post(
        CLAIMS, {**selection, "apply": "Split", "statements": [wrong.pk]}, follow=True
    )

    assert "Split 1 statement(s) off" in response.content.decode()
    wrong.refresh_from_db()
    assert wrong.claim_id != first.claim_id
    assert Statement.objects.get(pk=wrong.pk).history.first().history_user == reviewer


def test_a_fact_check_entered_on_the_claim_page_records_who_entered_it(client, reviewer):
    claim = said(CLAIM).claim
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    form = {
        "fact_checks-TOTAL_FORMS": 1,
        "fact_checks-INITIAL_FORMS": 0,
        "fact_checks-0-rating": "False",
        "fact_checks-0-rating_value": 1,
        "fact_checks-0-best_rating": 5,
        "fact_checks-0-worst_rating": 1,
        "fact_checks-0-reviewer": "Checkers",
        "fact_checks-0-url": "https://check.example.org/taxes",
        "fact_checks-0-published": "2016-04-01",
        "statements-TOTAL_FORMS": 1,
        "statements-INITIAL_FORMS": 1,
        "statements-0-id": claim.statements.get().pk,
        "statements-0-claim": claim.pk,
    }

    response = client.post(url, form)

    assert response.status_code == 302, response.context["inline_admin_formsets"]
    check = FactCheck.objects.get()
    assert (check.claim, check.rating, check.published) == (claim, "False", date(2016, 4, 1))
    assert check.recorded_by == reviewer
