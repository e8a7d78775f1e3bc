"""Docs that cannot rot: every command has help text and appears in the README."""
from __future__ import annotations

import click
import pytest

from litkg.cli import cli

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        path = prefix + (name,)
        yield path, command
        if isinstance(command, click.Group):
            yield from _commands(command, path)


COMMANDS = list(_commands(cli))


def test_the_cli_has_the_contract_commands():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"build", "extract", "stats", "eval", "render", "query shared-datasets", "query papers-using"} <= names


@pytest.mark.parametrize("path, command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help_and_a_readme_example(path, command):
    assert command.help and len(command.help.strip()) > 20, f"'litkg {' '.join(path)}' has no help text"
    if isinstance(command, click.Group):
        return
    assert f"litkg {' '.join(path)}" in README, f"README shows no example of 'litkg {' '.join(path)}'"
