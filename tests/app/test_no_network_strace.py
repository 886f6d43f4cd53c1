"""No network, no telemetry, proven on whole commands: selftest, a catalogue with OCR and a
transcription run under strace with a fresh, empty HOME.

The suite-wide guard (tests/helpers/network.py) refuses Python sockets only; native libraries
(onnxruntime's telemetry client, Qt, PortAudio, CTranslate2) do their own I/O, which only the
kernel's view shows. The commands run as a user would start them (``python -m app``), with the
telemetry switches of engines/offline.py *removed* from the inherited environment and every CI
marker unset (onnxruntime stays quiet on CI by itself, which would hide a missing switch), so
the application has to switch everything off on its own.

Fails on: any socket other than AF_UNIX; any AF_UNIX connect/bind/send to an address (none is
needed: the commands use pipes and anonymous socketpairs only); any file or folder created,
written or renamed under HOME outside the application's own folders (app/paths.py).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from engines.offline import OFFLINE_ENVIRONMENT

ROOT = Path(__file__).resolve().parents[2]
SELFTEST = ROOT / "resources" / "selftest"
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="strace is Linux-only")

SYSCALLS = ("socket,socketpair,connect,bind,sendto,sendmsg,open,openat,openat2,creat,mkdir,mkdirat,"
            "rename,renameat,renameat2,link,linkat,symlink,symlinkat,truncate")
# Variables that make onnxruntime suppress telemetry by itself (CI detection) or that switch
# things off from outside: the child must not inherit them, or the test would prove nothing.
CI_MARKERS = ("CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "CIRCLECI", "TRAVIS", "JENKINS_URL",
              "CODEBUILD_BUILD_ID", "BUILDKITE", "TEAMCITY_VERSION", "APPVEYOR",
              "BITBUCKET_BUILD_NUMBER", "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI", "ORT_RUNNING_UNIT_TESTS",
              "TRANSFORMERS_OFFLINE")
# glibc's name-service cache daemon is asked over a local socket when a user name is looked
# up; it is the only AF_UNIX peer tolerated (and only where nscd runs at all).
ALLOWED_UNIX_PEERS = ("/var/run/nscd/socket", "/run/nscd/socket")
WRITE_FLAGS = re.compile(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC")
CALL = re.compile(r"^(?P<name>[a-z0-9_]+)\((?P<args>.*)\)\s+=\s+(?P<result>-?\d+|\?)")
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


@dataclass
class Findings:
    """What one traced command did that matters here."""

    inet_sockets: list[str] = field(default_factory=list)
    unix_peers: list[str] = field(default_factory=list)
    home_writes: list[str] = field(default_factory=list)
    calls: int = 0


def _paths(name: str, args: str, cwd: Path) -> list[Path]:
    """The paths a file call creates or changes (the target side of renames and links)."""
    strings = [bytes(s, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")
               for s in STRING.findall(args)]
    if not strings:
        return []
    if name in ("open", "openat", "openat2"):
        if not WRITE_FLAGS.search(args):
            return []
        chosen = [strings[0]]
    elif name in ("rename", "renameat", "renameat2", "link", "linkat", "symlink", "symlinkat"):
        chosen = [strings[-1]]
    else:  # creat, mkdir, mkdirat, truncate
        chosen = [strings[0]]
    # A path relative to a directory fd is printed with that fd's path by -y: "3</dir>".
    base = re.match(r"^(?:\d+|AT_FDCWD)<([^>]*)>,", args)
    out = []
    for s in chosen:
        p = Path(s)
        if not p.is_absolute():
            p = Path(base.group(1)) / p if base else cwd / p
        out.append(Path(os.path.normpath(p)))
    return out


def analyse(trace_dir: Path, home: Path, allowed: list[Path], cwd: Path) -> Findings:
    """Read strace -ff output (one file per thread, so no interleaved lines)."""
    found = Findings()
    keep_parents = {p for a in allowed for p in a.parents if p == home or home in p.parents}
    for file in sorted(trace_dir.iterdir()):
        for line in file.read_text(encoding="utf-8", errors="replace").splitlines():
            m = CALL.match(line)
            if not m:
                continue
            found.calls += 1
            name, args = m["name"], m["args"]
            if name == "socket":
                if not args.startswith("AF_UNIX"):
                    found.inet_sockets.append(line)
            elif name in ("connect", "bind", "sendto", "sendmsg"):
                if "sa_family=AF_INET" in args:
                    found.inet_sockets.append(line)
                peer = re.search(r'sun_path="([^"]*)"', args)
                if peer and peer.group(1) not in ALLOWED_UNIX_PEERS:
                    found.unix_peers.append(line)
            elif name != "socketpair":
                for path in _paths(name, args, cwd):
                    if path != home and home not in path.parents:
                        continue
                    if any(path == a or a in path.parents for a in allowed):
                        continue
                    if path in keep_parents and name in ("mkdir", "mkdirat"):
                        continue  # e.g. ~/.cache on the way to ~/.cache/trial-assistant
                    found.home_writes.append(line)
    return found


@pytest.fixture(scope="module")
def strace() -> str:
    """The strace binary; its absence is a failure, not a skip (setup-env.sh installs it)."""
    path = shutil.which("strace")
    if path is None:
        pytest.fail("strace is not installed: scripts/setup-env.sh installs it (apt-get install strace)")
    return path


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in OFFLINE_ENVIRONMENT and k not in CI_MARKERS and not k.startswith("HF_")
           and not k.startswith("XDG_") and not k.startswith("TRIAL_ASSISTANT_")}
    # This checkout's code, run from a folder outside HOME (relative paths land there).
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1",
               PYTHONPATH=os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]))
    return env


def _own_folders(monkeypatch, home: Path) -> list[Path]:
    """The application's folders for this HOME, as app/paths.py computes them."""
    from app import paths

    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "TRIAL_ASSISTANT_DATA",
                 "TRIAL_ASSISTANT_CACHE", "TRIAL_ASSISTANT_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    folders = [paths.default_data_dir(), paths.cache_dir(), paths.config_dir()]
    monkeypatch.undo()
    return [Path(os.path.normpath(f)) for f in folders]


