"""Offline ways in (validate/offline.py, generator/offline.py): an office or a phone line says when it
is open; a service with no offline channel sends citizens to an agency with a phone, an address and
hours."""

from __future__ import annotations

from conftest import AGENCY, SERVICE
from generator.offline import channel_hours, channels_without_hours, fallback_gaps, offline_gaps

SVC = "agencies/acme/services/get-license.yml"
AGY = "agencies/acme/agency.yml"
PHONE_ONLY = AGENCY.split("contact:")[0] + "contact:\n  phone: 555-010-1000\n"


def with_channels(channels: str) -> str:
    return SERVICE.replace("  - type: online\n    url: https://acme.example.gov/apply\n", channels)


def test_a_phone_channel_without_hours(check_files):
    service = with_channels("  - type: phone\n    phone: 555-010-2000\n")
    assert check_files({SVC: service}) == [
        f"{SVC}:5:5: warning: channels[0]: a phone channel without hours: a citizen without internet cannot tell "
        "when to call (hint: add hours: when the line is answered, e.g. 'Monday to Friday, 8 a.m. to 5 p.m.' (or "
        f"add them to contact in {AGY}, if this is the agency's own number))",
    ]


def test_an_office_without_hours(check_files):
    service = with_channels("  - type: online\n    url: https://acme.example.gov/apply\n"
                            "  - type: in_person\n    address: 9 Side Street\n    note: You need an appointment.\n")
    assert check_files({SVC: service}) == [
        f"{SVC}:7:5: warning: channels[1]: an in_person channel without hours: a citizen without internet cannot "
        "tell when to go (hint: add hours: when the office is open, e.g. 'Monday to Friday, 8 a.m. to 5 p.m.', "
        "and in note how to book an appointment if it needs one)",
    ]


def test_the_agency_s_own_line_and_office_have_the_agency_s_hours(check_files):
    """The same number (written any way) or the same address as the agency's contact: its hours count."""
    service = with_channels("  - type: phone\n    phone: (555) 010-1000\n"
                            "  - type: in_person\n    address: |\n      1 Main Street\n      Acme City, ST  10000\n"
                            "  - type: mail\n    address: PO Box 1\n")
    assert check_files({SVC: service}) == []
    # ... but not when the agency gives no hours either.
    assert [p.split(": warning: ")[1].split(":")[0] for p in check_files({SVC: service, AGY: PHONE_ONLY})] == [
        "channels[0]", "channels[1]"]


def test_an_online_only_service_whose_agency_has_no_address_or_hours(check_files):
    assert check_files({AGY: PHONE_ONLY}) == [
        f"{SVC}:4:1: warning: channels: no in_person, phone or mail channel, and the agency's contact has no "
        "address or hours: citizens without internet are sent to that contact (hint: add a phone, in_person or "
        f"mail channel here, or add address and hours to contact in {AGY})",
    ]


def test_an_online_only_service_whose_agency_has_only_an_email(check_files):
    email_only = AGENCY.split("contact:")[0] + "contact:\n  email: help@acme.example.gov\n"
    problems = check_files({AGY: email_only})
    assert len(problems) == 1 and "has no phone, address or hours:" in problems[0]
    assert "add phone, address and hours to contact" in problems[0]


def test_a_mail_channel_is_an_offline_way_and_needs_no_hours(check_files):
    service = with_channels("  - type: online\n    url: https://acme.example.gov/apply\n"
                            "  - type: mail\n    address: PO Box 1\n")
    assert check_files({SVC: service, AGY: PHONE_ONLY}) == []


def test_the_shared_functions_agree_for_the_report():
    contact = {"phone": "1-555-010-1000", "address": "1 Main St\nTown", "hours": "9 to 5"}
    own_line = {"type": "phone", "phone": "555 010 1000"}
    other_line = {"type": "phone", "phone": "555-010-9999"}
    assert channel_hours(own_line, contact) == "9 to 5" and channel_hours(other_line, contact) is None
    assert channel_hours({**other_line, "hours": "Mornings"}, contact) == "Mornings"
    assert channels_without_hours([own_line, other_line, {"type": "email", "email": "a@b"}], contact) == [1]
    assert fallback_gaps([{"type": "online"}], {"phone": "1"}) == ["address", "hours"]
    assert fallback_gaps([{"type": "mail", "address": "x"}], {}) == []
    assert offline_gaps([{"type": "online"}, other_line], {}) == ["phone channel without hours"]
    assert offline_gaps([{"type": "online"}], {"email": "a@b"}) == [
        "no offline channel, and the agency's contact has no phone, address or hours"]
