"""Choice sets named in the OpenAPI schema (SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]).

Several models have a `status` or a `kind`: naming each set keeps the schema's component names
stable (and `check --deploy` free of drf-spectacular's naming warnings).
"""

from challenges.models import Challenge
from partners.models import Organization
from solutions.pilots.models import GainKind, PilotProject
from solutions.proposals.models import Match

CHALLENGE_STATUS = Challenge.Status.choices
MATCH_STATUS = Match.Status.choices
PILOT_STATUS = PilotProject.Status.choices
ORGANIZATION_KIND = Organization.Kind.choices
GAIN_KIND = GainKind.choices
