"""Contact requests from structures, relayed to partners with double opt-in."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.vocabulary import StructureType

RESPONSE_DAYS = 21


class Compensation(models.TextChoices):
    DEFRAIEMENT = "defraiement", _("Défraiement (frais de déplacement et de repas remboursés)")
    REMUNERATION = "remuneration", _("Rémunération (en plus du remboursement des frais)")


class ContactRequest(models.Model):
    class Status(models.TextChoices):
        SENT = "sent", _("Transmise au partenaire")
        ACCEPTED = "accepted", _("Acceptée")
        DECLINED = "declined", _("Déclinée")
        EXPIRED = "expired", _("Sans réponse (expirée)")
        SPAM = "spam", _("Bloquée (indésirable)")
        ORPHANED = "orphaned", _("Profil supprimé")

    profile = models.ForeignKey(
        "directory.PartnerProfile",
        verbose_name=_("Profil contacté"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_requests",
    )
    requester_name = models.CharField(_("Nom de la personne"), max_length=100)
    structure_name = models.CharField(_("Structure"), max_length=150)
    structure_type = models.CharField(_("Type de structure"), max_length=20, choices=StructureType.choices)
    requester_email = models.EmailField(_("Adresse électronique"))
    requester_phone = models.CharField(_("Téléphone"), max_length=30, blank=True)
    project = models.TextField(_("Le projet"), max_length=2000)
    expected_role = models.TextField(_("Rôle attendu du patient partenaire"), max_length=1000)
    dates = models.CharField(_("Dates ou durée"), max_length=200)
    place = models.CharField(_("Lieu"), max_length=200, blank=True)
    remote = models.BooleanField(_("Possible à distance"), default=False)
    compensation = models.CharField(_("Prise en charge"), max_length=20, choices=Compensation.choices)

    status = models.CharField(_("État"), max_length=12, choices=Status.choices, default=Status.SENT, db_index=True)
    spam_reason = models.CharField(_("Motif du blocage"), max_length=40, blank=True)
    nonce = models.CharField(max_length=32, blank=True, editable=False)
    created_at = models.DateTimeField(_("Reçue le"), auto_now_add=True, db_index=True)
    responded_at = models.DateTimeField(_("Réponse le"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("Anonymisée le"), null=True, blank=True)
    outgoing_emails = models.ManyToManyField("core.OutgoingEmail", blank=True, related_name="+", editable=False)

    class Meta:
        verbose_name = _("demande de contact")
        verbose_name_plural = _("demandes de contact")
        ordering = ["-created_at"]

    def __str__(self):
        return gettext("Demande n° %(pk)s") % {"pk": self.pk}

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

    delivery_status.short_description = _("Envoi au partenaire")

    def anonymise(self):
        """Erase the structure's data and every email about this request
        (core.privacy.erase_emails, shared with the profile erasure)."""
        from core.privacy import erase_emails

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
        erase_emails(self.outgoing_emails.all())
