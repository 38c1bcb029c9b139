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
import contextlib
from datetime import date, datetime, timedelta
from http import HTTPStatus
import json
import os
from pathlib import Path
import sys
import time
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen
from zoneinfo import ZoneInfo

DOMAIN = "esim_renewal"
NAME = "Demo"
USERNAME = "demo"
PASSWORD = "demo-esim-renewal"
LANGUAGE = "en"
# The core_config step sets these up on its own; offline they only retry forever.
NEEDS_INTERNET = ("radio_browser",)


class BootstrapError(Exception):
    """Something did not go as a person clicking through the UI would see it."""


class Api:
    """A tiny JSON client for Home Assistant's HTTP API."""

    def __init__(self, base_url: str) -> None:
        """Talk to the instance at base_url, as the browser client base_url/."""
        self.base_url = base_url.rstrip("/")
        self.client_id = f"{self.base_url}/"
        self.token: str | None = None

    def request(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        form: dict[str, str] | None = None,
    ) -> Any:
        """Send a request; return its decoded JSON answer, which must be a 200."""
        status, text = self.send(method, path, body, form=form)
        if status != 200:
            raise BootstrapError(f"{method} {path} answered {status}: {text}")
        return json.loads(text) if text else None

    def send(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        form: dict[str, str] | None = None,
    ) -> tuple[int, str]:
        """Send a request; return the status and text of the answer."""
        headers = {"Accept": "application/json"}
        data = None
        if form is not None:
            data = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = Request(self.base_url + path, data, headers, method=method)
        try:
            with urlopen(request, timeout=60) as response:
                return response.status, response.read().decode()
        except HTTPError as err:
            return err.code, err.read().decode(errors="replace")

    def wait_until_up(
        self, timeout: float, hass_pid: int | None
    ) -> list[dict[str, Any]] | None:
        """Wait for the HTTP API to answer; return the onboarding status.

        None means onboarding is done: Home Assistant then drops /api/onboarding.
        """
        deadline = time.monotonic() + timeout
        while True:
            try:
                status, text = self.send("GET", "/api/onboarding")
            except OSError as err:
                status, text = 0, str(err)
            if status == HTTPStatus.OK:
                steps: list[dict[str, Any]] = json.loads(text)
                return steps
            if status == HTTPStatus.NOT_FOUND:
                return None
            if hass_pid is not None and not process_alive(hass_pid):
                raise BootstrapError(
                    "Home Assistant stopped before its HTTP API answered"
                )
            if time.monotonic() > deadline:
                raise BootstrapError(
                    f"{self.base_url} did not answer in {timeout:.0f}s: {text}"
                )
            time.sleep(1)

    def use_tokens(self, tokens: dict[str, Any], token_file: Path) -> None:
        """Authenticate from now on, and keep the refresh token for later runs."""
        self.token = tokens["access_token"]
        if refresh_token := tokens.get("refresh_token"):
            token_file.parent.mkdir(parents=True, exist_ok=True)
            token_file.write_text(refresh_token + "\n")
            token_file.chmod(0o600)


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
        log(f"creating the user {USERNAME!r}")
        answer = api.request(
            "POST",
            "/api/onboarding/users",
            {
                "client_id": api.client_id,
                "name": NAME,
                "username": USERNAME,
                "password": PASSWORD,
                "language": LANGUAGE,
            },
        )
        api.use_tokens(exchange_code(api, answer["auth_code"]), token_file)
    else:
        log("resuming onboarding")
        api.use_tokens(log_in_again(api, token_file), token_file)

    if "core_config" not in done:
        # Time zone, country, currency and units come from configuration.yaml.
        log("finishing the core config step")
        api.request("POST", "/api/onboarding/core_config", {})
    if "analytics" not in done:
        log("finishing the analytics step (nothing is shared)")
        api.request("POST", "/api/onboarding/analytics", {})

    add_demo_lines(api)
    remove_entries_needing_internet(api)

    log("finishing onboarding")
    api.request(
        "POST",
        "/api/onboarding/integration",
        {
            "client_id": api.client_id,
            "redirect_uri": f"{api.base_url}/?auth_callback=1",
        },
    )
    return 0


def exchange_code(api: Api, code: str) -> dict[str, Any]:
    """Exchange an authorization code for tokens, as the frontend does."""
    tokens: dict[str, Any] = api.request(
        "POST",
        "/auth/token",
        form={
            "grant_type": "authorization_code",
            "client_id": api.client_id,
            "code": code,
        },
    )
    return tokens


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
    # As the login page does it.
    flow = api.request(
        "POST",
        "/auth/login_flow",
        {
            "client_id": api.client_id,
            "handler": ["homeassistant", None],
            "redirect_uri": api.client_id,
        },
    )
    result = api.request(
        "POST",
        f"/auth/login_flow/{flow['flow_id']}",
        {"client_id": api.client_id, "username": USERNAME, "password": PASSWORD},
    )
    if result.get("type") != "create_entry":
        raise BootstrapError(
            f"onboarding is half done and {USERNAME!r} cannot log in ({result}); "
            "start over by deleting the config directory"
        )
    return exchange_code(api, result["result"])


