"""Speaker, topic and stance admin: merging, aliases, counts, stance review and evidence links."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.admin import helpers
from django.urls import reverse
from django.utils import timezone

from claims.models import Polarity, ReviewStatus, Speaker, SpeakerAlias, Stance
from tests.factories import (
    make_alias,
    make_speaker,
    make_stance,
    make_statement,
    make_topic,
)

pytestmark = pytest.mark.django_db

SPEAKERS = reverse("admin:claims_speaker_changelist")
STANCES = reverse("admin:claims_stance_changelist")


def test_merge_offers_the_speaker_with_most_statements_then_merges_into_the_chosen_one(
    client, reviewer
):
    busy = make_speaker(name="Sergey Lavrov")
    quiet = make_speaker(name="Sergei Lavrov")
    for _ in range(2):
        make_statement(speaker=busy)
    moved = make_statement(speaker=quiet)
    selection = {helpers.ACTION_CHECKBOX_NAME: [busy.pk, quiet.pk], "action": "merge_duplicates"}

    question = client.post(SPEAKERS, {**selection, "index": 0})
    assert question.context["form"].initial["target"] == busy
    assert Speaker.objects.count() == 2

    response = client.post(
        SPEAKERS, {**selection, "apply": "Merge", "target": busy.pk}, follow=True
    )

    assert "Merged 1 speaker(s) into Sergey Lavrov" in response.content.decode()
    assert list(Speaker.objects.all()) == [busy]
    moved.refresh_from_db()
    assert moved.speaker == busy
    assert busy.aliases.filter(alias="Sergei Lavrov").exists()
    assert moved.history.first().history_user == reviewer  # the request's user, via middleware
    deleted = Speaker.history.filter(id=quiet.pk, history_type="-").get()
    assert deleted.history_user == reviewer


def test_merge_needs_two_speakers(client, reviewer):
    alone = make_speaker()
    response = client.post(
        SPEAKERS,
        {helpers.ACTION_CHECKBOX_NAME: [alone.pk], "action": "merge_duplicates", "index": 0},
        follow=True,
    )
    assert "Select at least two speakers" in response.content.decode()
    assert Speaker.objects.filter(pk=alone.pk).exists()


def test_speaker_list_shows_counts(client, reviewer):
    speaker = make_speaker()
    statement = make_statement(speaker=speaker)
    make_statement(speaker=speaker)
    make_stance(evidence=(statement,))

    row = client.get(SPEAKERS).context["cl"].result_list.get(pk=speaker.pk)

    assert (row.statement_total, row.stance_total) == (2, 1)


def alias_form(speaker: Speaker, *new_aliases: str) -> dict:
    existing = list(speaker.aliases.all())
    data = {
        "name": speaker.name,
        "slug": speaker.slug,
        "kind": speaker.kind,
        "aliases-TOTAL_FORMS": len(existing) + len(new_aliases),
        "aliases-INITIAL_FORMS": len(existing),
        "aliases-MIN_NUM_FORMS": 0,
        "aliases-MAX_NUM_FORMS": 1000,
    }
    for index, alias in enumerate(existing):
        data[f"aliases-{index}-id"] = alias.pk
        data[f"aliases-{index}-speaker"] = speaker.pk
        data[f"aliases-{index}-alias"] = alias.alias
    for index, alias in enumerate(new_aliases, start=len(existing)):
        data[f"aliases-{index}-speaker"] = speaker.pk
        data[f"aliases-{index}-alias"] = alias
    return data


def test_an_alias_added_in_the_admin_gets_its_lookup_form(client, reviewer):
    speaker = make_speaker(name="Sergey Lavrov")
    url = reverse("admin:claims_speaker_change", args=[speaker.pk])

    response = client.post(url, alias_form(speaker, "Sergéy  LAVROV"))

    assert response.status_code == 302
    assert SpeakerAlias.objects.get(speaker=speaker).normalized == "sergey lavrov"


def test_an_alias_that_folds_to_an_existing_one_is_refused(client, reviewer):
    speaker = make_speaker(name="Sergey Lavrov")
    make_alias(speaker=speaker, alias="Lavrov", normalized="lavrov")
    url = reverse("admin:claims_speaker_change", args=[speaker.pk])

    response = client.post(url, alias_form(speaker, "LAVROV"))

    assert response.status_code == 200  # the form again, with the error
    assert "once case and accents are ignored" in response.content.decode()
    assert speaker.aliases.count() == 1


def test_stance_page_links_its_evidence_and_an_edit_is_a_review(client, reviewer):
    statement = make_statement()
    stance = make_stance(evidence=(statement,), polarity=Polarity.AGAINST)
    url = reverse("admin:claims_stance_change", args=[stance.pk])

    page = client.get(url).content.decode()
    assert reverse("admin:claims_statement_change", args=[statement.pk]) in page

    response = client.post(
        url,
        {"polarity": Polarity.FAVOR, "review_status": ReviewStatus.APPROVED, "target": "the deal"},
    )

    assert response.status_code == 302
    stance.refresh_from_db()
    assert (stance.polarity, stance.review_status) == (Polarity.FAVOR, ReviewStatus.APPROVED)
    assert stance.reviewed_by == reviewer
    assert stance.history.first().history_user == reviewer
    assert list(stance.evidence.all()) == [statement]  # read-only on this page: untouched


def test_stance_actions_review_the_selection(client, reviewer):
    chosen, other = make_stance(), make_stance()

    client.post(
        STANCES,
        {helpers.ACTION_CHECKBOX_NAME: [chosen.pk], "action": "reject", "index": 0},
    )

    assert Stance.objects.get(pk=chosen.pk).review_status == ReviewStatus.REJECTED
    assert Stance.objects.get(pk=chosen.pk).reviewed_by == reviewer
    assert Stance.objects.get(pk=other.pk).review_status == ReviewStatus.PENDING


def test_a_stance_entered_by_hand_is_manual_and_reviewed(client, reviewer):
    statement = make_statement()
    topic = make_stance().topic
    add_url = reverse("admin:claims_stance_add")
    assert client.get(add_url).context["adminform"].form.initial["method"] == "manual"

    response = client.post(
        add_url,
        {
            "speaker": statement.speaker.pk,
            "topic": topic.pk,
            "polarity": Polarity.FAVOR,
            "target": "",
            "observed_on": "2024-03-02",
            "evidence": [statement.pk],
            "cues": "[]",
            "review_status": ReviewStatus.APPROVED,
            "confidence": 1,
            "method": "manual",
            "method_version": "",
        },
    )

    assert response.status_code == 302
    stance = Stance.objects.get(topic=topic, speaker=statement.speaker)
    assert list(stance.evidence.all()) == [statement]
    assert stance.reviewed_by == reviewer
    assert stance.history.first().history_user == reviewer


def test_speaker_page_shows_current_positions(client, reviewer):
    stance = make_stance(
        topic=make_topic(name="<i>Grain</i> exports"), polarity=Polarity.FAVOR, confidence=0.8
    )

    page = client.get(reverse("admin:claims_speaker_change", args=[stance.speaker_id]))

    html = page.content.decode()
    assert "&lt;i&gt;Grain&lt;/i&gt; exports</a></td><td>Favor</td><td>0.80</td><td>1</td>" in html
    assert "<i>Grain</i>" not in html


def test_stance_list_filters_positions_changed_recently(client, reviewer):
    today = timezone.localdate()
    before = make_stance(polarity=Polarity.AGAINST, observed_on=today - timedelta(days=100))
    after = make_stance(
        speaker=before.speaker,
        topic=before.topic,
        polarity=Polarity.FAVOR,
        observed_on=today - timedelta(days=20),
    )
    steady = make_stance(polarity=Polarity.FAVOR, observed_on=today - timedelta(days=20))

    recent = client.get(STANCES, {"changed_within_days": "30"}).context["cl"].result_list
    older = client.get(STANCES, {"changed_within_days": "7"}).context["cl"].result_list

    assert set(recent) == {before, after}
    assert steady not in recent
    assert list(older) == []  # the change was 20 days ago
    assert set(client.get(STANCES).context["cl"].result_list) == {before, after, steady}
