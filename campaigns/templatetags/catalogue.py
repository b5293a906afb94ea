"""Template tags for names in two languages, the language switcher and pagination.

Each is a wrapper over ``campaigns.display``, where the work is done.
"""

from django import template

from campaigns import display

register = template.Library()

register.simple_tag(display.both_names_html, name="bilingual")
register.simple_tag(display.primary_name, name="primary_name")
register.simple_tag(display.localized_html, name="localized")
register.simple_tag(display.localized_place, name="place")
register.simple_tag(display.localized_division, name="division")
register.simple_tag(display.localized_paragraphs, name="localized_paragraphs")
register.simple_tag(display.page_links, name="page_links")
register.simple_tag(display.page_url, name="page_url")


@register.simple_tag(takes_context=True)
def language_links(context):
    """The same page in each language: dicts of code, name, url and whether it is this page."""
    return display.language_links(context.get("request"))


@register.filter
def in_language(obj, field):
    """A text field in the page's language, as plain text (for attributes such as alt and
    meta descriptions, where no marker can go)."""
    return display.in_page_language(obj, field)[0]
