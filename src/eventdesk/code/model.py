"""A small learned classifier of ACLED sub-event types, beside the rule-based coder.

The model is two linear heads over hashed n-grams of a note: one over the six event types and
one over the sub-event types. A sub-event type's probability is P(event type) times P(sub-event
type | event type), the second read from the sub-event head restricted to that event type's
sub-event types; so rows labelled only with an event type (old ACLED taxonomy) still teach the
event head. The weights live in `eventdesk/data/models/acled_types.npz` (float16, no pickle),
written by `scripts/train_type_model.py`, with a card `acled_types.json` beside it that says what
it was trained on and how well it does.

`TypeModel.load()` returns None when the file is absent, so the rule-based coder keeps working.
Features are built by `features()`, shared with the training script so both read a note alike.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer

from eventdesk.errors import ConfigError

__all__ = [
    "DEFAULT_PATH",
    "FEATURES",
    "FORMAT",
    "TypeModel",
    "features",
    "from_arrays",
    "normalise",
    "vectorizers",
]

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "models" / "acled_types.npz"
FORMAT = 1

# One hashed block per entry; the training script stores these in the model file and inference
# rebuilds the vectorizers from the stored copy, never from this default.
FEATURES: list[dict[str, Any]] = [
    {"analyzer": "word", "ngram_range": [1, 2], "n_features": 2**18},
    {"analyzer": "char_wb", "ngram_range": [3, 5], "n_features": 2**18},
]

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_RANGE = rf"{_DAY}(?:\s*(?:-|–|and|to)\s*{_DAY})?"
_DATE = re.compile(
    rf"\b(?:{_RANGE}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|{_MONTH}\s+{_RANGE}(?:,?\s+\d{{4}})?"
    rf"|{_MONTH},?\s+\d{{4}}"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|(?:19|20)\d{2})\b"
)
# What a removed date leaves at the head of a note: "On , ", "Around (as reported), ".
_LEAD = re.compile(
    r"^(?:\s|[-–(),]|on|around|between|and|as|reported|of|week|the|night|morning|evening"
    r"|afternoon|early|late|from|to|until|since|last)*,\s*",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The note without what does not carry over between regions and years: dates, digits.

    ACLED's "[size=...]" suffix stays: it is how ACLED writes a crowd's size, a protest cue.
    """
    text = _DATE.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    text = _LEAD.sub("", text)
    return _DIGIT.sub("0", text)


def vectorizers(blocks: Sequence[dict[str, Any]]) -> list[HashingVectorizer]:
    return [
        HashingVectorizer(
            analyzer=b["analyzer"],
            ngram_range=tuple(b["ngram_range"]),
            n_features=int(b["n_features"]),
            lowercase=True,
            alternate_sign=False,
            norm="l2",
            dtype=np.float32,
        )
        for b in blocks
    ]


def features(texts: Iterable[str], vecs: Sequence[HashingVectorizer]) -> sp.csr_matrix:
    """Hashed features of normalised notes, one block per vectorizer, side by side."""
    clean = [normalise(t) for t in texts]
    if not clean:
        width = sum(v.n_features for v in vecs)
        return sp.csr_matrix((0, width), dtype=np.float32)
    blocks = [v.transform(clean) for v in vecs]
    return sp.hstack(blocks, format="csr", dtype=np.float32)


@dataclass(frozen=True, slots=True)
class _Head:
    """A linear head stored on the hashed columns it uses (the others have zero weight)."""

    labels: tuple[str, ...]
    colmap: np.ndarray  # hashed column -> row of weights, or -1
    weights: np.ndarray  # (used columns, classes), float32
    bias: np.ndarray  # (classes,)

    def scores(self, x: sp.csr_matrix) -> np.ndarray:
        rows = self.colmap[x.indices]
        keep = rows >= 0
        indptr = np.concatenate([[0], np.cumsum(keep)])[x.indptr]
        shape = (x.shape[0], self.weights.shape[0])
        compact = sp.csr_matrix((x.data[keep], rows[keep], indptr), shape=shape)
        return np.asarray(compact @ self.weights) + self.bias

    @classmethod
    def read(cls, npz: Any, name: str, width: int) -> _Head:
        cols = npz[f"{name}_cols"].astype(np.int64)
        colmap = np.full(width, -1, dtype=np.int64)
        colmap[cols] = np.arange(len(cols))
        weights = npz[f"{name}_coef"].astype(np.float32).T.copy()
        labels = tuple(str(s) for s in npz[f"{name}_labels"])
        return cls(labels, colmap, weights, npz[f"{name}_bias"].astype(np.float32))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """One-vs-rest class scores as the logistic regressions were trained (not yet normalised)."""
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


