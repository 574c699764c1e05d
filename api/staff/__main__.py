"""``python -m api.staff create-account --email a@b.nl --site demo [--role admin] [--name "A B"]``

The password is read from WELKOM_STAFF_PASSWORD or asked for (never an argument: it would end
up in the shell history). Uses the api's Redis (WELKOM_REDIS_URL).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys

from redis.asyncio import Redis

from api.core.config import get_settings
from api.core.sites import load_sites
from api.staff.accounts import AccountStore, Role


async def create_account(email: str, site: str, role: Role, name: str, password: str) -> None:
    redis = Redis.from_url(get_settings().redis_url, decode_responses=True)
    try:
        await AccountStore(redis).create(email, site, role, name, password)
    finally:
        await redis.aclose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.staff")
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-account", help="create or reset a staff account")
    create.add_argument("--email", required=True)
    create.add_argument("--site", required=True)
    create.add_argument("--role", choices=[r.value for r in Role], default=Role.STAFF.value)
    create.add_argument("--name", default="")
    args = parser.parse_args(argv)
    if args.site not in load_sites():
        print(f"unknown site {args.site!r} (see api/core/sites.yml)", file=sys.stderr)
        return 2
    password = os.environ.get("WELKOM_STAFF_PASSWORD") or getpass.getpass("Password: ")
    try:
        asyncio.run(create_account(args.email, args.site, Role(args.role), args.name, password))
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"account {args.email} ({args.role}) for site {args.site} is ready")
    return 0


if __name__ == "__main__":
    sys.exit(main())
