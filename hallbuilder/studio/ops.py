"""The edit operations of `POST /api/edit` on hall.yaml's round-trip document: set, delete, insert, move.

Values come as plain JSON and are written in hall.yaml's own style: a short map (a text per language, a
view, a hotspot) on one line as `{zh-CN: 序厅, en: Entrance}`, longer ones as blocks. What an op does not
touch keeps its comments and layout.
"""

from __future__ import annotations

import json
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from hallbuilder.studio.errors import StudioError

FLOW_LIMIT = 100  # characters of JSON: shorter maps and lists are written on one line
OPS = ("set", "delete", "insert", "move")


def bad(index: int, detail: str) -> StudioError:
    return StudioError(400, "bad_op", "bad_request", {"detail": f"ops[{index}]: {detail}"})


def styled(value: Any) -> Any:
    """A JSON value as ruamel nodes: short maps and lists in flow style, like hall.yaml's template."""
    if isinstance(value, dict):
        node: CommentedMap | CommentedSeq = CommentedMap(
            (str(key), styled(item)) for key, item in value.items()
        )
        children = list(node.values())
    elif isinstance(value, list):
        node = CommentedSeq(styled(item) for item in value)
        children = list(node)
    else:
        return value
    inner_blocks = any(isinstance(child, dict | list) and not child.fa.flow_style() for child in children)
    if len(json.dumps(value, ensure_ascii=False)) <= FLOW_LIMIT and not inner_blocks:
        node.fa.set_flow_style()
    else:
        node.fa.set_block_style()
    return node


def walk(document: Any, path: list, index: int) -> Any:
    """The node at `path`, or a 400 naming the first part that is not there."""
    node = document
    for depth, part in enumerate(path):
        try:
            if (isinstance(node, list) and isinstance(part, int) and not isinstance(part, bool)) or (
                isinstance(node, dict) and isinstance(part, str)
            ):
                node = node[part]
            else:
                raise KeyError(part)
        except (KeyError, IndexError):
            raise bad(index, f"nothing at {path[: depth + 1]}") from None
    return node


def apply_op(document: Any, op: Any, index: int) -> None:
    if not isinstance(op, dict) or op.get("op") not in OPS:
        raise bad(index, f"an op is one of {', '.join(OPS)} with a path")
    path = op.get("path")
    if not isinstance(path, list) or not all(isinstance(part, str | int) for part in path):
        raise bad(index, 'path must be a list of keys and positions, e.g. ["scenes", 0, "title"]')
    kind = op["op"]
    if kind in ("insert", "move"):
        apply_list_op(walk(document, path, index), op, index)
        return
    if not path:
        raise bad(index, "the path is empty")
    parent, last = walk(document, path[:-1], index), path[-1]
    if kind == "set":
        if "value" not in op:
            raise bad(index, "a set needs a value")
        set_value(parent, last, styled(op["value"]), index)
    else:
        delete_value(parent, last, path, index)


def set_value(parent: Any, key: Any, value: Any, index: int) -> None:
    if (isinstance(parent, dict) and isinstance(key, str)) or (
        isinstance(parent, list) and isinstance(key, int) and -len(parent) <= key < len(parent)
    ):
        parent[key] = value
    else:
        raise bad(index, f"cannot set {key!r} there")


def delete_value(parent: Any, key: Any, path: list, index: int) -> None:
    try:
        del parent[key]
    except (KeyError, IndexError, TypeError):
        raise bad(index, f"nothing at {path}") from None


def apply_list_op(target: Any, op: dict, index: int) -> None:
    if not isinstance(target, list):
        raise bad(index, f"{op['path']} is not a list")
    if op["op"] == "insert":
        at = op.get("index", len(target))
        if not isinstance(at, int) or not 0 <= at <= len(target) or "value" not in op:
            raise bad(index, f"an insert needs a value and an index from 0 to {len(target)}")
        target.insert(at, styled(op["value"]))
        return
    source, to = op.get("from"), op.get("to")
    if not all(isinstance(n, int) and 0 <= n < len(target) for n in (source, to)):
        raise bad(index, f"a move needs from and to between 0 and {len(target) - 1}")
    target.insert(to, target.pop(source))


def apply_ops(document: Any, ops: Any) -> None:
    if not isinstance(ops, list) or not ops:
        raise StudioError(400, "bad_op", "bad_request", {"detail": "ops must be a non-empty list"})
    for index, op in enumerate(ops):
        apply_op(document, op, index)


def summary_of(ops: list[dict]) -> str:
    """What a save did, for the history list: 'set scenes[0].title.en' (+ n more)."""
    from hallbuilder.config.problems import format_path

    first = ops[0]
    text = f"{first['op']} {format_path(tuple(first['path']))}"
    return text + (f" (+{len(ops) - 1} more)" if len(ops) > 1 else "")
