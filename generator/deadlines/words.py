"""What a deadline reads as, in the page's language: "Every year by September 30", "Every three
months, by the 20th of the month after the quarter ends", "Every 5 years from the day you got it",
and, for `from: start`, how to count it without a calendar file."""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date, format_skeleton

from ..i18n import N_, Words
from ..model import Deadline

# Translators: the day of the month a deadline falls on, as in "by the 20th of the month after".
ORDINALS = (
    N_("1st"), N_("2nd"), N_("3rd"), N_("4th"), N_("5th"), N_("6th"), N_("7th"), N_("8th"), N_("9th"),
    N_("10th"), N_("11th"), N_("12th"), N_("13th"), N_("14th"), N_("15th"), N_("16th"), N_("17th"),
    N_("18th"), N_("19th"), N_("20th"), N_("21st"), N_("22nd"), N_("23rd"), N_("24th"), N_("25th"),
    N_("26th"), N_("27th"), N_("28th"),
)


def month_day(month: int, day: int, words: Words) -> str:
    """(9, 30) -> 'September 30', in the words' language."""
    return _month_day(month, day, words.language)


@functools.cache  # Babel matches the skeleton on every call: a tenth of a millisecond
def _month_day(month: int, day: int, language: str) -> str:
    return format_skeleton("MMMMd", dt.date(2001, month, day), locale=language)


def month_name(month: int, words: Words) -> str:
    """9 -> 'September'."""
    return format_date(dt.date(2001, month, 1), "LLLL", locale=words.language)


def rule_words(deadline: Deadline, words: Words) -> str:
    """When it is due, in words."""
    n = deadline.interval
    if deadline.from_start:
        if deadline.every == "year":
            return words.ngettext("Every year from the day you got it", "Every %(num)s years from the day you got it",
                                  n)
        if deadline.every == "quarter":
            return words.ngettext("Every three months from the day you got it",
                                  "Every %(num)s quarters from the day you got it", n)
        return words.ngettext("Every month from the day you got it", "Every %(num)s months from the day you got it",
                              n)
    if deadline.due is not None:
        return words.ngettext("Every year by %(date)s", "Every %(num)s years by %(date)s", n,
                              date=month_day(*deadline.due, words))
    assert deadline.due_day is not None
    day = words.gettext(ORDINALS[deadline.due_day - 1])
    if deadline.every == "quarter":
        return words.ngettext("Every three months, by the %(day)s of the month after the quarter ends",
                              "Every %(num)s quarters, by the %(day)s of the month after the period ends", n, day=day)
    return words.ngettext("Every month, by the %(day)s of the next month",
                          "Every %(num)s months, by the %(day)s of the month after the period ends", n, day=day)


def how_to_count(deadline: Deadline, words: Words) -> str:
    """For `from: start`: how to put it in a calendar by hand."""
    if deadline.every == "year":
        return words.ngettext(
            "It is due a year after the day you got it, and on that day every year after that.",
            "It is due %(num)s years after the day you got it, and every %(num)s years after that.",
            deadline.interval)
    return words.ngettext(
        "It is due a month after the day you got it, and on that day every month after that.",
        "It is due %(num)s months after the day you got it, and every %(num)s months after that.", deadline.months)


def reminder_words(deadline: Deadline, words: Words) -> str | None:
    """What the calendar file's reminder does; None without one."""
    if deadline.remind_days is None:
        return None
    if deadline.remind_days == 0:
        return words.gettext("The calendar file reminds you on the day.")
    return words.ngettext("The calendar file reminds you %(num)s day before.",
                          "The calendar file reminds you %(num)s days before.", deadline.remind_days)
