"""One admin page per decision that waits for a curator: the facts, the buttons, the reason.

A ModelAdmin lists its decision pages in `decisions` (subclasses of `Decision`) and mixes in
`DecisionPagesMixin`, which adds each page's URL (`<pk>/<slug>/`, named
`admin:<app>_<model>_<name>`) behind `admin_site.admin_view` (log-in, CSRF). Each page asks the same
permission as the admin action that decides the same thing, and calls the same service function;
the decision is written to the object's history (LogEntry) with who, when and why, as the actions do.

A decision is taken once: the POST locks the row and checks that the matter is still open, so a
replayed form or a second curator in another tab gets "already decided" and nothing happens again.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


@dataclass
class Choice:
    """A button on the decision page."""

    value: str
    label: str
    needs_reason: bool = False


class DecisionForm(forms.Form):
    def __init__(self, *args, max_length: int, help_text: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"] = forms.CharField(
            label=_("Begrunnelse"),
            required=False,
            max_length=max_length,
            help_text=help_text,
            widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        )


class Decision:
    """One kind of decision on one model. Subclasses fill in the hooks below."""

    slug = "beslutning"
    name = "decide"
    title = ""
    reason_help = gettext_lazy("Må fylles ut når du avviser. Sendes på e-post, så de vet hva de kan gjøre nå.")
    reason_max_length = 2000

    def __init__(self, modeladmin):
        self.modeladmin = modeladmin

    def allowed(self, request) -> bool:
        raise NotImplementedError

    def queryset(self):
        return self.modeladmin.model._default_manager.all()

    def is_open(self, obj) -> bool:
        raise NotImplementedError

    def facts(self, request, obj) -> list[tuple[str, object]]:
        """(label, value) pairs; values are escaped unless made with format_html."""
        return []

    def choices(self, request, obj) -> list[Choice]:
        raise NotImplementedError

    def decide(self, request, obj, choice: Choice, reason: str) -> str:
        """Take the decision (the same service call and history entry as the admin action); the message."""
        raise NotImplementedError

    def closed_text(self, obj) -> str:
        return _("Dette er allerede avgjort. Status nå: %(status)s.") % {"status": obj.get_status_display()}

    def log(self, request, obj, message: str) -> None:
        self.modeladmin.log_change(request, obj, message)

    def url(self, obj) -> str:
        opts = self.modeladmin.opts
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{self.name}", args=[obj.pk])


def when_text(value) -> str:
    """A moment for the facts table: the date and time, and how long ago."""
    if value is None:
        return ""
    return _("%(date)s (for %(since)s siden)") % {
        "date": date_format(timezone.localtime(value), "DATETIME_FORMAT"),
        "since": timesince(value),
    }


def decision_url(obj, name: str = "decide") -> str:
    """The decision page of `obj` (its model's admin names its pages `decide`, `confirm` …)."""
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_{name}", args=[obj.pk])


def decision_view(decision: Decision, request, object_id):
    modeladmin = decision.modeladmin
    if not decision.allowed(request):
        raise PermissionDenied
    try:
        obj = decision.queryset().get(pk=object_id)
    except (decision.modeladmin.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        max_length=decision.reason_max_length,
        help_text=decision.reason_help,
    )
    if request.method == "POST":
        with transaction.atomic():
            # Locks the row until the decision is stored: a second curator waits, then finds it decided.
            obj = decision.queryset().select_for_update(of=("self",)).get(pk=obj.pk)
            if not decision.is_open(obj):
                messages.warning(request, _("Ingenting ble endret: %(text)s") % {"text": decision.closed_text(obj)})
                return HttpResponseRedirect(decision.url(obj))
            choices = {choice.value: choice for choice in decision.choices(request, obj)}
            choice = choices.get(request.POST.get("decision", ""))
            if choice is None:
                messages.error(request, _("Velg en av knappene for å ta en beslutning."))
            elif form.is_valid():
                reason = form.cleaned_data["reason"].strip()
                if choice.needs_reason and not reason:
                    form.add_error(
                        "reason", _("Skriv en begrunnelse når du avviser, så de som spurte vet hva de kan gjøre nå.")
                    )
                else:
                    try:
                        message = decision.decide(request, obj, choice, reason)
                    except ValidationError as error:
                        # A rule of the service said no (a case proposal without both consents …).
                        transaction.set_rollback(True)
                        messages.error(request, " ".join(error.messages))
                    else:
                        messages.success(request, message)
                        return HttpResponseRedirect(reverse("admin:index"))
    is_open = decision.is_open(obj)
    choices = decision.choices(request, obj) if is_open else []
    opts = modeladmin.model._meta
    # The admin's own pages of the object, when this curator may open them (join requests' list shows
    # only pending ones, so a decided one has none).
    linked = modeladmin.has_view_or_change_permission(request, obj) and (
        modeladmin.get_queryset(request).filter(pk=obj.pk).exists()
    )
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": decision.title,
        "subtitle": str(obj),
        "opts": opts,
        "object": obj,
        "facts": decision.facts(request, obj),
        "is_open": is_open,
        "closed_text": "" if is_open else decision.closed_text(obj),
        "choices": choices,
        "needs_reason": any(choice.needs_reason for choice in choices),
        "form": form,
        "change_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]) if linked else "",
        "history_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk]) if linked else "",
    }
    return TemplateResponse(request, "admin/decision.html", context)


class DecisionPagesMixin:
    """Adds the ModelAdmin's decision pages (its `decisions`) to its URLs."""

    decisions: list[type[Decision]] = []

    def get_urls(self):
        opts = self.model._meta
        pages = []
        for decision_class in self.decisions:
            decision = decision_class(self)

            def view(request, object_id, decision=decision):
                return decision_view(decision, request, object_id)

            pages.append(
                path(
                    f"<path:object_id>/{decision.slug}/",
                    self.admin_site.admin_view(view),
                    name=f"{opts.app_label}_{opts.model_name}_{decision.name}",
                )
            )
        return pages + super().get_urls()
