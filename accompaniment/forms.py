"""The public application form of a call for projects."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import geo
from core.antiabuse import AntiAbuseFormMixin
from core.forms import SingleLineCharField
from core.models import Domain
from core.vocabulary import EngagementDegree, EngagementScale, StructureType

TEAM_ROWS = 5


class ApplicationForm(AntiAbuseFormMixin, forms.Form):
    structure_name = SingleLineCharField(label=_("Structure porteuse"), max_length=160)
    structure_type = forms.ChoiceField(label=_("Type de structure"), choices=[("", "—")] + StructureType.choices)
    department_code = forms.ChoiceField(label=_("Département"), choices=[("", "—")] + geo.DEPARTMENT_CHOICES)
    contact_name = SingleLineCharField(
        label=_("Nom de la personne référente"),
        max_length=120,
        help_text=_("Pour vous répondre ; jamais publié."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label=_("Adresse électronique de la personne référente"),
        help_text=_("L'accusé de réception et la décision y seront envoyés ; jamais publiée."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    project_title = SingleLineCharField(label=_("Titre du projet"), max_length=160)
    summary = forms.CharField(
        label=_("Résumé du projet"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Le problème de départ, ce que vous voulez changer, avec qui. Aucune donnée de santé."),
    )
    domain = forms.ChoiceField(label=_("Domaine"))
    engagement_degree = forms.ChoiceField(
        label=_("Degré d'engagement visé"),
        choices=EngagementDegree.choices,
        widget=forms.RadioSelect,
        help_text=_("Information, consultation, collaboration ou partenariat (co-construction et co-décision)."),
    )
    engagement_scale = forms.ChoiceField(
        label=_("Niveau visé"), choices=EngagementScale.choices, widget=forms.RadioSelect
    )
    needs = forms.CharField(
        label=_("Vos besoins d'accompagnement"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Par exemple : recruter des patients partenaires, formaliser le plan d'action, évaluer."),
    )
    consent = forms.BooleanField(
        label=_(
            "J'ai lu la notice : ces informations servent à instruire la candidature ; le nom et l'adresse de la "
            "personne référente ne sont lus que par le groupe de travail et effacés à la fin de la durée de conservation."
        ),
        error_messages={"required": _("Cochez cette case pour que nous puissions instruire votre candidature.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].choices = [("", "—")] + list(Domain.objects.values_list("slug", "name"))
        # The team, by role only: inserted before the needs, one pair of fields per member.
        ordered = {}
        for name, field in self.fields.items():
            if name == "needs":
                for row in range(1, TEAM_ROWS + 1):
                    ordered[f"member_{row}_role"] = SingleLineCharField(
                        label=gettext("Membre %(n)s de l'équipe : rôle") % {"n": row},
                        max_length=120,
                        required=row == 1,
                        help_text=gettext("Par exemple : patiente partenaire, cadre de santé, médecin. Sans nom.")
                        if row == 1
                        else "",
                    )
                    ordered[f"member_{row}_partner"] = forms.BooleanField(
                        label=gettext("Membre %(n)s : patient, proche-aidant ou usager partenaire") % {"n": row},
                        required=False,
                    )
            ordered[name] = field
        self.fields = ordered

    def clean(self):
        cleaned = super().clean()
        for row in range(2, TEAM_ROWS + 1):
            if cleaned.get(f"member_{row}_partner") and not cleaned.get(f"member_{row}_role"):
                self.add_error(f"member_{row}_role", gettext("Indiquez le rôle de ce membre de l'équipe."))
        return cleaned

    def team(self):
        """[(role, is_partner)] of the rows filled in, in order."""
        rows = []
        for row in range(1, TEAM_ROWS + 1):
            role = (self.cleaned_data.get(f"member_{row}_role") or "").strip()
            if role:
                rows.append((role, bool(self.cleaned_data.get(f"member_{row}_partner"))))
        return rows
