"""Template tags of the curators' admin (the public site's are in ``catalogue.py``)."""

from django import template
from django.utils.html import json_script

from .. import figure_readings as readings
from ..models import Campaign, Suggestion

register = template.Library()


@register.simple_tag
def campaigns_by_status():
    """How many campaigns are in each status, for the admin's home page."""
    return Campaign.objects.count_by_status()


@register.simple_tag
def suggestions_waiting():
    """How many readers' suggestions no curator has decided on yet."""
    return Suggestion.objects.waiting().count()


@register.simple_tag
def figure_readings():
    """The words the figure form reads a typed value with, as the page's JSON data."""
    return json_script(readings.figure_readings(), "figure-readings")
