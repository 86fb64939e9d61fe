"""Due dates as notes write them ("by Fri", "28 Feb", "end of March", "Q3", "3/4"), resolved to a
calendar date against the meeting's date. Anything that is not a date ("ASAP", "next time",
"before the March board") stays as written: the caller keeps the words, and gets None here.

Quarters are NHS financial-year quarters (the year starts in April): Q1 ends 30 June, Q2
30 September, Q3 31 December and Q4 31 March. A due date is never before the meeting, so a
date that has passed this year means next year's.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from debrief.months import MONTH, month_number

_WEEKDAYS = {d: i for i, d in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}
_QUARTER_ENDS = {1: (6, 30), 2: (9, 30), 3: (12, 31), 4: (3, 31)}
_END_OF = r"(?:the\s+)?end\s+of\s+(?:the\s+)?"


def resolve_due(due: str | None, meeting_date: str) -> str | None:
    """A due date as written, as an ISO date when it names one; None when it does not."""
    if not due:
        return None
    try:
        base = date.fromisoformat(meeting_date)
    except ValueError:
        return None
    text = re.sub(r"^(?:before|by)\s+", "", due.lower().strip()).rstrip(".")
    for rule in _RULES:
        try:
            found = rule(text, base)
        except ValueError:  # "31 Feb", "30/2": not a date
            return None
        if found is not None:
            return found.isoformat()
    return None


def _day_month(text: str, base: date) -> date | None:
    """ "28 Feb", "mon 3 March", "3rd Sept 2025"."""
    found = re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})\b\.?(?:\s+(\d{{4}}))?", text)
    if not found:
        return None
    day, month, year = int(found.group(1)), month_number(found.group(2)) or 0, found.group(3)
    if year:
        return date(int(year), month, day)
    return _not_before(base, lambda y: date(y, month, day))


def _numeric(text: str, base: date) -> date | None:
    """ "3/4" (3 April: day first, as written in the UK), "03/04/2025", "3/4/25"."""
    found = re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?", text)
    if not found:
        return None
    day, month, year = int(found.group(1)), int(found.group(2)), found.group(3)
    if year:
        return date(int(year) + (2000 if len(year) == 2 else 0), month, day)
    return _not_before(base, lambda y: date(y, month, day))


def _month_end(text: str, base: date) -> date | None:
    """ "end of March", "March", "the end of sept"."""
    found = re.fullmatch(rf"(?:{_END_OF})?({MONTH})", text)
    if not found:
        return None
    month = month_number(found.group(1)) or 0
    return _not_before(base, lambda y: date(y, month, calendar.monthrange(y, month)[1]))


def _quarter_end(text: str, base: date) -> date | None:
    """ "Q3", "end of Q1", "end of the quarter" (financial-year quarters)."""
    found = re.fullmatch(rf"(?:{_END_OF})?q([1-4])", text)
    if found:
        month, day = _QUARTER_ENDS[int(found.group(1))]
        return _not_before(base, lambda y: date(y, month, day))
    if re.fullmatch(rf"{_END_OF}quarter", text):
        return min(_not_before(base, lambda y, m=m, d=d: date(y, m, d)) for m, d in _QUARTER_ENDS.values())
    return None


def _relative(text: str, base: date) -> date | None:
    """ "today", "tomorrow", "fri", "this week", "next week", "end of the week", "end of the
    month", "within 48 hours"."""
    friday = base + timedelta(days=(4 - base.weekday()) % 7)
    fixed = {
        "today": base,
        "tomorrow": base + timedelta(days=1),
        "this week": friday,
        "end of the week": friday,
        "end of week": friday,
        "next week": friday + timedelta(days=7),
        "end of the month": date(base.year, base.month, calendar.monthrange(base.year, base.month)[1]),
        "end of month": date(base.year, base.month, calendar.monthrange(base.year, base.month)[1]),
    }
    if text in fixed:
        return fixed[text]
    weekday = re.fullmatch(r"([a-z]{3})[a-z]*", text)
    if weekday and weekday.group(1) in _WEEKDAYS:
        ahead = (_WEEKDAYS[weekday.group(1)] - base.weekday()) % 7 or 7
        return base + timedelta(days=ahead)
    within = re.match(r"within\s+(\d+)\s+(hour|day|week)s?", text)
    if within:
        n, unit = int(within.group(1)), within.group(2)
        days = {"hour": n / 24, "day": n, "week": 7 * n}[unit]
        return base + timedelta(days=max(1, round(days)))
    return None


def _not_before(base: date, on_year) -> date:
    """The date in the meeting's year, or in the next year if that one has passed."""
    found = on_year(base.year)
    return found if found >= base else on_year(base.year + 1)


_RULES = (_day_month, _numeric, _month_end, _quarter_end, _relative)
