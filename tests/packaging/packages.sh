#!/usr/bin/env bash
# The Debian packages, end to end: CPack builds `carta` and `carta-syncd` from the build
# folder, lintian checks them (no errors), the .desktop entry and the AppStream metainfo
# are validated, `dpkg -i` installs both on this machine, `systemd-analyze verify` checks
# the unit, and the installed server is started from the unit's own ExecStart line (as its
# User=, with its Environment=) with the default configuration. carta-cli, as installed,
# then signs in and syncs against it. At the end both packages are purged; the data folder
# the package made is removed only when this test made it.
#   packages.sh BUILD_DIR          (root: it installs packages)
set -euo pipefail
build=${1:?usage: packages.sh BUILD_DIR}
fail() { echo "packages.sh: $*" >&2; exit 1; }
if [ "$(id -u)" -ne 0 ]; then
    echo "packages.sh: skipped: it installs and purges the packages carta and carta-syncd, so it runs as root only (CI does)" >&2
    exit 77
fi
for tool in cpack lintian dpkg-deb systemd-analyze desktop-file-validate appstreamcli curl runuser setpriv; do
    command -v "$tool" > /dev/null || fail "$tool is missing (tools/dev/install-deps.sh installs it)"
done

for p in carta carta-syncd; do
    if dpkg-query -W -f='${Status}' "$p" 2> /dev/null | grep -q 'ok installed'; then
        echo "packages.sh: skipped: $p is installed on this machine already, and this test would purge it" >&2
        exit 77
    fi
done

work=$(mktemp -d)
server_pid=
data_existed=no
[ -e /var/lib/carta-syncd ] && data_existed=yes
# Where systemd runs, the package would start its unit: this test starts the server itself.
policy_made=no
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    policy_made=yes
fi
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2> /dev/null || true
        wait "$server_pid" 2> /dev/null || true
    fi
    dpkg --purge carta carta-syncd > "$work/purge.log" 2>&1 || cat "$work/purge.log" >&2
    if [ "$data_existed" = no ]; then rm -rf /var/lib/carta-syncd; fi
    if [ "$policy_made" = yes ]; then rm -f /usr/sbin/policy-rc.d; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== cpack"
