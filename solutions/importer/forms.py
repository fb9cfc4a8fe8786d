"""The curators' CSV upload form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


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
