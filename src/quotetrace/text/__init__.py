"""The shared text layer: word tokens, sentences, quotation marks, stems and word lists.

Every stage that reads raw text (extraction, framing, verification, evaluation)
takes these from here, so a tokenizer or a quotation-mark rule is written once.
Nothing in this package imports spaCy: it is plain regular expressions and data
files, cheap enough to run on every article and importable by the scorers.
"""
