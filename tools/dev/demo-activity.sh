#!/usr/bin/env bash
# A morning's work on the demo server, done through carta-cli as a real author would, so a
# reviewer opening the moderation queue finds a live page with a proposed change, a
# comment and a history: aisha.khan adds a sentence to the London hub page and submits it.
# usage: demo-activity.sh CARTA_CLI SERVER_URL AISHA_TOKEN WORK_DIR
# Prints "review <id>" for the page submitted.
set -euo pipefail
cli=$1 server=$2 token=$3 work=$4
mkdir -p "$work"
replica="$work/demo-activity.replica"
"$cli" --replica "$replica" login --server "$server" --user aisha.khan --token "$token" > /dev/null
"$cli" --replica "$replica" sync > /dev/null 2>&1
id=$("$cli" --replica "$replica" --json search --type page --region london --state published --limit 1 \
    | grep -o '"id": *"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)
if [ -z "$id" ]; then
    echo "demo-activity: no published London page found" >&2
    exit 1
fi
"$cli" --replica "$replica" show "$id" > "$work/page.json" 2> /dev/null
# One sentence added at the end of the page's first text paragraph.
perl -0pi -e 's/("markdown": "[^"]*?)(")/$1 From January 2027, study leave is booked through the new online form; paper forms are no longer accepted.$2/' "$work/page.json"
"$cli" --replica "$replica" edit "$work/page.json" > /dev/null
"$cli" --replica "$replica" sync > /dev/null 2>&1
"$cli" --replica "$replica" submit "$id" --comment "Study leave now goes through the online form, as agreed at the November board." > /dev/null
echo "review $id"
