"""Demo content for /fiches-outils/: sheets, the charter, the lexicon and two
competency frameworks.

Written in our own words from the facts of the working group's documents
(the four steps to engage a structure, the HAS obstacles and levers, the
profiles of patient partners, user representatives in CPTS and DAC, the six
partnership competencies). People are fictional.

Idempotent: a second run creates nothing and publishes nothing.
"""

import datetime

from core.demo_utils import get_home, upsert_child
from core.vocabulary import Audience, EngagementDegree, EngagementScale
from resources.models import (
    CharterPage,
    Competency,
    CompetencyFrameworkIndexPage,
    CompetencyFrameworkPage,
    GlossaryTerm,
    LexiconPage,
    ToolSheetAudience,
    ToolSheetCategory,
    ToolSheetIndexPage,
    ToolSheetPage,
    ToolSheetRelatedSheet,
)

# --- helpers --------------------------------------------------------------------


def rt(*paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def ul(*items):
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def para(*paragraphs):
    return ("paragraph", rt(*paragraphs))


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def callout(text, title="", kind="vigilance"):
    return ("callout", {"kind": kind, "title": title, "text": text})


def testimony(quote, role):
    return ("testimony", {"quote": quote, "author_role": role, "author_name": ""})


def steps(*items, title="En pratique"):
    return (
        "steps",
        {
            "title": title,
            "steps": [{"title": t, "who": who, "why": why, "what": what} for t, who, why, what in items],
        },
    )


def levers(levers_list, obstacles_list, title=""):
    return ("levers_obstacles", {"title": title, "levers": levers_list, "obstacles": obstacles_list})


def ref(authors, year, title, publisher="", url=""):
    return ("reference", {"authors": authors, "year": year, "title": title, "publisher": publisher, "url": url})


# --- categories -----------------------------------------------------------------

CATEGORIES = [
    ("Comprendre", "comprendre", "Les notions et les repères pour parler de la même chose."),
    ("S'engager", "s-engager", "Mobiliser une structure, une équipe, des partenaires."),
    ("Se situer", "se-situer", "Savoir où l'on en est, seul ou en équipe, dans la relation de partenariat."),
    ("Agir en partenariat", "agir-en-partenariat", "Mener un projet avec des patients et des proches partenaires."),
    ("Évaluer", "evaluer", "Mesurer ce que le partenariat change, pour qui et comment."),
]


def ensure_categories():
    result = {}
    for order, (name, slug, description) in enumerate(CATEGORIES):
        category, _ = ToolSheetCategory.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )
        result[slug] = category
    return result


# --- tool sheets ----------------------------------------------------------------

P, PRO, DIR, RU = Audience.PATIENTS, Audience.PROFESSIONNELS, Audience.DIRECTIONS, Audience.REPRESENTANTS
REVIEWED = datetime.date(2025, 10, 6)


