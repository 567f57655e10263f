# shellcheck shell=bash
# shellcheck disable=SC2034  # have_podman, as_user and the paths are for the sourcing script
# The test bed's shell set-up, shared by tests/run.sh, tests/main-job.sh and the
# benchmarks (bench/*.sh); sourced after `cd` to the repository. Sets REPO, BASE, CACHE
# (exported RPOD_TESTBED_DIR); the bed_* functions set the rest (see each).

REPO=$(pwd)
BASE=${RPOD_TESTBED_DIR:-/var/tmp/rpod-testbed}
CACHE=${RPOD_TESTBED_CACHE:-/var/cache/rpod-testbed}
export RPOD_TESTBED_DIR=$BASE
BED_SCRIPT=${BED_SCRIPT:-$(basename "$(dirname "$0")")/$(basename "$0")}

step() { echo "==> [$(date +%T) +${SECONDS}s] $*" >&2; }
die() { echo "$BED_SCRIPT: $*" >&2; exit 1; }

# Benchmark tables: A/B with two decimals ("-" unless both are whole numbers, B > 0).
ratio() { # A B
  if [[ $1 =~ ^[0-9]+$ && $2 =~ ^[0-9]+$ && $2 -gt 0 ]]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; else echo "-"; fi
}
# met / MISSED: VALUE (a number, whole or decimal; anything else is MISSED) <= LIMIT.
verdict() { # VALUE LIMIT
  awk -v x="$1" -v l="$2" 'BEGIN { print (x ~ /^[0-9]+(\.[0-9]+)?$/ && x + 0 <= l + 0) ? "met" : "MISSED" }'
}

# Root, cargo on PATH, loopback never through a proxy (everything is on 127.0.0.1).
bed_prelude() {
  [[ $(id -u) == 0 ]] || die "must run as root (it installs packages and sets up the test bed and its user)"
  command -v cargo >/dev/null || export PATH="$HOME/.cargo/bin:/root/.cargo/bin:$PATH"
  export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}" no_proxy="127.0.0.1,localhost${no_proxy:+,$no_proxy}"
}

# The test bed's packages plus the tools named; sets have_podman (BENCH_NO_PODMAN=1: false).
bed_packages() { # TOOL...
  step "packages"
  bash tests/bed/deps.sh
  local p
  for p in "$@"; do
    command -v "$p" >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$p" </dev/null >&2; }
  done
  have_podman=false
  if [[ -z ${BENCH_NO_PODMAN:-} ]] && command -v podman >/dev/null; then have_podman=true; fi
}

# The unprivileged test user (tests/bed/user.sh): RPOD_TEST_*, USER_UID, USER_GID.
bed_user() {
  install -d -m 0755 "$BASE"
  step "test user"
  eval "$(bash tests/bed/user.sh)"
  USER_UID=$(id -u "$RPOD_TEST_USER")
  USER_GID=$(id -g "$RPOD_TEST_USER")
}

# The release rpod, copied to WORK/bin/rpod (BIN) where the test user can run it;
# BENCH_RPOD=PATH: that binary instead, nothing built (to compare two builds).
bed_rpod() {
  local exe=${BENCH_RPOD:-${CARGO_TARGET_DIR:-$REPO/target}/release/rpod}
  if [[ -z ${BENCH_RPOD:-} ]]; then
    step "cargo build --release --bin rpod"
    cargo build -q --release --bin rpod
  fi
  BIN="$WORK/bin"
  install -d -m 0755 "$BIN"
  install -m 0755 "$exe" "$BIN/rpod"
}

# The fixtures (FIX), shared with tests/run.sh: built under its set-up lock, as it does.
# --skip-big never shrinks fixtures that already have the big image: a test run that
# started earlier reads them after its set-up (and its lock) is over.
bed_fixtures() { # EXTRA-BUILD-ARGS...
  FIX="$BASE/fixtures"
  step "fixtures -> $FIX (cache $CACHE)"
  (
    flock 9
    install -d -m 0755 "$CACHE" "$FIX"
    local args=() a
    for a in "$@"; do
      if [[ $a == --skip-big ]] && jq -e '.[] | select(.name == "big")' "$FIX/fixtures.json" >/dev/null 2>&1; then
        continue
      fi
      args+=("$a")
    done
    cargo run -q -p rpod-testbed --bin rpod-fixtures -- build --out "$FIX" --cache "$CACHE" "${args[@]}" 9>&-
    chmod -R a+rX "$FIX"
  ) 9>"$BASE/setup.lock"
}

# A plain registry on loopback with the fixtures pushed (REG); stopped by bed_stop_registry.
bed_registry() {
  step "registry"
  bash tests/bed/registry.sh start "$WORK/registry" --plain-only
  set -a
  # shellcheck disable=SC1091
  . "$WORK/registry/env"
  set +a
  REG=$RPOD_TEST_REGISTRY
  step "push fixtures to $REG"
  bash tests/bed/push.sh "$FIX" 2>"$WORK/push.log" || { cat "$WORK/push.log" >&2; die "push failed"; }
}

bed_stop_registry() {
  bash "$REPO/tests/bed/registry.sh" stop "$WORK/registry" || true
}

