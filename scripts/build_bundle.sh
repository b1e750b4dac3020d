#!/usr/bin/env bash
# Build the one-folder bundle from build.spec, then run its self-test offscreen.
# Usage: scripts/build_bundle.sh        (from any folder; needs `pip install -e . pyinstaller`)
# Prints the bundle's size and the build time; exits non-zero if the build or the self-test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

start=$(date +%s)
python -m PyInstaller build.spec --noconfirm --log-level WARN
built=$(date +%s)

bundle=dist/fusion-assessor
echo "bundle: $bundle  size: $(du -sh "$bundle" | cut -f1)  build: $((built - start)) s"
echo "largest parts:"
du -ah "$bundle/_internal" | sort -rh | sed -n '2,9p'

QT_QPA_PLATFORM=offscreen "$bundle/fusion-assessor" --self-test
echo "self-test: $(( $(date +%s) - built )) s"
