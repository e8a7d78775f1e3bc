"""The README's install works from any folder (issue #13): ``import litkg`` from the parent of a
checkout named ``litkg``, and no top-level ``graph``/``extract``/``queries`` package."""
from __future__ import annotations

import subprocess
import sys

from conftest import REPO

IMPORTS = ("from litkg import KnowledgeGraph, Paper; import litkg.graph.store, litkg.extract, "
           "litkg.queries.cypher_library as c; assert c.load_library(); print(KnowledgeGraph.__module__)")


def _python(code: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_import_litkg_works_from_the_parent_of_a_checkout_named_litkg(tmp_path):
    # A clone in a folder called litkg, seen from its parent: a folder without __init__.py, which
    # Python takes for a namespace package unless the installed litkg comes first.
    clone = tmp_path / "litkg"
    for folder in ("graph", "extract", "queries", "tests", "litkg/sample"):
        (clone / folder).mkdir(parents=True)
    (clone / "pyproject.toml").write_text((REPO / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8")
    (clone / "README.md").write_text("# litkg\n", encoding="utf-8")
    result = _python(IMPORTS, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "litkg.core"


def test_the_parent_of_this_checkout_and_a_scratch_folder_import_litkg(tmp_path):
    for cwd in (REPO.parent, tmp_path):
        result = _python(IMPORTS, cwd)
        assert result.returncode == 0, (cwd, result.stderr)


def test_no_top_level_graph_extract_or_queries_package_is_installed(tmp_path):
    result = _python("import importlib.util as u; print([n for n in ('graph', 'extract', 'queries') "
                     "if u.find_spec(n)])", tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stderr


# -- a fresh clone: the corpus tests skip (or, in CI, fail), every other test runs -------------------

#: Tests that read nothing from ../shared (they once failed on a fresh clone).
NO_CORPUS = ["tests/test_neo4j_faults.py::test_wrong_credentials_give_one_line",
             "tests/test_neo4j_faults.py::test_a_closed_port_is_a_connection_error_for_every_scheme",
             "tests/test_neo4j_faults.py::test_a_bad_uri_gives_one_line",
             "tests/test_neo4j.py::test_the_password_is_never_shown",
             "tests/test_crash.py::test_a_build_that_cannot_get_the_store_fails_in_one_line_and_writes_nothing"]


def _pytest(*args: str, shared, require: bool = False) -> subprocess.CompletedProcess:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("LITKG_REQUIRE_CORPUS", "PYTEST_ADDOPTS")}
    env["LITKG_SHARED"] = str(shared)
    if require:
        env["LITKG_REQUIRE_CORPUS"] = "1"
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)


def test_corpus_tests_are_marked_and_the_others_are_not(tmp_path):
    listed = _pytest("--collect-only", "-q", "-m", "corpus", shared=tmp_path / "absent")
    corpus = {line.split("[")[0] for line in listed.stdout.splitlines() if "::" in line}
    assert "tests/test_seeds_end_to_end.py::test_seed_pages_build_into_280_papers" in corpus
    assert "tests/test_readers.py::test_seed_pages_are_read_in_full" in corpus
    assert "tests/test_evaluate.py::test_eval_command_extracts_the_gold_texts_and_matches_the_project_scorer" in corpus
    assert "tests/test_crash.py::test_a_build_killed_at_any_point_leaves_a_sound_store_and_resumes_to_the_same_graph" \
        in corpus
    assert not corpus & set(NO_CORPUS)


def test_without_shared_corpus_tests_skip_with_a_one_line_reason(tmp_path):
    result = _pytest("-q", "-rs", "tests/test_seeds_end_to_end.py", "tests/test_readers.py", "-k", "seed",
                     shared=tmp_path / "absent")
    assert result.returncode == 0, result.stdout[-2000:]
    skips = [line for line in result.stdout.splitlines() if line.startswith("SKIPPED")]
    counted = sum(int(line.split("[")[1].split("]")[0]) for line in skips)
    assert counted == 6 and all("needs the external corpora in ../shared" in line for line in skips), skips
    assert " passed" not in result.stdout.splitlines()[-1] and "skipped" in result.stdout.splitlines()[-1]


def test_with_litkg_require_corpus_a_corpus_test_that_would_skip_fails(tmp_path):
    result = _pytest("-q", "tests/test_seeds_end_to_end.py", shared=tmp_path / "absent", require=True)
    assert result.returncode == 1
    assert "LITKG_REQUIRE_CORPUS=1 says the corpus tests must run here" in result.stdout
    assert "skipped" not in result.stdout.splitlines()[-1]
