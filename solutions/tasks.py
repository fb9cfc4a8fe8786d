"""Celery finds the tasks of `solutions` here (`autodiscover_tasks` imports `<app>.tasks`).

Each capability keeps its tasks beside the service that queues them; their names are pinned
(`name="solutions.tasks.…"`), so moving a module never orphans a queued message.
"""

from solutions.matching.tasks import challenge_matching_run, matching_sweep

__all__ = ["challenge_matching_run", "matching_sweep"]
