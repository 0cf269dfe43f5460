"""The need list's filters (/behov/ and the needs dataset): one django-filter FilterSet."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.filters import (
    DirectoryFilterSet,
    collaboration_form_filter,
    county_filter,
    municipality_filter,
    service_area_filter,
    target_group_filter,
)


class NeedFilterSet(DirectoryFilterSet):
    """Needs by what they are about and where. A need for a whole county or all of Norway is shown
    for each place within it."""

    omrade = service_area_filter(field_name="service_areas", lookup_expr="in")
    malgruppe = target_group_filter(field_name="target_groups", lookup_expr="in")
    fylke = county_filter(method="filter_county")
    kommune = municipality_filter(
        method="filter_municipality", help_text=_("Viser også behov for hele fylket og hele landet.")
    )
    samarbeidsform = collaboration_form_filter(field_name="collaboration_forms", lookup_expr="in")

    def filter_county(self, queryset, name, value):
        return queryset.filter(Q(county=value) | Q(county__isnull=True))

    def filter_municipality(self, queryset, name, value):
        return queryset.filter(
            Q(municipality=value) | Q(municipality__isnull=True, county=value.county_id) | Q(county__isnull=True)
        )
