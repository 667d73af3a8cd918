"""The public "Proposer un projet" form."""

import datetime

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import geo
from core.antiabuse import AntiAbuseFormMixin
from core.forms import SingleLineCharField
from core.models import Domain
from core.vocabulary import EngagementDegree, EngagementScale, PartnerRole, StructureType
from projects.models import ProjectStatus


def _year_field(label, required=False):
    this_year = datetime.date.today().year
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=1990,
        max_value=this_year + 5,
        error_messages={
            "invalid": _("Saisissez une année en chiffres, par exemple 2024."),
            "min_value": _("Saisissez une année à partir de 1990."),
            "max_value": format_lazy(_("Saisissez une année au plus tard en {year}."), year=this_year + 5),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class ProjectProposalForm(AntiAbuseFormMixin, forms.Form):
    submitter_name = SingleLineCharField(
        label=_("Votre nom"),
        max_length=120,
        help_text=_("Pour vous répondre ; il ne sera jamais publié."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    submitter_email = forms.EmailField(
        label=_("Votre adresse électronique"),
        help_text=_("Vous recevrez un accusé de réception ; elle ne sera jamais publiée."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    title = SingleLineCharField(label=_("Titre du projet"), max_length=160)
    summary = SingleLineCharField(label=_("Le projet en une phrase"), max_length=255)
    domain = forms.ChoiceField(label=_("Domaine"))
    themes = SingleLineCharField(
        label=_("Thèmes"),
        required=False,
        max_length=255,
        help_text=_("Séparés par des virgules, par exemple : parcours de soins, aidants, FALC."),
    )
    structure_name = SingleLineCharField(label=_("Structure porteuse"), max_length=160)
    structure_type = forms.ChoiceField(label=_("Type de structure"), choices=[("", "—")] + StructureType.choices)
    department_code = forms.ChoiceField(label=_("Département"), choices=[("", "—")] + geo.DEPARTMENT_CHOICES)
    town = SingleLineCharField(label=_("Commune"), max_length=100, required=False)
    start_year = _year_field(_("Année de début"))
    end_year = _year_field(_("Année de fin (si elle est connue)"))
    status = forms.ChoiceField(label=_("État du projet"), choices=ProjectStatus.choices, widget=forms.RadioSelect)
    engagement_degree = forms.ChoiceField(
        label=_("Degré d'engagement des patients"),
        choices=EngagementDegree.choices,
        widget=forms.RadioSelect,
        help_text=_("Information, consultation, collaboration ou partenariat (co-construction et co-décision)."),
    )
    engagement_scale = forms.ChoiceField(label=_("Niveau"), choices=EngagementScale.choices, widget=forms.RadioSelect)
    partner_roles = forms.MultipleChoiceField(
        label=_("Rôles des partenaires impliqués"),
        choices=PartnerRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    objectives = forms.CharField(
        label=_("Objectifs"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )
    team = forms.CharField(
        label=_("L'équipe (rôles, sans noms)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Par exemple : deux patientes partenaires, une cadre de santé, un médecin."),
    )
    results = forms.CharField(
        label=_("Résultats et enseignements"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    public_contact_email = forms.EmailField(
        label=_("Adresse de contact à publier (facultatif)"),
        required=False,
        help_text=_("Une adresse générique de service ou de structure, jamais une adresse personnelle."),
    )
    consent = forms.BooleanField(
        label=_(
            "J'accepte que ces informations servent à préparer une fiche projet, relue par l'équipe éditoriale avant publication."
        ),
        error_messages={"required": _("Cochez cette case pour que nous puissions traiter votre proposition.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].choices = [("", "—")] + list(Domain.objects.values_list("slug", "name"))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", gettext("L'année de fin ne peut pas précéder l'année de début."))
        return cleaned

    def theme_names(self):
        raw = self.cleaned_data.get("themes") or ""
        names = []
        for part in raw.split(","):
            name = " ".join(part.split())[:100]
            if name and name.lower() not in {n.lower() for n in names}:
                names.append(name)
        return names[:10]
