"""Benchmarks (figures, not pass/fail): each runs in a fresh forked process so its peak memory is its own."""

from __future__ import annotations

import gc
import json
import multiprocessing as mp
import os
import resource
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path


def corpus_texts(seeds: Path | None) -> list[str]:
    texts = []
    folder = seeds or Path("../shared/seeds")
    if folder.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    sample = resources.files("marsad.data.sample").joinpath("corpus.jsonl")
    for line in sample.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            texts.append(obj["title"] + "\n" + obj["text"])
    return texts


def press_documents(folder: Path, mb: float) -> list:
    """The first ``mb`` MB of a folder of news archives (SaudiNewsNet's .zip files, in name order), each article once:
    real news, every word seen for the first time in the process as in a fresh corpus (issue 11 measures the actor
    stage's speed on it)."""
    from ..ingest.newsjson import read_news_zip
    from ..records import Document

    files = sorted(Path(folder).glob("*.zip"))
    if not files:
        raise FileNotFoundError(f"{folder}: no .zip news archives in this folder")
    docs: list = []
    size = 0
    for f in files:
        for d in read_news_zip(f):
            if isinstance(d, Document):  # (a read problem is left out of a benchmark)
                docs.append(d)
                size += len(d.text.encode("utf-8"))
            if size > mb * 1e6:
                return docs
    return docs


def replicate(texts: list[str], mb: float) -> list[str]:
    out, size, i = [], 0, 0
    target = mb * 1e6
    while size < target:
        t = texts[i % len(texts)]
        # vary each copy a little so content hashes differ (ingest would skip exact copies)
        t = f"{t}\nنسخة {i}."
        out.append(t)
        size += len(t.encode("utf-8"))
        i += 1
    return out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(fn, args, q):
    t0 = time.perf_counter()
    res = fn(*args)
    res["seconds"] = time.perf_counter() - t0 if "seconds" not in res else res["seconds"]
    res["peak_mb"] = _peak_mb()
    q.put(res)


def in_child(fn: Callable, *args) -> dict:
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(fn, args, q))
    p.start()
    res = q.get()
    p.join()
    return res


def b_split(docs: list[str]) -> dict:
    t0 = time.perf_counter()
    n = sum(len(d.split()) for d in docs)
    return {"seconds": time.perf_counter() - t0, "extra": f"{n:,} whitespace tokens"}


def b_text(docs: list[str]) -> dict:
    from ..text.sentences import split_sentences
    from ..text.tokens import Tokenizer

    tok = Tokenizer()
    t0 = time.perf_counter()
    ns = nt = 0
    for d in docs:
        for s in split_sentences(d):
            ns += 1
            nt += len(tok(s.text, s.start))
    return {"seconds": time.perf_counter() - t0, "sentences": ns, "extra": f"{nt:,} tokens"}


def b_tokens_only(docs: list[str]) -> dict:
    from ..text.tokens import Tokenizer

    tok = Tokenizer()
    t0 = time.perf_counter()
    nt = sum(len(tok.words(d)) for d in docs)
    return {"seconds": time.perf_counter() - t0, "extra": f"{nt:,} normalised word forms (fast path)"}


def b_pipeline(docs: list, upto: str) -> dict:
    """``docs``: texts (dated 2025-06-01) or Documents (as read: their own date and outlet)."""
    from ..ingest.readers import make_document
    from ..pipeline import Pipeline
    from ..records import Document, Processed

    t_load = time.perf_counter()
    pipe = Pipeline.default(upto)
    load = time.perf_counter() - t_load
    # the loaded dictionaries (most of the objects alive) leave the collector's view, as ``ingest.workers`` does:
    # a full collection then costs little, and which stage it lands in no longer moves the ratio by 0.1-0.2
    gc.collect()
    gc.freeze()
    t0 = time.perf_counter()
    ns = nm = ne = 0
    cpu = [0.0] * len(pipe.stages)  # CPU seconds of each stage (issue 11: the actor stage against the text stage)
    try:
        for i, d in enumerate(docs):
            p = Processed(d if isinstance(d, Document) else make_document(d, f"bench#{i}", published="2025-06-01"))
            for k, stage in enumerate(pipe.stages):
                t = time.process_time()
                p = stage(p)
                cpu[k] += time.process_time() - t
            ns += len(p.sentences)
            nm += len(p.mentions)
            ne += len(p.events)
    finally:
        gc.unfreeze()  # (when called in the caller's process, as the tests do: its objects are collected again)
    secs = time.perf_counter() - t0
    stages = dict(zip(pipe.names, cpu, strict=True))
    ratio = f" (actors/text {stages['actors'] / stages['text']:.2f})" if stages.get("text") and "actors" in stages else ""
    return {"seconds": secs, "sentences": ns, "stage_cpu": stages,
            "extra": f"load {load:.2f}s · {nm:,} mentions ({nm / secs:,.0f}/s) · {ne:,} events · CPU "
                     + ", ".join(f"{k} {v:.2f}s" for k, v in stages.items()) + ratio}


