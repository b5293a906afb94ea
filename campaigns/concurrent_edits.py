"""
No lost update: an admin change form refuses to save over a change made since it was opened.

Two curators open the same case; A changes the title and saves; B changes the summary and saves
the form B opened before A's save. Without a check, B's form would write back the title B was
shown and A's title would be gone. So every change form (a case, and each of its inline
figures, participants and images; a figure, organisation, platform, source or tag on its own
page) carries a signed snapshot of the fields it shows, as they were when it was opened
(``edit_token``, a hidden field). On save the row is read again, locked until the save ends
(on PostgreSQL), and compared with the snapshot. If someone else changed a field meanwhile,
nothing is saved and the form comes back:

- saying who changed it and when ("Changed by alice at 14:02 … since you opened it"), from the
  row's last revision in the history;
- listing each of their changes, field by field, old → new;
- holding the curator's own input, except in the fields the curator left as they were, which
  now hold the other curator's values, so that saving again keeps both curators' work;
- with a new snapshot, so the next save goes through.

Fields both curators changed to the same value are no conflict. A form posted without a
snapshot (a script, a test client) is saved as before.
"""

import datetime
import json
from decimal import Decimal

from django import forms
from django.core import signing
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from taggit.managers import TaggableManager
from taggit.utils import edit_string_for_tags

TOKEN = "edit_token"
"""The name of the hidden field that carries the snapshot."""

SALT = "campaigns.concurrent_edits"


class EditTokenField(forms.CharField):
    """The hidden snapshot: never counted as a change the curator made."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=False, **kwargs)

    def has_changed(self, initial, data):
        return False


def _compared_fields(form):
    """The model fields the form shows and saves, by name (files are left out: a form that
    uploads nothing keeps the stored file)."""
    opts = form._meta.model._meta
    fields = {}
    for name in form.fields:
        if name == TOKEN:
            continue
        try:
            field = opts.get_field(name)
        except Exception:  # noqa: BLE001 - a form-only field (a correction's note)
            continue
        if isinstance(field, models.FileField) or not getattr(field, "editable", True):
            continue
        fields[name] = field
    return fields


def as_text(field, value):
    """``value`` of model ``field`` as text, so that the stored value, the value a form was
    opened with and the value a curator sent compare equal when they mean the same."""
    if isinstance(field, TaggableManager):
        return json.dumps(sorted({str(getattr(tag, "name", tag)).casefold() for tag in value}))
    if field.many_to_many:
        return json.dumps(sorted(str(getattr(item, "pk", item)) for item in value or ()))
    if value is None or value == "":
        return ""
    if field.is_relation:
        return str(getattr(value, "pk", value))
    if isinstance(field, models.DecimalField):
        return format(Decimal(str(value)).normalize(), "f")
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).replace("\r\n", "\n").strip()


def _stored_values(form, fields, row):
    """The values the row holds now: concrete fields from ``row`` (read again, locked), the
    many-to-many ones as the form read them for this request."""
    values = {}
    for name, field in fields.items():
        if field.many_to_many:
            values[name] = form.initial.get(name, [])
        else:
            values[name] = getattr(row, field.attname)
    return values


def _sent_values(form, fields):
    """What the curator's form would save, field by field."""
    return {name: form.cleaned_data[name] for name in fields if name in form.cleaned_data}


def _snapshot(fields, values):
    return {name: as_text(fields[name], values[name]) for name in values}


def make_token(form, values=None):
    """The signed snapshot of the form's fields (``values``, or the form's initial values:
    the row as it was read for this request), with the time it was taken."""
    fields = _compared_fields(form)
    if values is None:
        values = {name: form.initial.get(name) for name in fields}
    return signing.dumps(
        {"at": timezone.now().isoformat(), "fields": _snapshot(fields, values)},
        salt=SALT,
        compress=True,
    )


def _last_change(instance, since):
    """(who, when) of the row's last recorded change after ``since``, as far as the history
    knows; (None, the row's own change time or None) when it does not."""
    from reversion.models import Version

    version = (
        Version.objects.get_for_object(instance).select_related("revision__user").first()
        if instance.pk
        else None
    )
    if version is not None and version.revision.date_created >= since:
        user = version.revision.user
        return (user.get_username() if user else None), version.revision.date_created
    return None, getattr(instance, "updated_at", None)


def _when(moment):
    local = timezone.localtime(moment)
    return _("%(time)s on %(date)s (%(zone)s)") % {
        "time": date_format(local, "H:i"),
        "date": date_format(local, "j M Y"),
        "zone": timezone.get_current_timezone_name(),
    }


def _shown(field, text):
    """A field's value as text for a person: names of related rows, labels of choices."""
    if text in ("", "[]"):
        return _("(empty)")
    if field.many_to_many and not isinstance(field, TaggableManager):
        keys = json.loads(text)
        rows = field.related_model._base_manager.in_bulk(keys)
        return ", ".join(str(rows.get(int(key), key)) for key in keys)
    if isinstance(field, TaggableManager):
        return ", ".join(json.loads(text))
    if field.is_relation:
        row = field.related_model._base_manager.filter(pk=text).first()
        return str(row) if row is not None else text
    if field.choices:
        return str(dict(field.flatchoices).get(text, text))
    return "“" + Truncator(text).chars(120) + "”"


