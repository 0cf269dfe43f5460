"""Logs as one JSON object a line, each carrying the id of the request it belongs to.

The request id comes from the load balancer's X-Request-ID header when it sends a sane one, so that
its logs and ours can be joined; otherwise RequestIdMiddleware makes one. It lives in a context
variable, so a log line written anywhere while a request is handled carries it.
"""

import json
import logging
import re
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")

# Letters, digits and a few separators, at most 64: anything else could forge log lines.
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")

# Attributes every LogRecord has; anything else was passed in `extra=` and is logged as a field.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime", "request_id"}


def new_request_id(offered: str | None) -> str:
    if offered and _SANE_ID.match(offered):
        return offered
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", request_id_var.get()),
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
