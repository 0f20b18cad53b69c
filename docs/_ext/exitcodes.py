"""``.. exitcodes::``: the table of the command line's exit codes, made from
:data:`smartsync.cli.EXIT_CODES` (so the documentation cannot drift from the code)."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


class ExitCodesDirective(SphinxDirective):
    required_arguments = 0
    has_content = False

    def run(self):  # type: ignore[no-untyped-def]
        from smartsync.cli import EXIT_CODES

        table = nodes.table()
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=10)
        group += nodes.colspec(colwidth=90)

        def row(*cells: str) -> nodes.row:
            out = nodes.row()
            for text in cells:
                entry = nodes.entry()
                entry += nodes.paragraph(text=text)
                out += entry
            return out

        head = nodes.thead()
        head += row("exit code", "meaning (every command)")
        group += head
        body = nodes.tbody()
        for code, meaning in sorted(EXIT_CODES.items()):
            body += row(str(code), meaning)
        group += body
        return [table]


def setup(app):  # type: ignore[no-untyped-def]
    app.add_directive("exitcodes", ExitCodesDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
