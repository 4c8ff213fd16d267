"""API latency at scale: a synthetic PostgreSQL database of a million statements, measured
through the whole Django/DRF stack.

    .venv/bin/python benchmarks/api.py                       # build (about 3 minutes), then measure
    .venv/bin/python benchmarks/api.py --reuse               # measure the database built before
    .venv/bin/python benchmarks/api.py --requests 300 --database-url postgres://...

The build drops and re-creates the database named by ``--database-url`` (default
``postgres://postgres@127.0.0.1:5432/claimtracker_bench``), migrates it, and loads 10,000
speakers (a few of them quoted very often, as in the news), 500 topics in a three-level
hierarchy, 100,000 articles over ten years and 1,000,000 statements (20 to 600 characters of
words drawn with their English frequencies), about 1.5 topics per statement and a stance for
about a quarter of them. Statements are streamed in with ``COPY``; everything else is
``generate_series`` SQL. Secondary indexes and foreign-key triggers are off during the load
and rebuilt after it, then the tables are vacuumed and analysed.

The measurement sends a few hundred requests per scenario with ``django.test.Client``
(middleware, DRF, filters, pagination, serializers: all of it), each with other parameter
values, and prints p50/p95/p99, the queries per request and, from ``EXPLAIN ANALYZE`` of
the main query (the page's rows) where it was slowest, the indexes used and any sequential
scan, then the time of the count query. Last it says
which goals (issue 6: filtered list pages p95 <= 50 ms, full-text search p95 <= 150 ms)
are met.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/claimtracker_bench"

SPEAKERS = 10_000
TOPICS = 500
ARTICLES = 100_000
STATEMENTS_PER_ARTICLE = 10
STATEMENTS = ARTICLES * STATEMENTS_PER_ARTICLE
FIRST_DAY = date(2015, 1, 1)
DAYS = 3652  # ten years of news

LIST_GOAL_MS = 50.0
SEARCH_GOAL_MS = 150.0

FIRST_NAMES = [
    "Anna",
    "Sergey",
    "Antony",
    "Maria",
    "John",
    "Olga",
    "Emmanuel",
    "Angela",
    "Xi",
    "Narendra",
    "Recep",
    "Ursula",
    "Joe",
    "Kamala",
    "Boris",
    "Rishi",
    "Keir",
    "Justin",
    "Fumio",
    "Yoon",
    "Luiz",
    "Javier",
    "Claudia",
    "Giorgia",
    "Olaf",
    "Pedro",
    "Mark",
    "Viktor",
    "Andrzej",
    "Volodymyr",
    "Dmitry",
    "Maria",
    "Jens",
    "Antonio",
    "Josep",
    "Kaja",
    "Charles",
    "Ali",
    "Mohammed",
    "Abdel",
    "Benjamin",
    "Yair",
    "Isaac",
    "Tayyip",
    "Hakan",
    "Ebrahim",
    "Hassan",
    "Shehbaz",
    "Imran",
    "Sheikh",
    "Prabowo",
    "Ferdinand",
    "Anthony",
    "Chris",
    "Jacinda",
    "Cyril",
    "Bola",
    "William",
    "Paul",
    "Felix",
    "Abiy",
    "Nayib",
    "Gustavo",
    "Gabriel",
    "Daniel",
    "Alberto",
    "Dina",
    "Lula",
    "Sahra",
    "Marine",
    "Jean",
    "Eric",
    "Francois",
    "Nicolas",
    "Jacques",
    "Helmut",
    "Gerhard",
    "Tony",
    "Gordon",
    "David",
    "Theresa",
    "Nicola",
    "Liz",
    "Hillary",
    "Nancy",
    "Mitch",
    "Chuck",
    "Lindsey",
    "Ted",
    "Bernie",
    "Elizabeth",
    "Alexandria",
    "Ron",
    "Gavin",
    "Greg",
    "Kathy",
    "Gretchen",
]
LAST_NAMES = [
    "Berg",
    "Lavrov",
    "Blinken",
    "Zakharova",
    "Kirby",
    "Macron",
    "Merkel",
    "Jinping",
    "Modi",
    "Erdogan",
    "Leyen",
    "Biden",
    "Harris",
    "Johnson",
    "Sunak",
    "Starmer",
    "Trudeau",
    "Kishida",
    "Suk-yeol",
    "Silva",
    "Milei",
    "Sheinbaum",
    "Meloni",
    "Scholz",
    "Sanchez",
    "Rutte",
    "Orban",
    "Duda",
    "Zelensky",
    "Peskov",
    "Medvedev",
    "Stoltenberg",
    "Guterres",
    "Borrell",
    "Kallas",
    "Michel",
    "Khamenei",
    "Salman",
    "Sisi",
    "Netanyahu",
    "Lapid",
    "Herzog",
    "Fidan",
    "Raisi",
    "Rouhani",
    "Sharif",
    "Khan",
    "Hasina",
    "Subianto",
    "Marcos",
    "Albanese",
    "Hipkins",
    "Ardern",
    "Ramaphosa",
    "Tinubu",
    "Ruto",
    "Tshisekedi",
    "Ahmed",
    "Bukele",
    "Petro",
    "Boric",
    "Noboa",
    "Fernandez",
    "Boluarte",
    "Wagenknecht",
    "Pen",
    "Melenchon",
    "Zemmour",
    "Barnier",
    "Sarkozy",
    "Chirac",
    "Kohl",
    "Schroeder",
    "Blair",
    "Brown",
    "Cameron",
    "May",
    "Sturgeon",
    "Truss",
    "Clinton",
    "Pelosi",
    "McConnell",
    "Schumer",
    "Graham",
    "Cruz",
    "Sanders",
    "Warren",
    "Ocasio-Cortez",
    "DeSantis",
    "Newsom",
    "Abbott",
    "Hochul",
    "Whitmer",
    "Haley",
    "Pence",
    "Vance",
    "Rubio",
    "Hegseth",
    "Waltz",
    "Gabbard",
]
OUTLETS = [
    "TASS",
    "Reuters",
    "AP",
    "AFP",
    "BBC",
    "CNN",
    "Bloomberg",
    "Xinhua",
    "Interfax",
    "Politico",
    "Guardian",
    "Times",
    "Post",
    "Spiegel",
    "Monde",
    "Kyiv-Independent",
    "Al-Jazeera",
    "NHK",
    "Yonhap",
    "ANSA",
]
CUES = [
    ("said", 50),
    ("told", 10),
    ("stated", 6),
    ("added", 6),
    ("warned", 4),
    ("stressed", 4),
    ("noted", 4),
    ("according to", 4),
    ("claimed", 3),
    ("argued", 2),
    ("insisted", 2),
    ("wrote", 2),
    ("announced", 1),
    ("denied", 1),
    ("accused", 1),
]
KINDS = [("direct", 40), ("indirect", 45), ("mixed", 10), ("headline", 5)]
REVIEW_STATUSES = [("pending", 90), ("approved", 8), ("rejected", 2)]
LOADED_TABLES = (
    "claims_article",
    "claims_speaker",
    "claims_speakeralias",
    "claims_topic",
    "claims_statement",
    "claims_statement_topics",
    "claims_stance",
    "claims_stance_evidence",
)


# --- building the database --------------------------------------------------------------------


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def maintenance_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/postgres"))


def recreate_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = database_name(url)
    with psycopg.connect(maintenance_url(url), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def database_exists(url: str) -> bool:
    import psycopg

    with psycopg.connect(maintenance_url(url), autocommit=True) as conn:
        found = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database_name(url)]
        ).fetchone()
    return found is not None


def stage(label: str) -> Callable[[], None]:
    started = time.perf_counter()
    print(f"  {label}…", end="", flush=True)

    def done() -> None:
        print(f" {time.perf_counter() - started:.1f} s", flush=True)

    return done


def weighted_sql_case(column: str, choices: list[tuple[str, int]]) -> str:
    """A SQL CASE picking one of ``choices`` by weight from ``column`` (uniform in [0, 1))."""
    total = sum(weight for _, weight in choices)
    branches, upto = [], 0
    for value, weight in choices[:-1]:
        upto += weight
        branches.append(f"WHEN {column} < {upto / total} THEN '{value}'")
    return f"CASE {' '.join(branches)} ELSE '{choices[-1][0]}' END"


def sql_array(values: list[str]) -> str:
    return "ARRAY[" + ",".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def word_sampler(seed: int) -> tuple[list[str], object]:
    """English words (20,000 most frequent) and their probabilities, from wordfreq."""
    import numpy as np
    from wordfreq import top_n_list, word_frequency

    words = [w for w in top_n_list("en", 20_000) if w.isalpha() and w.isascii()]
    weights = np.array([word_frequency(w, "en") for w in words])
    return words, weights / weights.sum()


def statement_rows(seed: int) -> Iterator[bytes]:
    """COPY text for claims_statement, in chunks of 50,000 rows."""
    import numpy as np

    rng = np.random.default_rng(seed)
    words, probabilities = word_sampler(seed)
    vocabulary = np.array(words, dtype=object)
    cue_values = [c for c, _ in CUES]
    cue_p = np.array([w for _, w in CUES], dtype=float)
    kind_values = [k for k, _ in KINDS]
    kind_p = np.array([w for _, w in KINDS], dtype=float)
    status_values = [s for s, _ in REVIEW_STATUSES]
    status_p = np.array([w for _, w in REVIEW_STATUSES], dtype=float)
    chunk = 50_000
    for first in range(0, STATEMENTS, chunk):
        n = min(chunk, STATEMENTS - first)
        ids = np.arange(first + 1, first + n + 1)
        # words per statement: log-normal around 22 (about 130 characters), 4 to 100
        lengths = np.clip(rng.lognormal(np.log(22), 0.55, n).astype(int), 4, 100)
        drawn = vocabulary[rng.choice(len(words), size=int(lengths.sum()), p=probabilities)]
        # a few speakers are quoted very often: speaker k has weight ~ 1/sqrt(k); 10% unresolved
        speakers = 1 + (SPEAKERS * rng.random(n) ** 2).astype(int)
        unresolved = rng.random(n) < 0.1
        cues = rng.choice(len(cue_values), size=n, p=cue_p / cue_p.sum())
        kinds = rng.choice(len(kind_values), size=n, p=kind_p / kind_p.sum())
        statuses = rng.choice(len(status_values), size=n, p=status_p / status_p.sum())
        confidence = rng.random(n).round(3)
        lines = []
        offset = 0
        for i in range(n):
            text = " ".join(drawn[offset : offset + lengths[i]])
            offset += lengths[i]
            text = text[:1].upper() + text[1:] + "."
            sid = int(ids[i])
            article = (sid - 1) // STATEMENTS_PER_ARTICLE + 1
            position = (sid - 1) % STATEMENTS_PER_ARTICLE
            start = position * 700
            speaker = "\\N" if unresolved[i] else str(speakers[i])
            mention = "officials" if unresolved[i] else "the minister"
            resolution = "" if unresolved[i] else "role"
            lines.append(
                f"{sid}\t{status_values[statuses[i]]}\t{article}\t{speaker}\t{mention}\t"
                f"{kind_values[kinds[i]]}\t{cue_values[cues[i]]}\t{text}\t{start}\t"
                f"{start + len(text)}\t{position}\t{confidence[i]}\tbench\t2025-01-01 00:00:00+00"
                f"\tsaid\t{resolution}\t\n"
            )
        yield "".join(lines).encode()


def table_indexes(conn: object, table: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Secondary indexes and unique constraints of ``table``, as (name, definition)."""
    indexes = conn.execute(
        """SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i
           JOIN pg_class c ON c.oid = i.indexrelid
           WHERE i.indrelid = %s::regclass
             AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)""",
        [table],
    ).fetchall()
    uniques = conn.execute(
        """SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
           WHERE conrelid = %s::regclass AND contype = 'u'""",
        [table],
    ).fetchall()
    return indexes, uniques


