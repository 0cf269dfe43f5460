"""Production settings plus one URL: the bare view the page benchmark compares every page with."""

from veier.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
