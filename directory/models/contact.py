"""Contact requests from structures, relayed to partners with double opt-in."""

from datetime import timedelta

from django.db import models
from django.utils import timezone

from core.vocabulary import StructureType

RESPONSE_DAYS = 21


class Compensation(models.TextChoices):
    DEFRAIEMENT = "defraiement", "Défraiement (frais de déplacement et de repas remboursés)"
    REMUNERATION = "remuneration", "Rémunération (en plus du remboursement des frais)"


class ContactRequest(models.Model):
    class Status(models.TextChoices):
        SENT = "sent", "Transmise au partenaire"
        ACCEPTED = "accepted", "Acceptée"
        DECLINED = "declined", "Déclinée"
        EXPIRED = "expired", "Sans réponse (expirée)"
        SPAM = "spam", "Bloquée (indésirable)"
        ORPHANED = "orphaned", "Profil supprimé"

    profile = models.ForeignKey(
        "directory.PartnerProfile",
        verbose_name="Profil contacté",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_requests",
    )
    requester_name = models.CharField("Nom de la personne", max_length=100)
    structure_name = models.CharField("Structure", max_length=150)
    structure_type = models.CharField("Type de structure", max_length=20, choices=StructureType.choices)
    requester_email = models.EmailField("Adresse électronique")
    requester_phone = models.CharField("Téléphone", max_length=30, blank=True)
    project = models.TextField("Le projet", max_length=2000)
    expected_role = models.TextField("Rôle attendu du patient partenaire", max_length=1000)
    dates = models.CharField("Dates ou durée", max_length=200)
    place = models.CharField("Lieu", max_length=200, blank=True)
    remote = models.BooleanField("Possible à distance", default=False)
    compensation = models.CharField("Prise en charge", max_length=20, choices=Compensation.choices)

    status = models.CharField("État", max_length=12, choices=Status.choices, default=Status.SENT, db_index=True)
    spam_reason = models.CharField("Motif du blocage", max_length=40, blank=True)
    nonce = models.CharField(max_length=32, blank=True, editable=False)
    created_at = models.DateTimeField("Reçue le", auto_now_add=True, db_index=True)
    responded_at = models.DateTimeField("Réponse le", null=True, blank=True)
    anonymised_at = models.DateTimeField("Anonymisée le", null=True, blank=True)
    outgoing_emails = models.ManyToManyField("core.OutgoingEmail", blank=True, related_name="+", editable=False)

    class Meta:
        verbose_name = "demande de contact"
        verbose_name_plural = "demandes de contact"
        ordering = ["-created_at"]

    def __str__(self):
        return f"Demande n° {self.pk}"

    @property
    def expires_at(self):
        return self.created_at + timedelta(days=RESPONSE_DAYS)

    @property
    def is_open(self):
        return self.status == self.Status.SENT and self.responded_at is None and timezone.now() < self.expires_at

    def delivery_status(self):
        """Status of the email to the partner (for the admin)."""
        emails = sorted(self.outgoing_emails.all(), key=lambda e: e.created_at)
        if not emails:
            return "—"
        first = emails[0]
        return f"{first.get_status_display()} ({first.attempts} tentative(s))"

    delivery_status.short_description = "Envoi au partenaire"

    def anonymise(self):
        self.requester_name = "(anonymisé)"
        self.structure_name = "(anonymisé)"
        self.requester_email = "anonyme@example.invalid"
        self.requester_phone = ""
        self.project = ""
        self.expected_role = ""
        self.dates = ""
        self.place = ""
        self.anonymised_at = timezone.now()
        self.save()
        for email in self.outgoing_emails.all():
            email.delete()
