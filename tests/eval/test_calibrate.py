"""calibrate chooses on some sets and reports, apart, on sets it did not choose on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeqa.eval.calibrate import main


def _set(folder: Path, name: str, confidences: list[tuple[bool, float]]) -> list[str]:
    questions, runs = folder / f"{name}.jsonl", folder / f"{name}.run.jsonl"
    evidence = [{"doc": "a.txt", "text": "x", "start": 0, "end": 1}]
    questions.write_text("".join(json.dumps({"id": f"{name}-{i}", "question": "q?", "evidence": evidence if a else []}) + "\n"
                                 for i, (a, _) in enumerate(confidences)), encoding="utf-8")
    runs.write_text("".join(json.dumps({"id": f"{name}-{i}", "confidence": c}) + "\n"
                            for i, (_, c) in enumerate(confidences)), encoding="utf-8")
    return [str(questions), str(runs)]


def test_report_sets_are_not_used_to_choose(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chosen_on = _set(tmp_path, "fit", [(True, 0.8), (True, 0.6), (False, 0.3), (False, 0.2)])
    held_out = _set(tmp_path, "held", [(True, 0.5), (True, 0.9), (False, 0.55), (False, 0.1)])
    main([*chosen_on, "--report", *held_out])
    out = capsys.readouterr().out
    assert out.startswith("threshold 0.6000")  # the lowest that separates the fitting set; held's 0.5 and 0.55 ignored
    assert "held.jsonl: abstains on 1.000 of unanswerable, 0.500 of answerable, AUROC 0.750" in out
    assert "all of them pooled" in out


def test_bad_arguments_are_one_line_errors(tmp_path: Path) -> None:
    fit = _set(tmp_path, "fit", [(True, 0.8), (False, 0.2)])
    other = _set(tmp_path, "other", [(True, 0.8)])
    for argv, message in (([*fit, "--report"], "Usage"), ([fit[0], other[1]], "no citeqa confidence for question 'fit-0'"),
                          ([fit[0], str(tmp_path / "missing")], "FileNotFoundError"),
                          (["--by-article", *fit, "--report", *fit], "takes no --report")):
        with pytest.raises(SystemExit) as exited:
            main(argv)
        assert message in str(exited.value.code), argv
