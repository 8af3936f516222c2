"""What a citizen without internet needs from a service's ways in: when an office is open or a line
is answered, and, for a service with no offline channel, an agency that can be phoned and written to.

A phone or in-person channel that is the agency's own line or office (the same number, the same
address) is open when the agency says it is: its hours are written once, in agency.yml. The check
(validate/offline.py), the report (tools/report.py) and the page (views/builder.py) all read hours
through `channel_hours`, so that they agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .model import OFFLINE_CHANNELS

NEEDS_HOURS = ("in_person", "phone")
"""Channels a citizen must know the opening hours of: an office to go to, a line to call."""
FALLBACK_NEEDS = ("phone", "address", "hours")
"""What an agency's contact needs when it is a service's only way in without internet."""


def _digits(phone: Any) -> str:
    return re.sub(r"\D", "", phone).removeprefix("1") if isinstance(phone, str) else ""


def _lines(address: Any) -> list[str]:
    return [" ".join(line.split()).lower() for line in address.splitlines() if line.strip()] \
        if isinstance(address, str) else []


def channel_hours(channel: Mapping[str, Any], contact: Mapping[str, Any]) -> Any:
    """A channel's hours: its own, or its agency's when it is the agency's own phone line or office."""
    if channel.get("hours"):
        return channel["hours"]
    kind = channel.get("type")
    phone, address = _digits(channel.get("phone")), _lines(channel.get("address"))
    if kind == "phone" and phone and phone == _digits(contact.get("phone")):
        return contact.get("hours")
    if kind == "in_person" and address and address == _lines(contact.get("address")):
        return contact.get("hours")
    return None


def channels_without_hours(channels: Iterable[Mapping[str, Any]], contact: Mapping[str, Any]) -> list[int]:
    """The positions of the in-person and phone channels that do not say when they are open."""
    return [i for i, c in enumerate(channels) if c.get("type") in NEEDS_HOURS and not channel_hours(c, contact)]


def fallback_gaps(channels: Iterable[Mapping[str, Any]], contact: Mapping[str, Any]) -> list[str]:
    """For a service with no offline channel, what its agency's contact lacks of a phone, an address
    and hours (the page sends citizens without internet there); [] otherwise."""
    if any(c.get("type") in OFFLINE_CHANNELS for c in channels):
        return []
    return [key for key in FALLBACK_NEEDS if not contact.get(key)]


def listed(keys: list[str], last: str = "or") -> str:
    """['phone', 'address', 'hours'] -> 'phone, address or hours'."""
    return keys[0] if len(keys) == 1 else ", ".join(keys[:-1]) + f" {last} " + keys[-1]


def offline_gaps(channels: Iterable[Mapping[str, Any]], contact: Mapping[str, Any]) -> list[str]:
    """Every gap of a service's ways in without internet, in words (for the report)."""
    channels = list(channels)
    gaps = [f"{channels[i]['type'].replace('_', '-')} channel without hours" for i in channels_without_hours(
        channels, contact)]
    missing = fallback_gaps(channels, contact)
    if missing:
        gaps.append("no offline channel, and the agency's contact has no " + listed(missing))
    return gaps
