"""A tiny standard-library client for a real Home Assistant's HTTP API.

script/develop_bootstrap.py onboards the development instance with it, and the
end-to-end tests (tests/e2e) onboard throwaway instances with it: both do what a
person does in the browser, the onboarding steps and then the integration's real
config flow, over the same REST calls. Standard library only, so that the
bootstrap runs with the Python next to hass and nothing else.
"""

# Run from script/ by develop_bootstrap.py, imported as script.hass_api by the
# tests: a module next to the scripts, not part of a package.
# ruff: noqa: INP001

import contextlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from http import HTTPStatus
import json
import os
from pathlib import Path
import time
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen
from zoneinfo import ZoneInfo

DOMAIN = "esim_renewal"
# The core_config step sets these up on its own; offline they only retry forever.
NEEDS_INTERNET = ("radio_browser",)


class HassApiError(Exception):
    """Something did not go as a person clicking through the UI would see it."""


@dataclass(frozen=True, kw_only=True)
class Owner:
    """The user that onboarding creates."""

    name: str
    username: str
    password: str
    language: str = "en"


class Api:
    """A tiny JSON client for Home Assistant's HTTP API."""

    def __init__(self, base_url: str, *, timeout: float = 60) -> None:
        """Talk to the instance at base_url, as the browser client base_url/.

        Each request waits at most timeout seconds for its answer.
        """
        self.base_url = base_url.rstrip("/")
        self.client_id = f"{self.base_url}/"
        self.timeout = timeout
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
            raise HassApiError(f"{method} {path} answered {status}: {text}")
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
            with urlopen(request, timeout=self.timeout) as response:
                return response.status, response.read().decode()
        except HTTPError as err:
            return err.code, err.read().decode(errors="replace")

    def wait_until_up(
        self, timeout: float, hass_pid: int | None, *, interval: float = 1
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
                raise HassApiError(
                    "Home Assistant stopped before its HTTP API answered"
                )
            if time.monotonic() > deadline:
                raise HassApiError(
                    f"{self.base_url} did not answer in {timeout:.0f}s: {text}"
                )
            time.sleep(interval)

    def use_tokens(
        self, tokens: dict[str, Any], token_file: Path | None = None
    ) -> None:
        """Authenticate from now on; keep the refresh token in token_file, if given."""
        self.token = tokens["access_token"]
        if token_file is not None and (refresh_token := tokens.get("refresh_token")):
            token_file.parent.mkdir(parents=True, exist_ok=True)
            token_file.write_text(refresh_token + "\n")
            token_file.chmod(0o600)


def onboard(api: Api, owner: Owner) -> None:
    """Onboard a fresh instance in one go, as a person who only presses Next."""
    api.use_tokens(create_owner(api, owner))
    finish_core_config(api)
    finish_analytics(api)
    finish_onboarding(api)


def create_owner(api: Api, owner: Owner) -> dict[str, Any]:
    """Create the owner, the first onboarding step; return the owner's tokens."""
    answer = api.request(
        "POST",
        "/api/onboarding/users",
        {
            "client_id": api.client_id,
            "name": owner.name,
            "username": owner.username,
            "password": owner.password,
            "language": owner.language,
        },
    )
    return exchange_code(api, answer["auth_code"])


def finish_core_config(api: Api) -> None:
    """Accept the core config step as it is.

    Time zone, country, currency and units come from configuration.yaml.
    """
    api.request("POST", "/api/onboarding/core_config", {})


def finish_analytics(api: Api) -> None:
    """Accept the analytics step as it is: nothing is shared."""
    api.request("POST", "/api/onboarding/analytics", {})


def finish_onboarding(api: Api) -> None:
    """Finish onboarding, as the Finish button does."""
    api.request(
        "POST",
        "/api/onboarding/integration",
        {
            "client_id": api.client_id,
            "redirect_uri": f"{api.base_url}/?auth_callback=1",
        },
    )


def remove_entries_needing_internet(api: Api, wait: float = 10) -> list[str]:
    """Remove what onboarding added that cannot work offline; return their titles.

    Onboarding adds them in the background: wait a little for them to appear.
    """
    deadline = time.monotonic() + wait
    removed = []
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
            removed.append(entry["title"])
    return removed


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


def log_in(api: Api, username: str, password: str) -> dict[str, Any]:
    """Log in with a password, as the login page does; return the tokens."""
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
        {"client_id": api.client_id, "username": username, "password": password},
    )
    if result.get("type") != "create_entry":
        raise HassApiError(f"{username!r} cannot log in: {result}")
    return exchange_code(api, result["result"])


