#!/usr/bin/env bash
# Installs what is needed, builds Carta and runs it: carta-syncd on 127.0.0.1 with the
# realistic demo content (generated and imported on first run) and demo users.
# The desktop app that connects to it is issue 5; until then this serves the API.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

tools/dev/install-deps.sh
cmake -S "$root" -B build/run -G Ninja -DCMAKE_BUILD_TYPE=Release -DCARTA_BUILD_TESTS=OFF -DCARTA_BUILD_BENCHMARKS=OFF
cmake --build build/run -j "$(nproc)"

syncd="$root/build/run/syncserver/carta-syncd"
data="$root/build/run/data"
tokens="$root/build/run/demo-tokens.txt"
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
first_token=$(awk 'NR==2 {print $3}' "$tokens")
echo
echo "Try:  curl -H 'Authorization: Bearer $first_token' http://127.0.0.1:$port/api/v1/me"
echo "      curl http://127.0.0.1:$port/healthz"
echo "Stop with Ctrl+C. The desktop app (issue 5) is not built yet."
echo
exec "$syncd" --data "$data" serve --listen 127.0.0.1 --port "$port"
