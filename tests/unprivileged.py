"""Run a check as a user who is not root, also where the tests run as root (CI does).

Permission errors (a folder that cannot be written or searched) never happen to root,
so a test of them run as root proves nothing. :func:`run` runs a command as the
current user when that is not root, and as ``nobody`` when it is (``setpriv``, or
``runuser``/``su`` where ``setpriv`` is missing); :func:`shared_folder` gives a folder
that user may use, and :func:`give` hands a path to them. When root cannot become
another user, the test is skipped, saying why.
"""

from __future__ import annotations

import os
import pwd
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Sequence

import pytest

IS_ROOT = os.name == "posix" and os.geteuid() == 0


def _nobody() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("running as root and there is no user 'nobody' to run the check as")


def _wrap(command: Sequence[str]) -> list[str]:
    if not IS_ROOT:
        return list(command)
    user = _nobody()
    if shutil.which("setpriv"):
        return ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", *command]
    if shutil.which("runuser"):
        return ["runuser", "-u", user.pw_name, "--", *command]
    if shutil.which("su"):
        return ["su", user.pw_name, "-s", "/bin/sh", "-c", shlex.join(command)]
    pytest.skip("running as root, and neither setpriv, runuser nor su is there to run the check as 'nobody'")


def run(command: Sequence[str], *, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """``command`` run as a user who is not root; its output as text."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if IS_ROOT:
        env["HOME"] = tempfile.gettempdir()
    done = subprocess.run(_wrap(command), cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if IS_ROOT and done.returncode != 0 and ("setpriv:" in done.stderr or "runuser:" in done.stderr
                                             or done.stderr.startswith("su:")):
        pytest.skip(f"running as root, and could not run the check as 'nobody': {done.stderr.strip()}")
    if IS_ROOT and done.returncode != 0 and ("No module named smartsync" in done.stderr
                                             or "error while loading shared libraries" in done.stderr):
        pytest.skip("running as root, and 'nobody' cannot run this Python or read its environment "
                    "(a folder above it is private, e.g. a pyenv under /root): " + done.stderr.strip())
    return done


def shared_folder() -> Path:
    """A new folder under the system's temporary folder that the user of :func:`run` may enter."""
    folder = Path(tempfile.mkdtemp(prefix="smartsync-unprivileged-"))
    folder.chmod(0o755)
    return folder


def give(path: Path) -> None:
    """Make ``path`` belong to the user of :func:`run` (nothing to do when not root)."""
    if IS_ROOT:
        user = _nobody()
        os.chown(path, user.pw_uid, user.pw_gid)


def remove(folder: Path) -> None:
    """Remove a folder made by :func:`shared_folder`, whatever modes were left in it."""
    for root, dirs, _ in os.walk(folder):
        for d in dirs:
            os.chmod(os.path.join(root, d), 0o700)
    shutil.rmtree(folder, ignore_errors=True)
