"""What a subprocess's database holds, in a form two databases can be compared by.

Rows are named by content (an article by its text's hash, a speaker by its name and kind),
never by id, so a database filled by two racing processes or by a killed and resumed run
compares equal to one filled by a single clean run.
"""

from __future__ import annotations

from collections import defaultdict

from tests.reliability.conftest import query


def statements_by_article(url: str) -> dict[str, list[tuple]]:
    """Each article's statements (span, kind, speaker), keyed by the article's hash."""
    rows = query(
        url,
        'SELECT a.content_hash, s.start, s."end", s.kind, sp.name '
        "FROM claims_article a LEFT JOIN claims_statement s ON s.article_id = a.id "
        "LEFT JOIN claims_speaker sp ON sp.id = s.speaker_id",
    )
    found: dict[str, list[tuple]] = defaultdict(list)
    for digest, *statement in rows:
        found[digest]  # an article without statements is listed too
        if statement[0] is not None:
            found[digest].append(tuple(statement))
    return {digest: sorted(found[digest], key=repr) for digest in found}


def content(url: str) -> dict[str, object]:
    """Everything ingest writes, by content."""
    return {
        "articles": statements_by_article(url),
        "speakers": sorted(
            query(url, "SELECT name, kind, role, affiliation, slug FROM claims_speaker")
        ),
        "aliases": sorted(
            query(
                url,
                "SELECT sp.name, al.normalized FROM claims_speakeralias al "
                "JOIN claims_speaker sp ON sp.id = al.speaker_id",
            )
        ),
        "topics": sorted(query(url, "SELECT slug, status FROM claims_topic")),
        "stances": sorted(
            query(
                url,
                "SELECT sp.name, t.slug, a.content_hash, st.polarity FROM claims_stance st "
                "JOIN claims_speaker sp ON sp.id = st.speaker_id "
                "JOIN claims_topic t ON t.id = st.topic_id "
                "LEFT JOIN claims_article a ON a.id = st.article_id",
            ),
            key=repr,
        ),
    }
