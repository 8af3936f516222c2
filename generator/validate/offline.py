"""The offline ways in (a warning each): an in-person or phone channel that does not say when it is
open, and a service whose only way in without internet is its agency's contact, when that contact
lacks a phone, an address or hours. What counts is in generator/offline.py, which the report and
the pages share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..offline import channels_without_hours, fallback_gaps, listed

if TYPE_CHECKING:
    from . import Content

_HOURS = {
    "phone": ("a phone channel without hours: a citizen without internet cannot tell when to call",
              "add hours: when the line is answered, e.g. 'Monday to Friday, 8 a.m. to 5 p.m.' (or add them to "
              "contact in {agency}, if this is the agency's own number)"),
    "in_person": ("an in_person channel without hours: a citizen without internet cannot tell when to go",
                  "add hours: when the office is open, e.g. 'Monday to Friday, 8 a.m. to 5 p.m.', and in note how "
                  "to book an appointment if it needs one"),
}


def offline_ways(content: Content) -> None:
    agencies = {f.id: f for f in content.valid_of("agency")}
    for source in content.valid_of("service"):
        agency = agencies.get(source.agency_id or "")
        if agency is None:
            continue
        check, channels, contact = content.checkers[source.path], source.data["channels"], agency.data["contact"]
        for i in channels_without_hours(channels, contact):
            message, hint = _HOURS[channels[i]["type"]]
            check.warn(("channels", i), message, hint.format(agency=agency.path), key=True)
        gaps = fallback_gaps(channels, contact)
        if gaps:
            check.warn(("channels",), f"no in_person, phone or mail channel, and the agency's contact has no "
                       f"{listed(gaps)}: citizens without internet are sent to that contact",
                       f"add a phone, in_person or mail channel here, or add {listed(gaps, 'and')} to contact in "
                       f"{agency.path}", key=True)
