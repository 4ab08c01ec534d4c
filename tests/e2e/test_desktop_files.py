"""Linux desktop integration (packaging/linux): the .desktop file, the AppStream metainfo,
the hicolor icons and install-user.sh."""

import configparser
import os
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import stretchtimer

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.stretchtimer.StretchTimer"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
INSTALL = LINUX / "install-user.sh"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_desktop(path: Path) -> configparser.ConfigParser:
    entry = configparser.ConfigParser(interpolation=None, strict=True, delimiters=("=",),
                                      comment_prefixes=("#",))
    entry.optionxform = str  # keys are case-sensitive: Name, Name[de]
    entry.read_string(path.read_text(encoding="utf-8"))
    return entry


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", path
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def icon_files(base: Path) -> list[Path]:
    return [base / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in SIZES] + [
        base / "scalable" / "apps" / f"{APP_ID}.svg"]


# --- the .desktop file --------------------------------------------------------------

def test_desktop_entry_has_the_required_keys():
    entry = read_desktop(DESKTOP)
    main = entry["Desktop Entry"]
    for key in ("Name", "GenericName", "Comment", "Exec", "Icon", "Terminal", "Type",
                "Categories", "Keywords", "StartupNotify", "StartupWMClass"):
        assert main.get(key), key
    assert main["Type"] == "Application"
    assert main["Terminal"] == "false"
    assert main["GenericName"] == "Stretch break reminder"
    assert main["StartupWMClass"] == "stretchtimer"
    assert "Utility" in main["Categories"].split(";") and main["Categories"].endswith(";")
    for key in ("Name", "GenericName", "Comment"):
        assert main.get(f"{key}[de]"), f"{key}[de]"


def test_desktop_entry_icon_is_the_app_id_and_exec_runs_stretchtimer():
    main = read_desktop(DESKTOP)["Desktop Entry"]
    assert main["Icon"] == APP_ID
    assert shlex.split(main["Exec"]) == ["stretchtimer"]


def test_desktop_action_starts_a_routine_that_exists():
    entry = read_desktop(DESKTOP)
    actions = [a for a in entry["Desktop Entry"]["Actions"].split(";") if a]
    assert actions
    for action in actions:
        section = entry[f"Desktop Action {action}"]
        assert section["Name"]
        argv = shlex.split(section["Exec"])
        assert argv[0] == "stretchtimer"
        if "--start" in argv:
            routine = argv[argv.index("--start") + 1]
            assert (ROOT / "assets" / "routines" / f"{routine}.json").is_file(), routine


def desktop_file_validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    assert tool, "desktop-file-validate (desktop-file-utils) is installed by the README's test command"
    result = subprocess.run([tool, str(path)], capture_output=True, text=True, timeout=60)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert output == "", output  # not even a hint (e.g. "no registered main category")


def test_desktop_file_validate_passes():
    desktop_file_validate(DESKTOP)


# --- the AppStream metainfo -----------------------------------------------------------

def test_appstreamcli_validate_passes():
    tool = shutil.which("appstreamcli")
    assert tool, "installed by the README's test command"
    result = subprocess.run([tool, "validate", "--no-net", "--pedantic", str(METAINFO)],
                            capture_output=True, text=True, timeout=60)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Infos and pedantic notes are fine (the id has capitals, on purpose); not errors or
    # warnings.
    problems = [line for line in output.splitlines() if line.startswith(("E:", "W:"))]
    assert not problems, output


def test_metainfo_matches_the_desktop_file_and_the_version():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID == DESKTOP.stem
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") == "stretchtimer"
    assert root.find("content_rating").get("type") == "oars-1.1"
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == stretchtimer.__version__
    assert root.findtext("url[@type='homepage']") == "https://github.com/stretchtimer/stretchtimer"
    german = {el.tag for el in root if el.get(XML_LANG) == "de"}
    assert {"name", "summary"} <= german


def test_metainfo_screenshots_are_files_in_the_repository():
    prefix = "https://raw.githubusercontent.com/stretchtimer/stretchtimer/main/"
    images = list(ET.parse(METAINFO).getroot().iter("image"))
    assert len(images) >= 4
    for image in images:
        url = image.text
        assert url.startswith(prefix), url
        path = ROOT / url[len(prefix):]
        assert path.is_file(), url
        if image.get("width"):
            assert png_size(path) == (int(image.get("width")), int(image.get("height"))), url


# --- the icons ------------------------------------------------------------------------

def test_every_png_has_exactly_its_size():
    base = LINUX / "icons" / "hicolor"
    for n in SIZES:
        path = base / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
        assert path.is_file(), path
        assert png_size(path) == (n, n), path
    assert sorted(p.name for p in base.iterdir()) == sorted(
        [f"{n}x{n}" for n in SIZES] + ["scalable"])


