"""Demo content for the interactive tools: the barometer's four dimensions
and their criteria, the two tool pages, a team session answered at T0 and T1,
and the twelve cells of the engagement matrix.

The criteria rephrase, in our own words, those of the working group's
self-assessment brochure; the co-mise en œuvre criteria are ours, written in
the same spirit. People are fictional: answers carry only a role.
"""

from wagtail.models import Page

from core.demo_utils import get_home, upsert_child

from .models import (
    BarometerAnswer,
    BarometerCriterion,
    BarometerDimension,
    BarometerSession,
    EngagementMatrixPage,
    Role,
    SelfAssessmentPage,
)

DIMENSIONS = [
    (
        "Co-expression",
        "S'exprimer et s'écouter : chacun peut dire ce qu'il pense et sait que sa parole compte.",
        [
            ("Chacun est invité à donner son avis, et les avis exprimés pèsent réellement dans le travail.", ""),
            (
                "Les informations circulent entre tous, dans des mots que chacun comprend.",
                "Sigles expliqués, documents envoyés à temps.",
            ),
            ("La répartition des rôles et des responsabilités est claire et connue de tous.", ""),
            (
                "L'animation et le pilotage du groupe sont partagés entre professionnels et usagers.",
                "Par exemple un co-pilotage soignant–patient.",
            ),
            ("Le projet est évalué ensemble, à chacune de ses étapes.", ""),
        ],
    ),
    (
        "Co-construction",
        "Concevoir ensemble : les savoirs de chacun, y compris l'expérience de la maladie, servent à bâtir le projet.",
        [
            (
                "Les savoirs et compétences propres à chaque participant sont mis à profit.",
                "Savoirs professionnels, savoirs d'expérience, savoirs associatifs.",
            ),
            ("Les pistes possibles sont explorées ensemble avant d'en retenir une.", ""),
            ("Objectifs prioritaires, plan d'action et indicateurs de suivi sont rédigés à plusieurs mains.", ""),
        ],
    ),
    (
        "Co-décision",
        "Décider ensemble : les choix ne sont pas faits ailleurs puis simplement annoncés au groupe.",
        [
            ("Les objectifs du projet sont arrêtés d'un commun accord.", ""),
            ("Le plan d'action est adopté par le groupe, pas seulement présenté pour information.", ""),
            ("Les décisions prises ensemble sont soutenues auprès de la direction et des instances.", ""),
            ("Chacun peut demander que le groupe revienne sur une décision.", ""),
        ],
    ),
    (
        "Co-mise en œuvre",
        "Agir ensemble : les actions décidées sont menées, suivies et valorisées à plusieurs.",
        [
            ("Les actions sont conduites en binôme ou en équipe mixte, professionnels et usagers.", ""),
            (
                "Chacun dispose des moyens d'agir : temps dégagé, défraiement, accès aux locaux et aux documents.",
                "",
            ),
            ("Les difficultés rencontrées en route sont analysées et corrigées ensemble.", ""),
            ("Les résultats sont présentés et mis en valeur au nom de tout le groupe.", ""),
        ],
    ),
]

# Demo session: a fixed, public code (it is an example; real sessions get
# random ones). The management code stays random.
DEMO_SESSION_TOKEN = "exemple-equipe-parcours-diabete-demonstration"  # noqa: S105 (public example, not a secret)
DEMO_SESSION_LABEL = "Équipe projet « parcours diabète » (exemple)"

# (token suffix, round, role, values: one digit per criterion, dimensions separated by spaces)
DEMO_ANSWERS = [
    ("t0-pro-1", 0, Role.PROFESSIONNEL, "43343 332 3221 2121"),
    ("t0-pro-2", 0, Role.PROFESSIONNEL, "33232 322 2221 1121"),
    ("t0-patient-1", 0, Role.PATIENT, "21121 201 1110 1011"),
    ("t0-ru-1", 0, Role.RU, "22132 211 1100 1001"),
    ("t1-pro-1", 1, Role.PROFESSIONNEL, "44343 433 3332 3232"),
    ("t1-patient-1", 1, Role.PATIENT, "33332 323 2322 2122"),
    ("t1-ru-1", 1, Role.RU, "33243 322 2221 2112"),
]
DEMO_COMMENTS = {
    "t0-patient-1": {
        0: "Les comptes rendus arrivent souvent la veille des réunions : difficile de s'y préparer.",
        2: "Le calendrier a été fixé avant notre arrivée dans le groupe.",
    },
    "t0-pro-1": {3: "Les patients partenaires ne sont pas encore défrayés pour leurs déplacements."},
    "t1-patient-1": {0: "Nette amélioration : les documents sont envoyés une semaine avant."},
}

MATRIX = {
    "micro_information": "La personne soignée reçoit des explications sur son diagnostic, ses examens et ses traitements.",
    "micro_consultation": "Les soignants recueillent son ressenti et son avis pour éclairer la décision qu'ils prennent.",
    "micro_collaboration": "La décision de soin est prise à deux, à partir des préférences de la personne.",
    "micro_partenariat": (
        "La personne fait partie de l'équipe : les choix se font collectivement, au service de son projet de vie."
    ),
    "meso_information": "Les représentants des usagers sont tenus au courant des décisions déjà prises.",
    "meso_consultation": "Des usagers sont invités dans des groupes de travail pour y faire entendre les besoins des patients.",
    "meso_collaboration": "Des groupes de travail sont montés pour que les usagers y formulent leurs besoins et y pèsent.",
    "meso_partenariat": (
        "Services et programmes sont conçus avec les usagers, qui prennent part ensuite à leur amélioration continue."
    ),
    "macro_information": "Un service national d'information est à la disposition des usagers.",
    "macro_consultation": "Les pouvoirs publics consultent la population pour connaître ses besoins.",
    "macro_collaboration": "Les institutions sollicitent des collectifs d'usagers et s'appuient sur leurs recommandations.",
    "macro_partenariat": "Les politiques de santé sont conçues puis déployées avec les citoyens.",
}


