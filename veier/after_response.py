"""Work that runs after the response has been sent, so that its cost does not show in the response time.

Sign-up, password reset and a new confirmation link must answer equally fast whether or not the
address has an account; sending (or queueing) an e-mail only for known addresses would tell an
attacker who is registered. `after_response(function)` queues the function until Django's
`request_finished` signal, which a WSGI server sends when it closes the response, after the body has
been written to the client. Outside a request (management commands, tests calling services) the
function runs at once.
"""

import logging
import threading
from collections.abc import Callable

from django.core.signals import request_finished, request_started

logger = logging.getLogger(__name__)
_local = threading.local()


def after_response(function: Callable[[], object]) -> None:
    pending = getattr(_local, "pending", None)
    if pending is None:
        function()
    else:
        pending.append(function)


def _start(**kwargs) -> None:
    _local.pending = []


def _finish(**kwargs) -> None:
    pending, _local.pending = getattr(_local, "pending", None) or [], None
    for function in pending:
        try:
            function()
        except Exception:  # the response is gone; log it like any server error
            logger.exception("Work after the response failed")


request_started.connect(_start, dispatch_uid="veier.after_response.start")
request_finished.connect(_finish, dispatch_uid="veier.after_response.finish")
