"""Ingest: files, directories and stdin in; RawDocument (or Rejected) out, one input at a time.

    for item in read_inputs(["corpus/", "-"], stdin=sys.stdin.buffer):
        ...  # RawDocument: a document read; Rejected: an input that could not be, with its reason

Formats: plain text, HTML pages, RSS/Atom feeds, WARC archives, JSON Lines (see sniff.py).
Reason codes of a Rejected:

    missing         the path does not exist
    too-large       over max_bytes (a whole file; one line of JSONL; one page of a WARC)
    undecodable     bytes that are no text
    bad-format      a broken input: HTML with no article text, a bad JSONL line, a broken feed/WARC
    bad-field       a JSONL line whose optional field is invalid: the document is kept without it
    unknown-format  not one of the formats above (PDF, DOCX, ZIP, images, unknown extension)
    empty           no data, only whitespace, a feed without entries
    unreadable      the file cannot be opened or listed, or a parser failed unexpectedly
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from eventdesk.errors import ConfigError
from eventdesk.ingest.base import RawDocument, Rejected
from eventdesk.ingest.files import Source, read_path, read_stream
from eventdesk.ingest.walk import walk_files

__all__ = ["RawDocument", "Rejected", "read_inputs"]

DEFAULT_MAX_BYTES = 20_000_000
STDIN = "-"


def read_inputs(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[RawDocument | Rejected]:
    """Every document in `paths`, streamed in order; a Rejected for each input that fails.

    A directory is walked recursively in sorted order, hidden names skipped; "-" is `stdin`
    (sys.stdin.buffer by default). Raises ConfigError at once for bad arguments.
    """
    if isinstance(paths, str | bytes):
        raise ConfigError(f"paths must be a list of paths, not the string {paths!r}")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ConfigError(f"max_bytes must be a positive integer, got {max_bytes!r}")
    return _read_all(paths, max_bytes, stdin)


def _read_all(
    paths: Iterable[str], max_bytes: int, stdin: BinaryIO | None
) -> Iterator[RawDocument | Rejected]:
    for given in paths:
        path = os.fspath(given)
        if path == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(stream, Source("stdin", "stdin", ""), max_bytes=max_bytes)
        elif os.path.isdir(path):
            for item in walk_files(path):
                if isinstance(item, Rejected):
                    yield item
                else:
                    yield from read_path(item, max_bytes=max_bytes)
        else:
            yield from read_path(path, max_bytes=max_bytes)
