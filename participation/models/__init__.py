from .calls import Answer, Call, CallDepartment, Compensation, DigestDelivery, Frequency, Subscription
from .pages import ParticipationPage

__all__ = [
    "Answer",
    "Call",
    "CallDepartment",
    "Compensation",
    "DigestDelivery",
    "Frequency",
    "ParticipationPage",
    "Subscription",
]