def _raw(form, name, field, value):
    """Put ``value`` into the form's data as the field's widget would send it."""
    key = form.add_prefix(name)
    widget = form.fields[name].widget
    widget = getattr(widget, "widget", widget)  # inside the admin's related-field wrapper
    if isinstance(widget, forms.CheckboxInput):
        if value:
            form.data[key] = "on"
        else:
            form.data.pop(key, None)
    elif isinstance(field, TaggableManager):
        form.data[key] = edit_string_for_tags(list(value))
    elif field.many_to_many:
        form.data.setlist(key, [str(getattr(item, "pk", item)) for item in value])
    elif value is None:
        form.data[key] = ""
    elif field.is_relation:
        form.data[key] = str(getattr(value, "pk", value))
    elif isinstance(value, Decimal):
        form.data[key] = format(value.normalize(), "f")
    else:
        form.data[key] = str(value)


class ConcurrentEditForm(forms.ModelForm):
    """A model form that refuses to save over a change made since it was opened."""

    edit_token = EditTokenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial[TOKEN] = make_token(self)

    def _post_clean(self):
        super()._post_clean()
        if self.instance.pk is not None:
            self._refuse_a_save_over_a_newer_change()
        elif self.data.get(self.add_prefix(TOKEN)):
            # An inline row opened for a row that is gone: the formset found no row to edit.
            self.add_error(
                None,
                _(
                    "Someone deleted this %(what)s since you opened the page; it was not saved. "
                    "Mark it for deletion (or reload the page) to save the rest."
                )
                % {"what": self._meta.model._meta.verbose_name},
            )

    def _opened(self):
        """The snapshot the form was opened with, or None when it carries none."""
        token = self.data.get(self.add_prefix(TOKEN), "")
        if not token:
            return None
        try:
            opened = signing.loads(token, salt=SALT)
        except signing.BadSignature:
            self.add_error(None, _("This form was altered or is from another site: reload it."))
            return None
        return datetime.datetime.fromisoformat(opened["at"]), opened["fields"]

    def _refuse_a_save_over_a_newer_change(self):
        opened = self._opened()
        if opened is None:
            return
        opened_at, was = opened
        model = type(self.instance)
        rows = model._base_manager.filter(pk=self.instance.pk)
        if transaction.get_connection(rows.db).in_atomic_block:
            rows = rows.select_for_update()  # held until this save ends: no change slips in
        row = rows.first()
        if row is None:
            self.add_error(
                None,
                _("Someone deleted this %(what)s since you opened it; nothing was saved.")
                % {"what": model._meta.verbose_name},
            )
            return
        fields = _compared_fields(self)
        stored = _stored_values(self, fields, row)
        now = _snapshot(fields, stored)
        sent = _snapshot(fields, _sent_values(self, fields))
        # A field the curator filled in wrongly counts as changed by them: their input stays.
        untouched = {
            name for name in fields if name not in self.errors and sent.get(name) == was.get(name)
        }
        theirs = [name for name in fields if name in was and was[name] != now[name]]
        conflicts = [name for name in theirs if name in untouched or sent.get(name) != now[name]]
        if not conflicts:
            return
        self.data = self.data.copy()
        who, when = _last_change(row, opened_at)
        lines = []
        for name in conflicts:
            label = str(self.fields[name].label or fields[name].verbose_name)
            change = (
                f"{label}: {_shown(fields[name], was[name])} → {_shown(fields[name], now[name])}"
            )
            if name in untouched:
                _raw(self, name, fields[name], stored[name])
                lines.append(
                    _("%(change)s. You had left it as it was: the form now holds their value.")
                    % {"change": change}
                )
            else:
                yours = (
                    _shown(fields[name], sent[name])
                    if name in sent
                    else "“" + Truncator(str(self[name].value())).chars(120) + "”"
                )
                lines.append(
                    _(
                        "%(change)s. You changed it too: the form holds yours "
                        "(%(yours)s); keep what should stay of both."
                    )
                    % {"change": change, "yours": yours}
                )
        self.data[self.add_prefix(TOKEN)] = make_token(self, stored)
        what = model._meta.verbose_name
        if who and when:
            heading = _(
                "This %(what)s was changed by %(who)s at %(when)s since you opened it; nothing "
                "was saved. Their changes:"
            ) % {"what": what, "who": who, "when": _when(when)}
        elif when:
            heading = _(
                "This %(what)s was changed at %(when)s since you opened it; nothing was saved. "
                "The changes:"
            ) % {"what": what, "when": _when(when)}
        else:
            heading = _(
                "This %(what)s was changed since you opened it; nothing was saved. The changes:"
            ) % {"what": what}
        closing = _("Check the form and save again to keep what it now holds.")
        self.add_error(None, [heading, *lines, closing])


class ConcurrentEditAdminMixin:
    """For a ModelAdmin or an inline whose form is a ``ConcurrentEditForm``: the snapshot goes
    out with every change form the curator may save (hidden, in the last fieldset)."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets  # a new row has nothing to lose; a read-only page saves nothing
        name, options = fieldsets[-1]
        return [*fieldsets[:-1], (name, {**options, "fields": [*options["fields"], TOKEN]})]
