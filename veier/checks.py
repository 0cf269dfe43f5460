"""Deploy checks for settings that Django does not know about."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def operator_contact(app_configs, **kwargs):
    """A public service must say who runs it and how to reach them (footer and statements)."""
    missing = [name for name in ("OPERATOR_NAME", "OPERATOR_EMAIL") if not getattr(settings, name, "")]
    if missing:
        return [
            Warning(
                f"{' and '.join(missing)} not set: the footer, the privacy statement and the accessibility "
                "statement cannot say who runs the portal or where to report a barrier.",
                hint="Set OPERATOR_NAME and OPERATOR_EMAIL (and OPERATOR_PHONE, OPERATOR_ADDRESS) in the environment.",
                id="veier.W001",
            )
        ]
    return []
