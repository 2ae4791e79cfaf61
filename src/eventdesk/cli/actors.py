"""`eventdesk actors unknown` and `eventdesk actors add`: names the coder could not resolve, and
adding them to the user registry."""

from __future__ import annotations

import json

import click


@click.group()
def actors() -> None:
    """The actor registry: names it does not know, and adding them."""


@actors.command("unknown")
@click.option("--db", envvar="EVENTDESK_DB", default=None, help="Database URL or SQLite file.")
@click.option(
    "--docs-jsonl", type=click.Path(exists=True, dir_okay=False), default=None,
    help="Code this JSON Lines file of documents instead of reading the database.",
)  # fmt: skip
@click.option(
    "--min-count", default=1, show_default=True, help="Names mentioned at least this often."
)
@click.option("--examples", default=2, show_default=True, help="Example sentences per name.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per name.")
def unknown(db: str | None, docs_jsonl: str | None, min_count: int, examples: int,
            as_json: bool) -> None:  # fmt: skip
    """Names of groups the registry does not know, as the texts write them: how often, in how
    many documents, and example sentences (coded with `extract --db`, or from --docs-jsonl)."""
    from eventdesk.cli import user_errors

    with user_errors():
        names = (
            _from_docs(docs_jsonl, min_count, examples)
            if docs_jsonl
            else _from_db(db, min_count, examples)
        )
    for n in names:
        if as_json:
            click.echo(json.dumps({"name": n.name, "mentions": n.mentions, "documents": n.documents,
                                   "examples": list(n.examples)}, ensure_ascii=False))  # fmt: skip
            continue
        click.echo(f"{n.mentions:5d}  {n.documents:4d} docs  {n.name}")
        for sentence in n.examples:
            click.echo(f"              {sentence}")


def _from_db(db: str | None, min_count: int, examples: int) -> list:  # type: ignore[type-arg]
    from eventdesk.store import open_store

    return open_store(db, create_missing=False).unknown.names(min_count, examples)


def _from_docs(path: str, min_count: int, examples: int) -> list:  # type: ignore[type-arg]
    from eventdesk.pipeline import code_docs_jsonl
    from eventdesk.store.engine import create, migrate
    from eventdesk.store.unknown import UnknownRow, UnknownStore

    engine = create("sqlite://")  # in memory: the same counting as for a database
    migrate(engine)
    store = UnknownStore(engine)
    found = {}
    for doc, coded in code_docs_jsonl(path):
        rows = [UnknownRow(u.name, u.sentence) for u in coded.unknown]
        found[doc.content_hash + doc.id] = (doc.id, doc.language, rows)
    store.replace(found)
    names = store.names(min_count, examples)
    engine.dispose()
    return names


@actors.command("add")
@click.argument("alias")
@click.option(
    "--lang", required=True, type=click.Choice(["ar", "en", "fr"]), help="The alias's language."
)
@click.option("--canonical", required=True, help="The ACLED name it stands for (known, or new).")
@click.option(
    "--inter", type=click.IntRange(1, 8), default=None, help="ACLED inter code of a new actor."
)
@click.option("--country", "country_iso3", default=None, help="ISO3 country of a new actor.")
@click.option("--from", "first_year", type=int, default=None, help="First year the name is used.")
@click.option("--to", "last_year", type=int, default=None, help="Last year the name is used.")
def add(alias: str, lang: str, canonical: str, inter: int | None, country_iso3: str | None,
        first_year: int | None, last_year: int | None) -> None:  # fmt: skip
    """Make ALIAS name an actor, in the user registry ($EVENTDESK_ACTORS, else
    <prefix>/share/eventdesk/actors), loaded on top of the shipped one. Documents coded from now
    on resolve it; `extract` them again to update stored events."""
    from eventdesk.actors.curate import add as add_alias
    from eventdesk.cli import err, user_errors

    with user_errors():
        added = add_alias(alias, lang=lang, canonical=canonical, inter=inter,
                          country_iso3=country_iso3, first_year=first_year, last_year=last_year)  # fmt: skip
    what = "new actor and alias" if added.new_actor else "alias"
    err.print(f"{what}: {added.alias!r} -> {added.canonical!r} ({added.directory})")
