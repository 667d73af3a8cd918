"""Sources, authors and versions shared by the knowledge pages and the lexicon.

`Reference` is a snippet (one record per work, reused everywhere); `SourcesMixin`
adds to a page or snippet its ordered references, its origin (adapted from a
source, or written by the working group), a version number and the next review
date. "Validé le … par …" is never typed: `validation` reads it from the
« Relecture croisée » review that published the live revision
(resources/sources.py).
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

from search.text import fold


class Reference(index.Indexed, models.Model):
    """A published work a page draws on: one record, cited by many pages."""

    authors = models.CharField(_("Auteurs"), max_length=300, help_text=_("Ex. « Pomey M.-P., Flora L. »"))
    title = models.CharField(_("Titre"), max_length=300)
    publisher = models.CharField(_("Éditeur, revue ou organisme"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("Année"), null=True, blank=True)
    url = models.URLField(_("Lien"), blank=True, max_length=500)
    theme = models.CharField(
        _("Thème"),
        max_length=80,
        blank=True,
        help_text=_("Regroupe les références dans la bibliographie (ex. « Engagement des patients »)."),
    )

    panels = [
        FieldPanel("authors"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("year")]),
        FieldPanel("url"),
        FieldPanel("theme"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("authors"),
        index.AutocompleteField("title"),
        index.AutocompleteField("authors"),
    ]

    class Meta:
        ordering = ["authors", "year", "title"]
        verbose_name = _("référence bibliographique")
        verbose_name_plural = _("références bibliographiques")

    def __str__(self):
        return self.citation()

    def citation(self):
        """« Authors (year). Title. Publisher. » without the link."""
        head = f"{self.authors} ({self.year})" if self.year else self.authors
        parts = [head, self.title]
        if self.publisher:
            parts.append(self.publisher)
        return ". ".join(part.rstrip(".") for part in parts) + "."

    @property
    def sort_key(self):
        return (fold(self.authors).lower(), self.year or 0, fold(self.title).lower())

    @property
    def letter(self):
        first = fold(self.authors)[:1].upper()
        return first if first.isalpha() else "#"


class Origin(models.TextChoices):
    ADAPTED = "adapte", _("Adapté d'une source")
    WORKING_GROUP = "groupe", _("Créé par le groupe de travail")


class SourcesMixin(models.Model):
    """Where the content comes from, its version, when it is reviewed next."""

    source_references = StreamField(
        [("reference", SnippetChooserBlock("resources.Reference", label=_("Référence")))],
        blank=True,
        use_json_field=True,
        verbose_name=_("Sources"),
        help_text=_("Les références bibliographiques, dans l'ordre où les afficher."),
    )
    origin = models.CharField(
        _("Origine du contenu"),
        max_length=10,
        choices=Origin.choices,
        blank=True,
        help_text=_("« Adapté d'une source » : citez-la ci-dessus. Sinon, le contenu est celui du groupe de travail."),
    )
    origin_note = models.CharField(
        _("Précision sur l'origine"),
        max_length=300,
        blank=True,
        help_text=_("Ex. « Indicateurs rédigés par le groupe de travail, sans source publiée. »"),
    )
    version = models.CharField(_("Version"), max_length=20, default="1.0", help_text=_("Ex. 1.0, 1.1, 2.0."))
    next_review = models.DateField(_("Prochaine relecture prévue"), null=True, blank=True)

    sources_panels = [
        FieldPanel("source_references"),
        MultiFieldPanel(
            [FieldPanel("origin"), FieldPanel("origin_note")],
            heading=_("Origine"),
        ),
        FieldRowPanel([FieldPanel("version"), FieldPanel("next_review")], heading=_("Version")),
    ]

    class Meta:
        abstract = True

    def reference_list(self):
        return [block.value for block in self.source_references if block.value is not None]

    def reference_ids(self):
        """Ids of the cited references, read from the raw data (no query)."""
        ids = []
        for item in self.source_references.raw_data:
            value = item.get("value") if isinstance(item, dict) else None
            if isinstance(value, int) and value not in ids:
                ids.append(value)
        return ids

    @property
    def origin_label(self):
        if self.origin == Origin.ADAPTED:
            return _("Adapté de")
        if self.origin == Origin.WORKING_GROUP:
            return _("Créé par le groupe de travail")
        return ""

    @cached_property
    def validation(self):
        from resources.sources import validation_for

        return validation_for(self)
