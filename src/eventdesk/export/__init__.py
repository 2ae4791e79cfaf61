"""Exports. Events as JSON objects valid against the event schema (data/schema/event.schema.json,
a copy of the project's schema; a test keeps the two identical)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from eventdesk.records import Event


@cache
def _validator() -> Draft202012Validator:
    text = (
        resources.files("eventdesk.data").joinpath("schema", "event.schema.json").read_text("utf-8")
    )
    return Draft202012Validator(
        json.loads(text), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def schema_errors(obj: dict[str, Any]) -> list[str]:
    """Every way `obj` breaks the event schema, as 'path: message' lines (empty when valid)."""
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in sorted(_validator().iter_errors(obj), key=lambda e: list(e.absolute_path))
    ]


def event_json(event: Event) -> dict[str, Any]:
    return event.to_json()


def event_line(event: Event) -> str:
    return json.dumps(event.to_json(), ensure_ascii=False)
