"""A folder of good articles mixed with every kind of bad input, built at test time.

The good articles are real news texts read from the PolNeAR training sample
(``../shared/gold/polnear-train``, never copied into the project) when it is there, or
generated short articles otherwise. Each bad input knows what a user should see for it.
"""

from __future__ import annotations

import json
import os
import random
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POLNEAR_TRAIN = ROOT.parent / "shared" / "gold" / "polnear-train"

# Skip the very shortest texts (a headline and a line), take the next ones by size: real
# articles of 1.5 to 2 KB.
_SKIP_SHORTEST = 100


def good_texts(count: int, *, real: int | None = None) -> list[tuple[str, str]]:
    """``count`` different (file name, text) pairs: ``real`` news articles (all by default)
    when the PolNeAR sample is there, and generated short articles for the rest."""
    chosen: list[Path] = []
    if POLNEAR_TRAIN.is_dir():
        files = sorted(POLNEAR_TRAIN.glob("*.txt"), key=lambda p: (p.stat().st_size, p.name))
        wanted = count if real is None else min(real, count)
        chosen = files[_SKIP_SHORTEST : _SKIP_SHORTEST + wanted]
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in chosen]
    texts += [(f"generated-{n:03}.txt", generated_article(n)) for n in range(count - len(texts))]
    return texts


_PEOPLE = [
    ("Senator", "Maria Alvarez"),
    ("Governor", "Tom Becker"),
    ("Mayor", "Linda Choi"),
    ("Minister", "Pavel Dvorak"),
    ("Representative", "Grace Okafor"),
    ("Finance Minister", "Anna Berg"),
    ("Councillor", "Ruth Baker"),
    ("Secretary", "Omar Haddad"),
    ("Judge", "Ellen Park"),
    ("General", "Victor Sousa"),
    ("Ambassador", "Mei Tanaka"),
]
_TOPICS = ["the budget", "health care", "trade", "immigration", "the climate bill", "housing"]
_SHAPES = [
    "{role} {name} said on Monday that {topic} plan number {n} would cost families more.\n\n"
    "“We will not support plan {n},” {surname} told reporters.\n",
    "“Plan {n} on {topic} is a mistake,” {role} {name} said on Tuesday.\n\n"
    "{surname} added that the vote should wait until the spring.\n",
    "{name}, the {role_lower}, warned that {topic} reform number {n} had no money behind it.\n\n"
    "According to {surname}, “nobody has read plan {n} yet.”\n",
]


