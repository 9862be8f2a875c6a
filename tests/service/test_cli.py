"""The citeqa command line, run in-process through its real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from citeqa.service.cli import main
from tests.conftest import REFUGEE_DOCS, REFUGEE_QUESTION, ROOT


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    captured = capsys.readouterr()
    return int(exited.value.code or 0), captured.out, captured.err


def test_index_then_ask(corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus_dir / "broken.txt").write_bytes(b"\x89PNG\x00 binary")
    index = str(tmp_path / "idx")
    code, out, err = run(["index", "--corpus", str(corpus_dir), "--index", index], capsys)
    assert code == 0
    assert "indexed 5 documents (5 text) into" in out and "(1 skipped)" in out
    assert "skipped broken.txt: binary file" in err

    code, out, _ = run(["ask", REFUGEE_QUESTION, "--corpus", str(corpus_dir), "--index", index, "--json"], capsys)
    assert code == 0
    body = json.loads(out)
    assert REFUGEE_DOCS <= {p["doc_id"] for p in body["passages"]}

    code, out, _ = run(["ask", "Who won the 2018 FIFA World Cup?", "--corpus", str(corpus_dir), "--index", index], capsys)
    assert code == 0 and "Nothing in the corpus answers this" in out


def test_errors_print_type_and_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["ask", "anything?", "--corpus", str(tmp_path / "missing"), "--index", str(tmp_path)], capsys)
    assert code == 1
    assert err.startswith("CorpusNotFoundError: corpus folder") and "Traceback" not in err

    code, _, err = run(["ask", "  ", "--index", str(tmp_path / "i")], capsys)
    assert code == 1 and err.startswith("BadRequestError: question is empty")


def test_bad_setting_from_environment(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CITEQA_CHUNK_SIZE", "lots")
    code, _, err = run(["index"], capsys)
    assert code == 1 and err.startswith("SettingsError: chunk_size")


def test_an_unexpected_value_error_is_a_bug_with_its_traceback(tmp_path: Path) -> None:
    # main() used to catch every ValueError and print "ValueError: message", exit 1: a bug looked
    # like a user's mistake, without the traceback that finds it. Run as the script runs, so that
    # what the user sees is Python's own report of the uncaught exception.
    script = ("import sys\nimport citeqa.service.cli as cli\n"
              "def broken(*args, **kwargs):\n    raise ValueError('a bug, not a user error')\n"
              "cli.make_settings = broken\ncli.main(sys.argv[1:])\n")
    done = subprocess.run([sys.executable, "-c", script, "info", "--corpus", str(tmp_path)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1
    assert done.stderr.startswith("Traceback (most recent call last)"), done.stderr
    assert done.stderr.rstrip().endswith("ValueError: a bug, not a user error") and "in broken" in done.stderr


def test_usage_mistakes_get_a_usage_message_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["ask"], ["ask", "x", "--k", "abc"], ["frobnicate"]):
        code, out, err = run(argv, capsys)
        assert code == 2 and "Traceback" not in out + err and "Usage" in out + err


def test_an_index_keeps_its_corpus_when_none_is_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "mine"
    corpus.mkdir()
    (corpus / "volcano.md").write_text(
        "# Volcanoes\n\nEyjafjallajökull erupted in 2010 and its ash cloud stopped flights across Europe.\n",
        encoding="utf-8")
    index = str(tmp_path / "idx")
    assert run(["index", "--corpus", str(corpus), "--index", index], capsys)[0] == 0
    built = sorted(p.name for p in (tmp_path / "idx").iterdir())
    code, out, err = run(["ask", "When did Eyjafjallajökull erupt?", "--index", index, "--json"], capsys)
    assert code == 0 and "using corpus" in err
    body = json.loads(out)
    assert body["answered"] and body["passages"][0]["doc_id"] == "volcano.md"
    assert sorted(p.name for p in (tmp_path / "idx").iterdir()) == built  # not rebuilt


def test_ask_a_running_service(live_server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    """`--url` (or CITEQA_URL) sends the question to the service: the same answer, nothing loaded
    here; refusals and a service that is not there are clear errors."""
    code, out, _ = run(["ask", REFUGEE_QUESTION, "--url", live_server.url, "--json"], capsys)
    assert code == 0
    body = json.loads(out)
    assert body == live_server.engine.ask(REFUGEE_QUESTION).model_dump(mode="json")

    monkeypatch.setenv("CITEQA_URL", live_server.url)
    code, out, _ = run(["ask", REFUGEE_QUESTION, "--k", "2"], capsys)
    assert code == 0 and out.count("quote [") == 2

    code, _, err = run(["ask", "  "], capsys)
    assert code == 1 and err.startswith("CiteqaError: BadRequestError (422): question is empty")
    from tests.service.conftest import free_port

    code, _, err = run(["ask", REFUGEE_QUESTION, "--url", f"http://127.0.0.1:{free_port()}"], capsys)
    assert code == 1 and err.startswith("CiteqaUnreachableError: no citeqa service answers at") and "Traceback" not in err


def test_ask_a_keyed_service_and_read_the_lines_whole(live_server, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from tests.service.conftest import serving

    settings = live_server.engine.settings.model_copy(update={"api_keys": "cli-key"})
    with serving(settings, live_server.engine) as url:
        monkeypatch.delenv("CITEQA_API_KEY", raising=False)
        code, _, err = run(["ask", REFUGEE_QUESTION, "--url", url], capsys)
        assert code == 1 and err.startswith("CiteqaError: ") and "set it to one of the service's keys" in err
        monkeypatch.setenv("CITEQA_API_KEY", "cli-key")
        code, out, _ = run(["ask", REFUGEE_QUESTION, "--url", url, "--k", "5"], capsys)
    assert code == 0
    # Not a terminal: no line is broken at 80 columns (a passage's header stays one line).
    headers = [line for line in out.splitlines() if line[:2] in {f"{i}." for i in range(1, 6)}]
    assert len(headers) == 5 and all(" score " in line for line in headers)
    assert any(len(line) > 80 for line in out.splitlines())


def test_serve_on_a_taken_port_fails_before_loading_anything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run(["serve", "--port", str(port), "--index", str(tmp_path / "index")], capsys)
        assert code == 1 and err.startswith(f"PortInUseError: cannot serve on 127.0.0.1:{port}")
        assert not (tmp_path / "index").exists()  # refused before building or loading anything


def test_every_entry_point_finds_the_same_index_from_any_folder(corpus_dir: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """The default index folder is the corpus's own under the user's data folder, whatever the
    working directory; `citeqa info` says where it is and whether it is up to date."""
    import citeqa
    from citeqa.service.settings import Settings

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    here.mkdir(), elsewhere.mkdir()
    monkeypatch.chdir(here)
    code, out, _ = run(["info", "--corpus", str(corpus_dir)], capsys)
    assert code == 0 and "no index yet" in out
    expected = Settings(corpus_dir=corpus_dir).index_dir
    assert expected.is_relative_to(tmp_path / "data" / "citeqa" / "indexes") and str(expected) in out
    assert run(["index", "--corpus", str(corpus_dir)], capsys)[0] == 0

    monkeypatch.chdir(elsewhere)
    code, out, _ = run(["info", "--corpus", str(corpus_dir)], capsys)
    assert code == 0 and "state:  up to date" in out and "5 documents (5 text)" in out
    assert citeqa.open(corpus_dir).index_path.parent == expected  # the Python API: same index, no rebuild
    (corpus_dir / "new.txt").write_text("A new note about the tides.", encoding="utf-8")
    code, out, _ = run(["info", "--corpus", str(corpus_dir)], capsys)
    assert code == 0 and "stale: added: new.txt" in out


def test_usage_and_folder_mistakes_are_caught_before_loading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from citeqa.eval.cli import main as citeqa_main

    for argv in (["eval", "--k", "0"], ["eval", "--modes", "foo"]):
        with pytest.raises(SystemExit) as exited:
            citeqa_main(argv)
        assert exited.value.code == 2 and "Traceback" not in capsys.readouterr().err
    code, _, err = run(["info", "--corpus", str(tmp_path / "missing")], capsys)
    assert code == 1 and err.startswith("CorpusNotFoundError: corpus folder")
    code, _, err = run(["ask", "x", "--url", "127.0.0.1:9"], capsys)
    assert code == 1 and "needs http:// or https://" in err
    code, _, err = run(["serve", "--shards", "2", "--corpus", str(tmp_path)], capsys)
    assert code == 1 and err.startswith("SettingsError: --shards needs --ray")


def test_the_python_api_refuses_wrong_types_as_bad_requests(live_server) -> None:  # type: ignore[no-untyped-def]
    from citeqa.service.api import Citeqa
    from citeqa.service.errors import BadRequestError

    qa = Citeqa(live_server.engine)
    for bad in ({"k": 2.5}, {"k": "3"}, {"k": True}, {"k": 0}, {"filter": "*.md"}, {"filter": {"formats": ["md"]}}):
        with pytest.raises(BadRequestError):
            qa.ask(REFUGEE_QUESTION, **bad)
    with pytest.raises(BadRequestError, match="question"):
        qa.ask(None)  # type: ignore[arg-type]
    assert qa.ask(REFUGEE_QUESTION, filter={"formats": ["text"]}, k=2).passages
    doc_id = qa.documents().documents[0].doc_id
    for start, end in (("0", 5), (1.5, 5), (0, True)):
        with pytest.raises(BadRequestError, match="integer"):
            qa.document(doc_id, start, end)  # type: ignore[arg-type]
    assert qa.document(doc_id, np.int64(2), np.int32(9)).text == qa.document(doc_id).text[2:9]  # type: ignore[arg-type]


def test_the_python_api_names_unknown_settings(corpus_dir: Path, tmp_path: Path) -> None:
    import citeqa

    with pytest.raises(TypeError, match=r"'index' \(did you mean 'index_dir'\?\)"):
        citeqa.open(corpus_dir, index=tmp_path / "i")
    with pytest.raises(TypeError, match="'chunk_sise'"):
        citeqa.open(corpus_dir, tmp_path / "i", chunk_sise=5)
    assert not (tmp_path / "i").exists()  # refused before anything is built


def test_the_python_api_follows_versions_written_by_others(
        model, corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from citeqa.service.api import Citeqa
    from citeqa.service.engine import Engine
    from citeqa.service.settings import Settings

    settings = Settings(corpus_dir=corpus_dir, index_dir=tmp_path / "idx", reload_interval=0.1)
    qa = Citeqa(Engine.start(settings, model=model))
    other = Citeqa(Engine.start(settings, model=model))  # another process's view of the same folder
    (corpus_dir / "owls.txt").write_text("Barn owls swallow their prey whole and cough up pellets.", encoding="utf-8")
    assert run(["index", "--corpus", str(corpus_dir), "--index", str(settings.index_dir)], capsys)[0] == 0
    time.sleep(0.2)
    assert qa.document("owls.txt").text.startswith("Barn owls")
    assert qa.ask("What do barn owls cough up?", k=1).passages[0].doc_id == "owls.txt"
    (corpus_dir / "owls.txt").unlink()
    assert other.reindex() is True and other.reindex() is False
    time.sleep(0.2)
    assert "owls.txt" not in {d.doc_id for d in qa.documents().documents}


def test_an_index_folder_or_keys_that_cannot_work_are_refused_before_loading(
        corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "precious.txt"
    a_file.write_text("keep me", encoding="utf-8")
    code, _, err = run(["index", "--corpus", str(corpus_dir), "--index", str(a_file)], capsys)
    assert code == 1 and err.startswith("SettingsError: the index folder") and "is a file" in err
    assert a_file.read_text(encoding="utf-8") == "keep me"
    code, _, err = run(["info", "--index", str(a_file)], capsys)
    assert code == 1 and "is a file" in err
    before = sorted(p.name for p in corpus_dir.iterdir())
    code, _, err = run(["index", "--corpus", str(corpus_dir), "--index", str(corpus_dir)], capsys)
    assert code == 1 and "is the corpus folder" in err
    assert sorted(p.name for p in corpus_dir.iterdir()) == before  # no CURRENT, no version folder
    monkeypatch.setenv("CITEQA_API_KEYS", " , ")
    code, _, err = run(["serve", "--port", "0", "--index", str(tmp_path / "i")], capsys)
    assert code == 1 and "hold no key" in err and not (tmp_path / "i").exists()
    monkeypatch.setenv("CITEQA_API_KEYS", "")
    monkeypatch.setenv("CITEQA_API_KEYS_FILE", str(tmp_path / "missing-keys"))
    code, _, err = run(["serve", "--port", "0", "--index", str(tmp_path / "i")], capsys)
    assert code == 1 and "cannot read api_keys_file" in err and not (tmp_path / "i").exists()


def test_ask_prints_the_text_as_cited(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "pump.txt").write_text("The water pump :warning: fails above :100: bar [bold]of pressure[/bold].\n",
                                     encoding="utf-8")
    code, out, _ = run(["ask", "At what pressure does the water pump fail?", "--corpus", str(corpus), "--index",
                        str(tmp_path / "idx")], capsys)
    assert code == 0
    # Not rich's emoji codes or markup: the quote as it stands in the file.
    assert "quote [0:72]: The water pump :warning: fails above :100: bar [bold]of pressure[/bold]." in out


def test_paths_with_brackets_are_printed_as_they_are(corpus_dir: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # rich had read "[br]" in a path as markup and dropped it.
    index = tmp_path / "[br]*?" / "idx"
    code, out, _ = run(["info", "--corpus", str(corpus_dir), "--index", str(index)], capsys)
    assert code == 0 and f"index:  {index}" in out and f"--index {index}" in out


def test_the_command_is_the_services_and_eval_plugs_in(tmp_path: Path) -> None:
    """`citeqa` is service/cli.py's: eval adds `citeqa eval` through the `citeqa.commands` entry
    point, and with eval gone the service's commands still run."""
    import subprocess
    import sys

    listed = subprocess.run([sys.executable, "-m", "citeqa.service.cli", "--help"], capture_output=True, text=True,
                            timeout=120, check=False)
    assert listed.returncode == 0 and "│ eval " in listed.stdout and "│ serve " in listed.stdout, listed.stderr
    without_eval = ("import sys; sys.modules['citeqa.eval'] = None\n"  # as if eval were not installed
                    "from citeqa.service.cli import main\n"
                    f"main(['info', '--corpus', {str(ROOT / 'corpus' / 'documents')!r}, '--index', {str(tmp_path)!r}])\n")
    run = subprocess.run([sys.executable, "-c", without_eval], capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0 and "no index yet" in run.stdout, run.stderr
    no_eval = "import sys; sys.modules['citeqa.eval'] = None\nfrom citeqa.service.cli import main\nmain(['eval'])\n"
    gone = subprocess.run([sys.executable, "-c", no_eval], capture_output=True, text=True, timeout=120, check=False)
    assert gone.returncode == 2 and "No such command 'eval'" in gone.stderr, gone.stderr
