"""API viewsets: read through the selectors, write through the services, nothing else."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from claims.api.filters import (
    ArticleFilter,
    ClaimFilter,
    SpeakerFilter,
    StanceFilter,
    StatementFilter,
    TopicFilter,
)
from claims.api.lookups import IdOrSlugLookupMixin
from claims.api.pagination import PageNumberWithSizePagination
from claims.api.serializers import (
    ArticleDetailSerializer,
    ArticleInputSerializer,
    ArticleSerializer,
    ClaimSerializer,
    MatrixQuerySerializer,
    MatrixSerializer,
    SpeakerSerializer,
    SpeakerStancesSerializer,
    StanceReviewSerializer,
    StanceSerializer,
    StatementReviewSerializer,
    StatementSerializer,
    TimelineQuerySerializer,
    TopicSerializer,
    TopicSpeakersSerializer,
)
from claims.readers.given import article_from_text
from claims.selectors.articles import article_detail, article_list
from claims.selectors.claims import claim_appearances, claim_list
from claims.selectors.speakers import speaker_list, speaker_standings, speaker_topics
from claims.selectors.stances import current_positions, stance_list, stance_timeline
from claims.selectors.statements import statement_list, statement_topics
from claims.selectors.topics import topic_list, topic_positions
from claims.services.ingest import ingest_or_reject
from claims.services.outcomes import NEW
from claims.services.review import review_stance, review_statement

ID_OR_SLUG = OpenApiParameter(
    "id_or_slug",
    str,
    OpenApiParameter.PATH,
    description="The numeric id or the slug (e.g. `sergey-lavrov`).",
)


@extend_schema_view(
    create=extend_schema(
        summary="Ingest an article",
        description="Runs the extractor over the text and stores the article with its "
        "statements, speakers, topics and stances. 201 for a new article; 200 with the "
        "stored article when the same text was posted before.",
        request=ArticleInputSerializer,
        responses={201: ArticleDetailSerializer, 200: ArticleDetailSerializer},
    )
)
class ArticleViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Ingested news articles; the detail carries the text and every statement found in it."""

    filterset_class = ArticleFilter

    def get_queryset(self) -> QuerySet:
        return article_detail() if self.action == "retrieve" else article_list()

    def get_serializer_class(self) -> type[BaseSerializer]:
        if self.action == "retrieve":
            return ArticleDetailSerializer
        if self.action == "create":
            return ArticleInputSerializer
        return ArticleSerializer

    def create(self, request: Request) -> Response:
        posted = ArticleInputSerializer(data=request.data)
        posted.is_valid(raise_exception=True)
        data = posted.validated_data
        url = data.get("url", "")
        given = article_from_text(
            text=data["text"],
            source=url or "api",
            title=data.get("headline", ""),
            url=url,
            outlet=data.get("outlet", ""),
            published=data.get("published"),
        )
        outcome = ingest_or_reject(raw=given)
        article = article_detail().get(pk=outcome.article.pk)
        body = ArticleDetailSerializer(article, context=self.get_serializer_context()).data
        if outcome.status == NEW:
            return Response(body, status=status.HTTP_201_CREATED)
        return Response(body, status=status.HTTP_200_OK)


# A detail action's page is not a list view to drf-spectacular: its parameters are named here.
PAGE_PARAMETERS = [
    OpenApiParameter("page", str, description=PageNumberWithSizePagination.page_query_description),
    OpenApiParameter(
        "page_size", int, description=PageNumberWithSizePagination.page_size_query_description
    ),
]


@extend_schema_view(retrieve=extend_schema(parameters=[ID_OR_SLUG]))
class SpeakerViewSet(IdOrSlugLookupMixin, viewsets.ReadOnlyModelViewSet):
    """People, organisations and anonymous sources, with the names they go by."""

    serializer_class = SpeakerSerializer
    filterset_class = SpeakerFilter

    def get_queryset(self) -> QuerySet:
        return speaker_list()

    @extend_schema(
        summary="A speaker's positions",
        description="The speaker's current position on each topic, with the observations "
        "(stances) behind it and the dates it turned; most recently observed first, a page "
        "of topics at a time (`page`, `page_size`), with `count` and the links like every "
        "list.",
        parameters=[ID_OR_SLUG, *PAGE_PARAMETERS],
        responses=SpeakerStancesSerializer,
    )
    @action(detail=True, filter_backends=[])
    def stances(self, request: Request, id_or_slug: str) -> Response:
        speaker = self.get_object()
        # The page is chosen among the topics (one index-only query); only its topics'
        # observations are read: a much-quoted speaker holds positions on hundreds.
        topics = self.paginate_queryset(speaker_topics(speaker=speaker))
        body = {
            "speaker": speaker,
            **self.paginator.page_fields(),
            "positions": speaker_standings(speaker=speaker, topics=topics),
        }
        return Response(SpeakerStancesSerializer(body).data)

    @extend_schema(
        summary="A speaker's observations over time",
        description="The speaker's stances, oldest first (rejected ones left out).",
        parameters=[ID_OR_SLUG, TimelineQuerySerializer],
        responses=StanceSerializer(many=True),
    )
    @action(detail=True, filter_backends=[])
    def timeline(self, request: Request, id_or_slug: str) -> Response:
        speaker = self.get_object()
        query = TimelineQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        stances = stance_timeline(speaker=speaker, topic=query.validated_data.get("topic"))
        page = self.paginate_queryset(stances)
        return self.get_paginated_response(StanceSerializer(page, many=True).data)


