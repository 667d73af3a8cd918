from .documents import DocumentKind, DocumentTemplate
from .mixins import Origin, Reference, SourcesMixin
from .pages import (
    BibliographyPage,
    CharterPage,
    CompetencyFrameworkIndexPage,
    CompetencyFrameworkPage,
    LexiconPage,
    ToolSheetAudience,
    ToolSheetIndexPage,
    ToolSheetPage,
    ToolSheetRelatedSheet,
    ToolSheetTag,
)
from .snippets import Competency, GlossaryTerm, ToolSheetCategory

__all__ = [
    "DocumentKind",
    "DocumentTemplate",
    "BibliographyPage",
    "Origin",
    "Reference",
    "SourcesMixin",
    "CharterPage",
    "Competency",
    "CompetencyFrameworkIndexPage",
    "CompetencyFrameworkPage",
    "GlossaryTerm",
    "LexiconPage",
    "ToolSheetAudience",
    "ToolSheetCategory",
    "ToolSheetIndexPage",
    "ToolSheetPage",
    "ToolSheetRelatedSheet",
    "ToolSheetTag",
]
