"""Forms and widgets of the curators' admin, and the readers' suggestion form. (The public
site's filter forms are in filters/; the admin's import and review forms are beside their pages,
in admin/importing.py and admin/review.py.)"""

import copy

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models.functions import Lower
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import correcting, services
from .concurrent_edits import ConcurrentEditForm
from .display import is_chinese, without_trailing_zeros
from .models import (
    Campaign,
    FigureKind,
    Format,
    Suggestion,
    SuggestionKind,
    Tag,
    format_codes,
    formats_text,
    slug_rule,
)
from .units import units


class PrefetchedAutocompleteSelect(AutocompleteSelect):
    """An admin autocomplete that labels its chosen option with an object fetched beforehand.

    Django's autocomplete looks up the chosen object to write its label: one query for every
    rendered row, so a campaign with thirty figures would cost thirty queries. The admin's
    queryset selects the related objects instead and ``PrefetchedChoicesForm`` hands each one
    to its widget as ``selected_object``, so a page costs the same at any size.
    """

    selected_object = None

    def optgroups(self, name, value, attr=None):
        chosen = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        known = self.selected_object
        if known is None or chosen != [str(known.pk)]:
            # A value the curator typed in a form sent back with errors: look it up.
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance(known)
        options.append(self.create_option(name, known.pk, label, True, len(options)))
        return [(None, options, 0)]


class UnitSelect(forms.Select):
    """The units as a menu grouped by kind, each option carrying the unit's names as data
    (``data-name``, ``data-name-singular``, ``data-name-zh``, ``data-measure-word``,
    ``data-kind``) for a script that shows the value as readers will read it."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        unit = units().get(str(value)) if value else None
        if unit is not None:
            option["attrs"].update(
                {
                    "data-name": unit.name,
                    "data-name-singular": unit.name_singular or unit.name,
                    "data-name-zh": unit.name_zh,
                    "data-measure-word": unit.measure_word,
                    "data-kind": unit.kind,
                }
            )
        return option


class UnitChoiceField(forms.ModelChoiceField):
    """A figure's unit, chosen from the units as kept per catalogue version (``units.py``): a
    form of thirty figures reads the table once, not once a figure."""

    widget = UnitSelect

    def _get_choices(self):
        by_kind = {}
        for unit in units():
            label = unit.name if unit.name == unit.code else f"{unit.name} ({unit.code})"
            by_kind.setdefault(unit.kind, []).append((unit.code, label))
        groups = [
            (FigureKind(kind).label, by_kind[kind]) for kind in FigureKind.values if kind in by_kind
        ]
        return [("", self.empty_label), *groups] if self.empty_label is not None else groups

    choices = property(_get_choices, forms.ChoiceField.choices.fset)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        unit = units().get(str(value))
        return unit if unit is not None else super().to_python(value)


class PrefetchedChoicesForm(ConcurrentEditForm):
    """A model form that gives its autocomplete widgets the related objects its instance holds
    (and, as every admin form, refuses to save over a change made since it was opened)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # inside the admin's wrapper
            if not isinstance(widget, PrefetchedAutocompleteSelect):
                continue
            model_field = self.instance._meta.get_field(name)
            if model_field.is_cached(self.instance):
                widget.selected_object = getattr(self.instance, name)


