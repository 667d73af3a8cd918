"""Links to pages and to their sub-pages (`RoutablePageMixin` routes).

Every link the portal builds goes through here: relative paths for the site's
own HTML, absolute URLs starting with `settings.BASE_URL` for anything read
outside the site (emails, feeds, PDFs, iCalendar, commands). Wagtail's
`get_full_url` is not used for those: it takes the Site record's hostname and
port (`localhost:80` on a fresh install) and says `http://` for every port but
443.
"""

from django.conf import settings


def absolute(path):
    """`BASE_URL` + a path of the site ("/annuaire/" → "https://…/annuaire/")."""
    return settings.BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def page_path(page):
    """The page's path from its site's root ("/annuaire/"), without the host."""
    parts = page.get_url_parts()
    if parts is None:  # not routable: not under any site root
        return None
    return parts[2]


def subpage_path(page, route_name, *args, **kwargs):
    """The path of one of a routable page's named routes."""
    base = page_path(page)
    if base is None:
        return None
    return base.rstrip("/") + "/" + page.reverse_subpage(route_name, args=args, kwargs=kwargs).lstrip("/")


def page_url(page):
    """The page's absolute URL, from `BASE_URL`."""
    path = page_path(page)
    return None if path is None else absolute(path)


def subpage_url(page, route_name, *args, **kwargs):
    """A named route's absolute URL, from `BASE_URL` (emails, feeds, commands)."""
    path = subpage_path(page, route_name, *args, **kwargs)
    return None if path is None else absolute(path)
