#!/bin/sh
# Starts Firefox with an enterprise policies.json from a temporary directory, leaving the
# machine untouched: in a private mount namespace, $BEDSIDE_DISTRIBUTION (a copy of the
# install's distribution/ with a policies.json added) is bind-mounted over the install's
# distribution/ — the place Firefox reads policies.json from — so only this Firefox sees
# it, and the mount ends with it. Any system-wide policies.json (which would win) is
# covered the same way. As root this needs only `unshare --mount`; otherwise it maps the
# user to root in a new user namespace (`--map-root-user`), where the kernel allows that.
# Usage: BEDSIDE_FIREFOX=/usr/bin/firefox-esr BEDSIDE_DISTRIBUTION=/tmp/x $0 [firefox args]
set -eu
: "${BEDSIDE_FIREFOX:?}" "${BEDSIDE_DISTRIBUTION:?}"
if [ "$(id -u)" = 0 ]; then userns=""; else userns="--map-root-user"; fi
# shellcheck disable=SC2016 # expanded by the inner shell
exec unshare --mount --propagation private $userns sh -euc '
  bin=$(readlink -f "$BEDSIDE_FIREFOX")
  dist=$(readlink -f "$(dirname "$bin")/distribution")
  mount --bind "$BEDSIDE_DISTRIBUTION" "$dist"
  for system in /etc/firefox/policies/policies.json /etc/firefox-esr/policies/policies.json; do
    if [ -f "$system" ]; then mount --bind "$BEDSIDE_DISTRIBUTION/policies.json" "$system"; fi
  done
  exec "$bin" "$@"
' sh "$@"