def build(url: str, *, seed: int) -> None:
    """A fresh database at ``url``, migrated, holding the synthetic data set."""
    import psycopg

    print(f"Building {database_name(url)} ({STATEMENTS:,} statements)")
    started = time.perf_counter()
    done = stage("create and migrate")
    recreate_database(url)
    setup_django(url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    done()

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET maintenance_work_mem = '512MB'")
        conn.execute("SET session_replication_role = replica")  # no FK triggers while loading
        conn.execute(f"SELECT setseed({(seed % 1000) / 1000})")
        saved = {}
        for table in LOADED_TABLES:
            indexes, uniques = table_indexes(conn, table)
            saved[table] = (indexes, uniques)
            for name, _ in uniques:
                conn.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            for name, _ in indexes:
                conn.execute(f'DROP INDEX "{name}"')

        done = stage("topics, speakers, articles")
        load_small_tables(conn)
        done()

        done = stage("statements (COPY)")
        columns = (
            "id, review_status, article_id, speaker_id, speaker_mention, kind, cue, text, "
            'start, "end", paragraph, confidence, extractor_version, created_at, attribution, '
            "resolution, resolution_note"
        )
        with (
            conn.cursor() as cursor,
            cursor.copy(f"COPY claims_statement ({columns}) FROM STDIN") as copy,
        ):
            for data in statement_rows(seed):
                copy.write(data)
        done()

        done = stage("statement topics, stances, evidence")
        load_links(conn)
        done()

        for table in LOADED_TABLES:
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
        done = stage("indexes and constraints")
        for table in LOADED_TABLES:
            indexes, uniques = saved[table]
            for name, definition in uniques:
                conn.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
            for _, definition in indexes:
                conn.execute(definition)
        done()
        done = stage("vacuum analyze")
        conn.execute("SET session_replication_role = origin")
        for table in LOADED_TABLES:
            conn.execute(f"VACUUM ANALYZE {table}")
        done()
    print(f"  built in {time.perf_counter() - started:.0f} s")


def load_small_tables(conn: object) -> None:
    # 50 root topics, 200 children, 250 grandchildren
    conn.execute(
        f"""INSERT INTO claims_topic (id, name, slug, description, parent_id, phrases, status,
                                      entity_label, created_at)
        SELECT n, 'Topic ' || n, 'topic-' || n, '',
               CASE WHEN n <= 50 THEN NULL
                    WHEN n <= 250 THEN 1 + (n - 51) % 50
                    ELSE 51 + (n - 251) % 200 END,
               '[]'::jsonb, CASE WHEN n % 10 = 0 THEN 'suggested' ELSE 'curated' END, '',
               now()
        FROM generate_series(1, {TOPICS}) n"""
    )
    firsts, lasts = list(dict.fromkeys(FIRST_NAMES)), list(dict.fromkeys(LAST_NAMES))
    first, last = sql_array(firsts), sql_array(lasts)
    f, combos = len(firsts), len(firsts) * len(lasts)  # names are unique up to 2 x combos
    conn.execute(
        f"""INSERT INTO claims_speaker (id, name, slug, kind, role, affiliation, external_id,
                                        created_at)
        SELECT n, ({first})[1 + (n - 1) % {f}] || ' ' || ({last})[1 + ((n - 1) / {f}) % {len(lasts)}]
                  || CASE WHEN n > {combos} THEN ' Jr.' ELSE '' END,
               'speaker-' || n,
               CASE WHEN n % 20 = 0 THEN 'organisation' ELSE 'person' END,
               (ARRAY['Foreign Minister','President','Spokesperson','Senator','Prime Minister',
                      'Governor','Ambassador',''])[1 + n % 8],
               (ARRAY['Russia','United States','France','Germany','China','Ukraine','India',
                      'Turkey','United Kingdom','Japan'])[1 + n % 10],
               '', now()
        FROM generate_series(1, {SPEAKERS}) n"""
    )
    conn.execute(
        f"""INSERT INTO claims_speakeralias (id, speaker_id, alias, normalized)
        SELECT n, n, ({last})[1 + ((n - 1) / {f}) % {len(lasts)}],
               lower(({last})[1 + ((n - 1) / {f}) % {len(lasts)}])
        FROM generate_series(1, {SPEAKERS}) n"""
    )
    outlets = sql_array(OUTLETS)
    conn.execute(
        f"""INSERT INTO claims_article (id, headline, outlet, author, dateline, url, source,
                published, text, original_text, content_hash, language, ingested_at,
                extractor_version)
        SELECT n, 'Headline of article ' || n || ' on the state of affairs',
               ({outlets})[1 + (n * 7) % {len(OUTLETS)}], '', '',
               'https://news.example/' || n, 'https://news.example/' || n,
               DATE '{FIRST_DAY}' + ((n - 1) * {DAYS} / {ARTICLES}),
               repeat('The minister said the talks were useful and would go on. ', 40),
               repeat('The minister said the talks were useful and would go on. ', 40),
               md5(n::text) || md5('x' || n), 'en', now(), 'bench'
        FROM generate_series(1, {ARTICLES}) n"""
    )


def load_links(conn: object) -> None:
    # 0 to 3 topics a statement (1.5 on average); popular topics are tagged far more often
    conn.execute(
        """INSERT INTO claims_statement_topics (statement_id, topic_id)
        SELECT DISTINCT s.id, 1 + floor(500 * random() ^ 2)::int
        FROM claims_statement s, generate_series(1, (s.id * 7919) % 4) k"""
    )
    # a stance for about a quarter of the statements that have a speaker and a topic
    conn.execute(
        f"""INSERT INTO claims_stance (id, review_status, speaker_id, topic_id, article_id,
                target, polarity, confidence, cues, path, observed_on, method, method_version,
                status_before_retraction, created_at)
        SELECT s.id, s.review_status, s.speaker_id, t.topic_id, s.article_id, '',
               {weighted_sql_case("r", [("favor", 40), ("against", 40), ("neutral", 20)])},
               round(random()::numeric, 3), '["support"]'::jsonb, '[]'::jsonb, a.published,
               'rule', 'bench', '', now()
        FROM (SELECT *, random() AS r FROM claims_statement) s
        JOIN claims_article a ON a.id = s.article_id
        JOIN (SELECT DISTINCT ON (statement_id) statement_id, topic_id
              FROM claims_statement_topics ORDER BY statement_id, topic_id) t
          ON t.statement_id = s.id
        WHERE s.speaker_id IS NOT NULL AND (s.id * 104729) % 100 < 35"""
    )
    conn.execute(
        """INSERT INTO claims_stance_evidence (stance_id, statement_id)
        SELECT id, id FROM claims_stance"""
    )


# --- measuring --------------------------------------------------------------------------------


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtracker.settings.local")
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,localhost"
    os.environ["CLAIMTRACKER_API_ANON_RATE"] = "1000000/second"
    import django

    django.setup()


@dataclass
class Scenario:
    name: str
    goal_ms: float
    urls: Callable[[random.Random], str]
    timings: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    plan: str = ""
    plan_query: tuple[str, object] = ("", None)
    count_ms: list[float] = field(default_factory=list)
    slowest_query_ms: float = 0.0
    # Follow `next` from each first page ``urls`` gives (not timed) up to this page, timing
    # each page after the first; a list that ends sooner is left for a new one.
    walk_to_page: int = 0

    def percentile(self, q: float) -> float:
        ordered = sorted(self.timings)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def speaker_id(rng: random.Random) -> int:
    """A speaker as users ask about them: the often-quoted ones more often."""
    return 1 + int(SPEAKERS * rng.random() ** 2)


def topic_slug(rng: random.Random) -> str:
    return f"topic-{rng.randint(1, TOPICS)}"


def day(rng: random.Random, *, within: int = DAYS) -> date:
    return FIRST_DAY + timedelta(days=rng.randrange(within))


def search_terms(rng: random.Random, words: list[str]) -> str:
    """One or two words as people search: content words of middling frequency."""
    count = 1 if rng.random() < 0.5 else 2
    return " ".join(rng.choice(words) for _ in range(count))


def scenarios(search_words: list[str]) -> list[Scenario]:
    def url(path: str, **params: object) -> str:
        return f"{path}?{urlencode(params)}"

    statements = "/api/statements/"

    def month(rng: random.Random) -> dict[str, str]:
        start = day(rng, within=DAYS - 31)
        return {"published_after": start, "published_before": start + timedelta(days=30)}

    def combined(rng: random.Random) -> str:
        start = day(rng, within=DAYS - 366)
        return url(
            statements,
            topic=topic_slug(rng),
            kind=rng.choice(["direct", "indirect"]),
            published_after=start,
            published_before=start + timedelta(days=365),
            ordering="-published",
        )

    def matrix(rng: random.Random) -> str:
        speakers = ",".join(f"speaker-{speaker_id(rng)}" for _ in range(10))
        topics = ",".join(topic_slug(rng) for _ in range(10))
        return url("/api/stances/matrix/", speakers=speakers, topics=topics)

    return [
        Scenario(
            "statements by speaker",
            LIST_GOAL_MS,
            lambda rng: url(statements, speaker=f"speaker-{speaker_id(rng)}"),
        ),
        Scenario(
            "statements by topic (+ sub-topics)",
            LIST_GOAL_MS,
            lambda rng: url(statements, topic=topic_slug(rng)),
        ),
        Scenario(
            "statements by date range (30 days)",
            LIST_GOAL_MS,
            lambda rng: url(statements, **month(rng)),
        ),
        Scenario(
            "statements by date range, newest first",
            LIST_GOAL_MS,
            lambda rng: url(statements, **month(rng), ordering="-published"),
        ),
        Scenario("combined: topic+kind+year, newest", LIST_GOAL_MS, combined),
        Scenario(
            "statements by cue",
            LIST_GOAL_MS,
            lambda rng: url(statements, cue=rng.choice([c for c, _ in CUES])),
        ),
        Scenario(
            "statements by polarity + review",
            LIST_GOAL_MS,
            lambda rng: url(
                statements,
                polarity=rng.choice(["favor", "against", "neutral"]),
                review_status=rng.choice(["pending", "approved"]),
            ),
        ),
        Scenario(
            "statements, page 2-50 of a topic",
            LIST_GOAL_MS,
            lambda rng: url(statements, topic=topic_slug(rng), page=rng.randint(2, 50)),
        ),
        Scenario(
            "statements, cursor pages 2-50 of a topic",
            LIST_GOAL_MS,
            lambda rng: url(statements, topic=topic_slug(rng), cursor=""),
            walk_to_page=50,
        ),
        Scenario(
            "cursor pages 2-50 of a topic, newest",
            LIST_GOAL_MS,
            lambda rng: url(statements, topic=topic_slug(rng), ordering="-published", cursor=""),
            walk_to_page=50,
        ),
        Scenario(
            "q full-text search",
            SEARCH_GOAL_MS,
            lambda rng: url(statements, q=search_terms(rng, search_words)),
        ),
        Scenario(
            "q + topic",
            SEARCH_GOAL_MS,
            lambda rng: url(statements, q=search_terms(rng, search_words), topic=topic_slug(rng)),
        ),
        Scenario(
            "a speaker's stances",
            LIST_GOAL_MS,
            lambda rng: f"/api/speakers/speaker-{speaker_id(rng)}/stances/",
        ),
        Scenario("stance matrix 10 x 10", LIST_GOAL_MS, matrix),
        Scenario(
            "stances by topic",
            LIST_GOAL_MS,
            lambda rng: url("/api/stances/", topic=topic_slug(rng)),
        ),
    ]


def middling_words() -> list[str]:
    """Content words ranked 300 to 3,000 in English (e.g. `border`, `talks`, `energy`)."""
    from wordfreq import top_n_list

    return [w for w in top_n_list("en", 3000)[300:] if w.isalpha() and len(w) > 3]


class QueryLog:
    """Records every SQL query (text, params, time) made while it is installed."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object, float]] = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.calls.append((sql, params, (time.perf_counter() - started) * 1000))


def plan_summary(sql: str, params: object) -> str:
    """Indexes the plan uses and the tables it scans sequentially (EXPLAIN ANALYZE)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}", params)
        (plan,) = cursor.fetchone()
    if isinstance(plan, str):
        import json

        plan = json.loads(plan)
    indexes: list[str] = []
    seq: list[str] = []

    def walk(node: dict) -> None:
        kind = node.get("Node Type", "")
        if "Index Name" in node:
            label = node["Index Name"]
            if kind == "Bitmap Index Scan":
                label += " (bitmap)"
            elif kind == "Index Only Scan":
                label += " (index only)"
            if label not in indexes:
                indexes.append(label)
        if kind == "Seq Scan":
            seq.append(node.get("Relation Name", "?"))
        for child in node.get("Plans", []):
            walk(child)

    walk(plan[0]["Plan"])
    top = plan[0]["Plan"]
    # Pages read, unlike milliseconds, do not depend on what else the machine is doing.
    buffers = top.get("Shared Hit Blocks", 0) + top.get("Shared Read Blocks", 0)
    text = f"{buffers:,} buffers; " + (", ".join(indexes) or "no index")
    if seq:
        text += "; SEQ SCAN " + ", ".join(sorted(set(seq)))
    return text


