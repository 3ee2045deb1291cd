"""Say why a date is not one: a day that does not exist in its month is not a problem of the format."""

from __future__ import annotations

import calendar
import re
from typing import Any

_DATE_LIKE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def impossible_date(value: Any) -> str | None:
    """For a value written year-month-day whose month or day does not exist, why; otherwise None."""
    match = _DATE_LIKE.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return f"'{value}' is not a date: there is no month {month} (months are 01 to 12)"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"'{value}' is not a date: {calendar.month_name[month]} {year} has {days} days"
    return None
