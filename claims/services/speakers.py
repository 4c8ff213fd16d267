"""Speakers across articles: one Speaker row per person or organisation, found through aliases."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from claims.core.aliases import normalize_alias
from claims.models import Speaker, SpeakerAlias, SpeakerKind
from claims.nlp.records import SpeakerInfo
from claims.services.slugs import unique_slug

_ALIAS_LENGTH = SpeakerAlias._meta.get_field("alias").max_length


def naming_aliases(info: SpeakerInfo) -> list[str]:
    """The surface forms worth keeping as aliases: those that name the speaker.

    "Lavrov" and "Russian Foreign Minister Sergey Lavrov" name him; "he" and "the top
    diplomat" only point at him inside one article, so they are not stored.
    """
    last_word = normalize_alias(info.name).split()[-1:] or [""]
    forms = [info.name, *info.aliases]
    kept: dict[str, str] = {}
    for form in forms:
        normalized = normalize_alias(form)
        if normalized and last_word[0] in normalized.split():
            kept.setdefault(normalized, form.strip())
    return list(kept.values())


SpeakerKey = tuple[str, str]


def speaker_key(info: SpeakerInfo) -> SpeakerKey:
    """How a speaker is looked up: its kind and its folded full name."""
    return info.kind, normalize_alias(info.name)


def stored_speakers(*, infos: Iterable[SpeakerInfo]) -> dict[SpeakerKey, Speaker]:
    """The stored speakers these are, matched on stored aliases and names, kind by kind.

    Two queries for a whole article: its names among the aliases, then the names still
    missing among the speakers' own (a speaker made in admin may have no alias yet).
    """
    wanted = {speaker_key(info): info.name for info in infos}
    found: dict[SpeakerKey, Speaker] = {}
    aliases = (
        SpeakerAlias.objects.filter(normalized__in={name for _, name in wanted})
        .select_related("speaker")
        .order_by("speaker_id")
    )
    for alias in aliases:
        key = (alias.speaker.kind, alias.normalized)
        if key in wanted:
            found.setdefault(key, alias.speaker)
    missing = {name for key, name in wanted.items() if key not in found}
    for speaker in Speaker.objects.filter(name__in=missing).order_by("id") if missing else ():
        key = (speaker.kind, normalize_alias(speaker.name))
        if key in wanted:
            found.setdefault(key, speaker)
    return found


def find_speaker(*, info: SpeakerInfo) -> Speaker | None:
    """The stored speaker ``info`` is, if any."""
    return stored_speakers(infos=[info]).get(speaker_key(info))


def resolve_speaker(
    *, info: SpeakerInfo, known: dict[SpeakerKey, Speaker] | None = None
) -> tuple[Speaker, bool]:
    """Return the Speaker for ``info`` and whether it was created; record its naming aliases.

    ``known`` is ``stored_speakers`` for the whole article, read once instead of per
    speaker; a speaker created here is added to it. Safe against a concurrent ingest
    creating the same speaker: the unique (name, kind) constraint decides, and the loser
    reads the winner's row.
    """
    kind = info.kind if info.kind in SpeakerKind.values else SpeakerKind.PERSON
    speaker = known.get(speaker_key(info)) if known is not None else find_speaker(info=info)
    created = False
    if speaker is None:
        speaker, created = _create_speaker(info=info, kind=kind)
        if known is not None:
            known[speaker_key(info)] = speaker
    elif (not speaker.role and info.role) or (not speaker.affiliation and info.affiliation):
        speaker.role = speaker.role or info.role
        speaker.affiliation = speaker.affiliation or info.affiliation
        speaker.save(update_fields=["role", "affiliation"])
    add_aliases(speaker=speaker, aliases=naming_aliases(info))
    return speaker, created


def _create_speaker(*, info: SpeakerInfo, kind: str, attempts: int = 3) -> tuple[Speaker, bool]:
    """A new speaker, or the one a concurrent writer created under the same name.

    The savepoint keeps the article's transaction usable after a unique-constraint error:
    on the name, the other writer's row is read; on the slug only (another name with the
    same slug, taken in the meantime), a fresh slug is tried.
    """
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                speaker = Speaker.objects.create(
                    name=info.name,
                    kind=kind,
                    slug=unique_slug(model=Speaker, name=info.name, fallback="speaker"),
                    role=info.role,
                    affiliation=info.affiliation,
                )
            return speaker, True
        except IntegrityError:
            existing = Speaker.objects.filter(name=info.name, kind=kind).first()
            if existing is not None:
                return existing, False
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def add_aliases(*, speaker: Speaker, aliases: list[str]) -> None:
    SpeakerAlias.objects.bulk_create(
        [
            SpeakerAlias(
                speaker=speaker,
                alias=alias[:_ALIAS_LENGTH],
                normalized=normalize_alias(alias)[:_ALIAS_LENGTH],
            )
            for alias in aliases
        ],
        ignore_conflicts=True,
    )
