"""``marsad spark ingest INPUT... OUTPUT``: the ingest of ``marsad ingest`` as a Spark job.

1. Every input file (any path Spark reads: local, HDFS, S3-compatible) is read whole (``binaryFile``) and
   handed, with its rank in ``marsad ingest``'s walk order, to a Python worker that runs marsad's reader for
   its format and the same Pipeline (``mapInArrow``; the dictionaries load once per Python worker).
2. Exact duplicates keep their first occurrence; ``seq`` numbers documents in input order.
3. Near-duplicates: candidate pairs from equal LSH band keys (a join in Spark), then the earliest original
   of each document decided in order on the driver, which holds only the candidate pairs.
4. Tables documents, sentences, mentions, events, candidates (partitioned by month) and near_dup_bands are
   written as Parquet under OUTPUT; ``marsad spark load`` puts them in a store.

Clusters and dyad-month aggregates are computed by ``marsad spark load`` with the store's own refresh.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from urllib.parse import urlparse

from ..store.db import EVENT_COLUMNS
from ..store.dedup import THRESHOLD, similarity
from .rows import FIELDS, file_rows, walk_key

INT_COLUMNS = {"sentence_idx", "actor_start", "actor_end", "recipient_start", "recipient_end", "negated",
               "trigger_start", "trigger_end", "evidence_start", "evidence_end", "symmetric", "dup"}
FLOAT_COLUMNS = {"intensity", "confidence"}
TABLE_SCHEMAS = {
    "sentences": ("doc_id string, idx int, start_off int, end_off int, text string, norm string, kind string, "
                  "quad string, quad_p double"),
    "mentions": ("doc_id string, sentence_idx int, start_off int, end_off int, text string, code string, "
                 "agent string, kind string, person string, entry string, published string"),
    "events": ", ".join(f"{c} {'int' if c in INT_COLUMNS else 'double' if c in FLOAT_COLUMNS else 'string'}"
                        for c in EVENT_COLUMNS),
    "candidates": ("seq long, pos int, name string, title string, guess_code string, guess_agent string, "
                   "example string, doc_id string"),
}
STAGE_SCHEMA = ("file_rank long, rec long, id string, source string, url string, path string, title string, "
                "published string, language string, text string, origin string, month string, minhash binary, "
                "bands array<long>, sentences string, mentions string, events string, candidates string, "
                "error string")

_pipeline = None  # one Pipeline per Python worker process, built on first use (workers are reused)


def executor_pipeline():
    global _pipeline
    if _pipeline is None:
        from ..pipeline import Pipeline

        _pipeline = Pipeline.default()
    return _pipeline


def plain(path: str) -> str:
    """Spark's ``file:/x`` as ``/x``; other schemes as they are."""
    u = urlparse(path)
    return u.path if u.scheme == "file" else path


def order_files(paths: list[str], inputs: list[str]) -> dict[str, int]:
    """Spark path -> rank: inputs in the given order, each walked as ``marsad ingest`` walks it."""
    roots = [plain(i if urlparse(i).scheme else os.path.abspath(i)).rstrip("/") for i in inputs]

    def key(p: str) -> tuple:
        q = plain(p)
        for n, r in enumerate(roots):
            if q == r or q.startswith(r + "/"):
                return (n, walk_key(q[len(r):].lstrip("/") or os.path.basename(q)))
        return (len(roots), walk_key(q))

    return {p: i for i, p in enumerate(sorted(paths, key=key))}


def session(master: str | None, app: str = "marsad"):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # executors run this interpreter (with marsad)
    from pyspark.sql import SparkSession

    b = (SparkSession.builder.appName(app).config("spark.ui.enabled", "false")
         .config("spark.sql.execution.arrow.maxRecordsPerBatch", "16")
         .config("spark.sql.session.timeZone", "UTC"))
    if master:
        b = b.master(master)
    if (master or "").startswith("local") and not os.environ.get("PYSPARK_SUBMIT_ARGS"):
        # one machine: the JVM only moves rows (the pipeline runs in Python), and its optimising compiler
        # cost more CPU than it saved: 32.2 -> 18.7 s CPU for 500 documents, local[1] (bench/bench_spark.py)
        b = b.config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1")
    spark = b.getOrCreate()
    if not spark.sparkContext.getConf().contains("spark.sql.shuffle.partitions"):
        # Spark's default of 200 tasks a shuffle is for big clusters; two per core cut a small run's wall time
        # by a quarter (bench/bench_spark.py, 500 documents, local[1]: 34.3 -> 26.3 s)
        spark.conf.set("spark.sql.shuffle.partitions", str(max(2, 2 * spark.sparkContext.defaultParallelism)))
    return spark


