from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("", views.home, name="home"),
    path("campaigns/<slug:slug>/", views.campaign_detail, name="campaign_detail"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("platforms/<slug:slug>/", views.platform_detail, name="platform_detail"),
    path("sources/<slug:slug>/", views.source_detail, name="source_detail"),
]
