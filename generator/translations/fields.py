"""Which text of each kind of file a translation may hold (the content model's "Translations")."""

from __future__ import annotations

from ..load import JsonPath, Kind

ANY = "*"
"""In a field pattern: every item of a list, matched by position."""

TEXT_FIELDS: dict[Kind, tuple[JsonPath, ...]] = {
    "agency": (("name",), ("short_name",), ("description",), ("contact", "hours")),
    "service": (("title",), ("summary",), ("description",), ("keywords",), ("eligibility", ANY), ("documents", ANY),
                ("fees", ANY, "description"), ("processing_time", "text"), ("channels", ANY, "note"),
                ("channels", ANY, "hours"), ("deadlines", ANY, "title"), ("deadlines", ANY, "note")),
    "journey": (("title",), ("summary",), ("description",), ("steps", ANY, "title"), ("steps", ANY, "description"),
                ("steps", ANY, "when")),
    "question": (("text",), ("hint",), ("options", ANY, "label")),
}
"""Each kind's translatable text. `keywords` is the translation's own list, any length; other lists
keep the source's length and order (a list of mappings is matched by position, `{}` keeps an item's
source text)."""

OWN_LISTS: frozenset[str] = frozenset({"keywords"})
"""Lists a translation replaces whole, at any length."""

PROPER_NAMES: dict[Kind, frozenset[JsonPath]] = {"agency": frozenset({("name",), ("short_name",)})}
"""Text a translation may keep as it is: an agency's official name. Left out, it shows in the
source language (inside its `lang`) without the page saying that the page is not translated."""
