"""Text that remembers where every character came from.

A `MappedText` is a string plus runs `(start, raw_start, length)`: the characters
`text[start:start+length]` came from `raw[raw_start:raw_start+length]` one for one. A character
produced by a substitution (a normalised ligature, a space standing for a run of whitespace) is a
run of its own that points at the first raw character it replaced. `to_raw(i)` gives the raw
offset of clean offset `i`; `raw_span(s, e)` the raw range a clean range came from.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

Run = tuple[int, int, int]


@dataclass(slots=True)
class TextBuilder:
    """Builds a MappedText piece by piece; merges runs that continue each other."""

    parts: list[str] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    length: int = 0
    raw_end: int = 0  # raw offset just after the last piece added

    def copy(self, raw: str, start: int, end: int) -> None:
        """Append raw[start:end] unchanged."""
        if end <= start:
            return
        self.parts.append(raw[start:end])
        self._run(start, end - start, end)

    def put(self, text: str, raw_start: int, raw_end: int) -> None:
        """Append `text`, which stands for raw[raw_start:raw_end]."""
        if not text:
            return
        self.parts.append(text)
        if len(text) == raw_end - raw_start:
            self._run(raw_start, len(text), raw_end)
            return
        for _ in text:  # each produced character points at the start of what it replaced
            self.runs.append((self.length, raw_start, 1))
            self.length += 1
        self.raw_end = raw_end

    def _run(self, raw_start: int, n: int, raw_end: int) -> None:
        if self.runs:
            s, r, ln = self.runs[-1]
            if s + ln == self.length and r + ln == raw_start:
                self.runs[-1] = (s, r, ln + n)
                self.length += n
                self.raw_end = raw_end
                return
        self.runs.append((self.length, raw_start, n))
        self.length += n
        self.raw_end = raw_end

    def build(self) -> MappedText:
        return MappedText("".join(self.parts), tuple(self.runs), self.raw_end)


@dataclass(frozen=True, slots=True)
class MappedText:
    text: str
    runs: tuple[Run, ...]
    raw_end: int = 0

    def to_raw(self, i: int) -> int:
        """Raw offset of clean offset i (i == len(text) maps just past the last character)."""
        if not self.runs:
            return 0
        if i >= len(self.text):
            s, r, ln = self.runs[-1]
            return r + ln
        k = bisect_right(self.runs, (i, 1 << 62, 0)) - 1
        s, r, ln = self.runs[max(k, 0)]
        return r + min(i - s, ln - 1) if i - s < ln else r + ln - 1

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw range [a, b) that the clean range [start, end) was read from."""
        if end <= start:
            a = self.to_raw(start)
            return a, a
        return self.to_raw(start), self.to_raw(end - 1) + 1
