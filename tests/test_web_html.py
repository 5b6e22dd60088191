"""Helpers to inspect rendered HTML: well-formedness, text content, anything executable.

(No tests here: shared by the web test modules.)
"""

from __future__ import annotations

from html.parser import HTMLParser

BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
VOID = {"meta", "link", "input", "br", "img", "hr", "source", "wbr", "col", "area", "base"}


class Inspector(HTMLParser):
    """Collects every element, attribute and text node; checks tags nest properly."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def inspect(html: str) -> Inspector:
    parser = Inspector()
    parser.feed(html)
    parser.close()
    return parser


def executable_parts(html: str) -> list[str]:
    """Everything in ``html`` a browser could run: script elements, on* handlers,
    javascript: URLs, inline frames/objects. Must be empty for our pages."""
    found = []
    for tag, attrs in inspect(html).elements:
        if tag in ("script", "iframe", "object", "embed", "base"):
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"{tag}[{name}]")
            url = (value or "").strip().lower()
            if name in ("href", "src", "action", "formaction") and url.startswith(BAD_SCHEMES):
                found.append(f"{tag}[{name}={url[:30]}]")
    return found
