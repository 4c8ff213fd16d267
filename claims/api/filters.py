"""Filter sets for the list endpoints; every filter has a help text, which the schema shows.

Filters that need more than a field lookup call the selectors. A bad date, a bad number or
an unknown choice is a 400 naming the parameter (django-filter's validation); a speaker,
topic, article or statement that does not exist is a 404 naming it.
"""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django_filters import rest_framework as filters

from claims.api.lookups import IdField, IdOrSlugField
from claims.models import (
    Article,
    Attribution,
    Claim,
    Polarity,
    Resolution,
    ReviewStatus,
    Speaker,
    SpeakerKind,
    Stance,
    Statement,
    StatementKind,
    Topic,
    TopicStatus,
)
from claims.selectors.claims import (
    claims_about_topic,
    claims_in_outlet,
    claims_rated,
    claims_spoken_by,
    search_claims,
)
from claims.selectors.speakers import search_speakers, speakers_named
from claims.selectors.statements import (
    about_topic,
    evidence_for_polarity,
    published_between,
    search_statements,
    spoken_by,
)
from claims.selectors.topics import search_topics, topic_tree_ids

REVIEW_STATUS_HELP = "Review status: `pending`, `approved` or `rejected`."


class IdOrSlugFilter(filters.CharFilter):
    """A speaker or topic given by id or slug; one that does not exist is a 404."""

    field_class = IdOrSlugField


class IdFilter(filters.ModelChoiceFilter):
    """An article or statement given by id; one that does not exist is a 404."""

    field_class = IdField


class OrderingFilter(filters.OrderingFilter):
    """django-filter's, except that a blank ordering (``?ordering=`` or ``?ordering=,``) keeps
    the default order: ``order_by()`` with no field would drop it and pages would overlap.
    Rows equal on the chosen fields (statements of one day) are ordered by id, so that a
    row never moves from one page to the next between requests."""

    def filter(self, qs: QuerySet, value: list[str] | None) -> QuerySet:
        if not value or not any(value):
            return qs
        ordered = super().filter(qs, value)
        return ordered.order_by(*ordered.query.order_by, "pk")


def by_name_or_created() -> OrderingFilter:
    """The ordering of the speaker and topic lists."""
    return OrderingFilter(
        fields=(("name", "name"), ("created_at", "created")),
        help_text="Sort by `name` or `created`; prefix `-` to reverse. Default: by name.",
    )


def speaker_filter() -> IdOrSlugFilter:
    return IdOrSlugFilter(
        queryset=Speaker.objects.only("pk", "slug"),
        help_text="Speaker id or slug, e.g. `sergey-lavrov`.",
    )


def topic_filter(method: str) -> IdOrSlugFilter:
    return IdOrSlugFilter(
        queryset=Topic.objects.only("pk", "slug"),
        method=method,
        help_text="Topic slug (or id), e.g. `afghanistan`; its sub-topics are included.",
    )


class ArticleFilter(filters.FilterSet):
    outlet = filters.CharFilter(
        lookup_expr="iexact", help_text="Outlet name, case-insensitive, e.g. `TASS`."
    )
    published_after = filters.DateFilter(
        field_name="published", lookup_expr="gte", help_text="Published on or after (YYYY-MM-DD)."
    )
    published_before = filters.DateFilter(
        field_name="published", lookup_expr="lte", help_text="Published on or before (YYYY-MM-DD)."
    )
    search = filters.CharFilter(
        field_name="headline", lookup_expr="icontains", help_text="Words in the headline."
    )
    ordering = OrderingFilter(
        fields=(("published", "published"), ("ingested_at", "ingested"), ("headline", "headline")),
        help_text="Sort by `published`, `ingested` or `headline`; prefix `-` to reverse. "
        "Default: newest published first.",
    )

    class Meta:
        model = Article
        fields: list[str] = []


