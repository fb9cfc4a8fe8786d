"""The pilot panel that the proposal page shows through one line: `{% match_pilot_panel match %}`.

Whoever may see the match sees its pilot's link; curators and the challenge's city staff get a
"start a pilot" button once the match is introduced.
"""

from django import template

from solutions.pilots import access as pilots_access
from solutions.pilots.models import PilotProject
from solutions.proposals.models import Match

register = template.Library()


@register.inclusion_tag("solutions/pilots/pilot_match_section.html", takes_context=True)
def match_pilot_panel(context, match: Match) -> dict:
    user = context["request"].user
    pilot = PilotProject.objects.filter(match=match).first()
    if pilot is not None and not pilots_access.pilots_visible_to(user).filter(pk=pilot.pk).exists():
        pilot = None
    can_start = (
        pilot is None
        and match.status == Match.Status.INTRODUCED
        and pilots_access.can_start_pilot(user, match)
    )
    return {"pilot_info": {"pilot": pilot, "match": match, "can_start": can_start}}
