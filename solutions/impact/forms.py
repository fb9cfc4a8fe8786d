"""The impact dashboard's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from challenges.forms import domain_filter_field


class ImpactFilterForm(forms.Form):
    """The dashboard's filters; an invalid value is ignored rather than refused."""

    domain = domain_filter_field()
    region = forms.ChoiceField(label=_("Région"), required=False)
    year = forms.TypedChoiceField(label=_("Année"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, regions=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Toutes les régions"))] + [(r, r) for r in regions]
        self.fields["year"].choices = [("", _("Toutes les années"))] + [
            (str(y), str(y)) for y in years
        ]

    def filters(self) -> dict:
        if not self.is_bound:
            return {"domain": None, "region": "", "year": None}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "domain": data.get("domain"),
            "region": data.get("region") or "",
            "year": data.get("year"),
        }