@extend_schema_view(retrieve=extend_schema(parameters=[ID_OR_SLUG]))
class TopicViewSet(IdOrSlugLookupMixin, viewsets.ReadOnlyModelViewSet):
    """Topics statements are tagged with: curated ones, and those the extractor suggests."""

    serializer_class = TopicSerializer
    filterset_class = TopicFilter

    def get_queryset(self) -> QuerySet:
        return topic_list()

    @extend_schema(
        summary="Who stands where on a topic",
        description="Every speaker's current position on the topic, a page at a time "
        "(`page`, `page_size`), with `count` and the links like every list.",
        parameters=[ID_OR_SLUG, *PAGE_PARAMETERS],
        responses=TopicSpeakersSerializer,
    )
    @action(detail=True, filter_backends=[])
    def speakers(self, request: Request, id_or_slug: str) -> Response:
        topic = self.get_object()
        page = self.paginate_queryset(topic_positions(topic=topic))
        body = {"topic": topic, **self.paginator.page_fields(), "positions": page}
        return Response(TopicSpeakersSerializer(body).data)


@extend_schema_view(
    partial_update=extend_schema(
        summary="Review a statement",
        description="Set its review status, its speaker or its topics; the reviewer and the "
        "time are recorded. Needs the `claims.change_statement` permission.",
        request=StatementReviewSerializer,
        responses=StatementSerializer,
    )
)
class StatementViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = StatementSerializer
    filterset_class = StatementFilter

    def get_queryset(self) -> QuerySet:
        return statement_list()

    def partial_update(self, request: Request, pk: str) -> Response:
        statement = self.get_object()
        review = StatementReviewSerializer(data=request.data)
        review.is_valid(raise_exception=True)
        review_statement(statement=statement, reviewer=request.user, **review.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=statement.pk)).data)


@extend_schema_view(
    partial_update=extend_schema(
        summary="Review a stance",
        description="Set its polarity or its review status; the reviewer and the time are "
        "recorded. Needs the `claims.change_stance` permission.",
        request=StanceReviewSerializer,
        responses=StanceSerializer,
    )
)
class StanceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Observed positions: a speaker for or against a topic on a day, with the evidence."""

    serializer_class = StanceSerializer
    filterset_class = StanceFilter

    def get_queryset(self) -> QuerySet:
        return stance_list()

    @extend_schema(
        summary="Positions of speakers on topics",
        description="A speakers × topics table of current positions.",
        parameters=[MatrixQuerySerializer],
        responses=MatrixSerializer,
    )
    @action(detail=False, filter_backends=[], pagination_class=None)
    def matrix(self, request: Request) -> Response:
        query = MatrixQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        speakers, topics = query.validated_data["speakers"], query.validated_data["topics"]
        positions = {
            (position.speaker_id, position.topic_id): position
            for position in current_positions(
                speakers=[speaker.pk for speaker in speakers], topics=[topic.pk for topic in topics]
            )
        }
        rows = [
            {
                "speaker": speaker.slug,
                "positions": {
                    topic.slug: positions.get((speaker.pk, topic.pk)) for topic in topics
                },
            }
            for speaker in speakers
        ]
        body = {"speakers": speakers, "topics": topics, "rows": rows}
        return Response(MatrixSerializer(body).data)

    def partial_update(self, request: Request, pk: str) -> Response:
        stance = self.get_object()
        review = StanceReviewSerializer(data=request.data)
        review.is_valid(raise_exception=True)
        review_stance(stance=stance, reviewer=request.user, **review.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=stance.pk)).data)


class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    """Claims: what was said, grouped across articles and speakers, with its fact-checks."""

    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter

    def get_queryset(self) -> QuerySet:
        return claim_list()

    @extend_schema(
        summary="A claim's appearances",
        description="The statements that say the claim (rejected ones left out), earliest "
        "first, each with its article and speaker.",
        responses=StatementSerializer(many=True),
    )
    @action(detail=True, filter_backends=[])
    def appearances(self, request: Request, pk: str) -> Response:
        claim = self.get_object()
        statements = claim_appearances(claim=claim).prefetch_related(statement_topics())
        page = self.paginate_queryset(statements)
        context = self.get_serializer_context()
        return self.get_paginated_response(
            StatementSerializer(page, many=True, context=context).data
        )
