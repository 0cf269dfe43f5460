from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields):
        if not email:
            raise ValueError("A user needs an e-mail address.")
        if fields.get("is_active", True):
            # Users created by code or by a curator count as confirmed; only sign-ups wait for the link.
            fields.setdefault("confirmed_at", timezone.now())
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an e-mail address; curators are staff."""

    email = models.EmailField(_("e-postadresse"), max_length=254, unique=True)
    name = models.CharField(_("navn"), max_length=150, blank=True)
    is_staff = models.BooleanField(
        _("kurator"),
        default=False,
        help_text=_("Kuratorer kan logge inn i administrasjonen."),
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    date_joined = models.DateTimeField(_("registrert"), default=timezone.now)
    confirmed_at = models.DateTimeField(
        _("e-post bekreftet"),
        null=True,
        blank=True,
        help_text=_("Når brukeren klikket på lenken i bekreftelsen. Tomt for kontoer som venter på bekreftelse."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("bruker")
        verbose_name_plural = _("brukere")

    def __str__(self) -> str:
        return self.name or self.email

    @property
    def awaits_confirmation(self) -> bool:
        """Signed up but has not clicked the link yet (a curator's deactivation is not this)."""
        return not self.is_active and self.confirmed_at is None


class MembershipQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Membership.Status.APPROVED)

    def pending(self):
        return self.filter(status=Membership.Status.PENDING)


class Membership(models.Model):
    """A user's membership of an organisation, approved by a curator or an existing member."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Venter på godkjenning")
        APPROVED = "approved", _("Godkjent")
        REJECTED = "rejected", _("Avslått")

    user = models.ForeignKey(User, on_delete=models.CASCADE, verbose_name=_("bruker"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(
        _("melding"), max_length=1000, blank=True, help_text=_("Hvem du er og hvorfor du vil bli med.")
    )
    created = models.DateTimeField(_("spurt"), auto_now_add=True)
    decided_at = models.DateTimeField(_("avgjort"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("avgjort av"),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class EntrepreneurMembership(Membership):
    """Membership of a social entrepreneur: members keep its profile and offers up to date."""

    entrepreneur = models.ForeignKey(
        "directory.SocialEntrepreneur",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("sosial entreprenør"),
    )
    # Given when claiming a listing («Er dette din virksomhet?»): the curator compares it with the
    # listing, and it is put on a listing that has none when the claim is approved.
    orgnr = models.CharField(_("oppgitt organisasjonsnummer"), max_length=9, blank=True)

    class Meta:
        verbose_name = _("medlemskap i sosial entreprenør")
        verbose_name_plural = _("medlemskap i sosiale entreprenører")
        constraints = [
            models.UniqueConstraint(fields=["user", "entrepreneur"], name="one_membership_per_entrepreneur"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.entrepreneur}"


class BodyMembership(Membership):
    """Membership of a public body: members keep its contact persons and statement up to date."""

    public_body = models.ForeignKey(
        "directory.PublicBody",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("offentlig virksomhet"),
    )

    class Meta:
        verbose_name = _("medlemskap i offentlig virksomhet")
        verbose_name_plural = _("medlemskap i offentlige virksomheter")
        constraints = [
            models.UniqueConstraint(fields=["user", "public_body"], name="one_membership_per_body"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.public_body}"


class Attempt(models.Model):
    """One counted attempt at a way in (a log-in, a sign-up, a message that sends e-mail …).

    Kept for the throttling window of its scope (accounts.throttle) and then deleted. Rows in the
    database rather than a per-process cache so that every server process counts the same attempts;
    each attempt is written before it is counted, which makes the count safe against parallel requests.
    """

    scope = models.CharField(_("hva"), max_length=40)
    key = models.CharField(_("hvem"), max_length=300, help_text=_("E-postadressen eller IP-adressen som telles."))
    created = models.DateTimeField(_("tidspunkt"))

    class Meta:
        verbose_name = _("forsøk")
        verbose_name_plural = _("forsøk")
        indexes = [
            models.Index(name="attempt_scope_key_created", fields=["scope", "key", "created"]),
            models.Index(name="attempt_created", fields=["created"]),
        ]

    def __str__(self) -> str:
        return f"{self.scope}: {self.key}"
