from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .models import EmailFrequency, Language, NotificationKind, Organization, User

COUNTRY_HELP = _("Code ISO à deux lettres : CA pour le Canada, FR pour la France.")


class SignUpForm(forms.Form):
    CREATE = "create"
    JOIN = "join"

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    email = forms.EmailField(label=_("Adresse courriel"))
    password1 = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Au moins 8 caractères, pas seulement des chiffres, pas un mot de passe courant."
        ),
    )
    password2 = forms.CharField(
        label=_("Confirmation du mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    language = forms.ChoiceField(label=_("Langue préférée"), choices=Language.choices)
    choice = forms.ChoiceField(
        label=_("Votre organisation"),
        choices=[
            (CREATE, _("Inscrire une nouvelle organisation")),
            (JOIN, _("Rejoindre une organisation déjà inscrite")),
        ],
        widget=forms.RadioSelect,
        initial=CREATE,
    )
    organization_kind = forms.ChoiceField(
        label=_("Type d'organisation"),
        required=False,
        choices=[
            (k, label) for k, label in Organization.Kind.choices if k != Organization.Kind.IVEO
        ],
    )
    organization_name = forms.CharField(
        label=_("Nom de l'organisation"), max_length=200, required=False
    )
    organization_region = forms.CharField(label=_("Région"), max_length=120, required=False)
    organization_country = forms.CharField(
        label=_("Pays"), max_length=2, required=False, initial="CA", help_text=COUNTRY_HELP
    )
    organization_population = forms.IntegerField(
        label=_("Population (villes)"), required=False, min_value=1
    )
    organization_website = forms.URLField(
        label=_("Site web"), required=False, assume_scheme="https"
    )
    join_organization = forms.ModelChoiceField(
        label=_("Organisation à rejoindre"),
        queryset=Organization.objects.filter(status=Organization.Status.VERIFIED),
        required=False,
        empty_label=_("— Choisir —"),
    )
    join_message = forms.CharField(
        label=_("Message aux administrateurs (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Un compte existe déjà avec cette adresse courriel."))
        return email

    def clean_organization_country(self) -> str:
        return (self.cleaned_data.get("organization_country") or "").upper()

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("Les deux mots de passe ne correspondent pas."))
        elif p1:
            candidate = User(
                email=data.get("email", ""),
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(p1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        if data.get("choice") == self.CREATE:
            for field in ("organization_kind", "organization_name"):
                if not data.get(field):
                    self.add_error(
                        field, _("Ce champ est obligatoire pour une nouvelle organisation.")
                    )
            country = data.get("organization_country") or ""
            if len(country) != 2 or not country.isalpha():
                self.add_error("organization_country", COUNTRY_HELP)
        elif data.get("choice") == self.JOIN and not data.get("join_organization"):
            self.add_error("join_organization", _("Choisissez l'organisation à rejoindre."))
        return data

    def new_organization(self) -> dict | None:
        data = self.cleaned_data
        if data["choice"] != self.CREATE:
            return None
        return {
            "kind": data["organization_kind"],
            "name": data["organization_name"],
            "region": data["organization_region"],
            "country": data["organization_country"],
            "population": data["organization_population"],
            "website": data["organization_website"],
        }


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Adresse courriel"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    error_messages = {
        "invalid_login": _(
            "Adresse courriel ou mot de passe incorrect. Les deux champs tiennent compte des "
            "majuscules."
        ),
        "inactive": _("Ce compte est désactivé."),
    }


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "language"]
        labels = {"first_name": _("Prénom"), "last_name": _("Nom")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in NotificationKind.choices:
            self.fields[f"email_{kind}"] = forms.ChoiceField(
                label=label,
                choices=EmailFrequency.choices,
                initial=self.instance.email_frequency(kind),
            )

    def email_frequencies(self) -> dict:
        return {kind: self.cleaned_data[f"email_{kind}"] for kind in NotificationKind.values}

    def preference_fields(self):
        return [self[f"email_{kind}"] for kind in NotificationKind.values]


class OrganizationForm(forms.ModelForm):
    website = forms.URLField(label=_("Site web"), required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = ["name", "description", "region", "country", "population", "website"]
        help_texts = {"country": COUNTRY_HELP}

    def clean_country(self) -> str:
        return self.cleaned_data["country"].upper()


class RefusalForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif du refus (envoyé au demandeur)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message aux administrateurs (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
