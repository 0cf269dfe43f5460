"""Account forms. Every message says, in plain Norwegian, what to do; passwords are never shown again."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import authenticate, password_validation
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts import throttle
from accounts.models import User

NAME_MAX_LENGTH = User._meta.get_field("name").max_length
EMAIL_MAX_LENGTH = User._meta.get_field("email").max_length
# Long enough for any passphrase, short enough that hashing it costs nothing.
PASSWORD_MAX_LENGTH = 128
HONEYPOT_FIELD = "nettside"

TOO_LONG = _("Skriv høyst %(limit_value)d tegn. Nå er det %(show_value)d.")
EMAIL_MESSAGES = {
    "required": _("Skriv e-postadressen din."),
    "invalid": _("Skriv e-postadressen på formen navn@eksempel.no."),
    "max_length": TOO_LONG,
}
PASSWORD_HELP = _(
    "Minst 10 tegn. Ikke bruk et vanlig passord, og ikke bare tall. En setning med flere ord er lett å huske."
)
LOGIN_FAILED = _("E-post eller passord er feil. Sjekk at du har skrevet riktig, og prøv igjen.")

# Our own wording for Django's password validators, by error code: the built-in Norwegian texts
# are not complete and do not say what to do instead.
PASSWORD_MESSAGES = {
    "password_too_short": _("Passordet er for kort. Bruk minst %(min_length)d tegn."),
    "password_too_common": _(
        "Passordet er for vanlig og lett å gjette. Velg et annet, gjerne en setning med flere ord."
    ),
    "password_entirely_numeric": _("Passordet kan ikke bare være tall. Ta med bokstaver også."),
    "password_too_similar": _(
        "Passordet ligner for mye på navnet eller e-postadressen din. Velg et passord som er ulikt dem."
    ),
}


def validate_new_password(password: str, user: User | None) -> None:
    """Run the validators from settings, with our messages."""
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        messages = []
        for item in error.error_list:
            message = PASSWORD_MESSAGES.get(item.code)
            messages.append(ValidationError(message, code=item.code, params=item.params) if message else item)
        raise ValidationError(messages) from error


def email_field(**kwargs) -> forms.EmailField:
    return forms.EmailField(
        label=_("E-post"),
        max_length=EMAIL_MAX_LENGTH,
        error_messages=EMAIL_MESSAGES,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        **kwargs,
    )


def password_field(label, *, required_message, autocomplete: str, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=PASSWORD_MAX_LENGTH,
        strip=False,
        error_messages={"required": required_message, "max_length": TOO_LONG},
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}),
    )


class NewPasswordForm(forms.Form):
    """A new password typed twice. Also the form of Django's password-reset confirmation view."""

    new_password1 = password_field(
        _("Nytt passord"),
        required_message=_("Skriv et nytt passord."),
        autocomplete="new-password",
        help_text=PASSWORD_HELP,
    )
    new_password2 = password_field(
        _("Gjenta det nye passordet"),
        required_message=_("Skriv det nye passordet en gang til."),
        autocomplete="new-password",
    )

    def __init__(self, user: User, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_new_password1(self) -> str:
        password = self.cleaned_data["new_password1"]
        validate_new_password(password, self.user)
        return password

    def clean_new_password2(self) -> str:
        password = self.cleaned_data["new_password2"]
        first = self.cleaned_data.get("new_password1")
        if first and password != first:
            raise ValidationError(_("Passordene er ikke like. Skriv det samme passordet i begge feltene."))
        return password

    def save(self, commit: bool = True) -> User:
        self.user.set_password(self.cleaned_data["new_password1"])
        if commit:
            self.user.save(update_fields=["password"])
            from accounts.services import password_reset_done

            password_reset_done(user=self.user)
        return self.user


class PasswordChangeForm(NewPasswordForm):
    old_password = password_field(
        _("Passordet du har nå"),
        required_message=_("Skriv passordet du logger inn med nå."),
        autocomplete="current-password",
    )

    field_order = ["old_password", "new_password1", "new_password2"]

    def clean_old_password(self) -> str:
        password = self.cleaned_data["old_password"]
        if not self.user.check_password(password):
            raise ValidationError(_("Passordet er feil. Skriv passordet du logger inn med nå."))
        return password


class SignupForm(forms.Form):
    name = forms.CharField(
        label=_("Navn"),
        max_length=NAME_MAX_LENGTH,
        error_messages={"required": _("Skriv navnet ditt."), "max_length": TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = email_field(help_text=_("Vi sender en lenke hit som du må klikke på for å bekrefte adressen."))
    password1 = password_field(
        _("Passord"), required_message=_("Velg et passord."), autocomplete="new-password", help_text=PASSWORD_HELP
    )
    password2 = password_field(
        _("Gjenta passordet"), required_message=_("Skriv passordet en gang til."), autocomplete="new-password"
    )

    def is_spam(self) -> bool:
        """Only robots fill in the hidden field; they get the usual answer and nothing happens."""
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def clean_email(self) -> str:
        return User.objects.normalize_email(self.cleaned_data["email"]).lower()

    def clean_password1(self) -> str:
        password = self.cleaned_data["password1"]
        # Compare with what was typed in the other fields, as if the account existed.
        candidate = User(name=self.cleaned_data.get("name", ""), email=self.cleaned_data.get("email", ""))
        validate_new_password(password, candidate)
        return password

    def clean_password2(self) -> str:
        password = self.cleaned_data["password2"]
        first = self.cleaned_data.get("password1")
        if first and password != first:
            raise ValidationError(_("Passordene er ikke like. Skriv det samme passordet i begge feltene."))
        return password


class LoginForm(forms.Form):
    email = email_field()
    password = password_field(
        _("Passord"), required_message=_("Skriv passordet ditt."), autocomplete="current-password"
    )

    def __init__(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        self.user: User | None = None
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "username"

    def clean_email(self) -> str:
        return throttle.normalise_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        email, password = cleaned.get("email"), cleaned.get("password")
        if email and password:
            self.user = authenticate_throttled(self.request, email, password)
        return cleaned


def authenticate_throttled(request: HttpRequest, email: str, password: str) -> User:
    """The user with this address and password, counted by the throttle; else a ValidationError.

    One function for every log-in form (the portal's and the admin's), so one policy for both.
    """
    attempt = throttle.check(request, "login", address=email)
    if attempt.refused:
        # The password is not checked at all; a password-reset link is still a way in.
        raise ValidationError(throttle.message(attempt), code="throttled")
    # Inactive and unknown accounts fail here too, with the same message.
    user = authenticate(request, email=email, password=password)
    if user is None:
        raise ValidationError(LOGIN_FAILED, code="invalid_login")
    attempt.succeeded()
    return user


class AdminLoginForm(AdminAuthenticationForm):
    """Django admin's log-in form, counted by the same throttle as the portal's log-in."""

    def clean(self):
        email, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if email and password:
            self.user_cache = authenticate_throttled(self.request, throttle.normalise_email(email), password)
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class EmailForm(forms.Form):
    """Just an address: for a new confirmation link or a password-reset link."""

    email = email_field()


class DeleteAccountForm(forms.Form):
    password = password_field(
        _("Passordet ditt"),
        required_message=_("Skriv passordet ditt for å bekrefte at du vil slette kontoen."),
        autocomplete="current-password",
    )

    def __init__(self, user: User, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("Passordet er feil. Skriv passordet du logger inn med."))
        return password
