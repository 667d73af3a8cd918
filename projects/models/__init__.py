from .accompaniment import MethodStep, ProjectAccompanimentStep, StepStatus
from .pages import (
    ProjectIndexPage,
    ProjectPage,
    ProjectPageTag,
    ProjectPartnerRole,
    ProjectProvenance,
    ProjectRelatedSheet,
    ProjectStatus,
)
from .proposals import ProjectProposal

__all__ = [
    "MethodStep",
    "ProjectAccompanimentStep",
    "StepStatus",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPageTag",
    "ProjectPartnerRole",
    "ProjectProvenance",
    "ProjectProposal",
    "ProjectRelatedSheet",
    "ProjectStatus",
]
