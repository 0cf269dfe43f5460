from datetime import date

import pytest


@pytest.fixture
def today() -> date:
    from django.utils import timezone

    return timezone.localdate()


@pytest.fixture(autouse=True)
def _bokmal():
    """Each test starts in bokmål: a request with another language cookie leaves that language
    active in the thread (the middleware activates it and nothing deactivates it)."""
    from django.utils import translation

    with translation.override("nb"):
        yield
