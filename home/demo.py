"""Demo content for the site skeleton: home, about, legal pages, contact.

Written for the portal in our own words, from the facts of the working
group's documents (the Montreal model's continuum, the HAS recommendation of
2020, the three pillars of the portal).
"""

from wagtail.models import Page, Site

from core.demo import ensure_settings
from core.demo_utils import upsert_child
from home.models import ContactFormField, ContactPage, HomePage, StandardPage


def rt(*paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def para(*paragraphs):
    return ("paragraph", rt(*paragraphs))


CONTINUUM = [
    (
        "stage",
        {
            "label": "Vers le patient",
            "model_name": "paternalisme",
            "text": "Le professionnel décide seul de ce qui est bon pour la personne soignée ; celle-ci reçoit les soins.",
        },
    ),
    (
        "stage",
        {
            "label": "Pour le patient",
            "model_name": "approches centrées sur la personne",
            "text": "Les préférences et le vécu de la personne sont pris en compte, mais les décisions restent du côté des soignants.",
        },
    ),
    (
        "stage",
        {
            "label": "Avec le patient",
            "model_name": "partenariat",
            "text": (
                "Patients, proches et professionnels mettent en commun leurs savoirs, "
                "décident ensemble et partagent la responsabilité des résultats."
            ),
        },
    ),
]

PILLARS = [
    (
        "fiches-outils",
        "Fiches outils",
        "Fiches pratiques, charte, lexique, référentiels de compétences et baromètre du partenariat.",
    ),
    (
        "projets",
        "Projets accompagnés",
        "Des équipes qui ont déjà travaillé avec des patients partenaires : par domaine et par territoire.",
    ),
    (
        "annuaire",
        "Annuaire des patients partenaires",
        "Trouver un patient partenaire pour un projet et le contacter par le portail, sans exposer ses coordonnées.",
    ),
]


def ensure_root():
    """The tree's root and the default locale (a flushed database, as in
    transactional tests, has neither)."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def ensure_home():
    root = ensure_root()
    home = HomePage.objects.first()
    fields = {
        "title": "Accueil",
        "hero_title": "Le partenariat en santé : soigner, organiser, former et chercher avec les patients",
        "intro": (
            "Ce portail réunit les ressources du groupe de travail régional sur le partenariat en santé, "
            "co-piloté par des patients et des professionnels : des outils pour démarrer, des projets dont "
            "s'inspirer et un annuaire pour trouver des patients partenaires."
        ),
        "continuum": CONTINUUM,
        "seo_title": "Partenariat en santé — patients et professionnels, ensemble",
        "search_description": "Fiches outils, projets accompagnés et annuaire des patients partenaires en Occitanie.",
    }
    if home is None:
        welcome = Page.objects.filter(depth=2, slug="home").exclude(content_type__model="homepage").first()
        if welcome is not None:
            welcome.slug = "ancienne-accueil"
            welcome.save(update_fields=["slug"])
        home = HomePage(slug="accueil", **fields)
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Partenariat en santé"
            )
        else:
            site.root_page = home
            site.site_name = "Partenariat en santé"
            site.save()
        if welcome is not None:
            welcome.delete()
    else:
        changed = False
        for name, value in fields.items():
            if name == "continuum":
                continue
            if getattr(home, name) != value:
                setattr(home, name, value)
                changed = True
        if changed:
            home.save_revision().publish()
    return home


def ensure_pillars(home):
    """Placeholders for the three pillars, replaced by each app's real index
    page when its demo runs (upsert_child swaps the page type)."""
    pillars = []
    for slug, title, text in PILLARS:
        page = Page.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page, _ = upsert_child(
                home,
                StandardPage,
                slug,
                title=title,
                intro=text,
                show_in_menus=True,
                body=[para("Cette rubrique est en préparation.")],
            )
        pillars.append(
            (
                "pillar",
                {"title": title, "text": text, "page": page, "link_label": f"Accéder à la rubrique {title}"},
            )
        )
    if [p[1]["page"].pk for p in pillars] != [b.value["page"].pk for b in home.pillars if b.value["page"]]:
        home.pillars = pillars
        home.save_revision().publish()


ABOUT_BODY = [
    ("heading", {"text": "Un engagement réciproque", "level": "h2"}),
    para(
        "Le partenariat en santé désigne une relation de travail entre des personnes soignées, leurs proches "
        "et des professionnels, fondée sur la complémentarité de leurs savoirs : les savoirs scientifiques et "
        "professionnels d'un côté, les savoirs tirés de l'expérience de la maladie et du parcours de soins de l'autre.",
        "Dans un partenariat, on construit ensemble la compréhension du problème et les solutions, on pilote les "
        "actions à plusieurs et on partage la responsabilité de leurs résultats.",
    ),
    ("heading", {"text": "Le modèle de Montréal", "level": "h2"}),
    para(
        "Ce modèle décrit un déplacement : du soin pensé <em>vers</em> le patient (le professionnel décide), au soin "
        "pensé <em>pour</em> lui (ses préférences comptent), puis au soin construit <em>avec</em> lui, en partenaire.",
    ),
    (
        "callout",
        {
            "kind": "info",
            "title": "Une recommandation nationale",
            "text": rt(
                "En septembre 2020, la Haute Autorité de santé a publié une recommandation pour soutenir et "
                "encourager l'engagement des usagers dans les secteurs social, médico-social et sanitaire."
            ),
        },
    ),
    ("heading", {"text": "Quatre champs d'action", "level": "h2"}),
    para(
        "Le partenariat se vit dans les soins (la relation entre une personne et son équipe), dans l'organisation "
        "des services et des parcours, dans l'enseignement et la formation des professionnels, dans la recherche, "
        "et jusque dans la gouvernance des établissements et des politiques de santé.",
    ),
    ("heading", {"text": "Des compétences partagées", "level": "h2"}),
    para(
        "Patients partenaires et professionnels développent les mêmes compétences pour travailler ensemble : "
        "communiquer avec respect et équité, reconnaître les compétences de chacun, s'ouvrir à d'autres points de vue, "
        "favoriser la décision partagée, mettre les savoirs en commun et prendre du recul sur son propre vécu.",
    ),
    (
        "testimony",
        {
            "quote": "Au début, on se demandait ce qu'un patient allait apporter à un comité de pilotage. Six mois plus tard, personne n'imaginait s'en passer.",
            "author_role": "Cadre de santé, membre d'un binôme de co-pilotage (témoignage fictif)",
            "author_name": "",
        },
    ),
    ("heading", {"text": "Le groupe de travail", "level": "h2"}),
    para(
        "Ce portail est édité par un groupe de travail régional co-piloté par un binôme : une personne issue du monde "
        "des usagers (patient, proche-aidant ou représentant des usagers) et un professionnel. Rien n'est publié au nom "
        "du groupe sans l'accord des deux.",
    ),
]

LEGAL_PAGES = [
    (
        "mentions-legales",
        "Mentions légales",
        "Qui édite ce portail, qui l'héberge et comment nous joindre.",
        [
            ("heading", {"text": "Éditeur", "level": "h2"}),
            para(
                "Ce portail est édité par le groupe de travail régional sur le partenariat en santé (CRIAPS Occitanie). "
                "Directeur ou directrice de la publication : à compléter par l'organisation qui déploie le portail."
            ),
            ("heading", {"text": "Hébergement", "level": "h2"}),
            para("Nom, adresse et téléphone de l'hébergeur : à compléter lors du déploiement."),
            ("heading", {"text": "Logiciel libre", "level": "h2"}),
            para(
                "Le portail est un logiciel libre construit avec Wagtail et Django. Toute région peut le réutiliser "
                "et l'adapter à son territoire."
            ),
        ],
    ),
    (
        "donnees-personnelles",
        "Données personnelles",
        "Quelles données le portail collecte, pourquoi, combien de temps, et comment exercer vos droits.",
        [
            ("heading", {"text": "Ce que nous collectons", "level": "h2"}),
            para(
                "Le portail ne dépose aucun cookie de mesure d'audience et ne charge aucune ressource depuis un autre site. "
                "Il collecte uniquement ce que vous saisissez dans ses formulaires : message de contact, inscription à "
                "l'annuaire, demande de mise en relation, proposition de projet, réponses au baromètre (anonymes)."
            ),
            ("heading", {"text": "Annuaire des patients partenaires", "level": "h2"}),
            para(
                "Les coordonnées des patients partenaires ne sont jamais publiées : les structures les contactent par "
                "l'intermédiaire du portail, et le patient partenaire choisit de répondre ou non. Les informations liées "
                "à la santé (thèmes d'expérience) ne sont affichées qu'avec le consentement explicite de la personne."
            ),
            ("heading", {"text": "Vos droits", "level": "h2"}),
            para(
                "Vous pouvez accéder à vos données, les corriger, les télécharger ou les supprimer. Pour l'annuaire, "
                "utilisez « Gérer mon profil » ; pour le reste, écrivez-nous par la page de contact. Vous pouvez aussi "
                "adresser une réclamation à la CNIL."
            ),
        ],
    ),
    (
        "accessibilite",
        "Déclaration d'accessibilité",
        "Le niveau d'accessibilité du portail et comment nous signaler une difficulté.",
        [
            ("heading", {"text": "État de conformité", "level": "h2"}),
            para(
                "Ce portail vise la conformité au Référentiel général d'amélioration de l'accessibilité (RGAA 4.1), "
                "niveau AA des WCAG 2.1. Chaque type de page et chaque formulaire est vérifié automatiquement (axe-core) "
                "à chaque modification du code. Un audit complet par un organisme indépendant reste à conduire : "
                "le portail est donc, à ce jour, déclaré partiellement conforme."
            ),
            ("heading", {"text": "Ce qui a été fait", "level": "h2"}),
            para(
                "Lien d'évitement, navigation au clavier, focus visible, champs de formulaire étiquetés et erreurs "
                "reliées à leur champ, contrastes vérifiés (y compris pour les couleurs choisies dans les réglages), "
                "tableaux de données avec en-têtes, graphiques doublés d'un tableau, tout fonctionne sans JavaScript."
            ),
            ("heading", {"text": "Nous signaler un problème", "level": "h2"}),
            para(
                "Si vous ne parvenez pas à accéder à un contenu ou à un service, écrivez-nous par la page de contact : "
                "nous vous proposerons une alternative accessible. Vous pouvez aussi saisir le Défenseur des droits."
            ),
        ],
    ),
]


def ensure_about_and_legal(home):
    about, _ = upsert_child(
        home,
        StandardPage,
        "le-partenariat-en-sante",
        title="Le partenariat en santé",
        intro=(
            "Passer du soin conçu pour le patient au soin construit avec lui : ce que recouvre le partenariat "
            "entre patients, proches-aidants et professionnels, et pourquoi il améliore les soins."
        ),
        show_in_menus=True,
        body=ABOUT_BODY,
    )
    pages = {}
    for slug, title, intro, body in LEGAL_PAGES:
        pages[slug], _ = upsert_child(home, StandardPage, slug, title=title, intro=intro, body=body)
    return pages


def ensure_contact(home):
    contact = ContactPage.objects.child_of(home).first()
    if contact is None:
        contact = ContactPage(
            title="Contact",
            slug="contact",
            intro="Une question sur le partenariat en santé, le portail ou vos données ? Écrivez-nous.",
            thank_you_text="<p>Merci. Un membre du groupe de travail vous répondra dans les meilleurs délais.</p>",
            subject="Message reçu par le formulaire de contact",
        )
        home.add_child(instance=contact)
        fields = [
            ("Votre nom", "singleline", True, ""),
            ("Votre adresse électronique", "email", True, "Pour vous répondre, rien d'autre."),
            ("Vous êtes", "dropdown", False, ""),
            ("Votre message", "multiline", True, ""),
        ]
        for order, (label, field_type, required, help_text) in enumerate(fields):
            ContactFormField.objects.create(
                page=contact,
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
                help_text=help_text,
                choices="Patient ou proche-aidant\nProfessionnel de santé\nStructure\nAutre"
                if field_type == "dropdown"
                else "",
            )
        contact.save_revision().publish()
    return contact


def load(command):
    home = ensure_home()
    ensure_pillars(home)
    pages = ensure_about_and_legal(home)
    contact = ensure_contact(home)
    ensure_settings(Site.objects.get(is_default_site=True), pages, contact)
