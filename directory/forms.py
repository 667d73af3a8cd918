"""Public forms of the directory (all with the shared anti-abuse mixin)."""

from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import geo
from core.antiabuse import AntiAbuseFormMixin
from core.forms import SingleLineCharField, single_line_formfield
from core.models import Domain
from core.vocabulary import PartnerRole

from .models import (
    ContactRequest,
    ExperienceTheme,
    Language,
    PartnerProfile,
    ProfileLanguage,
    ProfileRole,
    TaggedExperienceTheme,
)
from .models.profiles import CONSENT_TEXT_VERSION


def label_empty_choices(form):
    """The empty choice of every drop-down reads "Choisir…", not "---------"."""
    for field in form.fields.values():
        if isinstance(field.widget, forms.Select) and not isinstance(field.widget, forms.RadioSelect):
            choices = list(field.choices)
            if choices and choices[0][0] == "":
                field.choices = [("", gettext("Choisir…"))] + choices[1:]


class ContactForm(AntiAbuseFormMixin, forms.ModelForm):
    max_links = 2

    class Meta:
        model = ContactRequest
        formfield_callback = single_line_formfield
        fields = [
            "requester_name",
            "structure_name",
            "structure_type",
            "requester_email",
            "requester_phone",
            "project",
            "expected_role",
            "dates",
            "place",
            "remote",
            "compensation",
        ]
        labels = {
            "requester_name": _("Votre nom"),
            "structure_name": _("Votre structure"),
            "requester_email": _("Votre adresse électronique"),
            "requester_phone": _("Votre téléphone (facultatif)"),
            "project": _("Le projet en quelques lignes"),
            "place": _("Lieu (facultatif)"),
            "remote": _("La participation peut se faire à distance"),
            "compensation": _("Comment l'engagement du patient partenaire sera-t-il pris en charge ?"),
        }
        help_texts = {
            "requester_email": _("La réponse vous parviendra à cette adresse, en cas d'accord."),
            "compensation": _("L'engagement d'un patient partenaire est au minimum défrayé."),
            "dates": _("Par exemple : « trois réunions entre mars et juin 2027 »."),
        }
        widgets = {
            "project": forms.Textarea(attrs={"rows": 5}),
            "expected_role": forms.Textarea(attrs={"rows": 3}),
            "compensation": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["compensation"].choices = ContactRequest._meta.get_field("compensation").choices
        self.fields["compensation"].error_messages["required"] = gettext(
            "Indiquez la prise en charge : l'engagement doit au moins être défrayé."
        )
        label_empty_choices(self)


def _department_choices(departments):
    return [(code, f"{name} ({code})") for code, name in departments]


class ProfileFieldsForm(forms.ModelForm):
    """The fields a partner fills in about themself (registration and edit)."""

    roles = forms.MultipleChoiceField(
        label=_("Vos rôles"), choices=PartnerRole.choices, widget=forms.CheckboxSelectMultiple
    )
    domains = forms.ModelMultipleChoiceField(
        label=_("Domaines d'intervention"),
        queryset=Domain.objects.order_by("sort_order", "name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=_("Langues parlées"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    theme_names = SingleLineCharField(
        label=_("Thèmes de votre expérience (facultatif)"),
        required=False,
        max_length=300,
        help_text=_(
            "Séparés par des virgules, par exemple « diabète, santé mentale ». Ce sont des données de santé : "
            "ils ne sont affichés que si vous cochez le consentement correspondant."
        ),
    )
    consent_health_choice = forms.BooleanField(
        label=_(
            "J'accepte que les thèmes de santé de mon expérience soient affichés publiquement et servent à la recherche."
        ),
        required=False,
    )

    class Meta:
        model = PartnerProfile
        formfield_callback = single_line_formfield
        fields = [
            "display_name",
            "presentation",
            "department",
            "territory_visibility",
            "remote_ok",
            "mobility",
            "trainings",
            "availability",
            "association",
            "allow_search_engines",
        ]
        widgets = {
            "presentation": forms.Textarea(attrs={"rows": 5}),
            "trainings": forms.Textarea(attrs={"rows": 3}),
            "territory_visibility": forms.RadioSelect,
        }
        labels = {"allow_search_engines": _("J'accepte que ma fiche soit référencée par les moteurs de recherche")}

    def __init__(self, *args, departments=None, **kwargs):
        super().__init__(*args, **kwargs)
        if departments:
            self.fields["department"].choices = [("", "—")] + _department_choices(departments)
        label_empty_choices(self)
        self.fields["territory_visibility"].choices = PartnerProfile._meta.get_field("territory_visibility").choices
        instance = self.instance
        if instance.pk and not self.is_bound:
            self.initial["roles"] = [r.role for r in instance.roles.all()]
            self.initial["languages"] = [lang.code for lang in instance.languages.all()]
            self.initial["domains"] = list(instance.domains.all())
            self.initial["theme_names"] = ", ".join(t.name for t in instance.themes.all())
            self.initial["consent_health_choice"] = instance.consent_health

    def clean_theme_names(self):
        names = [n.strip()[:60] for n in self.cleaned_data.get("theme_names", "").split(",") if n.strip()]
        return names[:10]

    def save_profile(self):
        """Save the profile and its relations, then refresh its search entry."""
        profile = self.instance
        now = timezone.now()
        consent = self.cleaned_data.get("consent_health_choice", False)
        if consent and not profile.consent_health:
            profile.consent_health_at = now
        if not consent:
            profile.consent_health_at = None
        profile.consent_health = consent
        profile.consent_text_version = CONSENT_TEXT_VERSION
        profile.domains.set(self.cleaned_data.get("domains") or [])
        profile.themes.set(self.cleaned_data["theme_names"])
        profile.roles = [ProfileRole(role=r) for r in self.cleaned_data["roles"]]
        profile.languages = [ProfileLanguage(code=c) for c in self.cleaned_data.get("languages") or []]
        profile.save()
        profile.sync_search_index()
        return profile


class RegistrationForm(AntiAbuseFormMixin, ProfileFieldsForm):
    email = forms.EmailField(
        label=_("Votre adresse électronique"),
        help_text=_("Jamais affichée : elle sert à vous transmettre les demandes et à confirmer votre inscription."),
    )
    phone = SingleLineCharField(label=_("Téléphone (facultatif, jamais affiché)"), required=False, max_length=30)
    consent_listing = forms.BooleanField(
        label=_("J'accepte de figurer dans l'annuaire selon les choix ci-dessus (nécessaire à l'inscription)."),
        error_messages={"required": _("Cochez cette case pour figurer dans l'annuaire.")},
    )
    charter_read = forms.BooleanField(
        label=_(
            "J'ai lu la charte du partenariat et la page « Devenir patient partenaire » (nécessaire à l'inscription)."
        ),
        error_messages={"required": _("Lisez la charte du partenariat, puis cochez cette case.")},
    )
    consent_news_choice = forms.BooleanField(
        label=_("J'accepte de recevoir des nouvelles du réseau (quelques courriels par an)."), required=False
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def save_registration(self):
        now = timezone.now()
        profile = self.instance
        existing = PartnerProfile.objects.filter(email=self.cleaned_data["email"]).first()
        if existing is not None:
            return existing, False
        profile.email = self.cleaned_data["email"]
        profile.phone = self.cleaned_data.get("phone", "")
        profile.consent_listing_at = now
        profile.charter_read = True
        profile.charter_read_at = now
        profile.consent_news = self.cleaned_data.get("consent_news_choice", False)
        profile.consent_news_at = now if profile.consent_news else None
        profile.status = PartnerProfile.Status.PENDING
        self.save_profile()
        return profile, True


class ContactDetailsForm(forms.Form):
    """The partner's private contact details, in "Gérer mon profil". A new
    address replaces the old one only once confirmed from the new mailbox."""

    email = forms.EmailField(
        label=_("Adresse électronique"),
        help_text=_(
            "Jamais affichée. Si vous la changez, un lien de confirmation est envoyé à la nouvelle adresse ; "
            "l'ancienne reste valable jusqu'à ce que vous l'ouvriez."
        ),
    )
    phone = forms.CharField(label=_("Téléphone (facultatif, jamais affiché)"), required=False, max_length=30)

    def __init__(self, *args, profile, **kwargs):
        self.profile = profile
        kwargs.setdefault("initial", {"email": profile.email, "phone": profile.phone})
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email != self.profile.email and PartnerProfile.objects.filter(email=email).exists():
            raise forms.ValidationError(gettext("Cette adresse est déjà celle d'un autre profil de l'annuaire."))
        return email

    @property
    def email_changed(self):
        return self.cleaned_data["email"] != self.profile.email


class ManageRequestForm(AntiAbuseFormMixin, forms.Form):
    email = forms.EmailField(label=_("Votre adresse électronique"))


class ReportForm(AntiAbuseFormMixin, forms.Form):
    REASONS = [
        ("faux", _("Le profil semble faux ou usurpé")),
        ("contenu", _("Le contenu est inapproprié")),
        ("autre", _("Autre raison")),
    ]
    reason = forms.ChoiceField(label=_("Motif"), choices=REASONS, widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("Précisions (facultatif)"), required=False, max_length=1000, widget=forms.Textarea
    )


def theme_options():
    """Themes shown by at least one published, consenting profile (one EXISTS
    per theme: the theme list is short, the profile list is not)."""
    shown = TaggedExperienceTheme.objects.filter(
        tag=OuterRef("pk"),
        content_object__status=PartnerProfile.Status.PUBLISHED,
        content_object__consent_health=True,
    )
    return list(ExperienceTheme.objects.filter(Exists(shown)).order_by("name").values_list("slug", "name"))


REGION_OPTIONS = geo.REGION_CHOICES
