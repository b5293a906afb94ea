"""China's administrative divisions in the admin: read-only reference data that curators search
when they place a case (the case page's autocomplete), by code, English or Chinese name."""

from django.contrib import admin

from ..models import Division


@admin.register(Division)
class DivisionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_zh", "level", "parent"]
    list_filter = ["level"]
    list_select_related = ["parent"]
    search_fields = ["code", "name", "name_zh"]
    ordering = ["code"]

    def has_view_permission(self, request, obj=None):
        # Every curator chooses among them (the case page's autocomplete asks this admin).
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return False  # they come from the data file (campaigns/places.py), never by hand

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