def local_today(api: Api) -> date:
    """Return today's date in Home Assistant's time zone, as the integration sees it."""
    time_zone = api.request("GET", "/api/config")["time_zone"]
    return datetime.now(ZoneInfo(time_zone)).date()


def add_line(api: Api, steps: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """Add a line through the config flow's steps; return its loaded entry."""
    result = run_flow(
        api,
        "/api/config/config_entries/flow",
        {"handler": DOMAIN, "show_advanced_options": False},
        steps,
    )
    return wait_until_loaded(api, result["result"]["entry_id"])


def travel_esim_steps(today: date) -> list[tuple[str, dict[str, Any]]]:
    """Return the config flow answers of the demo's Travel eSIM line.

    A fixed end in 20 days, 2.3 GB of 10 GB left: the line README.md's
    dashboard card names.
    """
    return [
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
    ]


def povo_keeper_steps(today: date) -> list[tuple[str, dict[str, Any]]]:
    """Return the config flow answers of the demo's povo number keeper.

    A 30-day topping bought 200 days ago ended 170 days ago: the line is safe
    for 10 more days, and the number for 30 after.
    """
    return [
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
            "after_pack",
            {
                "last_renewal": (today - timedelta(days=200)).isoformat(),
                "pack_days": 30,
                "validity_days": 180,
                "grace_days": 30,
                "unlimited_data": False,
            },
        ),
    ]


def run_flow(
    api: Api,
    path: str,
    start: dict[str, Any],
    steps: list[tuple[str, dict[str, Any]]],
) -> dict[str, Any]:
    """Walk a config or options flow through the given steps; return its result.

    The flow must show each step's form in turn, accept the input, and create an
    entry at the end.
    """
    result: dict[str, Any] = api.request("POST", path, start)
    for step_id, user_input in steps:
        check_no_errors(api, path, result)
        if result.get("type") != "form" or result.get("step_id") != step_id:
            fail_flow(api, path, result, f"expected the form of step {step_id!r}")
        result = api.request("POST", f"{path}/{result['flow_id']}", user_input)
    check_no_errors(api, path, result)
    if result.get("type") != "create_entry":
        fail_flow(api, path, result, "expected the flow to create an entry")
    return result


def check_no_errors(api: Api, path: str, result: dict[str, Any]) -> None:
    """Fail if the flow showed its form again because the input was refused."""
    if errors := result.get("errors"):
        fail_flow(
            api,
            path,
            result,
            f"step {result.get('step_id')!r} refused the input: {errors}",
        )


def wait_until_loaded(
    api: Api, entry_id: str, timeout: float = 30, *, interval: float = 0.5
) -> dict[str, Any]:
    """Wait until a new entry is set up and return it; fail if its setup fails."""
    deadline = time.monotonic() + timeout
    while True:
        entries = api.request(
            "GET", f"/api/config/config_entries/entry?domain={DOMAIN}"
        )
        entry: dict[str, Any] = next(
            entry for entry in entries if entry["entry_id"] == entry_id
        )
        if entry["state"] == "loaded":
            return entry
        if entry["state"] not in ("not_loaded", "setup_in_progress") or (
            time.monotonic() > deadline
        ):
            raise HassApiError(f"line {entry['title']!r} did not load: {entry}")
        time.sleep(interval)


def fail_flow(api: Api, path: str, result: dict[str, Any], reason: str) -> None:
    """Abort the flow, if it is still open, and stop with its answer."""
    if result.get("type") == "form" and "flow_id" in result:
        with contextlib.suppress(HassApiError):
            api.request("DELETE", f"{path}/{result['flow_id']}")
    raise HassApiError(f"{reason}; the flow answered: {json.dumps(result)}")


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
