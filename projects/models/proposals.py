"""Projects proposed by structures through the public form."""

from django.db import models

from core import geo
from core.vocabulary import EngagementDegree, EngagementScale, StructureType


class ProjectProposal(models.Model):
    """A submission of the "Proposer un projet" form, stored before anything
    else happens. A non-spam proposal becomes a draft ProjectPage that editors
    review; the submitter's name and address are never published."""

    # Who proposes (personal data: admin only)
    submitter_name = models.CharField("Nom de la personne qui propose", max_length=120)
    submitter_email = models.EmailField("Adresse électronique de la personne qui propose")

    # The project, in plain form
    title = models.CharField("Titre du projet", max_length=160)
    summary = models.CharField("Résumé en une ligne", max_length=255)
    domain = models.ForeignKey("core.Domain", verbose_name="Domaine", null=True, on_delete=models.SET_NULL)
    themes = models.CharField("Thèmes", max_length=255, blank=True)
    structure_name = models.CharField("Structure porteuse", max_length=160)
    structure_type = models.CharField("Type de structure", max_length=20, choices=StructureType.choices)
    department_code = models.CharField("Département", max_length=3, choices=geo.DEPARTMENT_CHOICES)
    town = models.CharField("Commune", max_length=100, blank=True)
    start_year = models.PositiveSmallIntegerField("Année de début", null=True, blank=True)
    end_year = models.PositiveSmallIntegerField("Année de fin", null=True, blank=True)
    status = models.CharField("État", max_length=12)
    engagement_degree = models.CharField("Degré d'engagement", max_length=20, choices=EngagementDegree.choices)
    engagement_scale = models.CharField("Niveau", max_length=10, choices=EngagementScale.choices)
    partner_roles = models.JSONField("Rôles de partenaires impliqués", default=list, blank=True)
    objectives = models.TextField("Objectifs", blank=True)
    team = models.TextField("L'équipe", blank=True)
    results = models.TextField("Résultats et enseignements", blank=True)
    public_contact_email = models.EmailField("Adresse de contact publique", blank=True)

    is_spam = models.BooleanField("Indésirable", default=False)
    spam_reason = models.CharField("Motif", max_length=40, blank=True)
    draft_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Brouillon créé",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("Reçue le", auto_now_add=True)

    class Meta:
        verbose_name = "proposition de projet"
        verbose_name_plural = "propositions de projets"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.title} ({self.structure_name})"
