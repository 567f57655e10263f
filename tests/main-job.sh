#!/usr/bin/env bash
# The README's "main job": the way a user meets rpod, end to end, on this machine.
#   bash tests/main-job.sh          (as root)
# Installs the packages, creates the unprivileged test user, builds rpod (release),
# builds the small fixtures (--skip-big), starts the plain local registry, pushes them,
# then runs rpod as the test user and prints what it says. Stops the registry on exit.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=tests/bed/common.sh
. tests/bed/common.sh
bed_prelude
# shellcheck disable=SC2119  # no extra tools
bed_packages
install -d -m 0755 "$BASE"
exec 9>"$BASE/main-job.lock"
flock 9

step "test user"
eval "$(bash tests/bed/user.sh)"
uid=$(id -u "$RPOD_TEST_USER")
gid=$(id -g "$RPOD_TEST_USER")

for old in "$BASE"/main-job-state-*; do
  [[ -d $old ]] || continue
  bash tests/bed/registry.sh stop "$old" || true
  rm -rf "$old"
done
STATE=$(mktemp -d "$BASE/main-job-state-XXXXXX")
chmod 0755 "$STATE"
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
  local rc=$?
  bash "$REPO/tests/bed/registry.sh" stop "$STATE" || true
  rm -rf "$STATE"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "cargo build --release"
cargo build --release 9>&-
RPOD_SRC=${CARGO_TARGET_DIR:-$REPO/target}/release/rpod
[[ -x $RPOD_SRC ]] || die "no $RPOD_SRC after cargo build --release"

step "fixtures (--skip-big)"
FIX="$STATE/fixtures"
cargo run -q -p rpod-testbed --bin rpod-fixtures -- build --out "$FIX" --cache "$CACHE" --skip-big 9>&-
chmod -R a+rX "$FIX"

step "plain registry"
bash tests/bed/registry.sh start "$STATE" --plain-only
set -a
# shellcheck disable=SC1091
. "$STATE/env"
set +a
step "push"
bash tests/bed/push.sh "$FIX"

# The clone may not be enterable by the test user: run a copy.
BIN="$BASE/bin/main-job"
install -d -m 0755 "$BASE/bin" "$BIN"
install -m 0755 "$RPOD_SRC" "$BIN/rpod.tmp.$$"
mv -f "$BIN/rpod.tmp.$$" "$BIN/rpod"

as_user() {
  (cd "$RPOD_TEST_HOME" && env -i \
    HOME="$RPOD_TEST_HOME" USER="$RPOD_TEST_USER" LOGNAME="$RPOD_TEST_USER" \
    XDG_RUNTIME_DIR="$RPOD_TEST_RUNTIME_DIR" \
    XDG_CONFIG_HOME="$RPOD_TEST_HOME/.config" XDG_DATA_HOME="$RPOD_TEST_HOME/.local/share" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    setpriv --reuid "$uid" --regid "$gid" --init-groups -- "$@")
}

# The user's registries.conf: the local registry as an insecure mirror of
# docker.io, so `busybox` means docker.io/library/busybox like anywhere else
# (the way the seed's registry-mirrors is expressed for Podman).
CONF="$STATE/config"
install -d -m 0755 "$CONF/containers"
cat > "$CONF/containers/registries.conf" <<CONFEOF
unqualified-search-registries = ["docker.io"]

[[registry]]
prefix = "docker.io"
location = "docker.io"

[[registry.mirror]]
location = "$RPOD_TEST_REGISTRY"
insecure = true
CONFEOF
chmod -R a+rX "$CONF"
STORE="$STATE/store"
install -d -m 0700 -o "$uid" -g "$gid" "$STORE"

step "as $RPOD_TEST_USER: rpod version"
as_user "$BIN/rpod" version
step "as $RPOD_TEST_USER: rpod info"
as_user env XDG_CONFIG_HOME="$CONF" "$BIN/rpod" --root "$STORE" info
step "as $RPOD_TEST_USER: rpod pull busybox"
as_user env XDG_CONFIG_HOME="$CONF" "$BIN/rpod" --root "$STORE" pull busybox
step "as $RPOD_TEST_USER: rpod run --rm busybox echo hello from a rootless rpod container"
out=$(as_user env XDG_CONFIG_HOME="$CONF" "$BIN/rpod" --root "$STORE" run --rm busybox sh -c 'echo hello from a rootless rpod container; echo "pid $$, uid $(id -u), hostname $(hostname)"')
echo "$out"
[[ $out == "hello from a rootless rpod container"* ]] || die "the container did not print its greeting"
step "main job done"
