"""The public site's URLs, in the "campaigns" namespace (English at /, Chinese at /zh-hans/)."""

from django.urls import path, re_path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("", views.home, name="home"),
    path("campaigns/", views.campaign_list, name="campaign_list"),
    re_path(
        r"^campaigns/export\.(?P<fmt>csv|json)$", views.export_campaigns, name="export_campaigns"
    ),
    path("campaigns/<slug:slug>/", views.campaign_detail, name="campaign_detail"),
    re_path(
        r"^campaigns/(?P<slug>[-a-zA-Z0-9_]+)/cite\.(?P<fmt>ris|bib)$",
        views.campaign_citation,
        name="campaign_citation",
    ),
    path("campaigns/<slug:slug>/share.png", views.share_image_view, name="share_image"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("platforms/", views.platform_list, name="platform_list"),
    path("platforms/<slug:slug>/", views.platform_detail, name="platform_detail"),
    path("sources/", views.source_list, name="source_list"),
    path("sources/<slug:slug>/", views.source_detail, name="source_detail"),
    re_path(
        r"^sources/(?P<slug>[-a-zA-Z0-9_]+)/cite\.(?P<fmt>ris|bib)$",
        views.source_citation,
        name="source_citation",
    ),
    path("tags/", views.tag_list, name="tag_list"),
    path("tags/<str:slug>/", views.tag_detail, name="tag_detail"),
    path("figures/", views.figure_list, name="figure_list"),
    re_path(r"^figures/export\.(?P<fmt>csv|json)$", views.export_figures, name="export_figures"),
    path("figures/<slug:key>/", views.figure_detail, name="figure_detail"),
    re_path(
        r"^figures/(?P<key>[-a-zA-Z0-9_]+)/cite\.(?P<fmt>ris|bib)$",
        views.figure_citation,
        name="figure_citation",
    ),
    path("compare/", views.compare, name="compare"),
    path("reading-list/", views.reading_list, name="reading_list"),
    re_path(
        r"^reading-list/export\.(?P<fmt>csv|json|ris|bib)$",
        views.reading_list_download,
        name="reading_list_download",
    ),
    path("timeline/", views.timeline, name="timeline"),
    path("about/", views.about, name="about"),
    path("data/", views.data, name="data"),
    path("suggest/", views.suggest, name="suggest"),
    path("suggest/thanks/", views.suggest_thanks, name="suggest_thanks"),
]
