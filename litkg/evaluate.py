"""Scoring extraction against gold annotations (``litkg eval``).

The matching rules are those of the project's scorer (``shared/eval/score.py``), so a user's
figures are comparable with ours:

* names are compared in normal form: lower case, letters and digits only, a trailing plural "s"
  dropped from words longer than four characters;
* an entity's aliases are its name, its mention texts and, for a "long form (ACR)" text, both
  parts; a predicted entity matches a gold entity when their aliases meet and their types fall in
  the same group (data = dataset + benchmark, method, model);
* recall counts gold entities matched, precision predicted entities matching some gold entity;
* roles fold to "proposed" (proposes, introduces…) or "used" (everything else).

Gold comes in two shapes: entity gold ``{"entities": [{"name", "type", "role", "mentions"}]}`` and
span gold ``{"abstract", "entities": [{"text", "type", "start", "end"}]}``, where every distinct
normalised text of a type is one gold entity (with ``salient=True``, only SciREX mentions linked
to a salient Papers-with-Code entity count, one entity per salient name).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from litkg.errors import InputError, InputNotFoundError

__all__ = ["DEFAULT_GROUPS", "GroupScore", "EvalReport", "load_jsonl", "parse_gold_types", "score_extractions"]

DEFAULT_GROUPS: Mapping[str, str] = {
    "dataset": "data", "benchmark": "data", "material": "data",
    "method": "method", "modelarchitecture": "method",
    "model": "model", "mlmodel": "model",
}
SCORED_GROUPS = ("data", "method", "model")
_PROPOSED = {"proposed", "proposes", "introduces", "introduced", "introduced_by"}
_LONG_SHORT = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")


def _norm(text: str) -> str:
    text = re.sub(r"[^0-9a-z]+", "", text.lower())
    return text[:-1] if len(text) > 4 and text.endswith("s") and not text.endswith("ss") else text


def _aliases(texts: Iterable[object]) -> frozenset[str]:
    out = set()
    for text in texts:
        if not isinstance(text, str):
            continue
        out.add(_norm(text))
        both = _LONG_SHORT.match(text)
        if both:
            out.update((_norm(both.group(1)), _norm(both.group(2))))
    out.discard("")
    return frozenset(out)


@dataclass(frozen=True)
class _Entity:
    group: str
    aliases: frozenset[str]
    name: str
    role: str | None = None


@dataclass(frozen=True)
class GroupScore:
    gold: int
    pred: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class EvalReport:
    papers: int
    papers_missing: int  # gold papers with no prediction (paired by id, else by title)
    scores: Mapping[str, GroupScore]  # "data", "method", "model", "any"
    role_accuracy: float | None
    top_misses: tuple[tuple[str, int], ...] = field(default=())
    top_spurious: tuple[tuple[str, int], ...] = field(default=())

    def to_json(self) -> dict:
        data = {"papers": self.papers, "papers_missing_in_pred": self.papers_missing}
        for group, score in self.scores.items():
            data[group] = dict(score.__dict__)
        data["role_accuracy"] = self.role_accuracy
        data["top_misses"] = [list(x) for x in self.top_misses]
        data["top_spurious"] = [list(x) for x in self.top_spurious]
        return data


def load_jsonl(path: str | Path) -> list[dict]:
    """Rows of a gold or predictions JSONL file, each checked for the shapes the scorer reads.

    Anything else — a file that is empty, binary or not UTF-8, a line that is not JSON or is
    nested past :data:`MAX_DEPTH` levels, a field of the wrong type — is an
    :class:`~litkg.errors.InputError` naming the file and line, never a traceback (#14).
    """
    path = Path(path)
    if not path.is_file():
        raise InputNotFoundError(f"no such file: {path}")
    rows = []
    with path.open("rb") as lines:
        if b"\x00" in lines.read(8192):
            raise InputError(f"{path} is a binary file, not JSON lines",
                             hint="give a JSONL file: one JSON object per line")
        lines.seek(0)
        for number, raw in enumerate(lines, 1):
            where = f"{path}:{number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{where}: not UTF-8 text", hint="convert the file to UTF-8") from None
            if not line.strip():
                continue
            rows.append(_parse_row(line, where))
    if not rows:
        raise InputError(f"{path} holds no JSON rows", hint="give a JSONL file: one JSON object per line")
    return rows


#: The deepest nesting a row may have (real gold has 4 levels).
MAX_DEPTH = 32


def _parse_row(line: str, where: str) -> dict:
    if _depth_over(line, MAX_DEPTH):
        raise InputError(f"{where}: nested more than {MAX_DEPTH} levels deep")
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON ({exc.msg})") from None
    except ValueError as exc:  # a number of more than 4,300 digits
        raise InputError(f"{where}: invalid JSON ({exc})") from None
    if not isinstance(row, dict):
        raise InputError(f"{where}: expected a JSON object per line")
    problem = _row_problem(row)
    if problem:
        raise InputError(f"{where}: {problem}",
                         hint="entity gold is {\"entities\": [{\"name\", \"type\", \"role\", \"mentions\"}]}; "
                              "span gold {\"entities\": [{\"text\", \"type\", \"start\", \"end\"}]}")
    return row


def _depth_over(line: str, limit: int) -> bool:
    """Whether brackets outside strings nest more than ``limit`` deep (json would recurse)."""
    if line.count("[") + line.count("{") <= limit:
        return False
    depth = 0
    for token in _STRUCTURE.findall(line):
        if token in "[{":
            depth += 1
            if depth > limit:
                return True
        elif token in "]}":
            depth -= 1
    return False


_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_TEXT = (str, type(None))


def _row_problem(row: dict) -> str | None:
    """What is wrong with the fields of a row the scorer reads, or None."""
    if not isinstance(row.get("id"), (str, int, type(None))) or isinstance(row.get("id"), bool):
        return f"'id' is a {type(row['id']).__name__}, not a string"
    if not isinstance(row.get("title"), _TEXT):
        return f"'title' is a {type(row['title']).__name__}, not a string"
    entities = row.get("entities")
    if not isinstance(entities, (list, type(None))):
        return f"'entities' is a {type(entities).__name__}, not a list"
    for n, entity in enumerate(entities or (), 1):
        if not isinstance(entity, dict):
            return f"entity {n} is a {type(entity).__name__}, not an object"
        for name in ("name", "text", "type", "role"):
            if not isinstance(entity.get(name), _TEXT):
                return f"entity {n}: '{name}' is a {type(entity[name]).__name__}, not a string"
        if not isinstance(entity.get("name", entity.get("text")), str):
            return f"entity {n} has no 'name' (entity gold) or 'text' (span gold)"
        for name in ("mentions", "salient_entities"):
            values = entity.get(name)
            if not isinstance(values, (list, type(None))):
                return f"entity {n}: '{name}' is a {type(values).__name__}, not a list"
            for value in values or ():
                text = value.get("text") if isinstance(value, dict) and name == "mentions" else value
                if not isinstance(text, str):
                    return f"entity {n}: each of '{name}' must be a string" + (
                        " or an object with a 'text'" if name == "mentions" else "")
    return None


def parse_gold_types(spec: str | None) -> Mapping[str, str]:
    """``"dataset=data,mlmodel=model"`` → a type → group map (default: :data:`DEFAULT_GROUPS`)."""
    if not spec:
        return DEFAULT_GROUPS
    groups = {}
    for pair in spec.split(","):
        if not pair.strip():
            continue
        if "=" not in pair:
            raise InputError(f"--gold-types entry {pair!r} is not TYPE=GROUP",
                             hint="write e.g. --gold-types dataset=data,method=method")
        kind, group = (p.strip().lower() for p in pair.split("=", 1))
        if group not in SCORED_GROUPS:
            raise InputError(f"--gold-types group {group!r} is not one of {', '.join(SCORED_GROUPS)}",
                             hint="groups are data, method and model")
        groups[kind] = group
    return groups


def _gold_entities(row: dict, groups: Mapping[str, str], salient: bool) -> list[_Entity]:
    entities = row.get("entities") or []
    if entities and "text" in entities[0] and "mentions" not in entities[0]:
        merged: dict[tuple[str, str], tuple[str, set[str]]] = {}
        for ent in entities:
            group = groups.get(str(ent.get("type", "")).lower())
            names = list(ent.get("salient_entities") or []) if salient else []
            if group is None or (salient and not names):
                continue
            head = names[0] if names else ent.get("text", "")
            key = (_norm(head), group)
            if key[0]:
                name, aliases = merged.setdefault(key, (head, set()))
                aliases |= _aliases([ent.get("text", "")] + names)
        return [_Entity(group, frozenset(aliases), name) for (_, group), (name, aliases) in merged.items()]
    found = []
    for ent in entities:
        group = groups.get(str(ent.get("type", "")).lower())
        if group is not None:
            found.append(_Entity(group, _aliases([ent.get("name", "")] + list(ent.get("mentions", []))),
                                 ent.get("name", ""), ent.get("role")))
    return found


def _pred_entities(row: dict) -> list[_Entity]:
    found = []
    for ent in row.get("entities") or []:
        group = DEFAULT_GROUPS.get(str(ent.get("type", "")).lower())
        if group is None:
            continue  # tasks, metrics and other extra types are not scored
        texts = [ent.get("name", "")] + [m if isinstance(m, str) else m.get("text", "") for m in ent.get("mentions", [])]
        role = "proposed" if str(ent.get("role", "")).lower() in _PROPOSED else "used"
        found.append(_Entity(group, _aliases(texts), ent.get("name", ""), role))
    return found


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def score_extractions(gold_rows: list[dict], pred_rows: list[dict], *, groups: Mapping[str, str] = DEFAULT_GROUPS,
                      salient: bool = False, top: int = 15) -> EvalReport:
    """Precision, recall and F1 per group, role accuracy, and the most missed/spurious names."""
    by_id = {str(r["id"]): r for r in pred_rows if r.get("id") is not None}
    by_title = {_norm(r.get("title", "")): r for r in pred_rows if r.get("title")}
    matched, n_gold, n_pred, pred_ok = Counter(), Counter(), Counter(), Counter()
    misses, spurious = Counter(), Counter()
    roles_ok = roles_n = missing = 0
    for gold_row in gold_rows:
        pred_row = by_id.get(str(gold_row.get("id"))) or by_title.get(_norm(gold_row.get("title", "")))
        if pred_row is None:
            missing += 1
        gold, pred = _gold_entities(gold_row, groups, salient), _pred_entities(pred_row or {})
        for group in SCORED_GROUPS + ("any",):
            g = [e for e in gold if group == "any" or e.group == group]
            p = [e for e in pred if group == "any" or e.group == group]
            n_gold[group] += len(g)
            n_pred[group] += len(p)
            for gold_entity in g:
                hits = [e for e in p if gold_entity.aliases & e.aliases]
                if hits:
                    matched[group] += 1
                    if group == "any" and gold_entity.role:
                        roles_n += 1
                        roles_ok += any(e.role == gold_entity.role for e in hits)
                elif group == "any":
                    misses[gold_entity.name] += 1
            for pred_entity in p:
                if any(pred_entity.aliases & e.aliases for e in g):
                    pred_ok[group] += 1
                elif group == "any":
                    spurious[pred_entity.name] += 1
    scores = {}
    for group in SCORED_GROUPS + ("any",):
        recall, precision = _ratio(matched[group], n_gold[group]), _ratio(pred_ok[group], n_pred[group])
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[group] = GroupScore(n_gold[group], n_pred[group], round(precision, 4), round(recall, 4), round(f1, 4))
    return EvalReport(
        papers=len(gold_rows), papers_missing=missing, scores=scores,
        role_accuracy=round(roles_ok / roles_n, 4) if roles_n else None,
        # Stable sort on the count alone: ties stay in gold order, as the project scorer lists them.
        top_misses=tuple(sorted(misses.items(), key=lambda kv: -kv[1])[:top]),
        top_spurious=tuple(sorted(spurious.items(), key=lambda kv: -kv[1])[:top]),
    )
