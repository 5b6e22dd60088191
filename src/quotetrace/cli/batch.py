"""``quotetrace batch``: a whole corpus, on every core or a Dask cluster, to Parquet."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quotetrace.cli.options import add_encoding_argument, add_model, add_no_frame

DESCRIPTION = """\
Extract (and frame) the quotations of every article of a corpus, on all the
cores of this machine or on a Dask cluster, into columnar files:

  OUT/articles/part-NNNNN.parquet  one row per article: id, source, status
                                   ("ok" or "failed"), error, title, url,
                                   outlet, published, text, n_quotes,
                                   n_words, article_json (the full record)
  OUT/quotes/part-NNNNN.parquet    one row per quote: article_id, quote_id,
                                   kind, text, offsets, cue, speaker, frame
  OUT/manifest.json                settings, partitions and their counts

INPUT is any mix of: JSON lines (.jsonl, .jsonl.gz, .jsonl.zst; one article
per line with a "text" field, optional "id", "title", "url", "outlet",
"published"; an "html" field is reduced to text), WARC files (.warc,
.warc.gz; HTML responses only), Parquet files with a text column, .txt/.html
files, and folders of any of these (read in sorted order).

Articles are cut into partitions of --partition-size in input order. Each
partition is written atomically and journaled, so a run that is killed
(Ctrl-C, SIGKILL, a lost machine) is resumed by running the same command
again: completed partitions are skipped, and the result is the same as an
uninterrupted run. An article that cannot be analysed (bad encoding, broken
JSON line, no text in the HTML, too long, truncated gzip) is a row with
status "failed" and its error; it never stops the run.

Article ids: the input's id field, else the file name, else FILE:LINE;
a repeated id gets a stable suffix (id~2, id~3, ...), never dropped.

examples:
  quotetrace batch corpus.jsonl.gz --out out/
  quotetrace batch articles/ crawl.warc.gz --out out/ --workers 8
  quotetrace batch corpus.parquet --out out/ --scheduler local --workers 4
  quotetrace batch s3-mirror/*.jsonl.zst --out out/ --scheduler tcp://10.0.0.5:8786
  duckdb -c "select speaker_name, count(*) from 'out/quotes/*.parquet' group by 1"

exit codes: 0 the run completed (failed articles are in the output),
1 unreadable input or a worker that cannot start, 2 bad usage,
130 interrupted (re-run the same command to resume).
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    from quotetrace.batch.host import default_workers

    parser = subparsers.add_parser(
        "batch",
        help="process a corpus on all cores or a Dask cluster into Parquet",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="corpus files or folders")
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="output folder")
    parser.add_argument(
        "--workers", "-w", type=int, default=default_workers(),
        help="worker processes, local pool or LocalCluster (default: the cores available, "
        f"{default_workers()} here)",
    )  # fmt: skip
    parser.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="run on Dask: 'local' starts a LocalCluster of --workers processes, "
        "tcp://HOST:PORT joins a running cluster (default: a local process pool)",
    )  # fmt: skip
    parser.add_argument(
        "--format", "-f", choices=("parquet", "jsonl"), default="parquet",
        help="output file format (default parquet)",
    )  # fmt: skip
    parser.add_argument(
        "--partition-size", type=int, default=200, metavar="N",
        help="articles per output partition (default 200); keep it when resuming",
    )  # fmt: skip
    parser.add_argument(
        "--max-words", type=int, default=20_000, metavar="N",
        help="longer articles are recorded as failed instead of parsed; parsing memory grows "
        "with length, so this bounds worker memory (default 20000)",
    )  # fmt: skip
    parser.add_argument(
        "--time-limit", type=float, default=120.0, metavar="SECONDS",
        help="an article still being analysed after this long is recorded as failed (timed out) "
        "and the run goes on; 0 for no limit (default 120)",
    )  # fmt: skip
    add_encoding_argument(parser)
    parser.add_argument("--text-field", default="text", help="JSON/Parquet text field (text)")
    parser.add_argument("--id-field", default="id", help="JSON/Parquet id field (id)")
    add_no_frame(parser)
    add_model(parser)
    parser.add_argument(
        "--overwrite", action="store_true",
        help="replace an output of a different command in DIR instead of refusing",
    )  # fmt: skip
    parser.add_argument(
        "--redo-stale", action="store_true",
        help="when resuming, redo completed partitions made by another version of quotetrace's "
        "analysis code (by default they are kept, and the summary says how many)",
    )  # fmt: skip
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    parser.add_argument(
        "--summary", choices=("table", "json"), default="table",
        help="how to print the closing summary on stdout (default table)",
    )  # fmt: skip
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quotetrace.batch import BatchConfig, run_batch
    from quotetrace.batch.progress import summary_lines
    from quotetrace.ingest import check_encoding_name

    if args.time_limit < 0:
        from quotetrace.errors import UsageError

        raise UsageError("--time-limit must be 0 (no limit) or more seconds")
    config = BatchConfig(
        inputs=args.inputs,
        out=Path(args.out),
        workers=args.workers,
        scheduler=args.scheduler,
        fmt=args.format,
        partition_size=args.partition_size,
        model=args.model,
        frame=not args.no_frame,
        max_words=args.max_words,
        text_field=args.text_field,
        id_field=args.id_field,
        encoding=check_encoding_name(args.encoding),
        time_limit=args.time_limit,
        overwrite=args.overwrite,
        redo_stale=args.redo_stale,
        progress=not args.no_progress,
    )
    stats = run_batch(config)
    if args.summary == "json":
        summary = {
            "out": str(config.out),
            "backend": stats.backend,
            "seconds": round(stats.seconds, 3),
            "startup_seconds": round(stats.startup, 3),
            "worker_restarts": stats.worker_restarts,
            "redone": stats.redone,
            "stale_kept": stats.stale_kept,
            "total": stats.total.as_dict(),
            "this_run": stats.done_now.as_dict(),
            "resumed": stats.resumed.as_dict(),
            "failures": [{"id": i, "error": e} for i, e in stats.failures],
        }
        json.dump(summary, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n".join(summary_lines(stats, stats.backend, str(config.out))) + "\n")
    return 0