def test_scalable_icon_is_the_current_app_icon():
    # make_icons.py copies the SVG along with rendering the PNGs: a stale copy means the
    # PNGs are stale too.
    copy = LINUX / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert copy.read_bytes() == (ROOT / "assets" / "icons" / "stretchtimer.svg").read_bytes()


def test_make_icons_renders_every_size(tmp_path):
    code = ("import runpy, sys; from pathlib import Path; "
            "m = runpy.run_path(sys.argv[1]); m['render'](out=Path(sys.argv[2]))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code, str(LINUX / "make_icons.py"),
                             str(tmp_path)], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    for path in icon_files(tmp_path):
        assert path.is_file(), path
    for n in SIZES:
        assert png_size(tmp_path / f"{n}x{n}" / "apps" / f"{APP_ID}.png") == (n, n)


# --- install-user.sh ------------------------------------------------------------------

def fake_program(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / "stretchtimer"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    return program


def run_install(data: Path, *args: str, path: str | None = None, script: Path = INSTALL):
    env = dict(os.environ, XDG_DATA_HOME=str(data), HOME=str(data.parent / "home"))
    if path is not None:
        env["PATH"] = path
    return subprocess.run(["/bin/bash", str(script), *args], capture_output=True, text=True,
                          env=env, timeout=60)


def installed_files(data: Path) -> list[Path]:
    return [data / "applications" / DESKTOP.name, data / "metainfo" / METAINFO.name,
            *icon_files(data / "icons" / "hicolor")]


def test_install_user_installs_rewrites_exec_and_uninstalls(tmp_path):
    data = tmp_path / "share"
    program = fake_program(tmp_path / "my apps" / "stretchtimer")  # a PyInstaller folder
    result = run_install(data, str(program))
    assert result.returncode == 0, result.stdout + result.stderr

    for path in installed_files(data):
        assert path.is_file(), path
    assert (data / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    for ours, theirs in zip(icon_files(LINUX / "icons" / "hicolor"),
                            icon_files(data / "icons" / "hicolor")):
        assert theirs.read_bytes() == ours.read_bytes(), theirs

    desktop = data / "applications" / DESKTOP.name
    entry = read_desktop(desktop)
    assert shlex.split(entry["Desktop Entry"]["Exec"]) == [str(program)]
    assert shlex.split(entry["Desktop Action start-desk-micro"]["Exec"]) == [
        str(program), "--start", "desk-micro"]
    # Only the Exec lines change.
    source_lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    installed_lines = desktop.read_text(encoding="utf-8").splitlines()
    assert len(source_lines) == len(installed_lines)
    for before, after in zip(source_lines, installed_lines):
        if not before.startswith("Exec="):
            assert after == before
    desktop_file_validate(desktop)  # the quoted path with a space is still valid

    result = run_install(data, "--uninstall")
    assert result.returncode == 0, result.stdout + result.stderr
    for path in installed_files(data):
        assert not path.exists(), path


def test_install_user_defaults_to_the_stretchtimer_on_path(tmp_path):
    data = tmp_path / "share"
    program = fake_program(tmp_path / "bin")
    result = run_install(data, path=f"{program.parent}{os.pathsep}{os.environ['PATH']}")
    assert result.returncode == 0, result.stdout + result.stderr
    entry = read_desktop(data / "applications" / DESKTOP.name)
    assert entry["Desktop Entry"]["Exec"] == str(program)


def test_install_user_without_any_stretchtimer_says_what_to_do(tmp_path):
    # A copy of packaging/linux outside the repository (so no .venv next to it), and a
    # PATH with only the tools the script needs.
    copy = tmp_path / "unpacked" / "packaging" / "linux"
    shutil.copytree(LINUX, copy)
    tools = tmp_path / "tools"
    tools.mkdir()
    for name in ("dirname", "basename", "mkdir", "cp", "chmod", "mv", "rm", "touch", "sed"):
        (tools / name).symlink_to(shutil.which(name))
    data = tmp_path / "share"
    result = run_install(data, path=str(tools), script=copy / "install-user.sh")
    assert result.returncode == 1
    assert "pass the program to run" in result.stderr
    assert not (data / "applications" / DESKTOP.name).exists()


@pytest.mark.parametrize("bad", ["--no-such-option", "a/b/c/not-there"])
def test_install_user_refuses_bad_arguments(tmp_path, bad):
    data = tmp_path / "share"
    result = run_install(data, bad)
    assert result.returncode != 0
    assert result.stderr
    assert not (data / "applications").exists()
