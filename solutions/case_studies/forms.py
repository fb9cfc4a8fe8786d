"""Forms of case studies: writing one from a pilot, copying one, filtering the list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from challenges.forms import domain_filter_field
from solutions.case_studies.models import CaseStudy
from solutions.case_studies.services import CASE_STUDY_FIELDS
from solutions.pilots.models import PilotProject


class CaseStudyForm(forms.ModelForm):
    class Meta:
        model = CaseStudy
        fields = list(CASE_STUDY_FIELDS)
        widgets = {"visibility": forms.RadioSelect, "language": forms.RadioSelect}


class CopyForm(forms.Form):
    city = forms.ModelChoiceField(label=_("Pour quelle ville ?"), queryset=None, empty_label=None)

    def __init__(self, *args, cities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities


class CaseStudyFilterForm(forms.Form):
    domain = domain_filter_field()
    outcome = forms.ChoiceField(
        label=_("Issue du projet pilote"),
        required=False,
        choices=[
            ("", _("Toutes")),
            (PilotProject.Status.COMPLETED, _("Terminé")),
            (PilotProject.Status.STOPPED, _("Arrêté")),
        ],
    )
