"""Template helpers for the public site: names in two languages and the language switcher."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, get_language_info, override

register = template.Library()

NAME_FIELDS = [("name", "name_zh"), ("title", "title_zh"), ("label", "label_zh")]
"""The (English, Chinese) field pairs entities are named by."""


def is_chinese_page():
    """Whether the page is being shown in Chinese."""
    return (get_language() or "").startswith("zh")


def name_pair(entity):
    """An entity's English and Chinese names (the Chinese one may be empty)."""
    for english, chinese in NAME_FIELDS:
        if hasattr(entity, chinese):
            return getattr(entity, english), getattr(entity, chinese)
    return str(entity), ""


@register.simple_tag
def bilingual(entity):
    """Both names, the page's language first: "Sina Weibo 新浪微博" or "新浪微博 Sina Weibo"."""
    english, chinese = name_pair(entity)
    if not chinese:
        return english
    if is_chinese_page():
        return format_html(
            '<span lang="zh-Hans">{}</span> <span class="alt-name" lang="en">{}</span>',
            chinese,
            english,
        )
    return format_html('{} <span class="alt-name" lang="zh-Hans">{}</span>', english, chinese)


@register.simple_tag
def primary_name(entity):
    """The one name to use in titles and attributes: Chinese on Chinese pages when known."""
    english, chinese = name_pair(entity)
    return chinese if chinese and is_chinese_page() else english


def local_path(request):
    """This page's path and query, always starting with exactly one "/" so it stays on this site.

    A request for "//evil.com/" must not become a link to another host.
    """
    if request is None:
        return "/"
    path = "/" + request.path.lstrip("/")
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{query}" if query else path


def home_url(code):
    """The home page in the language ``code``."""
    with override(code):
        return reverse("campaigns:home")


def page_in_language(path, code, current):
    """``path`` in the language ``code``, or that language's home page when it has no such page."""
    url = translate_url(path, code)
    if code != current and url == path:
        return home_url(code)
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return home_url(code)
    return url


@register.simple_tag(takes_context=True)
def language_links(context):
    """The same page in each language: dicts of code, name, url and whether it is this page."""
    path = local_path(context.get("request"))
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": page_in_language(path, code, current),
                "current": code == current,
            }
        )
    return links


@register.simple_tag
def page_links(page, form=None):
    """Links to the pages around ``page`` (with gaps as None), keeping the form's filters."""
    links = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            links.append(None)
        else:
            links.append(
                {
                    "number": number,
                    "url": page_url(page, number, form),
                    "current": number == page.number,
                }
            )
    return links


@register.simple_tag
def page_url(page, number, form=None):
    """The URL of page ``number`` of this list, with the same filters."""
    if form is not None:
        return form.query_string(page=number if number != 1 else "")
    return f"?page={number}" if number != 1 else "?"
