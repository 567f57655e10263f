#!/usr/bin/env bash
# Creates (idempotently) the unprivileged test user, its HOME, a subuid/subgid range
# and its XDG_RUNTIME_DIR. Prints shell `export` lines for RPOD_TEST_USER,
# RPOD_TEST_HOME and RPOD_TEST_RUNTIME_DIR on stdout. Also a second user with no
# subordinate ranges at all (RPOD_TEST_NOIDS_USER, default "$RPOD_TEST_USER-noids"; its
# lines in /etc/subuid and /etc/subgid are removed, so a test that gave it a range and
# died leaves nothing behind), exported as RPOD_TEST_NOIDS_USER, RPOD_TEST_NOIDS_HOME and
# RPOD_TEST_NOIDS_RUNTIME_DIR.
# Usage: eval "$(bash tests/bed/user.sh)"      (as root)
# Env: RPOD_TEST_USER (default rpodtest), RPOD_TESTBED_DIR (default /var/tmp/rpod-testbed)
set -euo pipefail

USER_NAME=${RPOD_TEST_USER:-rpodtest}
NOIDS_NAME=${RPOD_TEST_NOIDS_USER:-$USER_NAME-noids}
BASE=${RPOD_TESTBED_DIR:-/var/tmp/rpod-testbed}
COUNT=65536

[[ $(id -u) == 0 ]] || { echo "user.sh: must run as root" >&2; exit 1; }

# Every directory on the way to the test bed must be traversable by the test user.
install -d -m 0755 "$BASE"
chmod 0755 "$BASE"

ensure_user() { # NAME HOME_DIR
  local name=$1 dir=$2
  if ! getent passwd "$name" >/dev/null; then
    # No automatic subuid allocation (we choose the range below), no mail spool noise.
    useradd --create-home --home-dir "$dir" --shell /bin/bash --user-group \
      -K SUB_UID_COUNT=0 -K SUB_GID_COUNT=0 -K MAIL_DIR=/dev/null "$name" 2>/dev/null ||
    useradd --create-home --home-dir "$dir" --shell /bin/bash --user-group "$name"
  fi
  local u g h
  u=$(id -u "$name")
  g=$(id -g "$name")
  h=$(getent passwd "$name" | cut -d: -f6)
  if [[ ! -d "$h" ]]; then
    install -d -m 0755 -o "$u" -g "$g" "$h"
  fi
  chown "$u:$g" "$h"
  chmod 0755 "$h"   # readable: tests running as root inspect the user's files
}
ensure_user "$USER_NAME" "$BASE/home"
uid=$(id -u "$USER_NAME")
gid=$(id -g "$USER_NAME")
home=$(getent passwd "$USER_NAME" | cut -d: -f6)

# subuid/subgid: keep a valid existing range of this user, else add a fresh one.
ensure_range() { # FILE OWN_ID
  local file=$1 own=$2
  touch "$file"
  # valid = a line for the user with count >= 65536 that does not contain its own id
  if awk -F: -v u="$USER_NAME" -v uid="$uid" -v own="$own" -v c="$COUNT" '
       ($1 == u || $1 == uid) && $3 >= c && !(own >= $2 && own < $2 + $3) { ok = 1 }
       END { exit !ok }' "$file"; then
    return 0
  fi
  # Drop broken lines of this user, then pick the first free block from 165536 on.
  local tmp; tmp=$(mktemp "$file.XXXXXX")
  awk -F: -v u="$USER_NAME" -v uid="$uid" '!($1 == u || $1 == uid)' "$file" >"$tmp"
  local start
  start=$(awk -F: -v c="$COUNT" -v own="$own" '
      BEGIN { n = 0 }
      NF >= 3 { s[n] = $2 + 0; e[n] = $2 + $3; n++ }
      END {
        for (cand = 165536; ; cand += c) {
          free = 1
          for (i = 0; i < n; i++) if (cand < e[i] && s[i] < cand + c) { free = 0; break }
          if (own >= cand && own < cand + c) free = 0
          if (free) { print cand; exit }
        }
      }' "$tmp")
  echo "$USER_NAME:$start:$COUNT" >>"$tmp"
  chmod 0644 "$tmp"
  mv -f "$tmp" "$file"
  echo "user.sh: added $USER_NAME:$start:$COUNT to $file" >&2
}
ensure_range /etc/subuid "$uid"
ensure_range /etc/subgid "$gid"

# The second user has no ranges.
ensure_user "$NOIDS_NAME" "$BASE/home-noids"
noids_uid=$(id -u "$NOIDS_NAME")
noids_gid=$(id -g "$NOIDS_NAME")
noids_home=$(getent passwd "$NOIDS_NAME" | cut -d: -f6)
for file in /etc/subuid /etc/subgid; do
  if awk -F: -v u="$NOIDS_NAME" -v id="$noids_uid" '$1 == u || $1 == id { found = 1 } END { exit !found }' "$file"; then
    tmp=$(mktemp "$file.XXXXXX")
    awk -F: -v u="$NOIDS_NAME" -v id="$noids_uid" '!($1 == u || $1 == id)' "$file" >"$tmp"
    chmod 0644 "$tmp"
    mv -f "$tmp" "$file"
    echo "user.sh: removed the ranges of $NOIDS_NAME from $file" >&2
  fi
done

# newuidmap/newgidmap must be setuid root (uidmap package).
for b in /usr/bin/newuidmap /usr/bin/newgidmap; do
  [[ -u "$b" ]] || { echo "user.sh: $b missing or not setuid (install uidmap)" >&2; exit 1; }
done

# No logind here: make the runtime dir by hand, owned by the user, 0700.
rundir="$BASE/run-$uid"
install -d -m 0700 -o "$uid" -g "$gid" "$rundir"
chown "$uid:$gid" "$rundir"
chmod 0700 "$rundir"

noids_rundir="$BASE/run-$noids_uid"
install -d -m 0700 -o "$noids_uid" -g "$noids_gid" "$noids_rundir"
chown "$noids_uid:$noids_gid" "$noids_rundir"
chmod 0700 "$noids_rundir"

printf 'export RPOD_TEST_USER=%q\n' "$USER_NAME"
printf 'export RPOD_TEST_HOME=%q\n' "$home"
printf 'export RPOD_TEST_RUNTIME_DIR=%q\n' "$rundir"
printf 'export RPOD_TEST_NOIDS_USER=%q\n' "$NOIDS_NAME"
printf 'export RPOD_TEST_NOIDS_HOME=%q\n' "$noids_home"
printf 'export RPOD_TEST_NOIDS_RUNTIME_DIR=%q\n' "$noids_rundir"
