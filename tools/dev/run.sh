#!/usr/bin/env bash
# Installs what is needed, builds Carta and runs it: carta-syncd on 127.0.0.1 with the
# realistic demo content (generated and imported on first run) and demo users, and the
# desktop app signed in as the London author aisha.khan with a synced replica
# (CARTA_DEMO_USER=mei.lin: the London reviewer; ravi.patel: the national publisher).
# Without a display (no $DISPLAY or $WAYLAND_DISPLAY) it serves the API only.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

tools/dev/install-deps.sh
cmake -S "$root" -B build/run -G Ninja -DCMAKE_BUILD_TYPE=Release -DCARTA_BUILD_TESTS=OFF -DCARTA_BUILD_BENCHMARKS=OFF
cmake --build build/run -j "$(nproc)"

syncd="$root/build/run/syncserver/carta-syncd"
cli="$root/build/run/tools/carta-cli/carta-cli"
app="$root/build/run/app/carta"
data="$root/build/run/data"
tokens="$root/build/run/demo-tokens.txt"
user="${CARTA_DEMO_USER:-aisha.khan}"
replica="$root/build/run/$user.replica"
port="${CARTA_PORT:-7443}"

if [ ! -f "$data/carta.db" ]; then
    echo "== creating the demo server data in $data (scale ${CARTA_DEMO_SCALE:-1})"
    "$syncd" --data "$data" init
    "$syncd" --data "$data" import-demo --scale "${CARTA_DEMO_SCALE:-1}"
    : > "$tokens"
    while read -r name role regions; do
        "$syncd" --data "$data" user add "$name" --role "$role" --email "$name@hee.nhs.uk" --regions "$regions"
        echo "$name $role $("$syncd" --data "$data" token issue "$name" --label demo)" >> "$tokens"
    done <<'USERS'
admin admin national
aisha.khan author london
tom.price author north-west
mei.lin reviewer london
ravi.patel publisher national
USERS
    chmod 600 "$tokens"
fi

echo
echo "Demo users and their tokens (also in $tokens):"
cat "$tokens"
author_token=$(awk '$1 == "aisha.khan" {print $3}' "$tokens")
echo
echo "API:  curl -H 'Authorization: Bearer $author_token' http://127.0.0.1:$port/api/v1/me"
echo "Site: http://127.0.0.1:$port/site/ (the public site, published from live; the first build takes a few seconds)"
echo

"$syncd" --data "$data" serve --listen 127.0.0.1 --port "$port" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break
    sleep 0.1
done

# The first time: an author's change waiting for review, so the moderation queue has a
# real diff, comment and history to show (tools/dev/demo-activity.sh).
if [ ! -f "$root/build/run/demo-activity.done" ]; then
    aisha_token=$(awk '$1 == "aisha.khan" {print $3}' "$tokens")
    "$root/tools/dev/demo-activity.sh" "$cli" "http://127.0.0.1:$port" "$aisha_token" "$root/build/run/demo-activity" \
        && touch "$root/build/run/demo-activity.done"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display: serving the API and the site only. Stop with Ctrl+C."
    wait $server
    exit 0
fi

user_token=$(awk -v u="$user" '$1 == u {print $3}' "$tokens")
if [ -z "$user_token" ]; then
    echo "run.sh: no demo user $user (see $tokens)" >&2
    exit 2
fi
echo "== signing in as $user and syncing the replica $replica"
"$cli" --replica "$replica" login --server "http://127.0.0.1:$port" --user "$user" --token "$user_token"
"$cli" --replica "$replica" sync
echo "== starting the desktop app (closing it stops the server)"
CARTA_TOKEN="$user_token" "$app" --replica "$replica"
