"""Two real Syncthing instances on 127.0.0.1 that keep one folder in sync, for end-to-end
tests of what the app does with a synced history folder (kill -9 mid-sync, a side offline).

Written against Debian's Syncthing 1.19 (`syncthing generate` / `syncthing serve`).
Nothing leaves the machine and nothing is written outside `root`: discovery, relays, NAT
traversal, usage and crash reporting and upgrades are off, b dials a at a static
tcp://127.0.0.1 address (why only b: _write_config), and the children get
HOME=root/<side>/home.

    with SyncthingPair(tmp_path) as pair:
        (pair.folder("a") / "x").write_text("hi")
        pair.wait_in_sync()
"""

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

SYNCTHING = "/usr/bin/syncthing"
FOLDER_ID = "stretchtimer-history"
SIDES = ("a", "b")
DIALER = "b"  # see _write_config
INSTALL_HINT = "bash packaging/bootstrap.sh test installs it"


def free_ports(n: int) -> list[int]:
    """n distinct free ports on 127.0.0.1 (all held until all are picked)."""
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def _set(parent: ET.Element, tag: str, value: object) -> None:
    el = parent.find(tag)
    if el is None:
        el = ET.SubElement(parent, tag)
    el.text = str(value).lower() if isinstance(value, bool) else str(value)


