"""``manage.py stances SPEAKER [--topic T]``: a speaker's current positions and their history."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.models import Speaker, Topic
from claims.selectors.lookups import find_by_id_or_slug
from claims.selectors.speakers import speakers_named
from claims.selectors.stances import current_positions, position_changes, stance_timeline
from claims.selectors.topics import topics_by_id


class Command(BaseCommand):
    help = "Show a speaker's current positions, observation counts, changes and stance timeline."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("speaker", help="the speaker's slug, id, name or alias")
        parser.add_argument("--topic", help="only this topic (slug, id or name)")

    def handle(self, *args, speaker: str, topic: str | None, **options) -> None:
        who = _speaker(speaker)
        subject = _topic(topic) if topic else None
        positions = current_positions(
            speakers=[who.pk], topics=[subject.pk] if subject is not None else None
        )
        names = topics_by_id(ids=[position.topic_id for position in positions])
        write = self.stdout.write
        write(f"{who.name} ({who.slug})" + (f" on {subject.name}" if subject else ""))
        if not positions:
            write("No stance observed.")
            return

        write("\nCurrent positions")
        rows = [("topic", "position", "confidence", "observations", "last observed", "last change")]
        rows += [
            (
                names[p.topic_id].name if p.topic_id in names else str(p.topic_id),
                p.polarity,
                f"{p.confidence:.2f}",
                str(p.observations),
                p.last_observed.isoformat() if p.last_observed else "undated",
                p.last_change.isoformat() if p.last_change else "-",
            )
            for p in positions
        ]
        self._table(rows)

        changes = position_changes(speaker=who, topic=subject)
        if changes:
            write("\nChanges of position")
            for change in changes:
                name = names[change.topic_id].name if change.topic_id in names else change.topic_id
                write(
                    f"  {change.changed_on}  {name}: {change.before} -> {change.after}"
                    f" (last {change.before} {change.last_before}; stances"
                    f" {_ids(change.before_stances)} -> {_ids(change.after_stances)})"
                )

        write("\nTimeline")
        for stance in stance_timeline(speaker=who, topic=subject):
            evidence = _ids(statement.pk for statement in stance.evidence.all())
            write(
                f"  {stance.observed_on or 'undated   '}  #{stance.pk} {stance.topic.name}: "
                f"{stance.polarity}"
                f" {stance.confidence:.2f} [{stance.review_status}, {stance.method}]"
                f" {stance.target[:60]}" + (f" (statements {evidence})" if evidence != "-" else "")
            )

    def _table(self, rows: list[tuple[str, ...]]) -> None:
        widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
        for row in rows:
            self.stdout.write(
                "  "
                + "  ".join(
                    cell.ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )


def _speaker(reference: str) -> Speaker:
    exact = find_by_id_or_slug(queryset=Speaker.objects.all(), value=reference)
    found = [exact] if exact is not None else list(speakers_named(name=reference)[:5])
    if not found:
        raise CommandError(f"No speaker {reference!r}: give a slug, id, name or alias.")
    if len(found) > 1:
        choices = ", ".join(f"{s.name} ({s.slug})" for s in found)
        raise CommandError(f"{reference!r} names several speakers: {choices}. Give a slug.")
    return found[0]


def _topic(reference: str) -> Topic:
    topic = find_by_id_or_slug(queryset=Topic.objects.all(), value=reference)
    topic = topic or Topic.objects.filter(name__iexact=reference).first()
    if topic is None:
        raise CommandError(f"No topic {reference!r}: give a slug, id or name.")
    return topic


def _ids(ids) -> str:
    text = ", ".join(f"#{i}" for i in ids)
    return text or "-"
