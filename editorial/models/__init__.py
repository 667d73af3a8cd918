from .tasks import CrossReviewTask, reviewable_task_states

__all__ = ["CrossReviewTask", "reviewable_task_states"]