_BENCH_PIPE = None


def _bench_init() -> None:
    global _BENCH_PIPE
    from ..pipeline import Pipeline

    _BENCH_PIPE = Pipeline.default("events")


def _bench_one(item: tuple[int, str]) -> tuple[int, int]:
    from ..ingest.readers import make_document

    p = _BENCH_PIPE(make_document(item[1], f"bench#{item[0]}", published="2025-06-01"))
    return len(p.sentences), len(p.events)


def b_pipeline_workers(docs: list[str], workers: int) -> dict:
    ctx = mp.get_context("fork")
    with ctx.Pool(workers, initializer=_bench_init) as pool:
        pool.map(_bench_one, [(0, docs[0])] * workers)  # warm: dictionaries loaded in every worker
        t0 = time.perf_counter()
        res = pool.map(_bench_one, list(enumerate(docs)), chunksize=16)
        secs = time.perf_counter() - t0
    return {"seconds": secs, "sentences": sum(r[0] for r in res), "extra": f"{workers} workers · {sum(r[1] for r in res):,} events"}


def b_ingest(docs: list[str]) -> dict:
    from ..ingest.run import ingest
    from ..store.db import Store

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for i, d in enumerate(docs):
                fh.write(json.dumps({"id": i, "text": d, "published": "2025-06-01", "source": "bench"}, ensure_ascii=False) + "\n")
        db = str(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        with Store.open(db) as store:
            rep = ingest([src], store)
        secs = time.perf_counter() - t0
        size = os.path.getsize(db) / 1e6
    return {"seconds": secs, "sentences": rep.sentences,
            "extra": f"{rep.added:,} docs · {rep.events:,} events · store {size:.0f} MB"}


def run_bench(mb: float = 10.0, stage: str = "all", seeds: Path | None = None, workers: int = 1,
              log: Callable[[str], None] = print, press: Path | None = None) -> list[dict]:
    """``press``: a folder of news archives to read the first MB of instead of the replicated seeds."""
    articles = press_documents(press, mb) if press is not None else None
    docs = [d.text for d in articles] if articles is not None else replicate(corpus_texts(seeds), mb)
    size_mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    log(f"corpus: {len(docs):,} {'articles of ' + str(press) + ', each once' if press else 'documents'}, "
        f"{size_mb:.1f} MB")
    plan: list[tuple[str, Callable, tuple]] = []
    if stage in ("text", "all"):
        plan += [("str.split baseline", b_split, (docs,)),
                 ("tokenise fast path (normalise+findall)", b_tokens_only, (docs,)),
                 ("text: normalise+split+tokenise", b_text, (docs,))]
    if stage in ("actors", "all"):
        plan.append(("text+actors", b_pipeline, (articles or docs, "actors")))
    if stage in ("events", "all"):
        plan.append(("text+actors+events", b_pipeline, (articles or docs, "events")))
        if workers > 1:
            plan.append((f"text+actors+events, {workers} workers", b_pipeline_workers, (docs, workers)))
    if stage in ("ingest", "all"):
        plan.append(("full ingest into SQLite", b_ingest, (docs,)))
    results = []
    for name, fn, args in plan:
        log(f"running {name} …")
        r = in_child(fn, *args)
        r["name"] = name
        r["mb"] = size_mb
        r["mb_per_s"] = size_mb / r["seconds"] if r["seconds"] else 0
        if r.get("sentences"):
            r["sentences_per_s"] = r["sentences"] / r["seconds"]
        results.append(r)
    base = next((r for r in results if r["name"] == "str.split baseline"), None)
    if base:
        for r in results:
            if r is not base and r["name"].startswith(("tokenise", "text:")):
                r["extra"] += f" · {r['seconds'] / base['seconds']:.1f}× str.split"
    return results