def add_demo_lines(api: Api) -> None:
    """Add a povo line and a travel eSIM, unless some line already exists."""
    entries = api.request("GET", f"/api/config/config_entries/entry?domain={DOMAIN}")
    if entries:
        log(f"{len(entries)} {DOMAIN} line(s) already exist; not adding demo lines")
        return
    today = local_today(api)
    add_line(
        api,
        [
            ("user", {"carrier": "povo_2"}),
            (
                "line",
                {
                    "name": "povo number keeper",
                    "phone_number": "+81 80-0000-0170",
                    "renewal_url": "https://povo.jp/",
                    "validity": "after_pack",
                },
            ),
            (
                # A 30-day topping bought 200 days ago ended 170 days ago: the
                # line is safe for 10 more days, and the number for 30 after.
                "after_pack",
                {
                    "last_renewal": (today - timedelta(days=200)).isoformat(),
                    "pack_days": 30,
                    "validity_days": 180,
                    "grace_days": 30,
                    "unlimited_data": False,
                },
            ),
        ],
    )
    add_line(
        api,
        [
            ("user", {"carrier": "travel_esim"}),
            ("line", {"name": "Travel eSIM", "validity": "fixed"}),
            (
                "fixed",
                {
                    "expiry_date": (today + timedelta(days=20)).isoformat(),
                    "validity_days": 30,
                    "data_total_gb": 10,
                    "data_remaining_gb": 2.3,
                    "unlimited_data": False,
                },
            ),
        ],
    )


def remove_entries_needing_internet(api: Api, wait: float = 10) -> None:
    """Remove what onboarding added that cannot work offline, once it is there."""
    deadline = time.monotonic() + wait
    for domain in NEEDS_INTERNET:
        path = f"/api/config/config_entries/entry?domain={domain}"
        while not (entries := api.request("GET", path)):
            if time.monotonic() > deadline:
                break
            time.sleep(0.5)
        for entry in entries:
            api.request(
                "DELETE", f"/api/config/config_entries/entry/{entry['entry_id']}"
            )
            log(
                f"removed {entry['title']!r}, which onboarding adds but needs the internet"
            )


def local_today(api: Api) -> date:
    """Return today's date in Home Assistant's time zone, as the integration sees it."""
    time_zone = api.request("GET", "/api/config")["time_zone"]
    return datetime.now(ZoneInfo(time_zone)).date()


def add_line(api: Api, steps: list[tuple[str, dict[str, Any]]]) -> None:
    """Walk the config flow through the given steps; it must create an entry."""
    result = api.request(
        "POST",
        "/api/config/config_entries/flow",
        {"handler": DOMAIN, "show_advanced_options": False},
    )
    for step_id, user_input in steps:
        check_no_errors(api, result)
        if result.get("type") != "form" or result.get("step_id") != step_id:
            fail_flow(api, result, f"expected the form of step {step_id!r}")
        result = api.request(
            "POST", f"/api/config/config_entries/flow/{result['flow_id']}", user_input
        )
    check_no_errors(api, result)
    if result.get("type") != "create_entry":
        fail_flow(api, result, "expected the flow to create an entry")
    state = wait_until_loaded(api, result["result"]["entry_id"])
    log(f"added line {result['title']!r} ({state})")


def check_no_errors(api: Api, result: dict[str, Any]) -> None:
    """Fail if the flow showed its form again because the input was refused."""
    if errors := result.get("errors"):
        fail_flow(
            api, result, f"step {result.get('step_id')!r} refused the input: {errors}"
        )


def wait_until_loaded(api: Api, entry_id: str, timeout: float = 30) -> str:
    """Wait until a new entry is set up; fail if its setup fails."""
    deadline = time.monotonic() + timeout
    while True:
        entries = api.request(
            "GET", f"/api/config/config_entries/entry?domain={DOMAIN}"
        )
        entry = next(entry for entry in entries if entry["entry_id"] == entry_id)
        if entry["state"] == "loaded":
            return "loaded"
        if entry["state"] not in ("not_loaded", "setup_in_progress") or (
            time.monotonic() > deadline
        ):
            raise BootstrapError(f"line {entry['title']!r} did not load: {entry}")
        time.sleep(0.5)


def fail_flow(api: Api, result: dict[str, Any], reason: str) -> None:
    """Abort the flow, if it is still open, and stop with its answer."""
    if result.get("type") == "form" and "flow_id" in result:
        with contextlib.suppress(BootstrapError):
            api.request(
                "DELETE", f"/api/config/config_entries/flow/{result['flow_id']}"
            )
    raise BootstrapError(f"{reason}; the flow answered: {json.dumps(result)}")


def process_alive(pid: int) -> bool:
    """Return whether a process runs (a zombie child of script/develop does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        if Path("/proc/self").exists():
            return False
        try:  # No /proc, as on macOS: a zombie counts as running then.
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def log(message: str) -> None:
    """Print one line of progress."""
    print(f"develop_bootstrap: {message}", flush=True)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BootstrapError as err:
        print(f"develop_bootstrap: FAILED: {err}", file=sys.stderr, flush=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
