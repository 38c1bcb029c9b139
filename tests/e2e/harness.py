"""Run a real Home Assistant in a process of its own, and talk to it as a client.

The process is `hass` from this virtualenv, on a throwaway config folder and a
free port on 127.0.0.1. Onboarding and config flows go over REST with
script/hass_api.py, the same client script/develop uses; states, actions and
events go over the WebSocket API with aiohttp, as the frontend does.
"""

import asyncio
from collections.abc import AsyncIterator, Callable
import contextlib
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib.metadata import PackageNotFoundError, version
import json
import os
from pathlib import Path
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from typing import Any, Self
from zoneinfo import ZoneInfo

import aiohttp
from packaging.requirements import Requirement

from script.hass_api import (
    Api,
    HassApiError,
    Owner,
    onboard,
    remove_entries_needing_internet,
)

DOMAIN = "esim_renewal"
# What a real Home Assistant with its web UI needs beyond the test requirements,
# and the command that installs it.
REQUIREMENTS_DEV = Path(__file__).parents[2] / "requirements_dev.txt"
INSTALL_REQUIREMENTS_DEV = "script/setup requirements_dev.txt"
TIME_ZONE = ZoneInfo("Asia/Tokyo")
# Where the README's screenshots go when script/screenshots asks for them.
SCREENSHOTS_ENV = "ESIM_RENEWAL_SCREENSHOTS"
OWNER = Owner(name="E2E", username="e2e", password="e2e-esim-renewal")
HASS = Path(sys.executable).with_name("hass")
INTEGRATION = Path(__file__).parents[2] / "custom_components" / DOMAIN

# Seconds. On the 2-core machine, HTTP answers about 2.5 s after hass starts,
# it runs 1 s later, and it stops within about 1 s of SIGTERM.
START_TIMEOUT = 60
STOP_TIMEOUT = 30
REQUEST_TIMEOUT = 15
WEBSOCKET_TIMEOUT = 10
POLL_INTERVAL = 0.2
# Lines of the log attached to a failure.
REPORT_LINES = 200

# Only what the tests use, and what Home Assistant sets up anyway (bootstrap's
# DEFAULT_INTEGRATIONS, which include frontend). No default_config:, which would
# also set up integrations that need the internet or more packages.
CONFIGURATION = """\
homeassistant:
  name: eSIM Renewal e2e
  time_zone: Asia/Tokyo
  country: JP
  currency: JPY
  unit_system: metric

# The port comes from SETUP_PORT: `http:` in YAML is migrated to storage as a
# trial config, which the web UI asks the owner to confirm, and which Home
# Assistant reverts by restarting five minutes later.
api:
config:
onboarding:
repairs:
websocket_api:
{frontend}
logger:
  default: info
  logs:
    custom_components.{domain}: debug
"""

# Frontend is set up in any case, and a failed frontend sends Home Assistant
# into recovery mode, without custom integrations. A development repository
# lets it start without the home-assistant-frontend package, for the tests that
# need no web UI.
NO_WEB_UI = """\
frontend:
  development_repo: {frontend_repo}
"""
# The web UI of a user's Home Assistant, with the history and logbook its
# device pages show (requirements_dev.txt installs what they need).
WEB_UI = """\
frontend:
history:
logbook:
recorder:
  commit_interval: 1
"""

# `hass --skip-pip` never installs packages at run time; the integrations these
# tests use need none beyond the virtualenv. Other default integrations (voice,
# camera, ...) then fail to set up for want of their packages, which is fine.
HASS_ARGS = ("--skip-pip",)

# "2026-11-28 19:05:20.270 ERROR (MainThread) [homeassistant.setup] Message"
_LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ (?P<level>[A-Z]+) \([^)]*\) "
    r"\[(?P<logger>[^\]]+)\] (?P<message>.*)$"
)


@dataclass(frozen=True, kw_only=True)
class LogRecord:
    """One record of Home Assistant's log, with its traceback if it has one."""

    level: str
    logger: str
    text: str


