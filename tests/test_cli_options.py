"""Options declared once in cli/options.py read and fail the same way in every command."""

from __future__ import annotations

import pytest

from quotetrace.cli import main


@pytest.mark.parametrize("argv", [["extract", "x.txt"], ["batch", "x", "--out", "o"], ["frame", "x.txt"],
                                  ["verify", "x.txt", "--source", "y.txt"]])  # fmt: skip
def test_a_bad_encoding_is_the_same_usage_error_everywhere(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main([*argv, "--encoding", "no-such-codec"])
    assert exc.value.code == 2
    assert "unknown encoding 'no-such-codec'" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["verify-eval", "--data"], ["evaluate", "verify", "--data"],
                                  ["evaluate", "headline", "--texts"]])  # fmt: skip
def test_a_missing_text_folder_is_one_line(argv, tmp_path, capsys):
    assert main([*argv, str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nowhere: no such folder" in err


@pytest.mark.parametrize("command", [["trace"], ["frame", "x.json"], ["evaluate", "headline"]])
def test_shared_format_rejects_an_unknown_choice(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([*command, "--format", "xml"])
    assert exc.value.code == 2 and "invalid choice: 'xml'" in capsys.readouterr().err
