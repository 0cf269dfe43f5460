from datetime import date

import pytest


@pytest.fixture
def today() -> date:
    from django.utils import timezone

    return timezone.localdate()
