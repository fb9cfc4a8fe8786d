"""What the API shows of each object: the public fields only, and nested summaries."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from challenges.models import Challenge
from partners.models import Organization
from solutions.case_studies.models import CaseStudy
from solutions.catalogue.models import Solution
from solutions.pilots.models import Indicator, Milestone, PilotProject
from solutions.proposals.models import Match


class OrganizationRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "slug", "name", "kind", "region", "country"]


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = [
            "id",
            "slug",
            "external_id",
            "name",
            "kind",
            "description",
            "region",
            "country",
            "population",
            "website",
            "parent",
        ]


class _WithUrl(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class ChallengeSerializer(_WithUrl):
    owners = OrganizationRefSerializer(many=True, read_only=True)
    domains = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")

    class Meta:
        model = Challenge
        fields = [
            "id",
            "external_id",
            "title",
            "summary",
            "description",
            "owners",
            "domains",
            "tags",
            "language",
            "status",
            "budget_min",
            "budget_max",
            "currency",
            "proposals_deadline",
            "gain_economic",
            "gain_environmental",
            "gain_social",
            "published_at",
            "url",
        ]


class SolutionSerializer(_WithUrl):
    organization = OrganizationRefSerializer(read_only=True)
    domains = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")

    class Meta:
        model = Solution
        fields = [
            "id",
            "external_id",
            "name",
            "summary",
            "description",
            "organization",
            "domains",
            "tags",
            "trl",
            "price_model",
            "price_details",
            "regions_served",
            "languages",
            "language",
            "website",
            "published_at",
            "url",
        ]


class IndicatorSerializer(serializers.ModelSerializer):
    unit_label = serializers.CharField(read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "name",
            "kind",
            "unit",
            "custom_unit",
            "unit_label",
            "direction",
            "baseline",
            "target",
            "latest_value",
            "latest_on",
            "gain",
            "data_source",
            "evidence_level",
        ]


class SolutionRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Solution
        fields = ["id", "name"]


class CaseStudyPilotSerializer(serializers.ModelSerializer):
    """What a case study tells of its pilot (no internal notes)."""

    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = PilotProject
        fields = [
            "status",
            "stop_reason",
            "start_date",
            "end_date",
            "budget",
            "currency",
            "paid_by",
            "indicators",
        ]


class CaseStudySerializer(_WithUrl):
    city = OrganizationRefSerializer(source="pilot.city", read_only=True)
    innovator = OrganizationRefSerializer(source="pilot.innovator", read_only=True)
    solution = SolutionRefSerializer(source="pilot.solution", read_only=True)
    domains = serializers.SerializerMethodField()
    pilot = CaseStudyPilotSerializer(read_only=True)
    challenge = serializers.SerializerMethodField()
    copied_to = serializers.SerializerMethodField()

    class Meta:
        model = CaseStudy
        fields = [
            "id",
            "title",
            "summary",
            "need",
            "solution_text",
            "results",
            "lessons",
            "cost_note",
            "contacts",
            "language",
            "published_at",
            "city",
            "innovator",
            "solution",
            "domains",
            "challenge",
            "pilot",
            "copied_to",
            "url",
        ]

    def get_domains(self, obj) -> list[str]:
        return [d.slug for d in obj.pilot.challenge.domains.all()]

    def get_challenge(self, obj) -> int | None:
        """The original challenge, only when it is public itself."""
        challenge = obj.pilot.challenge
        public = (
            challenge.status in Challenge.PUBLIC_STATUSES
            and challenge.visibility == Challenge.Visibility.PUBLIC
        )
        return challenge.pk if public else None

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "city": {"type": "string"},
                    "challenge": {"type": "integer"},
                },
            },
        }
    )
    def get_copied_to(self, obj) -> list[dict]:
        """Where the idea was copied: public challenges only."""
        return [
            {"city": copy.city.name, "challenge": copy.challenge_id}
            for copy in obj.copies.all()
            if copy.challenge.status in Challenge.PUBLIC_STATUSES
            and copy.challenge.visibility == Challenge.Visibility.PUBLIC
        ]


class MatchSerializer(serializers.ModelSerializer):
    class Meta:
        model = Match
        fields = [
            "id",
            "challenge",
            "solution",
            "origin",
            "status",
            "score",
            "reasons",
            "cost_min",
            "cost_max",
            "currency",
            "proposed_at",
            "decline_reason",
            "created_at",
            "updated_at",
        ]


class MilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Milestone
        fields = ["id", "title", "due_date", "progress", "note"]


class PilotSerializer(serializers.ModelSerializer):
    indicators = IndicatorSerializer(many=True, read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)
    case_study = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = PilotProject
        fields = [
            "id",
            "match",
            "challenge",
            "solution",
            "city",
            "innovator",
            "title",
            "description",
            "status",
            "start_date",
            "end_date",
            "budget",
            "currency",
            "paid_by",
            "funding_details",
            "stop_reason",
            "lessons_learned",
            "results_summary",
            "milestones",
            "indicators",
            "case_study",
            "created_at",
            "updated_at",
        ]
