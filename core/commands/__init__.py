"""Sub-commands of `python -m core`: one module each, each exposing `register(subparsers)`."""
