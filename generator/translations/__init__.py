"""Translations: `<name>.<lang>.yml` beside the file it translates, holding only its text.

`fields.py` says which text of each kind of file a translation may hold; `overlay.py` puts a
translation's text into a copy of the entity, and marks the text it leaves out as still in the
source language (`Foreign`), so that the page can say so.
"""
