"""Public forms of the barometer. Built from the dimensions and criteria in
the database: one accessible radio group per criterion, a comment per
dimension, and the person's role (nothing else about them)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.antiabuse import AntiAbuseFormMixin
from core.forms import SingleLineCharField, single_line_formfield

from .models import BarometerSession, Role, Scale

MISSING = _("Choisissez une valeur de 0 à 4 pour ce critère.")


def criterion_field_name(criterion):
    return f"critere_{criterion.pk}"


def comment_field_name(dimension):
    return f"commentaire_{dimension.pk}"


class AnswerForm(AntiAbuseFormMixin, forms.Form):
    """`finish=True` (the « Valider » button) requires every criterion; a
    draft (« Enregistrer et continuer plus tard ») only checks the values
    given. Values outside 0–4 are always rejected."""

    role = forms.ChoiceField(
        label=_("Votre rôle dans le projet"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        help_text=_("C'est la seule chose que nous vous demandons sur vous."),
        error_messages={"required": _("Indiquez votre rôle dans le projet.")},
    )

    def __init__(self, *args, dimensions, finish=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.dimensions = dimensions
        self.finish = finish
        self.groups = []
        for dimension in dimensions:
            names = []
            for criterion in dimension.criteria.all():
                name = criterion_field_name(criterion)
                self.fields[name] = forms.TypedChoiceField(
                    label=criterion.text,
                    help_text=criterion.help_text,
                    choices=Scale.choices,
                    coerce=int,
                    empty_value=None,
                    required=False,
                    widget=forms.RadioSelect,
                    error_messages={"invalid_choice": gettext("Choisissez une valeur entre 0 et 4.")},
                )
                names.append(name)
            comment = comment_field_name(dimension)
            self.fields[comment] = forms.CharField(
                label=gettext("Votre commentaire sur « %(dimension)s »") % {"dimension": dimension.name},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=gettext("Facultatif. N'y écrivez aucun nom."),
            )
            self.groups.append({"dimension": dimension, "criteria": names, "comment": comment})

    def bound_groups(self):
        """The criteria and comment of each dimension, as bound fields."""
        return [
            {
                "dimension": group["dimension"],
                "criteria": [self[name] for name in group["criteria"]],
                "comment": self[group["comment"]],
            }
            for group in self.groups
        ]

    def clean(self):
        cleaned = super().clean()
        if self.finish:
            for group in self.groups:
                for name in group["criteria"]:
                    if cleaned.get(name) is None and name not in self.errors:
                        self.add_error(name, MISSING)
        return cleaned

    @classmethod
    def initial_from(cls, answer, dimensions):
        initial = {"role": answer.role}
        for dimension in dimensions:
            for criterion in dimension.criteria.all():
                value = answer.scores.get(str(criterion.pk))
                if value is not None:
                    initial[criterion_field_name(criterion)] = value
            comment = answer.comments.get(str(dimension.pk))
            if comment:
                initial[comment_field_name(dimension)] = comment
        return initial

    def apply_to(self, answer):
        """Copy the cleaned values onto `answer` (without saving). Values of
        criteria that no longer exist are kept as they were."""
        data = self.cleaned_data
        answer.role = data["role"]
        scores = dict(answer.scores or {})
        comments = dict(answer.comments or {})
        for dimension in self.dimensions:
            for criterion in dimension.criteria.all():
                value = data.get(criterion_field_name(criterion))
                if value is None:
                    scores.pop(str(criterion.pk), None)
                else:
                    scores[str(criterion.pk)] = value
            text = data.get(comment_field_name(dimension), "").strip()
            if text:
                comments[str(dimension.pk)] = text
            else:
                comments.pop(str(dimension.pk), None)
        answer.scores = scores
        answer.comments = comments
        answer.completed = self.finish
        return answer


class SessionForm(AntiAbuseFormMixin, forms.ModelForm):
    class Meta:
        model = BarometerSession
        fields = ["label"]
        formfield_callback = single_line_formfield


class JoinForm(forms.Form):
    code = SingleLineCharField(
        label=_("Code ou lien de la session"),
        max_length=300,
        help_text=_("Collez le lien reçu, ou seulement le code qui le termine."),
    )

    def code_value(self):
        raw = self.cleaned_data["code"].strip().rstrip("/")
        return raw.rsplit("/", 1)[-1]


class ManageForm(forms.Form):
    action = forms.ChoiceField(choices=[("nouveau-temps", _("Nouveau temps")), ("supprimer", _("Supprimer"))])
    confirm = forms.BooleanField(
        label=_("Je confirme la suppression de la session et de toutes ses réponses"),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "supprimer" and not cleaned.get("confirm"):
            self.add_error("confirm", gettext("Cochez la case pour confirmer la suppression."))
        return cleaned
