"""``manage.py export statements`` takes the API's statement filters."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from tests.api.conftest import Claims


def exported(capsys: pytest.CaptureFixture[str], *args: str) -> set[str]:
    call_command("export", "statements", *args)
    lines = capsys.readouterr().out.splitlines()
    return {json.loads(line)["text"] for line in lines}


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        ((), {"no_sanctions", "supply", "sanctions_stay", "minsk_talks"}),
        (("--attribution", "said"), {"no_sanctions", "sanctions_stay", "minsk_talks"}),
        (("--attribution", "thinks"), {"supply"}),
        (("--review-status", "approved"), {"supply"}),
        (("--speaker", "sergey-lavrov"), {"no_sanctions", "supply"}),
        (("--topic", "foreign-policy"), {"no_sanctions", "sanctions_stay"}),
        (("--since", "2022-01-01"), {"sanctions_stay", "minsk_talks"}),
        (("--until", "2021-10-15"), {"no_sanctions", "supply"}),
        (("--speaker", "sergey-lavrov", "--attribution", "said"), {"no_sanctions"}),
    ],
)
def test_export_filters_select_what_the_api_filters_select(
    capsys: pytest.CaptureFixture[str],
    claims: Claims,
    args: tuple[str, ...],
    wanted: set[str],
) -> None:
    texts = {getattr(claims, name).text for name in wanted}
    assert exported(capsys, *args) == texts


def test_rows_carry_attribution_resolution_and_reporter(
    capsys: pytest.CaptureFixture[str],
    claims: Claims,
) -> None:
    claims.no_sanctions.reported_in = claims.supply
    claims.no_sanctions.save(update_fields=["reported_in"])
    call_command("export", "statements", "--speaker", "sergey-lavrov")
    rows = {row["text"]: row for row in map(json.loads, capsys.readouterr().out.splitlines())}
    row = rows[claims.no_sanctions.text]
    assert (row["attribution"], row["reported_in"]) == ("said", claims.supply.pk)


def test_an_unknown_speaker_is_an_error_naming_it(claims: Claims) -> None:
    with pytest.raises(CommandError, match="nobody-at-all"):
        call_command("export", "statements", "--speaker", "nobody-at-all")


def test_filters_apply_to_statements_only(claims: Claims) -> None:
    with pytest.raises(CommandError, match="statements only"):
        call_command("export", "stances", "--attribution", "said")
