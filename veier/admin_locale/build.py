"""Bokmål and nynorsk for the Django admin strings that Django's own nb and nn catalogues lack.

Django's catalogues come from Transifex and lag behind the admin's templates, so curators saw
«Skip to main content», «Show counts», «Start typing to filter…» in the bokmål admin. This
directory is on LOCALE_PATHS, after the project's own locale/, so these fill only the gaps.
The same goes for django.contrib.auth's strings (AUTH below): the password validator's message on
the sign-up and password pages and the admin's user form were in English.
Run `python veier/admin_locale/build.py` after editing, then `manage.py compilemessages`.
"""

from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent

# msgid (or (context, msgid), or (msgid, msgid_plural)): (bokmål, nynorsk)
DJANGO = {
    "Select this object for an action - {}": (
        "Velg dette objektet for en handling – {}",
        "Vel dette objektet for ei handling – {}",
    ),
    "Breadcrumbs": ("Brødsmulesti", "Brødsmulesti"),
    "Model name": ("Modellnavn", "Modellnamn"),
    "Add link": ("Lenke for å legge til", "Lenkje for å leggje til"),
    "Change or view list link": ("Lenke for å endre eller se listen", "Lenkje for å endre eller sjå lista"),
    "After you’ve created a user, you’ll be able to edit more user options.": (
        "Når du har opprettet brukeren, kan du endre flere innstillinger.",
        "Når du har oppretta brukaren, kan du endre fleire innstillingar.",
    ),
    "Error:": ("Feil:", "Feil:"),
    "Set password": ("Sett passord", "Set passord"),
    "This action will <strong>enable</strong> password-based authentication for this user.": (
        "Denne handlingen vil <strong>slå på</strong> innlogging med passord for denne brukeren.",
        "Denne handlinga vil <strong>slå på</strong> innlogging med passord for denne brukaren.",
    ),
    "Disable password-based authentication": ("Slå av innlogging med passord", "Slå av innlogging med passord"),
    "Enable password-based authentication": ("Slå på innlogging med passord", "Slå på innlogging med passord"),
    "Skip to main content": ("Hopp til hovedinnholdet", "Hopp til hovudinnhaldet"),
    "Hide counts": ("Skjul antall", "Skjul tal"),
    "Show counts": ("Vis antall", "Vis tal"),
    "Toggle theme (current theme: auto)": ("Bytt tema (nå: automatisk)", "Byt tema (no: automatisk)"),
    "Toggle theme (current theme: light)": ("Bytt tema (nå: lyst)", "Byt tema (no: lyst)"),
    "Toggle theme (current theme: dark)": ("Bytt tema (nå: mørkt)", "Byt tema (no: mørkt)"),
    "Added:": ("Lagt til:", "Lagt til:"),
    "Changed:": ("Endret:", "Endra:"),
    "Deleted:": ("Slettet:", "Sletta:"),
    "Forgotten your login credentials?": ("Glemt innloggingen din?", "Gløymt innlogginga di?"),
    "Sidebar": ("Sidemeny", "Sidemeny"),
    "Start typing to filter…": ("Skriv for å filtrere …", "Skriv for å filtrere …"),
    "Filter navigation items": ("Filtrer menypunktene", "Filtrer menypunkta"),
    ("entry", "entries"): (("oppføring", "oppføringer"), ("oppføring", "oppføringar")),
    # Django's catalogues have only the old singular form of this one.
    ("Please correct the error below.", "Please correct the errors below."): (
        ("Rett feilen nedenfor.", "Rett feilene nedenfor."),
        ("Rett feilen nedanfor.", "Rett feila nedanfor."),
    ),
    "View selected %(model)s": ("Se valgt %(model)s", "Sjå vald %(model)s"),
    "Thanks for spending some quality time with the web site today.": (
        "Takk for at du brukte tid på nettstedet i dag.",
        "Takk for at du brukte tid på nettstaden i dag.",
    ),
    "In case you’ve forgotten, you are:": (
        "I tilfelle du har glemt det, er du:",
        "I tilfelle du har gløymt det, er du:",
    ),
    "Select all objects on this page for an action": (
        "Velg alle objektene på denne siden for en handling",
        "Vel alle objekta på denne sida for ei handling",
    ),
}

