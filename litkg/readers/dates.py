"""Dates as the inputs write them: ISO dates, bare years, ``Nov 18, 2022`` and ``18 Nov 2022``.

:func:`parse_date` turns one into an ISO date and a year; :data:`MONTHS` names the months the
way paper pages and BibTeX files spell them.
"""
from __future__ import annotations

import datetime as _dt
import re

__all__ = ["MONTHS", "parse_date"]

#: Month names and their abbreviations, lower-cased, each with its number (1-12).
MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_YEAR_MONTH = re.compile(r"(\d{4})(?:-(\d{1,2}))?")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})")


def parse_date(text: str) -> tuple[str | None, int | None]:
    """``(iso_date, year)`` from an ISO date, a year, or ``Nov 18, 2022``; Nones when unknown.

    >>> parse_date("2023-05-01T10:00:00Z"), parse_date("Nov 18, 2022"), parse_date("2021")
    (('2023-05-01', 2023), ('2022-11-18', 2022), (None, 2021))
    >>> parse_date("Sep 11"), parse_date("Feb 30, 2024")
    ((None, None), (None, 2024))
    """
    text = text.strip()
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = map(int, match.groups())
    elif match := _YEAR_MONTH.fullmatch(text):
        return None, int(match.group(1))
    elif (match := _MONTH_DAY_YEAR.fullmatch(text)) and match.group(1).lower() in MONTHS:
        month, day, year = MONTHS[match.group(1).lower()], int(match.group(2)), int(match.group(3))
    elif (match := _DAY_MONTH_YEAR.fullmatch(text)) and match.group(2).lower() in MONTHS:
        day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
    else:
        return None, None
    try:
        return _dt.date(year, month, day).isoformat(), year
    except ValueError:  # e.g. Feb 30: the year is still worth keeping
        return None, year
