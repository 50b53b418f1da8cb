"""Near-duplicate detection: the same story re-published with small edits is linked, not counted twice.

MinHash over normalised word 3-shingles with LSH banding. A new document whose estimated Jaccard
similarity with an earlier stored one is >= ``threshold`` gets ``dup_of`` = the earliest such document.

The LSH index lives in the store (table ``near_dup_bands``: one row per band of every original document),
so an ingest keeps in memory only the documents of its current batch, whatever the size of the store.
Signatures, bands and thresholds are datasketch's (tests compare them), so results are those of datasketch's
in-memory LSH over the same documents.
"""

from __future__ import annotations

import hashlib

import numpy as np

from ..text.normalize import normalize
from ..text.tokens import WORD_TOKEN_RE

NUM_PERM = 64
SEED = 7
SCHEME = "affine32"  # stored signatures are only comparable within one scheme
THRESHOLD = 0.8
BANDS_META = "near_dup_bands"
# datasketch's banding for THRESHOLD and NUM_PERM (MinHashLSH picks b x r minimising errors): 5 bands of 11.
RANGES_08 = [(i * 11, (i + 1) * 11) for i in range(5)]


def _permutations(seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations h -> a*h + b mod 2^32 (a odd), drawn as datasketch draws them."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


# Built once: drawing 64 permutations per signature was a measurable share of an ingest.
PERM_A, PERM_B = _permutations()
MAX32 = np.uint32(0xFFFFFFFF)


def shingles(text: str, k: int = 3) -> set[bytes]:
    # (the tokens of TOKEN_RE that begin with a letter or digit; joined as UTF-8 bytes, as encoding the joined text)
    words = [w.encode() for w in WORD_TOKEN_RE.findall(normalize(text))]
    if len(words) < k:
        return {b" ".join(words)}
    return {b" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser (datasketch pre-mixes hashes with it); uint32 products wrap, as intended."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature(text: str) -> np.ndarray:
    """The 64 MinHash values datasketch's ``MinHash(64, seed=7, scheme='affine32')`` gives after
    ``update_batch(shingles)``, computed here so that an ingest need not import datasketch (and scipy)."""
    sha1 = hashlib.sha1
    # each shingle's SHA-1, its first 4 bytes read as a little-endian uint32 (datasketch's sha1_hash32)
    hv = np.frombuffer(b"".join([sha1(s).digest()[:4] for s in shingles(text)]), dtype="<u4").astype(np.uint32)
    with np.errstate(over="ignore"):
        phv = _fmix32(hv).reshape(-1, 1) * PERM_A + PERM_B
    return np.minimum(np.full(NUM_PERM, MAX32, dtype=np.uint32), phv.min(axis=0))


def to_bytes(values: np.ndarray) -> bytes:
    return values.astype(np.uint64).tobytes()


def _values(sig: bytes) -> np.ndarray:
    return np.frombuffer(sig, dtype=np.uint64)


def band_ranges(threshold: float) -> list[tuple[int, int]]:
    if threshold == THRESHOLD:
        return RANGES_08
    from datasketch import MinHashLSH  # other thresholds: ask datasketch (a slow import)

    return MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges


def index_layout(threshold: float = THRESHOLD) -> str:
    """Recorded in meta when the band table is complete for this banding."""
    ranges = band_ranges(threshold)
    return f"{len(ranges)}x{ranges[0][1]}@{threshold}"


def band_keys(sig: bytes, ranges: list[tuple[int, int]]) -> list[int]:
    """One signed 64-bit key per band (fits INTEGER/BIGINT); the band's number is part of the hash."""
    vals = _values(sig)
    return [int.from_bytes(hashlib.blake2b(bytes([i]) + vals[s:e].tobytes(), digest_size=8).digest(), "big",
                           signed=True) for i, (s, e) in enumerate(ranges)]


def similarity(a: bytes, b: bytes) -> float:
    """datasketch's estimate: the share of equal hash values."""
    va, vb = _values(a), _values(b)
    return float(np.count_nonzero(va == vb)) / float(len(va))


class NearDuplicates:
    """Finds the earliest stored (or earlier in this batch) original a document nearly duplicates.

    Stored originals are looked up through the store's band table; originals of the batch not yet written
    are kept here until ``written()``."""

    def __init__(self, store, threshold: float = THRESHOLD):
        self.store = store
        self.threshold = threshold
        self.ranges = band_ranges(threshold)
        self.pending: list[tuple[str, bytes, list[int]]] = []  # (doc id, signature, band keys), in order
        self._pending_at: dict[int, list[int]] = {}  # band key -> positions in ``pending`` that have it
        self._ensure_index()

    def _ensure_index(self) -> None:
        """Fill the band table from stored signatures once (stores written before schema v5)."""
        layout = index_layout(self.threshold)
        if self.store.get_meta(BANDS_META) == layout:
            return
        with self.store.transaction():
            self.store.execute("DELETE FROM near_dup_bands")
            cur = self.store.execute(
                "SELECT seq, minhash FROM documents WHERE minhash IS NOT NULL AND dup_of IS NULL ORDER BY seq")
            while chunk := cur.fetchmany(5000):
                self.store.executemany("INSERT INTO near_dup_bands (key, seq) VALUES (?, ?)",
                                       [(k, seq) for seq, sig in chunk for k in band_keys(bytes(sig), self.ranges)])
            self.store._set_meta(BANDS_META, layout)

    def find(self, sig: bytes) -> tuple[str | None, float | None, list[int]]:
        """(earliest original it nearly duplicates or None, similarity or None, its band keys)."""
        keys = band_keys(sig, self.ranges)
        marks = ",".join("?" * len(keys))
        for doc_id, stored in self.store.execute(
                f"""SELECT d.id, d.minhash FROM documents d WHERE d.seq IN
                    (SELECT seq FROM near_dup_bands WHERE key IN ({marks})) ORDER BY d.seq""", keys).fetchall():
            score = similarity(sig, bytes(stored))
            if score >= self.threshold:
                return doc_id, score, keys
        # the batch's originals sharing a band, earliest first (as a scan of ``pending`` in order meets them)
        for at in sorted({i for k in keys for i in self._pending_at.get(k, ())}):
            doc_id, other, _ = self.pending[at]
            score = similarity(sig, other)
            if score >= self.threshold:
                return doc_id, score, keys
        return None, None, keys

    def add(self, doc_id: str, sig: bytes, keys: list[int]) -> None:
        """An original of this batch: found by the next documents before it is written."""
        for k in keys:
            self._pending_at.setdefault(k, []).append(len(self.pending))
        self.pending.append((doc_id, sig, keys))

    def written(self) -> None:
        """The batch is committed (with its band rows): the store answers for it from now on."""
        self.pending.clear()
        self._pending_at.clear()
