"""Names of groups the actor registry did not know, kept per document (rows of a document are
replaced when it is coded again), and listed for curators with counts and example sentences."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from eventdesk.store import tables as t


@dataclass(frozen=True, slots=True)
class UnknownRow:
    name: str
    sentence: str


@dataclass(frozen=True, slots=True)
class UnknownName:
    name: str  # the most frequent spelling
    mentions: int
    documents: int
    examples: tuple[str, ...]


def key(name: str) -> str:
    return " ".join(name.casefold().split())


class UnknownStore:
    def __init__(self, engine: sa.Engine):
        self.engine = engine

    def replace(self, docs: Mapping[str, tuple[str, str | None, Sequence[UnknownRow]]]) -> None:
        """content hash -> (doc id, language, the names read in it now)."""
        if not docs:
            return
        u = t.unknown_actors.c
        with self.engine.begin() as conn:
            hashes = sorted(docs)
            for i in range(0, len(hashes), 500):
                conn.execute(
                    sa.delete(t.unknown_actors).where(u.content_hash.in_(hashes[i : i + 500]))
                )
            rows = [
                {"content_hash": h, "doc_id": doc_id, "language": lang, "name": r.name,
                 "key": key(r.name), "sentence": r.sentence}
                for h, (doc_id, lang, found) in sorted(docs.items()) for r in found
            ]  # fmt: skip
            if rows:
                conn.execute(sa.insert(t.unknown_actors), rows)

    def names(self, min_mentions: int = 1, examples: int = 2) -> list[UnknownName]:
        """Every name, most mentioned first."""
        u = t.unknown_actors.c
        q = sa.select(u.key, u.name, u.content_hash, u.sentence).order_by(u.key, u.id)
        by_key: dict[str, list[tuple[str, str, str]]] = {}
        with self.engine.connect() as conn:
            for k, name, h, sentence in conn.execute(q):
                by_key.setdefault(k, []).append((name, h, sentence))
        out = []
        for rows in by_key.values():
            if len(rows) < min_mentions:
                continue
            spellings: dict[str, int] = {}
            for name, _, _ in rows:
                spellings[name] = spellings.get(name, 0) + 1
            seen: list[str] = []
            for _, _, sentence in rows:
                if sentence not in seen and len(seen) < examples:
                    seen.append(sentence)
            name = min(spellings, key=lambda s: (-spellings[s], s))
            out.append(UnknownName(name, len(rows), len({h for _, h, _ in rows}), tuple(seen)))
        return sorted(out, key=lambda n: (-n.mentions, n.name.casefold()))
