"""POST /ingest: documents in (the JSONL document fields), stored, and coded into events."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from eventdesk import config, pipeline
from eventdesk.api.auth import needs
from eventdesk.api.events import json_response
from eventdesk.store.users import User

router = APIRouter()


class DocumentIn(BaseModel):
    id: str = Field(min_length=1, max_length=500)
    text: str = Field(min_length=1)
    published: str | None = None
    language: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None


class IngestIn(BaseModel):
    documents: list[DocumentIn] = Field(min_length=1, max_length=1000)
    extract: bool = Field(True, description="code the documents into events too")


@router.post("/ingest", summary="Store documents and code them into events")
def ingest(request: Request, body: IngestIn,
           user: Annotated[User, Depends(needs("reviewer"))]) -> Response:  # fmt: skip
    store = request.app.state.store
    settings = config.load(None)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "posted.jsonl"
        lines = (
            json.dumps(d.model_dump(exclude_none=True), ensure_ascii=False) for d in body.documents
        )
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        if body.extract:
            report, events = pipeline.extract([str(path)], store, settings)
        else:
            report, events = pipeline.ingest([str(path)], store, settings), []
    return json_response({"report": report.as_dict(), "events": [e.id for e in events],
                          "by": user.name})  # fmt: skip
