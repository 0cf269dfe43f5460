"""From dialogue to agreement to measured effect (booklet ch. 4 and 5).

- Agreement: what a dialogue about a need ended in, confirmed by both sides, with the procurement
  regime on the day it was agreed.
- FollowUp: the question, four and twelve weeks after a dialogue started, whether it ended in an
  agreement, is still going or stopped.
- EffectPlan, Indicator, Measurement: SoImpact's steps (situation, goals, target group, indicators at
  result, virkning and effekt level, a baseline, regular measurement) and Ferd's count of people
  reached, life-changing and life-improving.
- BodyAgreement, PlannedProcurement: what a public body has today and plans next (ch. 4, "kartlegg").
- CaseProposal: a finished agreement offered to the case library, with both sides' consent.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from procurement.rules import CATEGORY_LABELS, REGIME_LABELS, Category

CATEGORY_CHOICES = [(category.value, label) for category, label in CATEGORY_LABELS.items()]
REGIME_CHOICES = [(regime.value, label) for regime, label in REGIME_LABELS.items()]


class Side(models.TextChoices):
    BODY = "body", _("Offentlig virksomhet")
    ENTREPRENEUR = "entrepreneur", _("Sosial entreprenør")


class Agreement(models.Model):
    """What a dialogue about a need ended in. One per dialogue; it counts when both sides confirmed."""

    interest = models.OneToOneField(
        "matchmaking.Interest", on_delete=models.CASCADE, related_name="agreement", verbose_name=_("dialog")
    )
    collaboration_form = models.ForeignKey(
        "directory.CollaborationForm",
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("samarbeidsform"),
    )
    summary = models.TextField(_("hva dere er enige om"), max_length=2000)
    value = models.PositiveBigIntegerField(_("verdi i kroner uten mva."), null=True, blank=True)
    procurement_category = models.CharField(
        _("hva slags kjøp"), max_length=20, choices=CATEGORY_CHOICES, default=Category.HELSE_SOSIAL.value
    )
    agreed_on = models.DateField(_("avtalt dato"))
    starts_on = models.DateField(_("fra"))
    ends_on = models.DateField(_("til"), null=True, blank=True)
    reserved = models.BooleanField(_("konkurransen var forbeholdt"), default=False)
    # Computed by procurement/rules.py from value, buyer and category on `agreed_on`; blank without a value.
    regime = models.CharField(_("regelverk"), max_length=30, choices=REGIME_CHOICES, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrert av"),
    )
    body_confirmed_at = models.DateTimeField(_("bekreftet av virksomheten"), null=True, blank=True)
    entrepreneur_confirmed_at = models.DateTimeField(_("bekreftet av entreprenøren"), null=True, blank=True)
    created = models.DateTimeField(_("registrert"), auto_now_add=True)
    updated = models.DateTimeField(_("endret"), auto_now=True)

    class Meta:
        ordering = ["-agreed_on", "-pk"]
        verbose_name = _("avtale")
        verbose_name_plural = _("avtaler")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="agreement_period_in_order",
                violation_error_message=_("Sluttdatoen kan ikke være før startdatoen."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.interest.need} – {self.interest.entrepreneur}"

    def get_absolute_url(self) -> str:
        return reverse("agreements:detail", args=[self.interest.need_id, self.interest_id])

    @property
    def is_confirmed(self) -> bool:
        return self.body_confirmed_at is not None and self.entrepreneur_confirmed_at is not None

    def confirmed_by(self, side: str) -> bool:
        return (self.body_confirmed_at if side == Side.BODY else self.entrepreneur_confirmed_at) is not None


class FollowUp(models.Model):
    """One side of a dialogue asked, four or twelve weeks after it started, how it went."""

    class Stage(models.IntegerChoices):
        WEEK_4 = 4, _("Etter fire uker")
        WEEK_12 = 12, _("Etter tolv uker")

    class Answer(models.TextChoices):
        AGREED = "agreed", _("Det endte i en avtale")
        ONGOING = "ongoing", _("Vi snakker fortsatt sammen")
        STOPPED = "stopped", _("Det stoppet opp")

    class Reason(models.TextChoices):
        BUDGET = "budget", _("Ikke penger i budsjettet")
        FIT = "fit", _("Tilbudet passet ikke behovet")
        PROCUREMENT = "procurement", _("Må konkurranseutsettes først")
        TIMING = "timing", _("Feil tidspunkt")
        SILENCE = "silence", _("Fikk ikke svar")
        OTHER = "other", _("Annet")

    interest = models.ForeignKey(
        "matchmaking.Interest", on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("dialog")
    )
    side = models.CharField(_("side"), max_length=20, choices=Side.choices)
    stage = models.PositiveSmallIntegerField(_("når"), choices=Stage.choices)
    sent_at = models.DateTimeField(_("spurt"))
    answer = models.CharField(_("svar"), max_length=20, choices=Answer.choices, blank=True)
    reason = models.CharField(_("hvorfor"), max_length=20, choices=Reason.choices, blank=True)
    comment = models.TextField(_("kommentar"), max_length=1000, blank=True)
    answered_at = models.DateTimeField(_("svart"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("svart av"),
    )

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("oppfølging av dialog")
        verbose_name_plural = _("oppfølginger av dialoger")
        constraints = [
            models.UniqueConstraint(fields=["interest", "side", "stage"], name="follow_up_once_per_side_and_stage"),
            models.CheckConstraint(
                condition=Q(answer="", answered_at__isnull=True) | (~Q(answer="") & Q(answered_at__isnull=False)),
                name="follow_up_answer_has_date",
            ),
        ]
        indexes = [models.Index(name="follow_up_open", fields=["side", "answered_at"])]

    def __str__(self) -> str:
        return f"{self.interest} ({self.get_stage_display()}, {self.get_side_display()})"

    def get_absolute_url(self) -> str:
        return reverse("agreements:follow-up", args=[self.pk])


class EffectPlan(models.Model):
    """How an agreement's effect is measured: SoImpact's steps and Ferd's count of people reached."""

    agreement = models.OneToOneField(
        Agreement, on_delete=models.CASCADE, related_name="effect_plan", verbose_name=_("avtale")
    )
    situation = models.TextField(_("nåsituasjonen"), max_length=3000, blank=True)
    goals = models.TextField(_("målsettinger"), max_length=3000, blank=True)
    target_group = models.TextField(_("målgruppen"), max_length=2000, blank=True)
    target_group_size = models.PositiveIntegerField(_("antall personer i målgruppen"), null=True, blank=True)
    people_reached = models.PositiveIntegerField(_("antall personer nådd"), null=True, blank=True)
    life_changing = models.PositiveIntegerField(_("av dem: livsendrende påvirkning"), null=True, blank=True)
    life_improving = models.PositiveIntegerField(_("av dem: livsforbedrende påvirkning"), null=True, blank=True)
    story = models.TextField(_("en god historie"), max_length=3000, blank=True)
    updated = models.DateTimeField(_("endret"), auto_now=True)

    class Meta:
        verbose_name = _("effektplan")
        verbose_name_plural = _("effektplaner")
        constraints = [
            models.CheckConstraint(
                # NULL compares as unknown and passes: the check binds only the figures recorded.
                condition=Q(life_changing__lte=F("people_reached"))
                & Q(life_improving__lte=F("people_reached"))
                & Q(life_changing__lte=F("people_reached") - F("life_improving")),
                name="effect_plan_split_within_reach",
                violation_error_message=_(
                    "Livsendrende og livsforbedrende kan til sammen ikke være flere enn antall nådd."
                ),
            ),
        ]

    def __str__(self) -> str:
        return str(self.agreement)


