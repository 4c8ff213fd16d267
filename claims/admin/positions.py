"""The "current positions" table of the speaker page: where the speaker stands on each topic now.

The positions are computed by ``claims.selectors.stances.current_positions``; this module
only lays them out.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from claims.models import Polarity, Speaker, Topic
from claims.selectors.stances import current_positions

HEADER = ("Topic", "Position", "Confidence", "Observations", "Last observed", "Last change")


def current_positions_table(*, speaker: Speaker) -> SafeString | str:
    positions = list(current_positions(speakers=[speaker.pk]))
    if not positions:
        return "No stance observed yet."
    topics = Topic.objects.in_bulk([position.topic_id for position in positions])
    stances_url = reverse("admin:claims_stance_changelist")
    rows = format_html_join(
        "",
        '<tr><td><a href="{}?speaker__id__exact={}&amp;topic__id__exact={}">{}</a></td>'
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                stances_url,
                speaker.pk,
                position.topic_id,
                topics[position.topic_id].name if position.topic_id in topics else "?",
                Polarity(position.polarity).label
                if position.polarity in Polarity.values
                else position.polarity,
                f"{position.confidence:.2f}",
                position.observations,
                position.last_observed or "undated",
                position.last_change or "–",
            )
            for position in positions
        ),
    )
    header = format_html_join("", "<th>{}</th>", ((label,) for label in HEADER))
    return format_html("<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>", header, rows)
