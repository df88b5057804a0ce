"""``python -m county_receiver`` = ``county-receiver``."""

import sys

from .cli import main

sys.exit(main())