def _normalised(p: np.ndarray) -> np.ndarray:
    return p / np.maximum(p.sum(axis=1, keepdims=True), 1e-30)


class TypeModel:
    """ACLED sub-event type probabilities for English notes and short news sentences."""

    def __init__(
        self, vecs: list[HashingVectorizer], event: _Head, sub: _Head, parent: dict[str, str]
    ):
        self._vecs = vecs
        self._event = event
        self._sub = sub
        self._parent = parent
        # For each sub-event type, the column of its event type in the event head.
        self._sub_to_event = np.array([event.labels.index(parent[s]) for s in sub.labels])

    @property
    def event_types(self) -> tuple[str, ...]:
        return self._event.labels

    @property
    def sub_event_types(self) -> tuple[str, ...]:
        return self._sub.labels

    def parent(self, sub_event_type: str) -> str:
        """The event type a sub-event type belongs to."""
        return self._parent[sub_event_type]

    @staticmethod
    def load(path: str | Path | None = None) -> TypeModel | None:
        """The model at `path` (default: the shipped one), read once; None if there is no file."""
        return _load(Path(path or DEFAULT_PATH).resolve())

    def predict(self, text: str) -> list[tuple[str, float]]:
        """Sub-event types of one note with their probabilities, most likely first."""
        return self.predict_many([text])[0]

    def predict_many(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        probs = self.sub_probabilities(texts)
        order = np.argsort(-probs, axis=1, kind="stable")
        labels = self._sub.labels
        return [
            [(labels[j], float(row[j])) for j in idx] for row, idx in zip(probs, order, strict=True)
        ]

    def predict_event_types(self, text: str) -> list[tuple[str, float]]:
        """Event types of one note with their probabilities, most likely first."""
        probs = self.event_probabilities([text])[0]
        return sorted(zip(self._event.labels, map(float, probs), strict=True), key=lambda p: -p[1])

    def event_probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """(notes, event types) probabilities, columns in `event_types` order."""
        return _normalised(_sigmoid(self._event.scores(features(texts, self._vecs))))

    def sub_probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """(notes, sub-event types) probabilities, columns in `sub_event_types` order."""
        x = features(texts, self._vecs)
        p_event = _normalised(_sigmoid(self._event.scores(x)))
        e = _sigmoid(self._sub.scores(x))
        group = self._sub_to_event
        # Normalise each sub-event type's score within its event type, then weight by that type.
        totals = np.zeros_like(p_event)
        np.add.at(totals.T, group, e.T)
        within = e / np.maximum(totals[:, group], 1e-30)
        return p_event[:, group] * within


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> TypeModel | None:
    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as npz:
        return from_arrays(dict(npz), origin=str(path))


def from_arrays(arrays: dict[str, np.ndarray], origin: str = "model") -> TypeModel:
    """A model from the arrays of its file (what `scripts/train_type_model.py` writes)."""
    config = json.loads(str(arrays["config"]))
    if config.get("format") != FORMAT:
        found = config.get("format")
        raise ConfigError(f"{origin}: model format {found!r}; this version reads format {FORMAT}")
    blocks = config["features"]
    width = sum(int(b["n_features"]) for b in blocks)
    event = _Head.read(arrays, "event", width)
    sub = _Head.read(arrays, "sub", width)
    return TypeModel(vectorizers(blocks), event, sub, config["parent"])
