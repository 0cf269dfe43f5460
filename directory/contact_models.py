"""Contact through the portal: messages to an organisation's members, and requests to be told when
a listing nobody has claimed gets members.

Imported at the end of directory/models.py so that the app registry knows them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Length limits of the contact form (also enforced by the database columns).
MAX_SUBJECT_LENGTH = 150
MAX_TEXT_LENGTH = 3000

_ONE_TARGET = Q(entrepreneur__isnull=False, public_body__isnull=True) | Q(
    entrepreneur__isnull=True, public_body__isnull=False
)


class ContactMessage(models.Model):
    """A message a signed-in user sent to an organisation's members through the portal.

    The portal e-mails it to the members with the sender's address as Reply-To; the row is the
    sender's copy on Min side and what the rate limit counts.
    """

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact_messages", verbose_name=_("avsender")
    )
    entrepreneur = models.ForeignKey(
        "directory.SocialEntrepreneur",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contact_messages",
        verbose_name=_("sosial entreprenør"),
    )
    public_body = models.ForeignKey(
        "directory.PublicBody",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contact_messages",
        verbose_name=_("offentlig virksomhet"),
    )
    subject = models.CharField(_("emne"), max_length=MAX_SUBJECT_LENGTH)
    text = models.TextField(_("melding"), max_length=MAX_TEXT_LENGTH)
    recipient_count = models.PositiveSmallIntegerField(_("antall mottakere"), default=0)
    created = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        app_label = "directory"
        ordering = ["-created", "-pk"]
        verbose_name = _("melding sendt gjennom portalen")
        verbose_name_plural = _("meldinger sendt gjennom portalen")
        constraints = [models.CheckConstraint(condition=_ONE_TARGET, name="contactmessage_one_recipient")]
        indexes = [models.Index(name="contactmessage_sender_created", fields=["sender", "created"])]

    def __str__(self) -> str:
        return f"{self.sender} → {self.organisation}: {self.subject}"

    @property
    def organisation(self):
        return self.entrepreneur or self.public_body


class ClaimWatch(models.Model):
    """Someone who wants an e-mail when a listing nobody can be reached through gets its first member."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="claim_watches", verbose_name=_("bruker")
    )
    entrepreneur = models.ForeignKey(
        "directory.SocialEntrepreneur",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="claim_watches",
        verbose_name=_("sosial entreprenør"),
    )
    public_body = models.ForeignKey(
        "directory.PublicBody",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="claim_watches",
        verbose_name=_("offentlig virksomhet"),
    )
    created = models.DateTimeField(_("opprettet"), auto_now_add=True)
    notified_at = models.DateTimeField(_("varslet"), null=True, blank=True)

    class Meta:
        app_label = "directory"
        ordering = ["-created", "-pk"]
        verbose_name = _("ønske om varsel når profilen får medlemmer")
        verbose_name_plural = _("ønsker om varsel når profiler får medlemmer")
        constraints = [
            models.CheckConstraint(condition=_ONE_TARGET, name="claimwatch_one_target"),
            models.UniqueConstraint(fields=["user", "entrepreneur"], name="claimwatch_once_per_entrepreneur"),
            models.UniqueConstraint(fields=["user", "public_body"], name="claimwatch_once_per_body"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.entrepreneur or self.public_body}"
