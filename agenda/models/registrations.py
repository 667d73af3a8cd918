"""Registrations to an event: personal data, shown to editors in the admin
only, purged `AGENDA_REGISTRATION_RETENTION_DAYS` days after the event
(`manage.py purge_registrations`)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmee", _("Confirmée")
    WAITING = "attente", _("Sur liste d'attente")
    CANCELLED = "annulee", _("Annulée")


class Registration(models.Model):
    """One person's registration. The cancellation link signs `key`
    (agenda/tokens.py); `email_ids` are the outbox rows about it, erased with it."""

    event = models.ForeignKey(
        "agenda.EventPage", verbose_name=_("Événement"), related_name="registrations", on_delete=models.CASCADE
    )
    name = models.CharField(_("Nom"), max_length=120)
    email = models.EmailField(_("Adresse électronique"))
    structure = models.CharField(_("Structure"), max_length=160, blank=True)
    status = models.CharField(
        _("État"), max_length=12, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED
    )
    key = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    is_spam = models.BooleanField(_("Indésirable"), default=False)
    spam_reason = models.CharField(_("Motif"), max_length=40, blank=True)
    email_ids = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(_("Reçue le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("inscription à un événement")
        verbose_name_plural = _("inscriptions aux événements")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="agenda_reg_event_status")]

    def __str__(self):
        # No personal data: this label goes into the admin's log entries.
        return f"Inscription n° {self.pk}"