class SyncthingPair:
    """Sides "a" and "b", each a Syncthing home under root/<side> sharing FOLDER_ID at
    `folders[side]` (default root/<side>/folder)."""

    def __init__(self, root: Path, folders: dict[str, Path] | None = None, *,
                 rescan_s: int = 10):
        if not Path(SYNCTHING).exists():
            raise AssertionError(f"{SYNCTHING} is missing: {INSTALL_HINT}")
        self.root = Path(root)
        self.folders = {s: Path((folders or {}).get(s, self.root / s / "folder")) for s in SIDES}
        self.api_key = {s: f"stretchtimer-test-key-{s}" for s in SIDES}
        ports = free_ports(4)
        self.gui_port = dict(zip(SIDES, ports[:2]))
        self.sync_port = dict(zip(SIDES, ports[2:]))
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.paused: set[str] = set()  # sides paused by pause_device()
        self.last_status: dict[str, object] = {}
        self.device_id: dict[str, str] = {}
        for side in SIDES:
            home = self.home(side)
            home.mkdir(parents=True, exist_ok=True)
            (home / "home").mkdir(exist_ok=True)
            # a key pair (the device ID) and a config.xml with every default spelled out
            done = subprocess.run([SYNCTHING, "generate", f"--home={home}",
                                   "--no-default-folder", "--skip-port-probing"],
                                  env=self._env(side), capture_output=True, text=True, timeout=60)
            assert done.returncode == 0, f"syncthing generate: {done.stdout}{done.stderr}"
            config = ET.parse(home / "config.xml").getroot()
            self.device_id[side] = config.find("device").get("id")
        for side in SIDES:
            self._write_config(side, rescan_s)
            # Syncthing refuses a folder without its marker (a guard against an unmounted disk)
            (self.folders[side] / ".stfolder").mkdir(parents=True, exist_ok=True)

    # -- setup --------------------------------------------------------------------------

    def home(self, side: str) -> Path:
        return self.root / side

    def folder(self, side: str) -> Path:
        return self.folders[side]

    def log_path(self, side: str) -> Path:
        return self.root / f"{side}.log"

    def other(self, side: str) -> str:
        return "b" if side == "a" else "a"

    def _env(self, side: str) -> dict[str, str]:
        home = str(self.home(side) / "home")
        env = {k: v for k, v in os.environ.items() if k not in ("STGUIADDRESS", "STGUIAPIKEY")}
        return dict(env, HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home,
                    XDG_STATE_HOME=home, STNODEFAULTFOLDER="1", STNOUPGRADE="1",
                    STNORESTART="1",
                    # run Syncthing itself, not the monitor that starts it as a child: a
                    # SIGKILL must reach the process that syncs
                    STMONITORED="yes",
                    # skip the startup benchmark that picks a SHA-256 library (~1 s)
                    STHASHING="minio")

    def _write_config(self, side: str, rescan_s: int) -> None:
        path = self.home(side) / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        other = self.other(side)
        me = root.find("device")
        me.set("name", side)
        gui = root.find("gui")
        _set(gui, "address", f"127.0.0.1:{self.gui_port[side]}")
        _set(gui, "apikey", self.api_key[side])
        opts = root.find("options")
        for el in opts.findall("listenAddress"):
            opts.remove(el)
        _set(opts, "listenAddress", f"tcp://127.0.0.1:{self.sync_port[side]}")
        for tag, value in {
            # no traffic off the machine: no discovery servers, no LAN broadcasts (two
            # instances would also see each other's), no relays, no UPnP/NAT-PMP or STUN
            "globalAnnounceEnabled": False, "localAnnounceEnabled": False,
            "relaysEnabled": False, "natEnabled": False, "announceLANAddresses": False,
            "stunKeepaliveStartS": 0, "stunKeepaliveMinS": 0,
            "urAccepted": -1, "urSeen": 3, "crashReportingEnabled": False,
            "autoUpgradeIntervalH": 0, "startBrowser": False,
            # a lost connection is redialled on the next loop (every 5 s at least), not
            # after the default minute
            "reconnectionIntervalS": 1,
            "setLowPriority": False, "minHomeDiskFree": 0,
        }.items():
            _set(opts, tag, value)
        defaults = root.find("defaults")
        peer = ET.fromstring(ET.tostring(defaults.find("device")))
        peer.set("id", self.device_id[other])
        peer.set("name", other)
        # Only b dials (a knows b as "dynamic": nothing, with discovery off). 1.19 exchanges
        # Hello messages one connection at a time, so two sides dialling each other at the
        # same moment can each wait for the other's Hello: a 20 s stall.
        address = f"tcp://127.0.0.1:{self.sync_port[other]}" if side == DIALER else "dynamic"
        _set(peer, "address", address)
        root.insert(list(root).index(me) + 1, peer)
        folder = ET.fromstring(ET.tostring(defaults.find("folder")))
        folder.attrib.update(id=FOLDER_ID, label=FOLDER_ID, path=str(self.folders[side]),
                             type="sendreceive", rescanIntervalS=str(rescan_s),
                             fsWatcherEnabled="true", fsWatcherDelayS="1")
        for el in folder.findall("device"):
            folder.remove(el)
        for s in SIDES:
            ET.SubElement(folder, "device", id=self.device_id[s], introducedBy="")
        _set(folder, "minDiskFree", 0)
        _set(folder, "pullerPauseS", 1)  # retry a failed pull after 1 s, not 60 s
        root.insert(0, folder)
        tree.write(path)

    # -- processes ----------------------------------------------------------------------

    def _launch(self, side: str) -> None:
        assert side not in self.procs, f"{side} is running already"
        with open(self.log_path(side), "ab") as log:  # the child keeps its own descriptor
            self.procs[side] = subprocess.Popen(
                [SYNCTHING, "serve", f"--home={self.home(side)}", "--no-browser",
                 "--no-restart", "--no-upgrade", "--logflags=6"],
                env=self._env(side), stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL)

    def _wait_ready(self, side: str, deadline: float) -> None:
        while True:
            proc = self.procs[side]
            if proc.poll() is not None:
                del self.procs[side]
                raise AssertionError(f"syncthing {side} exited ({proc.returncode}) at start\n"
                                     + self.logs())
            try:
                self.get(side, "/rest/system/ping", timeout=2)
                return
            except OSError:  # not listening yet (URLError and timeouts are OSErrors)
                if time.monotonic() > deadline:
                    raise AssertionError(f"syncthing {side} never answered\n{self.logs()}") from None
                time.sleep(0.1)

    def start(self, side: str, timeout: float = 30) -> None:
        """Start `side` and wait until its API answers (its sync listener is up by then)."""
        self._launch(side)
        self._wait_ready(side, time.monotonic() + timeout)
        if side != DIALER:
            self._redial()

    def _redial(self) -> None:
        """Have b dial a now: it would on its own within 5 s (1.19's shortest dial loop),
        but un-pausing a device dials it at once."""
        if self.running(DIALER) and DIALER not in self.paused:
            for action in ("pause", "resume"):
                self.request(DIALER, "POST", f"/rest/system/{action}?device={self.device_id['a']}")

    def kill(self, side: str) -> None:
        """SIGKILL, as a crash or power cut would: no index flush, temporaries left behind."""
        proc = self.procs.pop(side)
        proc.kill()
        proc.wait(timeout=30)

    def stop(self, *sides: str, timeout: float = 20) -> None:
        """A clean shutdown (SIGTERM) of `sides` (default: all running), at once; SIGKILL
        for one that takes longer than `timeout`."""
        procs = [self.procs.pop(s) for s in (sides or list(self.procs))]
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=30)

    def stop_all(self) -> None:
        self.stop()

    def running(self, side: str) -> bool:
        return side in self.procs

    def __enter__(self) -> "SyncthingPair":
        try:
            self.start("a")  # listening before b dials it
            self.start("b")
        except BaseException:
            self.stop_all()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_all()

    # -- REST ---------------------------------------------------------------------------

    def request(self, side: str, method: str, path: str, body: object = None,
                timeout: float = 10) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{self.gui_port[side]}{path}",
                                     data=data, method=method,
                                     headers={"X-API-Key": self.api_key[side]})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                raw = resp.read()
        except urllib.error.HTTPError as e:
            with e:  # an HTTPError holds the response open: a ResourceWarning otherwise
                body = e.read()
            raise AssertionError(f"{side}: {method} {path}: {e.code} {body!r}") from None
        return json.loads(raw) if raw.strip() else None

    def get(self, side: str, path: str, timeout: float = 10) -> Any:
        return self.request(side, "GET", path, timeout=timeout)

    def rescan(self, side: str, timeout: float = 60) -> None:
        """Scan the folder now. Syncthing answers once the scan is done (it waits for a
        pull in progress first), so a file written before is in the index afterwards."""
        self.request(side, "POST", f"/rest/db/scan?folder={FOLDER_ID}", timeout=timeout)

    def pause_device(self, side: str) -> None:
        """`side` stops talking to the other one (both keep running and scanning)."""
        self.request(side, "POST", f"/rest/system/pause?device={self.device_id[self.other(side)]}")
        self.paused.add(side)

    def resume_device(self, side: str) -> None:
        self.request(side, "POST", f"/rest/system/resume?device={self.device_id[self.other(side)]}")
        self.paused.discard(side)
        if side != DIALER:
            self._redial()

    def throttle(self, side: str, kbps: int) -> None:
        """Limit `side`'s send and receive rates to `kbps` KiB/s (0: unlimited), to catch a
        transfer in the middle. 127.0.0.1 counts as LAN, unlimited unless said otherwise."""
        self.request(side, "PATCH", "/rest/config/options",
                     {"maxSendKbps": kbps, "maxRecvKbps": kbps, "limitBandwidthInLan": kbps > 0})

    # -- in sync ------------------------------------------------------------------------

    def _sync_problems(self) -> list[str]:
        """Why the two sides are not in sync yet; [] once they are."""
        status, completion, problems = {}, {}, []
        for side in SIDES:
            other_id = self.device_id[self.other(side)]
            conn = self.get(side, "/rest/system/connections")["connections"][other_id]
            status[side] = self.get(side, f"/rest/db/status?folder={FOLDER_ID}")
            completion[side] = self.get(
                side, f"/rest/db/completion?folder={FOLDER_ID}&device={other_id}")
            self.last_status[side] = {"connection": conn, "status": status[side],
                                      "completion of the other": completion[side]}
            if not conn["connected"]:
                problems.append(f"{side} is not connected to the other side")
        for side in SIDES:
            st, other = status[side], self.other(side)
            if st["state"] != "idle" or st["needTotalItems"] or st["pullErrors"] or st["errors"]:
                problems.append(f"{side} is {st['state']}, needs {st['needTotalItems']} items, "
                                f"{st['pullErrors']} pull errors")
            if (st["localTotalItems"], st["localBytes"]) != (st["globalTotalItems"],
                                                            st["globalBytes"]):
                problems.append(f"{side}'s local files differ from the global ones")
            # what `side` knows of the other: all it has (sequence) and all it lacks (need)
            comp = completion[side]
            if comp["completion"] != 100 or comp["needItems"] or comp["needDeletes"]:
                problems.append(f"{side} sees {other} {comp['completion']}% complete")
            if comp["sequence"] != status[other]["sequence"]:
                problems.append(f"{side} has not had {other}'s latest index update")
        if (status["a"]["globalTotalItems"], status["a"]["globalBytes"]) != (
                status["b"]["globalTotalItems"], status["b"]["globalBytes"]):
            problems.append("the two sides disagree on the global state")
        return problems

    def wait_in_sync(self, timeout: float = 60) -> float:
        """Rescan both sides (so that files just written count), then wait until each has
        all the other has. Returns the seconds it took; AssertionError on timeout."""
        started = time.monotonic()
        deadline = started + timeout
        assert all(self.running(s) for s in SIDES), f"only {list(self.procs)} running"
        for side in SIDES:
            self.rescan(side, timeout=max(1.0, deadline - time.monotonic()))
        while True:
            problems = self._sync_problems()
            if not problems:
                return time.monotonic() - started
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"not in sync after {timeout} s: {problems}\nlast status: "
                    f"{json.dumps(self.last_status, indent=1)}\n{self.logs()}")
            time.sleep(0.2)

    def logs(self, lines: int = 40) -> str:
        out = []
        for side in SIDES:
            path = self.log_path(side)
            text = path.read_text(errors="replace").splitlines() if path.exists() else []
            out.append(f"--- {side}.log (last {lines} lines) ---\n" + "\n".join(text[-lines:]))
        return "\n".join(out)
