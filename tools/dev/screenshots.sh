#!/usr/bin/env bash
# Takes the user guide's screenshots of the real app (offscreen, no display needed):
# a replica with the demo content, the main window, and an item open in the editor.
# Writes docs/images/*.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
tools/dev/install-deps.sh
cmake -S "$root" -B build/shots -G Ninja -DCMAKE_BUILD_TYPE=Release -DCARTA_BUILD_BENCHMARKS=OFF
cmake --build build/shots -j "$(nproc)" --target carta carta-demo-replica
mkdir -p docs/images
replica=$(mktemp -d)/demo.sqlite
edited=$(build/shots/tests/app/carta-demo-replica --out "$replica" | tail -n 1)
export QT_QPA_PLATFORM=offscreen CARTA_KEYCHAIN=off
build/shots/app/carta --replica "$replica" --size 1440x900 --screenshot docs/images/main-window.png
build/shots/app/carta --replica "$replica" --open "$edited" --size 1440x900 --screenshot docs/images/item-editor.png
echo "screenshots written to docs/images/"
