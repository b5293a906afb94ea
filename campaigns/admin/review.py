"""
A case's review page: a reviewer reads the case as it stands, in both languages, with its
figures, sources and what changed since it was last published, then publishes it (once every
figure is ticked as checked against its source), sends it back to its editors with a note,
unpublishes it, or withdraws it with a reason for readers (carried out by ``services``).
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.models import Revision

from .. import history, services
from ..display import figure_caveat, figure_statement, figure_when
from ..history.reading import History
from ..models import Campaign, Figure, Status
from .policy import can_publish


class ReviewForm(forms.Form):
    """A reviewer's decision on one case, with the note it needs.

    The decisions offered depend on where the case is: a draft or a case in review can be
    published, a case in review sent back with a note, a published one unpublished or
    withdrawn with a reason for readers, a withdrawn one published again.
    """

    PUBLISH, SEND_BACK, UNPUBLISH, WITHDRAW = "publish", "send_back", "unpublish", "withdraw"
    DECISIONS = {
        PUBLISH: _("Publish: readers see it now"),
        SEND_BACK: _("Send back to its editors as a draft, with a note"),
        UNPUBLISH: _("Unpublish: back to draft, its address answers “not found”"),
        WITHDRAW: _("Withdraw: its address says it was withdrawn, when and why"),
    }
    OFFERED = {
        Status.DRAFT: [PUBLISH],
        Status.IN_REVIEW: [PUBLISH, SEND_BACK],
        Status.PUBLISHED: [UNPUBLISH, WITHDRAW],
        Status.WITHDRAWN: [PUBLISH],
    }
    NEEDS_NOTE = {SEND_BACK, WITHDRAW}

    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Needed to send a case back (for its editors) or to withdraw it (shown to readers)."
        ),
    )
    note_zh = forms.CharField(
        label=_("Reason in Chinese"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "lang": "zh-Hans"}),
        help_text=_(
            "For a withdrawal: the reason as Chinese readers see it. Without it, they read the "
            "English."
        ),
    )

    checked = forms.MultipleChoiceField(
        label=_("Checked against the source"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tick each figure once its number, unit, qualifier and date are checked against "
            "its source: every figure must be ticked to publish."
        ),
    )

    def __init__(self, *args, campaign, user, figures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign, self.user = campaign, user
        self.fields["decision"].choices = [
            (decision, self.DECISIONS[decision])
            for decision in self.OFFERED.get(campaign.status, [])
        ]
        self.fields["checked"].choices = [
            (str(figure.pk), f"{figure.label}: {figure_statement(figure)}") for figure in figures
        ]

    def clean(self):
        cleaned_data = super().clean()
        decision = cleaned_data.get("decision")
        if decision in self.NEEDS_NOTE and not cleaned_data.get("note", "").strip():
            self.add_error("note", _("Say why: this decision needs a note."))
        unchecked = len(self.fields["checked"].choices) - len(cleaned_data.get("checked", []))
        if decision == self.PUBLISH and unchecked:
            self.add_error(
                "checked",
                ngettext(
                    "%(count)d figure is not ticked as checked against its source.",
                    "%(count)d figures are not ticked as checked against their sources.",
                    unchecked,
                )
                % {"count": unchecked},
            )
        return cleaned_data

    def apply(self, services):
        """Carry out the decision with ``services``; return how many cases it moved (0 if the
        case had moved on since the page was shown)."""
        campaigns = Campaign.objects.filter(pk=self.campaign.pk)
        decision, note = self.cleaned_data["decision"], self.cleaned_data["note"].strip()
        if decision == self.PUBLISH:
            return services.publish_campaigns(campaigns=campaigns, user=self.user)
        if decision == self.SEND_BACK:
            return services.send_back(campaigns=campaigns, note=note)
        if decision == self.UNPUBLISH:
            return services.unpublish_campaigns(campaigns=campaigns)
        return services.withdraw(
            campaigns=campaigns, reason=note, reason_zh=self.cleaned_data["note_zh"].strip()
        )

    def done_message(self):
        """What the reviewer is told once the decision is carried out."""
        return {
            self.PUBLISH: _("“%(title)s” is published."),
            self.SEND_BACK: _("“%(title)s” was sent back to its editors."),
            self.UNPUBLISH: _("“%(title)s” is a draft again."),
            self.WITHDRAW: _("“%(title)s” is withdrawn."),
        }[self.cleaned_data["decision"]] % {"title": self.campaign.title}


def review_view(model_admin, request, object_id):
    """A reviewer's decision on one case: publish, send back with a note, unpublish or
    withdraw with a reason."""
    campaign = model_admin.get_object(request, unquote(object_id))
    if campaign is None:
        raise Http404(_("There is no such campaign."))
    if not can_publish(request):
        raise PermissionDenied
    # Every statement, each ticked against its own source; a conversion with its figure.
    statements = Figure.objects.filter(campaign=campaign, conversion_of__isnull=True)
    figures = list(statements.with_conversions().select_related("source").order_by("order", "pk"))
    form = ReviewForm(request.POST or None, campaign=campaign, user=request.user, figures=figures)
    if request.method == "POST" and form.is_valid():
        with history.recording(user=request.user):
            moved = form.apply(services)
        if moved:
            model_admin.message_user(request, form.done_message(), messages.SUCCESS)
        else:
            model_admin.message_user(
                request,
                _("Nothing changed: the case had moved on meanwhile."),
                messages.WARNING,
            )
        return HttpResponseRedirect(
            reverse("admin:campaigns_campaign_change", args=[quote(campaign.pk)])
        )
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Review %(title)s") % {"title": campaign.title},
        "opts": model_admin.opts,
        "original": campaign,
        "form": form,
        "figures": [
            (figure, figure_statement(figure), figure_when(figure), figure_caveat(figure), checkbox)
            for figure, checkbox in zip(figures, form["checked"], strict=True)
        ],
        "sources": campaign.sources.order_by("title"),
        "participations": campaign.participations.select_related("organisation").order_by(
            "role", "organisation__name"
        ),
        **changes_since_published(campaign),
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, "admin/campaigns/campaign/review.html", context)


def changes_since_published(campaign):
    """What changed in the case and its parts since the revision after which it last stood
    published: ``published`` (that revision, ``None`` when it never stood published) and
    ``changes`` (the rows, none when nothing changed since)."""
    case_history = History.of_campaign(campaign.pk)
    published = case_history.last_published_revision()
    if published is None:
        return {"published": None, "changes": []}
    latest = case_history.revision_ids()[0]
    return {
        "published": Revision.objects.select_related("user").get(pk=published),
        "changes": case_history.changes_between(published, latest) if latest != published else [],
    }
