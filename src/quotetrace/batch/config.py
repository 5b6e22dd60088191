"""The settings of one batch run, and the digest that says whether an old output still fits them."""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import quotetrace
from quotetrace.batch.host import default_workers
from quotetrace.batch.sources import ReadOptions
from quotetrace.batch.work import DEFAULT_TIME_LIMIT, WorkSettings
from quotetrace.nlp import DEFAULT_MODEL

PACKAGE = Path(quotetrace.__file__).parent
# Everything whose change may change an article's output. A resumed run compares
# the digest of these with the one each completed partition was made by.
CODE_PATHS = (
    "extract", "frame", "data", "ingest", "nlp.py", "records.py",
    "batch/work.py", "batch/output.py",
)  # fmt: skip


@dataclass(slots=True)
class BatchConfig:
    inputs: list[str]
    out: Path
    workers: int = field(default_factory=default_workers)
    scheduler: str | None = None  # None: local pool; "local": Dask LocalCluster; else an address
    fmt: str = "parquet"
    partition_size: int = 200
    model: str | None = None
    frame: bool = True
    max_words: int = 20_000
    text_field: str = "text"
    id_field: str = "id"
    encoding: str | None = None
    time_limit: float = DEFAULT_TIME_LIMIT
    overwrite: bool = False
    redo_stale: bool = False  # redo completed partitions made by other analysis code
    progress: bool = True

    def work_settings(self) -> WorkSettings:
        return WorkSettings(
            model=self.model, frame=self.frame, max_words=self.max_words, fmt=self.fmt,
            encoding=self.encoding, time_limit=self.time_limit,
        )  # fmt: skip

    def read_options(self) -> ReadOptions:
        return ReadOptions(text_field=self.text_field, id_field=self.id_field, encoding=self.encoding)

    def identity(self) -> dict:
        """What must be equal for a re-run to resume an existing output."""
        return {
            "inputs": [str(Path(i).resolve()) for i in self.inputs],
            "format": self.fmt,
            "partition_size": self.partition_size,
            "model": self.model or DEFAULT_MODEL,
            "frame": self.frame,
            "max_words": self.max_words,
            "text_field": self.text_field,
            "id_field": self.id_field,
        }

    def salt(self) -> str:
        """Mixed into every partition fingerprint (the code digest is kept apart, per partition)."""
        identity = self.identity()
        keep = {k: v for k, v in identity.items() if k != "inputs"}
        return json.dumps([keep, asdict(self.work_settings())], sort_keys=True)


def _version(dist: str) -> str:
    for name in (dist, dist.replace("_", "-")):
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "unknown"


def code_digest(model: str | None = None) -> str:
    h = hashlib.blake2b(digest_size=12)
    model = model or DEFAULT_MODEL
    h.update(f"{quotetrace.__version__} spacy={_version('spacy')} {model}={_version(model)}".encode())
    for rel in CODE_PATHS:
        path = PACKAGE / rel
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.is_file() and "__pycache__" not in f.parts:
                h.update(f.relative_to(PACKAGE).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()


def frame_available() -> bool:
    return importlib.util.find_spec("quotetrace.frame") is not None
