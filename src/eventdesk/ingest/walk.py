"""Walking directories: every file below a directory, in sorted order, hidden names skipped."""

from __future__ import annotations

import os
from collections.abc import Iterator

from eventdesk.ingest.base import Rejected


def walk_files(root: str) -> Iterator[str | Rejected]:
    """The paths of the files below `root`, depth first, each directory's entries sorted by name.

    Names starting with "." (".git", ".DS_Store") are skipped. A directory that cannot be listed
    yields a Rejected "unreadable"; a symlinked directory already visited is not walked again.
    """
    yield from _walk(root, set())


def _walk(directory: str, visited: set[tuple[int, int]]) -> Iterator[str | Rejected]:
    try:
        info = os.stat(directory)
        if (info.st_dev, info.st_ino) in visited:
            return
        visited.add((info.st_dev, info.st_ino))
        with os.scandir(directory) as listing:
            entries = sorted(
                (e for e in listing if not e.name.startswith(".")), key=lambda e: e.name
            )
    except OSError as exc:
        message = f"{directory}: cannot list directory: {exc.strerror or exc}"
        yield Rejected(directory, "unreadable", message)
        return
    for entry in entries:
        if _is_dir(entry):
            yield from _walk(entry.path, visited)
        else:
            yield entry.path


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
