"""Loaded by pytest before Django is set up (`-p veier.pytest_env` in pytest.ini): the tests run with
development settings unless the environment says otherwise, as `dev.py test` does."""

import os

os.environ.setdefault("DEBUG", "1")
