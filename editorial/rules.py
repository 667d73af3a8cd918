"""The cross-review rule as pure functions (no database, no Django models).

`editorial.models` gathers the facts (revisions since the last publication,
who asked for the review, who approved which step) and asks these functions
what they mean; `editorial.workflows` does the same before publishing. Keeping
the rule here lets it be tested, and mutation-tested, in isolation.
"""

# Revision keys that describe bookkeeping, not content.
VOLATILE_KEYS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "live",
        "live_revision",
        "first_published_at",
        "last_published_at",
        "locked",
        "locked_at",
        "locked_by",
        "expired",
        "numchild",
        "wagtail_admin_comments",
        "comments",
    }
)

# Why a person may not approve a step (see `refusal`).
NOT_APPROVED = "not_approved"
OWN_CHANGE = "own_change"
OTHER_STEP = "other_step"


def content_signature(content):
    """The part of a revision's content that is content, not bookkeeping."""
    return {key: value for key, value in content.items() if key not in VOLATILE_KEYS}


def contributors(baseline, revisions):
    """Ids of the people who changed the content since `baseline`.

    `baseline` is the content of the published revision, or None when the
    object was never published (then the first revision is a change);
    `revisions` are the later revisions as (user_id, content), oldest first.
    A revision identical to the one before it (a comment added, a form
    renumbered, an approval from the edit page) changes nothing: its user is
    not a contributor. Everyone else is, however small their change: the
    person who adds one character to a co-pilot's text does not make the
    co-pilot a reviewer of their own text.
    """
    people = set()
    previous = None if baseline is None else content_signature(baseline)
    for user_id, content in revisions:
        signature = content_signature(content)
        if signature != previous and user_id is not None:
            people.add(user_id)
        previous = signature
    return people


def refusal(person_id, barred_ids, other_step_approver_ids):
    """Why `person_id` may not approve a step, or None.

    `barred_ids`: the contributors since the last publication and the people
    who asked for the review; `other_step_approver_ids`: who approved the
    other steps of the same review on the same revision.
    """
    if person_id is None:
        return NOT_APPROVED
    if person_id in barred_ids:
        return OWN_CHANGE
    if person_id in other_step_approver_ids:
        return OTHER_STEP
    return None


def review_complete(step_ids, approver_by_step, barred_ids):
    """True when every step was approved, each by a different person, none
    of them barred. `approver_by_step` maps a step id to its approver's id."""
    if set(approver_by_step) != set(step_ids):
        return False
    for step_id, person_id in approver_by_step.items():
        others = {other for step, other in approver_by_step.items() if step != step_id}
        if refusal(person_id, barred_ids, others) is not None:
            return False
    return True


def pick_approvers(step_members, reviewer_ids, barred_ids):
    """An assignment {step: person} of distinct reviewers, one per step, that
    `review_complete` accepts, or None when there is none.

    `step_members` maps each step (for instance a co-pilot group) to the ids
    of the people who may approve it; `reviewer_ids` are the people who gave
    an approving review, in order; `barred_ids` may approve nothing (the
    author, the applicant). Used where the approvals are not Wagtail task
    states (calls for projects' applications): the same rule decides.
    """
    steps = list(step_members)
    reviewers = [person for person in dict.fromkeys(reviewer_ids) if person is not None]

    def assign(index, taken):
        if index == len(steps):
            return {}
        step = steps[index]
        for person in reviewers:
            if person in taken or person in barred_ids or person not in step_members[step]:
                continue
            rest = assign(index + 1, taken | {person})
            if rest is not None:
                return {step: person, **rest}
        return None

    approvers = assign(0, frozenset())
    if approvers is None or not review_complete(steps, approvers, barred_ids):
        return None
    return approvers
