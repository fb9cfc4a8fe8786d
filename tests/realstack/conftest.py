"""The real stack: PostgreSQL, a Redis server of our own, a Celery worker and beat in their own
processes, and an SMTP sink (aiosmtpd) on loopback.

The test process only writes the fixtures' rows (committed: transactional tests); every action
of the portal (publishing) runs in a separate `manage.py shell` process with the production
settings driven by the environment, as a web request would.
"""

import contextlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from email import message_from_bytes
from pathlib import Path

import pytest

from ..conftest import require

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _group_alive(pgid: int) -> bool:
    """Whether a process of this group still runs (zombies waiting to be reaped do not)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


class RedisServer:
    """A redis-server of the test's own, which the outage cases stop and start again."""

    def __init__(self, directory: Path):
        self.port = free_port()
        self.directory = directory
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        import redis

        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        for _ in range(100):
            try:
                if client.ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None


class Sink:
    """An SMTP server that records every accepted message; it can refuse for a while.

    `parse=False` (the benchmark) keeps only who received how many messages: parsing every
    message would cost the benchmark's process CPU that the worker shares.
    """

    def __init__(self, *, parse: bool = True):
        from aiosmtpd.controller import Controller

        logging.getLogger("mail.log").setLevel(logging.WARNING)  # one line per SMTP command
        self.parse = parse
        self.messages: list = []
        self.received: Counter[str] = Counter()  # messages accepted, by recipient
        self.refuse_until = 0.0
        self.refused = 0
        self.rcpt_delay = 0.0
        self.lock = threading.Lock()
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if self.rcpt_delay:
            import asyncio

            await asyncio.sleep(self.rcpt_delay)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if time.monotonic() < self.refuse_until:
            self.refused += 1
            return "451 4.3.0 Try again later"
        message = message_from_bytes(envelope.content) if self.parse else None
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message))
            self.received.update(envelope.rcpt_tos)
        return "250 Message accepted"

    def by_recipient(self) -> dict[str, list]:
        result: dict[str, list] = {}
        with self.lock:
            for recipients, message in self.messages:
                for address in recipients:
                    result.setdefault(address, []).append(message)
        return result

    def wait_for(self, count: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.messages) >= count:
                    break
            time.sleep(0.2)
        time.sleep(2)  # anything more would be a duplicate: give it a chance to show up


class Stack:
    def __init__(self, tmp: Path, database: str, redis_server: RedisServer, sink: Sink):
        self.tmp = tmp
        self.redis = redis_server
        self.sink = sink
        self.processes: dict[str, subprocess.Popen] = {}
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "iveo_portal.settings",
            "SECRET_KEY": "realstack-tests-only",
            "DEBUG": "false",
            "ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": database,
            "DATABASE_CONN_MAX_AGE": "0",
            "CELERY_BROKER_URL": redis_server.url,
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(sink.port),
            "EMAIL_TIMEOUT": "5",
            "SITE_URL": "http://testserver",
            "CELERY_SWEEP_SECONDS": "1",
            "CELERY_SWEEP_GRACE_SECONDS": "1",
            "CELERY_STALE_CLAIM_SECONDS": "4",
            "AXES_ENABLED": "false",
            "LOG_LEVEL": "WARNING",
        }

    def _start(self, name: str, args: list[str]) -> None:
        log = open(self.tmp / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        self.processes[name] = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "iveo_portal", *args],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip

    def start_worker(self, pool: str = "solo") -> None:
        """One worker node. `solo` runs the tasks in the node's process, one at a time;
        `prefork` is what `celery -A iveo_portal worker` starts by default: one child process
        per CPU, each running a task."""
        self._start(
            "worker",
            ["worker", "-P", pool, "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-l", "warning"],
        )  # fmt: skip

    def start_beat(self) -> None:
        self._start(
            "beat",
            ["beat", "-s", str(self.tmp / "beat-schedule"), "--max-interval", "1", "-l", "warning"],
        )

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Signal the process and its group, and wait until every process of the group is gone
        (a prefork worker's children outlive their parent for a moment, with their database
        connections)."""
        process = self.processes.pop(name, None)
        if process is None:
            return
        if process.poll() is None:
            os.killpg(process.pid, sig)
        deadline = time.monotonic() + 10
        while _group_alive(process.pid) and time.monotonic() < deadline + 10:
            if time.monotonic() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
            process.poll()  # reap the leader
            time.sleep(0.05)
        process.poll()

    def stop(self) -> None:
        for name in list(self.processes):
            self.kill(name, signal.SIGTERM)

    def run_portal(self, code: str, timeout: float = 60) -> str:
        """Run Python in a portal process (Django set up with the stack's environment)."""
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def publish(self, challenge_id: int) -> float:
        """Publish as the UI does; returns how long the publish call took, in seconds."""
        out = self.run_portal(
            "import time\n"
            "from challenges.models import Challenge\n"
            "from challenges.services import challenge_publish\n"
            "start = time.monotonic()\n"
            f"challenge_publish(challenge=Challenge.objects.get(pk={challenge_id}), by=None)\n"
            "print('ELAPSED', time.monotonic() - start)\n"
        )
        return float(out.split("ELAPSED", 1)[1].split()[0])

    def logs(self) -> str:
        return "\n".join(
            f"--- {p.name}\n{p.read_text(errors='replace')[-4000:]}" for p in self.tmp.glob("*.log")
        )


@pytest.fixture
def stack(tmp_path, transactional_db):
    from django.db import connection

    require(connection.vendor == "postgresql", "needs PostgreSQL (set DATABASE_URL)")
    require(shutil.which("redis-server") is not None, "needs redis-server")
    settings = connection.settings_dict
    database = (
        f"postgres://{settings['USER'] or 'postgres'}"
        f"{':' + settings['PASSWORD'] if settings['PASSWORD'] else ''}"
        f"@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
    )
    redis_server = RedisServer(tmp_path)
    redis_server.start()
    sink = Sink()
    sink.controller.start()
    stack = Stack(tmp_path, database, redis_server, sink)
    yield stack
    stack.stop()
    sink.controller.stop()
    redis_server.stop()
