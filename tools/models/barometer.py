"""The partnership barometer's data: dimensions and criteria (edited by
editors as snippets), sessions and answers (created by visitors, reachable
only through unguessable links)."""

import secrets
from datetime import timedelta

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
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

    NOT_AT_ALL = 0, "0 — pas du tout réalisé ensemble"
    RARELY = 1, "1 — rarement réalisé ensemble"
    PARTLY = 2, "2 — en partie réalisé ensemble"
    MOSTLY = 3, "3 — le plus souvent réalisé ensemble"
    FULLY = 4, "4 — pleinement réalisé ensemble"


SCALE_MAX = 4


class Role(models.TextChoices):
    """Who answers, in the project: nothing else is asked about them."""

    PROFESSIONNEL = "professionnel", "Professionnel ou professionnelle"
    PATIENT = "patient", "Patient ou proche-aidant partenaire"
    RU = "ru", "Représentant ou représentante des usagers"
    AUTRE = "autre", "Autre"


class BarometerDimension(ClusterableModel, Orderable):
    """One dimension of the partnership relation (co-expression,
    co-construction, co-décision, co-mise en œuvre), with its criteria."""

    name = models.CharField("Nom", max_length=80, unique=True)
    short_name = models.CharField(
        "Nom court",
        max_length=30,
        blank=True,
        help_text="Affiché sur les axes du radar. Par défaut : le nom.",
    )
    description = models.TextField(
        "Ce que recouvre la dimension",
        blank=True,
        max_length=400,
        help_text="Une ou deux phrases affichées en tête du groupe de critères.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("description"),
        InlinePanel("criteria", heading="Critères", label="Critère", min_num=1),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "dimension du baromètre"
        verbose_name_plural = "dimensions du baromètre"

    def __str__(self):
        return self.name

    @property
    def axis_label(self):
        return self.short_name or self.name


class BarometerCriterion(Orderable):
    dimension = ParentalKey(BarometerDimension, on_delete=models.CASCADE, related_name="criteria")
    text = models.CharField("Critère", max_length=200, help_text="Formulé comme une action menée ensemble.")
    help_text = models.CharField(
        "Aide",
        max_length=300,
        blank=True,
        help_text="Un exemple concret pour aider à se situer (facultatif).",
    )

    panels = [FieldPanel("text"), FieldPanel("help_text")]

    class Meta(Orderable.Meta):
        verbose_name = "critère du baromètre"
        verbose_name_plural = "critères du baromètre"

    def __str__(self):
        return self.text


class BarometerSession(models.Model):
    """A joint evaluation opened by someone for a project team. Members find
    it by its code (the token); the creator manages it with a second secret."""

    token = models.CharField("Code", max_length=64, unique=True, default=new_token, editable=False)
    admin_token = models.CharField("Code de gestion", max_length=64, unique=True, default=new_token, editable=False)
    label = models.CharField(
        "Nom de l'équipe ou du projet",
        max_length=120,
        blank=True,
        help_text="Facultatif. Pas de nom de personne.",
    )
    current_round = models.PositiveSmallIntegerField("Temps en cours", default=0)
    created_at = models.DateTimeField("Créée le", auto_now_add=True)
    last_activity_at = models.DateTimeField("Dernière activité", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "session du baromètre"
        verbose_name_plural = "sessions du baromètre"

    def __str__(self):
        return self.label or "Session sans nom"

    def touch(self):
        self.last_activity_at = timezone.now()
        self.save(update_fields=["last_activity_at"])


class BarometerAnswer(models.Model):
    """One person's barometer: their role, a value per criterion and a
    comment per dimension. Alone, or within a session at a given round."""

    token = models.CharField("Code", max_length=64, unique=True, default=new_token, editable=False)
    session = models.ForeignKey(
        BarometerSession, on_delete=models.CASCADE, null=True, blank=True, related_name="answers"
    )
    round = models.PositiveSmallIntegerField("Temps", default=0)
    role = models.CharField("Rôle dans le projet", max_length=20, choices=Role.choices)
    # {str(criterion id): 0..4} and {str(dimension id): "comment"}: read in one
    # query per answer list, whatever the number of criteria.
    scores = models.JSONField("Réponses", default=dict, blank=True)
    comments = models.JSONField("Commentaires", default=dict, blank=True)
    completed = models.BooleanField("Terminé", default=False)
    created_at = models.DateTimeField("Créé le", auto_now_add=True)
    updated_at = models.DateTimeField("Modifié le", auto_now=True, db_index=True)

    class Meta:
        verbose_name = "réponse au baromètre"
        verbose_name_plural = "réponses au baromètre"
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.get_role_display()} (T{self.round})"

    @property
    def round_label(self):
        return f"T{self.round}"
