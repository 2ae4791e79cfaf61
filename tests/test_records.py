"""Records serialise to JSON that validates against the event schema."""

import json

from eventdesk.export import event_json, schema_errors
from eventdesk.records import (
    SUB_EVENT_PARENT,
    Event,
    EventType,
    FatalityClaim,
    GeoPrecision,
    Source,
    SubEventType,
    TimePrecision,
)

from .conftest import REPO, shared_path


def _event(**over) -> Event:
    fields = dict(
        id="evt-1", event_date="2024-03-12", time_precision=TimePrecision.DAY,
        event_type=EventType.EXPLOSIONS, sub_event_type=SubEventType.REMOTE_EXPLOSIVE,
        actor1="Unidentified Armed Group (Mali)", actor2="Military Forces of Mali (2021-)",
        country="Mali", country_iso3="MLI", admin1="Gao", admin1_code="ML-7", location="Gao",
        latitude=16.27, longitude=-0.04, geo_precision=GeoPrecision.PLACE, fatalities=3,
        claimed_by=None, confidence=0.8,
        sources=(Source("a.txt", "Une mine a tué trois soldats.", 10, 39, "Sahel Matin"),),
        fatalities_claims=(FatalityClaim(3, "a.txt"),),
    )  # fmt: skip
    fields.update(over)
    return Event(**fields)  # type: ignore[arg-type]


def test_event_json_is_valid_against_the_schema():
    obj = event_json(_event())
    assert schema_errors(obj) == []
    assert obj["event_type"] == "Explosions/Remote violence"
    assert obj["time_precision"] == 1
    assert obj["sources"][0]["doc_id"] == "a.txt"
    json.dumps(obj)  # plain JSON


def test_schema_check_can_fail():
    bad = event_json(_event(country_iso3="Mali", latitude=123.0))
    errors = schema_errors(bad)
    assert any("country_iso3" in e for e in errors) and any("latitude" in e for e in errors)


def test_every_sub_event_type_has_its_parent_and_the_enums_match_the_schema():
    assert set(SUB_EVENT_PARENT) == set(SubEventType)
    schema = json.loads((REPO / "src/eventdesk/data/schema/event.schema.json").read_text())
    assert [e.value for e in EventType] == schema["properties"]["event_type"]["enum"]
    assert [s.value for s in SubEventType] == schema["properties"]["sub_event_type"]["enum"]


def test_bundled_schema_is_the_projects_schema():
    shared = shared_path("schema", "event.schema.json")
    bundled = REPO / "src/eventdesk/data/schema/event.schema.json"
    assert json.loads(bundled.read_text()) == json.loads(shared.read_text())
