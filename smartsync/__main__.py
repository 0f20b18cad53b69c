import sys

try:
    from .cli import command
except KeyboardInterrupt:  # Ctrl-C while the modules load: no traceback
    sys.stderr.write("smartsync: interrupted\n")
    sys.exit(130)

sys.exit(command())
