"""One hierarchy of errors. Every message is one line that tells the user the fix."""

from __future__ import annotations


class ParleyError(Exception):
    """Base of every error parley raises on purpose; its message is shown to the user."""


class InputError(ParleyError):
    """An input (file, URL, line, feed entry) cannot become a document.

    ``source`` names the input (path, URL, ``path:line``) so that batch reports say which one.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # picklable, so that worker processes can report refusals
        return (InputError, (self.source, self.reason))


class ConfigError(ParleyError):
    """A setting, option or configuration file is wrong."""


class StoreError(ParleyError):
    """The store cannot be opened, migrated or written."""
