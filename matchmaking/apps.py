from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "matchmaking"
    verbose_name = _("Behov og treff")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from directory.models import CollaborationForm, ServiceArea, TargetGroup
        from matchmaking.candidates import forget_thesaurus
        from matchmaking.models import Concept, Need
        from veier.fragments import invalidate_on_change

        # /behov/ and public bodies' pages list the open needs.
        invalidate_on_change([Need], "needs")

        # The matching keeps the thesaurus in memory; a curator's change is read at once.
        post_save.connect(forget_thesaurus, sender=Concept, dispatch_uid="concept_saved")
        post_delete.connect(forget_thesaurus, sender=Concept, dispatch_uid="concept_deleted")
        for through in (Concept.service_areas.through, Concept.target_groups.through):
            m2m_changed.connect(forget_thesaurus, sender=through, dispatch_uid=f"concept_links_{through.__name__}")
        # It keeps the taxonomies' names too (by id, and the reader's labels for them).
        for model in (ServiceArea, TargetGroup, CollaborationForm):
            post_save.connect(forget_thesaurus, sender=model, dispatch_uid=f"term_saved_{model.__name__}")
            post_delete.connect(forget_thesaurus, sender=model, dispatch_uid=f"term_deleted_{model.__name__}")
