"""Needs posted by public bodies, the dialogue between bodies and entrepreneurs, and e-mail alerts."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from procurement.rules import CATEGORY_LABELS, Category

MAX_MESSAGE_LENGTH = 4000


class NeedQuerySet(models.QuerySet):
    def active(self):
        """Open or in dialogue: published and not closed."""
        return self.filter(status__in=Need.ACTIVE_STATUSES)

    def accepting_answers(self, today=None):
        """Active needs whose answer deadline has not passed."""
        today = today or timezone.localdate()
        return self.active().filter(Q(answer_deadline__isnull=True) | Q(answer_deadline__gte=today))

    def visible_in_lists(self, user):
        """Active needs the user may see in lists: public ones, and for signed-in users also the rest."""
        needs = self.active()
        if not user.is_authenticated:
            needs = needs.filter(visibility=Need.Visibility.PUBLIC)
        return needs

    def of_body(self, body):
        return self.filter(public_body=body)


class Need(models.Model):
    """A public body's need: the challenge and the effects it wants, not a solution (booklet ch. 3)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        OPEN = "open", _("Åpent")
        IN_DIALOGUE = "in_dialogue", _("I dialog")
        CLOSED = "closed", _("Avsluttet")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Alle kan se behovet")
        SIGNED_IN = "signed_in", _("Bare innloggede brukere kan se behovet")

    ACTIVE_STATUSES = (Status.OPEN, Status.IN_DIALOGUE)

    public_body = models.ForeignKey(
        "directory.PublicBody", on_delete=models.CASCADE, related_name="needs", verbose_name=_("offentlig virksomhet")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="needs",
        verbose_name=_("skrevet av"),
    )
    title = models.CharField(_("tittel"), max_length=160)
    challenge = models.TextField(_("utfordringen"), max_length=4000)
    effects = models.TextField(_("effektene dere ønsker"), max_length=3000)
    service_areas = models.ManyToManyField(
        "directory.ServiceArea", blank=True, related_name="needs", verbose_name=_("tjenesteområder")
    )
    target_groups = models.ManyToManyField(
        "directory.TargetGroup", blank=True, related_name="needs", verbose_name=_("målgrupper")
    )
    collaboration_forms = models.ManyToManyField(
        "directory.CollaborationForm", blank=True, related_name="needs", verbose_name=_("ønskede samarbeidsformer")
    )
    municipality = models.ForeignKey(
        "directory.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="needs",
        verbose_name=_("kommune"),
    )
    # With a municipality, its county; with neither, the need concerns all of Norway.
    county = models.ForeignKey(
        "directory.County",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="needs",
        verbose_name=_("fylke"),
    )
    estimated_value = models.PositiveBigIntegerField(_("anslått verdi i kroner uten mva."), null=True, blank=True)
    procurement_category = models.CharField(
        _("hva slags kjøp"),
        max_length=20,
        choices=[(category.value, label) for category, label in CATEGORY_LABELS.items()],
        default=Category.HELSE_SOSIAL.value,
    )
    contract_months = models.PositiveSmallIntegerField(_("varighet i måneder"), null=True, blank=True)
    answer_deadline = models.DateField(_("svarfrist"), null=True, blank=True)
    visibility = models.CharField(
        _("hvem kan se behovet"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("publisert"), null=True, blank=True)
    created = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated = models.DateTimeField(_("endret"), auto_now=True)

    objects = NeedQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created"]
        verbose_name = _("behov")
        verbose_name_plural = pgettext_lazy("flertall", "behov")
        indexes = [
            # The list of needs and the alerts: active needs, newest first.
            models.Index(name="need_status_published", fields=["status", "visibility", "-published_at"]),
            models.Index(name="need_body_status", fields=["public_body", "status"]),
            # /behov/: the newest active needs are read from this index, 20 at a time, instead of
            # sorting every active need (9 ms at 4 000 needs; 0.3 ms with it). The condition is
            # active()'s, written out (Meta cannot name ACTIVE_STATUSES); a test keeps them alike.
            models.Index(
                name="need_active_newest",
                fields=["-published_at", "-id"],
                condition=Q(status__in=["open", "in_dialogue"]),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="need_published_has_date",
                violation_error_message=_("Et publisert behov må ha en publiseringsdato."),
            ),
            models.CheckConstraint(
                condition=Q(municipality__isnull=True) | Q(county__isnull=False),
                name="need_municipality_has_county",
                violation_error_message=_("Et behov i en kommune må også ha kommunens fylke."),
            ),
            models.CheckConstraint(
                condition=Q(contract_months__isnull=True) | Q(contract_months__gte=1, contract_months__lte=600),
                name="need_contract_months_range",
                violation_error_message=_("Varigheten må være mellom 1 og 600 måneder."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("matchmaking:need-detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def deadline_passed(self) -> bool:
        return self.answer_deadline is not None and self.answer_deadline < timezone.localdate()

    @property
    def accepts_answers(self) -> bool:
        return self.is_active and not self.deadline_passed

    @property
    def place(self):
        """The municipality or county the need concerns; None for all of Norway."""
        return self.municipality or self.county

    @property
    def text(self) -> str:
        """The words the matching reads: title, challenge and effects."""
        return "\n".join([self.title, self.challenge, self.effects])


class Interest(models.Model):
    """A conversation about one need between its body and one entrepreneur.

    It starts either with the entrepreneur's answer or with the body's invitation; whoever received
    the first message decides its state (read, in dialogue, declined, agreed).
    """

    class Kind(models.TextChoices):
        ANSWER = "answer", _("Svar fra entreprenør")
        INVITATION = "invitation", _("Invitasjon fra virksomheten")

    class State(models.TextChoices):
        SENT = "sent", _("Sendt")
        READ = "read", _("Lest")
        IN_DIALOGUE = "in_dialogue", _("I dialog")
        DECLINED = "declined", _("Avslått")
        AGREED = "agreed", _("Enige")

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="interests", verbose_name=_("behov"))
    entrepreneur = models.ForeignKey(
        "directory.SocialEntrepreneur",
        on_delete=models.CASCADE,
        related_name="need_interests",
        verbose_name=_("sosial entreprenør"),
    )
    kind = models.CharField(_("startet som"), max_length=20, choices=Kind.choices)
    state = models.CharField(_("status"), max_length=20, choices=State.choices, default=State.SENT)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("startet av"),
    )
    created = models.DateTimeField(_("startet"), auto_now_add=True)
    updated = models.DateTimeField(_("endret"), auto_now=True)
    # When the invitation reached someone. Empty while an invitation waits for the entrepreneur's
    # listing to get members (it is delivered when someone claims it, if the need is still open).
    delivered_at = models.DateTimeField(_("levert"), null=True, blank=True)

    class Meta:
        ordering = ["-updated", "-pk"]
        verbose_name = _("dialog om behov")
        verbose_name_plural = _("dialoger om behov")
        constraints = [
            models.UniqueConstraint(fields=["need", "entrepreneur"], name="one_dialogue_per_need_and_entrepreneur"),
        ]
        indexes = [models.Index(name="interest_entrepreneur_state", fields=["entrepreneur", "state"])]

    def __str__(self) -> str:
        return f"{self.entrepreneur} – {self.need}"

    def get_absolute_url(self) -> str:
        return f"{self.need.get_absolute_url()}#dialog-{self.pk}"

    @property
    def awaits_claim(self) -> bool:
        """An invitation kept until someone claims the entrepreneur's listing."""
        return self.kind == self.Kind.INVITATION and self.delivered_at is None

    @property
    def decided_by_body(self) -> bool:
        """The body decides the state of answers; the entrepreneur decides that of invitations."""
        return self.kind == self.Kind.ANSWER


class Message(models.Model):
    """One message in a dialogue."""

    class Side(models.TextChoices):
        BODY = "body", _("Offentlig virksomhet")
        ENTREPRENEUR = "entrepreneur", _("Sosial entreprenør")

    interest = models.ForeignKey(Interest, on_delete=models.CASCADE, related_name="messages", verbose_name=_("dialog"))
    side = models.CharField(_("fra"), max_length=20, choices=Side.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="need_messages",
        verbose_name=_("skrevet av"),
    )
    text = models.TextField(_("melding"), max_length=MAX_MESSAGE_LENGTH)
    created = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldinger")

    def __str__(self) -> str:
        return f"{self.get_side_display()}: {self.text[:60]}"


def new_unsubscribe_token() -> str:
    return secrets.token_urlsafe(32)


class AlertSubscription(models.Model):
    """How often an entrepreneur member wants e-mail about new needs that fit their offers."""

    class Frequency(models.TextChoices):
        NONE = "none", _("Ingen varsler")
        DAILY = "daily", _("Daglig oppsummering")
        WEEKLY = "weekly", _("Ukentlig oppsummering")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="need_alerts", verbose_name=_("bruker")
    )
    frequency = models.CharField(_("varsler"), max_length=10, choices=Frequency.choices, default=Frequency.NONE)
    # Needs published before this moment are not "new" for this subscriber.
    active_since = models.DateTimeField(_("varsler fra"), default=timezone.now)
    last_sent_at = models.DateTimeField(_("sist sendt"), null=True, blank=True)
    unsubscribe_token = models.CharField(
        _("avmeldingsnøkkel"), max_length=64, unique=True, default=new_unsubscribe_token, editable=False
    )
    updated = models.DateTimeField(_("endret"), auto_now=True)

    class Meta:
        verbose_name = _("varsel om nye behov")
        verbose_name_plural = _("varsler om nye behov")
        indexes = [models.Index(name="alert_frequency", fields=["frequency", "last_sent_at"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_frequency_display()}"


class AlertDelivery(models.Model):
    """A need that was sent to a user in a digest; it is never sent to them again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("bruker")
    )
    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="alert_deliveries", verbose_name=_("behov"))
    sent_at = models.DateTimeField(_("sendt"), default=timezone.now)

    class Meta:
        verbose_name = _("sendt varsel")
        verbose_name_plural = _("sendte varsler")
        constraints = [models.UniqueConstraint(fields=["user", "need"], name="need_sent_once_per_user")]

    def __str__(self) -> str:
        return f"{self.need} → {self.user}"


class Concept(models.Model):
    """A notion of the field with the words people use for it (a thesaurus entry).

    «Demens» is also «hukommelsessykdom», «Alzheimer» and «glemsk»; a need or an entrepreneur that
    uses any of these words is read as being about demens, and the concept brings the service areas
    and target groups it implies. Curators keep the list in admin; the first entries come from the
    booklet's vocabulary and ordinary municipal language (matchmaking/concept_seed.py).
    """

    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("kortnavn"), max_length=100, unique=True)
    terms = models.TextField(
        _("ord og uttrykk"),
        max_length=4000,
        help_text=_(
            "Ett ord eller uttrykk per linje, slik folk skriver det. Et uttrykk med flere ord treffer når "
            "alle ordene står i teksten. Bøyde former og sammensatte ord treffes av seg selv."
        ),
    )
    service_areas = models.ManyToManyField(
        "directory.ServiceArea", blank=True, related_name="concepts", verbose_name=_("tjenesteområder")
    )
    target_groups = models.ManyToManyField(
        "directory.TargetGroup", blank=True, related_name="concepts", verbose_name=_("målgrupper")
    )
    updated = models.DateTimeField(_("endret"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("begrep")
        verbose_name_plural = _("begreper")

    def __str__(self) -> str:
        return self.name

    def term_list(self) -> list[str]:
        """The bokmål name and every term, each once, lowercased (whatever the reader's language)."""
        lines = [getattr(self, "name_nb", None) or self.name, *self.terms.replace(",", "\n").splitlines()]
        return list(dict.fromkeys(line.strip().lower() for line in lines if line.strip()))
