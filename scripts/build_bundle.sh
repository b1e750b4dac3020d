#!/usr/bin/env bash
# Build the one-folder bundle from build.spec, then check it: size ≤ 150 MB, `--self-test` and a
# chart page rendered to PNG, both run from the bundle offscreen.
# Usage: scripts/build_bundle.sh        (from any folder; needs `pip install -e ".[build]"`)
# Prints the bundle's size, its largest parts and the times; exits non-zero if a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

LIMIT_MB=150
start=$(date +%s)
python -m PyInstaller build.spec --noconfirm --log-level WARN
built=$(date +%s)

bundle=dist/fusion-assessor
size_mb=$(du -sm "$bundle" | cut -f1)
echo "bundle: $bundle  size: ${size_mb} MB  build: $((built - start)) s"
echo "largest parts:"
# awk reads the whole list (no `head`): under pipefail an early-closing reader kills sort with SIGPIPE (141)
find "$bundle/_internal" -type f -printf '%s\t%P\n' | sort -rn | awk -F'\t' 'NR <= 8 {printf "  %5.1f MB  %s\n", $1 / 1048576, $2}'
if [ "$size_mb" -gt "$LIMIT_MB" ]; then
  echo "bundle is ${size_mb} MB, over the ${LIMIT_MB} MB limit (issue 18)" >&2
  exit 1
fi

export QT_QPA_PLATFORM=offscreen
"$bundle/fusion-assessor" --self-test
shot=build/bundle-index-page.png
rm -f "$shot"
"$bundle/fusion-assessor" --demo --screenshot "$shot" --page index  # charts drawn by pyqtgraph from the bundle
test -s "$shot"
echo "self-test and chart page: $(( $(date +%s) - built )) s"
