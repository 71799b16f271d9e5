#!/usr/bin/env bash
# Takes the user guide's screenshots of the real app (offscreen, no display needed): a
# replica with the demo content (one page left in conflict), then the main window, the
# curriculum editor and its paragraphs, the pathway journey editor, the conflict dialog, and
# (from a reviewer's replica) the moderation queue with a page under review.
# Writes docs/images/*.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
tools/dev/install-deps.sh
cmake -S "$root" -B build/shots -G Ninja -DCMAKE_BUILD_TYPE=Release -DCARTA_BUILD_BENCHMARKS=OFF
cmake --build build/shots -j "$(nproc)" --target carta carta-demo-replica
mkdir -p docs/images
replica=$(mktemp -d)/demo.sqlite
ids=$(build/shots/tools/carta-demo-replica/carta-demo-replica --out "$replica" --conflict)
review_replica=$(mktemp -d)/review.sqlite
review_ids=$(build/shots/tools/carta-demo-replica/carta-demo-replica --out "$review_replica" --review)
id_of() { awk -v kind="$1" '$1 == kind { print $2 }' <<<"$ids"; }
export QT_QPA_PLATFORM=offscreen CARTA_KEYCHAIN=off
shot() { build/shots/app/carta --replica "$replica" "$@"; }
shot --size 1440x900 --screenshot docs/images/main-window.png
shot --size 1680x1000 --open "$(id_of curriculum)" --section details --screenshot docs/images/curriculum-editor.png
shot --size 1680x1000 --open "$(id_of curriculum)" --section paragraphs --screenshot docs/images/paragraphs.png
shot --size 1680x1000 --open "$(id_of pathway)" --section details --screenshot docs/images/pathway-editor.png
shot --size 1440x900 --resolve-conflict "$(id_of conflict)" --screenshot docs/images/conflict-dialog.png
review_id=$(awk '$1 == "review" { print $2 }' <<<"$review_ids")
build/shots/app/carta --replica "$review_replica" --size 1680x1000 --moderation "$review_id" --screenshot docs/images/moderation-queue.png
echo "screenshots written to docs/images/"