def arrow_schema(ddl: str):
    """The Arrow schema of one of the DDL strings above (Spark checks column types exactly)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int32(), "long": pa.int64(), "double": pa.float64(),
             "binary": pa.binary(), "array<long>": pa.list_(pa.int64())}
    return pa.schema([(name, types[typ]) for name, typ in (c.split(" ", 1) for c in ddl.split(", "))])


def _process(ranks):
    import pyarrow as pa

    schema = arrow_schema(STAGE_SCHEMA)

    def run(batches):
        pipeline = executor_pipeline()
        for batch in batches:
            rows = []
            for path, content in zip(batch.column("path").to_pylist(), batch.column("content").to_pylist(),
                                     strict=True):
                rows += file_rows(pipeline, plain(path), content, ranks.value[path])
            if rows:
                yield pa.RecordBatch.from_pylist([{k: r[k] for k in FIELDS} for r in rows], schema=schema)
    return run


def _explode(table: str, ddl: str):
    """Per document row -> the rows of one derived table (JSON built on the executors by rows.file_rows)."""
    import pyarrow as pa

    cols = [c.split()[0] for c in TABLE_SCHEMAS[table].split(", ")]
    schema = arrow_schema(ddl)

    def run(batches):
        for batch in batches:
            out = []
            for d in batch.to_pylist():
                if table == "candidates":
                    out += [dict(zip(cols, (d["seq"], i, *c, d["id"]), strict=True))
                            for i, c in enumerate(json.loads(d["candidates"] or "[]"))]
                    continue
                for r in json.loads(d[table] or "[]"):
                    row = dict(zip(cols, r, strict=True))
                    if table == "events":
                        row["dup"] = int(d["dup_of"] is not None)
                    row["month"] = d["month"]
                    out.append(row)
            if out:
                yield pa.RecordBatch.from_pylist(out, schema=schema)
    return run


def with_seq(spark, first) -> tuple:
    """(documents with ``seq``, their number). ``seq``: 1, 2, … over the documents in input order (file rank,
    then record), as ``marsad ingest`` numbers them. Each file's documents are numbered within the file (a window per file, files in parallel)
    after the counts of the files before it (one small row per file on the driver): one window over all
    documents would put every document through a single task."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    counts = sorted((r["file_rank"], r["count"]) for r in first.groupBy("file_rank").count().collect())
    offsets, total = [], 0
    for rank, n in counts:
        offsets.append((rank, total))
        total += n
    off = spark.createDataFrame(offsets or [(-1, 0)], "file_rank long, _before long")
    return (first.join(F.broadcast(off), "file_rank")
            .withColumn("seq", (F.col("_before") + F.row_number().over(
                Window.partitionBy("file_rank").orderBy("rec"))).cast("long"))
            .drop("_before")), total


CLOSE_SCHEMA = "later long, earlier long, eid string, score double"


def _close_pairs(batches):
    """Candidate pairs -> (later, earlier, earlier's id, similarity) of those at or above THRESHOLD."""
    import pyarrow as pa

    schema = arrow_schema(CLOSE_SCHEMA)
    for b in batches:
        cols = [b.column(c).to_pylist() for c in ("later", "earlier", "eid", "mh_l", "mh_e")]
        rows = [{"later": la, "earlier": ea, "eid": eid, "score": sc} for la, ea, eid, ml, me in zip(*cols, strict=True)
                if (sc := similarity(bytes(ml), bytes(me))) >= THRESHOLD]
        if rows:
            yield pa.RecordBatch.from_pylist(rows, schema=schema)


def near_duplicates(docs) -> list[tuple[int, str, float]]:
    """(seq, dup_of id, similarity) for every near-duplicate: the earliest original sharing an LSH band with
    similarity >= THRESHOLD, decided in seq order as ``marsad ingest`` does."""
    from pyspark.sql import functions as F

    bands = docs.select("seq", F.explode("bands").alias("key"))
    pairs = (bands.alias("l").join(bands.alias("e"), "key").where(F.col("e.seq") < F.col("l.seq"))
             .select(F.col("l.seq").alias("later"), F.col("e.seq").alias("earlier")).distinct())
    sig = docs.select("seq", "id", "minhash")
    cand = (pairs.join(sig.select(F.col("seq").alias("later"), F.col("minhash").alias("mh_l")), "later")
            .join(sig.select(F.col("seq").alias("earlier"), F.col("id").alias("eid"), F.col("minhash").alias("mh_e")),
                  "earlier"))
    # similarities on the executors, in parallel: only the pairs at the threshold reach the driver (the
    # decision below skips the others anyway)
    close = cand.select("later", "earlier", "eid", "mh_l", "mh_e").mapInArrow(_close_pairs, CLOSE_SCHEMA)
    by_later: dict[int, list] = defaultdict(list)
    for r in close.collect():
        by_later[r["later"]].append((r["earlier"], r["eid"], r["score"]))
    dup: dict[int, tuple[str, float]] = {}
    for later in sorted(by_later):
        for earlier, eid, score in sorted(by_later[later]):
            if earlier not in dup and score >= THRESHOLD:
                dup[later] = (eid, score)
                break
    return [(s, eid, score) for s, (eid, score) in sorted(dup.items())]


