"""A self-contained HTML report: every quote, its verdict, and a word diff against the source.

Rendered by the web pages' Jinja2 environment (autoescaped) with the one
stylesheet inline: no scripts, no external resources. It lives with the web
pages (the HTML layer), above the verify stage it presents.
"""

from __future__ import annotations

from quotetrace.verify.render import STATUS_NOTES, jump_text, summary
from quotetrace.verify.result import Verification
from quotetrace.web.render import environment, inline_stylesheet


def render_html(results: list[Verification], article: str, sources: list[str]) -> str:
    return (
        environment()
        .get_template("verify_report.html")
        .render(
            title=f"Quote check: {article}",
            results=results,
            sources=sources,
            counts=summary(results),
            notes=STATUS_NOTES,
            jump_text=jump_text,
            css=inline_stylesheet(),
        )
        + "\n"
    )
