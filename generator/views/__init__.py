"""View data: what each template shows, computed from the site graph (views/builder.py), as typed
page views (views/pages.py) made of typed pieces (views/parts.py)."""

from .builder import ViewBuilder
from .pages import PageView

__all__ = ["PageView", "ViewBuilder"]
