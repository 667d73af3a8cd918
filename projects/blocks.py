"""Blocks of a project page: the shared library plus objectives, team, steps
and evaluation indicators."""

from wagtail import blocks

from core.blocks import BaseStreamBlock


class ObjectivesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=120, default="Objectifs")
    items = blocks.ListBlock(blocks.CharBlock(label="Objectif", max_length=250), label="Objectifs")

    class Meta:
        icon = "tick"
        label = "Objectifs"
        template = "projects/blocks/objectives.html"


class TeamMemberBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label="Qui",
        choices=[
            ("professionnel", "Professionnel"),
            ("patient", "Patient partenaire"),
            ("proche", "Proche-aidant"),
            ("representant", "Représentant des usagers"),
            ("autre", "Autre"),
        ],
        default="professionnel",
    )
    role = blocks.CharBlock(
        label="Rôle dans le projet",
        max_length=160,
        help_text="Par exemple : infirmière de coordination, patiente partenaire co-pilote. Aucun nom n'est nécessaire.",
    )
    count = blocks.IntegerBlock(label="Nombre de personnes", required=False, min_value=1)


class TeamBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=120, default="L'équipe projet")
    members = blocks.ListBlock(TeamMemberBlock(label="Membre"), label="Membres")

    class Meta:
        icon = "group"
        label = "Équipe projet"
        template = "projects/blocks/team.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Étape", max_length=160)
    period = blocks.CharBlock(label="Période", max_length=60, required=False)
    text = blocks.TextBlock(label="Description", required=False, max_length=600)


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=120, default="Les étapes")
    steps = blocks.ListBlock(StepBlock(label="Étape"), label="Étapes")

    class Meta:
        icon = "list-ol"
        label = "Étapes"
        template = "projects/blocks/steps.html"


class IndicatorBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="Indicateur", max_length=200)
    value = blocks.CharBlock(label="Valeur", max_length=30)
    unit = blocks.CharBlock(label="Unité", max_length=40, required=False)


class IndicatorsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=120, default="Résultats et indicateurs d'évaluation")
    indicators = blocks.ListBlock(IndicatorBlock(label="Indicateur"), label="Indicateurs")
    note = blocks.CharBlock(label="Note ou source", max_length=250, required=False)

    class Meta:
        icon = "table"
        label = "Résultats et indicateurs"
        template = "projects/blocks/indicators.html"


class ProjectStreamBlock(BaseStreamBlock):
    objectives = ObjectivesBlock()
    team = TeamBlock()
    steps = StepsBlock()
    indicators = IndicatorsBlock()