def sheet_definitions():
    return [
        {
            "slug": "engager-la-structure-en-quatre-etapes",
            "title": "Engager sa structure dans le partenariat en quatre étapes",
            "category": "s-engager",
            "domain": "gouvernance",
            "scale": EngagementScale.MESO,
            "degree": EngagementDegree.PARTENARIAT,
            "audiences": [DIR, PRO, P],
            "tags": ["co-construction", "gouvernance", "management"],
            "summary": (
                "Faire du partenariat en santé un projet d'établissement, et pas l'affaire d'une seule "
                "personne motivée : obtenir l'appui de la direction, installer un pilotage partagé, faire "
                "valider un plan d'action, puis le faire connaître."
            ),
            "body": [
                para(
                    "Un projet de partenariat qui repose sur une seule personne s'arrête souvent quand elle "
                    "change de poste. Pour qu'il dure, l'établissement doit le porter : sa direction, ses "
                    "instances, ses équipes et les usagers qui y sont associés."
                ),
                steps(
                    (
                        "Obtenir l'appui de la direction",
                        "Le ou la porteuse du projet, avec un patient partenaire ressource.",
                        "Sans soutien institutionnel, le projet manque de temps, de moyens et de légitimité.",
                        rt(
                            "Présenter la démarche à la direction générale, puis rallier les autres "
                            "directions. Choisir une direction d'appui (qualité, soins ou communication) "
                            "qui suivra le projet au quotidien."
                        ),
                    ),
                    (
                        "Installer un pilotage partagé",
                        "Un comité de pilotage mixte et un groupe de travail équilibré.",
                        "Une démarche réellement participative évite que les usagers servent de caution.",
                        rt(
                            "Réunir des professionnels de tous les secteurs et de tous les niveaux, y compris "
                            "administratifs, et des usagers partenaires : patients et proches, représentants "
                            "des usagers, bénévoles d'associations. Viser un co-pilotage entre un professionnel "
                            "et un patient ou proche-aidant partenaire."
                        ),
                    ),
                    (
                        "Faire valider le plan d'action",
                        "Le comité de pilotage et le groupe de travail, devant la direction générale.",
                        "La validation engage l'établissement et ouvre un budget.",
                        rt(
                            "Présenter le plan d'action, les moyens humains, matériels et financiers, le "
                            "calendrier, les questions juridiques et la stratégie de communication."
                        ),
                    ),
                    (
                        "Faire connaître le projet",
                        "Le groupe de travail avec la direction de la communication.",
                        "Une démarche que personne ne connaît ne change pas les pratiques.",
                        rt(
                            "Pour chaque public (directions, instances, équipes, usagers, partenaires du "
                            "territoire, ARS), fixer un objectif et choisir le support le plus adapté."
                        ),
                    ),
                ),
                callout(
                    rt(
                        "Choisir les membres du groupe pour leurs compétences d'écoute, de recul et de "
                        "coopération, pas seulement pour équilibrer les services représentés.",
                        "Inscrire les compétences de partenariat dans les fiches de poste : c'est ce qui fait "
                        "durer la démarche.",
                    ),
                    title="Deux conditions souvent oubliées",
                ),
                testimony(
                    "Le jour où le directeur a ouvert lui-même le premier comité, les équipes ont compris que "
                    "ce n'était pas un projet de plus.",
                    "Cadre supérieure de santé, centre hospitalier (témoignage fictif)",
                ),
            ],
            "references": [
                ref(
                    "Haute Autorité de santé",
                    2020,
                    "Soutenir et encourager l'engagement des usagers dans les secteurs social, médico-social et sanitaire",
                    "HAS",
                    "https://www.has-sante.fr/",
                ),
            ],
            "falc": [
                para(
                    "Cette fiche explique comment un hôpital peut travailler avec des patients.",
                    "Il faut 4 étapes.",
                ),
                (
                    "paragraph",
                    ul(
                        "1. Le directeur dit oui au projet.",
                        "2. Un groupe se forme. Il y a des soignants et des patients.",
                        "3. Le groupe écrit un plan. Le directeur le valide.",
                        "4. Le groupe explique le projet à tout le monde.",
                    ),
                ),
            ],
            "falc_reviewed_by": "l'atelier de lecture de l'association fictive « Lire ensemble 31 »",
        },
        {
            "slug": "se-situer-dans-la-relation-de-soin",
            "title": "Se situer dans la relation de soin individuelle",
            "category": "se-situer",
            "domain": "soins",
            "scale": EngagementScale.MICRO,
            "degree": EngagementDegree.COLLABORATION,
            "audiences": [P, PRO],
            "tags": ["décision partagée", "relation de soin"],
            "summary": (
                "De l'information reçue à la décision prise ensemble : quatre degrés pour repérer où se "
                "trouve une relation de soin et ce qui permettrait d'aller plus loin."
            ),
            "body": [
                para(
                    "Dans ses propres soins, une personne peut être simplement informée, consultée sur ses "
                    "préférences, associée à une décision partagée, ou pleinement partenaire quand l'équipe "
                    "construit le projet de soins autour de son projet de vie."
                ),
                heading("Quatre degrés d'engagement"),
                (
                    "paragraph",
                    ul(
                        "<b>Information</b> : la personne reçoit des explications sur son diagnostic et son traitement.",
                        "<b>Consultation</b> : on lui demande son avis avant de décider.",
                        "<b>Collaboration</b> : la décision est partagée et tient compte de ses préférences.",
                        "<b>Partenariat</b> : l'équipe, dont elle fait partie, décide avec elle selon son projet de vie.",
                    ),
                ),
                heading("Des gestes concrets"),
                (
                    "paragraph",
                    ul(
                        "Vérifier son identité avec la personne elle-même.",
                        "L'associer à la vérification de ses médicaments, à l'hôpital puis à domicile.",
                        "Lui laisser la parole pendant les transmissions.",
                        "Construire avec elle son plan personnalisé de santé.",
                    ),
                ),
                callout(
                    rt(
                        "Tout le monde ne souhaite pas le même degré d'engagement, ni au même moment : la "
                        "maladie, la fatigue ou l'annonce d'un diagnostic changent les envies."
                    )
                ),
            ],
            "references": [
                ref(
                    "Pomey M-P, Flora L, Karazivan P et al.",
                    2015,
                    "Le « Montreal model » : enjeux du partenariat relationnel entre patients et professionnels de la santé",
                    "Santé publique",
                ),
            ],
        },
        {
            "slug": "profils-des-patients-partenaires",
            "title": "Les profils des patients partenaires",
            "category": "comprendre",
            "domain": "soins",
            "scale": EngagementScale.MESO,
            "degree": EngagementDegree.PARTENARIAT,
            "audiences": [P, PRO, DIR],
            "tags": ["savoirs expérientiels", "pair-aidance"],
            "summary": (
                "Patient ressource, pair-aidant, patient formateur, patient chercheur, représentant des "
                "usagers : qui fait quoi, et comment choisir le bon interlocuteur pour un projet."
            ),
            "body": [
                para(
                    "Le mot « patient partenaire » recouvre des missions très différentes. Les nommer aide "
                    "à proposer le bon rôle à la bonne personne, et à reconnaître ce qu'elle apporte."
                ),
                (
                    "paragraph",
                    ul(
                        "<b>Patient ou proche-aidant partenaire ressource</b> : met ses savoirs d'expérience au "
                        "service d'une équipe ou d'un établissement (questionnaires, guides, projets).",
                        "<b>Pair-aidant, médiateur de santé pair</b> : accompagne d'autres personnes qui vivent "
                        "une situation proche de la sienne.",
                        "<b>Patient formateur</b> : intervient dans la formation initiale ou continue des "
                        "professionnels, ou co-anime des programmes d'éducation thérapeutique.",
                        "<b>Patient chercheur</b> : participe à la conception et à la conduite de recherches.",
                        "<b>Représentant des usagers</b> : mandaté par une association agréée, il siège dans les "
                        "instances (commission des usagers, conseil de surveillance).",
                    ),
                ),
                callout(
                    rt(
                        "Dans le secteur social et médico-social, on parle plus volontiers de « personne "
                        "accompagnée partenaire »."
                    ),
                    kind="info",
                ),
                testimony(
                    "Je ne représente personne d'autre que moi, mais ce que j'ai vécu pendant dix ans de "
                    "dialyse, l'équipe ne pouvait pas l'inventer.",
                    "Patient partenaire ressource (témoignage fictif)",
                ),
            ],
            "references": [
                ref(
                    "Gross O, Gagnayre R",
                    2019,
                    "Caractéristiques des savoirs des patients et liens avec leur pouvoir d'action",
                    "Revue française de pédagogie",
                ),
            ],
        },
        {
            "slug": "freins-et-leviers-selon-la-has",
            "title": "Freins et leviers de l'engagement des usagers",
            "category": "comprendre",
            "domain": "organisation-des-soins",
            "scale": EngagementScale.MESO,
            "degree": EngagementDegree.COLLABORATION,
            "audiences": [PRO, DIR, RU],
            "tags": ["engagement des usagers", "qualité des soins"],
            "summary": (
                "Ce qui retient professionnels et usagers de s'engager, et ce qui les aide, d'après la "
                "recommandation de la HAS et les retours de la région."
            ),
            "body": [
                para(
                    "Connaître les freins à l'avance permet de les désamorcer dès la conception du projet, "
                    "plutôt que de les découvrir en cours de route."
                ),
                levers(
                    [
                        "Prendre le temps de se connaître avant de travailler ensemble.",
                        "Dire clairement le but de l'engagement et le rôle de chacun.",
                        "Commencer par un sujet modeste qui fédère : accueil, attente, signalétique.",
                        "Demander aux usagers les horaires qui leur conviennent et limiter les réunions.",
                        "Partager des informations simples à lire et à suivre.",
                    ],
                    [
                        "Côté professionnels : peur d'être jugés, doute sur l'utilité du regard des usagers.",
                        "Côté usagers : crainte de ne pas être à la hauteur, avis non suivis d'effet.",
                        "Un projet trop ambitieux ou un calendrier qui ignore l'état de santé des patients.",
                        "Le manque de temps, de moyens et de soutien de la direction.",
                    ],
                    title="Leviers et freins repérés",
                ),
                callout(
                    rt(
                        "Donner un retour aux usagers sur ce que leur avis a changé : c'est la première "
                        "condition pour qu'ils reviennent."
                    ),
                    kind="cle",
                ),
            ],
            "references": [
                ref(
                    "Haute Autorité de santé",
                    2020,
                    "Soutenir et encourager l'engagement des usagers dans les secteurs social, médico-social et sanitaire",
                    "HAS",
                    "https://www.has-sante.fr/",
                ),
            ],
        },
        {
            "slug": "representants-des-usagers-en-cpts-et-dac",
            "title": "Travailler avec les représentants des usagers en CPTS et en DAC",
            "category": "agir-en-partenariat",
            "domain": "organisation-des-soins",
            "scale": EngagementScale.MESO,
            "degree": EngagementDegree.COLLABORATION,
            "audiences": [RU, PRO],
            "tags": ["représentation des usagers", "parcours", "territoire"],
            "summary": (
                "Les communautés professionnelles territoriales de santé et les dispositifs d'appui à la "
                "coordination sont de nouvelles organisations : voici comment y associer les usagers."
            ),
            "body": [
                para(
                    "À l'hôpital, la commission des usagers encadre la place des représentants. En ville, "
                    "les CPTS et les DAC laissent plus de liberté : tout est à inventer, avec moins de "
                    "règles et moins d'habitudes."
                ),
                heading("Trois façons d'entrer"),
                (
                    "paragraph",
                    ul(
                        "L'association d'usagers adhère à la structure et siège dans sa gouvernance.",
                        "Elle signe une convention pour une action précise (une semaine de prévention, par exemple).",
                        "Un représentant rejoint un groupe de travail sur un thème qui l'intéresse.",
                    ),
                ),
                heading("Ce que le représentant peut apporter"),
                (
                    "paragraph",
                    ul(
                        "Faire connaître le DAC aux usagers, aux aidants et aux associations du territoire.",
                        "Signaler les ruptures de parcours dont il a connaissance.",
                        "Participer au choix des indicateurs et à l'évaluation des actions.",
                        "Relayer les ressources des associations (permanences, groupes d'écoute).",
                    ),
                ),
                callout(
                    rt(
                        "Le représentant choisit, avec son association et les professionnels, les sujets "
                        "qui l'intéressent : il apprend en marchant."
                    ),
                    kind="info",
                ),
            ],
            "references": [],
        },
        {
            "slug": "le-patient-accompagnateur",
            "title": "Le patient accompagnateur",
            "category": "comprendre",
            "domain": "soins",
            "scale": EngagementScale.MICRO,
            "degree": EngagementDegree.PARTENARIAT,
            "audiences": [P, PRO],
            "tags": ["pair-aidance", "savoirs expérientiels"],
            "summary": (
                "Une personne qui a appris à vivre avec la maladie aide d'autres patients à devenir "
                "partenaires de leurs soins, et aide les équipes à travailler avec eux."
            ),
            "body": [
                para(
                    "Le patient accompagnateur joue un double rôle : auprès des patients, il partage des "
                    "repères concrets pour vivre avec la maladie ; auprès des soignants, il traduit ce que "
                    "vivent les personnes soignées."
                ),
                steps(
                    (
                        "Définir la mission",
                        "L'équipe de soins et le patient accompagnateur.",
                        "Une mission claire protège le patient accompagnateur comme les patients accompagnés.",
                        rt("Écrire ensemble le périmètre, le temps consacré et le cadre de confidentialité."),
                    ),
                    (
                        "Présenter le rôle aux patients",
                        "Un soignant référent.",
                        "Chaque patient reste libre d'accepter ou non.",
                        rt("Proposer la rencontre, recueillir le consentement, puis organiser l'échange."),
                    ),
                    (
                        "Faire le point régulièrement",
                        "Le binôme soignant et patient accompagnateur.",
                        "Les situations difficiles ne doivent pas reposer sur une seule personne.",
                        rt("Prévoir un temps d'échange mensuel et un recours en cas de difficulté."),
                    ),
                ),
                testimony(
                    "Elle m'a montré comment elle organisait ses prises de médicaments en voyage : aucun "
                    "soignant ne me l'avait expliqué comme ça.",
                    "Patiente accompagnée (témoignage fictif)",
                ),
            ],
            "references": [],
            "falc": [
                para(
                    "Un patient accompagnateur est malade depuis longtemps.",
                    "Il connaît bien la maladie.",
                    "Il aide les autres patients.",
                    "Il aide aussi les soignants à comprendre les patients.",
                ),
            ],
            "falc_reviewed_by": "trois patients du groupe d'éducation thérapeutique (fictif)",
        },
        {
            "slug": "evaluer-un-projet-en-partenariat",
            "title": "Évaluer un projet mené en partenariat",
            "category": "evaluer",
            "domain": "recherche",
            "scale": EngagementScale.MESO,
            "degree": EngagementDegree.COLLABORATION,
            "audiences": [PRO, DIR, P],
            "tags": ["évaluation", "expérience patient"],
            "summary": (
                "Choisir, avec les patients partenaires, ce que l'on mesure : le déroulement du projet, "
                "ses résultats et la qualité de la relation entre partenaires."
            ),
            "body": [
                para(
                    "Évaluer en partenariat, c'est décider ensemble de ce qui compte. Les indicateurs "
                    "choisis par les seuls professionnels passent souvent à côté de ce que vivent les patients."
                ),
                heading("Trois niveaux à regarder"),
                (
                    "paragraph",
                    ul(
                        "<b>Le processus</b> : qui participe, à quelles réunions, avec quel rôle.",
                        "<b>Les résultats</b> : pratiques qui ont changé, nombre d'équipes engagées, avis des usagers.",
                        "<b>La relation</b> : chacun se sent-il écouté, utile, reconnu ? Le baromètre du "
                        "partenariat aide à en parler.",
                    ),
                ),
                heading("Des outils existants"),
                (
                    "paragraph",
                    ul(
                        "Les PREMs et PROMs, questionnaires sur l'expérience et les résultats vus par les patients.",
                        "La méthode du patient traceur, pour suivre un parcours réel avec la personne.",
                        "Le récit de patient, pour comprendre un événement indésirable.",
                    ),
                ),
                callout(
                    rt("Prévoir l'évaluation dès le départ : on ne mesure pas un changement sans point de départ.")
                ),
            ],
            "references": [],
        },
        {
            "slug": "demarrer-un-projet-en-partenariat",
            "title": "Démarrer un projet en partenariat",
            "category": "agir-en-partenariat",
            "domain": "soins",
            "scale": EngagementScale.MESO,
            "degree": EngagementDegree.PARTENARIAT,
            "audiences": [PRO, P],
            "tags": ["co-construction", "gestion de projet"],
            "summary": (
                "Partir d'un besoin réel, réunir une petite équipe avec un patient partenaire dès le "
                "début, et écrire le projet ensemble avant de le lancer."
            ),
            "body": [
                steps(
                    (
                        "Partir d'un besoin",
                        "Professionnels et patients de l'unité.",
                        "Un besoin partagé motive plus qu'une obligation.",
                        rt(
                            "S'appuyer sur les questions qui reviennent en consultation, sur les "
                            "questionnaires de satisfaction ou sur les réclamations."
                        ),
                    ),
                    (
                        "Constituer l'équipe",
                        "Le porteur du projet.",
                        "Le patient partenaire apporte le plus quand il est là dès le départ.",
                        rt(
                            "Trouver un patient partenaire ressource : réseaux associatifs, patients suivis, "
                            "personnes formées, annuaire du portail."
                        ),
                    ),
                    (
                        "Écrire le projet",
                        "Toute l'équipe projet.",
                        "Écrire ensemble oblige à se mettre d'accord sur les mots et sur les rôles.",
                        rt(
                            "Problème, objectifs, plan d'action, ressources, calendrier, et compétences "
                            "attendues de chacun."
                        ),
                    ),
                ),
                levers(
                    ["Un sujet qui rassemble vite.", "Un binôme de pilotage professionnel et patient."],
                    ["Vouloir tout changer d'un coup.", "Recruter le patient une fois le projet déjà écrit."],
                ),
            ],
            "references": [],
        },
    ]


