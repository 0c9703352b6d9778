"""The core runs without the UI: domain, store, services and sync never import Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADLESS = ["fieldapp/domain", "fieldapp/store", "fieldapp/services", "sync"]


def _modules(folder: str) -> list[str]:
    return [
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in sorted((ROOT / folder).rglob("*.py"))
    ]


def test_headless_modules_import_without_textual() -> None:
    modules = [m for folder in HEADLESS for m in _modules(folder)]
    assert "fieldapp.store.models" in modules and "fieldapp.domain.findings" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"textual imported by the headless core: {result.stdout}"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _violations(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


def test_dependency_direction() -> None:
    """domain ← store ← services ← screens; sync.server never reaches the store or the UI.
    (The whole architecture is held by the import-linter contracts in pyproject.toml,
    which `make lint` runs; this is the part a plain test can say without them.)"""
    ui = (
        "textual",
        "fieldapp.tui.screens",
        "fieldapp.tui.dialogs",
        "fieldapp.tui.widgets",
        "fieldapp.tui.app",
    )
    assert (
        _violations(
            "fieldapp/domain", ("peewee", "httpx", "fieldapp.store", "fieldapp.services", *ui)
        )
        == []
    )
    assert _violations("fieldapp/store", ("httpx", "fieldapp.services", *ui)) == []
    assert _violations("fieldapp/services", ui) == []
    assert _violations("sync", ui) == []
    assert _violations("sync/server", ("fieldapp.store", "fieldapp.services")) == []
    assert _violations("fieldapp/tui/widgets", ("peewee", "httpx", "fieldapp.store", "sync")) == []
