"""The proposal form: an innovator's pitch for one of its solutions on a challenge."""

from django import forms
from django.utils.translation import gettext_lazy as _

from challenges.forms import UploadField
from solutions.catalogue.models import Solution
from solutions.proposals.models import PITCH_FIELDS, Match


class ProposalForm(forms.ModelForm):
    """The innovator's pitch; `solution` and `accept_terms` only when proposing."""

    solution = forms.ModelChoiceField(
        label=_("Solution proposée"), queryset=Solution.objects.none()
    )
    attachment = UploadField(label=_("Document joint (facultatif)"))
    accept_terms = forms.BooleanField(label=_("J'accepte les conditions de cet enjeu"))

    class Meta:
        model = Match
        fields = list(PITCH_FIELDS)
        widgets = {
            "pitch": forms.Textarea(attrs={"rows": 6}),
            "fit": forms.Textarea(attrs={"rows": 6}),
            "timeline": forms.Textarea(attrs={"rows": 3}),
            "references": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "currency": {"invalid_choice": _("Choisissez une des devises de la liste.")},
        }

    def __init__(self, *args, solutions=None, proposing: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pitch"].required = True
        if proposing:
            self.fields["solution"].queryset = (
                solutions if solutions is not None else Solution.objects.none()
            )
        else:
            del self.fields["solution"]
            del self.fields["accept_terms"]
        # Files are stored only once the service accepted the proposal.
        self.fields["attachment"].initial = None

    def clean(self):
        data = super().clean()
        low, high = data.get("cost_min"), data.get("cost_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "cost_max",
                _("Le coût maximal doit être supérieur ou égal au coût minimal."),
            )
        return data

    def pitch_fields(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in PITCH_FIELDS}

    def _post_clean(self):
        # The model is validated by the service (with the challenge and solution it needs).
        pass
