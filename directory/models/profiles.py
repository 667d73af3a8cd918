"""Partner profiles: what a patient partner shows (by choice) and what stays private.

Privacy rules enforced here (and tested in tests/directory):
- `email`, `phone` and the consent records are private: they never reach a
  template, a feed, the sitemap or a search document.
- Themes (health data) are public only with `consent_health`.
- The department is public only when `territory_visibility` is "department";
  `public_department` holds the value that may be shown, filtered and counted.
- Only published profiles are indexed; a profile that leaves the published
  state is removed from every search backend at once (`sync_search_index`).
"""

import secrets

from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TagBase, TaggedItemBase
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from core import geo
from core.links import subpage_path
from core.vocabulary import PartnerRole
from search.text import searchable_text

CONSENT_TEXT_VERSION = "2026-11-v1"


class ExperienceTheme(TagBase):
    """A lived-experience theme (health data): its own tag table, so the
    site-wide tag autocomplete never shows partners' health themes."""

    class Meta:
        verbose_name = _("thème d'expérience")
        verbose_name_plural = _("thèmes d'expérience")


class TaggedExperienceTheme(TaggedItemBase):
    tag = models.ForeignKey(ExperienceTheme, on_delete=models.CASCADE, related_name="tagged_profiles")
    content_object = ParentalKey("directory.PartnerProfile", on_delete=models.CASCADE, related_name="tagged_themes")

    class Meta:
        verbose_name = _("thème d'un profil")
        verbose_name_plural = _("thèmes des profils")


class Language(models.TextChoices):
    FR = "fr", _("Français")
    EN = "en", _("Anglais")
    ES = "es", _("Espagnol")
    OC = "oc", _("Occitan")
    CA = "ca", _("Catalan")
    AR = "ar", _("Arabe")
    LSF = "lsf", _("Langue des signes française")
    PT = "pt", _("Portugais")
    IT = "it", _("Italien")
    DE = "de", _("Allemand")


class Mobility(models.TextChoices):
    LOCAL = "local", _("Autour de chez moi")
    DEPARTEMENT = "departement", _("Dans mon département")
    REGION = "region", _("Dans toute la région")
    NATIONAL = "national", _("Partout en France")


# Mobility as the public sees it: the choices above are written for the
# partner filling the form ("Dans mon département").
PUBLIC_MOBILITY_LABELS = {
    Mobility.LOCAL: _("Près de son domicile"),
    Mobility.DEPARTEMENT: _("Dans son département"),
    Mobility.REGION: _("Dans toute sa région"),
    Mobility.NATIONAL: _("Partout en France"),
}


class TerritoryVisibility(models.TextChoices):
    DEPARTMENT = "department", _("Afficher mon département")
    REGION = "region", _("Afficher seulement ma région")


class PartnerProfileQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PartnerProfile.Status.PUBLISHED)


