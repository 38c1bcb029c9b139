"""Onboard a fresh development instance and add two demo lines, over the REST API.

script/develop runs this with .venv/bin/python next to hass; it waits for the
HTTP API to answer. It does what a person would do in the browser: the
onboarding steps, then adding lines with the integration's real config flow.
Standard library only.

It is safe to run again. Once onboarding is finished it does nothing, so demo
lines that a developer deleted stay deleted. The demo lines are added before
the last onboarding step, as the onboarding page lets a person add integrations
before pressing Finish, so an interrupted first run resumes where it stopped,
with the refresh token kept in config/.develop_token (or by logging in again).
"""

# A stand-alone script run by path, not a module of a package.
# ruff: noqa: INP001

import argparse
from http import HTTPStatus
import json
from pathlib import Path
import sys
from typing import Any

from hass_api import (
    DOMAIN,
    Api,
    HassApiError,
    Owner,
    add_line,
    create_owner,
    finish_analytics,
    finish_core_config,
    finish_onboarding,
    local_today,
    log_in,
    povo_keeper_steps,
    remove_entries_needing_internet,
    travel_esim_steps,
)

OWNER = Owner(name="Demo", username="demo", password="demo-esim-renewal")


def main() -> int:
    """Onboard, add the demo lines, finish onboarding; report what happened."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8123")
    parser.add_argument(
        "--config", default="config", help="Home Assistant's config dir"
    )
    parser.add_argument("--timeout", type=float, default=300, help="wait for HTTP, s")
    parser.add_argument("--hass-pid", type=int, help="stop waiting if it exits")
    args = parser.parse_args()

    api = Api(args.url)
    token_file = Path(args.config) / ".develop_token"
    status = api.wait_until_up(args.timeout, args.hass_pid)
    if status is None or all(step["done"] for step in status):
        log("onboarding is already done; nothing to do")
        return 0
    done = {step["step"] for step in status if step["done"]}

    if "user" not in done:
        log(f"creating the user {OWNER.username!r}")
        api.use_tokens(create_owner(api, OWNER), token_file)
    else:
        log("resuming onboarding")
        api.use_tokens(log_in_again(api, token_file), token_file)

    if "core_config" not in done:
        # Time zone, country, currency and units come from configuration.yaml.
        log("finishing the core config step")
        finish_core_config(api)
    if "analytics" not in done:
        log("finishing the analytics step (nothing is shared)")
        finish_analytics(api)

    add_demo_lines(api)
    for title in remove_entries_needing_internet(api):
        log(f"removed {title!r}, which onboarding adds but needs the internet")

    log("finishing onboarding")
    finish_onboarding(api)
    return 0


def log_in_again(api: Api, token_file: Path) -> dict[str, Any]:
    """Return tokens of the demo user: from the stored token, or by logging in."""
    if token_file.is_file():
        status, text = api.send(
            "POST",
            "/auth/token",
            form={
                "grant_type": "refresh_token",
                "client_id": api.client_id,
                "refresh_token": token_file.read_text().strip(),
            },
        )
        if status == HTTPStatus.OK:
            tokens: dict[str, Any] = json.loads(text)
            return tokens
    try:
        return log_in(api, OWNER.username, OWNER.password)
    except HassApiError as err:
        raise HassApiError(
            f"onboarding is half done and {err}; "
            "start over by deleting the config directory"
        ) from err


def add_demo_lines(api: Api) -> None:
    """Add a povo line and a travel eSIM, unless some line already exists."""
    entries = api.request("GET", f"/api/config/config_entries/entry?domain={DOMAIN}")
    if entries:
        log(f"{len(entries)} {DOMAIN} line(s) already exist; not adding demo lines")
        return
    today = local_today(api)
    add_demo_line(api, povo_keeper_steps(today))
    add_demo_line(api, travel_esim_steps(today))


def add_demo_line(api: Api, steps: list[tuple[str, dict[str, Any]]]) -> None:
    """Add a line through the config flow and say so."""
    entry = add_line(api, steps)
    log(f"added line {entry['title']!r} ({entry['state']})")


def log(message: str) -> None:
    """Print one line of progress."""
    print(f"develop_bootstrap: {message}", flush=True)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except HassApiError as err:
        print(f"develop_bootstrap: FAILED: {err}", file=sys.stderr, flush=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
