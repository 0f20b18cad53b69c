"""smartsync.io._pyyaml: PyYAML imported with its patterns compiled when first used -- the
same matches as the compiled patterns, the same files read, and nothing else deferred."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from smartsync.io import _yaml
from smartsync.io._pyyaml import LazyPattern

ROOT = Path(__file__).resolve().parent.parent
#: PyYAML's class of printable characters (yaml/reader.py), as PyYAML 6 writes it
PRINTABLE = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]"


def test_the_characters_yaml_refuses_are_pyyamls_on_every_code_point():
    """smartsync's small pattern of the characters YAML refuses finds exactly the code
    points PyYAML's class of printable characters refuses (all 1,114,112 of them)."""
    every = "".join(map(chr, range(0x110000)))
    ours = [m.start() for m in _yaml._NOT_ALLOWED.finditer(every)]
    theirs = [m.start() for m in re.compile(PRINTABLE).finditer(every)]
    assert ours == theirs and len(ours) > 2000


def test_a_lazy_pattern_matches_as_the_compiled_one():
    """A LazyPattern compiles on first use, with its flags, and answers as re's pattern."""
    lazy = LazyPattern(re.compile, r"^(?:yes|no)$", re.IGNORECASE)
    assert vars(lazy).keys() == {"_LazyPattern__compile", "_LazyPattern__args"}
    assert lazy.match("YES") and not lazy.match("maybe")
    assert lazy.pattern == r"^(?:yes|no)$" and lazy.flags & re.IGNORECASE
    assert lazy.sub("x", "no") == "x"


def test_yaml_imported_by_smartsync_reads_as_pyyaml_does():
    """In a fresh process, PyYAML imported by smartsync's reader defers its own patterns
    only (re.compile is re's again after), and reads -- with libyaml and with its
    pure-Python reader, a refused character included -- as PyYAML does."""
    code = (
        "import re\n"
        "compile = re.compile\n"
        "import smartsync.io._yaml\n"
        "import yaml\n"
        "from smartsync.io._pyyaml import LazyPattern\n"
        "assert re.compile is compile and isinstance(re.compile('a'), re.Pattern)\n"
        "assert isinstance(yaml.resolver.Resolver.yaml_implicit_resolvers['1'][0][1], LazyPattern)\n"
        "text = 'a: [1, 2.5, yes, ~, 2001-01-01, 0x1F, 1_000, .inf, \"t\\\\u00e9\"]'\n"
        "expected = {'a': [1, 2.5, True, None, __import__('datetime').date(2001, 1, 1), 31, 1000,"
        " float('inf'), 't\\u00e9']}\n"
        "assert yaml.safe_load(text) == expected\n"
        "assert yaml.load(text, Loader=yaml.SafeLoader) == expected\n"
        "try:\n"
        "    yaml.load('a: \\x07', Loader=yaml.SafeLoader)\n"
        "except yaml.reader.ReaderError as exc:\n"
        "    assert 'special characters are not allowed' in str(exc)\n"
        "else:\n"
        "    raise AssertionError('not refused')\n"
        "assert yaml.safe_dump({'a': 'b\\x85c'})\n"
        "print('ok')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
