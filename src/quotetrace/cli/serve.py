"""``quotetrace serve``: the web page (analyse, search, read) and its JSON API."""

from __future__ import annotations

import argparse
import socket
import sys

from quotetrace.cli.options import add_db_argument, add_no_frame

DESCRIPTION = """\
Start a local web server with three pages and a JSON API:

  /            Analyse: paste text or HTML (or upload a file) and see every
               quote highlighted in its speaker's colour, cues marked by
               frame class, speakers with airtime bars, the headline check,
               and a JSON download. Works without a database.
  /search      Search the store (with --db), each hit linking to its article.
  /speakers    Who is quoted most, by outlet and date.
  /api/...     JSON: /api/extract, /api/search, /api/speakers, /api/articles/ID;
               documented at /docs (OpenAPI schema at /openapi.json).

examples:
  quotetrace serve                                   # analyse only
  quotetrace serve --db quotes.db                    # then open http://127.0.0.1:8000
  quotetrace serve --db quotes.db --port 9000

The server binds to 127.0.0.1 by default: only this machine can reach it.
Use --host 0.0.0.0 to share it on your network (there is no login).
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="web page and JSON API for analysing and searching quotes",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_db_argument(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    add_no_frame(parser)
    parser.add_argument(
        "--extract-workers", type=int, default=1, metavar="N",
        help="processes that analyse posted articles, so searches never wait on spaCy "
        "(default 1; each holds 150-350 MB; 0 analyses in the server process, without a time limit)",
    )  # fmt: skip
    parser.add_argument(
        "--time-limit", type=float, default=60.0, metavar="SECONDS",
        help="a posted article still being analysed after this long gets a 422 and its "
        "worker is replaced (default 60)",
    )  # fmt: skip
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from quotetrace.errors import UsageError
    from quotetrace.web import create_app

    if not 0 < args.port < 65536:
        raise UsageError("--port must be between 1 and 65535")
    if args.extract_workers < 0 or args.time_limit <= 0:
        raise UsageError("--extract-workers must be 0 or more and --time-limit more than 0")
    app = create_app(  # checks the database before binding
        args.db, frame=not args.no_frame, extract_workers=args.extract_workers, time_limit=args.time_limit
    )
    check_port(args.host, args.port)
    where = f"http://{'127.0.0.1' if args.host in ('0.0.0.0', '::') else args.host}:{args.port}"
    print(f"quotetrace serve: {where}  (database: {args.db or 'none'}; Ctrl-C stops)",
          file=sys.stderr)  # fmt: skip
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print("quotetrace serve: warning: reachable from other machines, with no login",
              file=sys.stderr)  # fmt: skip
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def check_port(host: str, port: int) -> None:
    """Fail with one line (not uvicorn's log and traceback) when the port is taken."""
    from quotetrace.errors import UsageError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise UsageError(f"--host {host}: {exc.strerror or exc}") from exc
    family, _type, _proto, _name, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
