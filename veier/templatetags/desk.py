"""``{% desk_queues as queues %}``: the curators' desk (veier/desk.py) for the admin start page."""

from django import template

from veier import desk

register = template.Library()


@register.simple_tag(takes_context=True)
def desk_queues(context):
    return desk.queues_for(context["request"].user)
