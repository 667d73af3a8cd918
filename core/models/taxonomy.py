"""Editable taxonomies shared by several apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from core.models.mixins import SlugFromNameMixin


class Domain(SlugFromNameMixin, index.Indexed, Orderable):
    """A field of partnership (soins, organisation des soins, enseignement,
    recherche, gouvernance…). Used by tool sheets and projects; each domain
    has a landing page under /projets/domaine/<slug>/ with its introduction."""

    name = models.CharField(_("Nom"), max_length=80, unique=True)
    slug = models.SlugField(_("Identifiant dans l'adresse"), max_length=80, unique=True, blank=True)
    short_description = models.CharField(_("Description courte"), max_length=200, blank=True)
    intro = RichTextField(
        _("Introduction"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Affichée sur la page du domaine."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("short_description"), FieldPanel("intro")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("domaine")
        # Moved from the home app: the table keeps its name (core/migrations/0001).
        db_table = "home_domain"
        verbose_name_plural = _("domaines")

    def __str__(self):
        return self.name
