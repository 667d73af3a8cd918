"""The public registration form of an event."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.antiabuse import AntiAbuseFormMixin
from core.forms import SingleLineCharField


class RegistrationForm(AntiAbuseFormMixin, forms.Form):
    name = SingleLineCharField(
        label=_("Votre nom"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Indiquez votre nom.")},
    )
    email = forms.EmailField(
        label=_("Votre adresse électronique"),
        help_text=_("Pour vous confirmer l'inscription et vous envoyer le lien d'annulation."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Indiquez votre adresse électronique."),
            "invalid": _("Saisissez une adresse électronique valide, par exemple nom@exemple.fr."),
        },
    )
    structure = SingleLineCharField(
        label=_("Votre structure (facultatif)"),
        max_length=160,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
