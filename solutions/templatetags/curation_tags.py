"""Curation panels that other pages of `solutions` show through one `{% include %}` line.

The proposal page (`proposal_detail.html`) shows each viewer where the match stands for them:
curators get the curation actions, the city's staff and the innovator's members the
introduction waiting for their answer. The city's page of matches links to the evaluation, and
the dashboard lists the evaluations assigned to the viewer.
"""

from django import template

from challenges.access import can_manage
from partners.access import is_curator
from solutions.curation import access as curation_access
from solutions.curation.access import Side
from solutions.curation.forms import DeclineForm, IntroduceForm
from solutions.curation.models import Introduction
from solutions.evaluations import access as evaluations_access
from solutions.evaluations.models import EvaluationGrid, Evaluator

register = template.Library()


@register.inclusion_tag("solutions/curation/curation_match_panel.html", takes_context=True)
def curation_match_panel(context, match):
    user = context["request"].user
    side = curation_access.match_side(user, match)
    introduction = Introduction.objects.filter(match=match).first() if side is not None else None
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "match": match,
        "side": side,
        "is_curator": side == Side.CURATOR or is_curator(user),
        "introduction": introduction,
        "can_answer": bool(introduction) and curation_access.can_answer(side, introduction),
        "decline_form": DeclineForm(),
        "introduce_form": IntroduceForm(),
    }


@register.inclusion_tag("solutions/curation/curation_challenge_panel.html", takes_context=True)
def curation_challenge_panel(context, challenge):
    user = context["request"].user
    manager = can_manage(user, challenge)
    grid = EvaluationGrid.objects.filter(challenge=challenge).first() if manager else None
    return {
        "challenge": challenge,
        "is_manager": manager,
        "grid": grid,
        "is_evaluator": bool(grid) and grid.evaluators.filter(user=user).exists(),
        "is_curator": is_curator(user),
        "curatable": challenge.status in curation_access.CURATABLE_STATUSES,
    }


@register.inclusion_tag("solutions/curation/curation_dashboard_panel.html", takes_context=True)
def curation_dashboard_panel(context):
    user = context["request"].user
    assignments = [
        e
        for e in Evaluator.objects.filter(user=user)
        .select_related("grid__challenge")
        .prefetch_related("grid__challenge__owners")
        .order_by("-assigned_at")[:10]
        if evaluations_access.is_eligible_evaluator(user, e.grid.challenge)
    ]
    return {"is_curator": is_curator(user), "assignments": assignments}
