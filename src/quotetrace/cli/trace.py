"""``quotetrace trace``: where a quote appeared, who printed it first, how it changed."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from quotetrace.cli.options import add_db_argument, add_encoding_argument, add_format, require_db

DESCRIPTION = """\
Quote provenance across outlets. A quote family is every quotation of one
utterance in the store, whatever its kind (a direct quote in one outlet, a
partial or mixed quote in another, a close paraphrase in a third). For each
family: the first appearance (by publication date, then time), every member
with outlet, date, speaker and its relation to the first member (verbatim,
trimmed, edited, altered, stitched, paraphrase) with the word diff, the speakers
it was attributed to, and "misattribution" when outlets name different people.

With --source (a transcript, a speech, a press release; repeatable, read as
'quotetrace verify --source' reads it), every member is also checked against
what was actually said: verbatim, edited, altered, stitched,
paraphrase_supported or not_found, with the word diff against the source.

Families are computed as articles are ingested; --rebuild recomputes them all
(after upgrading quotetrace, or for a store ingested before families existed).

examples:
  quotetrace ingest examples/trace/articles.jsonl --db /tmp/trace.db   # bundled example
  quotetrace trace "not close a single library" --db /tmp/trace.db
  quotetrace trace "Mexico is going to pay for the wall" --db quotes.db
  quotetrace trace "a total disaster" --db quotes.db --format json
  quotetrace trace "not close a single library" --db /tmp/trace.db \
      --source examples/trace/transcript.txt      # each member against the speech
  quotetrace trace --top 10 --db quotes.db        # the quotes that spread furthest
  quotetrace trace --rebuild --db quotes.db

exit codes: 0 families printed (or none found), 1 no such database, 2 bad usage.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "trace",
        help="trace a quote across outlets: first appearance, changes, speakers",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("text", nargs="?", metavar="TEXT", help="words of the quote to trace")
    add_db_argument(parser)
    parser.add_argument("--top", type=int, metavar="N", help="the N families in most outlets")
    parser.add_argument("--rebuild", action="store_true", help="recompute every family")
    parser.add_argument("--limit", "-n", type=int, default=20, help="families to show (default 20)")
    parser.add_argument(
        "--source", "-s", action="append", metavar="SOURCE",
        help="check every member against this transcript (.txt, .html or -); repeatable",
    )  # fmt: skip
    add_encoding_argument(parser)
    add_format(parser, ("table", "json"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quotetrace.errors import UsageError
    from quotetrace.store import family_reads
    from quotetrace.store.db import connect
    from quotetrace.store.family_reads import kinds, top

    modes = sum([args.text is not None, args.top is not None])
    if modes != 1 and not (args.rebuild and modes == 0):
        raise UsageError("give either TEXT or --top N (or --rebuild alone)")
    if args.limit < 1:
        raise UsageError("--limit must be 1 or more")
    sources = _sources(args.source or [], args.encoding)
    conn = connect(require_db(args))
    try:
        if args.rebuild:
            from quotetrace.store.families import rebuild

            n = rebuild(conn, progress=_progress if sys.stderr.isatty() else None)
            print(f"{n} famil{'y' if n == 1 else 'ies'} across the store", file=sys.stderr)
            if modes == 0:
                return 0
        if args.top is not None:
            families, q = top(conn, args.top), None
        else:
            families, q = family_reads.find(conn, args.text, limit=args.limit), args.text
        if sources:
            from quotetrace.trace.sources import add_sources

            add_sources(families, sources, kinds(conn, families))
    finally:
        conn.close()
    if args.format == "json":
        from quotetrace.cli.output import write_json

        write_json(family_reads.result(q, families, [s.name for s in sources]))
    else:
        write_families(families, q, sys.stdout)
    return 0


def _sources(paths: list[str], encoding: str | None) -> list:
    """The transcripts to check members against, read as ``quotetrace verify`` reads them."""
    if not paths:
        return []
    from quotetrace.cli.verify import read_sources  # one reader for both commands' --source

    return read_sources(paths, None, encoding)


def _progress(n: int, total: int) -> None:
    print(f"\rtracing {n}/{total} articles", end="" if n < total else "\n", file=sys.stderr)


def write_families(families: list[dict], q: str | None, out: TextIO) -> None:
    if not families:
        out.write("no family matches this quote\n" if q else "no families stored\n")
        return
    for fam in families:
        who = ", ".join(f"{s['name']} ({s['count']})" for s in fam["speakers"]) or "unknown"
        flag = "  MISATTRIBUTION: outlets name different speakers" if fam["misattribution"] else ""
        out.write(f"family {fam['id']}: {len(fam['members'])} quotation(s) in "
                  f"{len(fam['outlets'])} outlet(s); said by {who}{flag}\n")  # fmt: skip
        out.write(f"  “{_one_line(fam['text'])}”\n")
        for m in fam["members"]:
            date = (m["published"] or "undated")[:16]
            out.write(f"  {date:<16} {_one_line(m['outlet'] or '?'):<14} {m['relation']:<10} "
                      f"{_source_cell(m)}{_one_line(m['speaker'] or '-'):<20} {_diff_line(m)}\n")  # fmt: skip
            src = m.get("source") or {}
            if src.get("status") in ("edited", "altered", "stitched"):
                out.write(f"    against the source: {_source_diff(src)}\n")
            if src.get("speaker_consistent") is False:
                out.write(f"    the source gives these words to {_one_line(src['source_speaker'])}\n")
        out.write("\n")


def _source_cell(m: dict) -> str:
    """The member against the source (only with --source): "altered 0.81", "not_found"."""
    if "source" not in m:
        return ""
    src = m["source"]
    label = src["status"] if src["status"] == "not_found" else f"{src['status']} {src['score']:.2f}"
    return f"{label:<25} "


def _source_diff(src: dict) -> str:
    from quotetrace.verify.render import word_diff
    from quotetrace.verify.result import WordEdit

    return _one_line(word_diff([WordEdit(**op) for op in src["diff"]]))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _diff_line(m: dict) -> str:
    """The member's words, with what it changed against the first shown as [-old-]{+new+}."""
    if m["relation"] in ("verbatim", "paraphrase"):
        return _one_line(m["text"])
    parts = []
    for op in m["diff"]:
        if op["op"] == "equal":
            parts.append(op["text"])
        elif op["op"] == "jump":
            parts.append("//")
        else:
            if op["first"]:
                parts.append(f"[-{op['first']}-]")
            if op["text"]:
                parts.append(f"{{+{op['text']}+}}")
    return _one_line(" ".join(parts))
