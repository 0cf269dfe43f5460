from django.apps import AppConfig


class VeierConfig(AppConfig):
    name = "veier"
    verbose_name = "Veier til samarbeid"

    def ready(self):
        from veier.fragments import connect_last_changed

        connect_last_changed()
