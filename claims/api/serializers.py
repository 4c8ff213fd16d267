"""What the API returns and accepts. Reads only shape rows the selectors fetched; writes
validate input and leave the work to the services (ingest, review)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.api.lookups import find_by_id_or_slug
from claims.models import (
    Article,
    Polarity,
    ReviewStatus,
    Speaker,
    Stance,
    Statement,
    Topic,
)
from claims.readers.decoding import NotTextError, decode_text, megabytes

# --- small nested shapes ----------------------------------------------------------------------


class SpeakerBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "slug", "name", "role", "affiliation"]


class TopicBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name"]


class ArticleBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "headline", "outlet", "published", "url"]


# --- statements -------------------------------------------------------------------------------


class StatementInArticleSerializer(serializers.ModelSerializer):
    """A statement as listed inside its article (the article itself is not repeated)."""

    speaker = SpeakerBriefSerializer(allow_null=True)
    topics = TopicBriefSerializer(many=True)
    admin_url = serializers.SerializerMethodField(
        help_text="The statement's page in the review admin."
    )

    class Meta:
        model = Statement
        fields = [
            "id",
            "speaker",
            "speaker_mention",
            "kind",
            "cue",
            "text",
            "start",
            "end",
            "paragraph",
            "topics",
            "confidence",
            "review_status",
            "reviewed_at",
            "admin_url",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_admin_url(self, statement: Statement) -> str:
        path = reverse("admin:claims_statement_change", args=[statement.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class StatementSerializer(StatementInArticleSerializer):
    article = ArticleBriefSerializer()

    class Meta(StatementInArticleSerializer.Meta):
        fields = ["id", "article", *StatementInArticleSerializer.Meta.fields[1:]]


@extend_schema_field(OpenApiTypes.STR)
class SpeakerReferenceField(serializers.RelatedField):
    """Input only: a speaker's id or slug."""

    default_error_messages = {"does_not_exist": "No speaker has the id or slug {value!r}."}

    def to_internal_value(self, data: object) -> Speaker:
        found = find_by_id_or_slug(queryset=self.get_queryset(), value=str(data))
        if found is None:
            self.fail("does_not_exist", value=data)
        return found

    def to_representation(self, value: Speaker) -> int:
        return value.pk


class StatementReviewSerializer(serializers.Serializer):
    """A reviewer's changes to a statement; give at least one field."""

    review_status = serializers.ChoiceField(choices=ReviewStatus.choices, required=False)
    speaker = SpeakerReferenceField(
        queryset=Speaker.objects.all(),
        required=False,
        help_text="The speaker who really said it: id or slug.",
    )
    topics = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Topic.objects.all(),
        many=True,
        required=False,
        help_text="The statement's topics, as slugs; replaces the current ones.",
    )

    def validate(self, attrs: dict) -> dict:
        if not attrs:
            raise serializers.ValidationError("Give review_status, speaker or topics.")
        return attrs


# --- articles ---------------------------------------------------------------------------------


class ArticleSerializer(serializers.ModelSerializer):
    statement_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "headline",
            "outlet",
            "author",
            "dateline",
            "published",
            "url",
            "source",
            "language",
            "ingested_at",
            "extractor_version",
            "statement_count",
        ]


class ArticleDetailSerializer(serializers.ModelSerializer):
    statements = StatementInArticleSerializer(many=True)

    class Meta:
        model = Article
        fields = [f for f in ArticleSerializer.Meta.fields if f != "statement_count"] + [
            "text",
            "statements",
        ]


class ArticleInputSerializer(serializers.Serializer):
    """An article to ingest: its text, and what is known about it."""

    text = serializers.CharField(help_text="The article text (plain text, UTF-8).")
    headline = serializers.CharField(max_length=500, required=False, allow_blank=True)
    url = serializers.URLField(max_length=2000, required=False, allow_blank=True)
    outlet = serializers.CharField(max_length=200, required=False, allow_blank=True)
    published = serializers.DateField(required=False, allow_null=True)

    def validate_text(self, text: str) -> str:
        limit = settings.CLAIMTRACKER_API_MAX_ARTICLE_BYTES
        encoded = text.encode("utf-8", errors="replace")
        if len(encoded) > limit:
            raise serializers.ValidationError(
                f"The text is {megabytes(len(encoded))}, over the {megabytes(limit)} limit."
            )
        try:
            return decode_text(encoded)
        except NotTextError as error:
            raise serializers.ValidationError(f"Not an article's text: {error}.") from error


# --- speakers and topics ----------------------------------------------------------------------


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
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True)

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
            "observed_on",
            "article",
            "evidence",
            "method",
            "method_version",
            "review_status",
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
