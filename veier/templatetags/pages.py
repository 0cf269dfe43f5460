"""``{% load pages %}``: the page links of a long list.

``{% for number in page|page_links %}`` gives the first and last page, the two on each side of the
current one, and ``…`` (Paginator.ELLIPSIS) for each gap. The template used to loop over every page
number to pick those out: a list of 8 000 needs took 400 rounds of the loop on every request.
"""

from django import template
from django.core.paginator import Page

register = template.Library()


@register.filter
def page_links(page: Page) -> list:
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
