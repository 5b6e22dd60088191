"""What reading a quote's fragments changes, on the real web articles (../shared/data/web-articles).

A quotation interrupted by its attribution ('"A," she said, "B."') is one quote in
several fragments; the narration between them is the writer's. This prints how many
quotes have several fragments, how many words of narration the whole extent would have
counted as the speakers', and how many of those quotes a search for "said OR says"
would have found only through their narration (the store indexes the fragments now:
a hit must have the word in a fragment).

    .venv/bin/python bench/fragments_web.py
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from quotetrace.cli.inputs import load
from quotetrace.paths import shared_data_dir
from quotetrace.pipeline import Analyser
from quotetrace.store import ArticleMeta, Store

SAID = re.compile(r"(?i)\b(said|says)\b")


def main() -> int:
    shared = shared_data_dir()
    paths = sorted((shared / "web-articles").glob("*.html")) if shared else []
    if not paths:
        print("no web articles under the shared data folder", file=sys.stderr)
        return 1
    analyser = Analyser()
    quotes = multi = narration = words = only_narration = 0
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "q.db", create=True) as store:
        for path in paths:
            article = analyser.analyse(load(str(path)))
            store.add(article, ArticleMeta(path.name))
            for q in article.quotes:
                if q.kind == "term":
                    continue
                quotes += 1
                words += q.content_words()
                if len(q.fragments) > 1:
                    multi += 1
                    narration += len(q.text.split()) - q.content_words()
                    only_narration += bool(SAID.search(q.text)) and not SAID.search(q.content_text())
        result = store.search("said OR says", limit=10_000)
        wrong = [h for h in result.hits if not any(SAID.search(f["text"]) for f in h.fragments)]
    print(f"articles {len(paths)}, quotes {quotes} (terms left out)")
    print(f"quotes with several fragments: {multi} ({multi / max(quotes, 1):.1%})")
    print(f"narration words the whole extent counted as speakers': {narration} of {words + narration} "
          f"({narration / max(words + narration, 1):.1%})")  # fmt: skip
    print(f"quotes 'said OR says' found only through their narration: before {only_narration}, "
          f"now {len(wrong)} (of {result.total} hits)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