class PreviewMark(forms.CharField):
    """A hidden field marking that the curator was shown the correction a save makes (a
    form-only field: never a change of its own)."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def has_changed(self, initial, data):
        return False


class FigureValueInput(forms.TextInput):
    """A figure's value, followed by how readers will read it in English and in Chinese (the
    page's language first) as it is typed: "over 2.5 million visits / 超过250万次访问", or
    that it is not a number. ``static/js/figure_reading.js`` writes the reading with the unit
    and qualifier chosen beside it, from the words ``figure_readings.figure_readings()``
    gives the page.

    A text box, not a number box, so that a curator who pastes "2,500,000" or types "2.5
    million" is told why it is not a number (a browser's number box drops what it refuses).
    """

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        reading_id = f"{(attrs or {}).get('id') or self.attrs.get('id', '')}_reading"
        lines = [
            format_html('<span data-language="{}" lang="{}"></span>', language, code)
            for language, code in (("en", "en"), ("zh", "zh-Hans"))
        ]
        if is_chinese():
            lines.reverse()
        return format_html(
            '{}<output class="figure-reading" id="{}" aria-live="polite" aria-atomic="true">'
            '<span class="figure-reading-label" hidden>{}</span> '
            '<span class="figure-reading-lines" hidden>{}<span aria-hidden="true"> / </span>{}'
            '</span><span class="figure-reading-problem" hidden></span></output>',
            field,
            reading_id,
            _("Readers will read:"),
            *lines,
        )


class FigureAdminForm(PrefetchedChoicesForm):
    """A figure's form in the admin, on its own page and inline on its campaign's page.

    A change to what a figure of a published case states (its words, value, unit or
    qualifier) is a correction readers see under the case: the form asks for its public note
    in English and in Chinese and, before it saves, shows the correction as readers will see
    it (once for each change, marked by ``correction_previewed``). ``correction`` is then the
    correction the save makes (unsaved), or None.
    """

    correction_note = correcting.note_fields(
        _(
            "If the case is published and you change what this figure states, readers see the "
            "old and new value under the case, with this note."
        )
    )["en"]
    correction_note_zh = correcting.note_fields("")["zh"]
    correction_previewed = PreviewMark()

    correction = None

    class Meta:
        widgets = {"value": FigureValueInput}

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/correction_preview.js", "js/figure_reading.js"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.value is not None:
            self.initial["value"] = without_trailing_zeros(self.instance.value)

    def note(self) -> services.Note:
        """The public note as typed."""
        cleaned_data = getattr(self, "cleaned_data", {})
        return services.Note(
            cleaned_data.get("correction_note", ""), cleaned_data.get("correction_note_zh", "")
        )

    def clean(self):
        cleaned_data = super().clean()
        self.correction = self._correction(cleaned_data)
        if self.correction is None:
            return cleaned_data
        token = correcting.preview_token(self.correction)
        note = self.note()  # before an error takes its field out of the cleaned data
        missing = note.missing()
        for language in missing:
            self.add_error(
                "correction_note" if language == "en" else "correction_note_zh",
                correcting.missing_note_error(missing, self.correction),
            )
        if not missing and cleaned_data.get("correction_previewed") != token:
            self.add_error(
                "correction_note_zh",
                _("Check the correction below as readers will see it, then save again to make it."),
            )
        if self.errors:
            self._show_preview(token, note)
        return cleaned_data

    def _correction(self, cleaned_data):
        """The correction saving this form would make (unsaved), or None."""
        figure = self.instance
        if figure.pk is None or cleaned_data.get("DELETE") or not self.has_changed():
            return None
        readers_saw = services.public_statements([figure.pk])
        if figure.pk not in readers_saw:
            return None
        changed = copy.copy(figure)
        for name in (*services.Statement.FIELDS, "label", "label_zh"):
            if name in cleaned_data:
                setattr(changed, name, cleaned_data[name])
        return services.correction_of(figure=changed, before=readers_saw[figure.pk])

    def _show_preview(self, token, note):
        """Put the correction, as readers will see it, under the note's fields, and mark the
        form as having shown it."""
        shown = correcting.preview(
            [self.correction],
            note,
            self["correction_note"].auto_id,
            self["correction_note_zh"].auto_id,
        )
        # Both the field and its bound field, which read its help text when it was made.
        self.fields["correction_note_zh"].help_text = shown
        self["correction_note_zh"].help_text = shown
        data = self.data.copy()
        data[self.add_prefix("correction_previewed")] = token
        self.data = data


class FormatsField(forms.MultipleChoiceField):
    """A case's formats as boxes to tick, kept as its one column of codes (``formats``)."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=Format.choices, **kwargs)

    def prepare_value(self, value):
        return format_codes(value) if isinstance(value, str) else value

    def has_changed(self, initial, data):
        return super().has_changed(self.prepare_value(initial), data)

    def clean(self, value):
        return formats_text(super().clean(value))


