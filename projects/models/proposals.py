"""Projects proposed by structures through the public form."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core import geo
from core.vocabulary import EngagementDegree, EngagementScale, StructureType


class ProjectProposal(models.Model):
    """A submission of the "Proposer un projet" form, stored before anything
    else happens. A non-spam proposal becomes a draft ProjectPage that editors
    review; the submitter's name and address are never published."""

    # Who proposes (personal data: admin only)
    submitter_name = models.CharField(_("Nom de la personne qui propose"), max_length=120)
    submitter_email = models.EmailField(_("Adresse électronique de la personne qui propose"))

    # The project, in plain form
    title = models.CharField(_("Titre du projet"), max_length=160)
    summary = models.CharField(_("Résumé en une ligne"), max_length=255)
    domain = models.ForeignKey("core.Domain", verbose_name=_("Domaine"), null=True, on_delete=models.SET_NULL)
    themes = models.CharField(_("Thèmes"), max_length=255, blank=True)
    structure_name = models.CharField(_("Structure porteuse"), max_length=160)
    structure_type = models.CharField(_("Type de structure"), max_length=20, choices=StructureType.choices)
    department_code = models.CharField(_("Département"), max_length=3, choices=geo.DEPARTMENT_CHOICES)
    town = models.CharField(_("Commune"), max_length=100, blank=True)
    start_year = models.PositiveSmallIntegerField(_("Année de début"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("Année de fin"), null=True, blank=True)
    status = models.CharField(_("État"), max_length=12)
    engagement_degree = models.CharField(_("Degré d'engagement"), max_length=20, choices=EngagementDegree.choices)
    engagement_scale = models.CharField(_("Niveau"), max_length=10, choices=EngagementScale.choices)
    partner_roles = models.JSONField(_("Rôles de partenaires impliqués"), default=list, blank=True)
    objectives = models.TextField(_("Objectifs"), blank=True)
    team = models.TextField(_("L'équipe"), blank=True)
    results = models.TextField(_("Résultats et enseignements"), blank=True)
    public_contact_email = models.EmailField(_("Adresse de contact publique"), blank=True)

    is_spam = models.BooleanField(_("Indésirable"), default=False)
    spam_reason = models.CharField(_("Motif"), max_length=40, blank=True)
    draft_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Brouillon créé"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Reçue le"), auto_now_add=True)

    class Meta:
        verbose_name = _("proposition de projet")
        verbose_name_plural = _("propositions de projets")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.title} ({self.structure_name})"