def ensure_sheets(index):
    from core.models import Domain

    categories = ensure_categories()
    domains = {d.slug: d for d in Domain.objects.all()}
    pages = {}
    for data in sheet_definitions():
        page, _ = upsert_child(
            index,
            ToolSheetPage,
            data["slug"],
            title=data["title"],
            summary=data["summary"],
            category=categories[data["category"]],
            domain=domains.get(data["domain"]),
            engagement_scale=data["scale"],
            engagement_degree=data["degree"],
            last_reviewed=REVIEWED,
            body=data["body"],
            references=data["references"],
            falc_body=data.get("falc", []),
            falc_reviewed_by=data.get("falc_reviewed_by", ""),
            falc_reviewed_on=REVIEWED if data.get("falc") else None,
        )
        wanted_audiences = [str(a) for a in data["audiences"]]
        wanted_tags = sorted(data["tags"])
        if [a.audience for a in page.audiences.all()] != wanted_audiences or sorted(
            t.name for t in page.tags.all()
        ) != wanted_tags:
            # Sort orders set as the admin form would, so a first approval
            # from the edit page is not seen as a change.
            page.audiences = [ToolSheetAudience(audience=a, sort_order=i) for i, a in enumerate(wanted_audiences)]
            page.tags.set(wanted_tags, clear=True)
            page.save_revision().publish()
        pages[data["slug"]] = page
    # Editors' choices of related sheets.
    chosen = {
        "demarrer-un-projet-en-partenariat": [
            "engager-la-structure-en-quatre-etapes",
            "evaluer-un-projet-en-partenariat",
        ],
        "profils-des-patients-partenaires": ["le-patient-accompagnateur"],
    }
    for slug, related in chosen.items():
        page = ToolSheetPage.objects.get(pk=pages[slug].pk)
        if [link.sheet_id for link in page.related_sheet_links.all()] != [pages[s].pk for s in related]:
            page.related_sheet_links = [
                ToolSheetRelatedSheet(sheet=pages[s], sort_order=i) for i, s in enumerate(related)
            ]
            page.save_revision().publish()
    return pages


