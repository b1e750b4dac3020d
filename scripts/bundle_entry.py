"""Entry point of the PyInstaller bundle (build.spec): `desktop/__main__.py` uses a relative import."""

import sys

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
