"""What ``quotetrace batch`` reads: the shared reader registry of ``quotetrace.ingest.readers``.

Batch, ``ingest`` and ``extract`` read inputs through one layer, so every
command accepts the same formats (.txt/.html, folders, .jsonl[.gz|.zst],
WARC, Parquet, standard input) and reports a bad record the same way.
"""

from __future__ import annotations

from quotetrace.ingest.items import RawItem, ReadOptions
from quotetrace.ingest.readers import check_inputs, iter_items, reader_for

__all__ = ["RawItem", "ReadOptions", "check_inputs", "iter_items", "reader_for"]