class CampaignAdminForm(PrefetchedChoicesForm):
    """The campaign's own form in the admin.

    Django saves a campaign's sources only after it has validated the figures edited on the
    same page, so a figure citing a source added in the same save would be refused. The form
    hands the sources being saved to the campaign, whose ``allowed_source_ids()`` honours them.
    """

    formats = FormatsField(
        label=_("formats"),
        required=False,
        help_text=Campaign._meta.get_field("formats").help_text,
    )

    class Media:
        js = ["js/tag_suggestions.js"]

    class Meta:
        widgets = {"summary": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "tags": _(
                "Tags that exist, separated by commas. A new tag is added under Tags first, "
                "with its Chinese name."
            )
        }
        error_messages = {
            "division": {
                "invalid_choice": _(
                    "There is no administrative division with the code “%(value)s”: choose "
                    "one from the list, by its six-digit GB/T 2260 code or its name."
                )
            }
        }

    def clean_tags(self):
        """Only tags that exist: a new tag needs its Chinese name, which the Chinese pages show,
        so it is added under Tags first (matched whatever its capitals, as taggit does)."""
        names = self.cleaned_data["tags"]
        if not names:
            return names
        known = set(
            Tag.objects.annotate(lowered=Lower("name"))
            .filter(lowered__in=[name.lower() for name in names])
            .values_list("lowered", flat=True)
        )
        new = [name for name in names if name.lower() not in known]
        if new:
            raise ValidationError(
                ngettext(
                    "%(names)s is not a tag yet. Add it under Tags with its Chinese name, "
                    "then tag the case with it.",
                    "%(names)s are not tags yet. Add them under Tags with their Chinese "
                    "names, then tag the case with them.",
                    len(new),
                )
                % {"names": ", ".join(f"“{name}”" for name in new)}
            )
        return names

    def clean(self):
        cleaned_data = super().clean()
        if "sources" in cleaned_data:
            self.instance.pending_source_ids = [source.pk for source in cleaned_data["sources"]]
        return cleaned_data


class TagAdminForm(ConcurrentEditForm):
    """A tag's form in the admin: its Chinese name is required, as the Chinese pages show it
    (a tag without one would show there in English)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "name_zh" in self.fields:
            self.fields["name_zh"].required = True
            self.fields["name_zh"].error_messages["required"] = _(
                "A tag needs its Chinese name: the Chinese pages show it."
            )


class SuggestionForm(forms.ModelForm):
    """A reader's suggestion of a case or a correction (the public "Suggest" page).

    ``website`` is a honeypot: hidden from people, filled in by robots that fill in every
    field. A form that fills it is thanked and thrown away.
    """

    case = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Suggestion
        fields = ["kind", "what", "where_stated", "name", "email"]
        labels = {
            "kind": _("What are you suggesting?"),
            "what": _("What should the catalogue say?"),
            "where_stated": _("Where is it stated?"),
            "name": _("Your name (optional)"),
            "email": _("Your email (optional)"),
        }
        help_texts = {
            "what": _(
                "The case (who, what, when, on which platform), or what is wrong on the case "
                "and what it should say instead."
            ),
            "where_stated": _(
                "A web address, or a reference to a book, report or article, so a curator can "
                "check it."
            ),
            "email": _("Only if you would like a curator to be able to ask you about it."),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "what": forms.Textarea(attrs={"rows": 6, "maxlength": 4000}),
            "where_stated": forms.TextInput(attrs={"maxlength": 1000}),
        }

    MIN_WHAT = 10
    MAX_WHAT = 4000

    def clean_case(self):
        slug = self.cleaned_data["case"].strip()
        if not slug:
            return None
        rule = slug_rule(Campaign)
        campaign = (
            Campaign.objects.public().filter(slug=slug).first() if rule.matches(slug) else None
        )
        if campaign is None:
            raise forms.ValidationError(_("There is no published case at that address."))
        return campaign

    def clean_what(self):
        what = self.cleaned_data["what"].strip()
        if len(what) < self.MIN_WHAT:
            raise forms.ValidationError(
                _("Say a little more (at least %(count)d characters).") % {"count": self.MIN_WHAT}
            )
        if len(what) > self.MAX_WHAT:
            raise forms.ValidationError(
                _("Please keep it under %(count)d characters; a link can say the rest.")
                % {"count": self.MAX_WHAT}
            )
        return what

    def clean_where_stated(self):
        where = self.cleaned_data["where_stated"].strip()
        if len(where) < 5:
            raise forms.ValidationError(
                _("Give a web address or a reference a curator can look up.")
            )
        if where.lower().startswith(("http://", "https://")):
            try:
                URLValidator()(where)
            except ValidationError:
                raise forms.ValidationError(
                    _("That web address is not complete; check it, or give a reference.")
                ) from None
        return where

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("kind") == SuggestionKind.CORRECTION and not cleaned_data.get("case"):
            if "case" not in self.errors:
                self.add_error(
                    "kind",
                    _(
                        "Suggest a correction from the case's own page (its “Suggest a "
                        "correction” link), so we know which case it is about."
                    ),
                )
        return cleaned_data

    @property
    def is_spam(self):
        """Whether the honeypot was filled in."""
        return bool(self.data.get("website", "").strip())

    def save(self, commit=True, language=""):
        suggestion = super().save(commit=False)
        suggestion.campaign = self.cleaned_data.get("case")
        suggestion.language = language
        if commit:
            suggestion.save()
        return suggestion
