"""Demo content of the search: editors' promoted results for a few common
queries (Wagtail's search promotions). Idempotent."""

from wagtail.models import Page

PROMOTIONS = [
    (
        "charte",
        "charte-du-partenariat",
        "Les engagements que patients, proches et professionnels prennent ensemble, à signer en début de projet.",
    ),
    (
        "patient partenaire",
        "profils-des-patients-partenaires",
        "Patient ressource, pair-aidant, formateur, chercheur : les rôles possibles et comment choisir.",
    ),
    (
        "commencer",
        "demarrer-un-projet-en-partenariat",
        "Les premières étapes pour lancer un projet avec des patients partenaires dès le départ.",
    ),
]


def load(command=None):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    created = 0
    for position, (query_string, slug, description) in enumerate(PROMOTIONS):
        page = Page.objects.filter(slug=slug, live=True).first()
        if page is None:
            continue
        query = Query.get(query_string)
        _promotion, was_created = SearchPromotion.objects.get_or_create(
            query=query, page=page, defaults={"description": description, "sort_order": position}
        )
        created += was_created
    if command is not None and created:
        command.stdout.write(f"Recherche : {created} résultats mis en avant.")
