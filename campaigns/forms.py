"""Forms and widgets of the curators' admin. (The public site's filter forms are in filters.py.)"""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect

from .display import without_trailing_zeros


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


class PrefetchedChoicesForm(forms.ModelForm):
    """A model form that gives its autocomplete widgets the related objects its instance holds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # inside the admin's wrapper
            if not isinstance(widget, PrefetchedAutocompleteSelect):
                continue
            model_field = self.instance._meta.get_field(name)
            if model_field.is_cached(self.instance):
                widget.selected_object = getattr(self.instance, name)


class FigureAdminForm(PrefetchedChoicesForm):
    """A figure's form in the admin, on its own page and inline on its campaign's page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.value is not None:
            self.initial["value"] = without_trailing_zeros(self.instance.value)


class CampaignAdminForm(PrefetchedChoicesForm):
    """The campaign's own form in the admin.

    Django saves a campaign's sources only after it has validated the figures edited on the
    same page, so a figure citing a source added in the same save would be refused. The form
    hands the sources being saved to the campaign, whose ``allowed_source_ids()`` honours them.
    """

    class Meta:
        widgets = {"summary": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        cleaned_data = super().clean()
        if "sources" in cleaned_data:
            self.instance.pending_source_ids = [source.pk for source in cleaned_data["sources"]]
        return cleaned_data