# --- the charter ----------------------------------------------------------------


def principle(title, anchor, text, everyone=(), patients=(), professionals=(), values=()):
    return (
        "principle",
        {
            "title": title,
            "anchor": anchor,
            "text": rt(text),
            "for_everyone": list(everyone),
            "for_patients": list(patients),
            "for_professionals": list(professionals),
            "values": list(values),
        },
    )


CHARTER_PRINCIPLES = [
    principle(
        "Définir ensemble le projet avant d'agir",
        "definir-le-projet",
        "Un partenariat commence par un accord écrit sur le but du projet, ce que chacun y apporte et la "
        "façon dont on travaillera ensemble.",
        everyone=[
            "Écrire les objectifs et le rôle de chacun avant la première action.",
            "Revoir cet accord quand le projet change.",
        ],
        values=["Clarté", "Co-responsabilité"],
    ),
    principle(
        "Reconnaître les savoirs de chacun",
        "reconnaitre-les-savoirs",
        "Les savoirs issus de la vie avec la maladie complètent les savoirs scientifiques et "
        "professionnels : aucun ne vaut plus que l'autre dans le projet.",
        everyone=[
            "Écouter chaque point de vue jusqu'au bout.",
            "Citer la contribution de chacun dans les productions.",
        ],
        patients=["Partager son expérience en prenant du recul sur son propre vécu."],
        professionals=["Expliquer les contraintes du soin sans jargon."],
        values=["Respect", "Équité"],
    ),
    principle(
        "Coopérer avec toutes les parties",
        "cooperer",
        "Le partenariat associe professionnels, patients, proches-aidants, associations et directions : "
        "chacun a sa place dans les décisions.",
        everyone=["Associer les associations et les représentants des usagers quand ils sont concernés."],
        professionals=["Intégrer le patient partenaire dans l'équipe et lui donner les moyens de sa mission."],
        values=["Confiance", "Co-construction"],
    ),
    principle(
        "Protéger les personnes et leurs informations",
        "confidentialite",
        "Ce que l'on apprend en travaillant ensemble reste confidentiel. Le secret médical s'impose à toutes et tous.",
        everyone=[
            "Ne publier aucune photo ni information sans accord écrit.",
            "Signaler tout conflit d'intérêts.",
        ],
        patients=["N'intervenir auprès d'autres patients que dans le cadre de sa mission et avec leur accord."],
        values=["Respect", "Intégrité"],
    ),
    principle(
        "Respecter le cadre de chaque rôle",
        "cadre-des-roles",
        "Patients partenaires et représentants des usagers n'interviennent pas au même titre : les uns "
        "suivent leur lettre de mission, les autres le mandat fixé par les textes.",
        patients=["Signer et respecter sa lettre de mission."],
        professionals=["Ne pas demander à un patient partenaire de parler au nom de tous les patients."],
        values=["Clarté"],
    ),
    principle(
        "Évaluer et faire connaître ce que l'on fait ensemble",
        "evaluer-et-valoriser",
        "Un partenariat vivant se mesure, se discute et se raconte, à l'intérieur comme à l'extérieur de la structure.",
        everyone=["Choisir ensemble les indicateurs.", "Présenter les résultats à deux voix."],
        values=["Transparence", "Co-responsabilité"],
    ),
]

