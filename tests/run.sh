#!/usr/bin/env bash
# THE test command: sets up the offline test bed, checks formatting and clippy, and runs
# every test of the workspace.
#   bash tests/run.sh [extra cargo test args...]     (as root; e.g. -- --nocapture)
# On a fresh machine it installs the Debian packages, creates the unprivileged test
# user, builds the workspace and the fixture images (the big one takes minutes the first
# time and is cached in /var/cache/rpod-testbed), starts two local registries on fresh
# 127.0.0.1 ports, pushes the fixtures and runs `cargo test --workspace --no-fail-fast`. The registries
# are stopped on exit; the exit code is cargo test's.
# Env knobs: RPOD_TESTBED_DIR (default /var/tmp/rpod-testbed),
#   RPOD_TESTBED_CACHE (default /var/cache/rpod-testbed), RPOD_TEST_KEEP=1 keeps the
#   registry state dir, RPOD_TEST_SKIP_BIG=1 builds the fixtures with --skip-big.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=tests/bed/common.sh
. tests/bed/common.sh
bed_prelude
# shellcheck disable=SC2119  # no extra tools
bed_packages

install -d -m 0755 "$BASE"
chmod 0755 "$BASE"
# Runs of different checkouts (each with its own target dir) may overlap: the set-up
# (test user, fixtures, removing state of dead runs) is done under a lock, the tests
# are not (each run's registries and state dir are its own; the tests of one run
# already run in parallel, each with its own store).
exec 9>"$BASE/setup.lock"
if ! flock -n 9; then
  step "waiting for another tests/run.sh's set-up"
  flock 9
fi

step "test user"
eval "$(bash tests/bed/user.sh)"

# Leftovers of runs that were killed: a state dir whose run (its pid file) is gone.
for old in "$BASE"/state-*; do
  [[ -d $old ]] || continue
  if [[ -f $old/pid ]] && kill -0 "$(cat "$old/pid")" 2>/dev/null; then continue; fi
  bash tests/bed/registry.sh stop "$old" || true
  rm -rf "$old"
done
STATE=$(mktemp -d "$BASE/state-XXXXXX")
chmod 0755 "$STATE"
echo $$ >"$STATE/pid"
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
  local rc=$?
  bash "$REPO/tests/bed/registry.sh" stop "$STATE" || true
  if [[ -z ${RPOD_TEST_KEEP:-} ]]; then rm -rf "$STATE"; else echo "kept $STATE" >&2; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "fixtures -> $BASE/fixtures (cache $CACHE)"
install -d -m 0755 "$CACHE" "$BASE/fixtures"
skip_big=()
# (never shrinking fixtures that have the big image: another checkout's run may be using them)
if [[ -n ${RPOD_TEST_SKIP_BIG:-} ]] && ! jq -e '.[] | select(.name == "big")' "$BASE/fixtures/fixtures.json" >/dev/null 2>&1; then
  skip_big=(--skip-big)
fi
cargo run -q -p rpod-testbed --bin rpod-fixtures -- build --out "$BASE/fixtures" --cache "$CACHE" "${skip_big[@]}" 9>&-
chmod -R a+rX "$BASE/fixtures"

# The set-up is done: other runs may start theirs and run their tests beside ours.
flock -u 9

step "cargo fmt --check; cargo clippy (warnings are errors)"
cargo fmt --all --check 9>&-
cargo clippy --workspace --all-targets 9>&- -- -D warnings

step "cargo build --workspace --all-targets"
cargo build --workspace --all-targets 9>&-

step "registries"
bash tests/bed/registry.sh start "$STATE"
set -a
# shellcheck disable=SC1091
. "$STATE/env"
set +a

step "push fixtures"
bash tests/bed/push.sh "$BASE/fixtures"

export RPOD_TEST_FIXTURES="$BASE/fixtures"
export RPOD_TEST_BIN_DIR="$BASE/bin"
export RPOD_TEST_ROOT_HOME="$BASE/root-home"
install -d -m 0755 "$RPOD_TEST_BIN_DIR"
install -d -m 0700 "$RPOD_TEST_ROOT_HOME"
# Copies of binaries from earlier runs (content-addressed by build dir; keep recent ones).
find "$RPOD_TEST_BIN_DIR" -mindepth 1 -maxdepth 1 -type d -mtime +2 -exec rm -rf {} + 2>/dev/null || true

env | grep -E '^RPOD_TEST_' | sort >&2
step "cargo test --workspace --no-fail-fast $*"
set +e
cargo test --workspace --no-fail-fast "$@" 9>&-
rc=$?
set -e
step "done: cargo test exited $rc"
exit $rc
