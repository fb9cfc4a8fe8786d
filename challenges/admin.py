from django.contrib import admin

from .models import Domain


@admin.register(Domain)
class DomainAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_fr", "name_en", "position"]
    list_editable = ["position"]
    search_fields = ["slug", "name_fr", "name_en"]