def measure(scenario: Scenario, *, requests: int, rng: random.Random) -> None:
    from django.db import connection
    from django.test import Client

    client = Client()
    for _ in range(5):  # warm up: connection, caches
        response = client.get(scenario.urls(rng))
        assert response.status_code == 200, (response.status_code, response.content[:300])
    following, page = None, 0
    for _ in range(requests):
        if scenario.walk_to_page:
            while following is None or page > scenario.walk_to_page:
                first = client.get(scenario.urls(rng))
                following, page = first.json()["next"], 2
            target = following
        else:
            target = scenario.urls(rng)
        log = QueryLog()
        with connection.execute_wrapper(log):
            started = time.perf_counter()
            response = client.get(target)
            elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{target}: {response.status_code} {response.content[:300]!r}")
        scenario.timings.append(elapsed)
        if scenario.walk_to_page:
            following, page = response.json()["next"], page + 1
        scenario.queries.append(len(log.calls))
        counts = [call for call in log.calls if "claimtracker_count" in call[0]]
        scenario.count_ms.extend(call[2] for call in counts)
        # the main query: the longest SQL (the page's rows; the count is reported apart)
        main = max(
            (call for call in log.calls if call not in counts),
            key=lambda call: len(call[0]),
            default=("", None, -1.0),
        )
        if main[2] >= scenario.slowest_query_ms:
            scenario.slowest_query_ms = main[2]
            scenario.plan_query = main[:2]
    scenario.plan = plan_summary(*scenario.plan_query)


