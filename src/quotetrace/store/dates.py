"""Publication dates: normalise what articles carry, parse what users type."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

from quotetrace.errors import UsageError

_YEAR_MONTH = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")
# Dates as they appear in page metadata and feeds besides ISO 8601 and RFC 2822.
_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d.%m.%Y")


def normalise_published(value: object) -> str | None:
    """An ISO 8601 string (date, or date-time when a time is known), or None if unparseable.

    ISO strings sort chronologically, so filters compare them as text.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    try:
        return _iso(datetime.fromisoformat(text))
    except ValueError:
        pass
    match = _YEAR_MONTH.match(text)
    if match:
        year, month = int(match[1]), int(match[2] or 1)
        if 1 <= month <= 12:
            return date(year, month, 1).isoformat()
    try:
        return _iso(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _iso(moment: datetime) -> str:
    if moment.time() == datetime.min.time() and moment.tzinfo is None:
        return moment.date().isoformat()
    return moment.isoformat()


def parse_since(value: str, option: str = "--since") -> str:
    """The first day a user's date covers: '2024' -> 2024-01-01, '2024-03' -> 2024-03-01."""
    return _parse_user_date(value, option).isoformat()


def parse_until(value: str, option: str = "--until") -> str:
    """The day after the last day the user's date covers (an exclusive bound)."""
    text = value.strip()
    day = _parse_user_date(text, option)
    match = _YEAR_MONTH.match(text)
    if match and match[2] is None:
        return date(day.year + 1, 1, 1).isoformat()
    if match:
        nxt = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return nxt.isoformat()
    return (day + timedelta(days=1)).isoformat()


def _parse_user_date(value: str, option: str) -> date:
    text = (value or "").strip()
    match = _YEAR_MONTH.match(text)
    try:
        if match:
            return date(int(match[1]), int(match[2] or 1), 1)
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD") from None
