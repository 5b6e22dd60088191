"""A self-contained HTML report: every quote, its verdict, and a word diff against the source.

Rendered by the web pages' Jinja2 environment (autoescaped) with the one
stylesheet inline: no scripts, no external resources.
"""

from __future__ import annotations

from markupsafe import Markup

from quotetrace.verify.render import STATUS_NOTES, jump_text, summary
from quotetrace.verify.result import Verification


def render_html(results: list[Verification], article: str, sources: list[str]) -> str:
    from quotetrace.web.render import environment, stylesheet

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
            css=Markup(stylesheet().replace("</", "<\\/")),
        )
        + "\n"
    )