class Indicator(models.Model):
    """Something measured over time, at result, virkning (outcome) or effekt (impact) level."""

    class Level(models.TextChoices):
        RESULT = "result", _("Resultat")
        OUTCOME = "outcome", _("Virkning")
        IMPACT = "impact", _("Effekt")

    plan = models.ForeignKey(
        EffectPlan, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("effektplan")
    )
    name = models.CharField(_("indikator"), max_length=200)
    unit = models.CharField(_("enhet"), max_length=40)
    level = models.CharField(_("nivå"), max_length=10, choices=Level.choices)
    baseline_value = models.DecimalField(_("nullpunkt"), max_digits=14, decimal_places=2)
    baseline_on = models.DateField(_("nullpunkt målt"))
    target_value = models.DecimalField(_("mål"), max_digits=14, decimal_places=2, null=True, blank=True)
    created = models.DateTimeField(_("opprettet"), auto_now_add=True)

    class Meta:
        ordering = ["plan", "pk"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"


class Measurement(models.Model):
    """One value of an indicator, recorded by either party."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="measurements", verbose_name=_("indikator")
    )
    measured_on = models.DateField(_("dato"))
    value = models.DecimalField(_("verdi"), max_digits=14, decimal_places=2)
    comment = models.CharField(_("kommentar"), max_length=300, blank=True)
    side = models.CharField(_("registrert av part"), max_length=20, choices=Side.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrert av"),
    )
    created = models.DateTimeField(_("registrert"), auto_now_add=True)

    class Meta:
        ordering = ["indicator", "measured_on", "pk"]
        verbose_name = _("måling")
        verbose_name_plural = _("målinger")

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.measured_on})"


class BodyAgreementQuerySet(models.QuerySet):
    def public(self):
        return self.filter(public_body__status="published")


class BodyAgreement(models.Model):
    """An agreement a public body has today in a service area, and when it runs out (booklet ch. 4)."""

    public_body = models.ForeignKey(
        "directory.PublicBody",
        on_delete=models.CASCADE,
        related_name="current_agreements",
        verbose_name=_("virksomhet"),
    )
    title = models.CharField(_("hva avtalen gjelder"), max_length=200)
    service_area = models.ForeignKey(
        "directory.ServiceArea", on_delete=models.PROTECT, related_name="+", verbose_name=_("tjenesteområde")
    )
    supplier_kind = models.CharField(_("hva slags leverandør"), max_length=200, blank=True)
    starts_on = models.DateField(_("fra"))
    ends_on = models.DateField(_("til"))
    extension_possible = models.BooleanField(_("kan forlenges"), default=False)
    created = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated = models.DateTimeField(_("endret"), auto_now=True)

    objects = BodyAgreementQuerySet.as_manager()

    class Meta:
        ordering = ["ends_on", "pk"]
        verbose_name = _("gjeldende avtale")
        verbose_name_plural = _("gjeldende avtaler")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="body_agreement_period_in_order",
                violation_error_message=_("Sluttdatoen kan ikke være før startdatoen."),
            ),
        ]
        indexes = [models.Index(name="body_agreement_ends", fields=["ends_on"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.public_body})"


class PlannedProcurement(models.Model):
    """A purchase or coming need a public body plans, with when preparation and competition start."""

    public_body = models.ForeignKey(
        "directory.PublicBody",
        on_delete=models.CASCADE,
        related_name="planned_procurements",
        verbose_name=_("virksomhet"),
    )
    title = models.CharField(_("hva dere planlegger"), max_length=200)
    description = models.TextField(_("beskrivelse"), max_length=2000, blank=True)
    service_area = models.ForeignKey(
        "directory.ServiceArea", on_delete=models.PROTECT, related_name="+", verbose_name=_("tjenesteområde")
    )
    estimated_value = models.PositiveBigIntegerField(_("anslått verdi i kroner uten mva."), null=True, blank=True)
    procurement_category = models.CharField(
        _("hva slags kjøp"), max_length=20, choices=CATEGORY_CHOICES, default=Category.HELSE_SOSIAL.value
    )
    preparation_starts = models.DateField(_("forberedelsene starter"))
    competition_expected = models.DateField(_("konkurransen ventes"))
    created = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated = models.DateTimeField(_("endret"), auto_now=True)

    objects = BodyAgreementQuerySet.as_manager()

    class Meta:
        ordering = ["competition_expected", "pk"]
        verbose_name = _("planlagt anskaffelse")
        verbose_name_plural = _("planlagte anskaffelser")
        constraints = [
            models.CheckConstraint(
                condition=Q(competition_expected__gte=F("preparation_starts")),
                name="planned_procurement_dates_in_order",
                violation_error_message=_("Konkurransen kan ikke ventes før forberedelsene starter."),
            ),
        ]
        indexes = [models.Index(name="planned_competition", fields=["competition_expected"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.public_body})"


class CaseProposal(models.Model):
    """A finished agreement offered to the case library. A curator reviews it once both sides consent."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Venter på samtykke")
        PENDING = "pending", _("Til vurdering hos redaksjonen")
        PUBLISHED = "published", _("Publisert som eksempel")
        REJECTED = "rejected", _("Avvist")

    agreement = models.OneToOneField(
        Agreement, on_delete=models.CASCADE, related_name="case_proposal", verbose_name=_("avtale")
    )
    title = models.CharField(_("tittel"), max_length=200)
    summary = models.CharField(_("kort fortalt"), max_length=400)
    body_consent_at = models.DateTimeField(_("samtykke fra virksomheten"), null=True, blank=True)
    entrepreneur_consent_at = models.DateTimeField(_("samtykke fra entreprenøren"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WAITING)
    case = models.OneToOneField(
        "directory.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
        verbose_name=_("eksempel"),
    )
    created = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated = models.DateTimeField(_("endret"), auto_now=True)

    class Meta:
        ordering = ["-updated", "-pk"]
        verbose_name = _("forslag til eksempel")
        verbose_name_plural = _("forslag til eksempler")
        constraints = [
            # Nothing reaches a curator, let alone the library, without both sides' consent.
            models.CheckConstraint(
                condition=Q(status="waiting")
                | Q(status="rejected")
                | Q(body_consent_at__isnull=False, entrepreneur_consent_at__isnull=False),
                name="case_proposal_needs_both_consents",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def has_both_consents(self) -> bool:
        return self.body_consent_at is not None and self.entrepreneur_consent_at is not None