class HassProcess:
    """A real Home Assistant in a separate process, on a config folder of its own.

    Each run logs to a file of its own under base/logs, so a restart does not
    rotate away what the previous run said.
    """

    def __init__(self, base: Path, *, web_ui: bool = False) -> None:
        """Prepare a config folder under base, with the web UI or without it."""
        self.base = base
        self.web_ui = web_ui
        self.config_dir = base / "config"
        self.logs_dir = base / "logs"
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.api = Api(self.url, timeout=REQUEST_TIMEOUT)
        self.runs = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._exit_code: int | None = None
        self._write_config()

    def _write_config(self) -> None:
        """Write configuration.yaml and copy the integration in."""
        frontend_repo = self.base / "frontend"
        for folder in (self.config_dir, self.logs_dir, frontend_repo):
            folder.mkdir(parents=True)
        for folder in ("home", "tmp"):
            (self.base / folder).mkdir()
        frontend = (WEB_UI if self.web_ui else NO_WEB_UI).format(
            frontend_repo=frontend_repo
        )
        (self.config_dir / "configuration.yaml").write_text(
            CONFIGURATION.format(frontend=frontend, domain=DOMAIN)
        )
        # A copy, not a link: Home Assistant writes nothing into the work tree.
        shutil.copytree(
            INTEGRATION,
            self.config_dir / "custom_components" / DOMAIN,
            ignore=shutil.ignore_patterns("__pycache__"),
        )

    @property
    def log_path(self) -> Path:
        """Return the log file of the current (or last) run."""
        return self.logs_dir / f"home-assistant.{self.runs}.log"

    @property
    def output_path(self) -> Path:
        """Return the file that gets the current run's stdout and stderr."""
        return self.logs_dir / f"hass.{self.runs}.out"

    @property
    def running(self) -> bool:
        """Return whether the process runs."""
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Start Home Assistant and wait until its HTTP API answers.

        Config entries are set up before the HTTP server starts, so the lines
        are loaded (or failed) by then.
        """
        assert not self.running, "Home Assistant is already running"
        self.runs += 1
        # Nothing is written outside the base folder: no bytecode next to the
        # virtualenv's modules, and a home and temp folder of its own.
        env = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(("COV_CORE_", "COVERAGE_", "PYTEST_"))
        } | {
            "HOME": str(self.base / "home"),
            "TMPDIR": str(self.base / "tmp"),
            "PYTHONDONTWRITEBYTECODE": "1",
            "SETUP_PORT": str(self.port),
        }
        with self.output_path.open("wb") as output:
            self._process = subprocess.Popen(
                [
                    str(HASS),
                    "--config",
                    str(self.config_dir),
                    "--log-file",
                    str(self.log_path),
                    *HASS_ARGS,
                ],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                env=env,
                # In pytest's process group, so that whatever ends the whole
                # group (Ctrl-C, a CI runner giving up) ends it too.
            )
        try:
            self.api.wait_until_up(
                START_TIMEOUT, self._process.pid, interval=POLL_INTERVAL
            )
        except HassApiError:
            self.kill()
            raise

    def onboard(self) -> None:
        """Onboard the fresh instance; the API client then holds the owner's token."""
        onboard(self.api, OWNER)
        remove_entries_needing_internet(self.api)
        steps = self.api.request("GET", "/api/onboarding")
        if not all(step["done"] for step in steps):
            raise HassApiError(f"onboarding has steps left: {steps}")

    def wait_until_running(self, timeout: float = START_TIMEOUT) -> None:
        """Wait until Home Assistant has started: lines remind from then on."""
        deadline = time.monotonic() + timeout
        while (state := self.api.request("GET", "/api/config")["state"]) != "RUNNING":
            if time.monotonic() > deadline:
                raise TimeoutError(f"Home Assistant is still {state} after {timeout}s")
            time.sleep(POLL_INTERVAL)

    def stop(self) -> int | None:
        """Stop Home Assistant with one SIGTERM; return its exit code.

        Return None if it was not running. Kill it, and raise, if it does not
        exit in time.
        """
        if self._process is None:
            return None
        if self.running and self.api.token:
            # Home Assistant handles SIGTERM only once it runs: before, the
            # signal kills it, with its pending writes. If it cannot say that
            # it runs, it gets the signal all the same.
            with contextlib.suppress(HassApiError, OSError):
                self.wait_until_running()
        process, self._process = self._process, None
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            self._exit_code = process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            self._exit_code = process.wait()
            raise TimeoutError(
                f"Home Assistant did not stop within {STOP_TIMEOUT}s of SIGTERM"
            ) from None
        return self._exit_code

    def kill(self) -> None:
        """Kill the process at once, if it runs: the last resort of a teardown."""
        if self._process is None:
            return
        process, self._process = self._process, None
        if process.poll() is None:
            process.kill()
        self._exit_code = process.wait()

    def log_records(self) -> list[LogRecord]:
        """Return the records of the current run's log."""
        return _log_records(self.log_path)

    def integration_problems(self) -> list[LogRecord]:
        """Return the run's warnings and errors that concern the integration.

        Home Assistant's own warning that esim_renewal is a custom integration
        does not count.
        """
        return [
            record
            for record in self.log_records()
            if record.level in ("WARNING", "ERROR", "CRITICAL")
            and DOMAIN in record.text
            and "We found a custom integration" not in record.text
        ]

    def pip_installs(self) -> list[LogRecord]:
        """Return the run's records of installing packages at run time."""
        return [
            record
            for record in self.log_records()
            if "Attempting install of" in record.text
            or "Unable to install package" in record.text
        ]

    def store_path(self, entry_id: str) -> Path:
        """Return the store file of a line."""
        return self.config_dir / ".storage" / f"{DOMAIN}.{entry_id}"

    def read_store(self, entry_id: str) -> dict[str, Any]:
        """Return a line's store file, decoded."""
        stored: dict[str, Any] = json.loads(self.store_path(entry_id).read_text())
        return stored

    def report(self) -> list[tuple[str, str]]:
        """Return what to attach to a failure.

        That is the warnings and errors of the earlier runs, the end of the
        current run's log, and its output if it exited with an error.
        """
        sections = []
        for run in range(1, self.runs):
            log = self.logs_dir / f"home-assistant.{run}.log"
            problems = [
                record.text.splitlines()[0]
                for record in _log_records(log)
                if record.level in ("WARNING", "ERROR", "CRITICAL")
            ]
            sections.append((f"{log.name}: warnings and errors", "\n".join(problems)))
        if self.runs:
            tail = _read_text(self.log_path).splitlines()[-REPORT_LINES:]
            sections.append(
                (f"{self.log_path.name}: last {REPORT_LINES} lines", "\n".join(tail))
            )
        exit_code = self._process.poll() if self._process else self._exit_code
        if exit_code not in (None, 0):
            tail = _read_text(self.output_path).splitlines()[-REPORT_LINES:]
            sections.append(
                (f"{self.output_path.name}: exit code {exit_code}", "\n".join(tail))
            )
        return sections


