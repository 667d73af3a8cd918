"""Factories of the news: the index at /actualites/ and news items."""

import datetime

import factory

from core.factories import PageFactory, first_or_create
from home.factories import HomePageFactory
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(PageFactory):
    parent = first_or_create(HomePage, HomePageFactory)
    title = "Actualités"
    slug = "actualites"
    show_in_menus = True
    intro = "Les nouvelles du réseau."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PageFactory):
    parent = first_or_create(NewsIndexPage, NewsIndexPageFactory)
    title = factory.Sequence(lambda n: f"Actualité numéro {n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    intro = "Une nouvelle du réseau, en deux phrases."

    class Meta:
        model = NewsPage
