"""The command line parses once into a typed Command, at launch and when forwarded."""

import pytest

from stretchtimer.command import Command, CommandLineError, parse, parse_forwarded


def test_a_launch_command_line_becomes_a_typed_command():
    command = parse(["--start", "walk-break", "--tray"])
    assert command == Command(start="walk-break", tray=True)
    assert command.opens_app
    assert not parse(["--plan", "walk-break", "--rate", "110"]).opens_app
    assert parse(["--plan", "walk-break", "--rate", "110"]).rate == 110


def test_a_forwarded_command_line_that_does_not_parse_is_refused_quietly(capsys):
    for argv in (["--start"], ["--rate", "fast"], ["--bogus"], ["--help"], ["--version"]):
        with pytest.raises(CommandLineError):
            parse_forwarded(argv)
    assert capsys.readouterr() == ("", "")  # the running app has no terminal to print to
    assert parse_forwarded(["--start", "neck-reset"]).start == "neck-reset"


def test_a_wrong_launch_command_line_exits_with_argparse_s_message(capsys):
    with pytest.raises(SystemExit) as exit_:
        parse(["--rate", "fast"])
    assert exit_.value.code == 2
    assert "--rate: invalid int value" in capsys.readouterr().err


def test_sync_folder_takes_a_full_path_or_off_and_never_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert parse(["--sync-folder", "Sync"]).sync_folder == str(tmp_path / "Sync")
    assert parse(["--sync-folder", "off"]).sync_folder == "off"
    assert parse(["--sync-folder", "Sync"]).controls
    for empty in ("", "  "):
        with pytest.raises(CommandLineError, match="give a folder, or off"):
            parse_forwarded(["--sync-folder", empty])
