"""The directory: places, taxonomies, public bodies, social entrepreneurs, offers and cases."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, GistIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Collate
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from directory.search import SEARCH_PARTS, NorwegianSortKey, in_search_part
from directory.validators import validate_orgnr


class County(models.Model):
    """A fylke, as of the 2024 structure."""

    number = models.CharField(_("fylkesnummer"), max_length=2, unique=True)
    name = models.CharField(_("navn"), max_length=100)
    slug = models.SlugField(_("kortnavn"), max_length=100, unique=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("fylke")
        verbose_name_plural = _("fylker")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    """A kommune, as of the 2024 structure (357 of them)."""

    number = models.CharField(_("kommunenummer"), max_length=4, unique=True)
    name = models.CharField(_("navn"), max_length=100)
    slug = models.SlugField(_("kortnavn"), max_length=100, unique=True)
    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("fylke"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return self.name


class FormerMunicipalityName(models.Model):
    """A name the booklet uses for a place that today belongs to another municipality."""

    name = models.CharField(_("tidligere navn"), max_length=100, unique=True)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="former_names", verbose_name=_("kommune i dag")
    )
    note = models.CharField(_("merknad"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tidligere kommunenavn")
        verbose_name_plural = _("tidligere kommunenavn")

    def __str__(self) -> str:
        return f"{self.name} → {self.municipality}"


class Taxonomy(models.Model):
    """A curated list of terms with slugs, edited in admin rather than hard-coded."""

    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("kortnavn"), max_length=100, unique=True)
    description = models.TextField(_("beskrivelse"), max_length=1000, blank=True)
    position = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class ServiceArea(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("tjenesteområde")
        verbose_name_plural = _("tjenesteområder")


class TargetGroup(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("målgruppe")
        verbose_name_plural = _("målgrupper")


class CollaborationForm(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("samarbeidsform")
        verbose_name_plural = _("samarbeidsformer")


class OrganisationForm(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("organisasjonsform")
        verbose_name_plural = _("organisasjonsformer")


class RegisterChecked(models.Model):
    """What Enhetsregisteret last said about an organisation with an organisation number.

    register_checked_at is empty until the number is checked, and again when the register reports
    bankruptcy, winding-up or deletion (register_flag says which, for curators). A name or address
    the register has but the profile does not is kept in register_proposal for the members to take.
    """

    register_checked_at = models.DateTimeField(_("sist sjekket mot Enhetsregisteret"), null=True, blank=True)
    register_flag = models.CharField(
        _("merknad fra Enhetsregisteret"),
        max_length=200,
        blank=True,
        help_text=_("For eksempel konkurs eller slettet. Kuratorer ser på profiler med merknad."),
    )
    # {"name": "…", "municipality": "5001"}: what the register has that the profile does not.
    register_proposal = models.JSONField(_("forslag fra Enhetsregisteret"), default=dict, blank=True)

    class Meta:
        abstract = True

    @property
    def register_url(self) -> str:
        """The unit's public page in Enhetsregisteret."""
        from directory.registers import public_page

        return public_page(self.orgnr) if self.orgnr else ""


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    PENDING = "pending", _("Til godkjenning")
    PUBLISHED = "published", _("Publisert")
    REJECTED = "rejected", _("Avvist")


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)