class WebSocket:
    """A client of Home Assistant's WebSocket API, as the frontend talks to it.

    Messages are read as they are needed: events that arrive while waiting for a
    result wait in a queue per subscription.
    """

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        """Wrap an authenticated connection."""
        self._ws = ws
        self._last_id = 0
        self._events: dict[int, list[dict[str, Any]]] = {}

    @classmethod
    @asynccontextmanager
    async def connect(cls, hass: HassProcess) -> AsyncIterator[Self]:
        """Connect and authenticate with the owner's access token."""
        timeout = aiohttp.ClientTimeout(total=WEBSOCKET_TIMEOUT)
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.ws_connect(f"{hass.url}/api/websocket") as ws,
        ):
            client = cls(ws)
            async with asyncio.timeout(WEBSOCKET_TIMEOUT):
                assert (await client._receive())["type"] == "auth_required"
                await ws.send_json({"type": "auth", "access_token": hass.api.token})
                answer = await client._receive()
            assert answer["type"] == "auth_ok", answer
            yield client

    async def command(self, command: str, **data: Any) -> Any:
        """Send a command; return its result, which must be a success."""
        self._last_id += 1
        message_id = self._last_id
        async with asyncio.timeout(WEBSOCKET_TIMEOUT):
            await self._ws.send_json({"id": message_id, "type": command, **data})
            while True:
                message = await self._receive()
                if message.get("id") == message_id and message["type"] == "result":
                    break
                self._keep(message)
        if not message["success"]:
            raise WebSocketError(command, message["error"])
        return message["result"]

    async def states(self) -> dict[str, dict[str, Any]]:
        """Return every entity's state, by entity id."""
        return {state["entity_id"]: state for state in await self.command("get_states")}

    async def subscribe_events(self, event_type: str) -> int:
        """Subscribe to one type of event; return the subscription's id."""
        await self.command("subscribe_events", event_type=event_type)
        self._events[self._last_id] = []
        return self._last_id

    async def next_event(self, subscription: int) -> dict[str, Any]:
        """Wait for the next event of a subscription and return it."""
        queue = self._events[subscription]
        while not queue:
            self._keep(await self._receive())
        return queue.pop(0)

    async def events_within(
        self, subscription: int, seconds: float
    ) -> list[dict[str, Any]]:
        """Return the events of a subscription that arrive within some seconds."""
        queue = self._events[subscription]
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                while True:
                    self._keep(await self._receive())
        events, queue[:] = list(queue), []
        return events

    async def _receive(self) -> dict[str, Any]:
        """Return the next message."""
        message: dict[str, Any] = await self._ws.receive_json()
        return message

    def _keep(self, message: dict[str, Any]) -> None:
        """Queue an event for its subscription; other messages are not expected."""
        if message.get("type") == "event" and message["id"] in self._events:
            self._events[message["id"]].append(message["event"])
        else:
            raise AssertionError(f"Unexpected message: {message}")