def run(inputs: list[str], output: str, master: str | None = None, partitions: int | None = None,
        log: Callable[[str], None] = print) -> dict:
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    t0 = time.perf_counter()
    spark = session(master, "marsad-spark-ingest")
    lap = _laps(log, t0)
    lap("session")
    out = output.rstrip("/")
    files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(inputs)
             .select("path", "content"))
    paths = [r.path for r in files.select("path").collect()]
    ranks = spark.sparkContext.broadcast(order_files(paths, inputs))
    n_parts = partitions or max(1, min(len(paths), spark.sparkContext.defaultParallelism * 4))
    log(f"{len(paths)} files in {n_parts} partitions")
    lap("file list")
    (files.repartition(n_parts).mapInArrow(_process(ranks), STAGE_SCHEMA)
     .write.mode("overwrite").parquet(f"{out}/_stage"))
    lap("pipeline")
    stage = spark.read.parquet(f"{out}/_stage")
    errors = [r.error for r in stage.where("error IS NOT NULL").orderBy("file_rank", "rec").select("error").collect()]
    read = stage.where("id IS NOT NULL")
    first = (read.withColumn("_n", F.row_number().over(Window.partitionBy("id").orderBy("file_rank", "rec")))
             .where("_n = 1").drop("_n"))
    first.write.mode("overwrite").parquet(f"{out}/_docs")
    first = spark.read.parquet(f"{out}/_docs")
    docs, n_docs = with_seq(spark, first)
    lap("first occurrences and seq")
    dups = near_duplicates(docs)
    lap("near-duplicates")
    dup_df = spark.createDataFrame(dups or [(0, None, None)], "seq long, dup_of string, dup_score double")
    docs = docs.join(F.broadcast(dup_df), "seq", "left")
    docs.write.mode("overwrite").parquet(f"{out}/_final")
    lap("near-duplicate marks")
    docs = spark.read.parquet(f"{out}/_final")
    (docs.select("id", "source", "url", "path", "title", "published", "language", "text", "origin", "dup_of",
                 "dup_score", "minhash", "seq", "month")
     .repartition("month").write.mode("overwrite").partitionBy("month").parquet(f"{out}/documents"))
    (docs.where("dup_of IS NULL").select("seq", F.explode("bands").alias("key"))
     .write.mode("overwrite").parquet(f"{out}/near_dup_bands"))
    lap("documents and bands written")
    for table, schema in TABLE_SCHEMAS.items():
        full = schema + ("" if table == "candidates" else ", month string")
        # only the columns _explode reads travel to Python (not the text, signature, bands …)
        df = docs.select("seq", "id", "month", "dup_of", table).mapInArrow(_explode(table, full), full)
        # one task a month writes its rows: one file a month, not one a month in every task
        (df.repartition("month").write.mode("overwrite").partitionBy("month").parquet(f"{out}/{table}")
         if table != "candidates"
         else df.write.mode("overwrite").parquet(f"{out}/{table}"))
        lap(f"{table} written")
    n_read = read.count()
    summary = {"files": len(paths), "documents_read": n_read, "added": n_docs,
               "skipped": n_read - n_docs, "near_duplicates": len(dups), "errors": errors,
               "events": spark.read.parquet(f"{out}/events").count()}
    lap("counts")
    if urlparse(out).scheme in ("", "file"):  # the job's counts beside a local output, for 'spark load'
        with open(os.path.join(plain(out), "_marsad.json"), "w", encoding="utf-8") as fh:
            json.dump({k: v for k, v in summary.items() if k != "errors"} | {"errors": len(errors)}, fh)
    for tmp in ("_stage", "_docs", "_final"):
        _remove(spark, f"{out}/{tmp}")
    return summary


def _laps(log: Callable[[str], None], t0: float) -> Callable[[str], None]:
    """``lap(name)`` logs the wall seconds since the previous lap: where a run's time goes, phase by phase."""
    last = [t0]

    def lap(name: str) -> None:
        now = time.perf_counter()
        log(f"{name}: {now - last[0]:.1f} s")
        last[0] = now
    return lap


def _remove(spark, path: str) -> None:
    jvm = spark.sparkContext._jvm
    p = jvm.org.apache.hadoop.fs.Path(path)
    p.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(p, True)
