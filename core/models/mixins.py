from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class IntroMixin(models.Model):
    """A short plain-text introduction used as the page's lead paragraph and,
    when the editor leaves the promote tab empty, as its meta description."""

    intro = models.TextField(
        _("Introduction"),
        blank=True,
        max_length=600,
        help_text=_("Deux ou trois phrases qui disent à quoi sert la page."),
    )

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.intro


class NoIndexMixin(models.Model):
    """Lets editors keep a page out of search engines (noindex + no sitemap)."""

    noindex = models.BooleanField(
        _("Ne pas référencer dans les moteurs de recherche"),
        default=False,
    )

    promote_panels = Page.promote_panels + [MultiFieldPanel([FieldPanel("noindex")], heading=_("Référencement"))]

    class Meta:
        abstract = True

    def get_sitemap_urls(self, request=None):
        if self.noindex:
            return []
        return super().get_sitemap_urls(request)


class SlugFromNameMixin:
    """An empty `slug` is filled from `name` on save (cut to the field's length)."""

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[: self._meta.get_field("slug").max_length]
        super().save(*args, **kwargs)
