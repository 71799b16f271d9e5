#!/usr/bin/env bash
# Takes the user guide's screenshots of the real app (offscreen, no display needed): a
# replica with the demo content (one page left in conflict), then the main window, the
# curriculum editor and its paragraphs, the pathway journey editor, the conflict dialog, and
# the moderation queue with a page under review (a reviewer signed in to a real carta-syncd
# on 127.0.0.1 holding the demo content).
# Writes docs/images/*.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
tools/dev/install-deps.sh
cmake -S "$root" -B build/shots -G Ninja -DCMAKE_BUILD_TYPE=Release -DCARTA_BUILD_BENCHMARKS=OFF
cmake --build build/shots -j "$(nproc)" --target carta carta-demo-replica carta-syncd carta-cli
mkdir -p docs/images
replica=$(mktemp -d)/demo.sqlite
ids=$(build/shots/tools/carta-demo-replica/carta-demo-replica --out "$replica" --conflict)

id_of() { awk -v kind="$1" '$1 == kind { print $2 }' <<<"$ids"; }
export QT_QPA_PLATFORM=offscreen CARTA_KEYCHAIN=off
shot() { build/shots/app/carta --replica "$replica" "$@"; }
shot --size 1440x900 --screenshot docs/images/main-window.png
shot --size 1680x1000 --open "$(id_of curriculum)" --section details --screenshot docs/images/curriculum-editor.png
shot --size 1680x1000 --open "$(id_of curriculum)" --section paragraphs --screenshot docs/images/paragraphs.png
shot --size 1680x1000 --open "$(id_of pathway)" --section details --screenshot docs/images/pathway-editor.png
shot --size 1440x900 --resolve-conflict "$(id_of conflict)" --screenshot docs/images/conflict-dialog.png

# The moderation queue needs a server: the demo content on a real carta-syncd, an author's
# change submitted for review (tools/dev/demo-activity.sh), and the London reviewer's view.
work=$(mktemp -d)
syncd=build/shots/syncserver/carta-syncd
cli=build/shots/tools/carta-cli/carta-cli
"$syncd" --data "$work/data" init > /dev/null
"$syncd" --data "$work/data" import-demo > /dev/null
"$syncd" --data "$work/data" user add aisha.khan --role author --email aisha.khan@hee.nhs.uk --regions london > /dev/null
"$syncd" --data "$work/data" user add mei.lin --role reviewer --email mei.lin@hee.nhs.uk --regions london > /dev/null
aisha=$("$syncd" --data "$work/data" token issue aisha.khan)
mei=$("$syncd" --data "$work/data" token issue mei.lin)
"$syncd" --data "$work/data" serve --listen 127.0.0.1 --port 0 --port-file "$work/port" 2> "$work/syncd.log" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 300); do [ -s "$work/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$work/port")"
review_id=$(tools/dev/demo-activity.sh "$cli" "$url" "$aisha" "$work/activity" | awk '$1 == "review" { print $2 }')
"$cli" --replica "$work/mei.replica" login --server "$url" --user mei.lin --token "$mei" > /dev/null
"$cli" --replica "$work/mei.replica" sync > /dev/null 2>&1
CARTA_TOKEN="$mei" build/shots/app/carta --replica "$work/mei.replica" --size 1680x1000 --moderation "$review_id" \
    --screenshot docs/images/moderation-queue.png

# The public site as readers see it, in Debian's Chromium, once the publisher has built it.
for _ in $(seq 600); do curl -sf "$url/site/" > /dev/null && break; sleep 0.1; done
page() {
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --hide-scrollbars --virtual-time-budget=10000 \
        --window-size="$2" --screenshot="$3" "$url/site/$1" 2> /dev/null
}
page "" 1280,1500 docs/images/site-home.png
pathway=$(curl -sf "$url/site/topics/career-stages/higher-specialty-training/" | grep -o 'href="/site/pathways/[^"]*-training-pathway/"' | head -1 | sed 's|href="/site/||; s|"$||')
page "$pathway" 1280,2600 docs/images/site-pathway.png
page "search/?q=cardiology&type=curriculum" 1280,1100 docs/images/site-search.png
echo "screenshots written to docs/images/"
