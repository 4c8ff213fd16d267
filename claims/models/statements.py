"""Articles, speakers and their aliases, topics, the statements found in articles and the
stances inferred from them, and the review state they share."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from simple_history.models import HistoricalRecords

from claims.nlp.records import (
    ATTRIBUTIONS,
    POLARITIES,
    RESOLUTIONS,
    SPEAKER_KINDS,
    STATEMENT_KINDS,
)


def _nlp_choices(
    name: str, values: tuple[str, ...], *, labels: dict[str, str]
) -> type[models.TextChoices]:
    """Choices over the values the NLP emits, so a column accepts exactly what it extracts.

    A value the NLP adds without a label here fails at import, not at the first insert.
    """
    members = [(value.upper(), (value, labels[value])) for value in values]
    return models.TextChoices(name, members, module=__name__)


class ReviewStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class Reviewable(models.Model):
    """Review state shared by statements and stances.

    A row whose ``reviewed_at`` is set was touched by a person (approved, rejected,
    reset or edited) and is never replaced by a re-extraction.
    """

    review_status = models.CharField(
        max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.PENDING, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed_at is not None


class Article(models.Model):
    headline = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True, db_index=True)
    author = models.CharField(max_length=300, blank=True)
    dateline = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=2000, null=True, blank=True, unique=True)
    source = models.CharField(max_length=2000, help_text="The path or URL it was ingested from.")
    published = models.DateField(null=True, blank=True, db_index=True)
    text = models.TextField(help_text="The repaired text; every statement offset refers to it.")
    original_text = models.TextField(help_text="The text as read, before repair.")
    content_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the text.")
    language = models.CharField(max_length=16, default="en")
    ingested_at = models.DateTimeField(auto_now_add=True, db_index=True)
    extractor_version = models.CharField(max_length=32)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published", "-id"]

    def __str__(self) -> str:
        label = self.headline or self.source
        return f"{label[:80]} ({self.outlet or 'unknown outlet'}, {self.published or 'undated'})"


SpeakerKind = _nlp_choices(
    "SpeakerKind",
    SPEAKER_KINDS,
    labels={
        "person": "Person",
        "organisation": "Organisation",
        "group": "Group",
        "anonymous": "Anonymous source",
        "document": "Document or survey",
    },
)


class Speaker(models.Model):
    name = models.CharField(max_length=300, db_index=True)
    slug = models.SlugField(max_length=320, unique=True)
    kind = models.CharField(
        max_length=16, choices=SpeakerKind.choices, default=SpeakerKind.PERSON, db_index=True
    )
    role = models.CharField(max_length=200, blank=True, db_index=True)
    affiliation = models.CharField(
        max_length=200, blank=True, db_index=True, help_text="Organisation or country."
    )
    external_id = models.CharField(
        max_length=64, blank=True, help_text="An identifier elsewhere, e.g. a Wikidata QID."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "kind"], name="speaker_unique_name_kind"),
            models.CheckConstraint(
                condition=Q(kind__in=SpeakerKind.values), name="speaker_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        details = ", ".join(part for part in (self.role, self.affiliation) if part)
        return f"{self.name} ({details})" if details else self.name


class SpeakerAlias(models.Model):
    """A way a speaker is named ("Lavrov", "Russian Foreign Minister Sergey Lavrov")."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=300)
    normalized = models.CharField(
        max_length=300, db_index=True, help_text="Case- and accent-folded form used for lookup."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "speaker aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["speaker", "normalized"], name="speakeralias_unique_per_speaker"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.alias} → {self.speaker.name}"


class TopicStatus(models.TextChoices):
    CURATED = "curated", "Curated"
    SUGGESTED = "suggested", "Suggested by the extractor"


class Topic(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=220, unique=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    phrases = models.JSONField(
        default=list, blank=True, help_text="Words and phrases that tag a statement with it."
    )
    status = models.CharField(
        max_length=16, choices=TopicStatus.choices, default=TopicStatus.CURATED, db_index=True
    )
    entity_label = models.CharField(
        max_length=16, blank=True, help_text="spaCy entity label of a suggested topic (GPE, ORG…)."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name if self.status == TopicStatus.CURATED else f"{self.name} (suggested)"


StatementKind = _nlp_choices(
    "StatementKind",
    STATEMENT_KINDS,
    labels={
        "direct": "Direct quote",
        "indirect": "Reported speech",
        "mixed": "Partly quoted",
        "headline": "Attributed headline",
    },
)


# How the words at the attribution site were tied to the speaker.
Resolution = _nlp_choices(
    "Resolution",
    RESOLUTIONS,
    labels={
        "name": "Name",
        "surname": "Surname or first name",
        "role": "Role (the mayor, a spokesperson)",
        "pronoun": "Pronoun",
        "acronym": "Acronym",
        "description": "Description (the agency, a source)",
    },
)

# What kind of attribution a statement is: fact-checkers mostly want what was said.
Attribution = _nlp_choices(
    "Attribution",
    ATTRIBUTIONS,
    labels={
        "said": "Said (a speech act)",
        "thinks": "Thinks (a belief, intention or position)",
        "shows": "Shows (a document, survey, study or data)",
    },
)


class Statement(Reviewable):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements")
    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    speaker_mention = models.CharField(
        max_length=300, blank=True, help_text="The words at the attribution site."
    )
    kind = models.CharField(max_length=16, choices=StatementKind.choices, db_index=True)
    cue = models.CharField(max_length=100, blank=True, db_index=True)
    attribution = models.CharField(
        max_length=16, choices=Attribution.choices, default=Attribution.SAID, db_index=True
    )
    resolution = models.CharField(
        max_length=16,
        choices=Resolution.choices,
        blank=True,
        db_index=True,
        help_text="How the mention was resolved to the speaker (blank: not resolved).",
    )
    resolution_note = models.CharField(
        max_length=300, blank=True, help_text="Why, in words, for reviewers."
    )
    reported_in = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
        help_text="The statement that reports this one: in 'A said B wants C', B's is in A's.",
    )
    text = models.TextField()
    start = models.PositiveIntegerField(help_text="Offset into the article's repaired text.")
    end = models.PositiveIntegerField()
    paragraph = models.PositiveIntegerField(help_text="0-based paragraph index in the article.")
    topics = models.ManyToManyField(Topic, blank=True, related_name="statements")
    confidence = models.FloatField(default=0.5)
    extractor_version = models.CharField(max_length=32, blank=True)
    claim = models.ForeignKey(
        "Claim",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
        help_text="The claim it is one appearance of.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[topics])

    class Meta:
        ordering = ["article_id", "start"]
        indexes = [
            # a speaker's statements in the default order, read straight from the index
            models.Index(fields=["speaker", "article", "start"], name="statement_speaker_order"),
            # ?cue= matches case-insensitively: UPPER(cue) = UPPER(%s)
            models.Index(Upper("cue"), name="statement_cue_upper"),
            # The list order with the id, and the id with the list order: a page's ids are
            # found from the index alone, walking the list order or looking up a few ids.
            models.Index(fields=["article", "start", "id"], name="statement_order_id"),
            models.Index(fields=["id", "article", "start"], name="statement_id_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=F("end")), name="statement_start_before_end"
            ),
            models.UniqueConstraint(
                fields=["article", "start", "end"], name="statement_unique_span_per_article"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="statement_confidence_between_0_and_1",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=StatementKind.values), name="statement_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(attribution__in=Attribution.values),
                name="statement_attribution_valid",
            ),
            models.CheckConstraint(
                condition=Q(review_status__in=ReviewStatus.values),
                name="statement_review_status_valid",
            ),
        ]

    def __str__(self) -> str:
        who = self.speaker.name if self.speaker else (self.speaker_mention or "unknown")
        snippet = self.text if len(self.text) <= 70 else self.text[:69] + "…"
        return f"{who}: {snippet}"


Polarity = _nlp_choices(
    "Polarity",
    POLARITIES,
    labels={"favor": "Favor", "against": "Against", "neutral": "Neutral"},
)


class StanceMethod(models.TextChoices):
    RULE = "rule", "Rule-based"
    LEXICON = "lexicon", "Lexicon through the parse"
    MODEL = "model", "Trained model"
    MANUAL = "manual", "Entered by a reviewer"


class Stance(Reviewable):
    """One observed position of a speaker on a topic; current positions are computed."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="stances")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="stances")
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="stances"
    )
    target = models.CharField(max_length=500, blank=True, help_text="What the position is about.")
    polarity = models.CharField(max_length=16, choices=Polarity.choices, db_index=True)
    confidence = models.FloatField(default=0.5)
    evidence = models.ManyToManyField(Statement, blank=True, related_name="stances")
    cues = models.JSONField(default=list, blank=True, help_text="The words that decided it.")
    path = models.JSONField(
        default=list, blank=True, help_text="The parse steps from the topic to the cues."
    )
    observed_on = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        help_text="The date of the article it was read in; empty when the article is undated.",
    )
    method = models.CharField(
        max_length=16, choices=StanceMethod.choices, default=StanceMethod.RULE, db_index=True
    )
    method_version = models.CharField(max_length=32, blank=True)
    status_before_retraction = models.CharField(
        max_length=16,
        choices=ReviewStatus.choices,
        blank=True,
        help_text="Set while the stance is retracted because every statement it rests on was "
        "rejected: the status it gets back when one of them is no longer rejected.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[evidence])

    class Meta:
        ordering = [F("observed_on").desc(nulls_last=True), "-id"]
        indexes = [
            models.Index(fields=["speaker", "topic", "observed_on"]),
            # The live (not rejected) stances: a speaker's topics, most recently observed
            # first, are read from this index alone (selectors.speakers.speaker_topics).
            models.Index(
                fields=["speaker", "topic", "observed_on"],
                condition=~Q(review_status=ReviewStatus.REJECTED),
                name="stance_live_speaker_topic",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="stance_confidence_between_0_and_1",
            ),
            models.CheckConstraint(
                condition=Q(polarity__in=Polarity.values), name="stance_polarity_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.speaker.name} {self.get_polarity_display().lower()} {self.topic.name}"

    @property
    def is_retracted(self) -> bool:
        return bool(self.status_before_retraction)
