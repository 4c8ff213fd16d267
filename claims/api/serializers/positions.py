"""Serializers of speakers, topics, stances and the positions built from them (timelines,
the stance matrix, who stands where on a topic)."""

from __future__ import annotations

from rest_framework import serializers

from claims.api.serializers.articles import (
    REVIEWER,
    ReferenceField,
    ReferenceListField,
    SpeakerBriefSerializer,
    TopicBriefSerializer,
)
from claims.models import (
    Polarity,
    ReviewStatus,
    Speaker,
    Stance,
    Topic,
)
from claims.selectors.speakers import OBSERVATIONS_PER_TOPIC


class SpeakerSerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(slug_field="alias", many=True, read_only=True)

    class Meta:
        model = Speaker
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "role",
            "affiliation",
            "external_id",
            "aliases",
            "created_at",
        ]


class TopicSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, help_text="The parent's slug, or null."
    )

    class Meta:
        model = Topic
        fields = [
            "id",
            "slug",
            "name",
            "description",
            "parent",
            "status",
            "phrases",
            "entity_label",
            "created_at",
        ]


# --- stances ----------------------------------------------------------------------------------


class StanceSerializer(serializers.ModelSerializer):
    speaker = SpeakerBriefSerializer()
    topic = TopicBriefSerializer()
    evidence = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text="Ids of the statements it was inferred from."
    )
    retracted = serializers.BooleanField(
        source="is_retracted",
        read_only=True,
        help_text="True when it is rejected because every statement it rests on was rejected; "
        "it comes back if one of them is no longer rejected.",
    )
    reviewed_by = REVIEWER

    class Meta:
        model = Stance
        fields = [
            "id",
            "speaker",
            "topic",
            "polarity",
            "confidence",
            "target",
            "cues",
            "path",
            "observed_on",
            "article",
            "evidence",
            "method",
            "method_version",
            "review_status",
            "retracted",
            "reviewed_by",
            "reviewed_at",
        ]


class StanceReviewSerializer(serializers.Serializer):
    """A reviewer's changes to a stance; give at least one field."""

    polarity = serializers.ChoiceField(choices=Polarity.choices, required=False)
    review_status = serializers.ChoiceField(choices=ReviewStatus.choices, required=False)

    def validate(self, attrs: dict) -> dict:
        if not attrs:
            raise serializers.ValidationError("Give polarity or review_status.")
        return attrs


# --- positions (computed from the stances) ----------------------------------------------------


class PositionSerializer(serializers.Serializer):
    """A current position, computed from the observations (stances) of a speaker on a topic."""

    polarity = serializers.ChoiceField(choices=Polarity.choices)
    confidence = serializers.FloatField()
    observations = serializers.IntegerField(help_text="How many observations it rests on.")
    last_observed = serializers.DateField(
        allow_null=True, help_text="The newest dated observation; null when all are undated."
    )
    last_change = serializers.DateField(
        allow_null=True, help_text="When it last turned between favor and against."
    )


class PositionChangeSerializer(serializers.Serializer):
    before = serializers.ChoiceField(choices=Polarity.choices)
    after = serializers.ChoiceField(choices=Polarity.choices)
    last_before = serializers.DateField(help_text="The last day of the old position.")
    changed_on = serializers.DateField(help_text="The first day of the new one.")


class ObservationSerializer(StanceSerializer):
    """One stance behind a position (speaker and topic are those of the position)."""

    speaker = None
    topic = None
    evidence = serializers.ListField(
        child=serializers.IntegerField(),
        source="evidence_ids",
        read_only=True,
        help_text="Ids of the statements it was inferred from.",
    )

    class Meta(StanceSerializer.Meta):
        fields = [
            name
            for name in StanceSerializer.Meta.fields
            # rejected observations, retracted ones included, are never behind a position
            if name not in {"speaker", "topic", "method_version", "reviewed_at", "retracted"}
        ]


class StandingSerializer(serializers.Serializer):
    topic = TopicBriefSerializer()
    position = PositionSerializer()
    observations = ObservationSerializer(
        many=True,
        help_text=f"The most recent observations behind the position (at most "
        f"{OBSERVATIONS_PER_TOPIC}, oldest first); `position.observations` says how many "
        "there are, and the speaker's timeline lists them all.",
    )
    changes = PositionChangeSerializer(many=True)


class SpeakerStancesSerializer(serializers.Serializer):
    speaker = SpeakerBriefSerializer()
    count = serializers.IntegerField(help_text="How many topics the speaker has a position on.")
    count_exact = serializers.BooleanField()
    next = serializers.URLField(allow_null=True, help_text="The next page, or null.")
    previous = serializers.URLField(allow_null=True, help_text="The previous page, or null.")
    positions = StandingSerializer(
        many=True, help_text="This page of them, most recently observed first."
    )


class SpeakerPositionSerializer(serializers.Serializer):
    speaker = SpeakerBriefSerializer()
    position = PositionSerializer()


class TopicSpeakersSerializer(serializers.Serializer):
    topic = TopicBriefSerializer()
    count = serializers.IntegerField(help_text="How many speakers have a position on it.")
    count_exact = serializers.BooleanField()
    next = serializers.URLField(allow_null=True, help_text="The next page, or null.")
    previous = serializers.URLField(allow_null=True, help_text="The previous page, or null.")
    positions = SpeakerPositionSerializer(
        many=True,
        help_text="This page of them: in favor first, then against, then neutral; most "
        "confident first.",
    )


class TimelineQuerySerializer(serializers.Serializer):
    topic = ReferenceField(
        queryset=Topic.objects.all(),
        required=False,
        help_text="Only observations on this topic: its slug or id.",
    )


class MatrixQuerySerializer(serializers.Serializer):
    speakers = ReferenceListField(
        queryset=Speaker.objects.only("pk", "slug", "name", "role", "affiliation"),
        help_text="Comma-separated speaker slugs or ids, at most 50.",
    )
    topics = ReferenceListField(
        queryset=Topic.objects.only("pk", "slug", "name"),
        help_text="Comma-separated topic slugs or ids, at most 50.",
    )


class MatrixRowSerializer(serializers.Serializer):
    speaker = serializers.SlugField()
    positions = serializers.DictField(
        child=PositionSerializer(allow_null=True),
        help_text="By topic slug: the current position, or null where none was observed.",
    )


class MatrixSerializer(serializers.Serializer):
    speakers = SpeakerBriefSerializer(many=True)
    topics = TopicBriefSerializer(many=True)
    rows = MatrixRowSerializer(many=True, help_text="One per speaker, in the order asked.")


# --- claims -----------------------------------------------------------------------------------
