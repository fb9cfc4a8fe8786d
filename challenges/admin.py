from django.contrib import admin

from .models import (
    Challenge,
    ChallengeAttachment,
    ChallengeFollow,
    ChallengeStatusChange,
    ChallengeUpdate,
    Domain,
    Question,
)


@admin.register(Domain)
class DomainAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_fr", "name_en", "position"]
    list_editable = ["position"]
    search_fields = ["slug", "name_fr", "name_en"]


class StatusChangeInline(admin.TabularInline):
    model = ChallengeStatusChange
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "by", "comment", "created_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        # Lifecycle changes go through `challenge_transition`, which records them.
        return False


class AttachmentInline(admin.TabularInline):
    model = ChallengeAttachment
    extra = 0
    readonly_fields = ["name", "content_type", "size", "uploaded_by", "created_at"]
    fields = readonly_fields
    can_delete = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # uploads are checked by the portal's form


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "visibility", "language", "published_at", "updated_at"]
    list_filter = ["status", "visibility", "language", "domains"]
    search_fields = ["title", "summary", "external_id"]
    filter_horizontal = ["owners", "domains"]
    readonly_fields = ["status", "published_at", "created_by", "created_at", "updated_at"]
    inlines = [AttachmentInline, StatusChangeInline]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["challenge", "organization", "created_at", "answered_at"]
    search_fields = ["text", "answer"]
    raw_id_fields = ["challenge", "asked_by", "answered_by"]


@admin.register(ChallengeUpdate)
class ChallengeUpdateAdmin(admin.ModelAdmin):
    list_display = ["challenge", "created_at"]
    raw_id_fields = ["challenge", "author"]


@admin.register(ChallengeFollow)
class ChallengeFollowAdmin(admin.ModelAdmin):
    list_display = ["user", "challenge", "created_at"]
    raw_id_fields = ["user", "challenge"]