class StatementFilter(filters.FilterSet):
    speaker = speaker_filter()
    speaker_name = filters.CharFilter(
        method="filter_speaker_name",
        help_text="Speaker name or alias, case-insensitive, e.g. `Lavrov` or `Sergey Lavrov`.",
    )
    topic = topic_filter("filter_topic")
    article = IdFilter(
        queryset=Article.objects.only("pk"),
        help_text="Article id.",
    )
    outlet = filters.CharFilter(
        field_name="article__outlet",
        lookup_expr="iexact",
        help_text="Outlet of the article, case-insensitive, e.g. `TASS`.",
    )
    kind = filters.ChoiceFilter(
        choices=StatementKind.choices,
        help_text="`direct` quote, `indirect` (reported speech), `mixed` (partly quoted) "
        "or `headline` (attributed headline).",
    )
    review_status = filters.ChoiceFilter(choices=ReviewStatus.choices, help_text=REVIEW_STATUS_HELP)
    cue = filters.CharFilter(
        lookup_expr="iexact", help_text="The reporting word, case-insensitive, e.g. `said`."
    )
    attribution = filters.ChoiceFilter(
        choices=Attribution.choices,
        help_text="`said` (a speech act), `thinks` (a belief or intention) or `shows` "
        "(what a document, survey, study or data shows).",
    )
    resolution = filters.ChoiceFilter(
        choices=Resolution.choices,
        help_text="How the speaker was found from the words at the attribution site: `name`, "
        "`surname`, `role`, `pronoun`, `acronym` or `description`.",
    )
    reported_in = IdFilter(
        queryset=Statement.objects.only("pk"),
        help_text="Statement id: only the statements nested in it (in 'A said B wants C', "
        "B's statement is reported in A's).",
    )
    published_after = filters.DateFilter(
        field_name="article__published",
        lookup_expr="gte",
        help_text="Article published on or after (YYYY-MM-DD).",
    )
    published_before = filters.DateFilter(
        field_name="article__published",
        lookup_expr="lte",
        help_text="Article published on or before (YYYY-MM-DD).",
    )
    polarity = filters.ChoiceFilter(
        choices=Polarity.choices,
        method="filter_polarity",
        help_text="Only statements that are evidence for a stance of this polarity: "
        "`favor`, `against` or `neutral`.",
    )
    q = filters.CharFilter(
        method="filter_search",
        help_text='Full-text search in the statement text, best match first: words, "a phrase", '
        "`-word` to exclude (PostgreSQL; stems match, so `sanction` finds `sanctions`).",
    )
    ordering = OrderingFilter(
        fields=(
            ("article__published", "published"),
            ("created_at", "created"),
            ("speaker__name", "speaker"),
        ),
        help_text="Sort by `published` (the article's date), `created` or `speaker` (name); "
        "prefix `-` to reverse. Default: by article, in text order (with `q`: best match).",
    )

    class Meta:
        model = Statement
        fields: list[str] = []

    def filter_speaker_name(self, statements: QuerySet, name: str, value: str) -> QuerySet:
        return spoken_by(statements=statements, speakers=speakers_named(name=value))

    def filter_topic(self, statements: QuerySet, name: str, value: Topic) -> QuerySet:
        return about_topic(statements=statements, topic=value)

    def filter_polarity(self, statements: QuerySet, name: str, value: str) -> QuerySet:
        return evidence_for_polarity(statements=statements, polarity=value)

    def filter_search(self, statements: QuerySet, name: str, value: str) -> QuerySet:
        return search_statements(statements=statements, query=value)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        statements = super().filter_queryset(queryset)
        after = self.form.cleaned_data.get("published_after")
        before = self.form.cleaned_data.get("published_before")
        if after is None and before is None:
            return statements
        return published_between(statements=statements, after=after, before=before)


class SpeakerFilter(filters.FilterSet):
    search = filters.CharFilter(
        method="filter_search",
        help_text="Words in the name or in one of the aliases, case-insensitive.",
    )
    kind = filters.ChoiceFilter(
        choices=SpeakerKind.choices,
        help_text="`person`, `organisation`, `group`, `anonymous` (source) or `document` "
        "(a document or survey no one is named for).",
    )
    affiliation = filters.CharFilter(
        lookup_expr="iexact",
        help_text="Organisation or country, case-insensitive, e.g. `Russia`.",
    )
    role = filters.CharFilter(
        lookup_expr="icontains",
        help_text="Words in the role, case-insensitive, e.g. `minister`.",
    )
    ordering = by_name_or_created()

    class Meta:
        model = Speaker
        fields: list[str] = []

    def filter_search(self, speakers: QuerySet, name: str, value: str) -> QuerySet:
        return search_speakers(speakers=speakers, query=value)


class TopicFilter(filters.FilterSet):
    search = filters.CharFilter(
        method="filter_search", help_text="Words in the name or slug, case-insensitive."
    )
    parent = IdOrSlugFilter(
        queryset=Topic.objects.only("pk", "slug"),
        help_text="Parent topic slug (or id): its direct sub-topics.",
    )
    status = filters.ChoiceFilter(
        choices=TopicStatus.choices,
        help_text="`curated` (in the topic table) or `suggested` (proposed by the extractor).",
    )
    ordering = by_name_or_created()

    class Meta:
        model = Topic
        fields: list[str] = []

    def filter_search(self, topics: QuerySet, name: str, value: str) -> QuerySet:
        return search_topics(topics=topics, query=value)


