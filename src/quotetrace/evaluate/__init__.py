"""Score quotetrace (and baselines) against gold attribution annotations.

- ``brat``: read brat standoff ``.ann`` files.
- ``metrics``: tokens, span normalisation, one-to-one matching, P/R/F1.
- ``polnear``: load a PolNeAR split, score systems article by article.
- ``systems``: quotetrace and the textacy baseline as scorable systems.
- ``analysis``: categories of misses and false alarms, with examples.
- ``report``: text and markdown tables.

``evaluate_split(dir)`` is the one-call entry point; docs/evaluation.md
defines every number it reports.
"""

from quotetrace.evaluate.systems import evaluate_split

__all__ = ["evaluate_split"]
