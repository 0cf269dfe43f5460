"""Models for self-service: the record of changes to published profiles, and join requests for admin.

They live apart from directory/models.py because they belong to the self-service feature. Django
registers them when this module is imported; directory/admin.py imports it, and admin autodiscovery
runs at start-up, so the app registry always knows them.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import BodyMembership, EntrepreneurMembership


class ChangeRecord(models.Model):
    """Who changed which fields of a published profile, from what to what, and when."""

    entrepreneur = models.ForeignKey(
        "directory.SocialEntrepreneur",
        on_delete=models.CASCADE,
        related_name="change_records",
        verbose_name=_("sosial entreprenør"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("endret av"),
    )
    # {"summary": {"old": "…", "new": "…"}, "service_areas": {"old": ["Helse"], "new": […]}, …}: names of
    # related objects rather than ids, so the record still reads right when a term is renamed or removed.
    changes = models.JSONField(_("endringer"), default=dict)
    created = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)

    class Meta:
        app_label = "directory"
        ordering = ["-created", "-pk"]
        verbose_name = _("endring i publisert profil")
        verbose_name_plural = _("endringer i publiserte profiler")

    def __str__(self) -> str:
        return f"{self.entrepreneur} – {', '.join(self.changed_labels)}"

    @property
    def changed_labels(self) -> list[str]:
        """The changed fields' names as people read them ("kort beskrivelse")."""
        model = self._meta.get_field("entrepreneur").related_model
        labels = []
        for name in self.changes:
            try:
                labels.append(str(model._meta.get_field(name).verbose_name))
            except FieldDoesNotExist:
                labels.append(name)
        return labels


class EntrepreneurJoinRequest(EntrepreneurMembership):
    """A request to join a social entrepreneur, as curators see it in admin."""

    class Meta:
        proxy = True
        app_label = "directory"
        verbose_name = _("forespørsel om å bli med i en sosial entreprenør")
        verbose_name_plural = _("forespørsler om å bli med i sosiale entreprenører")
        permissions = [("approve_entrepreneurjoinrequest", _("Kan godkjenne og avslå forespørsler om å bli med"))]


class BodyJoinRequest(BodyMembership):
    """A request to join a public body, as curators see it in admin."""

    class Meta:
        proxy = True
        app_label = "directory"
        verbose_name = _("forespørsel om å bli med i en offentlig virksomhet")
        verbose_name_plural = _("forespørsler om å bli med i offentlige virksomheter")
        permissions = [("approve_bodyjoinrequest", _("Kan godkjenne og avslå forespørsler om å bli med"))]


class DeskSeen(models.Model):
    """When a curator last opened a queue from the desk, so the desk can count only what is new since."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    queue = models.CharField(max_length=40)
    seen_at = models.DateTimeField()

    class Meta:
        app_label = "directory"
        constraints = [models.UniqueConstraint(fields=["user", "queue"], name="desk_seen_once_per_queue")]
        verbose_name = _("sist sett av kurator")
        verbose_name_plural = _("sist sett av kuratorer")

    def __str__(self) -> str:
        return f"{self.user} – {self.queue}"
