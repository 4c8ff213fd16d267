"""Full-text search on statements: a GIN index over ``to_tsvector('english', text)``.

PostgreSQL only (the production database); on other databases (SQLite in development) this
migration does nothing and the API falls back to matching words. The index is built from
the same expression ``claims.selectors.statements.statement_text_vector`` queries with, so
the planner uses it. It is not declared on the model, because a model index would be
created on SQLite too.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX = GinIndex(SearchVector("text", config="english"), name="statement_text_search")


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("claims", "Statement"), INDEX)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("claims", "Statement"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
