"""Applications to a call for projects, and the working group's reviews.

Applications hold personal data (the contact person's name and address): they
are never Wagtail revisions nor workflow objects (a revision would copy them),
are shown only in the admin to the groups that review them, and are erased by
`manage.py purge_applications` after ACCOMPANIMENT_RETENTION_DAYS.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import geo
from core.vocabulary import EngagementDegree, EngagementScale, StructureType


class ApplicationStatus(models.TextChoices):
    RECEIVED = "recue", _("Reçue")
    ELIGIBLE = "recevable", _("Recevable")
    INELIGIBLE = "irrecevable", _("Irrecevable")
    RETAINED = "retenue", _("Retenue")
    NOT_RETAINED = "non-retenue", _("Non retenue")


# An application that passed the eligibility check, whatever the decision.
ELIGIBLE_STATUSES = (ApplicationStatus.ELIGIBLE, ApplicationStatus.RETAINED, ApplicationStatus.NOT_RETAINED)
DECISIONS = (ApplicationStatus.RETAINED, ApplicationStatus.NOT_RETAINED)
# Where each status may go next (the admin's form offers nothing else).
TRANSITIONS = {
    ApplicationStatus.RECEIVED: (ApplicationStatus.ELIGIBLE, ApplicationStatus.INELIGIBLE),
    ApplicationStatus.ELIGIBLE: DECISIONS,
    ApplicationStatus.INELIGIBLE: (ApplicationStatus.ELIGIBLE,),
    ApplicationStatus.RETAINED: (),
    ApplicationStatus.NOT_RETAINED: (),
}
ERASED = "(effacé)"
ERASED_EMAIL = "efface@example.invalid"


class Opinion(models.TextChoices):
    RETAIN = "retenir", _("Retenir le projet")
    DECLINE = "ne-pas-retenir", _("Ne pas retenir le projet")


OPINION_FOR_DECISION = {ApplicationStatus.RETAINED: Opinion.RETAIN, ApplicationStatus.NOT_RETAINED: Opinion.DECLINE}


class Application(models.Model):
    call = models.ForeignKey(
        "accompaniment.CallForProjectsPage",
        verbose_name=_("Appel à projets"),
        related_name="applications",
        on_delete=models.CASCADE,
    )
    status = models.CharField(
        _("État"), max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.RECEIVED
    )

    # The structure and the project (no personal data)
    structure_name = models.CharField(_("Structure porteuse"), max_length=160)
    structure_type = models.CharField(_("Type de structure"), max_length=20, choices=StructureType.choices)
    department_code = models.CharField(_("Département"), max_length=3, choices=geo.DEPARTMENT_CHOICES)
    project_title = models.CharField(_("Titre du projet"), max_length=160)
    summary = models.TextField(_("Résumé du projet"), max_length=3000)
    domain = models.ForeignKey("core.Domain", verbose_name=_("Domaine"), null=True, on_delete=models.SET_NULL)
    engagement_degree = models.CharField(_("Degré d'engagement visé"), max_length=20, choices=EngagementDegree.choices)
    engagement_scale = models.CharField(_("Niveau visé"), max_length=10, choices=EngagementScale.choices)
    needs = models.TextField(_("Besoins d'accompagnement"), max_length=3000)

    # The contact person (personal data: admin only, erased by the purge)
    contact_name = models.CharField(_("Nom de la personne référente"), max_length=120)
    contact_email = models.EmailField(_("Adresse électronique de la personne référente"))

    consent_at = models.DateTimeField(_("Notice acceptée le"))
    is_spam = models.BooleanField(_("Indésirable"), default=False)
    spam_reason = models.CharField(_("Motif (indésirable)"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("Reçue le"), auto_now_add=True)
    decided_at = models.DateTimeField(_("Décision le"), null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(_("Données personnelles effacées le"), null=True, blank=True)
    project_page = models.ForeignKey(
        "projects.ProjectPage",
        verbose_name=_("Fiche projet (brouillon)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("candidature")
        verbose_name_plural = _("candidatures")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        # No personal data: the admin's log rows keep this text.
        return f"Candidature n° {self.pk} — {self.project_title}"

    @property
    def is_decided(self):
        return self.status in DECISIONS

    def _team_summary(self):
        partner = gettext("partenaire")
        return "; ".join(f"{m.role} ({partner})" if m.is_partner else m.role for m in self.team.all()) or "—"

    _team_summary.short_description = _("Équipe (rôles)")
    team_summary = property(_team_summary)

    def _reviews_summary(self):
        return (
            " | ".join(
                f"{review.reviewer} : {review.get_opinion_display()} — {review.comment}"
                for review in self.reviews.select_related("reviewer")
            )
            or "—"
        )

    _reviews_summary.short_description = _("Avis des co-pilotes")
    reviews_summary = property(_reviews_summary)


class TeamMember(models.Model):
    """A member of the applying team, by role only (no name, no health data)."""

    application = models.ForeignKey(Application, related_name="team", on_delete=models.CASCADE)
    role = models.CharField(_("Rôle dans le projet"), max_length=120)
    is_partner = models.BooleanField(_("Patient, proche-aidant ou usager partenaire"), default=False)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("membre de l'équipe")
        verbose_name_plural = _("membres de l'équipe")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.role


class ApplicationReview(models.Model):
    """One reviewer's opinion on an application. The decision needs two
    agreeing reviews, one from each co-pilot group (accompaniment.review)."""

    application = models.ForeignKey(
        Application, verbose_name=_("Candidature"), related_name="reviews", on_delete=models.CASCADE
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Relecteur ou relectrice"),
        related_name="application_reviews",
        on_delete=models.CASCADE,
    )
    opinion = models.CharField(_("Avis"), max_length=20, choices=Opinion.choices)
    comment = models.TextField(
        _("Commentaire interne"), max_length=3000, help_text=_("Lu par le groupe de travail seulement.")
    )
    public_message = models.TextField(
        _("Message pour l'équipe candidate"),
        max_length=2000,
        blank=True,
        help_text=_("Joint au courriel qui annonce la décision ; sans information sur les autres candidatures."),
    )
    created_at = models.DateTimeField(_("Donné le"), auto_now_add=True)

    class Meta:
        verbose_name = _("avis sur une candidature")
        verbose_name_plural = _("avis sur les candidatures")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="accompaniment_one_review_per_person")
        ]

    def __str__(self):
        return f"Avis sur la candidature n° {self.application_id}"
