"""The `bridgegen` command (the same CLI as the Rust binary), run in this process."""

from __future__ import annotations

import signal
import sys

from . import _native


def main() -> None:
    """Runs the CLI with this process's arguments and exits with its exit code."""
    # The CLI runs in Rust with the GIL released, where Python's KeyboardInterrupt handler
    # would only fire after it returns: give Ctrl-C its default meaning (end the process), as
    # for the native binary. Rust already ignores SIGPIPE, as Python does.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.stdout.flush()
    sys.stderr.flush()
    sys.exit(_native.cli_main(["bridgegen", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
