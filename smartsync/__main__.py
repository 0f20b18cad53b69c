import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while the modules load: no traceback
    sys.stderr.write("smartsync: interrupted\n")
    sys.exit(130)

sys.exit(main())
