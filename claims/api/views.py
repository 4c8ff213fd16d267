"""API viewsets: read through the selectors, write through the services, nothing else."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from claims.api.filters import (
    ArticleFilter,
    SpeakerFilter,
    StanceFilter,
    StatementFilter,
    TopicFilter,
)
from claims.api.lookups import IdOrSlugLookupMixin
from claims.api.serializers import (
    ArticleDetailSerializer,
    ArticleInputSerializer,
    ArticleSerializer,
    SpeakerSerializer,
    StanceReviewSerializer,
    StanceSerializer,
    StatementReviewSerializer,
    StatementSerializer,
    TopicSerializer,
)
from claims.readers.records import RawArticle
from claims.selectors.articles import article_detail, article_list
from claims.selectors.speakers import speaker_list
from claims.selectors.stances import stance_list
from claims.selectors.statements import statement_list
from claims.selectors.topics import topic_list
from claims.services.ingest import NEW, ingest_article
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
        given = ArticleInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        url = data.get("url", "")
        raw = RawArticle(
            source=url or "api",
            text=data["text"],
            title=data.get("headline", ""),
            url=url,
            outlet=data.get("outlet", ""),
            published=data.get("published"),
        )
        outcome = ingest_article(raw=raw)
        if outcome.failed:
            raise ValidationError({"non_field_errors": [outcome.error]})
        article = article_detail().get(pk=outcome.article.pk)
        body = ArticleDetailSerializer(article, context=self.get_serializer_context()).data
        if outcome.status == NEW:
            return Response(body, status=status.HTTP_201_CREATED)
        return Response(body, status=status.HTTP_200_OK)


@extend_schema_view(retrieve=extend_schema(parameters=[ID_OR_SLUG]))
class SpeakerViewSet(IdOrSlugLookupMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = SpeakerSerializer
    filterset_class = SpeakerFilter

    def get_queryset(self) -> QuerySet:
        return speaker_list()


@extend_schema_view(retrieve=extend_schema(parameters=[ID_OR_SLUG]))
class TopicViewSet(IdOrSlugLookupMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = TopicSerializer
    filterset_class = TopicFilter

    def get_queryset(self) -> QuerySet:
        return topic_list()


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
    serializer_class = StanceSerializer
    filterset_class = StanceFilter

    def get_queryset(self) -> QuerySet:
        return stance_list()

    def partial_update(self, request: Request, pk: str) -> Response:
        stance = self.get_object()
        review = StanceReviewSerializer(data=request.data)
        review.is_valid(raise_exception=True)
        review_stance(stance=stance, reviewer=request.user, **review.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=stance.pk)).data)
