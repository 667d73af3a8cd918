"""The partnership barometer's data: dimensions and criteria (edited by
editors as snippets), sessions and answers (created by visitors, reachable
only through unguessable links)."""

import secrets
from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

TOKEN_BYTES = 24  # 192 bits of randomness: never guessable, never sequential.
MAX_ANSWERS_PER_SESSION = 50
RETENTION = timedelta(days=548)  # 18 months


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


class Scale(models.IntegerChoices):
    """How far a criterion is done together, from 0 to 4."""

    NOT_AT_ALL = 0, _("0 — pas du tout réalisé ensemble")
    RARELY = 1, _("1 — rarement réalisé ensemble")
    PARTLY = 2, _("2 — en partie réalisé ensemble")
    MOSTLY = 3, _("3 — le plus souvent réalisé ensemble")
    FULLY = 4, _("4 — pleinement réalisé ensemble")


SCALE_MAX = 4


class Role(models.TextChoices):
    """Who answers, in the project: nothing else is asked about them."""

    PROFESSIONNEL = "professionnel", _("Professionnel ou professionnelle")
    PATIENT = "patient", _("Patient ou proche-aidant partenaire")
    RU = "ru", _("Représentant ou représentante des usagers")
    AUTRE = "autre", _("Autre")


class BarometerDimension(ClusterableModel, Orderable):
    """One dimension of the partnership relation (co-expression,
    co-construction, co-décision, co-mise en œuvre), with its criteria."""

    name = models.CharField(_("Nom"), max_length=80, unique=True)
    short_name = models.CharField(
        _("Nom court"),
        max_length=30,
        blank=True,
        help_text=_("Affiché sur les axes du radar. Par défaut : le nom."),
    )
    description = models.TextField(
        _("Ce que recouvre la dimension"),
        blank=True,
        max_length=400,
        help_text=_("Une ou deux phrases affichées en tête du groupe de critères."),
    )

    help_sheets = ParentalManyToManyField(
        "resources.ToolSheetPage",
        verbose_name=_("Fiches outils qui aident"),
        blank=True,
        related_name="+",
        help_text=_("Proposées dans le résultat du baromètre quand cette dimension obtient un score bas."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("description"),
        FieldPanel("help_sheets"),
        InlinePanel("criteria", heading=_("Critères"), label=_("Critère"), min_num=1),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("dimension du baromètre")
        verbose_name_plural = _("dimensions du baromètre")

    def __str__(self):
        return self.name

    @property
    def axis_label(self):
        return self.short_name or self.name


class BarometerCriterion(Orderable):
    dimension = ParentalKey(BarometerDimension, on_delete=models.CASCADE, related_name="criteria")
    text = models.CharField(_("Critère"), max_length=200, help_text=_("Formulé comme une action menée ensemble."))
    help_text = models.CharField(
        _("Aide"),
        max_length=300,
        blank=True,
        help_text=_("Un exemple concret pour aider à se situer (facultatif)."),
    )

    panels = [FieldPanel("text"), FieldPanel("help_text")]

    class Meta(Orderable.Meta):
        verbose_name = _("critère du baromètre")
        verbose_name_plural = _("critères du baromètre")

    def __str__(self):
        return self.text


class BarometerSession(models.Model):
    """A joint evaluation opened by someone for a project team. Members find
    it by its code (the token); the creator manages it with a second secret."""

    token = models.CharField(_("Code"), max_length=64, unique=True, default=new_token, editable=False)
    admin_token = models.CharField(_("Code de gestion"), max_length=64, unique=True, default=new_token, editable=False)
    label = models.CharField(
        _("Nom de l'équipe ou du projet"),
        max_length=120,
        blank=True,
        help_text=_("Facultatif. Pas de nom de personne."),
    )
    current_round = models.PositiveSmallIntegerField(_("Temps en cours"), default=0)
    created_at = models.DateTimeField(_("Créée le"), auto_now_add=True)
    last_activity_at = models.DateTimeField(_("Dernière activité"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("session du baromètre")
        verbose_name_plural = _("sessions du baromètre")

    def __str__(self):
        return self.label or gettext("Session sans nom")

    def touch(self):
        self.last_activity_at = timezone.now()
        self.save(update_fields=["last_activity_at"])


class BarometerAnswer(models.Model):
    """One person's barometer: their role, a value per criterion and a
    comment per dimension. Alone, or within a session at a given round."""

    token = models.CharField(_("Code"), max_length=64, unique=True, default=new_token, editable=False)
    session = models.ForeignKey(
        BarometerSession, on_delete=models.CASCADE, null=True, blank=True, related_name="answers"
    )
    round = models.PositiveSmallIntegerField(_("Temps"), default=0)
    role = models.CharField(_("Rôle dans le projet"), max_length=20, choices=Role.choices)
    # {str(criterion id): 0..4} and {str(dimension id): "comment"}: read in one
    # query per answer list, whatever the number of criteria.
    scores = models.JSONField(_("Réponses"), default=dict, blank=True)
    comments = models.JSONField(_("Commentaires"), default=dict, blank=True)
    completed = models.BooleanField(_("Terminé"), default=False)
    created_at = models.DateTimeField(_("Créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Modifié le"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("réponse au baromètre")
        verbose_name_plural = _("réponses au baromètre")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.get_role_display()} (T{self.round})"

    @property
    def round_label(self):
        return f"T{self.round}"
