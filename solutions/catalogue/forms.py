"""Forms of the solution catalogue: a solution, its references and attachments."""

from django import forms
from django.utils.translation import gettext_lazy as _

from challenges.forms import UploadField
from challenges.models import Domain
from challenges.services import normalize_tags
from solutions.catalogue.models import (
    SOLUTION_EDITABLE_FIELDS,
    Language,
    Region,
    Solution,
    SolutionReference,
)


class TagsField(forms.CharField):
    """Keywords typed as a comma-separated list, stored as a JSON list of strings."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 1000)
        kwargs.setdefault(
            "help_text", _("Séparés par des virgules, p. ex. stationnement, capteurs.")
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def clean(self, value):
        value = super().clean(value)
        return normalize_tags(value.split(",")) if value else []


class SolutionForm(forms.ModelForm):
    tags = TagsField(label=_("Mots-clés"))
    domains = forms.ModelMultipleChoiceField(
        label=_("Domaines"),
        queryset=Domain.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    regions_served = forms.MultipleChoiceField(
        label=_("Régions desservies"),
        choices=Region.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.URLField(
        label=_("site web"), required=False, max_length=300, assume_scheme="https"
    )
    languages = forms.MultipleChoiceField(
        label=_("Langues de service"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Solution
        fields = ["domains", *SOLUTION_EDITABLE_FIELDS]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 12}),
        }

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("domains")
        return data


class ReferenceForm(forms.ModelForm):
    class Meta:
        model = SolutionReference
        fields = ["name", "year", "kind"]


ReferenceFormSet = forms.formset_factory(ReferenceForm, extra=2, max_num=30, can_delete=True)


def reference_initial(solution: Solution) -> list[dict]:
    return [{"name": r.name, "year": r.year, "kind": r.kind} for r in solution.references.all()]


def references_from(formset) -> list[dict]:
    return [
        {
            "name": f.cleaned_data["name"],
            "year": f.cleaned_data.get("year"),
            "kind": f.cleaned_data["kind"],
        }
        for f in formset.forms
        if f.cleaned_data and f.cleaned_data.get("name") and not f.cleaned_data.get("DELETE")
    ]


class AttachmentForm(forms.Form):
    file = UploadField(label=_("Document ou image"), required=True)
