"""Public pages of the catalogue (the full site is built under issue 3)."""

from django.shortcuts import get_object_or_404, render

from .models import Campaign, Organisation, Platform, Source


def home(request):
    campaigns = Campaign.objects.published().for_listing()
    return render(request, "campaigns/home.html", {"campaigns": campaigns})


def campaign_detail(request, slug):
    campaign = get_object_or_404(Campaign.objects.published(), slug=slug)
    return render(request, "campaigns/campaign_detail.html", {"campaign": campaign})


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    return render(request, "campaigns/organisation_detail.html", {"organisation": organisation})


def platform_detail(request, slug):
    platform = get_object_or_404(Platform, slug=slug)
    return render(request, "campaigns/platform_detail.html", {"platform": platform})


def source_detail(request, slug):
    source = get_object_or_404(Source, slug=slug)
    return render(request, "campaigns/source_detail.html", {"source": source})
