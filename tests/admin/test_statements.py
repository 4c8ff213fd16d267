"""Reviewing statements in the admin: actions, the reassign page, edits, escaping, list speed."""

from __future__ import annotations

import pytest
from django.contrib.admin import helpers
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Attribution, ReviewStatus, Statement, StatementKind
from tests.factories import make_article, make_speaker, make_statement, make_topic

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:claims_statement_changelist")


def run_action(client, action: str, statements, **extra):
    data = {
        "action": action,
        helpers.ACTION_CHECKBOX_NAME: [s.pk for s in statements],
        "index": 0,
        **extra,
    }
    return client.post(CHANGELIST, data, follow=True)


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve", ReviewStatus.APPROVED), ("reject", ReviewStatus.REJECTED)],
)
def test_approve_and_reject_act_on_the_selection_only(client, reviewer, action, status):
    article = make_article()
    chosen = [make_statement(article=article) for _ in range(2)]
    other = make_statement(article=article)

    response = run_action(client, action, chosen)

    assert f"2 statement(s) marked {status.label.lower()}" in response.content.decode()
    for statement in chosen:
        statement.refresh_from_db()
        assert statement.review_status == status
        assert statement.reviewed_by == reviewer
        assert statement.history.first().history_user == reviewer
    other.refresh_from_db()
    assert (other.review_status, other.reviewed_at) == (ReviewStatus.PENDING, None)


def test_reset_to_pending_keeps_the_row_marked_as_reviewed(client, reviewer):
    statement = make_statement(review_status=ReviewStatus.REJECTED)

    run_action(client, "reset_to_pending", [statement])

    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.PENDING
    assert statement.reviewed_by == reviewer
    assert statement.history.first().prev_record.review_status == ReviewStatus.REJECTED


def test_reassign_asks_for_the_speaker_then_moves_the_statements(client, reviewer):
    wrong, right = make_speaker(name="Wrong Person"), make_speaker(name="Right Person")
    statement = make_statement(speaker=wrong)

    question = client.post(
        CHANGELIST,
        {"action": "reassign_to_speaker", helpers.ACTION_CHECKBOX_NAME: [statement.pk], "index": 0},
    )
    assert question.status_code == 200
    assert b"Reassign statements to another speaker" in question.content
    statement.refresh_from_db()
    assert statement.speaker == wrong  # nothing happens before the answer
    picker = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "claims",
            "model_name": "statement",
            "field_name": "speaker",
            "term": "right",
        },
    )
    assert [item["text"] for item in picker.json()["results"]] == ["Right Person"]

    response = client.post(
        CHANGELIST,
        {
            "action": "reassign_to_speaker",
            helpers.ACTION_CHECKBOX_NAME: [statement.pk],
            "apply": "Reassign",
            "speaker": right.pk,
        },
        follow=True,
    )

    assert "1 statement(s) reassigned to Right Person" in response.content.decode()
    statement.refresh_from_db()
    assert statement.speaker == right
    assert statement.reviewed_by == reviewer
    assert statement.history.first().history_user == reviewer


def test_an_edit_in_the_change_form_counts_as_a_review(client, reviewer):
    topic = make_topic(name="Sanctions")
    statement = make_statement()
    url = reverse("admin:claims_statement_change", args=[statement.pk])

    response = client.post(
        url,
        {
            "review_status": ReviewStatus.APPROVED,
            "speaker": statement.speaker.pk,
            "kind": StatementKind.INDIRECT,
            "attribution": Attribution.THINKS,
            "topics": [topic.pk],
        },
    )

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.APPROVED
    assert statement.kind == StatementKind.INDIRECT
    assert statement.attribution == Attribution.THINKS
    assert list(statement.topics.all()) == [topic]
    assert statement.reviewed_by == reviewer
    assert statement.reviewed_at is not None
    latest = statement.history.first()
    assert latest.history_user == reviewer
    assert latest.prev_record.kind == StatementKind.DIRECT


def test_the_change_page_marks_the_statement_in_its_paragraph_and_escapes_the_article(
    client, reviewer
):
    article = make_article(
        text="First paragraph.\n\n<script>alert(1)</script> He said “no deal <b>ever</b>” today."
        "\n\nLast paragraph."
    )
    statement = make_statement(article=article, quote="no deal <b>ever</b>")
    statement.reviewed_by = reviewer
    statement.save()

    page = client.get(reverse("admin:claims_statement_change", args=[statement.pk]))

    html = page.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; He said “<mark>no deal &lt;b&gt;ever&lt;/b&gt;</mark>” today."
        in html
    )
    assert "First paragraph." not in html  # only the statement's own paragraph
    assert reviewer.username in html  # who reviewed it


def test_the_lists_escape_statement_text(client, reviewer):
    article = make_article(
        text="“<script>alert(2)</script>” she said.", headline="<script>x</script>"
    )
    make_statement(article=article, quote="<script>alert(2)</script>")

    for url in (CHANGELIST, reverse("admin:claims_article_changelist")):
        html = client.get(url).content.decode()
        assert "<script>alert(2)</script>" not in html
        assert "<script>x</script>" not in html
    article_page = client.get(reverse("admin:claims_article_change", args=[article.pk]))
    assert "<script>alert(2)</script>" not in article_page.content.decode()
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in article_page.content.decode()


def test_the_article_links_only_web_addresses(client, reviewer):
    web = make_article(url="https://news.example.org/a")
    local = make_article(url=None, source="javascript:alert(3)")

    web_page = client.get(reverse("admin:claims_article_change", args=[web.pk])).content.decode()
    local_page = client.get(reverse("admin:claims_article_change", args=[local.pk]))

    assert 'href="https://news.example.org/a"' in web_page
    assert 'href="javascript:alert(3)"' not in local_page.content.decode()


def count_list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(CHANGELIST).status_code == 200
    return len(queries)


def test_the_statement_list_costs_the_same_queries_for_few_or_many_rows(client, reviewer):
    topics = (make_topic(), make_topic())
    make_statement(topics=topics)
    few = count_list_queries(client)

    for _ in range(6):
        make_statement(article=make_article(outlet="Other Outlet"), topics=topics)
    many = count_list_queries(client)

    assert Statement.objects.count() == 7
    assert many == few


def test_search_finds_statements_by_speaker_name_and_headline(client, reviewer):
    found_by_name = make_statement(speaker=make_speaker(name="Annalena Baerbock"))
    found_by_headline = make_statement(article=make_article(headline="Grain deal collapses"))
    make_statement()

    by_name = client.get(CHANGELIST, {"q": "baerbock"}).context["cl"].result_list
    by_headline = client.get(CHANGELIST, {"q": "grain deal"}).context["cl"].result_list

    assert list(by_name) == [found_by_name]
    assert list(by_headline) == [found_by_headline]


def test_reviewers_see_and_filter_by_attribution_and_resolution(client, reviewer):
    pronoun = make_statement(resolution="pronoun", resolution_note="pronoun 'she' → Ann Lee")
    make_statement(attribution=Attribution.SHOWS)
    changelist = reverse("admin:claims_statement_changelist")

    said = client.get(changelist, {"attribution__exact": "said"})
    by_pronoun = client.get(changelist, {"resolution__exact": "pronoun"})
    page = client.get(reverse("admin:claims_statement_change", args=[pronoun.pk]))

    assert said.context["cl"].result_count == 1
    assert list(by_pronoun.context["cl"].result_list) == [pronoun]
    assert "pronoun &#x27;she&#x27; → Ann Lee" in page.content.decode()
