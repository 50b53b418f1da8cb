"""Entry point for ``spark-submit`` (which wants a file): the same job as ``marsad spark ingest``, with the
master, executors and memory given to spark-submit.

    spark-submit --master yarn --num-executors 8 --executor-cores 16 \
        "$(python -c 'import marsad.spark.submit as s; print(s.__file__)')" hdfs:///news/ hdfs:///marsad/out
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="marsad-spark-submit")
    ap.add_argument("paths", nargs="+", help="INPUT... OUTPUT")
    ap.add_argument("--partitions", type=int, default=None)
    args = ap.parse_args(argv)
    if len(args.paths) < 2:
        ap.error("give at least one INPUT and the OUTPUT folder")
    from marsad.spark.job import run  # absolute: spark-submit runs this file as a script

    out = run(args.paths[:-1], args.paths[-1], partitions=args.partitions, log=lambda m: print(m, file=sys.stderr))
    for e in out["errors"]:
        print(f"error: {e}", file=sys.stderr)
    print({k: v for k, v in out.items() if k != "errors"} | {"errors": len(out["errors"])})
    return 1 if out["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
