"""Signed links of the calls for participation: the directory's signing and
single-use markers (directory.links), with purposes of their own."""

from directory.links import consume, is_used, make_token, read_token  # noqa: F401

DAY = 24 * 3600
CONFIRM_MAX_AGE = 7 * DAY  # posting, answer and alert confirmation
DECISION_MAX_AGE = 30 * DAY  # the structure accepts or declines an answer
MANAGE_MAX_AGE = 400 * DAY  # the author's manage link (a call lives a year at most)

CALL_CONFIRM = "participation-call-confirm"
CALL_MANAGE = "participation-call-manage"
ANSWER_CONFIRM = "participation-answer-confirm"
DECISION = "participation-decision"
ALERT_CONFIRM = "participation-alert-confirm"
UNSUBSCRIBE = "participation-unsubscribe"


def read_unsubscribe(token):
    """(subscription id, nonce) whatever the age of the link, or None."""
    return read_token(UNSUBSCRIBE, token, None)
