"""The admin a reviewer works in: evidence where they look, a review queue, a positions chart."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from claims.models import Polarity, ReviewStatus, Stance, Statement
from claims.services.review import review_statement
from tests.factories import make_article, make_stance, make_statement, make_topic, make_user

pytestmark = pytest.mark.django_db

QUOTE = "We will not accept new sanctions"


@pytest.fixture
def stance() -> Stance:
    statement = make_statement(quote=QUOTE)
    return make_stance(evidence=(statement,), cues=["so-called"], topic=make_topic(name="Trade"))


def test_every_page_carries_the_brand_and_view_site_leads_to_the_api(client, reviewer):
    page = client.get(reverse("admin:index")).content.decode()
    assert "Claimtracker review" in page
    assert "Django administration" not in page
    assert 'href="/api/"' in page
    assert reverse("claims_admin:review_queue") in page


def test_the_article_page_marks_each_statement_in_the_text_linking_to_it(client, reviewer):
    statement = make_statement(quote=QUOTE)
    page = client.get(reverse("admin:claims_article_change", args=[statement.article.pk]))
    html = page.content.decode()
    link = reverse("admin:claims_statement_change", args=[statement.pk])
    assert f'href="{link}"' in html
    assert f"<mark>{QUOTE}</mark>" in html
    # the inline lists each statement once, without Django's caption repeating it above the row
    assert 'class="original"' not in html


def test_the_stance_list_shows_the_quote_and_the_stance_page_the_evidence_and_cues(
    client, reviewer, stance
):
    listing = client.get(reverse("admin:claims_stance_changelist")).content.decode()
    assert f"“{QUOTE}”" in listing

    page = client.get(reverse("admin:claims_stance_change", args=[stance.pk])).content.decode()
    assert f"“{QUOTE}”" in page
    assert "“so-called”" in page
    assert "[&quot;so-called&quot;]" not in page


def test_the_statement_page_lists_the_stances_derived_from_it(client, reviewer, stance):
    statement = stance.evidence.get()
    page = client.get(reverse("admin:claims_statement_change", args=[statement.pk]))
    html = page.content.decode()
    assert reverse("admin:claims_stance_change", args=[stance.pk]) in html
    assert f"{stance.speaker.name} against Trade" in html


def test_the_review_queue_lists_pending_statements_newest_first(client, reviewer):
    article = make_article()
    older = make_statement(article=article)
    newer = make_statement(article=article)
    done = make_statement(article=article, review_status=ReviewStatus.APPROVED)

    html = client.get(reverse("claims_admin:review_queue")).content.decode()

    assert html.index(f'id="statement-{newer.pk}"') < html.index(f'id="statement-{older.pk}"')
    assert f'id="statement-{done.pk}"' not in html


def test_rejecting_in_the_queue_retracts_the_stance_resting_on_it(client, reviewer, stance):
    statement = stance.evidence.get()

    response = client.post(
        reverse("claims_admin:review_queue"),
        {"statement": statement.pk, "decision": "reject"},
        follow=True,
    )

    assert "1 stance resting only on it retracted" in response.content.decode()
    statement.refresh_from_db()
    stance.refresh_from_db()
    assert (statement.review_status, statement.reviewed_by) == (ReviewStatus.REJECTED, reviewer)
    assert stance.is_retracted


def test_the_queue_needs_the_change_permission_to_decide(client):
    viewer = make_user(superuser=False)
    viewer.user_permissions.set(Permission.objects.filter(codename="view_statement"))
    client.force_login(viewer)
    statement = make_statement()
    response = client.post(
        reverse("claims_admin:review_queue"), {"statement": statement.pk, "decision": "approve"}
    )
    assert response.status_code == 403
    assert Statement.objects.get(pk=statement.pk).review_status == ReviewStatus.PENDING


def test_the_queue_is_closed_to_anonymous_users(client):
    response = client.get(reverse("claims_admin:review_queue"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_positions_chart_draws_each_observation_in_its_topic_lane(client, reviewer):
    speaker = make_stance(observed_on=date(2023, 1, 5)).speaker
    make_stance(speaker=speaker, polarity=Polarity.FAVOR, observed_on=date(2024, 6, 1))
    make_stance(speaker=speaker, review_status=ReviewStatus.REJECTED)

    html = client.get(reverse("claims_admin:speaker_positions", args=[speaker.pk])).content.decode()

    assert "<svg" in html
    assert html.count("<circle") == 2
    assert "2023-01-05: against" in html
    assert "2024-06-01: favor" in html
    speaker_page = client.get(reverse("admin:claims_speaker_change", args=[speaker.pk]))
    assert reverse("claims_admin:speaker_positions", args=[speaker.pk]) in speaker_page.text


def test_staff_without_the_view_permission_get_no_queue_and_no_chart(client):
    client.force_login(make_user(superuser=False))
    speaker = make_stance().speaker
    assert client.get(reverse("claims_admin:review_queue")).status_code == 403
    chart = reverse("claims_admin:speaker_positions", args=[speaker.pk])
    assert client.get(chart).status_code == 403


def test_history_names_its_columns_and_shows_labels_changes_and_why(client, reviewer, stance):
    statement = stance.evidence.get()
    review_statement(statement=statement, reviewer=reviewer, review_status=ReviewStatus.APPROVED)
    review_statement(statement=statement, reviewer=reviewer, review_status=ReviewStatus.REJECTED)

    page = client.get(reverse("admin:claims_statement_history", args=[statement.pk]))
    html = page.content.decode()
    assert '<th scope="col">Review status</th>' in html
    assert "review_status" not in html
    changes = [" ".join(m.split()) for m in re.findall(r"<li>(.*?)</li>", html, re.S)]
    assert "<strong>Review status:</strong> Pending &nbsp;&rarr;&nbsp;&nbsp;Approved" in changes
    assert "<strong>Review status:</strong> Approved &nbsp;&rarr;&nbsp;&nbsp;Rejected" in changes

    stance_page = client.get(reverse("admin:claims_stance_history", args=[stance.pk]))
    assert "Retracted: every statement it rests on was rejected." in stance_page.content.decode()


def test_undated_observations_are_shown_as_undated(client, reviewer):
    speaker = make_stance(observed_on=date(2023, 1, 5)).speaker
    make_stance(speaker=speaker, observed_on=None, topic=make_topic(name="Migration"))

    chart = client.get(reverse("claims_admin:speaker_positions", args=[speaker.pk])).text
    listing = client.get(reverse("admin:claims_stance_changelist")).text

    assert chart.count("<circle") == 1
    assert "1 undated observation (from articles without a date)" in chart
    assert '<td class="field-observed">undated</td>' in listing