def _traced(strace: str, argv: list[str], home: Path, work: Path, name: str, timeout: float = 240):
    trace_dir = work / f"trace-{name}"
    trace_dir.mkdir()
    proc = subprocess.run([strace, "-f", "-ff", "-qq", "-y", "--seccomp-bpf", "-s", "512",
                           "-e", f"trace={SYSCALLS}", "-o", str(trace_dir / "t"), *argv],
                          cwd=work, env=_environment(home), capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)
    return proc, trace_dir


def _assert_clean(found: Findings, what: str) -> None:
    assert found.calls > 50, f"{what}: strace saw almost nothing ({found.calls} calls)"
    assert found.inet_sockets == [], f"{what} opened internet sockets:\n" + "\n".join(found.inet_sockets[:20])
    assert found.unix_peers == [], f"{what} talked to local sockets:\n" + "\n".join(found.unix_peers[:20])
    assert found.home_writes == [], (f"{what} wrote under HOME outside the application's folders:\n"
                                     + "\n".join(found.home_writes[:20]))


def test_the_tracer_sees_what_it_must_refuse(strace, tmp_path, monkeypatch):
    """A process that opens an internet socket and writes a dot-folder in HOME is caught."""
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir(), work.mkdir()
    allowed = _own_folders(monkeypatch, home)
    code = ("import os, socket, threading\n"
            "def leak():\n"
            "    socket.socket(socket.AF_INET6, socket.SOCK_DGRAM).close()\n"
            "    os.makedirs(os.path.expanduser('~/.cache/Vendor/telemetry'))\n"
            "t = threading.Thread(target=leak); t.start(); t.join()\n"
            "os.makedirs(os.path.expanduser('~/.cache/trial-assistant/models'))\n")
    proc, trace_dir = _traced(strace, [sys.executable, "-c", code], home, work, "probe", 60)
    assert proc.returncode == 0, proc.stderr
    found = analyse(trace_dir, home, allowed, work)
    assert any("AF_INET6" in line for line in found.inet_sockets)
    assert [line for line in found.home_writes if ".cache/Vendor" in line]
    assert not [line for line in found.home_writes if "trial-assistant" in line]


def test_selftest_catalogue_and_transcription_stay_offline_and_out_of_home(strace, tmp_path, monkeypatch):
    """The three commands that load every native engine, each traced with all its children."""
    from PIL import Image

    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir(), work.mkdir()
    allowed = _own_folders(monkeypatch, home)
    scan = work / "scan.pdf"  # an image-only PDF: cataloguing has to OCR it
    Image.open(SELFTEST / "ocr_sample.png").convert("RGB").save(scan, resolution=150)
    app = [sys.executable, "-m", "app"]

    proc, trace = _traced(strace, [*app, "selftest", "--json"], home, work, "selftest")
    report = json.loads(proc.stdout)
    assert report["ok"], proc.stdout
    names = {c["name"] for c in report["checks"]}
    assert {"ocr", "whisper", "whisper-child"} <= names
    _assert_clean(analyse(trace, home, allowed, work), "selftest")

    proc, trace = _traced(strace, [*app, "catalogue", "--json", "--quiet", str(scan)], home, work, "catalogue")
    assert proc.returncode == 0, proc.stderr
    page = json.loads(proc.stdout)["pages"][0]
    assert page["scanned"] and page["title"] == "民事起诉状", page
    _assert_clean(analyse(trace, home, allowed, work), "catalogue")

    proc, trace = _traced(strace, [*app, "transcribe", "--json", str(SELFTEST / "speech_zh.wav")],
                          home, work, "transcribe")
    assert proc.returncode == 0, proc.stderr
    assert "".join(s["text"] for s in json.loads(proc.stdout)["segments"]).strip()
    _assert_clean(analyse(trace, home, allowed, work), "transcribe")
    # The model was assembled where the application keeps its cache, and nowhere else in HOME.
    assert sorted(p.name for p in home.iterdir()) == [".cache"]
