"""Reading pages and sending forms as a reader's or a curator's browser would: a page's HTML
and words, the admin's addresses and messages, what a form on a page would send back (every
field as the page shows it), and the POST data of the admin's forms and inline formsets."""

import html
import re
from html import unescape
from html.parser import HTMLParser

from django.http import QueryDict
from django.urls import reverse

from campaigns.models import format_codes


def page(client, url, status=200):
    """Get a page, check its status, and return its HTML."""
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def contains_html(page_html, fragment):
    """Whether ``fragment`` (markup) is in the page, as HTML: attribute order, quotes and
    whitespace between tags do not matter (Django's own HTML comparison)."""
    from django.test.html import parse_html

    return parse_html(page_html).count(parse_html(fragment)) > 0


def text(html):
    """The words of a page, without tags and with spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def formset_data(prefix, rows=(), initial=0):
    """The POST data of an inline formset holding ``rows`` (dicts of field values)."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def campaign_form_data(campaign, *, figures=(), participants=(), images=(), evidence=(), **changes):
    """What a campaign's admin page sends when saved, for a campaign with no inline rows yet."""
    data = {
        "title": campaign.title,
        "title_zh": campaign.title_zh,
        "slug": campaign.slug,
        "status": campaign.status,
        "summary": campaign.summary,
        "description": campaign.description,
        "start_date": campaign.start_date.isoformat() if campaign.start_date else "",
        "start_precision": campaign.start_precision,
        "end_date": campaign.end_date.isoformat() if campaign.end_date else "",
        "end_precision": campaign.end_precision,
        "location": campaign.location,
        "country": campaign.country.code or "",
        "division": campaign.division_id or "",
        "cause": campaign.cause,
        "approach": campaign.approach,
        "formats": format_codes(campaign.formats),
        "scope": campaign.scope,
    }
    if campaign.pk is not None:
        data["platforms"] = [platform.pk for platform in campaign.platforms.all()]
        data["sources"] = [source.pk for source in campaign.sources.all()]
        data["tags"] = ", ".join(tag.name for tag in campaign.tags.all())
    data.update(changes)
    data.update(formset_data("figures", figures))
    data.update(formset_data("participations", participants))
    data.update(formset_data("evidence", evidence))
    data.update(formset_data("images", images))
    return data


def figure_row(source, **changes):
    """A new figure typed into the campaign page."""
    row = {
        "label": "Donations raised",
        "label_zh": "",
        "stated_as": "over 110 million RMB",
        "value": "110000000",
        "unit": "CNY",
        "kind": "",
        "qualifier": "over",
        "period": "within 72 hours",
        "as_of": "",
        "as_of_precision": "day",
        "source": source.pk,
        "key": "yaan-donations",
        "order": "0",
    }
    row.update(changes)
    return row


def inline_formset(response, prefix):
    """The inline formset with ``prefix`` on an admin change page."""
    inlines = response.context["inline_admin_formsets"]
    return next(inline.formset for inline in inlines if inline.formset.prefix == prefix)


def change_url(obj):
    return reverse(f"admin:campaigns_{obj._meta.model_name}_change", args=[obj.pk])


def changelist_url(model):
    return reverse(f"admin:campaigns_{model._meta.model_name}_changelist")


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def column(response, name):
    """The cells of one column of a changelist, as text."""
    cells = re.findall(
        rf'class="field-{name}(?: nowrap)?">(.*?)</t[dh]>', response.content.decode(), re.S
    )
    return [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells]


def image_row(upload):
    return {
        "image": upload,
        "alt_text": "Farmers filming apples",
        "caption": "",
        "credit": "",
        "order": "0",
    }


# --------------------------------------------------------------------------- forms on a page

TEXT_INPUTS = {"text", "hidden", "number", "date", "time", "url", "email", "search", "tel", ""}


class FormReader(HTMLParser):
    """The fields of every form on a page, by the form's id (or its place on the page)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.forms = {}
        self.fields = []
        self.select = None
        self.option = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = True
            self.fields = self.forms.setdefault(attrs.get("id") or len(self.forms), [])
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "").lower()
            if kind in TEXT_INPUTS:
                self.fields.append((name, attrs.get("value", "")))
            elif kind in ("checkbox", "radio") and "checked" in attrs:
                self.fields.append((name, attrs.get("value", "on")))
        elif tag == "select" and name:
            self.select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self.select is not None:
            self.option = [attrs.get("value"), "selected" in attrs, ""]
            self.select["options"].append(self.option)
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.option is not None:
            self.option[2] += data
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "form":
            self.inside = False
        elif tag == "option":
            self.option = None
        elif tag == "select" and self.select is not None:
            options = [
                (value if value is not None else text.strip(), selected)
                for value, selected, text in self.select["options"]
            ]
            chosen = [value for value, selected in options if selected]
            if not chosen and not self.select["multiple"] and options:
                chosen = [options[0][0]]
            self.fields.extend((self.select["name"], value) for value in chosen)
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.fields.append((name, text[1:] if text.startswith("\n") else text))
            self.textarea = None


def form_data(response, form_id=None):
    """The fields of the form with ``form_id`` on the page of ``response`` (by default the
    form with the most fields), as a mutable QueryDict."""
    reader = FormReader()
    reader.feed(response.content.decode())
    if form_id is None:
        fields = max(reader.forms.values(), key=len)
    else:
        fields = reader.forms[form_id]
    data = QueryDict(mutable=True)
    for name, value in fields:
        data.appendlist(name, value)
    return data


NOTE = {"correction_note": "Corrected from the source.", "correction_note_zh": "据来源更正。"}
"""A public note on a correction in both languages, as a curator types it beside a figure."""


def post_checking_corrections(client, url, data):
    """Send an admin form; if it comes back showing the corrections it makes as readers will
    see them (to be checked before they are made), send it again as the page now stands — the
    curator has checked them. The last response."""
    response = client.post(url, data)
    if response.status_code == 200 and 'class="correction-preview"' in response.content.decode():
        response = client.post(url, form_data(response))
    return response
