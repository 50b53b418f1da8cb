"""Near-duplicate detection: the same story re-published with small edits is linked, not counted twice.

MinHash over normalised word 3-shingles with LSH (datasketch). A new document whose estimated Jaccard
similarity with an earlier stored one is >= ``threshold`` gets ``dup_of`` = that document.
"""

from __future__ import annotations

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..text.normalize import normalize
from ..text.tokens import TOKEN_RE

NUM_PERM = 64
SCHEME = "affine32"  # stored signatures are only comparable within one scheme


def shingles(text: str, k: int = 3) -> set[bytes]:
    words = [w for w in TOKEN_RE.findall(normalize(text)) if w[0].isalnum()]
    if len(words) < k:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=7, scheme=SCHEME)
    mh.update_batch(list(shingles(text)))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=7, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=np.uint64))


class NearDuplicates:
    def __init__(self, threshold: float = 0.8):
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, MinHash] = {}
        self.order: dict[str, int] = {}

    def load(self, stored: list[tuple[str, bytes]]) -> None:
        for doc_id, data in stored:
            self.add(doc_id, from_bytes(data))

    def add(self, doc_id: str, mh: MinHash) -> None:
        if doc_id not in self.sigs:
            self.lsh.insert(doc_id, mh)
            self.sigs[doc_id] = mh
            self.order[doc_id] = len(self.order)

    def find(self, mh: MinHash) -> tuple[str | None, float | None]:
        """The earliest-added stored document this one nearly duplicates, with the estimated similarity."""
        best = None
        for cand in self.lsh.query(mh):
            score = mh.jaccard(self.sigs[cand])
            if score >= self.threshold and (best is None or self.order[cand] < self.order[best[0]]):
                best = (cand, score)
        return best if best else (None, None)
