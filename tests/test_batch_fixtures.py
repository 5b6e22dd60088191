"""Small synthetic corpora for the batch tests.

(No tests here: importable helpers, named to sit with the batch tests.)
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

NAMES = [
    ("Maria Lopez", "the mayor"), ("Daniel Mensah", "the opposition leader"),
    ("Adaeze Okafor", "the water minister"), ("Tom Becker", "the union chief"),
    ("Priya Raman", "the health secretary"), ("Lena Sorensen", "the police commissioner"),
]  # fmt: skip
TOPICS = ["the budget", "the new bridge", "rent controls", "the river deal", "school funding"]
LINES = [
    '"We will not accept {topic} as it stands," {name} said on {day}.',
    '{surname} added that {topic} "puts families first" and would pass by spring.',
    "According to {role}, the vote on {topic} was delayed again.",
    '"Nobody asked the people who live here," {surname} told reporters.',
    "Critics claimed the council had ignored warnings about {topic}.",
    "{role_cap} denied reports that {topic} had been rewritten in secret.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article_text(i: int) -> str:
    """A short, deterministic news article with several kinds of quotes."""
    rng = random.Random(i)
    name, role = NAMES[rng.randrange(len(NAMES))]
    topic = TOPICS[rng.randrange(len(TOPICS))]
    fill = {
        "name": name, "surname": name.split()[-1], "role": role,
        "role_cap": role[0].upper() + role[1:], "topic": topic, "day": rng.choice(DAYS),
    }  # fmt: skip
    lines = rng.sample(LINES, k=4)
    body = "\n\n".join(line.format(**fill) for line in lines)
    return f"Council fight over {topic} number {i}\n\n{body}\n"


def write_jsonl(path: Path, records: list[dict | bytes]) -> Path:
    """Records are JSON objects, or raw bytes written as one line (to make broken lines)."""
    out = io.BytesIO()
    for r in records:
        raw = r if isinstance(r, bytes) else json.dumps(r).encode()
        out.write(raw + b"\n")
    data = out.getvalue()
    if path.name.endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    path.write_bytes(data)
    return path


def corpus_records(n: int, start: int = 0) -> list[dict]:
    return [{"id": f"a{i:03d}", "text": article_text(i), "url": f"https://n.example/{i}"}
            for i in range(start, start + n)]  # fmt: skip


def batch_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "quotetrace", "batch", *args]


def run_cli(*args: str, env: dict | None = None, timeout: float = 300) -> dict:
    """Run ``quotetrace batch ... --summary json`` in a fresh interpreter; the parsed summary."""
    proc = subprocess.run(
        batch_command(*args, "--summary", "json", "--no-progress"),
        capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def journal_count(out: Path) -> int:
    path = out / "manifest.journal.jsonl"
    if not path.exists():
        return 0
    return sum(1 for line in path.read_bytes().splitlines() if line.endswith(b"}"))


def wait_for(predicate, timeout: float, interval: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False