class StanceFilter(filters.FilterSet):
    speaker = speaker_filter()
    topic = topic_filter("filter_topic")
    polarity = filters.ChoiceFilter(
        choices=Polarity.choices, help_text="`favor`, `against` or `neutral`."
    )
    observed_after = filters.DateFilter(
        field_name="observed_on", lookup_expr="gte", help_text="Observed on or after (YYYY-MM-DD)."
    )
    observed_before = filters.DateFilter(
        field_name="observed_on",
        lookup_expr="lte",
        help_text="Observed on or before (YYYY-MM-DD).",
    )
    review_status = filters.ChoiceFilter(choices=ReviewStatus.choices, help_text=REVIEW_STATUS_HELP)
    ordering = OrderingFilter(
        fields=(
            ("observed_on", "observed"),
            ("speaker__name", "speaker"),
            ("topic__name", "topic"),
        ),
        help_text="Sort by `observed` (date), `speaker` or `topic` (names); prefix `-` to "
        "reverse. Default: newest observation first.",
    )

    class Meta:
        model = Stance
        fields: list[str] = []

    def filter_topic(self, stances: QuerySet, name: str, value: Topic) -> QuerySet:
        return stances.filter(topic_id__in=topic_tree_ids(topic=value))


# The largest count a filter takes (the column is a 32-bit integer); the schema says so.
MAX_COUNT = 2**31 - 1


class CountFilter(filters.NumberFilter):
    """A whole number (a decimal or an out-of-range number is a 400)."""

    field_class = forms.IntegerField


class ClaimFilter(filters.FilterSet):
    speaker = IdOrSlugFilter(
        queryset=Speaker.objects.only("pk", "slug"),
        method="filter_speaker",
        help_text="Speaker id or slug, e.g. `sergey-lavrov`: claims they said.",
    )
    topic = topic_filter("filter_topic")
    outlet = filters.CharFilter(
        method="filter_outlet",
        help_text="Outlet, case-insensitive, e.g. `TASS`: claims that appeared there.",
    )
    first_seen_after = filters.DateFilter(
        field_name="first_seen", lookup_expr="gte", help_text="First seen on or after (YYYY-MM-DD)."
    )
    first_seen_before = filters.DateFilter(
        field_name="first_seen",
        lookup_expr="lte",
        help_text="First seen on or before (YYYY-MM-DD).",
    )
    min_appearances = CountFilter(
        field_name="appearances",
        lookup_expr="gte",
        # Every visible claim has an appearance: 0 would filter nothing, so it is refused
        # like any number the schema's minimum (1, for all integer parameters) excludes.
        min_value=1,
        max_value=MAX_COUNT,
        help_text="At least this many appearances, e.g. `2` for claims said more than once.",
    )
    max_appearances = CountFilter(
        field_name="appearances",
        lookup_expr="lte",
        min_value=1,
        max_value=MAX_COUNT,
        help_text="At most this many appearances.",
    )
    rated = filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="filter_rated",
        help_text="`true`: only claims with a fact-check; `false`: only those without.",
    )
    q = filters.CharFilter(
        method="filter_search",
        help_text="Full-text search in the claim's appearances (as for statements).",
    )
    ordering = OrderingFilter(
        fields=(
            ("appearances", "appearances"),
            ("first_seen", "first_seen"),
            ("last_seen", "last_seen"),
        ),
        help_text="Sort by `appearances`, `first_seen` or `last_seen`; prefix `-` to reverse. "
        "Default: most appearances first.",
    )

    class Meta:
        model = Claim
        fields: list[str] = []

    def filter_speaker(self, claims: QuerySet, name: str, value: Speaker) -> QuerySet:
        return claims_spoken_by(claims=claims, speaker=value)

    def filter_topic(self, claims: QuerySet, name: str, value: Topic) -> QuerySet:
        return claims_about_topic(claims=claims, topic=value)

    def filter_outlet(self, claims: QuerySet, name: str, value: str) -> QuerySet:
        return claims_in_outlet(claims=claims, outlet=value)

    def filter_rated(self, claims: QuerySet, name: str, value: str) -> QuerySet:
        return claims_rated(claims=claims, rated=value == "true")

    def filter_search(self, claims: QuerySet, name: str, value: str) -> QuerySet:
        return search_claims(claims=claims, query=value)