# The test user's configuration for this benchmark only (CONF, an XDG_CONFIG_HOME): the
# registry as an insecure one, the overlay driver; and as_user, the command prefix that
# runs a program as the test user with a clean environment and that configuration.
bed_user_config() {
  CONF="$WORK/config"
  install -d -m 0755 -o "$USER_UID" -g "$USER_GID" "$CONF" "$CONF/containers"
  cat >"$CONF/containers/registries.conf" <<EOT
unqualified-search-registries = []

[[registry]]
prefix = "$REG"
location = "$REG"
insecure = true
EOT
  cat >"$CONF/containers/storage.conf" <<EOT
[storage]
driver = "overlay"
EOT
  chown -R "$USER_UID:$USER_GID" "$CONF"
  as_user=(/usr/bin/setpriv --reuid "$USER_UID" --regid "$USER_GID" --init-groups
    /usr/bin/env -i HOME="$RPOD_TEST_HOME" USER="$RPOD_TEST_USER" LOGNAME="$RPOD_TEST_USER"
    XDG_RUNTIME_DIR="$RPOD_TEST_RUNTIME_DIR" XDG_CONFIG_HOME="$CONF"
    XDG_DATA_HOME="$RPOD_TEST_HOME/.local/share" PATH=/usr/local/bin:/usr/bin:/bin
    ${RPOD_LOG:+RPOD_LOG=$RPOD_LOG})
}

# Benchmarks: the engines compared (after bed_user_config; WORK set): RP, rpod's command
# line, and with podman PM (overlay, cgroupfs, file events, runc), each with its store and
# runroot in WORK; ENGINES names them.
bed_engines() {
  install -d -m 0700 -o "$USER_UID" -g "$USER_GID" "$WORK/store" "$WORK/run"
  RP=("${as_user[@]}" "$BIN/rpod" --root "$WORK/store/rpod" --runroot "$WORK/run/rpod")
  ENGINES=(rpod)
  if $have_podman; then
    PM=("${as_user[@]}" podman --root "$WORK/store/podman" --runroot "$WORK/run/podman"
      --storage-driver overlay --cgroup-manager cgroupfs --events-backend file --runtime runc)
    ENGINES+=(podman)
  fi
}

# Benchmarks: a work dir WORK under BASE (NAME-XXXXXX) and the traps that clean up on
# exit: both engines' containers, the registry, podman's pause process, WORK (kept with
# BENCH_KEEP=1), and first the function named by BED_CLEANUP_EXTRA when set.
bed_bench_work() { # NAME
  WORK=$(mktemp -d "$BASE/$1-XXXXXX")
  chmod 0755 "$WORK" # the test user must traverse it
  RP=() PM=()
  trap bed_bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}
# shellcheck disable=SC2317  # invoked by the trap
bed_bench_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [[ -z ${BED_CLEANUP_EXTRA:-} ]] || "$BED_CLEANUP_EXTRA"
  if ((${#RP[@]})); then "${RP[@]}" rm -af >/dev/null 2>&1 || echo "cleanup: rpod rm -af failed" >&2; fi
  if ((${#PM[@]})); then "${PM[@]}" rm -af -t 0 >/dev/null 2>&1 || echo "cleanup: podman rm -af failed" >&2; fi
  bed_stop_registry
  bed_podman_pause_end
  if [[ -z ${BENCH_KEEP:-} ]]; then rm -rf "$WORK"; else echo "kept $WORK" >&2; fi
  exit "$rc"
}

# Benchmarks with busybox: rpod built (bed_rpod), the fixtures pushed to a registry,
# IMG its busybox, the test user's configuration and the engines (bed_engines).
bed_bench_engines() {
  bed_rpod
  bed_fixtures --skip-big
  bed_registry
  IMG="$REG/library/busybox:latest"
  bed_user_config
  bed_engines
}

# Pulls IMG into ENGINE's store; dies when rpod cannot, returns 1 when podman cannot.
bed_pull() { # ENGINE
  step "$1: pull $IMG"
  eng "$1" pull -q --tls-verify=false "$IMG" >"$WORK/pull-$1.log" 2>&1 && return 0
  cat "$WORK/pull-$1.log" >&2
  [[ $1 == rpod ]] && die "rpod pull failed"
  return 1
}

# Podman's rootless pause process, started by its first command that needs one:
# bed_podman_pause_note after such a command, bed_podman_pause_end at clean-up.
PODMAN_PAUSE_PID=""
bed_podman_pause_note() {
  if [[ -z $PODMAN_PAUSE_PID ]] && [[ -r $RPOD_TEST_RUNTIME_DIR/libpod/tmp/pause.pid ]]; then
    PODMAN_PAUSE_PID=$(cat "$RPOD_TEST_RUNTIME_DIR/libpod/tmp/pause.pid")
  fi
}
bed_podman_pause_end() {
  if [[ -n $PODMAN_PAUSE_PID ]] && [[ -r /proc/$PODMAN_PAUSE_PID/cmdline ]]; then
    kill "$PODMAN_PAUSE_PID" 2>/dev/null || true
  fi
}

# Benchmarks: the engine's command line (RP for rpod, PM for podman, arrays): as an array
# in CMD, as a string (for hyperfine -N) on stdout.
cmdv() { case $1 in rpod) CMD=("${RP[@]}") ;; podman) CMD=("${PM[@]}") ;; *) die "engine $1?" ;; esac; }
eng() { local en=$1; shift; cmdv "$en"; "${CMD[@]}" "$@"; }
estr() { cmdv "$1"; echo "${CMD[*]}"; }
# One hyperfine measurement (RUNS, WARMUP, results in WORK): NAME PREPARE("" for none)
# COMMAND -> "median min max" ms, or FAILED.
measure() {
  local name=$1 prepare=$2 cmd=$3
  local args=(-N --style none --runs "$RUNS" --warmup "$WARMUP" --export-json "$WORK/$name.json")
  [[ -z $prepare ]] || args+=(--prepare "$prepare")
  hyperfine "${args[@]}" "$cmd" >"$WORK/$name.log" 2>&1 || { tail -n 20 "$WORK/$name.log" >&2; echo "FAILED"; return 0; }
  jq -r '.results[0] | "\(.median * 1000 | floor) \(.min * 1000 | floor) \(.max * 1000 | floor)"' "$WORK/$name.json"
}
