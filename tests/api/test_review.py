"""Review actions over HTTP: who may write, what each action does, the audit log, undo,
restarts, and two reviewers editing one event at once."""

from __future__ import annotations

import threading

import httpx

from eventdesk.store import open_store
from tests.api.conftest import auth, serving


def _first(api, **params) -> dict:
    return api.get("/events", params={"limit": 1, **params}).json()["items"][0]


def test_writes_need_a_reviewer_token(api, tokens):
    event = _first(api)["id"]
    url = f"/events/{event}/accept"
    assert api.post(url).status_code == 401
    assert api.post(url).headers["www-authenticate"].startswith("Bearer")
    assert api.post(url, headers=auth("edk_not-a-token")).status_code == 401
    assert api.post(url, headers={"Authorization": "Basic abc"}).status_code == 401
    r = api.post(url, headers=auth(tokens["viewer"]))
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    assert api.post("/ingest", json={"documents": [{"id": "x", "text": "y"}]},
                    headers=auth(tokens["viewer"])).status_code == 403  # fmt: skip
    assert _first(api)["review"]["status"] == "new"  # nothing was written
    assert api.post(url, headers=auth(tokens["reviewer"])).status_code == 200
    assert api.post(url, headers=auth(tokens["admin"])).status_code == 200


def test_private_server_needs_a_token_to_read(store, tokens):
    with serving(store, private=True) as url, httpx.Client(base_url=url) as c:
        assert c.get("/events").status_code == 401
        assert c.get("/events", headers=auth(tokens["viewer"])).status_code == 200
        assert c.get("/").status_code == 200  # the page itself, which then asks for a token


def test_edit_needs_the_version_read_and_fits_the_schema(api, tokens):
    h = auth(tokens["reviewer"])
    e = _first(api)
    url = f"/events/{e['id']}/edit"
    assert api.post(url, json={"fields": {"fatalities": 4}}, headers=h).status_code == 428
    bad = api.post(url, json={"fields": {"fatalities": -3}, "version": 1}, headers=h)
    assert bad.status_code == 422 and "fatalities" in bad.json()["error"]["message"]
    assert (
        api.post(url, json={"fields": {"sources": []}, "version": 1}, headers=h).status_code == 422
    )
    ok = api.post(url, json={"fields": {"sub_event_type": "Suicide bomb", "fatalities": 4}},
                  headers={**h, "If-Match": '"1"'})  # fmt: skip
    assert ok.status_code == 200, ok.text
    event = ok.json()["event"]
    assert event["event_type"] == "Explosions/Remote violence" and event["fatalities"] == 4
    assert event["review"] == {**event["review"], "status": "edited", "version": 2}
    assert ok.headers["etag"] == '"2"'


def test_two_reviewers_editing_at_once_lose_nothing(api, tokens, store):
    """Both read version 1; both send an edit at the same moment. One lands; the other gets 409
    with the event as it is now, re-applies its change on that version, and lands too."""
    from eventdesk.store import users

    with store.engine.begin() as conn:
        second = users.add(conn, "second-reviewer", "reviewer")
    e = _first(api, country="IRQ")
    url = f"/events/{e['id']}/edit"
    edits = {tokens["reviewer"]: {"fatalities": 9}, second: {"actor2": "Civilians (Iraq)"}}
    results: dict[str, httpx.Response] = {}
    barrier = threading.Barrier(2)

    def send(token: str) -> None:
        barrier.wait()
        results[token] = api.post(
            url, json={"fields": edits[token], "version": 1}, headers=auth(token)
        )

    threads = [threading.Thread(target=send, args=(t,)) for t in edits]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(r.status_code for r in results.values())
    assert codes == [200, 409]
    loser = next(t for t, r in results.items() if r.status_code == 409)
    current = results[loser].json()["error"]["current"]
    assert current["review"]["version"] == 2
    retry = api.post(url, json={"fields": edits[loser], "version": 2}, headers=auth(loser))
    assert retry.status_code == 200
    final = api.get(f"/events/{e['id']}").json()
    assert final["fatalities"] == 9 and final["actor2"] == "Civilians (Iraq)"
    assert [h["user"] for h in final["history"]] == [
        next(t for t in edits if t != loser) and _name(results, loser, tokens, second, winner=True),
        _name(results, loser, tokens, second, winner=False),
    ]


def _name(results, loser, tokens, second, winner):
    token = next(t for t in results if (t != loser) == winner)
    return "reviewer-user" if token == tokens["reviewer"] else "second-reviewer"


