"""Positions computed from stances: a speaker's, a topic's, the matrix and the timeline."""

from __future__ import annotations

from datetime import date

from rest_framework.test import APIClient

from claims.models import Polarity, ReviewStatus
from tests.api.conftest import Claims
from tests.factories import make_stance, make_topic


def test_a_speaker_s_positions_with_the_observations_and_turns_behind_them(
    api: APIClient, claims: Claims
) -> None:
    turned = make_stance(
        speaker=claims.lavrov,
        topic=claims.sanctions,
        polarity=Polarity.FAVOR,
        observed_on=date(2023, 5, 1),
        confidence=0.9,
    )

    body = api.get("/api/speakers/sergey-lavrov/stances/").json()

    assert body["speaker"]["slug"] == "sergey-lavrov"
    by_topic = {row["topic"]["slug"]: row for row in body["positions"]}
    assert set(by_topic) == {"sanctions", "afghanistan"}
    sanctions = by_topic["sanctions"]
    assert sanctions["position"]["polarity"] == "favor"
    assert sanctions["position"]["observations"] == 2
    assert sanctions["position"]["last_change"] == "2023-05-01"
    assert [o["id"] for o in sanctions["observations"]] == [claims.lavrov_against.pk, turned.pk]
    assert sanctions["observations"][0]["evidence"] == [claims.no_sanctions.pk]
    assert sanctions["changes"] == [
        {
            "before": "against",
            "after": "favor",
            "last_before": "2021-10-15",
            "changed_on": "2023-05-01",
        }
    ]
    assert by_topic["afghanistan"]["changes"] == []


def test_who_stands_where_on_a_topic(api: APIClient, claims: Claims) -> None:
    body = api.get("/api/topics/sanctions/speakers/").json()

    assert body["topic"] == {"slug": "sanctions", "name": "Sanctions"}
    assert [(row["speaker"]["slug"], row["position"]["polarity"]) for row in body["positions"]] == [
        ("antony-blinken", "favor"),
        ("sergey-lavrov", "against"),
    ]


def test_who_stands_where_on_a_topic_comes_a_page_at_a_time(api: APIClient, claims: Claims) -> None:
    first = api.get("/api/topics/sanctions/speakers/?page_size=1").json()
    second = api.get(first["next"]).json()

    assert (first["count"], first["count_exact"], first["previous"]) == (2, True, None)
    assert [row["speaker"]["slug"] for row in first["positions"]] == ["antony-blinken"]
    assert [row["speaker"]["slug"] for row in second["positions"]] == ["sergey-lavrov"]
    assert second["next"] is None
    assert api.get("/api/topics/sanctions/speakers/?page_size=101").status_code == 400


def test_matrix_of_speakers_by_topics_with_null_where_nothing_was_observed(
    api: APIClient, claims: Claims
) -> None:
    response = api.get(
        f"/api/stances/matrix/?speakers=sergey-lavrov,{claims.blinken.pk}"
        "&topics=sanctions,afghanistan"
    )

    body = response.json()
    assert [speaker["slug"] for speaker in body["speakers"]] == ["sergey-lavrov", "antony-blinken"]
    assert [topic["slug"] for topic in body["topics"]] == ["sanctions", "afghanistan"]
    cells = {
        (row["speaker"], topic): (position["polarity"] if position else None)
        for row in body["rows"]
        for topic, position in row["positions"].items()
    }
    assert cells == {
        ("sergey-lavrov", "sanctions"): "against",
        ("sergey-lavrov", "afghanistan"): "favor",
        ("antony-blinken", "sanctions"): "favor",
        ("antony-blinken", "afghanistan"): None,
    }


def test_matrix_names_what_it_does_not_know(api: APIClient, claims: Claims) -> None:
    response = api.get("/api/stances/matrix/?speakers=sergey-lavrov,nobody&topics=")

    assert response.status_code == 400
    assert "nobody" in response.json()["speakers"][0]
    assert "topics" in response.json()


def test_timeline_lists_dated_observations_oldest_first_optionally_for_one_topic(
    api: APIClient, claims: Claims
) -> None:
    later = make_stance(speaker=claims.lavrov, topic=claims.sanctions, observed_on=date(2024, 1, 2))

    everything = api.get("/api/speakers/sergey-lavrov/timeline/").json()
    sanctions = api.get("/api/speakers/sergey-lavrov/timeline/?topic=sanctions").json()

    assert everything["count"] == 3
    assert [row["observed_on"] for row in everything["results"]][-1] == "2024-01-02"
    assert [row["id"] for row in sanctions["results"]] == [claims.lavrov_against.pk, later.pk]


def test_timeline_of_an_unknown_topic_is_404(api: APIClient, claims: Claims) -> None:
    response = api.get("/api/speakers/sergey-lavrov/timeline/?topic=nothing")

    assert response.status_code == 404
    assert "topic" in response.json()


def test_a_speaker_s_positions_come_a_page_of_topics_at_a_time_most_recent_first(
    api: APIClient, claims: Claims
) -> None:
    """A much-quoted speaker holds positions on hundreds of topics: they come in pages, in
    the order of the whole list, each position as it is on the unpaged list."""
    topics = [make_topic(name=f"Border {i}", slug=f"border-{i}") for i in range(3)]
    make_stance(speaker=claims.lavrov, topic=topics[0], observed_on=date(2024, 1, 1))
    make_stance(speaker=claims.lavrov, topic=topics[1], observed_on=None)  # undated: last
    make_stance(speaker=claims.lavrov, topic=topics[2], observed_on=date(2023, 1, 1))
    make_stance(  # only rejected evidence: no position
        speaker=claims.lavrov,
        topic=make_topic(name="Ports", slug="ports"),
        review_status=ReviewStatus.REJECTED,
    )
    whole = api.get("/api/speakers/sergey-lavrov/stances/?page_size=100").json()["positions"]

    first = api.get("/api/speakers/sergey-lavrov/stances/?page_size=2").json()
    pages = [first]
    while pages[-1]["next"]:
        pages.append(api.get(pages[-1]["next"]).json())

    assert (first["count"], first["count_exact"], first["previous"]) == (5, True, None)
    assert [len(page["positions"]) for page in pages] == [2, 2, 1]
    assert [row["topic"]["slug"] for row in whole] == [
        "border-0",
        "border-2",
        "sanctions",
        "afghanistan",
        "border-1",
    ]
    assert [row for page in pages for row in page["positions"]] == whole
