"""Calls for participation, the answers partners send, and alert subscriptions.

Privacy rules (tested in tests/participation):
- the structure's contact (name, email, phone) and an answer's email and phone
  never reach a public page, the feed or a search document;
- an answer's contact details go to the structure only when the person
  confirmed the answer AND the structure accepted it (double opt-in);
- a call is public only while it is published and its deadline has not
  passed: `Call.objects.open()` filters on the date at query time, so no
  nightly job is needed to hide an expired call.
"""

import secrets
import statistics
from datetime import timedelta

from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from core import geo
from core.links import subpage_path
from core.vocabulary import PartnerRole, StructureType
from search.text import searchable_text


class Compensation(models.TextChoices):
    DEFRAIEMENT = "defraiement", _("Défraiement (frais de déplacement et de repas remboursés)")
    REMUNERATION = "remuneration", _("Rémunération (en plus du remboursement des frais)")
    BENEVOLAT = "benevolat", _("Bénévolat (sans prise en charge)")


class CallQuerySet(models.QuerySet):
    def open(self, today=None):
        """Published calls whose deadline has not passed (today included)."""
        today = today or timezone.localdate()
        return self.filter(status=Call.Status.PUBLISHED, deadline__gte=today)


def new_nonce():
    return secrets.token_urlsafe(16)