def test_merge_split_reject_and_undo(api, tokens):
    h = auth(tokens["reviewer"])
    a, b = api.get("/events", params={"limit": 2, "country": "MLI"}).json()["items"]
    merged = api.post("/events/merge", json={"ids": [a["id"], b["id"]]}, headers=h)
    assert merged.status_code == 200, merged.text
    kept = merged.json()["event"]
    assert len(kept["sources"]) == 2 and kept["review"]["status"] == "edited"
    gone = api.get(f"/events/{b['id']}").json()
    assert gone["review"] == {**gone["review"], "status": "merged", "merged_into": a["id"]}
    ids = {
        e["id"]
        for e in api.get("/events", params={"country": "MLI", "limit": 1000}).json()["items"]
    }
    assert a["id"] in ids and b["id"] not in ids  # merged events are hidden by default

    split = api.post(f"/events/{a['id']}/split", json={"sources": [1]}, headers=h)
    assert split.status_code == 200, split.text
    new_id = split.json()["new_event"]
    assert len(api.get(f"/events/{new_id}").json()["sources"]) == 1
    assert len(api.get(f"/events/{a['id']}").json()["sources"]) == 1

    history = api.get(f"/events/{a['id']}").json()["history"]
    assert [x["action"] for x in history] == ["merge", "split"]
    # undo the merge first: refused, the split came after it
    assert api.post(f"/reviews/{history[0]['id']}/undo", headers=h).status_code == 409
    assert api.post(f"/reviews/{history[1]['id']}/undo", headers=h).status_code == 200
    assert api.get(f"/events/{new_id}").status_code == 404
    assert api.post(f"/reviews/{history[0]['id']}/undo", headers=h).status_code == 200
    back_a, back_b = (api.get(f"/events/{x['id']}").json() for x in (a, b))
    assert back_a["sources"] == a["sources"] and back_a["review"]["status"] == "new"
    assert back_b["review"]["status"] == "new" and back_b["review"]["merged_into"] is None
    assert back_a["review"]["version"] > a["review"]["version"]  # versions never go back

    rejected = api.post(f"/events/{b['id']}/reject", headers=h, json={"comment": "not an event"})
    assert rejected.json()["event"]["review"]["status"] == "rejected"
    log = api.get("/reviews").json()["items"]
    assert [x["action"] for x in log[:5]] == ["reject", "undo", "undo", "split", "merge"]
    assert log[0]["comment"] == "not an event" and log[0]["user"] == "reviewer-user"
    # undoing the undo of the merge (a redo) is refused while b has been rejected since
    assert api.post(f"/reviews/{log[1]['id']}/undo", headers=h).status_code == 409
    assert api.post(f"/reviews/{log[0]['id']}/undo", headers=h).status_code == 200
    assert api.post(f"/reviews/{log[1]['id']}/undo", headers=h).status_code == 200
    assert api.get(f"/events/{b['id']}").json()["review"]["status"] == "merged"
    assert api.post(f"/reviews/{log[0]['id']}/undo", headers=h).status_code == 409  # done once


def test_review_actions_survive_a_restart(store, db_url, tokens):
    with serving(store) as url, httpx.Client(base_url=url) as c:
        e = c.get("/events", params={"limit": 1}).json()["items"][0]
        r = c.post(f"/events/{e['id']}/edit", json={"fields": {"notes": "Checked by hand."},
                                                    "version": 1}, headers=auth(tokens["reviewer"]))  # fmt: skip
        assert r.status_code == 200
    store.close()
    reopened = open_store(db_url)
    with serving(reopened) as url, httpx.Client(base_url=url) as c:
        again = c.get(f"/events/{e['id']}").json()
        assert again["notes"] == "Checked by hand." and again["review"]["status"] == "edited"
        assert again["history"][0]["changes"]["notes"][1] == "Checked by hand."
        assert (
            c.post(f"/events/{e['id']}/accept", headers=auth(tokens["reviewer"])).status_code == 200
        )
    reopened.close()


def test_machine_recoding_never_overwrites_a_review(store, api, tokens):
    from eventdesk.store import synthetic

    e = _first(api)
    api.post(f"/events/{e['id']}/reject", headers=auth(tokens["reviewer"]))
    again = [x for x in synthetic.events(300, seed=3) if x.id == e["id"]]
    assert store.save_events(again) == 0
    assert api.get(f"/events/{e['id']}").json()["review"]["status"] == "rejected"
