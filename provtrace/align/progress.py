"""Progress within one long piece of work: sentences counted, reported now and then."""

from __future__ import annotations

from collections.abc import Callable

from provtrace.models import PROGRESS_EVERY, Progress


def counter(progress: Progress, stage: str, before: int, total: int) -> Callable[[int], None]:
    """Reports the items done in one part (an article, a pair) as the run's stage, after before of total."""

    def count(done: int) -> None:
        progress(stage, before + done, total)

    return count


class SentenceCount:
    """Counts the steps done (sentences, items) of total and reports them under stage every PROGRESS_EVERY."""

    def __init__(self, progress: Progress | None, stage: str, total: int) -> None:
        self.progress, self.stage, self.total = progress, stage, total
        self.done = self.reported = 0

    def step(self, sentences: int = 1) -> None:
        """sentences more are done."""
        self.done = min(self.done + sentences, self.total)
        if self.progress is not None and self.done - self.reported >= PROGRESS_EVERY:
            self.reported = self.done
            self.progress(self.stage, self.done, self.total)

    def finish(self) -> None:
        """Every sentence is done."""
        if self.progress is not None:
            self.progress(self.stage, self.total, self.total)