CHARTER_VALUES = [
    ("value", {"name": "Respect", "text": "De la personne, de ses choix, de son rythme et de ses savoirs."}),
    ("value", {"name": "Équité", "text": "La parole de chacun pèse dans les décisions, quel que soit son statut."}),
    (
        "value",
        {"name": "Confiance", "text": "Elle se construit en tenant ses engagements et en disant les désaccords."},
    ),
    ("value", {"name": "Co-responsabilité", "text": "Les résultats du projet sont ceux de tout le groupe."}),
    ("value", {"name": "Clarté", "text": "Des rôles, des objectifs et des mots compris de toutes et tous."}),
    (
        "value",
        {
            "name": "Transparence",
            "text": "On dit ce que les avis des usagers ont changé, ou pourquoi ils n'ont rien changé.",
        },
    ),
    ("value", {"name": "Intégrité", "text": "Pas d'intérêt caché ; les conflits d'intérêts sont déclarés."}),
    ("value", {"name": "Co-construction", "text": "On comprend le problème et on cherche les solutions ensemble."}),
]


# --- the lexicon ----------------------------------------------------------------

# (term, variants, short definition, longer explanation)
TERMS = [
    (
        "Patient partenaire",
        ["patients partenaires", "usager partenaire", "patiente partenaire"],
        "Personne qui met ses savoirs issus de la vie avec la maladie au service de ses soins ou d'un projet collectif.",
        "Le patient partenaire est reconnu comme un membre de l'équipe à part entière. Son expérience complète "
        "les savoirs des professionnels ; la notion inclut le proche-aidant partenaire.",
    ),
    (
        "Patient ressource",
        ["patient partenaire ressource", "patients ressources"],
        "Patient partenaire qui intervient auprès d'une équipe ou d'une structure pour améliorer les soins ou leur organisation.",
        "Il peut co-construire des questionnaires, créer des guides ou accompagner des équipes qui lancent un projet.",
    ),
    (
        "Patient expert",
        ["patients experts"],
        "Appellation répandue, notamment dans le diabète, pour une personne formée qui partage son expérience de la maladie.",
        "Le terme est discuté : l'expertise du patient porte sur son vécu, pas sur la médecine. Beaucoup lui préfèrent « patient partenaire ».",
    ),
    (
        "Patient formateur",
        ["patients formateurs", "patient enseignant"],
        "Patient partenaire qui intervient dans la formation des professionnels de santé.",
        "Il co-conçoit et co-anime des enseignements en formation initiale ou continue, au même titre que les autres intervenants.",
    ),
    (
        "Patient chercheur",
        ["patient co-chercheur"],
        "Patient partenaire associé à la conception, à la conduite ou à l'analyse d'une recherche.",
        "Il aide à choisir des questions de recherche utiles aux patients et des critères de jugement qui ont du sens pour eux.",
    ),
    (
        "Patient accompagnateur",
        ["patients accompagnateurs"],
        "Patient qui aide d'autres patients à devenir partenaires de leurs soins et aide les équipes à travailler avec eux.",
        "Son rôle est défini par une mission écrite avec l'équipe de soins.",
    ),
    (
        "Proche-aidant",
        ["proche aidant", "aidant", "aidants", "proches-aidants"],
        "Personne de l'entourage qui aide au quotidien une personne malade, âgée ou en situation de handicap.",
        "Le proche-aidant a lui aussi des savoirs d'expérience ; il peut devenir partenaire au même titre qu'un patient.",
    ),
    (
        "Représentant des usagers",
        ["représentants des usagers", "RU"],
        "Membre d'une association agréée, mandaté pour défendre les droits des usagers dans les instances de santé.",
        "Il siège notamment à la commission des usagers et au conseil de surveillance des établissements.",
    ),
    (
        "Savoirs expérientiels",
        ["savoir expérientiel", "savoirs d'expérience", "savoirs issus de l'expérience"],
        "Connaissances tirées de la vie avec la maladie, du parcours de soins et de ses effets sur la vie quotidienne.",
        "Savoir expliquer sa maladie, adapter son traitement en voyage, concilier soins et travail : ces savoirs "
        "complètent ceux des professionnels.",
    ),
    (
        "Éducation thérapeutique du patient",
        ["ETP", "éducation thérapeutique"],
        "Programmes qui aident les personnes à acquérir les compétences utiles pour vivre au mieux avec une maladie chronique.",
        "Des patients partenaires peuvent co-concevoir, co-animer et co-évaluer ces programmes.",
    ),
    (
        "Co-construction",
        ["coconstruction", "co-construire", "co-construit"],
        "Élaboration commune, par patients et professionnels, de la compréhension d'un problème et des solutions.",
        "C'est l'une des trois marques du partenariat, avec le co-leadership et la co-responsabilité.",
    ),
    (
        "Co-leadership",
        ["coleadership", "co-pilotage", "copilotage"],
        "Conduite partagée d'une action par un professionnel et un patient ou proche-aidant partenaire.",
        "Le binôme de pilotage porte ensemble les décisions et la communication du projet.",
    ),
    (
        "Co-responsabilité",
        ["coresponsabilité"],
        "Responsabilité partagée des résultats d'une action menée ensemble.",
        "Les succès comme les échecs du projet appartiennent à tout le groupe.",
    ),
    (
        "Décision partagée",
        ["décision médicale partagée", "décisions partagées"],
        "Décision de soin prise ensemble par le patient et le professionnel, à partir des données et des préférences du patient.",
        "Elle suppose une information loyale sur les options possibles, y compris celle de ne rien faire.",
    ),
    (
        "Continuum de l'engagement",
        ["continuum d'engagement"],
        "Représentation de l'engagement des patients en degrés, de l'information au partenariat, et en niveaux, du micro au macro.",
        "Issue du modèle de Montréal, elle aide une équipe à situer ses pratiques et à choisir la prochaine étape.",
    ),
    (
        "Partenariat patient",
        ["partenariat en santé", "partenariat de soin", "partenariat patient-professionnel"],
        "Relation de travail entre patients et professionnels fondée sur la complémentarité de leurs savoirs.",
        "Elle se caractérise par la co-construction, le co-leadership et la co-responsabilité des actions communes.",
    ),
    (
        "Engagement des usagers",
        ["engagement patient", "engagement des patients"],
        "Participation des patients, des proches et de leurs représentants aux soins, à l'organisation et aux politiques de santé.",
        "La HAS l'a recommandé en 2020 pour les secteurs sanitaire, social et médico-social.",
    ),
    (
        "Expérience patient",
        ["expérience du patient", "expérience usager"],
        "Ensemble de ce que vit une personne au fil de son parcours de soins, tel qu'elle le perçoit.",
        "Elle se recueille par des questionnaires, des entretiens ou la méthode du patient traceur.",
    ),
    (
        "PREMs",
        ["PREM"],
        "Questionnaires qui mesurent l'expérience des soins vécue par les patients.",
        "Patient-Reported Experience Measures : accueil, information, délais, coordination, vus par le patient.",
    ),
    (
        "PROMs",
        ["PROM"],
        "Questionnaires qui mesurent les résultats des soins du point de vue des patients.",
        "Patient-Reported Outcome Measures : douleur, autonomie, qualité de vie, rapportées par le patient lui-même.",
    ),
    (
        "Patient traceur",
        ["méthode du patient traceur", "patients traceurs"],
        "Méthode d'évaluation qui suit le parcours réel d'un patient, avec lui et avec l'équipe qui l'a soigné.",
        "Utilisée pour la certification des établissements, elle peut aussi se pratiquer hors visite.",
    ),
    (
        "Commission des usagers",
        ["CDU"],
        "Instance de chaque établissement de santé qui veille au respect des droits des usagers et à la qualité de l'accueil.",
        "Les représentants des usagers y examinent les plaintes et réclamations et font des propositions.",
    ),
    (
        "Communauté professionnelle territoriale de santé",
        ["CPTS"],
        "Regroupement de professionnels d'un territoire autour d'un projet de santé pour la population.",
        "Une association d'usagers peut y adhérer, signer une convention ou participer à un groupe de travail.",
    ),
    (
        "Dispositif d'appui à la coordination",
        ["DAC"],
        "Service qui aide les professionnels à organiser les parcours de santé complexes sur un territoire.",
        "Sa gouvernance doit représenter les acteurs sanitaires, sociaux et médico-sociaux, ainsi que les usagers.",
    ),
    (
        "Groupement hospitalier de territoire",
        ["GHT"],
        "Regroupement d'hôpitaux publics d'un territoire autour d'un projet médical partagé.",
        "Un projet de partenariat peut être porté à l'échelle du groupement pour mutualiser les ressources.",
    ),
    (
        "Facile à lire et à comprendre",
        ["FALC"],
        "Méthode d'écriture simple, relue par les personnes à qui le texte s'adresse.",
        "Phrases courtes, mots courants, une idée par phrase : les textes FALC sont vérifiés par leurs lecteurs.",
    ),
    (
        "Médiateur de santé pair",
        ["médiateurs de santé pairs", "médiateur santé pair"],
        "Professionnel formé qui s'appuie sur sa propre expérience de la maladie, souvent psychique, pour accompagner d'autres personnes.",
        "Il est salarié d'une équipe de soins et intervient aux côtés des autres professionnels.",
    ),
    (
        "Pair-aidance",
        ["pair aidance", "pair-aidant", "pair-aidants", "pairs-aidants"],
        "Soutien apporté par une personne qui a vécu une situation proche de celle de la personne aidée.",
        "Elle peut être bénévole ou professionnelle, informelle ou intégrée à une équipe.",
    ),
    (
        "Démocratie en santé",
        ["démocratie sanitaire"],
        "Participation des citoyens et des usagers à l'élaboration et à la conduite des politiques de santé.",
        "Elle s'exerce dans les instances (CRSA, conseils territoriaux) et dans les établissements.",
    ),
    (
        "Personne accompagnée partenaire",
        ["personnes accompagnées partenaires"],
        "Terme préféré dans le social et le médico-social pour désigner un usager partenaire.",
        "Il reconnaît que la personne n'est pas seulement « patiente » mais accompagnée dans son projet de vie.",
    ),
    (
        "Comité de pilotage",
        ["COPIL"],
        "Groupe qui conduit un projet, suit son avancement et prend les décisions importantes.",
        "Dans un projet en partenariat, il associe professionnels, directions et usagers partenaires.",
    ),
    (
        "Plan personnalisé de santé",
        ["PPS", "projet personnalisé de soins"],
        "Document qui planifie, avec la personne, les soins et les aides dont elle a besoin.",
        "Il est construit autour de ses besoins et de son projet de vie.",
    ),
    (
        "Lettre de mission",
        ["lettres de mission"],
        "Document qui précise le rôle, la durée et les conditions d'intervention d'un patient partenaire.",
        "Elle protège la personne comme la structure, et rappelle les règles de confidentialité.",
    ),
    (
        "Certification",
        ["certification des établissements"],
        "Évaluation périodique des établissements de santé par la HAS.",
        "Depuis 2020, elle regarde de près l'engagement des patients dans leurs soins et dans la vie de l'établissement.",
    ),
    (
        "Binôme",
        ["binômes"],
        "Duo formé d'un professionnel et d'un patient ou proche-aidant partenaire qui mènent ensemble une action.",
        "Le binôme incarne le partenariat : chacun apporte ses savoirs et porte les décisions.",
    ),
    (
        "Modèle de Montréal",
        ["Montreal model"],
        "Modèle du partenariat patient développé à l'Université de Montréal, qui place le patient dans l'équipe de soins.",
        "Il décrit le passage du soin « vers » le patient au soin « avec » le patient.",
    ),
]