def rt(*paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def ensure_dimensions():
    dimensions = []
    for position, (name, description, criteria) in enumerate(DIMENSIONS):
        dimension = BarometerDimension.objects.filter(name=name).first()
        if dimension is None:
            dimension = BarometerDimension(name=name)
        if (dimension.description, dimension.sort_order) != (description, position) or dimension.pk is None:
            dimension.description = description
            dimension.sort_order = position
            dimension.save()
        for index, (text, help_text) in enumerate(criteria):
            criterion = BarometerCriterion.objects.filter(dimension=dimension, text=text).first()
            if criterion is None:
                BarometerCriterion.objects.create(dimension=dimension, text=text, help_text=help_text, sort_order=index)
            elif (criterion.help_text, criterion.sort_order) != (help_text, index):
                criterion.help_text = help_text
                criterion.sort_order = index
                criterion.save()
        dimensions.append(dimension)
    return dimensions


def ensure_session(dimensions):
    session = BarometerSession.objects.filter(token=DEMO_SESSION_TOKEN).first()
    if session is None:
        session = BarometerSession.objects.create(token=DEMO_SESSION_TOKEN, label=DEMO_SESSION_LABEL, current_round=1)
    for suffix, round_number, role, digits in DEMO_ANSWERS:
        token = f"{DEMO_SESSION_TOKEN}-{suffix}"
        if BarometerAnswer.objects.filter(token=token).exists():
            continue
        scores = {}
        for dimension, values in zip(dimensions, digits.split(), strict=False):
            criteria = dimension.criteria.order_by("sort_order")
            for criterion, value in zip(criteria, values, strict=False):
                scores[str(criterion.pk)] = int(value)
        comments = {str(dimensions[i].pk): text for i, text in DEMO_COMMENTS.get(suffix, {}).items()}
        BarometerAnswer.objects.create(
            token=token,
            session=session,
            round=round_number,
            role=role,
            scores=scores,
            comments=comments,
            completed=True,
        )
    return session


def find_tools_index():
    return Page.objects.filter(depth=3, url_path__endswith="/fiches-outils/").first()


def load(command):
    dimensions = ensure_dimensions()
    session = ensure_session(dimensions)
    parent = find_tools_index()
    if parent is None:
        command.stdout.write("  (tools.demo : pas de page /fiches-outils/, pages des outils non créées)")
        return
    barometer_path = f"{parent.url_path}barometre/"
    # The URL from the tree itself (not from the cached site root paths).
    home = get_home()
    parent_url = "/" + parent.url_path[len(home.url_path) :] if home else parent.url_path
    example = f"{parent_url}barometre/session/{session.token}/"
    upsert_child(
        parent,
        SelfAssessmentPage,
        "barometre",
        title="Baromètre du partenariat",
        intro=(
            "Où en est le partenariat dans votre projet ? Chaque membre de l'équipe situe la relation sur "
            "quatre dimensions, seul ou dans une session commune, puis vous comparez vos regards."
        ),
        search_description=(
            "Auto-évaluation de la relation partenariale en santé, seul ou en équipe : "
            "co-expression, co-construction, co-décision, co-mise en œuvre."
        ),
        body=[
            ("heading", {"text": "Comment s'en servir", "level": "h2"}),
            (
                "paragraph",
                rt(
                    "Chaque critère se note de 0, quand l'action n'est pas du tout menée avec les autres membres "
                    "du groupe, à 4, quand elle l'est pleinement. Professionnels, patients, proches-aidants et "
                    "représentants des usagers répondent chacun de leur côté, depuis leur propre place.",
                    "Le résultat montre un score par dimension sur un radar, et les critères les moins bien notés. "
                    "En session, les radars de chaque rôle se superposent : là où ils s'écartent, il y a matière "
                    "à discussion. Quelques mois plus tard, un nouveau temps (T1, T2…) montre le chemin parcouru.",
                    f"Pour voir à quoi ressemble une session, ouvrez <a href=\"{example}\">l'exemple de l'équipe "
                    "« parcours diabète »</a>, remplie à deux temps.",
                ),
            ),
        ],
    )
    upsert_child(
        parent,
        EngagementMatrixPage,
        "matrice-engagement",
        title="Matrice de l'engagement des patients",
        intro=(
            "De l'information au partenariat, l'engagement des patients prend des formes différentes selon "
            "qu'il s'agit de ses propres soins, de l'organisation des services ou des politiques de santé. "
            "Chaque case renvoie aux fiches outils et aux projets qui s'y rattachent."
        ),
        search_description="Les quatre degrés d'engagement des patients aux niveaux micro, méso et macro.",
        **MATRIX,
    )
    command.stdout.write(f"    baromètre : {barometer_path}, session d'exemple : {example}")