class Call(index.Indexed, models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Adresse à confirmer")
        SUBMITTED = "submitted", _("À modérer")
        PUBLISHED = "published", _("Publié")
        REFUSED = "refused", _("Refusé")
        FILLED = "filled", _("Pourvu")
        CLOSED = "closed", _("Clos par la structure")
        SPAM = "spam", _("Bloqué (indésirable)")

    title = models.CharField(_("Titre de l'appel"), max_length=150)
    structure_name = models.CharField(_("Structure"), max_length=150)
    structure_type = models.CharField(_("Type de structure"), max_length=20, choices=StructureType.choices)
    project = models.TextField(
        _("Le projet et son contexte"), max_length=3000, help_text=_("Ce que fait la structure et pourquoi.")
    )
    role = models.CharField(_("Rôle recherché"), max_length=30, choices=PartnerRole.choices)
    domain = models.ForeignKey(
        "core.Domain", verbose_name=_("Domaine"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    remote = models.BooleanField(_("Possible à distance"), default=False)
    dates = models.CharField(_("Dates"), max_length=200, help_text=_("Par exemple : « de mars à juin 2027 »."))
    time_commitment = models.CharField(
        _("Temps demandé"), max_length=200, help_text=_("Par exemple : « trois réunions de deux heures ».")
    )
    compensation = models.CharField(_("Prise en charge"), max_length=20, choices=Compensation.choices)
    benefits = models.TextField(_("Ce que la personne y gagnera"), max_length=1500)
    deadline = models.DateField(_("Date limite de réponse"), db_index=True)
    partners_wanted = models.PositiveSmallIntegerField(_("Nombre de partenaires recherchés"), default=1)
    allow_non_registered = models.BooleanField(
        _("Ouvert aux personnes non inscrites dans l'annuaire"),
        default=True,
        help_text=_("Sinon, seuls les patients partenaires inscrits peuvent répondre."),
    )

    # Private: the structure's contact (moderators, and partners after acceptance)
    contact_name = models.CharField(_("Nom de la personne à contacter (privé)"), max_length=100)
    contact_email = models.EmailField(_("Adresse électronique (privée)"))
    contact_phone = models.CharField(_("Téléphone (privé)"), max_length=30, blank=True)

    # Workflow
    status = models.CharField(
        _("État"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED, db_index=True
    )
    spam_reason = models.CharField(_("Motif du blocage"), max_length=40, blank=True, editable=False)
    refusal_reason = models.TextField(
        _("Motif du refus"), blank=True, help_text=_("Envoyé à la structure avec le refus, en termes bienveillants.")
    )
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    email_confirmed_at = models.DateTimeField(_("Adresse confirmée le"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("Publié le"), null=True, blank=True, db_index=True, editable=False)
    closed_at = models.DateTimeField(_("Clos le"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("Reçu le"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("Modifié le"), auto_now=True)
    outgoing_emails = models.ManyToManyField("core.OutgoingEmail", blank=True, related_name="+", editable=False)

    objects = CallQuerySet.as_manager()

    search_fields = [index.SearchField("search_text"), index.FilterField("status")]

    class Meta:
        verbose_name = _("appel à participation")
        verbose_name_plural = _("appels à participation")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "deadline"], name="participation_status_deadline")]

    def __str__(self):
        # No personal data: this is what audit logs store.
        return gettext("Appel n° %(pk)s") % {"pk": self.pk} if self.pk else gettext("Nouvel appel")

    @property
    def is_open(self):
        return self.status == self.Status.PUBLISHED and self.deadline >= timezone.localdate()

    @property
    def department_codes(self):
        return [d.code for d in self.departments.all()]

    def department_labels(self):
        return [f"{geo.department_name(code)} ({code})" for code in self.department_codes]

    def place_label(self):
        parts = self.department_labels()
        if self.remote:
            parts.append(gettext("à distance"))
        return ", ".join(parts)

    def get_absolute_url(self):
        page = apps.get_model("participation", "ParticipationPage").objects.live().first()
        return subpage_path(page, "call_route", self.pk) if page else None

    def admin_url(self):
        return reverse("participation_call_modeladmin_inspect", args=[self.pk])

    # --- search ---------------------------------------------------------------
    def search_text(self):
        """Public fields only: never the contact person, address or phone."""
        parts = [self.title, self.structure_name, self.project, self.benefits, self.get_role_display()]
        parts += [self.domain.name] if self.domain_id else []
        parts += self.department_labels()
        return searchable_text(*parts)

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.open()

    def sync_search_index(self):
        """Add the call to every backend while open, remove it otherwise (the
        site search also filters on `open()` at query time: an expired call
        is never a result, even before this runs)."""
        from wagtail.search.backends import get_search_backends

        for backend in get_search_backends():
            if self.is_open:
                backend.add(self)
            else:
                backend.delete(self)

    # --- indicators -------------------------------------------------------------
    def reply_delays(self):
        """Delays between an answer reaching the structure and its reply."""
        return [
            a.responded_at - a.forwarded_at
            for a in self.answers.all()
            if a.forwarded_at and a.responded_at and a.responded_at >= a.forwarded_at
        ]

    def median_reply_days(self):
        """Median days to the structure's reply, or None without a reply."""
        delays = self.reply_delays()
        if not delays:
            return None
        return round(statistics.median(d.total_seconds() for d in delays) / 86400, 1)

    def answer_count(self):
        return sum(1 for a in self.answers.all() if a.status != Answer.Status.SPAM)


class CallDepartment(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="departments")
    code = models.CharField(_("Département"), max_length=3, choices=geo.DEPARTMENT_CHOICES)

    class Meta:
        verbose_name = _("département")
        verbose_name_plural = _("départements")
        unique_together = [("call", "code")]
        indexes = [models.Index(fields=["code", "call"], name="participation_dept_call")]

    def __str__(self):
        return self.code


class Answer(models.Model):
    """A person's answer to a call: confirmed by the person (signed link), then
    forwarded to the structure, which accepts or declines it."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("À confirmer par la personne")
        FORWARDED = "forwarded", _("Transmise à la structure")
        ACCEPTED = "accepted", _("Acceptée")
        DECLINED = "declined", _("Déclinée")
        SPAM = "spam", _("Bloquée (indésirable)")

    call = models.ForeignKey(Call, verbose_name=_("Appel"), on_delete=models.CASCADE, related_name="answers")
    profile = models.ForeignKey(
        "directory.PartnerProfile",
        verbose_name=_("Profil de l'annuaire"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("Nom"), max_length=100, blank=True)
    email = models.EmailField(_("Adresse électronique"), blank=True)
    phone = models.CharField(_("Téléphone"), max_length=30, blank=True)
    message = models.TextField(_("Message"), max_length=2000)
    status = models.CharField(
        _("État"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED, db_index=True
    )
    spam_reason = models.CharField(_("Motif du blocage"), max_length=40, blank=True)
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    created_at = models.DateTimeField(_("Reçue le"), auto_now_add=True, db_index=True)
    forwarded_at = models.DateTimeField(_("Transmise le"), null=True, blank=True)
    responded_at = models.DateTimeField(_("Réponse de la structure le"), null=True, blank=True)
    outgoing_emails = models.ManyToManyField("core.OutgoingEmail", blank=True, related_name="+", editable=False)

    class Meta:
        verbose_name = _("réponse à un appel")
        verbose_name_plural = _("réponses aux appels")
        ordering = ["-created_at"]

    def __str__(self):
        return gettext("Réponse n° %(pk)s") % {"pk": self.pk} if self.pk else gettext("Nouvelle réponse")

    @property
    def public_name(self):
        """What the structure reads before accepting: the display name of the
        profile, or the name the person typed."""
        return self.profile.display_name if self.profile_id else self.name

    @property
    def contact_email(self):
        return self.profile.email if self.profile_id else self.email

    @property
    def contact_phone(self):
        return self.profile.phone if self.profile_id else self.phone


class Frequency(models.TextChoices):
    DAILY = "daily", _("Chaque jour (s'il y a du nouveau)")
    WEEKLY = "weekly", _("Chaque semaine (s'il y a du nouveau)")


class Subscription(models.Model):
    """Alerts about new calls matching roles, domains and departments (an
    empty list matches everything)."""

    email = models.EmailField(_("Adresse électronique"))
    profile = models.ForeignKey(
        "directory.PartnerProfile",
        verbose_name=_("Profil de l'annuaire"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    frequency = models.CharField(_("Fréquence"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    roles = models.JSONField(_("Rôles"), default=list, blank=True)
    domains = models.JSONField(_("Domaines (identifiants)"), default=list, blank=True)
    departments = models.JSONField(_("Départements"), default=list, blank=True)
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    confirmed_at = models.DateTimeField(_("Confirmée le"), null=True, blank=True, db_index=True)
    last_sent_at = models.DateTimeField(_("Dernier envoi"), null=True, blank=True)
    created_at = models.DateTimeField(_("Créée le"), auto_now_add=True)
    outgoing_emails = models.ManyToManyField("core.OutgoingEmail", blank=True, related_name="+", editable=False)

    class Meta:
        verbose_name = _("abonnement aux alertes")
        verbose_name_plural = _("abonnements aux alertes")
        ordering = ["-created_at"]

    def __str__(self):
        return gettext("Abonnement n° %(pk)s") % {"pk": self.pk} if self.pk else gettext("Nouvel abonnement")

    def matches(self, call, domain_slug, department_codes):
        if self.roles and call.role not in self.roles:
            return False
        if self.domains and domain_slug not in self.domains:
            return False
        # A remote call suits every department.
        return not self.departments or call.remote or bool(set(self.departments) & set(department_codes))

    def is_due(self, now):
        if self.last_sent_at is None:
            return True
        period = timedelta(days=1 if self.frequency == Frequency.DAILY else 7)
        # A little slack so that a daily cron run at a fixed hour is never skipped.
        return now - self.last_sent_at >= period - timedelta(hours=1)


class DigestDelivery(models.Model):
    """A call already sent to a subscriber: never sent twice."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("appel envoyé dans une alerte")
        verbose_name_plural = _("appels envoyés dans les alertes")
        unique_together = [("subscription", "call")]

    def __str__(self):
        return f"{self.subscription_id}/{self.call_id}"
