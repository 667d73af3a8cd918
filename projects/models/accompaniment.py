"""The accompaniment path of a project: the six steps of the working group's
method, each planned, in progress or done, with a date and a short public note."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class MethodStep(models.TextChoices):
    """The six steps, in the method's order."""

    DIAGNOSTIC = "diagnostic", _("1. Présentation du projet, analyse du contexte et des besoins")
    STRATEGY = "strategie", _("2. Formalisation de la stratégie : objectifs et grands axes")
    ACTION_PLAN = "plan-actions", _("3. Écriture du plan d'actions")
    PARTNERS = "partenaires", _("4. Arrivée des patients partenaires et mise en place du partenariat")
    EVALUATION = "evaluation", _("5. Choix des critères d'évaluation du partenariat")
    REVIEW = "bilan", _("6. Bilan de l'accompagnement")


STEP_ORDER = {step.value: order for order, step in enumerate(MethodStep)}


class StepStatus(models.TextChoices):
    PLANNED = "prevue", _("Prévue")
    RUNNING = "en-cours", _("En cours")
    DONE = "faite", _("Faite")


class ProjectAccompanimentStep(Orderable):
    page = ParentalKey("projects.ProjectPage", related_name="accompaniment_steps", on_delete=models.CASCADE)
    step = models.CharField(_("Étape"), max_length=20, choices=MethodStep.choices)
    status = models.CharField(_("Avancement"), max_length=10, choices=StepStatus.choices, default=StepStatus.PLANNED)
    date = models.DateField(
        _("Date"), null=True, blank=True, help_text=_("Prévue, de début ou de fin selon l'avancement.")
    )
    note = models.CharField(
        _("Note publique"),
        max_length=280,
        blank=True,
        help_text=_("Une ou deux phrases affichées sur la page du projet. Aucun nom, aucune donnée de santé."),
    )

    panels = [FieldRowPanel([FieldPanel("step"), FieldPanel("status"), FieldPanel("date")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("étape de l'accompagnement")
        verbose_name_plural = _("étapes de l'accompagnement")
        constraints = [models.UniqueConstraint(fields=["page", "step"], name="projects_unique_step_per_page")]

    def __str__(self):
        return self.get_step_display()


def step_reached(steps):
    """The furthest step (in the method's order) that is in progress or
    done, or "" when none has started."""
    started = [s.step for s in steps if s.status in (StepStatus.RUNNING, StepStatus.DONE) and s.step in STEP_ORDER]
    return max(started, key=STEP_ORDER.get, default="")
