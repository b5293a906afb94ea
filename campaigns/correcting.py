"""
What a curator is asked for and shown when a change to a published case's figure is a
correction readers will see — by an edit in the admin, a restore or an import: the public note
in English and in Chinese (``NoteForm``; the figure form has the same fields), what it lacks
(``missing_note_error``), and the correction previewed as readers will see it under the case,
in both languages (``preview``). The corrections themselves are made by ``services``.
"""

from django import forms
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Correction
from .services import Note, missing_note_message

LANGUAGES = (("en", _("English")), ("zh-hans", _("Chinese")))
"""The languages a correction is read in, as the site's language codes, with their names."""

NOTE_LABEL = _("Public note on a correction")
NOTE_ZH_LABEL = _("Public note on a correction (Chinese)")


class NoteField(forms.CharField):
    """A public note's field: what it says goes with a change, and is never one itself (a note
    typed beside a figure that is not changed saves nothing)."""

    def has_changed(self, initial, data):
        return False


def note_fields(help_text) -> dict[str, forms.CharField]:
    """The two fields of a public note, English and Chinese."""
    return {
        "en": NoteField(
            label=NOTE_LABEL,
            required=False,
            max_length=500,
            help_text=help_text,
            widget=forms.TextInput(attrs={"class": "vLargeTextField", "lang": "en"}),
        ),
        "zh": NoteField(
            label=NOTE_ZH_LABEL,
            required=False,
            max_length=500,
            widget=forms.TextInput(attrs={"class": "vLargeTextField", "lang": "zh-Hans"}),
        ),
    }


class NoteForm(forms.Form):
    """The public note of the corrections a restore or an import makes: one note for them
    all, needed in both languages when there is any (``corrections``, unsaved)."""

    def __init__(self, *args, corrections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.corrections = list(corrections)
        fields = note_fields(
            _("Why the figures changed, in a sentence readers will see under the case.")
        )
        self.fields["note"], self.fields["note_zh"] = fields["en"], fields["zh"]

    def clean(self):
        cleaned_data = super().clean()
        if self.corrections:
            missing = self.note().missing()
            for language in missing:
                self.add_error(
                    "note" if language == "en" else "note_zh", missing_note_error(missing)
                )
        return cleaned_data

    def note(self) -> Note:
        """The note as typed (once the form is valid, or as far as it is)."""
        data = getattr(self, "cleaned_data", {})
        return Note(data.get("note", ""), data.get("note_zh", ""))

    def preview(self):
        """The corrections as readers will see them, with the note as typed (even where the
        form refused it)."""
        typed = Note(self["note"].value() or "", self["note_zh"].value() or "")
        return preview(self.corrections, typed, self["note"].auto_id, self["note_zh"].auto_id)


def missing_note_error(missing: list[str], correction: Correction | None = None) -> str:
    """The error a curator sees for a correction whose note lacks ``missing`` languages."""
    if correction is None:
        said = gettext(
            "Readers will see these corrections under their cases (listed below, as they "
            "will read them)."
        )
    else:
        said = gettext(
            "“%(label)s” would state “%(after)s” instead of “%(before)s”, on a published "
            "case: readers will see the correction under it."
        ) % {"label": correction.label, "after": correction.after, "before": correction.before}
    return f"{said} {missing_note_message(missing)}"


def preview(corrections, note: Note, en_id: str, zh_id: str) -> str:
    """The corrections (unsaved, each with the time it would be made) as readers will see them
    under their cases in English and in Chinese, with ``note``; the note follows the fields
    ``en_id`` and ``zh_id`` as they are typed in (``static/js/correction_preview.js``)."""
    lines = []
    for correction in corrections:
        correction.note, correction.note_zh = note.en, note.zh
        for code, name in LANGUAGES:
            with translation.override(code):
                line = render_to_string(
                    "includes/correction.html", {"correction": correction, "editable": True}
                )
            lines.append((code, name, line))
    return render_to_string(
        "admin/campaigns/correction_preview.html",
        {"lines": lines, "en_id": en_id, "zh_id": zh_id},
    )


def preview_token(correction: Correction) -> str:
    """A mark that the correction of ``correction.figure`` (its old and new statement) was
    shown to the curator as readers will see it."""
    said = f"{correction.figure_id}|{correction.before}|{correction.after}"
    return salted_hmac("correction-preview", said).hexdigest()[:32]
