"""The template tag for what a case page's head tells link previews and search engines
(OpenGraph, Twitter card, schema.org JSON-LD); ``campaigns.page_meta`` does the work."""

from django import template

from campaigns import page_meta

register = template.Library()


@register.simple_tag(takes_context=True)
def campaign_meta(context, campaign):
    """What a case page's head says about the case: its address, title, image and JSON-LD."""
    return page_meta.campaign_meta(context["request"], campaign)
