"""Near-duplicate detection: the same story re-published with small edits is linked, not counted twice.

MinHash over normalised word 3-shingles with LSH banding. A new document whose estimated Jaccard
similarity with an earlier stored one is >= ``threshold`` gets ``dup_of`` = the earliest such document.

The LSH index lives in the store (table ``near_dup_bands``: one row per band of every original document),
so an ingest keeps in memory only the documents of its current batch, whatever the size of the store.
Bands and thresholds are datasketch's (``MinHashLSH(threshold, NUM_PERM)`` picks b x r), so results are
those of datasketch's in-memory LSH over the same documents.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..text.normalize import normalize
from ..text.tokens import TOKEN_RE

NUM_PERM = 64
SEED = 7
SCHEME = "affine32"  # stored signatures are only comparable within one scheme
THRESHOLD = 0.8
BANDS_META = "near_dup_bands"
# Built once: datasketch would otherwise draw the 64 permutations again for every signature.
PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def shingles(text: str, k: int = 3) -> set[bytes]:
    words = [w for w in TOKEN_RE.findall(normalize(text)) if w[0].isalnum()]
    if len(words) < k:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=PERMUTATIONS)
    mh.update_batch(list(shingles(text)))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=np.uint64),
                   permutations=PERMUTATIONS)


def _values(sig: bytes) -> np.ndarray:
    return np.frombuffer(sig, dtype=np.uint64)


def band_ranges(threshold: float) -> list[tuple[int, int]]:
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
        kset = set(keys)
        for doc_id, other, okeys in self.pending:
            if kset.intersection(okeys):
                score = similarity(sig, other)
                if score >= self.threshold:
                    return doc_id, score, keys
        return None, None, keys

    def add(self, doc_id: str, sig: bytes, keys: list[int]) -> None:
        """An original of this batch: found by the next documents before it is written."""
        self.pending.append((doc_id, sig, keys))

    def written(self) -> None:
        """The batch is committed (with its band rows): the store answers for it from now on."""
        self.pending.clear()
