"""Writing output files atomically: readers see the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_chunks_atomically(path: Path, chunks: Iterable[bytes]) -> None:
    """Write ``chunks`` one after the other to a temporary file beside ``path``, then rename it over ``path``:
    a large output is written as a stream, and a run that dies midway leaves the previous file intact.

    The file gets the permissions a plain ``open`` would give it (``0o666`` less the umask), not the
    private ``0o600`` of a temporary file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.writelines(chunks)
            out.flush()
            os.fsync(out.fileno())  # on disk before the rename, so even a crash cannot leave a truncated file
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_bytes_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to a temporary file beside ``path``, then rename it over ``path``."""
    write_chunks_atomically(path, (content,))


def write_text_atomically(path: Path, content: str) -> None:
    """Write ``content`` (UTF-8, ``\\n`` line ends) to a temporary file beside ``path``, then rename it."""
    write_bytes_atomically(path, content.encode("utf-8"))