def generated_article(n: int) -> str:
    """A short article with a named speaker, a quote and reported speech; different for each n."""
    role, name = _PEOPLE[n % len(_PEOPLE)]
    topic = _TOPICS[(n // len(_PEOPLE)) % len(_TOPICS)]
    shape = _SHAPES[n % len(_SHAPES)]
    body = shape.format(
        role=role, role_lower=role.lower(), name=name, surname=name.split()[-1], topic=topic, n=n
    )
    return f"{name} speaks on {topic} (report {n})\n\n{body}"


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def pdf_bytes() -> bytes:
    """A minimal one-page PDF document (with a binary comment line, as writers add)."""
    return (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
        b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )


CP1252_TEXT = (
    "Café owners protest new tax\n\n"
    "PARIS: Restaurant owner Hélène Moreau said the tax would close small cafés.\n\n"
    "“We cannot pay this – it is naïve to think we can,” Moreau told reporters.\n"
)
LATIN1_TEXT = (
    "Señor Núñez on the harbour\n\n"
    "Mayor José Núñez said the harbour project would go ahead in the spring.\n\n"
    "The mayor said the cost, €-free for residents, was «fair» and the façade would stay.\n"
).replace("€-free", "free")  # Latin-1 has no euro sign
UNBALANCED_QUOTES = (
    "Council splits over housing\n\n"
    'Councillor Ruth Baker said the housing plan "would double rents and '
    "nobody on the council has read it.\n\n"
    "“We were never consulted, Baker told reporters on Friday.\n\n"
    'The vote is set for next week.""\n'
)


def long_sentence(words: int = 5000) -> str:
    vocabulary = [
        "the",
        "committee",
        "reviewed",
        "every",
        "report",
        "and",
        "noted",
        "that",
        "budgets",
        "grew",
        "while",
    ]
    body = " ".join(vocabulary[i % len(vocabulary)] for i in range(words))
    return f"An endless sentence\n\nSenator Ann Lowe said that {body}.\n"


HTML_WITHOUT_ARTICLE = (
    "<!doctype html><html><head><title>Home</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
    "<footer>© Example</footer></body></html>"
)


JAVASCRIPT_APP = (
    "<!doctype html><html><head><title>App</title></head><body><div id='root'></div>"
    "<noscript>You need to enable JavaScript to run this app. Please turn on JavaScript in "
    "your browser settings and reload the page.</noscript>"
    "<script src='/static/js/main.js'></script></body></html>"
)
RUSSIAN = (
    "Министр о переговорах\n\n"
    "Министр заявил в понедельник, что переговоры с профсоюзом возобновятся на следующей "
    "неделе, и что он уверен в достижении соглашения до конца года.\n"
)
FRENCH = (
    "Le maire défend son budget\n\n"
    "Le maire a déclaré lundi que le budget de la ville ne serait pas réduit, malgré les "
    "critiques de l'opposition qui réclame des économies dès l'année prochaine.\n"
)
RESULTS_TABLE = (
    "Alvarez wins the second district\n\n"
    "“We won this on the doorsteps,” Maria Alvarez told supporters on Wednesday.\n\n"
    "Candidate        Votes     Share   Change\n"
    "M. Alvarez (D)   48,311    50.6%   +3.2\n"
    "T. Becker (R)    47,107    49.4%   -3.2\n"
    "Turnout          95,418    61.2%   +4.8\n"
)


def deeply_nested_page(depth: int) -> str:
    paragraph = (
        "<p>Senator Maria Alvarez said on Monday that the budget plan would cost families "
        "more than the government had admitted.</p>"
    )
    return (
        "<!doctype html><html><head><title>Budget</title></head><body>"
        + "<div>" * depth
        + paragraph
        + "</div>" * depth
        + "</body></html>"
    )


@dataclass(frozen=True)
class Bad:
    """A bad input: where it is, what the report must say, and its line for JSON Lines."""

    name: str
    reason: str  # a fragment of the reason the report must give
    line: int | None = None


@dataclass(frozen=True)
class Valid:
    """An odd but valid input that must land, with text its stored article must contain."""

    name: str
    contains: str


@dataclass
class Folder:
    path: Path
    good: list[str]  # file names of the good articles
    bad: list[Bad]
    valid: list[Valid]
    jsonl_good: int  # good records inside the JSON Lines file
    unreadable: bool  # whether there is a chmod 000 file (never when running as root)


TWENTY_MB = 20 * 1024 * 1024


def build(folder: Path, *, good: int = 100, real: int | None = None) -> Folder:
    """Write the mixed folder; returns what each file is expected to do."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for name, text in good_texts(good, real=real):
        (folder / name).write_text(text, encoding="utf-8")
        names.append(name)
    bad = [
        Bad("empty.txt", "empty file"),
        Bad("blank.txt", "only whitespace"),
        Bad("photo.txt", "PNG image"),
        Bad("report.txt", "PDF document"),
        Bad("huge.txt", "over the 5.0 MB limit"),
        Bad("feed.jsonl", "malformed JSON", line=2),
        Bad("feed.jsonl", "NUL", line=4),
        Bad("landing.html", "no article text"),
        Bad("loop.txt", "symbolic link loop"),
    ]
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\t\r\n   \n")
    (folder / "photo.txt").write_bytes(png_bytes())
    (folder / "report.txt").write_bytes(pdf_bytes())
    with (folder / "huge.txt").open("wb") as stream:
        line = b"All work and no play makes a very long article indeed, said the editor.\n"
        stream.write(line * (TWENTY_MB // len(line) + 1))
    feed = [
        json.dumps({"text": generated_article(1000), "outlet": "Feed"}),
        '{"text": "A record cut short, "outlet": "Feed"}',
        json.dumps({"text": generated_article(1001), "url": "https://feed.example.org/1001"}),
        # A NUL character is valid JSON but no database text column takes it.
        json.dumps({"text": "A record\x00 with a NUL. " + generated_article(1002)}),
        # Issue 17: each of these crashed the whole run.
        "[" * 100_000 + "]" * 100_000,
        '{"text": "Digits", "n": ' + "9" * 5000 + "}",
        json.dumps({"text": generated_article(1003), "url": "http://x\x00.example"}),
        json.dumps({"text": generated_article(1004), "url": "javascript:alert(1)"}),
        '{"text": 12345}',
        # A lone surrogate (valid JSON, no valid text) becomes "?", and the record lands.
        json.dumps({"text": generated_article(1005) + " caf\ud800", "outlet": "Feed\udc00"}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(feed) + "\n", encoding="utf-8")
    (folder / "landing.html").write_text(HTML_WITHOUT_ARTICLE, encoding="utf-8")
    bad += [
        Bad("feed.jsonl", "nested too deeply", line=5),
        Bad("feed.jsonl", "Exceeds the limit", line=6),
        Bad("feed.jsonl", '"url" contains NUL', line=7),
        Bad("feed.jsonl", '"url" is not an http(s) address', line=8),
        Bad("feed.jsonl", 'record has no "text" (int)', line=9),
        Bad("symbols.txt", "mostly not letters"),
        Bad("noise.txt", "mostly not words"),
        Bad("app.html", "no article text"),
    ]
    (folder / "symbols.txt").write_text("#" * 20_000 + "\n" + "%$@" * 3_000, encoding="utf-8")
    # 20 KB of random printable ASCII: more than half letters, no words.
    noise = random.Random(17)
    (folder / "noise.txt").write_bytes(bytes(noise.randrange(32, 127) for _ in range(20_000)))
    (folder / "app.html").write_text(JAVASCRIPT_APP, encoding="utf-8")
    (folder / "deep.html").write_text(deeply_nested_page(10_000), encoding="utf-8")
    (folder / "shouting.txt").write_text(
        generated_article(5000) + "\nThe crowd shouted " + "!" * 40_000 + " and left.\n",
        encoding="utf-8",
    )
    (folder / "russian.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "results.txt").write_text(RESULTS_TABLE, encoding="utf-8")
    os.symlink("loop-b.txt", folder / "loop.txt")
    os.symlink("loop.txt", folder / "loop-b.txt")
    bad.append(Bad("loop-b.txt", "symbolic link loop"))
    # A link to a file outside the folder (ln -s /etc/passwd): never read, never published.
    outside = folder.parent / "outside-secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n" + generated_article(3000))
    os.symlink(outside, folder / "passwd.txt")
    bad.append(Bad("passwd.txt", "outside the folder: not read (--follow-links reads it)"))

    (folder / "cafe-cp1252.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (folder / "harbour-latin1.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    (folder / "unbalanced.txt").write_text(UNBALANCED_QUOTES, encoding="utf-8")
    (folder / "long-sentence.txt").write_text(long_sentence(), encoding="utf-8")
    (folder / "wide-utf16le.txt").write_bytes(generated_article(4000).encode("utf-16-le"))
    valid = [
        Valid("cafe-cp1252.txt", "“We cannot pay this – it is naïve"),
        Valid("harbour-latin1.txt", "José Núñez"),
        Valid("unbalanced.txt", '"would double rents'),
        Valid("long-sentence.txt", "budgets grew while the committee"),
        Valid("wide-utf16le.txt", "“Plan 4000 on immigration"),  # UTF-16 without a byte order mark
        Valid("deep.html", "Senator Maria Alvarez said on Monday"),  # 10,000 nested <div>
        Valid("shouting.txt", "shouted !!!!!!!!!! and left."),  # 40,000 "!" cut to 10
        Valid("russian.txt", "Министр"),  # stored, with a note saying why nothing was found
        Valid("french.txt", "le budget de la ville"),  # words of French: prose, not noise
        Valid("results.txt", "48,311 50.6%"),  # a table of figures in a real article
    ]

    # Permissions do not hold for root (as in most containers): no unreadable file there.
    unreadable = os.geteuid() != 0
    if unreadable:
        locked = folder / "locked.txt"
        locked.write_text(generated_article(2000), encoding="utf-8")
        locked.chmod(0)
        bad.append(Bad("locked.txt", "permission denied"))
    return Folder(folder, names, bad, valid, jsonl_good=3, unreadable=unreadable)
