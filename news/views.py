"""Views behind the routes of the news index: the paginated list and the Atom feed."""

import datetime

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from core.links import page_url, subpage_url


def news_index(index_page, request):
    paginator = Paginator(index_page.items().select_related("image"), index_page.per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    context = index_page.get_context(request)
    context.update({"page_obj": page_obj, "items": list(page_obj.object_list)})
    return TemplateResponse(request, "news/news_index_page.html", context)


def _moment(item):
    """The item's date as an aware datetime (noon, Paris), for the feed."""
    return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12)))


def atom_feed(index_page, request, limit=30):
    """The latest news. Links start with BASE_URL."""
    feed = Atom1Feed(
        title=gettext("%(title)s — actualités") % {"title": index_page.title},
        link=page_url(index_page, request),
        description=index_page.intro,
        language="fr",
        feed_url=subpage_url(index_page, "feed_route", request=request),
    )
    for item in index_page.items()[:limit]:
        link = page_url(item, request)
        feed.add_item(
            title=item.title,
            link=link,
            unique_id=link,
            description=item.intro,
            pubdate=_moment(item),
            updateddate=item.last_published_at or _moment(item),
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
