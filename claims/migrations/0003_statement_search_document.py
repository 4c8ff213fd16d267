"""API at scale (PostgreSQL only; on other databases this migration does nothing).

- ``claims_statement.search_document``: a stored generated ``tsvector`` column,
  ``to_tsvector('english', text)``, with a GIN index. It replaces the expression index of
  0002: matching and ranking read the stored vector instead of parsing every matching
  statement's text again (ranking a common word's matches took hundreds of milliseconds at
  a million statements). It is not a model field, because SQLite has no ``tsvector``;
  ``claims.selectors.statements`` refers to it on PostgreSQL only. Adding it rewrites the
  statement table once.
- ``claimtracker_count(query, exact_limit, max_cost, skip_factor)``: how many rows a query
  returns, in one round trip, and whether that is exact. The rows are counted (at most
  ``exact_limit`` + 1 of them) unless the planner expects more than ``skip_factor`` times
  ``exact_limit`` rows or counting to cost more than ``max_cost``; otherwise, and when
  there are more than ``exact_limit``, it is PostgreSQL's estimate. The API's pagination
  uses it for ``count`` and ``count_exact``.
"""

from django.db import migrations

ADD_DOCUMENT = """
ALTER TABLE claims_statement ADD COLUMN search_document tsvector
    GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED;
CREATE INDEX statement_search_document ON claims_statement USING gin (search_document);
DROP INDEX IF EXISTS statement_text_search;
"""

DROP_DOCUMENT = """
CREATE INDEX IF NOT EXISTS statement_text_search ON claims_statement
    USING gin (to_tsvector('english'::regconfig, COALESCE(text, '')));
ALTER TABLE claims_statement DROP COLUMN search_document;
"""

CREATE_COUNT = """
CREATE OR REPLACE FUNCTION claimtracker_count(
    query text, exact_limit integer, max_cost float8, skip_factor float8
)
RETURNS TABLE (total bigint, exact boolean)
LANGUAGE plpgsql AS $$
DECLARE
    capped text := 'SELECT count(*) FROM (' || query || ' LIMIT ' || (exact_limit + 1) || ') c';
    plan json;
    estimate bigint;
    counted bigint;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
    estimate := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
    IF estimate <= exact_limit * skip_factor THEN
        EXECUTE 'EXPLAIN (FORMAT JSON) ' || capped INTO plan;
        IF (plan -> 0 -> 'Plan' ->> 'Total Cost')::float8 <= max_cost THEN
            EXECUTE capped INTO counted;
            IF counted <= exact_limit THEN
                RETURN QUERY SELECT counted, true;
                RETURN;
            END IF;
        END IF;
    END IF;
    RETURN QUERY SELECT greatest(estimate, coalesce(counted, 0)), false;
END
$$;
"""

DROP_COUNT = "DROP FUNCTION IF EXISTS claimtracker_count(text, integer, float8, float8);"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD_DOCUMENT)
        schema_editor.execute(CREATE_COUNT)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_COUNT)
        schema_editor.execute(DROP_DOCUMENT)


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_statement_search")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
