"""Exports valid whatever the data (issue #14, item 7): XML 1.0 forbidden characters replaced in
GraphML and GEXF, and CSV cells a spreadsheet would run as formulas prefixed as OWASP advises."""
from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from litkg.cli import cli
from litkg.core import KnowledgeGraph

HOSTILE_TITLES = ["Bad \uffff title", "Ctrl \x01\x08 chars", "=cmd|' /C calc'!A0", '=HYPERLINK("http://evil")',
                  "@SUM(1+1)*cmd", "+1+2", "-2+3"]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory, extractor):
    db = tmp_path_factory.mktemp("hostile") / "kg.db"
    from litkg.records import Paper

    with KnowledgeGraph(db, extractor=extractor) as kg:
        # Papers straight from Python: the readers drop control characters, the store keeps them.
        kg.build_records([Paper(t, "We evaluate on ImageNet.", authors=("=evil()",)) for t in HOSTILE_TITLES])
    return db


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_parse_whatever_the_titles_hold(hostile_db, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "--out", str(out), "--db", str(hostile_db)])
    assert result.exit_code == 0, result.output
    ET.parse(out)  # raises on a character XML 1.0 forbids
    text = out.read_text(encoding="utf-8")
    assert "Bad \ufffd title" in text and "\uffff" not in text


def test_csv_export_prefixes_formula_cells_and_raw_keeps_them(hostile_db, tmp_path):
    out = tmp_path / "csv"
    assert CliRunner().invoke(cli, ["export", "--format", "csv", "--out", str(out), "--db", str(hostile_db)]).exit_code == 0
    with open(out / "nodes.csv", encoding="utf-8", newline="") as fh:
        cells = [cell for row in csv.reader(fh) for cell in row]
    assert cells and not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert "'=cmd|' /C calc'!A0" in cells and "'=evil()" in cells
    raw = tmp_path / "raw"
    assert CliRunner().invoke(cli, ["export", "--format", "csv", "--out", str(raw), "--raw-csv",
                                    "--db", str(hostile_db)]).exit_code == 0
    with open(raw / "nodes.csv", encoding="utf-8", newline="") as fh:
        raw_cells = [cell for row in csv.reader(fh) for cell in row]
    assert "=cmd|' /C calc'!A0" in raw_cells
