"""Forms of pilot projects: the pilot, its status, milestones, indicators, measurements."""

from django import forms
from django.utils.translation import gettext_lazy as _

from solutions.pilots.models import EvidenceLevel, Indicator, Measurement, Milestone, PilotProject
from solutions.pilots.services import PILOT_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PilotForm(forms.ModelForm):
    class Meta:
        model = PilotProject
        fields = list(PILOT_FIELDS)
        widgets = {"start_date": DATE, "end_date": DATE}

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("La fin doit suivre le début."))
        return data


class PilotStartForm(PilotForm):
    """Starting a pilot: the city that runs it, when the challenge has several."""

    city = forms.ModelChoiceField(label=_("Ville qui mène le projet pilote"), queryset=None)

    class Meta(PilotForm.Meta):
        fields = [
            "city",
            "title",
            "description",
            "start_date",
            "end_date",
            "budget",
            "currency",
            "paid_by",
            "funding_details",
        ]

    def __init__(self, *args, cities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities
        self.fields["city"].empty_label = None
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Par défaut : la solution et la ville.")


class PilotTransitionForm(forms.Form):
    on = forms.DateField(
        label=_("Date"),
        required=False,
        widget=DATE,
        help_text=_("Aujourd'hui si vide."),
    )
    stop_reason = forms.ChoiceField(
        label=_("Motif de l'arrêt"),
        choices=[("", "—"), *PilotProject.StopReason.choices],
        required=False,
    )
    results_summary = forms.CharField(
        label=_("Résumé des résultats"),
        widget=forms.Textarea,
        required=False,
        max_length=5000,
    )
    lessons_learned = forms.CharField(
        label=_("Leçons apprises"),
        widget=forms.Textarea,
        required=False,
        max_length=5000,
        help_text=_(
            "Ce qui a fonctionné, ce qui n'a pas fonctionné : les échecs instruisent autant."
        ),
    )

    def __init__(self, *args, to: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.to = to
        if to != PilotProject.Status.STOPPED:
            del self.fields["stop_reason"]
        else:
            self.fields["stop_reason"].required = True
            self.fields["lessons_learned"].required = True
        if to == PilotProject.Status.RUNNING:
            del self.fields["results_summary"]
            del self.fields["lessons_learned"]


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_date", "progress", "note"]
        widgets = {
            "due_date": DATE,
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100}),
        }


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "kind",
            "unit",
            "custom_unit",
            "direction",
            "baseline",
            "target",
            "data_source",
        ]

    def clean(self):
        data = super().clean()
        if data.get("unit") == "free" and not (data.get("custom_unit") or "").strip():
            self.add_error("custom_unit", _("Précisez l'unité."))
        return data


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "note"]
        widgets = {"measured_on": DATE}


class EvidenceForm(forms.Form):
    level = forms.ChoiceField(label=_("Niveau de preuve"), choices=EvidenceLevel.choices)
