from .pages import (
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
