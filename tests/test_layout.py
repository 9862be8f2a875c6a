"""Data flows one way: corpus -> index -> service, with eval beside service (see STYLE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "corpus": {"index", "service", "eval"},
    "index": {"service", "eval"},
    "service": {"eval"},
    "eval": set(),
}


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_imports_follow_the_data_flow(folder: str) -> None:
    files = list((ROOT / folder).rglob("*.py"))
    assert files
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                parts = name.split(".")
                if parts[0] == "citeqa" and len(parts) > 1:
                    assert parts[1] not in FORBIDDEN[folder], f"{path.relative_to(ROOT)} imports {name}"


@pytest.mark.parametrize("folder", ["corpus", "index"])
def test_core_reads_no_settings_or_environment(folder: str) -> None:
    for path in (ROOT / folder).rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "os.environ" not in source and "Settings" not in source, path
