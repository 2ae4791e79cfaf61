"""`eventdesk users`: who may use the API, with which role, and their tokens."""

from __future__ import annotations

import json

import click

from eventdesk.cli.common import db_option, err, user_errors
from eventdesk.store import open_store
from eventdesk.store import users as u


@click.group()
def users() -> None:
    """Users and API tokens (roles: viewer, reviewer, admin)."""


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(u.ROLES), default="viewer", show_default=True)
@db_option
def add(name: str, role: str, db: str | None) -> None:
    """Create a user; print its token (shown once: keep it)."""
    with user_errors(), open_store(db).engine.begin() as conn:
        token = u.add(conn, name, role)
    err.print(f"user {name} ({role}) created; the token is shown once:")
    click.echo(token)


@users.command("token")
@click.argument("name")
@db_option
def token(name: str, db: str | None) -> None:
    """Make another token for a user; print it."""
    with user_errors(), open_store(db).engine.begin() as conn:
        click.echo(u.new_token(conn, name))


@users.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(u.ROLES))
@db_option
def role(name: str, role: str, db: str | None) -> None:
    """Change a user's role."""
    with user_errors(), open_store(db).engine.begin() as conn:
        u.set_role(conn, name, role)


@users.command("revoke")
@click.argument("name")
@db_option
def revoke(name: str, db: str | None) -> None:
    """Revoke every token of a user."""
    with user_errors(), open_store(db).engine.begin() as conn:
        n = u.revoke(conn, name)
    err.print(f"revoked {n} token(s) of {name}")


@users.command("list")
@db_option
def listing(db: str | None) -> None:
    """List users, one JSON object per line."""
    with user_errors(), open_store(db).engine.connect() as conn:
        for row in u.listing(conn):
            click.echo(json.dumps(row))
