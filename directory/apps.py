from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Katalog")

    def ready(self):
        from directory import models
        from veier.fragments import invalidate_on_change

        # Cached fragments name the data they show (veier/fragments.py); these saves renew them.
        taxonomies = [models.ServiceArea, models.TargetGroup, models.CollaborationForm, models.OrganisationForm]
        invalidate_on_change(taxonomies, "taxonomy")
        invalidate_on_change([models.County, models.Municipality, models.FormerMunicipalityName], "places")
        invalidate_on_change(
            [models.SocialEntrepreneur, models.Offer, models.PublicBody, models.ContactPerson, models.Case], "directory"
        )
