from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from challenges.models import Domain
from challenges.services import normalize_tags
from challenges.uploads import ACCEPT, allowed_types_text, validate_upload

from .models import (
    PITCH_FIELDS,
    SOLUTION_EDITABLE_FIELDS,
    Language,
    Match,
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


class UploadField(forms.FileField):
    """A file checked like the challenges' attachments (size, type sniffed from the content)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            _("10 Mo au plus. Types acceptés : %(types)s.") % {"types": allowed_types_text()},
        )
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        file = super().clean(data, initial)
        if file and file is not initial and hasattr(file, "size"):
            validate_upload(file)
        return file


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


class CsvUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV des solutions"),
        help_text=_("UTF-8, séparateur virgule ou point-virgule, 5 Mo au plus."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    MAX_BYTES = 5 * 1024 * 1024

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > self.MAX_BYTES:
            raise ValidationError(_("Le fichier dépasse 5 Mo."))
        return file