RELATED = {
    "patient-partenaire": ["patient-ressource", "patient-formateur", "patient-chercheur", "savoirs-experientiels"],
    "pair-aidance": ["mediateur-de-sante-pair", "patient-accompagnateur"],
    "prems": ["proms", "experience-patient"],
    "proms": ["prems"],
    "communaute-professionnelle-territoriale-de-sante": [
        "dispositif-dappui-a-la-coordination",
        "representant-des-usagers",
    ],
    "co-construction": ["co-leadership", "co-responsabilite"],
}
SEE_ALSO = {
    "patient-partenaire": ["profils-des-patients-partenaires"],
    "patient-accompagnateur": ["le-patient-accompagnateur"],
    "representant-des-usagers": ["representants-des-usagers-en-cpts-et-dac"],
    "prems": ["evaluer-un-projet-en-partenariat"],
    "decision-partagee": ["se-situer-dans-la-relation-de-soin"],
}


def ensure_terms(sheets):
    from django.utils.text import slugify

    terms = {}
    for name, variants, short, long in TERMS:
        slug = slugify(name)
        fields = {
            "term": name,
            "variants": "\n".join(variants),
            "short_definition": short,
            "definition": rt(long),
        }
        term = GlossaryTerm.objects.filter(slug=slug).first()
        if term is None:
            term = GlossaryTerm(slug=slug, live=False, **fields)
            term.save()
            term.save_revision().publish()
        elif any(getattr(term, k) != v for k, v in fields.items()) or not term.live:
            for k, v in fields.items():
                setattr(term, k, v)
            term.save_revision().publish()
        terms[slug] = term
    for slug in set(RELATED) | set(SEE_ALSO):
        term = GlossaryTerm.objects.get(pk=terms[slug].pk)
        related = [terms[s] for s in RELATED.get(slug, [])]
        see_also = [ToolSheetPage.objects.get(pk=sheets[s].pk) for s in SEE_ALSO.get(slug, [])]
        if sorted(t.pk for t in term.related_terms.all()) != sorted(t.pk for t in related) or sorted(
            s.pk for s in term.see_also.all()
        ) != sorted(s.pk for s in see_also):
            term.related_terms = related
            term.see_also = see_also
            term.save_revision().publish()
    return terms


