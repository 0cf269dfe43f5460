from django.apps import AppConfig


class VeierConfig(AppConfig):
    """The project package as an app: its template filters, statements, deploy checks and cache generations."""

    name = "veier"
    verbose_name = "Veier til samarbeid"

    def ready(self) -> None:
        from veier import checks  # noqa: F401  (registers the deploy checks)
        from veier.fragments import connect_last_changed

        connect_last_changed()
