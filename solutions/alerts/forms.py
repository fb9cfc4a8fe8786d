"""The form of an alert: domains, regions, keywords, or the catalogue search it saves."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from challenges.models import Domain
from solutions.alerts.selectors import MAX_KEYWORDS


def _list_field(value: str, *, most: int) -> list[str]:
    items = [item.strip() for item in value.replace("\n", ",").split(",") if item.strip()]
    if len(items) > most:
        raise forms.ValidationError(
            _("Au plus %(most)s éléments, séparés par des virgules.") % {"most": most}
        )
    return [item[:80] for item in items]


class SubscriptionForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Nom de l'alerte (facultatif)"),
        max_length=120,
        required=False,
    )
    domains = forms.MultipleChoiceField(
        label=gettext_lazy("Domaines"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    regions = forms.CharField(
        label=gettext_lazy("Régions"),
        required=False,
        max_length=600,
        help_text=gettext_lazy("Séparées par des virgules, p. ex. Estrie, Montérégie."),
    )
    keywords = forms.CharField(
        label=gettext_lazy("Mots-clés"),
        required=False,
        max_length=1000,
        help_text=gettext_lazy(
            "Séparés par des virgules ; un enjeu qui contient tous les mots d'un mot-clé vous est signalé."
        ),
    )
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domains"].choices = [(d.slug, d.name) for d in Domain.objects.all()]

    def clean_regions(self) -> list[str]:
        return _list_field(self.cleaned_data["regions"], most=MAX_KEYWORDS)

    def clean_keywords(self) -> list[str]:
        return _list_field(self.cleaned_data["keywords"], most=MAX_KEYWORDS)

    def clean(self):
        data = super().clean()
        if not any(data.get(f) for f in ("domains", "regions", "keywords", "query")):
            raise forms.ValidationError(
                _("Choisissez au moins un domaine, une région ou un mot-clé.")
            )
        return data
