"""A speaker's positions over time, per topic, as a server-rendered SVG (no script, no CDN).

One lane per topic; each observation (stance) is a dot at its date, coloured by polarity,
larger the more confident, hollow while pending review. Rejected stances are left out, as
they are from the positions; undated observations cannot be placed and are counted apart.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from claims.admin.display import change_url
from claims.models import Polarity, ReviewStatus, Speaker, Stance
from claims.selectors.stances import stance_timeline

COLOURS = {Polarity.FAVOR: "#2e7d32", Polarity.AGAINST: "#c62828", Polarity.NEUTRAL: "#757575"}
WIDTH, LANE, LEFT, RIGHT, TOP, AXIS = 960, 34, 200, 30, 10, 34
TICKS = 6


@dataclass(frozen=True)
class Chart:
    svg: SafeString | None
    undated: int
    topics: int


def positions_chart(*, stances: list[Stance]) -> Chart:
    """The chart of ``stances`` (one speaker's, oldest first)."""
    dated = [stance for stance in stances if stance.observed_on is not None]
    undated = len(stances) - len(dated)
    lanes: dict[str, list[Stance]] = defaultdict(list)
    for stance in dated:
        lanes[stance.topic.name].append(stance)
    if not lanes:
        return Chart(svg=None, undated=undated, topics=0)
    first = min(stance.observed_on for stance in dated)
    last = max(stance.observed_on for stance in dated)
    span = max((last - first).days, 1)
    first -= timedelta(days=max(span // 20, 1))  # a margin, so no dot sits on the frame
    span = (last - first).days + max(span // 20, 1)
    inner = WIDTH - LEFT - RIGHT

    def x(day: date) -> float:
        return round(LEFT + inner * (day - first).days / span, 1)

    height = TOP + LANE * len(lanes) + AXIS
    names = sorted(lanes)
    lane_rows = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle" font-size="13">{}</text>'
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#ddd"/>',
        (
            (LEFT - 10, _lane_y(i), name, LEFT, WIDTH - RIGHT, _lane_y(i), _lane_y(i))
            for i, name in enumerate(names)
        ),
    )
    dots = format_html_join(
        "",
        '<a href="{}"><circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="2">'
        "<title>{}: {} ({}, confidence {})</title></circle></a>",
        (
            (
                change_url(stance),
                x(stance.observed_on),
                _lane_y(i),
                round(4 + 5 * stance.confidence, 1),
                COLOURS.get(stance.polarity, "#000")
                if stance.review_status == ReviewStatus.APPROVED
                else "#fff",
                COLOURS.get(stance.polarity, "#000"),
                stance.observed_on.isoformat(),
                stance.get_polarity_display().lower(),
                stance.get_review_status_display().lower(),
                f"{stance.confidence:.2f}",
            )
            for i, name in enumerate(names)
            for stance in lanes[name]
        ),
    )
    axis_y = TOP + LANE * len(lanes)
    ticks = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#999"/>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="12">{}</text>',
        (
            (x(day), x(day), axis_y, axis_y + 5, x(day), axis_y + 20, day.isoformat())
            for day in _ticks(first, span)
        ),
    )
    svg = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="positions-chart" width="{}" height="{}" '
        'viewBox="0 0 {} {}" role="img" aria-label="Positions over time, per topic">'
        "{}{}"
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#999"/>{}</svg>',
        WIDTH,
        height,
        WIDTH,
        height,
        lane_rows,
        dots,
        LEFT,
        WIDTH - RIGHT,
        axis_y,
        axis_y,
        ticks,
    )
    return Chart(svg=svg, undated=undated, topics=len(lanes))


def _lane_y(index: int) -> int:
    return TOP + LANE * index + LANE // 2


def _ticks(first: date, span: int) -> list[date]:
    step = span / (TICKS - 1)
    return [first + timedelta(days=round(step * i)) for i in range(TICKS)]


def speaker_positions(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("claims.view_stance"):
        raise PermissionDenied
    speaker = get_object_or_404(Speaker, pk=pk)
    chart = positions_chart(stances=list(stance_timeline(speaker=speaker)))
    context = {
        **admin.site.each_context(request),
        "title": f"{speaker.name}: positions over time",
        "subtitle": None,
        "speaker": speaker,
        "chart": chart,
        "colours": [(Polarity(p).label, colour) for p, colour in COLOURS.items()],
    }
    return TemplateResponse(request, "admin/claims/speaker_positions.html", context)
