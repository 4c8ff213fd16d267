"""Indexes for the API's statement filters at scale (every database).

- ``statement_speaker_order`` (speaker, article, start): a speaker's statements come out of
  the index already in the list's default order, however few or many they are.
- ``statement_cue_upper`` (UPPER(cue)): ``?cue=`` matches case-insensitively.
- ``statement_topics_topic_statement`` (topic_id, statement_id) on the statement-topic link
  table: the statements of a topic tree are read from the index alone. The link table is
  Django's automatic one, so this index is created here rather than on a model.
"""

import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models

TOPIC_INDEX = "statement_topics_topic_statement"


def create_topic_index(apps, schema_editor):
    table = apps.get_model("claims", "Statement").topics.through._meta.db_table
    quote = schema_editor.quote_name
    schema_editor.execute(
        f"CREATE INDEX {quote(TOPIC_INDEX)} ON {quote(table)} (topic_id, statement_id)"
    )


def drop_topic_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(TOPIC_INDEX)}")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0003_statement_search_document"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(
                fields=["speaker", "article", "start"], name="statement_speaker_order"
            ),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(
                django.db.models.functions.text.Upper("cue"), name="statement_cue_upper"
            ),
        ),
        migrations.RunPython(create_topic_index, drop_topic_index, elidable=False),
    ]
