"""
A case's review page: a reviewer publishes the case, sends it back to its editors with a note,
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

from .. import history, services
from ..models import Campaign, Status
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

    def __init__(self, *args, campaign, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign, self.user = campaign, user
        self.fields["decision"].choices = [
            (decision, self.DECISIONS[decision])
            for decision in self.OFFERED.get(campaign.status, [])
        ]

    def clean(self):
        cleaned_data = super().clean()
        decision = cleaned_data.get("decision")
        if decision in self.NEEDS_NOTE and not cleaned_data.get("note", "").strip():
            self.add_error("note", _("Say why: this decision needs a note."))
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
        return services.withdraw(campaigns=campaigns, reason=note)

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
    form = ReviewForm(request.POST or None, campaign=campaign, user=request.user)
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
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, "admin/campaigns/campaign/review.html", context)
