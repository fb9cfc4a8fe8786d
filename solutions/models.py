"""Every model of `solutions`, one import away: each capability folder defines its own.

Django finds the models of the app here; migrations refer to the upload paths by this name.
"""

from solutions.case_studies.models import (
    CaseStudy,
    CaseStudyCopy,
)
from solutions.catalogue.models import (
    IMAGE_TYPES,
    MAX_AMOUNT,
    QUEBEC_REGIONS,
    REGION_PARENTS,
    SOLUTION_EDITABLE_FIELDS,
    Language,
    PriceModel,
    Region,
    Solution,
    SolutionAttachment,
    SolutionReference,
    Trl,
    solution_attachment_path,
)
from solutions.curation.models import (
    Introduction,
    MatchMessage,
)
from solutions.evaluations.models import (
    EvaluationCriterion,
    EvaluationGrid,
    EvaluationScore,
    EvaluationSheet,
    Evaluator,
)
from solutions.impact.models import (
    ImpactSnapshot,
)
from solutions.importer.models import (
    SolutionImport,
)
from solutions.pilots.models import (
    MAX_PILOT_BUDGET,
    MAX_VALUE,
    UNIT_SYMBOLS,
    EvidenceLevel,
    GainKind,
    Indicator,
    IndicatorUnit,
    Measurement,
    Milestone,
    PilotProject,
)
from solutions.proposals.models import (
    PITCH_FIELDS,
    Match,
    match_attachment_path,
)

__all__ = [
    "CaseStudy",
    "CaseStudyCopy",
    "EvaluationCriterion",
    "EvaluationGrid",
    "EvaluationScore",
    "EvaluationSheet",
    "Evaluator",
    "EvidenceLevel",
    "GainKind",
    "IMAGE_TYPES",
    "ImpactSnapshot",
    "Indicator",
    "IndicatorUnit",
    "Introduction",
    "Language",
    "MAX_AMOUNT",
    "MAX_PILOT_BUDGET",
    "MAX_VALUE",
    "Match",
    "MatchMessage",
    "Measurement",
    "Milestone",
    "PITCH_FIELDS",
    "PilotProject",
    "PriceModel",
    "QUEBEC_REGIONS",
    "REGION_PARENTS",
    "Region",
    "SOLUTION_EDITABLE_FIELDS",
    "Solution",
    "SolutionAttachment",
    "SolutionImport",
    "SolutionReference",
    "Trl",
    "UNIT_SYMBOLS",
    "match_attachment_path",
    "solution_attachment_path",
]
