from .barometer import (
    MAX_ANSWERS_PER_SESSION,
    BarometerAnswer,
    BarometerCriterion,
    BarometerDimension,
    BarometerSession,
    Role,
    Scale,
)
from .pages import EngagementMatrixPage, SelfAssessmentPage

__all__ = [
    "MAX_ANSWERS_PER_SESSION",
    "BarometerAnswer",
    "BarometerCriterion",
    "BarometerDimension",
    "BarometerSession",
    "EngagementMatrixPage",
    "Role",
    "Scale",
    "SelfAssessmentPage",
]
