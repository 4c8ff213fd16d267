"""Speaker reads: the API's speaker lists and search by name or alias."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, Q, QuerySet

from claims.models import Speaker, SpeakerAlias
from claims.services.speakers import normalize_alias


def speaker_list() -> QuerySet[Speaker]:
    return Speaker.objects.prefetch_related(
        Prefetch("aliases", queryset=SpeakerAlias.objects.only("speaker_id", "alias"))
    )


def speakers_by_id(*, ids: Iterable[int]) -> dict[int, Speaker]:
    speakers = Speaker.objects.filter(pk__in=set(ids)).only("slug", "name", "role", "affiliation")
    return {speaker.pk: speaker for speaker in speakers}


def search_speakers(*, speakers: QuerySet[Speaker], query: str) -> QuerySet[Speaker]:
    """Speakers whose name or one of whose aliases contains ``query`` (case-insensitive)."""
    query = query.strip()
    aliased = SpeakerAlias.objects.filter(normalized__contains=normalize_alias(query))
    return speakers.filter(Q(name__icontains=query) | Q(pk__in=aliased.values("speaker_id")))


def speakers_named(*, name: str) -> QuerySet[Speaker]:
    """Speakers whose name or one of whose aliases is exactly ``name`` (case-insensitive)."""
    aliased = SpeakerAlias.objects.filter(normalized=normalize_alias(name))
    return Speaker.objects.filter(
        Q(name__iexact=name.strip()) | Q(pk__in=aliased.values("speaker_id"))
    )
