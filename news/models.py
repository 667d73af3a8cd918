"""News items (actualités): an index at /actualites/, one page per item,
an Atom feed."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.models.mixins import IntroMixin
from core.routing import view_route
from search.text import searchable_text


class NewsPage(IntroMixin, Page):
    """One news item: a date, a short introduction, a body, an optional image."""

    date = models.DateField(
        _("Date de l'actualité"),
        default=datetime.date.today,
        help_text=_("Les actualités sont classées par cette date."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("Texte alternatif de l'image"),
        max_length=250,
        blank=True,
        help_text=_("Ce que l'image apporte au texte. Laissez vide si elle est décorative."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True, verbose_name=_("Contenu"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image (facultative)")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("search_text"),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")

    def search_text(self):
        return searchable_text(self.title, self.intro, self.body)


class NewsIndexPage(RoutablePageMixin, IntroMixin, Page):
    """The news, newest first, paginated; the Atom feed is a route."""

    per_page = models.PositiveSmallIntegerField(_("Actualités par page"), default=10)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("per_page")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("liste des actualités")
        verbose_name_plural = _("listes des actualités")

    index_route = view_route("", "news.views.news_index", name="index_route")
    feed_route = view_route("flux/", "news.views.atom_feed", name="feed_route")

    def search_text(self):
        return searchable_text(self.title, self.intro)

    def items(self):
        """Live, public news items, newest first."""
        return NewsPage.objects.live().public().child_of(self).order_by("-date", "-first_published_at", "-pk")