class PublicBody(RegisterChecked):
    """A municipality, district, county municipality, NAV office or state agency."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "kommune", _("Kommune")
        DISTRICT = "bydel", _("Bydel")
        COUNTY_MUNICIPALITY = "fylkeskommune", _("Fylkeskommune")
        NAV_OFFICE = "nav-kontor", _("NAV-kontor")
        STATE_AGENCY = "statlig", _("Statlig virksomhet")
        OTHER = "annen", _("Annen offentlig virksomhet")

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kortnavn"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="public_bodies",
        verbose_name=_("kommune"),
    )
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, null=True, blank=True, related_name="public_bodies", verbose_name=_("fylke")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("overordnet virksomhet"),
    )
    orgnr = models.CharField(
        _("organisasjonsnummer"), max_length=9, null=True, blank=True, unique=True, validators=[validate_orgnr]
    )
    website = models.URLField(_("nettside"), max_length=300, blank=True)
    email_domains = ArrayField(
        models.CharField(max_length=100),
        verbose_name=_("bekreftede e-postdomener"),
        default=list,
        blank=True,
        help_text=_("For eksempel trondheim.kommune.no. Brukes for å godkjenne ansatte automatisk."),
    )
    invitation = models.TextField(
        _("hva vi ønsker samarbeid om"),
        max_length=2000,
        blank=True,
        help_text=_("Kort om hvilke områder virksomheten inviterer sosiale entreprenører til å samarbeide om."),
    )
    description = models.TextField(_("om virksomheten"), max_length=4000, blank=True)
    service_areas = models.ManyToManyField(
        ServiceArea, blank=True, related_name="public_bodies", verbose_name=_("tjenesteområder")
    )
    former_name = models.CharField(
        _("tidligere navn"),
        max_length=200,
        blank=True,
        help_text=_("Navnet i heftet, hvis virksomheten har fått nytt navn eller er slått sammen."),
    )
    source = models.CharField(_("kilde"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PublicationStatus.choices, default=PublicationStatus.PUBLISHED
    )
    created = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated = models.DateTimeField(_("endret"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("offentlig virksomhet")
        verbose_name_plural = _("offentlige virksomheter")
        indexes = [GinIndex(name="publicbody_name_trgm", fields=["name"], opclasses=["gin_trgm_ops"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:body-detail", args=[self.slug])

    @property
    def place(self):
        """The municipality or county the body belongs to, whichever is known."""
        return self.municipality or self.county


class SharedEmailDomain(models.Model):
    """An e-mail domain that many public bodies share, such as nav.no: an address there joins no
    body at once, whatever the bodies' own domains say; a curator decides (directory/domains.py)."""

    domain = models.CharField(_("domene"), max_length=100, unique=True, help_text=_("For eksempel nav.no."))
    note = models.CharField(_("merknad"), max_length=300, blank=True)

    class Meta:
        ordering = ["domain"]
        verbose_name = _("delt e-postdomene")
        verbose_name_plural = _("delte e-postdomener")

    def __str__(self) -> str:
        return self.domain


