"""Links to pages and to their sub-pages (`RoutablePageMixin` routes).

Every link the portal builds goes through here: relative paths for the site's
own HTML, absolute URLs starting with `settings.BASE_URL` for anything read
outside the site (emails, feeds, PDFs, iCalendar, commands). Wagtail's
`get_full_url` is not used for those: it takes the Site record's hostname and
port (`localhost:80` on a fresh install) and says `http://` for every port but
443.

A sub-page is always named by its route (`reverse_subpage`), never assembled
from strings: `subpage_path(directory, "manage_link_route", token)`, not
`f"{directory.url}gerer/lien/{token}/"`. Templates use the `subpage` and
`subpage_url` tags of `portal_tags`.

The functions return None for a page that is not under any site's root (it
has no URL); pass `request` when you have one, so Wagtail reads the sites'
root paths once per request rather than once per page object.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute(path):
    """`BASE_URL` + a path of the site ("/annuaire/" → "https://…/annuaire/")."""
    return settings.BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def page_path(page, request=None):
    """The page's path from its site's root ("/annuaire/"), without the host."""
    parts = page.get_url_parts(request)
    if parts is None:  # not routable: not under any site root
        return None
    return parts[2]


def subpage_path(page, route_name, *args, request=None, **kwargs):
    """The path of one of a routable page's named routes
    ("/annuaire/profil/12/" for `subpage_path(directory, "profile_route", 12)`)."""
    base = page_path(page, request)
    if base is None:
        return None
    return join_subpage(base, page, route_name, *args, **kwargs)


def join_subpage(page_location, page, route_name, *args, **kwargs):
    """A named route appended to a URL already computed for `page` (for
    example the location Wagtail's sitemap gives the page)."""
    return page_location.rstrip("/") + "/" + page.reverse_subpage(route_name, args=args, kwargs=kwargs).lstrip("/")


def page_url(page, request=None):
    """The page's absolute URL, from `BASE_URL`."""
    path = page_path(page, request)
    return None if path is None else absolute(path)


def subpage_url(page, route_name, *args, request=None, **kwargs):
    """A named route's absolute URL, from `BASE_URL` (emails, feeds, commands)."""
    path = subpage_path(page, route_name, *args, request=request, **kwargs)
    return None if path is None else absolute(path)


def base_url_host_and_port():
    """The hostname and port `BASE_URL` names ("https://a.org" → ("a.org", 443))."""
    parts = urlsplit(settings.BASE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname or "localhost", port


def sync_default_site():
    """Give the default Wagtail Site the hostname and port of `BASE_URL`, so
    that what Wagtail builds from the Site record (sitemap, canonical links,
    the admin's "view live") agrees with the links in emails. Returns the
    site, or None when there is no default site or another site already uses
    that address."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    hostname, port = base_url_host_and_port()
    if (site.hostname, site.port) == (hostname, port):
        return site
    if Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
        return None
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return site
