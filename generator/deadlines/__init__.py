"""Deadlines: what a service asks of the citizen again later, in words, on the site's calendar and
in the citizen's own calendar app.

- `dates.py`: when a deadline falls (its first date, its RRULE, where it falls in a year);
- `words.py`: what it reads as ("Every year by September 30");
- `events.py`: each deadline as a calendar event (stable UIDs);
- `ics.py`: RFC 5545 files, by the `icalendar` package;
- `feeds.py`: the files the site publishes (site-wide, per agency, per service, per journey).

The browser's builder for `from: start` deadlines is content/assets/calendar.js.
"""

from .events import DeadlineOf, Events, deadlines_of
from .feeds import calendar_files, fixed_deadlines, journey_services

__all__ = ["DeadlineOf", "Events", "calendar_files", "deadlines_of", "fixed_deadlines", "journey_services"]
