"""Serializers of claims (one claim, many appearances) and their fact-checks."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.api.serializers.articles import (
    SpeakerBriefSerializer,
)
from claims.models import (
    Claim,
    FactCheck,
)


class FactCheckSerializer(serializers.ModelSerializer):
    class Meta:
        model = FactCheck
        fields = [
            "rating",
            "rating_value",
            "best_rating",
            "worst_rating",
            "reviewer",
            "url",
            "published",
        ]


class ClaimSerializer(serializers.ModelSerializer):
    """A claim with who said it and where; its statements are under ``appearances_url``."""

    speakers = serializers.SerializerMethodField(help_text="Who said it, in order of first id.")
    outlets = serializers.SerializerMethodField(help_text="Outlets it appeared in, by name.")
    fact_checks = FactCheckSerializer(many=True)
    appearances_url = serializers.SerializerMethodField(
        help_text="Its appearances: the statements that say it."
    )

    class Meta:
        model = Claim
        fields = [
            "id",
            "text",
            "appearances",
            "first_seen",
            "last_seen",
            "speakers",
            "outlets",
            "fact_checks",
            "appearances_url",
        ]

    @extend_schema_field(SpeakerBriefSerializer(many=True))
    def get_speakers(self, claim: Claim) -> list[dict]:
        speakers = {s.speaker_id: s.speaker for s in claim.shown_appearances if s.speaker_id}
        return SpeakerBriefSerializer([speakers[pk] for pk in sorted(speakers)], many=True).data

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_outlets(self, claim: Claim) -> list[str]:
        return sorted({s.article.outlet for s in claim.shown_appearances if s.article.outlet})

    @extend_schema_field(OpenApiTypes.URI)
    def get_appearances_url(self, claim: Claim) -> str:
        path = reverse("claim-appearances", args=[claim.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path
