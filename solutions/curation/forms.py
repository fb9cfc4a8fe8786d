"""Forms of the curator workspace, introductions and discussions."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif du refus"),
        help_text=_("L'innovateur lira ce motif sur sa proposition : restez factuel et utile."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class IntroduceForm(forms.Form):
    message = forms.CharField(
        label=_("Message à la ville et à l'innovateur"),
        help_text=_("Facultatif : pourquoi vous les mettez en relation."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AddMatchForm(forms.Form):
    solution = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    note = forms.CharField(
        label=_("Pourquoi cette solution"),
        help_text=_("Facultatif : une raison courte, affichée avec le jumelage."),
        required=False,
        max_length=300,
    )


class CatalogueSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Chercher dans le catalogue"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class WorkspaceFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Chercher un enjeu"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    pending = forms.BooleanField(
        label=_("Seulement les enjeux avec des suggestions ou propositions à traiter"),
        required=False,
    )


class AcceptIntroductionForm(forms.Form):
    contact = forms.CharField(
        label=_("Coordonnées à partager (facultatif)"),
        help_text=_(
            "Un téléphone ou une autre façon de vous joindre, en plus de votre nom et de votre "
            "courriel. L'autre partie ne les verra que si elle accepte aussi."
        ),
        required=False,
        max_length=300,
    )


class RefuseIntroductionForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif (facultatif, lu par IVÉO)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Votre message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
