"""Factories of the interactive tools: the barometer page, its dimensions and
criteria, team sessions and answers, and the engagement matrix."""

import factory

from core.factories import PageFactory, first_or_create
from core.vocabulary import EngagementDegree, EngagementScale
from resources.factories import ToolSheetIndexPageFactory
from resources.models import ToolSheetIndexPage
from tools.models import (
    BarometerAnswer,
    BarometerCriterion,
    BarometerDimension,
    BarometerSession,
    EngagementMatrixPage,
    SelfAssessmentPage,
)


class SelfAssessmentPageFactory(PageFactory):
    parent = first_or_create(ToolSheetIndexPage, ToolSheetIndexPageFactory)
    title = "Baromètre du partenariat"
    slug = "barometre"

    class Meta:
        model = SelfAssessmentPage


class BarometerDimensionFactory(factory.django.DjangoModelFactory):
    """A dimension; `criteria=["texte", …]` creates its criteria in order."""

    name = factory.Sequence(lambda n: f"Dimension {n}")
    sort_order = factory.Sequence(int)

    class Meta:
        model = BarometerDimension
        skip_postgeneration_save = True

    @factory.post_generation
    def criteria(dimension, create, extracted, **kwargs):
        if create:
            for order, text in enumerate(extracted or []):
                BarometerCriterionFactory(dimension=dimension, text=text, sort_order=order)


class BarometerCriterionFactory(factory.django.DjangoModelFactory):
    dimension = factory.SubFactory(BarometerDimensionFactory)
    text = factory.Sequence(lambda n: f"Critère {n}")
    sort_order = factory.Sequence(int)

    class Meta:
        model = BarometerCriterion


class BarometerSessionFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Équipe {n}")

    class Meta:
        model = BarometerSession


class BarometerAnswerFactory(factory.django.DjangoModelFactory):
    """A validated answer; `scores` maps criterion pks (as strings) to 0..4."""

    session = factory.SubFactory(BarometerSessionFactory)
    role = "patient"
    completed = True

    class Meta:
        model = BarometerAnswer


def matrix_cells(template="Texte {scale} {degree}"):
    """The twelve cells of the matrix, {field name: text}."""
    return {
        f"{scale}_{degree}": template.format(scale=scale, degree=degree)
        for scale in EngagementScale.values
        for degree in EngagementDegree.values
    }


class EngagementMatrixPageFactory(PageFactory):
    parent = first_or_create(ToolSheetIndexPage, ToolSheetIndexPageFactory)
    title = "Matrice de l'engagement"
    slug = "matrice-engagement"

    class Meta:
        model = EngagementMatrixPage

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        return {**matrix_cells(), **kwargs}


# Four dimensions of the partnership relation, two criteria each.
DIMENSIONS = {
    "Co-expression": ["Chacun peut donner son avis.", "Les informations circulent entre tous."],
    "Co-construction": ["Les savoirs de chacun servent au projet.", "Les pistes sont explorées ensemble."],
    "Co-décision": ["Les objectifs sont arrêtés d'un commun accord.", "Le plan d'action est adopté par le groupe."],
    "Co-mise en œuvre": ["Les actions sont menées en binôme.", "Les résultats sont présentés ensemble."],
}


def dimensions(spec=DIMENSIONS):
    """The barometer's dimensions and criteria, {name: [criterion text, …]}."""
    return [BarometerDimensionFactory(name=name, criteria=texts) for name, texts in spec.items()]


def two_round_session(criteria, label="Équipe parcours diabète (exemple)"):
    """A team session answered by a professional and a patient at T0, then
    again at T1 (every criterion rated)."""
    session = BarometerSessionFactory(label=label, current_round=1)
    for round_, role, value in [(0, "professionnel", 3), (0, "patient", 1), (1, "professionnel", 4), (1, "patient", 3)]:
        BarometerAnswerFactory(session=session, round=round_, role=role, scores={str(c.pk): value for c in criteria})
    return session
