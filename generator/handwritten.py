"""The hand-written pages and files of the site (content/, MkDocs' docs_dir), which the site engine
publishes as they are: every file through the guarded reader (reading.py: no link out of the
repository, no linked folder, no FIFO, size limits), every Markdown page by the agencies' Markdown
rules (validate/text.py `check_page_text`: no raw HTML, script or styles, links to https, mailto,
tel or the site's own paths, images of the site only, attribute lists of ids and classes), and its
front matter as plain text. `onestop check` reports them, and every build refuses them."""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem
from .reading import Refused, link_problem, read_text, relative_name, walk_files
from .validate.checker import Checker
from .validate.text import check_page_text, check_plain_text
from .yamlfile import Positions

MAX_PAGE_BYTES = 1_000_000
"""A hand-written page is a few kilobytes."""
PAGE_SUFFIXES = (".md", ".markdown")
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def check_page(root: Path, path: Path) -> list[Problem]:
    """One Markdown page's problems, located in the page."""
    try:
        text = read_text(root, path, MAX_PAGE_BYTES).replace("\r\n", "\n")  # as MkDocs reads it
    except Refused as exc:
        return [exc.problem]
    problems: list[Problem] = []
    name = relative_name(root, path)
    front = _FRONT_MATTER.match(text)
    body_line = 1
    if front:  # the theme prints a page's title and description into <title> and <meta>
        check_plain_text(Checker(name, Positions(values={(): (1, 1)}, text=text), problems), (), front.group(1))
        body_line = text.count("\n", 0, front.end()) + 1
    check_page_text(Checker(name, Positions(values={(): (body_line, 1)}, text=text), problems),
                    text[front.end():] if front else text)
    return problems


def check_pages(root: Path, folder: Path) -> list[Problem]:
    """Every problem of the hand-written pages and files under `folder` (none when there is no folder)."""
    if folder.is_symlink() and (problem := link_problem(root, folder)):
        return [problem]
    if not folder.is_dir():
        return []
    walked = walk_files(root, folder)
    problems = list(walked.problems)
    for path in walked.files:
        if path.suffix.lower() in PAGE_SUFFIXES:
            problems += check_page(root, path)
    return problems
