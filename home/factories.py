"""Factories of the site skeleton: the home page (root of the default site),
standard pages and the contact page with its form fields."""

import factory
import wagtail_factories
from wagtail.models import Page, Site

from core.factories import BaseStreamBlockFactory, PageFactory, first_or_create, tree_root
from home.models import ContactFormField, ContactPage, HomePage, StandardPage


def make_default_site(home):
    """`home` becomes the root of the default site (created if there is none);
    Wagtail's own welcome page, if still there, goes."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()


class HomePageFactory(PageFactory):
    """The home page, under the tree's root, as the default site's root."""

    parent = factory.LazyFunction(tree_root)
    title = "Accueil"
    slug = "accueil"
    hero_title = "Le partenariat en santé : soigner, former et chercher avec les patients"
    intro = "Des outils pour démarrer, des projets dont s'inspirer et un annuaire de patients partenaires."

    class Meta:
        model = HomePage

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        super()._after_postgeneration(instance, create, results)
        if create:
            make_default_site(instance)


class StandardPageFactory(PageFactory):
    parent = first_or_create(HomePage, HomePageFactory)
    title = factory.Sequence(lambda n: f"Page standard {n}")
    intro = "Une page de texte du portail."
    body = wagtail_factories.StreamFieldFactory(BaseStreamBlockFactory)

    class Meta:
        model = StandardPage


class ContactFormFieldFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Champ {n}")
    field_type = "singleline"
    required = True
    sort_order = factory.Sequence(int)

    class Meta:
        model = ContactFormField


# The contact form's fields: (label, type, required, help text, choices).
CONTACT_FIELDS = [
    ("Votre nom", "singleline", True, "", ""),
    ("Votre adresse électronique", "email", True, "Pour vous répondre, rien d'autre.", ""),
    ("Vous êtes", "dropdown", False, "", "Patient ou proche-aidant\nProfessionnel de santé\nStructure\nAutre"),
    ("Votre message", "multiline", True, "", ""),
]


class ContactPageFactory(PageFactory):
    """The contact page with the portal's four form fields."""

    parent = first_or_create(HomePage, HomePageFactory)
    title = "Contact"
    slug = "contact"
    intro = "Une question sur le partenariat en santé ou sur vos données ? Écrivez-nous."
    thank_you_text = "<p>Merci. Un membre du groupe de travail vous répondra.</p>"
    subject = "Message reçu par le formulaire de contact"

    class Meta:
        model = ContactPage

    @factory.post_generation
    def form_fields(page, create, extracted, **kwargs):
        if not create:
            return
        for order, (label, field_type, required, help_text, choices) in enumerate(extracted or CONTACT_FIELDS):
            ContactFormFieldFactory(
                page=page,
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
                help_text=help_text,
                choices=choices,
            )


def set_pillars(home, pages):
    """The home page's pillars point at `pages` (the portal's sections), and
    the home page is published again."""
    home.pillars = [
        (
            "pillar",
            {
                "title": page.title,
                "text": f"Tout sur la rubrique « {page.title} ».",
                "page": page,
                "link_label": f"Accéder à la rubrique {page.title}",
            },
        )
        for page in pages
    ]
    home.save_revision().publish()
    return home
