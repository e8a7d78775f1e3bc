"""Output files written whole or not at all (issue #14, item 4).

Every file litkg writes (``extract --out``, ``export``, ``render``) is written to a temporary file
in the same folder and renamed over the target only when complete: a failure (a bad record with
``--on-error fail``, a full disk, an interrupt) leaves the old file as it was. An output that is
one of the command's inputs (or its store) is refused before anything is read.
"""
from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator

from litkg.errors import OutputError

__all__ = ["OutputError", "check_not_input", "atomic_path", "atomic_open", "write_text_atomic"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_not_input(out: str | os.PathLike, inputs: Iterable[str | os.PathLike]) -> None:
    """OutputError when ``out`` is (a spelling or a link of) one of ``inputs``.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "in.jsonl"; _ = f.write_text("{}")
    >>> check_not_input(f.parent / "." / "in.jsonl", [f])  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    OutputError: --out ... is also an input
    """
    target = Path(out)
    for item in inputs:
        path = Path(item)
        if _same_file(target, path) or target.resolve() == path.resolve():
            raise OutputError(f"--out {out} is also an input ({item}); it would be overwritten",
                              hint="write to another file")


def _write_error(path: Path, err: OSError) -> OutputError:
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(f"cannot write {path}: the disk is full; {path} was left as it was",
                           hint="free some space, or pass --out on another disk")
    if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return OutputError(f"cannot write {path}: {err.strerror}",
                           hint="pass --out in a folder you can write to")
    return OutputError(f"cannot write {path}: {err.strerror or err}")


@contextmanager
def atomic_path(out: str | os.PathLike) -> Iterator[Path]:
    """A temporary path beside ``out`` to write; renamed to ``out`` when the block ends without
    an error, deleted otherwise."""
    path = Path(out)
    if path.is_dir():
        raise OutputError(f"{path} is a directory, not a file")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
        os.close(fd)
    except OSError as err:
        raise _write_error(path, err) from None
    temp = Path(name)
    try:
        yield temp
        if path.exists():  # keep the target's permissions, not mkstemp's 0600
            os.chmod(temp, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except OSError as err:
        temp.unlink(missing_ok=True)
        raise _write_error(path, err) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_open(out: str | os.PathLike, *, encoding: str = "utf-8", newline: str | None = None) -> Iterator[IO[str]]:
    """A text file opened on a temporary path beside ``out`` (see :func:`atomic_path`)."""
    with atomic_path(out) as temp:
        try:
            with open(temp, "w", encoding=encoding, newline=newline) as stream:
                yield stream
        except OSError as err:
            raise _write_error(Path(out), err) from None


def write_text_atomic(out: str | os.PathLike, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``out`` whole or not at all."""
    with atomic_open(out, encoding=encoding) as stream:
        stream.write(text)
    return Path(out)
