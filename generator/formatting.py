"""How numbers, money, days and dates read on the site, in the words of the page's language."""

from __future__ import annotations

import datetime as dt
import functools
import re
from urllib.parse import urlsplit

from babel.dates import format_date

from .i18n import Words

_SYMBOLS = {"USD": "$"}


def money(amount: float, currency: str = "USD") -> str:
    """125 -> '$125'; 1234.5 -> '$1,234.50'; other currencies by code: '10 EUR'."""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{text}" if symbol else f"{text} {currency}"


def money_range(low: float, high: float, words: Words, currency: str = "USD") -> str:
    if low == high:
        return money(low, currency)
    return words.gettext("%(low)s to %(high)s", low=money(low, currency), high=money(high, currency))


def days(count: int, words: Words) -> str:
    if count == 0:
        return words.gettext("right away")
    return words.ngettext("%(num)s day", "%(num)s days", count, num=format(count, ","))


def long_date(day: dt.date, words: Words) -> str:
    """2026-11-01 -> 'November 1, 2026' (in the words' language, by Babel)."""
    return _long_date(day, words.language)


@functools.lru_cache(maxsize=4096)  # pages share their review dates; Babel takes 10 us a date
def _long_date(day: dt.date, language: str) -> str:
    return format_date(day, "long", locale=language)


def tel_href(phone: str) -> str:
    """'1-800-829-4933' -> 'tel:+18008294933'; an extension is dialled after a pause (',')."""
    main, extension = _split_extension(phone)
    digits = re.sub(r"\D", "", main)
    if len(digits) == 10:
        digits = "+1" + digits
    elif len(digits) == 11 and digits.startswith("1"):
        digits = "+" + digits
    return f"tel:{digits}" + (f",{extension}" if extension else "")


def _split_extension(phone: str) -> tuple[str, str]:
    match = re.search(r" (?:ext\.?|x) ?(\d+)$", phone)
    return (phone[: match.start()], match.group(1)) if match else (phone, "")


def address_lines(address: str) -> list[str]:
    return [line.strip() for line in address.strip().splitlines() if line.strip()]


def url_host(url: str) -> str:
    """Where a link goes, as a citizen reads it: 'https://www.irs.gov/ein' -> 'irs.gov'."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def url_text(url: str) -> str:
    """A link's address to read or copy, without the scheme: 'https://file.dos.pa.gov/' -> 'file.dos.pa.gov'."""
    parts = urlsplit(url)
    text = (parts.netloc + parts.path).rstrip("/")
    return text + ("?" + parts.query if parts.query else "")
