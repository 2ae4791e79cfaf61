"""The exceptions eventdesk raises, one tree under one base.

    EventdeskError
     ├── ConfigError        bad settings or arguments; raised before the first document
     ├── InputError         one input could not be read; the batch goes on, the input is quarantined
     │    ├── DecodeError       bytes that are no text in any encoding we accept
     │    ├── FormatError       a file whose format is unknown or broken (truncated HTML, bad JSONL line)
     │    ├── EmptyDocumentError nothing left after cleaning
     │    └── TooLargeError     over the configured size limit
     ├── StoreError         the database could not be opened, migrated or written
     ├── NotFoundError      no event, document, review or user with that id
     ├── ConflictError      an event changed since the version the caller read (carries it now)
     └── ReviewError        a review action that cannot apply (unknown field, bad split, ...)

Messages say what was wrong, with the offending value, and what is allowed.
"""

from __future__ import annotations


class EventdeskError(Exception):
    """Base of every error eventdesk raises on purpose."""


class ConfigError(EventdeskError):
    """A setting or argument is invalid; nothing has been processed yet."""


class InputError(EventdeskError):
    """One input could not be turned into a document. `reason` is a short stable code."""

    reason = "unreadable"

    def __init__(self, message: str, *, origin: str | None = None, line: int | None = None):
        super().__init__(message)
        self.origin = origin
        self.line = line


class DecodeError(InputError):
    reason = "undecodable"


class FormatError(InputError):
    reason = "bad-format"


class EmptyDocumentError(InputError):
    reason = "empty"


class TooLargeError(InputError):
    reason = "too-large"


class StoreError(EventdeskError):
    """The store could not be opened, migrated or written."""


class NotFoundError(EventdeskError):
    """No record with the id asked for."""


class ConflictError(EventdeskError):
    """The event changed since the version the caller read; `current` is what it is now."""

    def __init__(self, message: str, *, current: dict[str, object] | None = None):
        super().__init__(message)
        self.current = current


class ReviewError(EventdeskError):
    """A review action that cannot apply as asked; nothing was written."""
