"""Keys that group statements into claims: a normalised form, and a MinHash of its words.

Two statements are one claim when their normalised forms are equal (case, accents,
punctuation, quote marks and whitespace ignored), or when the Jaccard similarity of their
word shingles is at least ``NEAR_DUPLICATE``. The similarity is estimated from MinHash
signatures; locality-sensitive hashing cuts each signature into ``BANDS`` bands, and two
statements that share a band key are candidates. Storing the band keys in an indexed table
lets a new statement find its candidates in one lookup, however many are stored.

Plain Python and numpy, no Django; deterministic across processes and machines (the hash
functions are fixed, never Python's randomised ``hash``).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

import numpy as np

# Estimated Jaccard similarity of word shingles at and above which two statements are one claim.
NEAR_DUPLICATE = 0.6
# Normalised statements shorter than this are too generic ("We will win", "Republican
# presidential candidate Donald Trump") to merge with others.
MIN_WORDS = 6
SHINGLE_WORDS = 3
PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS  # with 4 rows in 32 bands, pairs at 0.6 are candidates 99% of the time

_PRIME = (1 << 61) - 1
_MAX_HASH = (1 << 32) - 1
# a and b below 2**31 and 32-bit shingle hashes: a*h+b stays below 2**64, no overflow.
_RANDOM = np.random.default_rng(20161108)
_A = _RANDOM.integers(1, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
_B = _RANDOM.integers(0, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)

# Quote marks, apostrophes and full stops vanish rather than split words: "don’t" and "dont"
# are one word, and so are "U.S." and "US".
_VANISH = dict.fromkeys(map(ord, "'’‘`´\"“”„«»‹›."), None)


@dataclass(frozen=True, slots=True)
class ClaimKeys:
    normalized: str
    exact: str  # SHA-1 of ``normalized``, hex: equal for statements the same once normalised
    signature: bytes  # PERMUTATIONS little-endian uint32 MinHash values; empty when too short
    bands: tuple[int, ...]  # signed 64-bit band keys; empty when too short to merge

    @property
    def mergeable(self) -> bool:
        return bool(self.bands)


def normalize_claim(text: str) -> str:
    """Fold case, accents, quote marks, punctuation and whitespace: the text as words only.

    "“It’s over,” he said." and "its over he said" normalise alike.
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = folded.translate(_VANISH)
    # Any other punctuation or symbol separates words.
    words = "".join(c if c.isalnum() else " " for c in folded).split()
    return " ".join(words)


def claim_keys(text: str) -> ClaimKeys:
    """The normalised form of ``text`` and the keys that find its near duplicates."""
    normalized = normalize_claim(text)
    exact = hashlib.sha1(normalized.encode("utf-8")).hexdigest()
    words = normalized.split()
    if len(words) < MIN_WORDS:
        return ClaimKeys(normalized, exact, b"", ())
    signature = minhash(shingles(words))
    return ClaimKeys(normalized, exact, signature.astype("<u4").tobytes(), band_keys(signature))


def shingles(words: list[str]) -> set[str]:
    """Overlapping runs of ``SHINGLE_WORDS`` words."""
    size = min(SHINGLE_WORDS, len(words))
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash(items: set[str]) -> np.ndarray:
    hashes = np.array(
        [
            int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=4).digest(), "little")
            for item in items
        ],
        dtype=np.uint64,
    )
    permuted = (np.outer(hashes, _A) + _B) % _PRIME & _MAX_HASH
    return permuted.min(axis=0).astype(np.uint32)


def band_keys(signature: np.ndarray) -> tuple[int, ...]:
    packed = signature.astype("<u4").tobytes()
    width = ROWS * 4
    keys = []
    for band in range(BANDS):
        rows = packed[band * width : (band + 1) * width]
        digest = hashlib.blake2b(bytes([band]) + rows, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return tuple(keys)


def similarity(signature: bytes, other: bytes) -> float:
    """Estimated Jaccard similarity of two signatures' shingle sets (0 when either is empty)."""
    if not signature or not other or len(signature) != len(other):
        return 0.0
    mine = np.frombuffer(signature, dtype="<u4")
    theirs = np.frombuffer(other, dtype="<u4")
    return float(np.count_nonzero(mine == theirs)) / len(mine)