class WebSocketError(Exception):
    """A WebSocket command failed."""

    def __init__(self, command: str, error: dict[str, Any]) -> None:
        """Keep the error Home Assistant answered with."""
        super().__init__(f"{command} failed: {error}")
        self.error = error


async def until(condition: Callable[[], bool]) -> None:
    """Wait until a condition holds, such as a file's content; use a timeout."""
    while not condition():  # noqa: ASYNC110 -- a file, not an event
        await asyncio.sleep(POLL_INTERVAL)


def missing_requirements(requirements: Path = REQUIREMENTS_DEV) -> list[str]:
    """Return the pinned requirements that are not installed as pinned.

    Without them `hass` still answers over HTTP but cannot serve its web UI,
    so a browser waits for a page that never loads.
    """
    missing = []
    for line in requirements.read_text().splitlines():
        if not (pinned := line.split("#", 1)[0].strip()):
            continue
        requirement = Requirement(pinned)
        try:
            installed = version(requirement.name)
        except PackageNotFoundError:
            missing.append(pinned)
            continue
        if not requirement.specifier.contains(installed, prereleases=True):
            missing.append(f"{pinned} ({installed} installed)")
    return missing


def tokyo_now() -> datetime:
    """Return the time in Tokyo, Home Assistant's time zone in these tests."""
    return datetime.now(TIME_ZONE)


def wait_out_midnight(margin: timedelta = timedelta(minutes=2)) -> None:
    """Wait until just after midnight in Tokyo, if it is less than margin away.

    Day counts change at local midnight: a scenario that starts here ends on the
    day it started.
    """
    now = tokyo_now()
    midnight = datetime.combine(
        now.date() + timedelta(days=1), datetime.min.time(), TIME_ZONE
    )
    if (left := midnight - now) < margin:
        time.sleep(left.total_seconds() + 1)


def _free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _log_records(path: Path) -> list[LogRecord]:
    """Return the records of a log file, each with the lines that follow it."""
    records: list[LogRecord] = []
    lines: list[str] = []
    level = logger = ""
    for line in _read_text(path).splitlines():
        if match := _LOG_LINE.match(line):
            if lines:
                records.append(
                    LogRecord(level=level, logger=logger, text="\n".join(lines))
                )
            level, logger, lines = match["level"], match["logger"], [line]
        elif lines:
            lines.append(line)
    if lines:
        records.append(LogRecord(level=level, logger=logger, text="\n".join(lines)))
    return records


def _read_text(path: Path) -> str:
    """Return a file's text, or nothing if it is not there."""
    try:
        return path.read_text(errors="replace")
    except FileNotFoundError:
        return ""
