from django import template
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..markdown import render_markdown
from ..models import Challenge

register = template.Library()


@register.filter
def status_label(code: str) -> str:
    """The translated label of a status code (e-mails keep codes, not labels)."""
    try:
        return Challenge.Status(code).label
    except ValueError:
        return code or ""


@register.filter
def markdown(text: str) -> SafeString:
    return render_markdown(text)


@register.filter
def countdown(challenge: Challenge) -> str:
    """ "Plus que 3 jours", "Dernier jour", "Date limite passée" — or "" without a deadline."""
    days = challenge.days_left
    if days is None:
        return ""
    if days < 0:
        return _("Date limite passée")
    if days == 0:
        return _("Dernier jour pour proposer")
    return ngettext(
        "Plus que %(days)s jour pour proposer",
        "Plus que %(days)s jours pour proposer",
        days,
    ) % {"days": days}


@register.simple_tag
def budget_range(challenge: Challenge) -> str:
    from django.contrib.humanize.templatetags.humanize import intcomma

    low, high, currency = challenge.budget_min, challenge.budget_max, challenge.currency
    if low is None and high is None:
        return ""
    if low is not None and high is not None:
        if low == high:
            return f"{intcomma(low)} {currency}"
        return _("de %(low)s à %(high)s %(currency)s") % {
            "low": intcomma(low),
            "high": intcomma(high),
            "currency": currency,
        }
    if high is not None:
        return _("jusqu'à %(high)s %(currency)s") % {"high": intcomma(high), "currency": currency}
    return _("à partir de %(low)s %(currency)s") % {"low": intcomma(low), "currency": currency}
