"""Blocks of a project page: the shared library plus objectives, team, steps
and evaluation indicators."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import BaseStreamBlock


class ObjectivesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120, default="Objectifs")
    items = blocks.ListBlock(blocks.CharBlock(label=_("Objectif"), max_length=250), label=_("Objectifs"))

    class Meta:
        icon = "tick"
        label = _("Objectifs")
        template = "projects/blocks/objectives.html"


class TeamMemberBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Qui"),
        choices=[
            ("professionnel", _("Professionnel")),
            ("patient", _("Patient partenaire")),
            ("proche", "Proche-aidant"),
            ("representant", _("Représentant des usagers")),
            ("autre", _("Autre")),
        ],
        default="professionnel",
    )
    role = blocks.CharBlock(
        label=_("Rôle dans le projet"),
        max_length=160,
        help_text=_(
            "Par exemple : infirmière de coordination, patiente partenaire co-pilote. Aucun nom n'est nécessaire."
        ),
    )
    count = blocks.IntegerBlock(label=_("Nombre de personnes"), required=False, min_value=1)


class TeamBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120, default="L'équipe projet")
    members = blocks.ListBlock(TeamMemberBlock(label=_("Membre")), label=_("Membres"))

    class Meta:
        icon = "group"
        label = _("Équipe projet")
        template = "projects/blocks/team.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Étape"), max_length=160)
    period = blocks.CharBlock(label=_("Période"), max_length=60, required=False)
    text = blocks.TextBlock(label=_("Description"), required=False, max_length=600)


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120, default="Les étapes")
    steps = blocks.ListBlock(StepBlock(label=_("Étape")), label=_("Étapes"))

    class Meta:
        icon = "list-ol"
        label = _("Étapes")
        template = "projects/blocks/steps.html"


class IndicatorBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Indicateur"), max_length=200)
    value = blocks.CharBlock(label=_("Valeur"), max_length=30)
    unit = blocks.CharBlock(label=_("Unité"), max_length=40, required=False)


class IndicatorsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120, default="Résultats et indicateurs d'évaluation")
    indicators = blocks.ListBlock(IndicatorBlock(label=_("Indicateur")), label=_("Indicateurs"))
    note = blocks.CharBlock(label=_("Note ou source"), max_length=250, required=False)

    class Meta:
        icon = "table"
        label = _("Résultats et indicateurs")
        template = "projects/blocks/indicators.html"


class ProjectStreamBlock(BaseStreamBlock):
    objectives = ObjectivesBlock()
    team = TeamBlock()
    steps = StepsBlock()
    indicators = IndicatorsBlock()
