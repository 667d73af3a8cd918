"""Public forms of the calls for participation (all with the shared anti-abuse mixin)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.antiabuse import AntiAbuseFormMixin
from core.forms import SingleLineCharField, single_line_formfield
from core.models import Domain
from core.vocabulary import PartnerRole
from directory.forms import label_empty_choices

from .models import Call, CallDepartment, Frequency


def department_choices(departments):
    return [(code, f"{name} ({code})") for code, name in departments]


class CallForm(forms.ModelForm):
    """The fields of a call (posting and the author's edits)."""

    departments = forms.MultipleChoiceField(
        label=_("Département(s)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Laissez vide si la participation se fait seulement à distance."),
    )

    class Meta:
        model = Call
        formfield_callback = single_line_formfield
        fields = [
            "title",
            "project",
            "role",
            "domain",
            "remote",
            "dates",
            "time_commitment",
            "compensation",
            "benefits",
            "deadline",
            "partners_wanted",
            "allow_non_registered",
        ]
        labels = {
            "remote": _("La participation peut se faire à distance"),
            "compensation": _("Comment l'engagement sera-t-il pris en charge ?"),
            "domain": _("Domaine (facultatif)"),
            "deadline": _("Date limite de réponse (jj/mm/aaaa)"),
        }
        widgets = {
            "project": forms.Textarea(attrs={"rows": 5}),
            "benefits": forms.Textarea(attrs={"rows": 3}),
            "compensation": forms.RadioSelect,
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, departments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["departments"].choices = department_choices(departments)
        self.fields["domain"].queryset = Domain.objects.order_by("sort_order", "name")
        self.fields["compensation"].choices = Call._meta.get_field("compensation").choices
        self.fields["compensation"].error_messages["required"] = gettext(
            "Indiquez la prise en charge : défraiement, rémunération ou bénévolat."
        )
        self.fields["deadline"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        self.fields["partners_wanted"].min_value = 1
        self.fields["partners_wanted"].widget.attrs["min"] = 1
        label_empty_choices(self)
        if self.instance.pk and not self.is_bound:
            self.initial["departments"] = self.instance.department_codes

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        today = timezone.localdate()
        if deadline < today:
            raise forms.ValidationError(gettext("La date limite est déjà passée : choisissez une date à venir."))
        if (deadline - today).days > 366:
            raise forms.ValidationError(gettext("La date limite doit tomber dans l'année qui vient."))
        return deadline

    def clean_partners_wanted(self):
        wanted = self.cleaned_data["partners_wanted"]
        if not 1 <= wanted <= 50:
            raise forms.ValidationError(gettext("Indiquez un nombre entre 1 et 50."))
        return wanted

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("departments") and not cleaned.get("remote") and "departments" not in self.errors:
            self.add_error(
                "departments",
                gettext(
                    "Choisissez au moins un département, ou indiquez que la participation peut se faire à distance."
                ),
            )
        return cleaned

    def save_call(self, **values):
        call = self.instance
        for name, value in values.items():
            setattr(call, name, value)
        call.save()
        wanted = set(self.cleaned_data.get("departments") or [])
        current = set(call.department_codes) if call.pk else set()
        call.departments.exclude(code__in=wanted).delete()
        CallDepartment.objects.bulk_create([CallDepartment(call=call, code=c) for c in sorted(wanted - current)])
        call.sync_search_index()
        return call


class PostCallForm(AntiAbuseFormMixin, CallForm):
    max_links = 2

    class Meta(CallForm.Meta):
        fields = ["structure_name", "structure_type", "contact_name", "contact_email", "contact_phone"] + (
            CallForm.Meta.fields
        )
        labels = {
            **CallForm.Meta.labels,
            "structure_name": _("Votre structure"),
            "contact_name": _("Votre nom"),
            "contact_email": _("Votre adresse électronique"),
            "contact_phone": _("Votre téléphone (facultatif)"),
        }
        help_texts = {
            "contact_email": _(
                "Jamais affichée. Un lien de confirmation y est envoyé ; les réponses y arriveront, et elle n'est "
                "transmise qu'aux personnes dont vous acceptez la réponse."
            ),
        }

    consent = forms.BooleanField(
        label=_(
            "J'ai lu la notice : mes coordonnées servent à la modération et aux mises en relation acceptées, "
            "et sont effacées 24 mois après la clôture de l'appel."
        ),
        error_messages={"required": _("Cochez cette case pour déposer l'appel.")},
    )

    def clean_contact_email(self):
        return self.cleaned_data["contact_email"].strip().lower()


class AnswerForm(AntiAbuseFormMixin, forms.Form):
    """A registered partner gives the address of their profile; a person not in
    the directory (if the call allows it) gives a name, an address, a phone."""

    PROFILE, FREE = "profil", "libre"

    mode = forms.ChoiceField(
        label=_("Vous répondez"),
        widget=forms.RadioSelect,
        choices=[
            (PROFILE, _("En tant que patient partenaire inscrit dans l'annuaire")),
            (FREE, _("Sans être inscrit dans l'annuaire")),
        ],
        initial=PROFILE,
    )
    email = forms.EmailField(
        label=_("Votre adresse électronique"),
        help_text=_(
            "Inscrit : l'adresse de votre profil. Un lien de confirmation y est envoyé ; la structure ne la "
            "reçoit que si vous confirmez et qu'elle accepte votre réponse."
        ),
    )
    name = SingleLineCharField(label=_("Votre nom (si vous n'êtes pas inscrit)"), required=False, max_length=100)
    phone = SingleLineCharField(
        label=_("Votre téléphone (facultatif, si vous n'êtes pas inscrit)"), required=False, max_length=30
    )
    message = forms.CharField(
        label=_("Votre message à la structure"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Ce qui vous motive, votre expérience en quelques lignes. Pas de coordonnées ici."),
    )
    consent = forms.BooleanField(
        label=_(
            "J'ai lu la notice : ma réponse est transmise à la structure après ma confirmation, et mes "
            "coordonnées seulement si elle l'accepte."
        ),
        error_messages={"required": _("Cochez cette case pour envoyer votre réponse.")},
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        if not call.allow_non_registered:
            self.fields["mode"].choices = self.fields["mode"].choices[:1]
            del self.fields["name"]
            del self.fields["phone"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("mode") == self.FREE and "name" in self.fields and not cleaned.get("name"):
            self.add_error("name", gettext("Indiquez votre nom : la structure en a besoin pour vous répondre."))
        return cleaned


class SubscriptionForm(AntiAbuseFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Votre adresse électronique"),
        help_text=_("Un lien de confirmation y est envoyé ; chaque alerte contient un lien de désinscription."),
    )
    roles = forms.MultipleChoiceField(
        label=_("Rôles (aucun coché : tous)"),
        choices=PartnerRole.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    domains = forms.MultipleChoiceField(
        label=_("Domaines (aucun coché : tous)"), widget=forms.CheckboxSelectMultiple, required=False
    )
    departments = forms.MultipleChoiceField(
        label=_("Départements (aucun coché : tous ; les appels à distance sont toujours inclus)"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    frequency = forms.ChoiceField(
        label=_("Fréquence"), choices=Frequency.choices, widget=forms.RadioSelect, initial=Frequency.WEEKLY
    )
    consent = forms.BooleanField(
        label=_("J'accepte de recevoir ces alertes par courriel ; je peux me désinscrire à tout moment."),
        error_messages={"required": _("Cochez cette case pour recevoir les alertes.")},
    )

    def __init__(self, *args, departments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domains"].choices = list(Domain.objects.order_by("sort_order", "name").values_list("slug", "name"))
        self.fields["departments"].choices = department_choices(departments)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class RefusalForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif du refus, envoyé à la structure"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Expliquez avec bienveillance ce qui manque et comment déposer un nouvel appel."),
    )