# --- competency frameworks ------------------------------------------------------

COMPETENCIES = [
    ("Communiquer avec bienveillance, respect, écoute et équité", "communiquer"),
    ("Reconnaître les compétences mutuelles dans une équipe", "reconnaitre-les-competences"),
    ("Développer l'ouverture d'esprit", "ouverture-d-esprit"),
    ("Promouvoir la décision partagée", "decision-partagee"),
    ("Identifier et mutualiser les savoirs de chacun", "mutualiser-les-savoirs"),
    ("Prendre du recul sur son vécu et le mettre en perspective", "prendre-du-recul"),
    ("Intégrer un patient partenaire dans l'équipe", "integrer-un-patient-partenaire"),
    ("Transformer son expérience en savoir utile aux autres", "transformer-son-experience"),
]


def ensure_competencies():
    result = {}
    for order, (name, slug) in enumerate(COMPETENCIES):
        competency, _ = Competency.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})
        result[slug] = competency
    return result


def item(competencies, slug, description, *indicators):
    return {"competency": competencies[slug], "description": description, "indicators": list(indicators)}


def framework_domains(c, profile):
    if profile == "patient":
        return [
            (
                "domain",
                {
                    "title": "Entrer en relation",
                    "description": "Ce qui permet au patient partenaire de trouver sa place dans un groupe.",
                    "competencies": [
                        item(
                            c,
                            "communiquer",
                            "Exprimer son point de vue sans l'imposer, laisser la place aux autres.",
                            "Reformule la parole d'un autre membre avant d'y répondre.",
                            "Exprime un désaccord en proposant une autre piste.",
                        ),
                        item(
                            c,
                            "reconnaitre-les-competences",
                            "Voir ce que chaque professionnel apporte au projet.",
                            "Sollicite l'avis d'un professionnel sur un point technique.",
                            "Nomme la contribution des autres dans les restitutions.",
                        ),
                        item(
                            c,
                            "ouverture-d-esprit",
                            "Accueillir des expériences différentes de la sienne.",
                            "Cherche à connaître le vécu d'autres patients avant de conclure.",
                        ),
                    ],
                },
            ),
            (
                "domain",
                {
                    "title": "Mettre ses savoirs au service du projet",
                    "description": "",
                    "competencies": [
                        item(
                            c,
                            "prendre-du-recul",
                            "Distinguer son histoire personnelle de ce qui peut servir à d'autres.",
                            "Parle de son vécu comme d'un exemple parmi d'autres.",
                            "Repère quand son émotion l'empêche d'écouter.",
                        ),
                        item(
                            c,
                            "transformer-son-experience",
                            "Tirer de son parcours des repères utilisables par une équipe.",
                            "Propose une modification concrète d'un document ou d'une organisation.",
                        ),
                        item(
                            c,
                            "mutualiser-les-savoirs",
                            "Relier ses savoirs d'expérience à ceux des autres membres.",
                            "Met en regard son expérience et les données présentées par l'équipe.",
                        ),
                        item(
                            c,
                            "decision-partagee",
                            "Aider les autres patients à prendre part aux décisions qui les concernent.",
                            "Explique à un autre patient les questions qu'il peut poser à son médecin.",
                        ),
                    ],
                },
            ),
        ]
    return [
        (
            "domain",
            {
                "title": "Travailler avec les patients partenaires",
                "description": "Ce que le professionnel met en place pour qu'un partenariat fonctionne.",
                "competencies": [
                    item(
                        c,
                        "communiquer",
                        "Parler sans jargon et faire place à la parole des usagers en réunion.",
                        "Explique les sigles et termes techniques.",
                        "Donne la parole aux usagers avant de conclure un point.",
                    ),
                    item(
                        c,
                        "reconnaitre-les-competences",
                        "Considérer le patient partenaire comme un membre de l'équipe.",
                        "Invite le patient partenaire à toutes les réunions du projet.",
                        "Cite sa contribution dans les présentations.",
                    ),
                    item(
                        c,
                        "integrer-un-patient-partenaire",
                        "Préparer l'arrivée du patient partenaire et lui donner les moyens d'agir.",
                        "Organise un accueil et fournit les documents du projet.",
                        "Prévoit la prise en charge de ses frais.",
                    ),
                    item(
                        c,
                        "ouverture-d-esprit",
                        "Accepter d'être questionné sur ses pratiques.",
                        "Accueille une critique d'usager sans se justifier d'emblée.",
                    ),
                ],
            },
        ),
        (
            "domain",
            {
                "title": "Décider et apprendre ensemble",
                "description": "",
                "competencies": [
                    item(
                        c,
                        "decision-partagee",
                        "Présenter les options de soin et décider avec la personne.",
                        "Présente au moins deux options et leurs conséquences.",
                        "Vérifie ce que la personne a retenu et ce qu'elle préfère.",
                    ),
                    item(
                        c,
                        "mutualiser-les-savoirs",
                        "Croiser données scientifiques et savoirs d'expérience.",
                        "Intègre un retour d'usager dans un protocole ou un support.",
                    ),
                    item(
                        c,
                        "prendre-du-recul",
                        "Interroger sa propre pratique à la lumière de l'expérience des patients.",
                        "Participe à une analyse de pratique avec des usagers.",
                    ),
                ],
            },
        ),
    ]