# Strings of django.contrib.auth that its nb and nn catalogues lack (Django 5.1 and 5.2 added or
# changed them): the password validator on sign-up and password pages, and the user form in admin.
AUTH = {
    "Conflicting form data submitted. Please try again.": (
        "Skjemaet ble sendt med opplysninger som ikke passer sammen. Prøv igjen.",
        "Skjemaet vart sendt med opplysningar som ikkje passar saman. Prøv igjen.",
    ),
    "Password-based authentication was disabled.": (
        "Innlogging med passord er slått av.",
        "Innlogging med passord er slått av.",
    ),
    "Set password: %s": ("Sett passord: %s", "Set passord: %s"),
    "Reset password": ("Nullstill passord", "Nullstill passord"),
    "Whether the user will be able to authenticate using a password or not. If disabled, they may still be "
    "able to authenticate using other backends, such as Single Sign-On or LDAP.": (
        "Om brukeren kan logge inn med passord. Når det er slått av, kan brukeren fortsatt logge inn på andre "
        "måter, for eksempel med felles innlogging (Single Sign-On) eller LDAP.",
        "Om brukaren kan logge inn med passord. Når det er slått av, kan brukaren framleis logge inn på andre "
        "måtar, til dømes med felles innlogging (Single Sign-On) eller LDAP.",
    ),
    "Password-based authentication": ("Innlogging med passord", "Innlogging med passord"),
    "Enabled": ("Slått på", "Slått på"),
    "Disabled": ("Slått av", "Slått av"),
    "Raw passwords are not stored, so there is no way to see the user’s password.": (
        "Passord lagres ikke i klartekst, så ingen kan se passordet til brukeren.",
        "Passord blir ikkje lagra i klartekst, så ingen kan sjå passordet til brukaren.",
    ),
    "Enable password-based authentication for this user by setting a password.": (
        "Slå på innlogging med passord for denne brukeren ved å sette et passord.",
        "Slå på innlogging med passord for denne brukaren ved å setje eit passord.",
    ),
    (
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ): (
        ("Passordet er for kort. Det må ha minst %d tegn.", "Passordet er for kort. Det må ha minst %d tegn."),
        ("Passordet er for kort. Det må ha minst %d teikn.", "Passordet er for kort. Det må ha minst %d teikn."),
    ),
    "Enter a valid username. This value may contain only unaccented lowercase a-z and uppercase A-Z "
    "letters, numbers, and @/./+/-/_ characters.": (
        "Skriv et gyldig brukernavn. Det kan bare ha bokstavene a–z og A–Z uten aksenter, tall og tegnene @/./+/-/_.",
        "Skriv eit gyldig brukarnamn. Det kan berre ha bokstavane a–z og A–Z utan aksentar, tal og teikna @/./+/-/_.",
    ),
}

DJANGOJS = {
    'Choose %s by selecting them and then select the "Choose" arrow button.': (
        "Velg %s ved å markere dem og så trykke på pilknappen «Velg».",
        "Vel %s ved å markere dei og så trykkje på pilknappen «Vel».",
    ),
    "Choose all %s": ("Velg alle %s", "Vel alle %s"),
    "Choose selected %s": ("Velg markerte %s", "Vel markerte %s"),
    "Remove selected %s": ("Fjern markerte %s", "Fjern markerte %s"),
    'Remove %s by selecting them and then select the "Remove" arrow button.': (
        "Fjern %s ved å markere dem og så trykke på pilknappen «Fjern».",
        "Fjern %s ved å markere dei og så trykkje på pilknappen «Fjern».",
    ),
    "Type into this box to filter down the list of selected %s.": (
        "Skriv i denne boksen for å filtrere listen over valgte %s.",
        "Skriv i denne boksen for å filtrere lista over valde %s.",
    ),
    "(click to clear)": ("(klikk for å tømme)", "(klikk for å tømme)"),
    "Remove all %s": ("Fjern alle %s", "Fjern alle %s"),
    ("%s selected option not visible", "%s selected options not visible"): (
        ("%s valgt alternativ vises ikke", "%s valgte alternativer vises ikke"),
        ("%s valt alternativ blir ikkje vist", "%s valde alternativ blir ikkje viste"),
    ),
    "Sunday": ("søndag", "søndag"),
    "Monday": ("mandag", "måndag"),
    "Tuesday": ("tirsdag", "tysdag"),
    "Wednesday": ("onsdag", "onsdag"),
    "Thursday": ("torsdag", "torsdag"),
    "Friday": ("fredag", "fredag"),
    "Saturday": ("lørdag", "laurdag"),
    ("abbrev. day Sunday", "Sun"): ("søn", "søn"),
    ("abbrev. day Monday", "Mon"): ("man", "mån"),
    ("abbrev. day Tuesday", "Tue"): ("tir", "tys"),
    ("abbrev. day Wednesday", "Wed"): ("ons", "ons"),
    ("abbrev. day Thursday", "Thur"): ("tor", "tor"),
    ("abbrev. day Friday", "Fri"): ("fre", "fre"),
    ("abbrev. day Saturday", "Sat"): ("lør", "lau"),
}


def entries(table: dict, index: int):
    for key, values in table.items():
        value = values[index]
        if isinstance(value, tuple):  # (singular, plural)
            yield polib.POEntry(msgid=key[0], msgid_plural=key[1], msgstr_plural={0: value[0], 1: value[1]})
        elif isinstance(key, tuple):
            yield polib.POEntry(msgctxt=key[0], msgid=key[1], msgstr=value)
        else:
            flags = ["python-format"] if "%(" in key else []
            yield polib.POEntry(msgid=key, msgstr=value, flags=flags)


def build() -> None:
    for index, lang in enumerate(("nb", "nn")):
        for domain, table in (
            ("django", {**DJANGO, **AUTH}),
            ("djangojs", DJANGOJS),
        ):
            po = polib.POFile(wrapwidth=0)
            po.metadata = {
                "Project-Id-Version": "veier admin",
                "Language": lang,
                "MIME-Version": "1.0",
                "Content-Type": "text/plain; charset=UTF-8",
                "Content-Transfer-Encoding": "8bit",
                "Plural-Forms": "nplurals=2; plural=(n != 1);",
            }
            for entry in entries(table, index):
                po.append(entry)
            path = HERE / lang / "LC_MESSAGES" / f"{domain}.po"
            path.parent.mkdir(parents=True, exist_ok=True)
            po.save(str(path))


if __name__ == "__main__":
    build()
