"""Every output of the actor stage (mentions, agents, places, candidates) on the first 2 MB of SaudiNewsNet and on
the NewsFANE file's pseudo-articles, one record a line, and a SHA-1 of it all: run it on two trees to check that a
speed change leaves the output identical.

    python tools/actors_dump.py /tmp/new.txt [MB]
    PYTHONPATH=<other tree>/src python tools/actors_dump.py /tmp/base.txt [MB]    # then: cmp /tmp/base.txt /tmp/new.txt

The dump holds corpus text: write it outside the repository.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sys
from pathlib import Path

from marsad.ingest.newsjson import read_news_zip
from marsad.ingest.readers import make_document
from marsad.pipeline import Pipeline
from marsad.quality.ner_eval import join_tokens, read_bio

LISTS = ("mentions", "agents", "places", "candidates")


def record(x) -> str:
    return repr(sorted(dataclasses.asdict(x).items())) if dataclasses.is_dataclass(x) else repr(x)


def main(out_path: str, corpus: str = "../shared/corpora/saudinewsnet",
         bio: str = "../shared/eval/ner/newsfane_train.tsv", mb: float = 2.0) -> None:
    pipe = Pipeline.default("actors")
    size = docs = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for f in sorted(Path(corpus).glob("*.zip")):
            for d in read_news_zip(f):
                if not hasattr(d, "origin"):
                    continue  # (a problem record)
                p = pipe(d)
                docs += 1
                for name in LISTS:
                    for x in getattr(p, name):
                        out.write(f"{d.id}\t{name}\t{record(x)}\n")
                size += len(d.text.encode())
                if size > mb * 1e6:
                    break
            if size > mb * 1e6:
                break
        sentences = read_bio(Path(bio))
        for w in range(0, len(sentences), 20):  # as `marsad eval actors` reads the file
            chunk = sentences[w:w + 20]
            p = pipe(make_document("\n".join(join_tokens(s.tokens)[0] for s in chunk), f"bio:{chunk[0].line}",
                                   published="2006-06-01"))
            for name in LISTS:
                for x in getattr(p, name):
                    out.write(f"bio{w}\t{name}\t{record(x)}\n")
    digest = hashlib.sha1(Path(out_path).read_bytes()).hexdigest()
    print(f"{docs} articles ({size:,} bytes) and {len(sentences)} NewsFANE sentences: sha1 {digest}")


if __name__ == "__main__":
    main(sys.argv[1], mb=float(sys.argv[2]) if len(sys.argv) > 2 else 2.0)