class ContactPerson(models.Model):
    """A named person in a public body to contact about one or more service areas."""

    public_body = models.ForeignKey(
        PublicBody, on_delete=models.CASCADE, related_name="contact_persons", verbose_name=_("virksomhet")
    )
    name = models.CharField(_("navn"), max_length=150)
    title = models.CharField(_("stilling"), max_length=150, blank=True)
    service_areas = models.ManyToManyField(
        ServiceArea, blank=True, related_name="contact_persons", verbose_name=_("tjenesteområder")
    )
    email = models.EmailField(_("e-post"), max_length=254, blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    consent_public = models.BooleanField(
        _("samtykker til å vises offentlig"),
        default=False,
        help_text=_("Navn, e-post og telefon vises bare på de offentlige sidene når dette er krysset av."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")

    def __str__(self) -> str:
        return f"{self.name} ({self.public_body})"


def coverage_codes_for_municipality(municipality: Municipality) -> list[str]:
    """The facet codes an entrepreneur covering this municipality has one of (see facet_coverage)."""
    return ["*", f"c:{municipality.county_id}", f"m:{municipality.pk}"]


def coverage_codes_for_county(county: County) -> list[str]:
    """The facet codes an entrepreneur covering (part of) this county has one of."""
    return ["*", f"c:{county.pk}", f"mc:{county.pk}"]


class EntrepreneurQuerySet(PublishedQuerySet):
    """Filters over the facet columns, which a trigger keeps in step with the many-to-many tables.

    Each filter is one indexed array overlap (GIN), so filters combine without joins or subqueries.
    """

    def with_service_area(self, areas):
        return self.filter(facet_service_areas__overlap=[area.pk for area in areas])

    def with_target_group(self, groups):
        return self.filter(facet_target_groups__overlap=[group.pk for group in groups])

    def with_collaboration_form(self, forms):
        """Entrepreneurs with a published offer in one of these forms of collaboration."""
        return self.filter(facet_collaboration_forms__overlap=[form.pk for form in forms])

    def covering_municipality(self, municipality: Municipality):
        """Working there, in its county, or in all of Norway."""
        return self.filter(facet_coverage__overlap=coverage_codes_for_municipality(municipality))

    def covering_county(self, county: County):
        """Working in all of Norway, in the county, or in one of its municipalities."""
        return self.filter(facet_coverage__overlap=coverage_codes_for_county(county))

    def confirmed_work_integration(self):
        """Declared work-integration enterprises (≥ 30 % of employees from the groups in FOA § 8-8)
        whose declaration a curator has confirmed: only these can take a reserved contract."""
        return self.filter(declares_work_integration=True, work_integration_confirmed_at__isnull=False)

    def confirmed_non_profit(self):
        """Declared non-profit (ideelle) organisations whose declaration a curator has confirmed."""
        return self.filter(declares_non_profit=True, non_profit_confirmed_at__isnull=False)


class SocialEntrepreneur(RegisterChecked):
    """A social entrepreneur: an organisation whose main aim is a social effect."""

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kortnavn"), max_length=200, unique=True)
    orgnr = models.CharField(
        _("organisasjonsnummer"),
        max_length=9,
        null=True,
        blank=True,
        unique=True,
        validators=[validate_orgnr],
        help_text=_("Ni siffer, fra Enhetsregisteret."),
    )
    organisation_form = models.ForeignKey(
        OrganisationForm,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entrepreneurs",
        verbose_name=_("organisasjonsform"),
    )
    founded = models.PositiveSmallIntegerField(_("etablert år"), null=True, blank=True)
    summary = models.CharField(_("kort beskrivelse"), max_length=300, blank=True)
    social_mission = models.TextField(_("samfunnsoppdrag"), max_length=2000, blank=True)
    description = models.TextField(_("beskrivelse"), max_length=6000, blank=True)
    website = models.URLField(_("nettside"), max_length=300, blank=True)
    email = models.EmailField(_("e-post"), max_length=254, blank=True)
    nationwide = models.BooleanField(_("arbeider i hele landet"), default=False)
    counties = models.ManyToManyField(County, blank=True, related_name="entrepreneurs", verbose_name=_("fylker"))
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="entrepreneurs", verbose_name=_("kommuner")
    )
    service_areas = models.ManyToManyField(
        ServiceArea, blank=True, related_name="entrepreneurs", verbose_name=_("tjenesteområder")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="entrepreneurs", verbose_name=_("målgrupper")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT
    )
    rejection_reason = models.TextField(_("begrunnelse for avvisning"), max_length=2000, blank=True)
    source = models.CharField(_("kilde"), max_length=300, blank=True)
    # Two declarations a member makes and a curator confirms; they decide whether the entrepreneur
    # can take a contract reserved under FOA §§ 8-8, 16-9 and 30-3 (work integration) or § 30-2a
    # (non-profits). A declaration counts only once it is confirmed (confirmed_at set).
    declares_work_integration = models.BooleanField(
        _("arbeidsintegrerende virksomhet"),
        default=False,
        help_text=_(
            "Hovedformålet er å integrere personer med funksjonsnedsettelse eller vanskeligstilte personer "
            "sosialt og yrkesmessig, og minst 30 prosent av de ansatte er slike personer."
        ),
    )
    work_integration_confirmed_at = models.DateTimeField(
        _("arbeidsintegrering bekreftet"), null=True, blank=True, editable=False
    )
    declares_non_profit = models.BooleanField(
        _("ideell organisasjon"),
        default=False,
        help_text=_(
            "Virksomheten har et sosialt formål og deler ikke ut overskudd til eierne. "
            "Organisasjonsformen er dokumentasjonen."
        ),
    )
    non_profit_confirmed_at = models.DateTimeField(_("ideell bekreftet"), null=True, blank=True, editable=False)
    # Kept current by a database trigger (migrations 0002 and 0004) from the name, texts and offers,
    # together with the facet columns below: copies of the many-to-many choices as arrays of ids,
    # so that search filters are single indexed array overlaps. Coverage codes: "*" nationwide,
    # "c:<county id>", "m:<municipality id>" and "mc:<county id>" for each municipality's county.
    search_vector = SearchVectorField(null=True, editable=False)
    facet_service_areas = ArrayField(models.BigIntegerField(), default=list, editable=False)
    facet_target_groups = ArrayField(models.BigIntegerField(), default=list, editable=False)
    facet_collaboration_forms = ArrayField(models.BigIntegerField(), default=list, editable=False)
    facet_coverage = ArrayField(models.CharField(max_length=24), default=list, editable=False)
    created = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated = models.DateTimeField(_("endret"), auto_now=True)

    objects = EntrepreneurQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("sosial entreprenør")
        verbose_name_plural = _("sosiale entreprenører")
        indexes = [
            GinIndex(name="entrepreneur_search_gin", fields=["search_vector"]),
            # The same index in parts, with the facets, for the list page's first matches
            # (search.first_matches).
            *[
                GinIndex(
                    name=f"entrepreneur_search_part_{number}",
                    fields=[
                        "search_vector",
                        "facet_coverage",
                        "facet_service_areas",
                        "facet_target_groups",
                        "facet_collaboration_forms",
                    ],
                    condition=Q(in_search_part(number)),
                )
                for number in range(SEARCH_PARTS)
            ],
            GinIndex(name="entrepreneur_name_trgm", fields=["name"], opclasses=["gin_trgm_ops"]),
            # The queues (drafts, profiles waiting for review) by name. Published rows are left out:
            # an index on them would tempt the planner to read every published row and test its
            # search document, instead of asking the search index (see search.planned_search).
            models.Index(
                name="entrepreneur_unpublished_name",
                fields=["status", "name"],
                condition=~models.Q(status="published"),
            ),
            # By name, with what the list's filters test: a search listed by name walks it and
            # tests the filters without reading the table (filters.EntrepreneurFilterSet.walk_by_name).
            models.Index(
                NorwegianSortKey("name"),
                F("id"),
                name="entrepreneur_sort_name_filters",
                include=[
                    "name",
                    "status",
                    "facet_coverage",
                    "facet_service_areas",
                    "facet_target_groups",
                    "facet_collaboration_forms",
                    "organisation_form",
                ],
            ),
            GinIndex(name="entrepreneur_facet_areas", fields=["facet_service_areas"]),
            GinIndex(name="entrepreneur_facet_groups", fields=["facet_target_groups"]),
            GinIndex(name="entrepreneur_facet_forms", fields=["facet_collaboration_forms"]),
            GinIndex(name="entrepreneur_facet_coverage", fields=["facet_coverage"]),
        ]
        constraints = [
            # A confirmation without the declaration it confirms would count an entrepreneur that
            # no longer claims to qualify.
            models.CheckConstraint(
                condition=Q(work_integration_confirmed_at__isnull=True) | Q(declares_work_integration=True),
                name="entrepreneur_work_integration_confirmed_only_if_declared",
            ),
            models.CheckConstraint(
                condition=Q(non_profit_confirmed_at__isnull=True) | Q(declares_non_profit=True),
                name="entrepreneur_non_profit_confirmed_only_if_declared",
            ),
        ]
        permissions = [
            ("confirm_declarations", _("Kan bekrefte erklæringer om reserverte kontrakter")),
            # Approving, rejecting, publishing and unpublishing a profile is more than editing its text.
            ("approve_socialentrepreneur", _("Kan godkjenne, avvise og publisere sosiale entreprenører")),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:entrepreneur-detail", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED


class Offer(models.Model):
    """Something an entrepreneur offers public bodies: a service, a programme, a product."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        PUBLISHED = "published", _("Publisert")

    entrepreneur = models.ForeignKey(
        SocialEntrepreneur, on_delete=models.CASCADE, related_name="offers", verbose_name=_("sosial entreprenør")
    )
    title = models.CharField(_("tittel"), max_length=200)
    description = models.TextField(_("beskrivelse"), max_length=6000, blank=True)
    service_areas = models.ManyToManyField(
        ServiceArea, blank=True, related_name="offers", verbose_name=_("tjenesteområder")
    )
    target_groups = models.ManyToManyField(TargetGroup, blank=True, related_name="offers", verbose_name=_("målgrupper"))
    collaboration_forms = models.ManyToManyField(
        CollaborationForm, blank=True, related_name="offers", verbose_name=_("samarbeidsformer")
    )
    price = models.CharField(_("veiledende pris"), max_length=200, blank=True)
    price_model = models.CharField(
        _("prismodell"), max_length=200, blank=True, help_text=_("For eksempel per år, per deltaker eller per kurs.")
    )
    evidence = models.TextField(_("dokumentert effekt"), max_length=4000, blank=True)
    evidence_url = models.URLField(_("lenke til dokumentasjon av effekt"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PUBLISHED)
    created = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated = models.DateTimeField(_("endret"), auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("tilbud")
        verbose_name_plural = pgettext_lazy("flertall", "tilbud")

    def __str__(self) -> str:
        return self.title


class Case(models.Model):
    """A real collaboration between public bodies and social entrepreneurs (samarbeidseksempel)."""

    title = models.CharField(_("tittel"), max_length=200)
    slug = models.SlugField(_("kortnavn"), max_length=200, unique=True)
    summary = models.CharField(_("kort fortalt"), max_length=400)
    body = models.TextField(_("tekst"), max_length=10000, blank=True)
    year = models.PositiveSmallIntegerField(_("år"), null=True, blank=True)
    public_bodies = models.ManyToManyField(
        PublicBody, blank=True, related_name="cases", verbose_name=_("offentlige virksomheter")
    )
    entrepreneurs = models.ManyToManyField(
        SocialEntrepreneur, blank=True, related_name="cases", verbose_name=_("sosiale entreprenører")
    )
    collaboration_forms = models.ManyToManyField(
        CollaborationForm, blank=True, related_name="cases", verbose_name=_("samarbeidsformer")
    )
    service_areas = models.ManyToManyField(
        ServiceArea, blank=True, related_name="cases", verbose_name=_("tjenesteområder")
    )
    procurement_applied = models.BooleanField(
        _("anskaffelsesregelverket gjaldt"),
        null=True,
        blank=True,
        help_text=_("La stå tomt hvis kilden ikke sier det."),
    )
    funding = models.TextField(_("finansiering"), max_length=2000, blank=True)
    lessons = models.TextField(_("erfaringer"), max_length=4000, blank=True)
    source_chapter = models.PositiveSmallIntegerField(_("kapittel i heftet"), null=True, blank=True)
    source = models.CharField(_("kilde"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PublicationStatus.choices, default=PublicationStatus.PUBLISHED
    )
    created = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated = models.DateTimeField(_("endret"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("samarbeidseksempel")
        verbose_name_plural = _("samarbeidseksempler")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("directory:case-detail", args=[self.slug])


class RegisterSyncRun(models.Model):
    """One run of manage.py sync_registers: the next run reads the update feed from this one's start."""

    started_at = models.DateTimeField(_("startet"))
    finished_at = models.DateTimeField(_("ferdig"), null=True, blank=True)
    checked = models.PositiveIntegerField(_("sjekket"), default=0)
    flagged = models.PositiveIntegerField(_("flagget"), default=0)
    proposed = models.PositiveIntegerField(_("forslag"), default=0)
    error = models.CharField(_("feil"), max_length=300, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("kjøring mot Enhetsregisteret")
        verbose_name_plural = _("kjøringer mot Enhetsregisteret")

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M}"


class SearchTerm(models.Model):
    """Every word (lexeme of 3 to 200 characters, not beginning with a digit) that has been in the
    entrepreneurs' search documents, for typo-tolerant search and for completing a stem.

    Filled by the same trigger that keeps SocialEntrepreneur.search_vector current (migration
    0018); nothing is removed. A query word that matches nothing exactly is expanded to the most
    similar words here (pg_trgm), and a stem to the words that begin with it (search.expand_terms).
    """

    word = models.CharField(max_length=200, primary_key=True)

    class Meta:
        # GiST, not GIN: the query takes the nearest words by trigram distance (<->, a KNN index scan).
        indexes = [
            GistIndex(name="searchterm_word_trgm_gist", fields=["word"], opclasses=["gist_trgm_ops"]),
            # In byte order, whatever the database's collation: the words that begin with a stem
            # are then one range of it (search.expand_terms).
            models.Index(Collate("word", "C"), name="searchterm_word_bytes"),
        ]

    def __str__(self) -> str:
        return self.word


# Self-service models live in their own module; importing them here registers them with the app
# whether or not the admin is loaded.
from directory.contact_models import ClaimWatch, ContactMessage  # noqa: E402, F401
from directory.member_models import BodyJoinRequest, ChangeRecord, EntrepreneurJoinRequest  # noqa: E402, F401
