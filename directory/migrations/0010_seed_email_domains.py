"""Seed the e-mail domains: each municipality's and county municipality's own (directory/domains.py),
and nav.no as a domain many bodies share. Bodies that already have domains keep them."""

from django.db import migrations

SHARED = [("nav.no", "Alle NAV-kontorer og NAV-enheter har adresser på nav.no; en kurator avgjør hvilket kontor.")]


def seed(apps, schema_editor):
    from directory.domains import default_domains

    PublicBody = apps.get_model("directory", "PublicBody")
    SharedEmailDomain = apps.get_model("directory", "SharedEmailDomain")
    for domain, note in SHARED:
        SharedEmailDomain.objects.get_or_create(domain=domain, defaults={"note": note})
    for body in PublicBody.objects.filter(email_domains=[]).select_related("municipality", "county"):
        domains = default_domains(
            body.kind,
            body.municipality.name if body.municipality else None,
            body.county.number if body.county else None,
        )
        if domains:
            body.email_domains = domains
            body.save(update_fields=["email_domains"])


def unseed(apps, schema_editor):
    from directory.domains import default_domains

    PublicBody = apps.get_model("directory", "PublicBody")
    SharedEmailDomain = apps.get_model("directory", "SharedEmailDomain")
    SharedEmailDomain.objects.filter(domain__in=[domain for domain, _ in SHARED]).delete()
    for body in PublicBody.objects.exclude(email_domains=[]).select_related("municipality", "county"):
        seeded = default_domains(
            body.kind,
            body.municipality.name if body.municipality else None,
            body.county.number if body.county else None,
        )
        if seeded and body.email_domains == seeded:
            body.email_domains = []
            body.save(update_fields=["email_domains"])


class Migration(migrations.Migration):
    dependencies = [("directory", "0009_shared_email_domains")]

    operations = [migrations.RunPython(seed, unseed)]