class PartnerProfile(index.Indexed, ClusterableModel):
    class Status(models.TextChoices):
        PENDING = "pending", _("En attente")
        PUBLISHED = "published", _("Publié")
        PAUSED = "paused", _("En pause (par la personne)")
        ARCHIVED = "archived", _("Archivé")
        REFUSED = "refused", _("Refusé")

    # Public (by choice) information
    display_name = models.CharField(
        _("Nom affiché"),
        max_length=60,
        help_text=_("Prénom et initiale du nom (« Martine D. ») ou un pseudonyme."),
    )
    presentation = models.TextField(_("Présentation"), max_length=1500, blank=True)
    domains = ParentalManyToManyField("core.Domain", verbose_name=_("Domaines d'intervention"), blank=True)
    themes = ClusterTaggableManager(
        _("Thèmes d'expérience"),
        through=TaggedExperienceTheme,
        blank=True,
        help_text=_("Donnée de santé : affichée seulement avec le consentement explicite de la personne."),
    )
    department = models.CharField(_("Département"), max_length=3, choices=geo.DEPARTMENT_CHOICES)
    region = models.CharField(_("Région"), max_length=3, editable=False, db_index=True)
    territory_visibility = models.CharField(
        _("Territoire affiché"),
        max_length=12,
        choices=TerritoryVisibility.choices,
        default=TerritoryVisibility.DEPARTMENT,
    )
    public_department = models.CharField(max_length=3, editable=False, blank=True, db_index=True)
    remote_ok = models.BooleanField(_("Accepte le travail à distance"), default=False)
    mobility = models.CharField(_("Mobilité"), max_length=12, choices=Mobility.choices, default=Mobility.DEPARTEMENT)
    trainings = models.TextField(
        _("Formations"),
        max_length=800,
        blank=True,
        help_text=_("Une par ligne, avec l'année (ex. « DU patient partenaire, 2021 »)."),
    )
    availability = models.CharField(_("Disponibilités"), max_length=200, blank=True)
    association = models.CharField(_("Association"), max_length=150, blank=True)
    allow_search_engines = models.BooleanField(
        _("Référencement par les moteurs de recherche"),
        default=False,
        help_text=_(
            "Sans cet accord, les moteurs de recherche ne référencent pas la fiche et elle n'est pas dans le plan du site."
        ),
    )

    # Private information (moderators only)
    email = models.EmailField(_("Adresse électronique (privée)"), unique=True)
    phone = models.CharField(_("Téléphone (privé)"), max_length=30, blank=True)
    consent_listing_at = models.DateTimeField(_("Consentement à figurer dans l'annuaire"), null=True, blank=True)
    consent_health = models.BooleanField(_("Consentement à afficher ses thèmes de santé"), default=False)
    consent_health_at = models.DateTimeField(_("Date du consentement santé"), null=True, blank=True)
    consent_news = models.BooleanField(_("Accepte de recevoir des nouvelles"), default=False)
    consent_news_at = models.DateTimeField(_("Date du consentement nouvelles"), null=True, blank=True)
    charter_read = models.BooleanField(_("A lu la charte du partenariat"), default=False)
    charter_read_at = models.DateTimeField(_("Charte lue le"), null=True, blank=True)
    consent_text_version = models.CharField(_("Version du texte de consentement"), max_length=20, blank=True)

    # Workflow
    status = models.CharField(_("État"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    email_confirmed_at = models.DateTimeField(_("Adresse confirmée le"), null=True, blank=True)
    published_at = models.DateTimeField(_("Publié le"), null=True, blank=True)
    last_confirmed_at = models.DateTimeField(_("Dernière confirmation annuelle"), null=True, blank=True)
    confirmation_requested_at = models.DateTimeField(_("Confirmation annuelle demandée le"), null=True, blank=True)
    created_at = models.DateTimeField(_("Créé le"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("Modifié le"), auto_now=True)
    outgoing_emails = models.ManyToManyField("core.OutgoingEmail", blank=True, related_name="+", editable=False)

    objects = PartnerProfileQuerySet.as_manager()

    search_fields = [index.SearchField("search_text"), index.FilterField("status")]

    class Meta:
        verbose_name = _("profil de patient partenaire")
        verbose_name_plural = _("profils de patients partenaires")
        ordering = ["display_name", "pk"]
        permissions = [("view_private_data", _("Voir les coordonnées et consentements des partenaires"))]
        indexes = [
            models.Index(fields=["status", "public_department"], name="directory_status_dept"),
            models.Index(fields=["status", "display_name"], name="directory_status_name"),
        ]

    def __str__(self):
        # No personal data: this is what audit logs and admin breadcrumbs store.
        return gettext("Profil n° %(pk)s") % {"pk": self.pk} if self.pk else gettext("Nouveau profil")

    # --- derived public values -------------------------------------------------
    def save(self, *args, **kwargs):
        self.region = geo.region_of(self.department)
        self.public_department = self.department if self.territory_visibility == TerritoryVisibility.DEPARTMENT else ""
        super().save(*args, **kwargs)

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def territory_label(self):
        region = geo.region_name(self.region)
        if self.public_department:
            return f"{geo.department_name(self.public_department)} ({self.public_department}), {region}"
        return region

    @property
    def public_mobility_label(self):
        return PUBLIC_MOBILITY_LABELS.get(self.mobility, "")

    def role_labels(self):
        labels = dict(PartnerRole.choices)
        return [str(labels.get(r.role, r.role)) for r in self.roles.all()]

    def language_labels(self):
        labels = dict(Language.choices)
        return [str(labels.get(lang.code, lang.code)) for lang in self.languages.all()]

    def public_themes(self):
        """Themes, only with the consent to show health-related information."""
        if not self.consent_health:
            return []
        return sorted((item.tag for item in self.tagged_themes.all()), key=lambda tag: tag.name)

    def get_absolute_url(self):
        # By name: the directory page's module imports this one.
        page = apps.get_model("directory", "DirectoryPage").objects.live().first()
        return subpage_path(page, "profile_route", self.pk) if page else None

    # --- search ------------------------------------------------------------------
    def search_text(self):
        """Public, consented text only."""
        parts = [self.display_name, self.presentation, self.trainings, self.availability, self.association]
        parts += self.role_labels() + self.language_labels()
        parts += [d.name for d in self.domains.all()]
        parts += [t.name for t in self.public_themes()]
        parts.append(self.territory_label)
        return searchable_text(*parts)

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.published()

    def sync_search_index(self):
        """Add the profile to every backend if published, remove it otherwise.
        Called after every change (roles and themes included): a paused,
        archived or refused profile leaves the index at once."""
        for backend in get_search_backends():
            if self.is_published:
                backend.add(self)
            else:
                backend.delete(self)

    # --- workflow -----------------------------------------------------------------
    def new_nonce(self):
        return secrets.token_urlsafe(16)

    def publish(self):
        self.status = self.Status.PUBLISHED
        self.published_at = self.published_at or timezone.now()
        self.last_confirmed_at = self.last_confirmed_at or timezone.now()
        self.save()
        self.sync_search_index()

    def set_status(self, status):
        self.status = status
        self.save(update_fields=["status", "updated_at"])
        self.sync_search_index()

    def admin_url(self):
        return reverse("directory_partnerprofile_modeladmin_inspect", args=[self.pk])


class ProfileRole(models.Model):
    profile = ParentalKey(PartnerProfile, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("Rôle"), max_length=30, choices=PartnerRole.choices)

    class Meta:
        verbose_name = _("rôle")
        verbose_name_plural = _("rôles")
        unique_together = [("profile", "role")]
        indexes = [models.Index(fields=["role", "profile"], name="directory_role_profile")]

    def __str__(self):
        return self.get_role_display()


class ProfileLanguage(models.Model):
    profile = ParentalKey(PartnerProfile, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("Langue"), max_length=5, choices=Language.choices)

    class Meta:
        verbose_name = _("langue")
        verbose_name_plural = _("langues")
        unique_together = [("profile", "code")]

    def __str__(self):
        return self.get_code_display()


class SignedLinkUse(models.Model):
    """Single-use marker of a signed link (hash of its nonce, never the token)."""

    nonce_hash = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lien signé utilisé")
        verbose_name_plural = _("liens signés utilisés")

    def __str__(self):
        return gettext("Lien utilisé le %(date)s") % {"date": f"{self.used_at:%d/%m/%Y}"}
