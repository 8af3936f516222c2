"""`python -m generator`: the onestop command."""

import sys

from .cli import main

sys.exit(main())