def ensure_frameworks(index):
    competencies = ensure_competencies()
    frameworks_index, _ = upsert_child(
        index,
        CompetencyFrameworkIndexPage,
        "referentiels",
        title="Référentiels de compétences",
        intro=(
            "Ce que patients partenaires et professionnels ont besoin de savoir faire pour travailler "
            "ensemble : des compétences communes, vues de chaque côté."
        ),
        search_description="Les compétences du partenariat, pour les patients partenaires et les professionnels.",
    )
    upsert_child(
        frameworks_index,
        CompetencyFrameworkPage,
        "patient-partenaire",
        title="Référentiel du patient partenaire",
        profile="Patient partenaire",
        intro="Les compétences qu'un patient ou proche-aidant partenaire mobilise dans un projet collectif.",
        domains=framework_domains(competencies, "patient"),
    )
    upsert_child(
        frameworks_index,
        CompetencyFrameworkPage,
        "professionnel-de-sante",
        title="Référentiel du professionnel de santé en partenariat",
        profile="Professionnel de santé",
        intro="Les compétences qu'un professionnel mobilise pour soigner et travailler avec des patients partenaires.",
        domains=framework_domains(competencies, "pro"),
    )
    return frameworks_index


# --- entry point ----------------------------------------------------------------


def load(command=None):
    from core.demo import ensure_domains
    from home.demo import ensure_pillars

    ensure_domains()
    home = get_home()
    index, _ = upsert_child(
        home,
        ToolSheetIndexPage,
        "fiches-outils",
        title="Fiches outils",
        show_in_menus=True,
        intro=(
            "Des fiches pratiques pour comprendre le partenariat en santé, s'y engager et l'évaluer, "
            "à imprimer et à utiliser en réunion d'équipe. Filtrez-les par public, niveau d'engagement "
            "ou domaine."
        ),
        search_description="Fiches pratiques, charte, lexique et référentiels du partenariat en santé.",
    )
    # The placeholder page the home pillar pointed at has just been replaced.
    ensure_pillars(get_home())
    sheets = ensure_sheets(index)
    upsert_child(
        index,
        CharterPage,
        "charte-du-partenariat",
        title="Charte du partenariat",
        intro=(
            "Patients, proches-aidants et professionnels qui s'engagent ensemble dans un projet partagent "
            "ces principes. Chacun peut y renvoyer : chaque principe a son lien direct."
        ),
        search_description="Les principes et les engagements communs aux patients partenaires et aux professionnels.",
        principles=CHARTER_PRINCIPLES,
        values=CHARTER_VALUES,
    )
    upsert_child(
        index,
        LexiconPage,
        "lexique",
        title="Lexique : des mots pour se comprendre",
        intro=(
            "Les mots du partenariat en santé, expliqués simplement. Dans les fiches, ces mots renvoient "
            "ici la première fois qu'ils apparaissent."
        ),
        search_description="Les mots du partenariat en santé, de « binôme » à « savoirs expérientiels ».",
    )
    ensure_terms(sheets)
    ensure_frameworks(index)
    if command is not None:
        command.stdout.write(f"Fiches outils : {len(sheets)} fiches, {len(TERMS)} termes du lexique.")
