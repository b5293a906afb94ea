"""Suggestions from readers: the form (from every case page and the footer) and its thanks."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..caching import cached_page
from ..forms import SuggestionForm
from ..methods import allow_methods, safe_only
from ..models import Campaign, SuggestionKind, slug_rule
from ..ratelimits import seconds_to_wait

CAMPAIGN_SLUG = slug_rule(Campaign)
"""What a case's slug can look like; anything else is not looked up."""

RATE_WINDOW_SECONDS = 3600
"""The window the per-address limit counts in."""


@allow_methods("GET", "HEAD", "POST")
def suggest(request):
    """A reader suggests a case or a correction; curators see it in the admin, nobody else."""
    campaign = None
    if request.method == "POST":
        form = SuggestionForm(request.POST)
        if form.is_spam:  # a robot: thanked, and nothing is kept
            return redirect("campaigns:suggest_thanks")
        retry_after = seconds_to_wait(
            request, "suggest", settings.SUGGESTIONS_PER_HOUR, RATE_WINDOW_SECONDS
        )
        if retry_after:
            form.is_valid()
            form.add_error(
                None,
                _(
                    "You have sent several suggestions in the last hour. Thank you! Please wait "
                    "an hour before sending more, or write to us about a longer list."
                ),
            )
            response = render(request, "campaigns/suggest.html", {"form": form}, status=429)
            response["Retry-After"] = str(retry_after)
            return response
        if form.is_valid():
            form.save(language=get_language())
            return redirect("campaigns:suggest_thanks")
        campaign = form.cleaned_data.get("case")
    else:
        slug = request.GET.get("case", "").strip()
        campaign = (
            Campaign.objects.public().filter(slug=slug).first()
            if CAMPAIGN_SLUG.matches(slug)
            else None
        )
        kind = SuggestionKind.CORRECTION if campaign else SuggestionKind.CAMPAIGN
        form = SuggestionForm(initial={"case": campaign.slug if campaign else "", "kind": kind})
    return render(request, "campaigns/suggest.html", {"form": form, "campaign": campaign})


@cached_page
@safe_only
def suggest_thanks(request):
    """What happens to a suggestion once it is sent."""
    return render(request, "campaigns/suggest_thanks.html")
