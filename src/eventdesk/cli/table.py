"""Print events (JSON Lines) as a readable table: `python -m eventdesk.cli.table FILE`."""

from __future__ import annotations

import json
import sys

from rich.console import Console
from rich.table import Table


def show(path: str) -> None:
    table = Table(title="events", show_lines=False)
    for col in ("date", "type", "sub-event", "actor1", "location", "admin1", "deaths", "doc"):
        table.add_column(col, overflow="fold")
    with open(path, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            table.add_row(
                e["event_date"], e["event_type"], e["sub_event_type"], e.get("actor1") or "",
                e["location"], e.get("admin1_code") or "",
                "" if e["fatalities"] is None else str(e["fatalities"]), e["sources"][0]["doc_id"][:40],
            )  # fmt: skip
    Console(width=160).print(table)


if __name__ == "__main__":
    show(sys.argv[1])
