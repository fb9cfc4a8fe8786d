"""Forms of the evaluation: the grid, its criteria, its evaluators, an evaluator's sheet."""

from django import forms
from django.utils.translation import gettext_lazy as _

from solutions.evaluations.models import EvaluationCriterion, EvaluationSheet


class GridForm(forms.Form):
    instructions = forms.CharField(
        label=_("Consignes aux évaluateurs"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CriterionForm(forms.ModelForm):
    class Meta:
        model = EvaluationCriterion
        fields = ["label", "description", "kind", "scale_max", "weight"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "kind": forms.RadioSelect,
        }


class EvaluatorForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Personne à assigner"),
        queryset=None,
        empty_label=_("Choisir…"),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.get_full_name()} ({u.email})" if u.get_full_name() else u.email
        )


YES_NO = [(1, _("Oui")), (0, _("Non"))]
CONFLICT_CHOICES = [
    ("no", _("Je n'ai aucun conflit d'intérêts avec cet innovateur.")),
    (
        "yes",
        _("Je déclare un conflit d'intérêts : je me récuse pour cette proposition."),
    ),
]


class SheetForm(forms.Form):
    """The conflict declaration, one field per criterion, and private notes."""

    conflict = forms.ChoiceField(
        label=_("Conflit d'intérêts"),
        choices=CONFLICT_CHOICES,
        widget=forms.RadioSelect,
    )
    conflict_details = forms.CharField(
        label=_("Nature du conflit d'intérêts"),
        help_text=_("Seulement si vous déclarez un conflit."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self,
        *args,
        criteria: list[EvaluationCriterion],
        sheet: EvaluationSheet | None = None,
        **kwargs,
    ):
        initial = kwargs.pop("initial", {}) or {}
        if sheet is not None:
            initial |= {
                "conflict": "yes" if sheet.conflict else "no",
                "conflict_details": sheet.conflict_details,
                "notes": sheet.notes,
            }
            initial |= {f"criterion_{s.criterion_id}": s.value for s in sheet.scores.all()}
        super().__init__(*args, initial=initial, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            help_text = criterion.description
            if criterion.kind == EvaluationCriterion.Kind.YES_NO:
                field = forms.TypedChoiceField(
                    label=criterion.label,
                    choices=YES_NO,
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=False,
                    help_text=help_text,
                )
            else:
                field = forms.IntegerField(
                    label=_("%(label)s (de 0 à %(max)s)")
                    % {"label": criterion.label, "max": criterion.scale_max},
                    min_value=0,
                    max_value=criterion.scale_max,
                    required=False,
                    help_text=help_text,
                )
            self.fields[f"criterion_{criterion.pk}"] = field
        self.fields["notes"] = forms.CharField(
            label=_("Notes privées"),
            help_text=_("Vous seul les lisez ; elles ne sont montrées à personne d'autre."),
            required=False,
            max_length=5000,
            widget=forms.Textarea(attrs={"rows": 4}),
        )

    def criterion_fields(self):
        return [self[f"criterion_{c.pk}"] for c in self.criteria]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "conflict": data["conflict"] == "yes",
            "conflict_details": data.get("conflict_details", ""),
            "notes": data.get("notes", ""),
            "scores": {
                c.pk: data[f"criterion_{c.pk}"]
                for c in self.criteria
                if data.get(f"criterion_{c.pk}") not in (None, "")
            },
        }
