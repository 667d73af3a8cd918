from wagtail.models import Site


def portal(request):
    """Main navigation: the live, in-menu children of the site's root page.

    Two queries per request at most (site root, then its children), whatever
    the size of the tree.
    """
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"main_nav": []}
    root = site.root_page
    return {"main_nav": list(root.get_children().live().in_menu().only("id", "title", "url_path", "path", "depth"))}
