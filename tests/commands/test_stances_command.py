"""``manage.py stances``: positions, changes and timeline of one speaker in the terminal."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from claims.models import Speaker, SpeakerAlias, Stance, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def lavrov():
    speaker = Speaker.objects.create(name="Sergey Lavrov", slug="sergey-lavrov")
    SpeakerAlias.objects.create(speaker=speaker, alias="Lavrov", normalized="lavrov")
    belarus = Topic.objects.create(name="Belarus", slug="belarus")
    sanctions = Topic.objects.create(name="Sanctions", slug="sanctions")
    for topic, polarity, day in (
        (belarus, "favor", date(2020, 3, 1)),
        (belarus, "against", date(2021, 9, 1)),
        (sanctions, "against", date(2021, 9, 1)),
    ):
        Stance.objects.create(
            speaker=speaker, topic=topic, polarity=polarity, observed_on=day, confidence=0.8,
            target=f"{topic.name} target",
        )  # fmt: skip
    return speaker


def run(*args: str) -> str:
    out = StringIO()
    call_command("stances", *args, stdout=out)
    return out.getvalue()


def test_prints_positions_changes_and_timeline(lavrov):
    output = run("sergey-lavrov")
    positions, rest = output.split("Changes of position")
    changes, timeline = rest.split("Timeline")
    belarus_row = next(line for line in positions.splitlines() if "Belarus" in line)
    topic, position, _confidence, observations = belarus_row.split()[:4]
    assert (topic, position, observations) == ("Belarus", "against", "2")
    assert "2021-09-01" in belarus_row
    assert "Belarus: favor -> against" in changes
    lines = [line for line in timeline.splitlines() if line.strip()]
    assert [line.split()[0] for line in lines] == ["2020-03-01", "2021-09-01", "2021-09-01"]


def test_speaker_by_alias_or_id_and_one_topic(lavrov):
    by_alias = run("lavrov", "--topic", "Sanctions")
    assert "Sanctions" in by_alias and "Belarus" not in by_alias
    assert run(str(lavrov.pk)).startswith("Sergey Lavrov (sergey-lavrov)")


def test_unknown_speaker_or_topic_is_a_clear_error(lavrov):
    with pytest.raises(CommandError, match="No speaker 'Nobody'"):
        run("Nobody")
    with pytest.raises(CommandError, match="No topic 'Weather'"):
        run("lavrov", "--topic", "Weather")


@pytest.mark.parametrize("reference", ["¹", "٣", "99999999999999999999999"])
def test_a_digit_that_is_no_id_is_a_clear_error_not_a_traceback(lavrov, reference):
    with pytest.raises(CommandError, match="No speaker"):
        run(reference)
    with pytest.raises(CommandError, match="No topic"):
        run("sergey-lavrov", "--topic", reference)


def test_a_topic_by_id_or_name(lavrov):
    belarus = Topic.objects.get(slug="belarus")

    by_id, by_name = run("lavrov", "--topic", str(belarus.pk)), run("lavrov", "--topic", "BELARUS")

    assert "on Belarus" in by_id and "on Belarus" in by_name and "Sanctions" not in by_id
