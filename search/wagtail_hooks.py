"""Admin: the popular searches of the last 30 days on the dashboard, so that
editors see what visitors look for (and what they do not find)."""

import datetime

from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.contrib.search_promotions.models import QueryDailyHits

DAYS = 30
LIMIT = 10


class PopularSearchesPanel(Component):
    name = "popular_searches"
    order = 300
    template_name = "search/popular_searches_panel.html"

    def get_context_data(self, parent_context=None):
        since = timezone.now().date() - datetime.timedelta(days=DAYS)
        rows = (
            QueryDailyHits.objects.filter(date__gte=since)
            .values("query__query_string")
            .annotate(total=Sum("hits"))
            .order_by("-total", "query__query_string")[:LIMIT]
        )
        search_url = reverse("search")
        items = [
            {
                "query": row["query__query_string"],
                "hits": row["total"],
                "url": f"{search_url}?{urlencode({'q': row['query__query_string']})}",
            }
            for row in rows
        ]
        heading = gettext("Recherches fréquentes (%(days)s derniers jours)") % {"days": DAYS}
        return {
            "heading": heading,
            "items": items,
            "days": DAYS,
            "promotions_url": reverse("wagtailsearchpromotions:index"),
        }


@hooks.register("construct_homepage_panels")
def add_popular_searches_panel(request, panels):
    panels.append(PopularSearchesPanel())
