from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields):
        if not email:
            raise ValueError("A user needs an e-mail address.")
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

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("bruker")
        verbose_name_plural = _("brukere")

    def __str__(self) -> str:
        return self.name or self.email
