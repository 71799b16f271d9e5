#!/usr/bin/env bash
# Runs the browser tests against a real carta-syncd: imports the demo content into a fresh data
# folder, serves it on a free port, waits for the first site build, then runs every *.test.mjs
# here with Node's test runner.
#   run.sh <carta-syncd> <node_modules folder>
# Environment: CARTA_NODE (default: node), CARTA_CHROMIUM (default: /usr/bin/chromium),
# CARTA_SITE_DEADLINE_SECONDS (how long to wait for the site, default 180), CARTA_BROWSER_SCRATCH
# (where the temporary data folder goes; default /dev/shm when it has room, else $TMPDIR or /tmp).
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 <carta-syncd> <node_modules folder>" >&2
    exit 2
fi
syncd=$1
node_modules=$(cd "$2" 2>/dev/null && pwd) || { echo "run.sh: no node_modules at $2: build the carta_browser_test_npm target" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
node=${CARTA_NODE:-node}
export CARTA_CHROMIUM=${CARTA_CHROMIUM:-/usr/bin/chromium}
deadline_seconds=${CARTA_SITE_DEADLINE_SECONDS:-180}

if [ ! -x "$syncd" ]; then
    echo "run.sh: carta-syncd not found at $syncd" >&2
    exit 1
fi
if [ ! -x "$CARTA_CHROMIUM" ]; then
    echo "run.sh: Chromium not found at $CARTA_CHROMIUM: run tools/dev/install-deps.sh to install it" >&2
    exit 1
fi
for package in playwright-core axe-core; do
    if [ ! -f "$node_modules/$package/package.json" ]; then
        echo "run.sh: $package missing from $node_modules: build the carta_browser_test_npm target" >&2
        exit 1
    fi
done

# The demo's data folder holds some 55,000 files: in memory (/dev/shm, when it has room) the
# import, the site build and the clean-up take a third of the time they take on disk.
scratch=${CARTA_BROWSER_SCRATCH:-}
if [ -z "$scratch" ]; then
    scratch=${TMPDIR:-/tmp}
    if [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -gt 2000000 ]; then
        scratch=/dev/shm
    fi
fi
work=$(mktemp -d "$scratch/carta-browser.XXXXXX")
data=$work/data
log=$work/server.log
server_pid=
failed=1

cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        # Give it a moment to finish writing, then make sure it is gone.
        for _ in $(seq 50); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [ "$failed" -ne 0 ] && [ -f "$log" ]; then
        # Without the request lines (one for each of the crawler's ~22,000 requests) but the failed ones.
        echo "---- carta-syncd log (last 200 lines, requests answered 2xx left out) ----" >&2
        grep -v -E ' request id=[^ ]+ method=[A-Z]+ path=[^ ]+ status=2[0-9][0-9] ' "$log" | tail -n 200 >&2
        echo "---- end of carta-syncd log ----" >&2
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$(date +%s)
echo "run.sh: importing the demo content into $data"
"$syncd" --data "$data" init >>"$log" 2>&1
"$syncd" --data "$data" import-demo >>"$log" 2>&1
echo "run.sh: imported in $(( $(date +%s) - started )) s"

# Schedules are checked once a minute (the slowest allowed) so that the site stays as built while
# the tests compare pages with each other.
"$syncd" --data "$data" serve --port 0 --port-file "$work/port" --schedule-interval-seconds 60 >>"$log" 2>&1 &
server_pid=$!

deadline=$(( $(date +%s) + deadline_seconds ))
port=
site_url=
while :; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "run.sh: carta-syncd exited before the site was up" >&2
        exit 1
    fi
    if [ -z "$port" ] && [ -s "$work/port" ]; then
        port=$(tr -d '[:space:]' <"$work/port")
        site_url="http://127.0.0.1:$port/site/"
    fi
    if [ -n "$site_url" ]; then
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$site_url" || true)
        [ "$code" = 200 ] && break
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
        echo "run.sh: the site did not answer 200 at ${site_url:-(no port yet)} within $deadline_seconds s" >&2
        exit 1
    fi
    sleep 0.5
done
echo "run.sh: site up at $site_url after $(( $(date +%s) - started )) s"

export CARTA_SITE_URL=$site_url
export CARTA_SITE_DIR=$data/site/current
export CARTA_NODE_MODULES=$node_modules
export NODE_PATH=$node_modules

cd "$here"
set +e
"$node" --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
status=$?
set -e
[ "$status" -eq 0 ] && failed=0
echo "run.sh: done in $(( $(date +%s) - started )) s"
exit "$status"
