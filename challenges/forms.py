from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.access import city_organizations, is_curator
from partners.models import Organization

from .models import Challenge, Domain
from .services import MAX_TAG_LENGTH, MAX_TAGS, normalize_tags
from .uploads import ACCEPT, allowed_types_text, validate_upload


def domain_filter_field() -> forms.ModelChoiceField:
    """A domain chosen by its slug in a filter form (the catalogue, case studies, impact)."""
    return forms.ModelChoiceField(
        label=_("Domaine"),
        queryset=Domain.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tous les domaines"),
    )


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


class OwnersField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Organization) -> str:
        return f"{obj.name} ({obj.region})" if obj.region else obj.name


class ChallengeForm(forms.ModelForm):
    owners = OwnersField(
        label=_("Villes responsables"),
        queryset=Organization.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Cochez votre ville ; ajoutez d'autres villes pour un enjeu commun : leur personnel "
            "pourra aussi le modifier."
        ),
    )
    domains = forms.ModelMultipleChoiceField(
        label=_("Domaines"),
        queryset=Domain.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    tags_text = forms.CharField(
        label=_("Mots-clés"),
        required=False,
        max_length=1200,
        help_text=_("Séparés par des virgules, par exemple : stationnement, capteurs."),
    )
    attachment = forms.FileField(
        label=_("Ajouter une pièce jointe"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    class Meta:
        model = Challenge
        fields = [
            "title",
            "summary",
            "description",
            "owners",
            "domains",
            "gain_economic",
            "gain_environmental",
            "gain_social",
            "budget_min",
            "budget_max",
            "currency",
            "proposals_deadline",
            "visibility",
            "language",
            "terms",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 12}),
            "gain_economic": forms.Textarea(attrs={"rows": 2}),
            "gain_environmental": forms.Textarea(attrs={"rows": 2}),
            "gain_social": forms.Textarea(attrs={"rows": 2}),
            "terms": forms.Textarea(attrs={"rows": 4}),
            "proposals_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "visibility": forms.RadioSelect,
            "language": forms.RadioSelect,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["owners"].queryset = Organization.objects.filter(
            kind__in=[Organization.Kind.CITY, Organization.Kind.PARTNER],
            status=Organization.Status.VERIFIED,
        ).order_by("name")
        self.fields["summary"].required = True
        self.fields["attachment"].help_text = _("Au plus 10 Mo ; types acceptés : %(types)s.") % {
            "types": allowed_types_text()
        }
        if self.instance.pk:
            self.fields["tags_text"].initial = ", ".join(self.instance.tags or [])
        else:
            self.fields["owners"].initial = [o.pk for o in city_organizations(user)]

    def clean_tags_text(self) -> list[str]:
        raw = [t for t in self.cleaned_data["tags_text"].split(",") if t.strip()]
        if len(raw) > MAX_TAGS:
            raise ValidationError(
                _("Au plus %(max)s mots-clés.") % {"max": MAX_TAGS}, code="too_many"
            )
        if any(len(t.strip()) > MAX_TAG_LENGTH for t in raw):
            raise ValidationError(
                _("Un mot-clé compte au plus %(max)s caractères.") % {"max": MAX_TAG_LENGTH},
                code="too_long",
            )
        return normalize_tags(raw)

    def clean_owners(self):
        owners = self.cleaned_data["owners"]
        if is_curator(self.user):
            return owners
        mine = {o.pk for o in city_organizations(self.user)}
        if not any(o.pk in mine for o in owners):
            raise ValidationError(_("Cochez au moins une de vos villes."), code="not_mine")
        return owners

    def clean_proposals_deadline(self):
        deadline = self.cleaned_data["proposals_deadline"]
        unchanged = self.instance.pk and deadline == self.instance.proposals_deadline
        if deadline and not unchanged and deadline < timezone.localdate():
            raise ValidationError(_("La date limite ne peut pas être dans le passé."), code="past")
        return deadline

    def clean_attachment(self):
        file = self.cleaned_data.get("attachment")
        if file:
            validate_upload(file)
        return file

    def clean(self):
        data = super().clean()
        low, high = data.get("budget_min"), data.get("budget_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "budget_max",
                ValidationError(
                    _("Le budget maximal doit être supérieur ou égal au budget minimal."),
                    code="budget_range",
                ),
            )
        return data

    def service_fields(self) -> dict:
        """The cleaned values in the form `challenge_create` / `challenge_update` take."""
        data = self.cleaned_data
        fields = {
            name: data[name] for name in self.Meta.fields if name not in ("owners", "domains")
        }
        return {
            **fields,
            "tags": data["tags_text"],
            "owners": list(data["owners"]),
            "domains": list(data["domains"]),
        }


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT})
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        validate_upload(file)
        return file


class TransitionForm(forms.Form):
    to = forms.ChoiceField(choices=Challenge.Status.choices, widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Commentaire"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Votre question"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Les questions et leurs réponses sont publiques."),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Réponse"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class UpdateForm(forms.Form):
    text = forms.CharField(
        label=_("Mise à jour"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Envoyée aux personnes qui suivent l'enjeu. Markdown accepté."),
    )