def report(done: list[Scenario]) -> bool:
    print()
    header = f"{'scenario':40} {'p50':>7} {'p95':>7} {'p99':>7} {'goal':>6} {'q/req':>5}  met"
    print(header)
    print("-" * len(header))
    met_all = True
    for s in done:
        p95 = s.percentile(0.95)
        met = p95 <= s.goal_ms
        met_all &= met
        print(
            f"{s.name:40} {s.percentile(0.5):7.1f} {p95:7.1f} {s.percentile(0.99):7.1f} "
            f"{s.goal_ms:6.0f} {statistics.mean(s.queries):5.1f}  {'yes' if met else 'MISSED'}"
        )
    print("\n(milliseconds per request through Django + DRF; goal is for p95)\n")
    print("Plans: EXPLAIN ANALYZE of the main query (the page's rows) at its slowest in each")
    print("scenario, its time then, the pages (buffers) it read, the indexes it uses and any")
    print("sequential scan:")
    for s in done:
        print(f"  {s.name:40} {s.slowest_query_ms:6.1f} ms  {s.plan}")
    print("\nCounts (claimtracker_count, one query a page): p50 / p95 ms")
    for s in done:
        if s.count_ms:
            ordered = sorted(s.count_ms)
            p50, p95 = ordered[len(ordered) // 2], ordered[int(0.95 * (len(ordered) - 1))]
            print(f"  {s.name:40} {p50:6.1f} / {p95:6.1f}")
    print()
    print(
        "Goals: filtered list pages p95 <= 50 ms, full-text search p95 <= 150 ms: "
        + ("met" if met_all else "MISSED")
    )
    return met_all


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument(
        "--reuse", action="store_true", help="measure the database built before; build if none"
    )
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--requests", type=int, default=300, help="per scenario (default 300)")
    parser.add_argument("--only", help="run the scenarios whose name contains this")
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()

    if not args.database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("The benchmark needs PostgreSQL (--database-url postgres://…).")
    if args.reuse and database_exists(args.database_url):
        setup_django(args.database_url)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)  # new migrations apply to a reused database
    else:
        build(args.database_url, seed=args.seed)
    if args.build_only:
        return 0

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM claims_statement")
        (total,) = cursor.fetchone()
        cursor.execute("SELECT version(), current_setting('max_parallel_workers_per_gather')")
        version, workers = cursor.fetchone()
    print(f"\nMeasuring {args.requests} requests per scenario on {total:,} statements")
    print(f"  {version.split(' on ')[0]}, max_parallel_workers_per_gather = {workers}")
    print(f"  load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    rng = random.Random(args.seed)
    chosen = [s for s in scenarios(middling_words()) if not args.only or args.only in s.name]
    for scenario in chosen:
        measure(scenario, requests=args.requests, rng=rng)
        print(f"  {scenario.name}: p95 {scenario.percentile(0.95):.1f} ms", flush=True)
    print(f"  load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0 if report(chosen) else 1


if __name__ == "__main__":
    sys.exit(main())
