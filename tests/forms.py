"""What a browser would send back for a form on a page: every field as the page shows it, so a
test can change a few and post the rest as they were (an admin change form with its inline
rows and the hidden fields that go with them)."""

from html.parser import HTMLParser

from django.http import QueryDict

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