(cd "$build" && cpack -G DEB -B "$work/packages" > "$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
app_deb=$(ls "$work"/packages/carta_*.deb)
server_deb=$(ls "$work"/packages/carta-syncd_*.deb)
for deb in "$app_deb" "$server_deb"; do
    echo "-- $(basename "$deb")"
    dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
done
# Listings read whole first: grep -q stops reading at its match, and with pipefail the
# writer's SIGPIPE would fail the test at random.
server_files=$(dpkg-deb --contents "$server_deb")
app_files=$(dpkg-deb --contents "$app_deb")
has() { grep -q -- " $2\$" <<< "$1"; }
has "$server_files" ./lib/systemd/system/carta-syncd.service || fail "the server package has no systemd unit"
has "$server_files" ./etc/carta/syncd.conf || fail "the server package has no /etc/carta/syncd.conf"
has "$server_files" ./usr/share/man/man8/carta-syncd.8.gz || fail "no carta-syncd(8)"
has "$server_files" ./usr/share/man/man1/carta-cli.1.gz || fail "no carta-cli(1)"
has "$server_files" ./usr/bin/carta-cli || fail "no carta-cli"
has "$app_files" ./usr/share/applications/uk.nhs.hee.Carta.desktop || fail "the app package has no .desktop file"
has "$app_files" ./usr/bin/carta || fail "the app package has no carta"

echo "== lintian"
# Every tag is printed; errors fail the test.
lintian --fail-on error --tag-display-limit 0 "$app_deb" "$server_deb" | tee "$work/lintian.log" || fail "lintian found errors (above)"

echo "== dpkg -i"
dpkg -i "$app_deb" "$server_deb" || fail "dpkg -i failed"
for p in carta carta-syncd; do
    [ "$(dpkg-query -W -f='${Status}' "$p")" = "install ok installed" ] || fail "$p is not installed"
done
getent passwd carta-syncd > /dev/null || fail "the package made no carta-syncd user"
[ "$(stat -c %U /var/lib/carta-syncd/repo.git)" = carta-syncd ] || fail "/var/lib/carta-syncd/repo.git is not the server user's"
desktop-file-validate /usr/share/applications/uk.nhs.hee.Carta.desktop || fail "the .desktop file is not valid"
appstreamcli validate --no-net --pedantic /usr/share/metainfo/uk.nhs.hee.Carta.metainfo.xml || fail "the metainfo is not valid"
QT_QPA_PLATFORM=offscreen /usr/bin/carta --version | grep -q '^carta ' || fail "the installed carta does not start"

echo "== systemd-analyze verify"
unit=/lib/systemd/system/carta-syncd.service
if ! systemd-analyze verify --man=no "$unit" > "$work/verify.log" 2>&1; then
    cat "$work/verify.log" >&2
    fail "systemd-analyze verify refused the unit"
fi
cat "$work/verify.log"

echo "== the installed server, started as its unit starts it"
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
user=$(sed -n 's/^User=//p' "$unit")
[ -n "$exec_start" ] && [ "$user" = carta-syncd ] || fail "the unit lacks ExecStart= or User=carta-syncd"
environment=()
while IFS= read -r line; do environment+=("$line"); done < <(sed -n 's/^Environment=//p' "$unit")
echo "as $user: env ${environment[*]} $exec_start"
# setpriv becomes the server (runuser would stay its parent and answer SIGTERM itself).
# shellcheck disable=SC2086 # ExecStart's words, as systemd splits this simple line
setpriv --reuid="$user" --regid="$user" --init-groups -- env "${environment[@]}" $exec_start > "$work/server.log" 2>&1 &
server_pid=$!
port=$(sed -n 's/^port *= *//p' /etc/carta/syncd.conf)
address=$(sed -n 's/^listen_address *= *//p' /etc/carta/syncd.conf)
for _ in $(seq 100); do
    curl -fsS "http://$address:$port/healthz" > "$work/healthz.json" 2> /dev/null && break
    kill -0 "$server_pid" 2> /dev/null || { cat "$work/server.log" >&2; fail "the installed server exited"; }
    sleep 0.2
done
grep -q '"status": *"ok"' "$work/healthz.json" || { cat "$work/server.log" >&2; fail "no healthy answer on $address:$port"; }
echo "healthz: $(cat "$work/healthz.json")"

echo "== carta-cli, as installed, against it"
admin() { runuser -u carta-syncd -- /usr/bin/carta-syncd --config /etc/carta/syncd.conf "$@"; }
admin user add packager --role admin --email packager@nhs.net --regions national
token=$(admin token issue packager | tail -1)
replica="$work/replica.sqlite"
carta-cli --replica "$replica" login --server "http://$address:$port" --user packager --token "$token"
carta-cli --replica "$replica" sync
carta-cli --replica "$replica" --json status | tee "$work/status.json"
grep -q '"user": *"packager"' "$work/status.json" && grep -q '"unsent": *0' "$work/status.json" \
    && ! grep -q '"last_sync": *null' "$work/status.json" || fail "carta-cli's status after a sync is not signed in and synced"
curl -fsS "http://$address:$port/metrics" > "$work/metrics.txt" || fail "no /metrics"
grep -q '^carta_http_requests_total' "$work/metrics.txt" || fail "/metrics has no request counts"

kill -TERM "$server_pid"
wait "$server_pid" && status=0 || status=$?
server_pid=
[ "$status" -eq 0 ] || { cat "$work/server.log" >&2; fail "the server did not stop cleanly on SIGTERM (exit $status)"; }
echo "packages.sh: both packages built, lintian-clean of errors, installed, and the server ran from its unit"
