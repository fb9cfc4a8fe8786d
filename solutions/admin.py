from django.contrib import admin

from .models import (
    CaseStudy,
    CaseStudyCopy,
    EvaluationCriterion,
    EvaluationGrid,
    EvaluationScore,
    EvaluationSheet,
    Evaluator,
    ImpactSnapshot,
    Indicator,
    Introduction,
    Match,
    MatchMessage,
    Measurement,
    Milestone,
    PilotProject,
    Solution,
    SolutionAttachment,
    SolutionImport,
    SolutionReference,
)


class ReferenceInline(admin.TabularInline):
    model = SolutionReference
    extra = 0
    raw_id_fields = ["organization"]


class SolutionAttachmentInline(admin.TabularInline):
    model = SolutionAttachment
    extra = 0
    readonly_fields = ["name", "content_type", "size", "uploaded_by", "created_at"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # uploads are checked by the portal's form


@admin.register(Solution)
class SolutionAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "trl", "status", "updated_at"]
    list_filter = ["status", "trl", "domains"]
    search_fields = ["name", "summary", "external_id", "organization__name"]
    raw_id_fields = ["organization", "created_by"]
    filter_horizontal = ["domains"]
    readonly_fields = ["created_at", "updated_at", "published_at"]
    inlines = [ReferenceInline, SolutionAttachmentInline]


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ["challenge", "solution", "origin", "status", "score", "updated_at"]
    list_filter = ["origin", "status"]
    search_fields = ["challenge__title", "solution__name"]
    raw_id_fields = ["challenge", "solution", "proposed_by"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(SolutionImport)
class SolutionImportAdmin(admin.ModelAdmin):
    list_display = ["file_name", "created_by", "created_at", "committed_at"]
    raw_id_fields = ["created_by", "committed_by"]


class MatchMessageInline(admin.TabularInline):
    model = MatchMessage
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Introduction)
class IntroductionAdmin(admin.ModelAdmin):
    list_display = ["match", "city_answer", "innovator_answer", "created_at", "closed_at"]
    raw_id_fields = ["match", "introduced_by", "city_answered_by", "innovator_answered_by"]


@admin.register(MatchMessage)
class MatchMessageAdmin(admin.ModelAdmin):
    list_display = ["match", "author", "author_side", "created_at"]
    raw_id_fields = ["match", "author"]


class CriterionInline(admin.TabularInline):
    model = EvaluationCriterion
    extra = 0


class EvaluatorInline(admin.TabularInline):
    model = Evaluator
    extra = 0
    raw_id_fields = ["user", "assigned_by"]


@admin.register(EvaluationGrid)
class EvaluationGridAdmin(admin.ModelAdmin):
    list_display = ["challenge", "created_by", "created_at"]
    raw_id_fields = ["challenge", "created_by"]
    inlines = [CriterionInline, EvaluatorInline]


class ScoreInline(admin.TabularInline):
    model = EvaluationScore
    extra = 0


@admin.register(EvaluationSheet)
class EvaluationSheetAdmin(admin.ModelAdmin):
    list_display = ["evaluator", "match", "conflict", "updated_at"]
    raw_id_fields = ["evaluator", "match"]
    inlines = [ScoreInline]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["name", "kind", "unit", "baseline", "target", "evidence_level"]
    show_change_link = True


@admin.register(PilotProject)
class PilotProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "city", "innovator", "status", "start_date", "end_date"]
    list_filter = ["status", "currency"]
    search_fields = ["title", "city__name", "innovator__name"]
    raw_id_fields = ["match", "challenge", "solution", "city", "innovator", "created_by"]
    inlines = [MilestoneInline, IndicatorInline]


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 0
    raw_id_fields = ["recorded_by"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "pilot", "kind", "unit", "evidence_level"]
    list_filter = ["kind", "unit", "evidence_level"]
    raw_id_fields = ["pilot", "evidence_set_by"]
    inlines = [MeasurementInline]


class CaseStudyCopyInline(admin.TabularInline):
    model = CaseStudyCopy
    extra = 0
    raw_id_fields = ["challenge", "city", "copied_by"]


@admin.register(CaseStudy)
class CaseStudyAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "visibility", "language", "published_at"]
    list_filter = ["status", "visibility", "language"]
    search_fields = ["title", "summary"]
    raw_id_fields = ["pilot", "created_by"]
    inlines = [CaseStudyCopyInline]


@admin.register(ImpactSnapshot)
class ImpactSnapshotAdmin(admin.ModelAdmin):
    """Rendered dashboards, recomputed when stale: deleting them is always safe."""

    list_display = ["key", "computed_at"]
    readonly_fields = ["key", "html", "computed_at"]

    def has_add_permission(self, request) -> bool:
        return False
