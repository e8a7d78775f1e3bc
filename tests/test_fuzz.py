"""A short fuzz campaign in the suite (issue #14, item 10): the seeded generator of
``bench/fuzz.py`` at a small size over every format, and hypothesis on JSON values in every
field. No traceback, no good record lost, every skipped record with its file and line."""
from __future__ import annotations

import importlib.util
import json
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from litkg.errors import LitkgError
from litkg.readers import read_papers

from conftest import REPO

_spec = importlib.util.spec_from_file_location("litkg_fuzz", REPO / "bench" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_spec)
sys.modules["litkg_fuzz"] = fuzz  # dataclasses look their module up there
_spec.loader.exec_module(fuzz)


@pytest.mark.parametrize("fmt", fuzz.FORMATS)
def test_seeded_hostile_files_lose_no_good_record(tmp_path, extractor, fmt):
    import random

    row = fuzz.Row()
    rng = random.Random(f"ci:{fmt}")
    for file_no in range(2):
        gen = fuzz.generate(fmt, rng, file_no, 12)
        path = tmp_path / f"{fmt}-{file_no}{fuzz.SUFFIX[fmt]}"
        path.write_bytes(gen.text)
        fuzz.fuzz_file(fmt, path, gen, extractor, row, hang=600)
    assert (row.tracebacks, row.hangs, row.good_lost, row.unlocated, row.bad_exports) == (0, 0, 0, 0, 0), row.examples
    assert row.hostile == 24 and row.good > 0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(["title", "abstract", "year", "upvotes", "author_count", "authors", "doi", "arxiv_id",
                              "eprint", "id", "ids", "date", "venue", "x"]),
       value=json_values)
def test_any_json_value_in_any_field_is_a_paper_or_a_located_skip(tmp_path, field, value):
    path = tmp_path / "in.jsonl"
    record = {"title": "Hostile", "abstract": "We use COCO.", field: value}
    path.write_text(json.dumps({"title": "Good A"}) + "\n" + json.dumps(record) + "\n"
                    + json.dumps({"title": "Good B"}) + "\n")
    skipped = []
    try:
        papers = list(read_papers(path, on_error="skip", skipped=skipped.append))
    except LitkgError:
        pytest.fail("a reader raised with on_error=skip")
    titles = [p.title for p in papers]
    assert titles[0] == "Good A" and titles[-1] == "Good B"
    assert len(papers) + len(skipped) == 3
    assert all(s.path == str(path) and s.line == 2 for s in skipped)
    from litkg.readers import paper_problem

    assert all(paper_problem(p) is None for p in papers)
