from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from procurement import rules
from veier.content_language import fallback_language


class ThresholdPeriodQuerySet(models.QuerySet):
    def as_rules(self) -> list[rules.Thresholds]:
        """Every period as plain values for the rules engine, oldest first, in two queries."""
        return [period.as_thresholds() for period in self.order_by("valid_from").prefetch_related("uncertainties")]


class ThresholdPeriod(models.Model):
    """The thresholds in force from `valid_from` until the next period starts (FOA § 5-3).

    Curators add a period in admin when the regulation changes, so no deploy is needed.
    """

    valid_from = models.DateField(
        _("gjelder fra"), unique=True, help_text=_("Dagen endringen i forskriften trådte i kraft.")
    )
    lower_limit = models.PositiveBigIntegerField(
        _("nedre grense"), help_text=_("Kjøp under dette beløpet er utenfor regelverket (LOA § 2).")
    )
    national_threshold = models.PositiveBigIntegerField(_("nasjonal terskelverdi"))
    eea_central_government = models.PositiveBigIntegerField(_("EØS-terskelverdi, statlige oppdragsgivere"))
    eea_other_buyers = models.PositiveBigIntegerField(_("EØS-terskelverdi, andre oppdragsgivere"))
    eea_works = models.PositiveBigIntegerField(_("EØS-terskelverdi, bygge- og anleggsarbeid"))
    eea_special_services = models.PositiveBigIntegerField(_("EØS-terskelverdi, helse- og sosialtjenester"))
    sources = models.TextField(_("kilder"), help_text=_("Forskrift, nettsider og annet verdiene bygger på."))
    notes = models.TextField(_("merknader"), blank=True, help_text=_("Usikkerhet og det som må kontrolleres."))
    last_verified = models.DateField(_("sist kontrollert"))

    objects = ThresholdPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["valid_from"]
        verbose_name = _("terskelverdiperiode")
        verbose_name_plural = _("terskelverdiperioder")
        constraints = [
            models.CheckConstraint(
                condition=Q(lower_limit__lte=F("national_threshold")),
                name="threshold_lower_limit_not_above_national",
                violation_error_message=_("Nedre grense kan ikke være høyere enn den nasjonale terskelverdien."),
            ),
        ]

    def __str__(self) -> str:
        return str(_("Terskelverdier fra %(date)s") % {"date": self.valid_from.strftime("%d.%m.%Y")})

    def as_thresholds(self) -> rules.Thresholds:
        notes = list(self.uncertainties.all())
        return rules.Thresholds(
            valid_from=self.valid_from,
            lower_limit=self.lower_limit,
            national_threshold=self.national_threshold,
            eea_central_government=self.eea_central_government,
            eea_other_buyers=self.eea_other_buyers,
            eea_works=self.eea_works,
            eea_special_services=self.eea_special_services,
            sources=self.sources,
            notes=self.notes,
            last_verified=self.last_verified,
            uncertain={note.field: note.explanation for note in notes},
            in_bokmal=frozenset(name for name in ("sources", "notes") if fallback_language(self, name)),
            uncertain_in_bokmal=frozenset(note.field for note in notes if fallback_language(note, "explanation")),
        )


class ThresholdField(models.TextChoices):
    VALID_FROM = "valid_from", _("Gjelder fra")
    LOWER_LIMIT = "lower_limit", _("Nedre grense")
    NATIONAL = "national_threshold", _("Nasjonal terskelverdi")
    EEA_CENTRAL = "eea_central_government", _("EØS, statlige oppdragsgivere")
    EEA_OTHER = "eea_other_buyers", _("EØS, andre oppdragsgivere")
    EEA_WORKS = "eea_works", _("EØS, bygge- og anleggsarbeid")
    EEA_SPECIAL = "eea_special_services", _("EØS, helse- og sosialtjenester")


class ThresholdUncertainty(models.Model):
    """Why one value of a period is uncertain, shown next to the value wherever it is used."""

    period = models.ForeignKey(
        ThresholdPeriod, on_delete=models.CASCADE, related_name="uncertainties", verbose_name=_("periode")
    )
    field = models.CharField(_("verdi"), max_length=40, choices=ThresholdField.choices)
    explanation = models.TextField(_("forklaring"), help_text=_("Hva kildene sier, og hvilken verdi som er valgt."))

    class Meta:
        ordering = ["period__valid_from", "field"]
        verbose_name = _("usikker verdi")
        verbose_name_plural = _("usikre verdier")
        constraints = [models.UniqueConstraint(fields=["period", "field"], name="one_uncertainty_per_value")]

    def __str__(self) -> str:
        return f"{self.period}: {self.get_field_display()}"


class GuidancePage(models.Model):
    """A page of guidance from the booklet, written and corrected by curators in admin."""

    slug = models.SlugField(_("adresse"), unique=True)
    title = models.CharField(_("tittel"), max_length=200)
    summary = models.CharField(_("kort beskrivelse"), max_length=300, help_text=_("Vises i oversikten."))
    intro = models.TextField(_("innledning"), blank=True)
    source = models.CharField(_("kilde"), max_length=200, blank=True, help_text=_("For eksempel heftets kapittel."))
    order = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)
    show_myths = models.BooleanField(_("vis mytene"), default=False, help_text=_("Vis heftets seks myter på siden."))
    last_verified = models.DateField(
        _("sist kontrollert"),
        null=True,
        blank=True,
        help_text=_("Dagen en kurator sist kontrollerte teksten mot lov, forskrift og veiledere. Tom: aldri."),
    )
    doubt = models.TextField(
        _("uavklart"),
        blank=True,
        help_text=_("Det som ikke er kontrollert eller er usikkert. Tøm feltet når det er avklart."),
    )

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("veiledningsside")
        verbose_name_plural = _("veiledningssider")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("procurement:guidance-detail", kwargs={"slug": self.slug})


class Display(models.TextChoices):
    TEXT = "tekst", _("Tekst")
    BULLETS = "punkter", _("Punktliste")
    STEPS = "steg", _("Nummererte steg")
    CHECKLIST = "sjekkliste", _("Sjekkliste")
    TIMELINE = "tidslinje", _("Tidslinje gjennom året")


def validate_link(value: str) -> None:
    """A link is a full web address or a path on this site; nothing else (no javascript:)."""
    if not (value.startswith(("https://", "http://")) or (value.startswith("/") and not value.startswith("//"))):
        raise ValidationError(_("Skriv en nettadresse som begynner med https:// eller en sti som begynner med /."))


class GuidanceSection(models.Model):
    """A heading with text, and items shown as a list, checklist, numbered steps or a timeline."""

    page = models.ForeignKey(GuidancePage, on_delete=models.CASCADE, related_name="sections", verbose_name=_("side"))
    order = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)
    heading = models.CharField(_("overskrift"), max_length=200)
    body = models.TextField(
        _("tekst"), blank=True, help_text=_("Tom linje gir nytt avsnitt. Nettadresser blir lenker.")
    )
    display = models.CharField(_("visning av punktene"), max_length=20, choices=Display.choices, default=Display.TEXT)
    link_url = models.CharField(_("lenke"), max_length=300, blank=True, validators=[validate_link])
    link_text = models.CharField(_("lenketekst"), max_length=200, blank=True)

    class Meta:
        ordering = ["page", "order", "id"]
        verbose_name = _("avsnitt")
        verbose_name_plural = _("avsnitt")

    def __str__(self) -> str:
        return self.heading

    def clean(self) -> None:
        if self.link_url and not self.link_text:
            raise ValidationError({"link_text": _("Skriv en lenketekst som sier hvor lenken går.")})


class GuidanceItem(models.Model):
    """One point in a section: a checklist item, a step, or an event in the year (with months)."""

    section = models.ForeignKey(
        GuidanceSection, on_delete=models.CASCADE, related_name="items", verbose_name=_("avsnitt")
    )
    order = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)
    title = models.CharField(_("tittel"), max_length=200, blank=True)
    text = models.TextField(_("tekst"))
    when = models.CharField(
        _("når"), max_length=100, blank=True, help_text=_("Slik tidspunktet skal leses, for eksempel «Første halvår».")
    )
    start_month = models.PositiveSmallIntegerField(
        _("fra måned"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    end_month = models.PositiveSmallIntegerField(
        _("til måned"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    highlight = models.CharField(
        _("merknad"), max_length=100, blank=True, help_text=_("For eksempel «Godt tidspunkt å ta kontakt».")
    )
    link_url = models.CharField(_("lenke"), max_length=300, blank=True, validators=[validate_link])
    link_text = models.CharField(_("lenketekst"), max_length=200, blank=True)

    class Meta:
        ordering = ["section", "order", "id"]
        verbose_name = _("punkt")
        verbose_name_plural = _("punkter")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_month__isnull=True) | Q(start_month__gte=1, start_month__lte=12),
                name="guidance_item_start_month_valid",
            ),
            models.CheckConstraint(
                condition=Q(end_month__isnull=True) | Q(end_month__gte=1, end_month__lte=12),
                name="guidance_item_end_month_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.text[:60]

    def clean(self) -> None:
        if self.end_month and not self.start_month:
            raise ValidationError({"start_month": _("Velg fra måned når du har valgt til måned.")})
        if self.link_url and not self.link_text:
            raise ValidationError({"link_text": _("Skriv en lenketekst som sier hvor lenken går.")})

    def months_label(self) -> str:
        """The months in words («oktober–november»), for items without their own wording."""
        if self.start_month is None:
            return ""
        if not self.end_month or self.end_month == self.start_month:
            return str(MONTHS[self.start_month])
        return f"{MONTHS[self.start_month]}–{MONTHS[self.end_month]}"

    def covers_month(self, month: int) -> bool:
        """Whether the item's months include `month`; a span may run over New Year (Nov–Feb)."""
        if self.start_month is None:
            return False
        end = self.end_month or self.start_month
        if self.start_month <= end:
            return self.start_month <= month <= end
        return month >= self.start_month or month <= end


class Myth(models.Model):
    """One of the booklet's six myths about the procurement rules (chapter 6) and what the rules say."""

    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    claim = models.CharField(_("myten"), max_length=200)
    answer = models.TextField(_("hva regelverket sier"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("myte")
        verbose_name_plural = _("myter")

    def __str__(self) -> str:
        return f"{self.number}. {self.claim}"
