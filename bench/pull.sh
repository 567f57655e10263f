#!/usr/bin/env bash
# Pull benchmark (issue 3, item 8): rootless `rpod pull` of busybox and big (gzip and
# zstd) into an empty store, from a registry on loopback, against
#   - the floor: the same layer blobs extracted by `tar -xzf` / `zstd -dc | tar -x`,
#     all layers in parallel, into the same place;
#   - podman (when installed): rootless, driver overlay, `--root` in the same place,
#     the registry as an insecure registry in the user's registries.conf.
# Each with the store (a) on tmpfs (/dev/shm: measures the engine) and (b) on disk
# (`sync` and a pause before each run: this machine's writeback is slow and noisy).
# Median of BENCH_RUNS (default 5) runs, busybox BENCH_RUNS_SMALL (default 10), with
# hyperfine; the image is removed (the store emptied) before each run.
#
#   bash bench/pull.sh            (as root; sets up the test bed the way tests/run.sh does)
#
# Env knobs: BENCH_RUNS, BENCH_RUNS_SMALL, BENCH_PAUSE (seconds after sync, default 3),
#   BENCH_ONLY="busybox big-gzip big-zstd" (tasks), BENCH_PLACES="tmpfs disk",
#   BENCH_DISK_DIR (default /var/tmp/rpod-bench), BENCH_TMPFS_DIR (default /dev/shm/rpod-bench),
#   BENCH_NO_PODMAN=1, BENCH_KEEP=1 (keep the work dir), RPOD_TESTBED_DIR, RPOD_TESTBED_CACHE.
# Output: the table on stdout (also BENCH_OUT, default $BASE/bench-pull.txt), raw hyperfine
# JSON in the work dir. A timing log of rpod's phases: RPOD_LOG=debug (see the note at the end).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$(pwd)
BASE=${RPOD_TESTBED_DIR:-/var/tmp/rpod-testbed}
CACHE=${RPOD_TESTBED_CACHE:-/var/cache/rpod-testbed}
export RPOD_TESTBED_DIR=$BASE
RUNS=${BENCH_RUNS:-5}
RUNS_SMALL=${BENCH_RUNS_SMALL:-10}
PAUSE=${BENCH_PAUSE:-3}
TASKS=${BENCH_ONLY:-busybox big-gzip big-zstd}
PLACES=${BENCH_PLACES:-tmpfs disk}
DISK_DIR=${BENCH_DISK_DIR:-/var/tmp/rpod-bench}
TMPFS_DIR=${BENCH_TMPFS_DIR:-/dev/shm/rpod-bench}
OUT=${BENCH_OUT:-$BASE/bench-pull.txt}

step() { echo "==> [$(date +%T) +${SECONDS}s] $*" >&2; }
die() { echo "bench/pull.sh: $*" >&2; exit 1; }

[[ $(id -u) == 0 ]] || die "must run as root (it sets up the test bed and its user)"
command -v cargo >/dev/null || export PATH="$HOME/.cargo/bin:/root/.cargo/bin:$PATH"
export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}" no_proxy="127.0.0.1,localhost${no_proxy:+,$no_proxy}"

step "packages"
bash tests/bed/deps.sh
for p in hyperfine zstd; do
  command -v "$p" >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$p" </dev/null >&2; }
done
have_podman=false
if [[ -z ${BENCH_NO_PODMAN:-} ]] && command -v podman >/dev/null; then have_podman=true; fi

install -d -m 0755 "$BASE"
step "test user"
eval "$(bash tests/bed/user.sh)"
USER_UID=$(id -u "$RPOD_TEST_USER")
USER_GID=$(id -g "$RPOD_TEST_USER")

WORK=$(mktemp -d "$BASE/bench-XXXXXX")
chmod 0755 "$WORK"
PODMAN_PAUSE_PID=""
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
  local rc=$?
  bash "$REPO/tests/bed/registry.sh" stop "$WORK/registry" || true
  if [[ -n $PODMAN_PAUSE_PID ]] && [[ -r /proc/$PODMAN_PAUSE_PID/cmdline ]]; then
    kill "$PODMAN_PAUSE_PID" 2>/dev/null || true
  fi
  rm -rf "$TMPFS_DIR" "$DISK_DIR"
  if [[ -z ${BENCH_KEEP:-} ]]; then rm -rf "$WORK"; else echo "kept $WORK" >&2; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "cargo build --release --bin rpod"
cargo build -q --release --bin rpod
RPOD_SRC=${CARGO_TARGET_DIR:-$REPO/target}/release/rpod
BIN="$WORK/bin"
install -d -m 0755 "$BIN"
install -m 0755 "$RPOD_SRC" "$BIN/rpod"

# The fixtures are shared with tests/run.sh: build them under its lock, as it does.
FIX="$BASE/fixtures"
step "fixtures -> $FIX (cache $CACHE)"
(
  flock 9
  install -d -m 0755 "$CACHE" "$FIX"
  cargo run -q -p rpod-testbed --bin rpod-fixtures -- build --out "$FIX" --cache "$CACHE" 9>&-
  chmod -R a+rX "$FIX"
) 9>"$BASE/run.lock"
jq -e '.[] | select(.name == "big" and .tag == "zstd")' "$FIX/fixtures.json" >/dev/null ||
  die "the fixtures have no big image (RPOD_TEST_SKIP_BIG?)"

step "registry"
bash tests/bed/registry.sh start "$WORK/registry" --plain-only
set -a
# shellcheck disable=SC1091
. "$WORK/registry/env"
set +a
REG=$RPOD_TEST_REGISTRY
step "push fixtures to $REG"
bash tests/bed/push.sh "$FIX" 2>"$WORK/push.log" || { cat "$WORK/push.log" >&2; die "push failed"; }

# The user's configuration for this benchmark only.
CONF="$WORK/config"
install -d -m 0755 -o "$USER_UID" -g "$USER_GID" "$CONF" "$CONF/containers"
cat >"$CONF/containers/registries.conf" <<EOF
unqualified-search-registries = []

[[registry]]
prefix = "$REG"
location = "$REG"
insecure = true
EOF
cat >"$CONF/containers/storage.conf" <<EOF
[storage]
driver = "overlay"
EOF
chown -R "$USER_UID:$USER_GID" "$CONF"

as_user=(/usr/bin/setpriv --reuid "$USER_UID" --regid "$USER_GID" --init-groups
  /usr/bin/env -i HOME="$RPOD_TEST_HOME" USER="$RPOD_TEST_USER" LOGNAME="$RPOD_TEST_USER"
  XDG_RUNTIME_DIR="$RPOD_TEST_RUNTIME_DIR" XDG_CONFIG_HOME="$CONF"
  XDG_DATA_HOME="$RPOD_TEST_HOME/.local/share" PATH=/usr/local/bin:/usr/bin:/bin
  ${RPOD_LOG:+RPOD_LOG=$RPOD_LOG})

# Layer blobs of a fixture tag (in order), for the floor.
layer_blobs() { # NAME TAG
  local m
  m=$(jq -r --arg t "$2" '.manifests[] | select(.annotations["org.opencontainers.image.ref.name"] == $t) | .digest' \
    "$FIX/oci/$1/index.json")
  jq -r '.layers[].digest' "$FIX/oci/$1/blobs/sha256/${m#sha256:}" | sed "s|^sha256:|$FIX/oci/$1/blobs/sha256/|"
}

# One hyperfine measurement: NAME RUNS PREPARE COMMAND -> median ms on stdout.
measure() { # NAME RUNS PREPARE COMMAND
  local name=$1 runs=$2 prepare=$3 cmd=$4
  hyperfine -N --style none --runs "$runs" --prepare "$prepare" --export-json "$WORK/$name.json" \
    "$cmd" >"$WORK/$name.log" 2>&1 || { cat "$WORK/$name.log" >&2; echo "FAILED"; return 0; }
  jq -r '.results[0] | "\(.median * 1000 | floor) \(.min * 1000 | floor) \(.max * 1000 | floor)"' "$WORK/$name.json"
}

declare -A RES
# prepare scripts (run by hyperfine through sh before each run)
mkprep() { # FILE DIR PLACE
  {
    echo '#!/bin/sh'
    echo "rm -rf '$2/store' '$2/run' '$2/floor'"
    echo "install -d -m 0700 -o $USER_UID -g $USER_GID '$2/store' '$2/run'"
    echo "install -d -m 0700 '$2/floor'"
    if [[ $3 == disk ]]; then echo "sync; sleep $PAUSE"; fi
  } >"$1"
  chmod 0755 "$1"
}

for place in $PLACES; do
  case $place in
    tmpfs) dir=$TMPFS_DIR ;;
    disk) dir=$DISK_DIR ;;
    *) die "unknown place $place" ;;
  esac
  rm -rf "$dir"
  install -d -m 0755 "$dir"
  prep="$WORK/prepare-$place.sh"
  mkprep "$prep" "$dir" "$place"
  # The floor: every layer extracted at once, as root (owners kept), into DIR/floor/N.
  for task in $TASKS; do
    case $task in
      busybox) img=busybox tag=latest runs=$RUNS_SMALL ;;
      big-gzip) img=big tag=latest runs=$RUNS ;;
      big-zstd) img=big tag=zstd runs=$RUNS ;;
      *) die "unknown task $task" ;;
    esac
    ref="$REG/library/$img:$tag"
    step "$task on $place: rpod"
    RES[$task,$place,rpod]=$(measure "rpod-$task-$place" "$runs" "$prep" \
      "${as_user[*]} $BIN/rpod --root $dir/store/rpod --runroot $dir/run/rpod pull -q --tls-verify=false $ref")
    floor="$WORK/floor-$task.sh"
    {
      echo '#!/bin/sh'
      i=0
      while read -r blob; do
        i=$((i + 1))
        echo "mkdir -p '$dir/floor/$i'"
        if [[ $tag == zstd ]]; then
          echo "zstd -q -dc '$blob' | tar -x -C '$dir/floor/$i' &"
        else
          echo "tar -xzf '$blob' -C '$dir/floor/$i' &"
        fi
      done < <(layer_blobs "$img" "$tag")
      echo 'wait'
    } >"$floor"
    chmod 0755 "$floor"
    step "$task on $place: floor"
    RES[$task,$place,floor]=$(measure "floor-$task-$place" "$runs" "$prep" "/bin/sh $floor")
    if $have_podman; then
      step "$task on $place: podman"
      RES[$task,$place,podman]=$(measure "podman-$task-$place" "$runs" "$prep" \
        "${as_user[*]} podman --root $dir/store/podman --runroot $dir/run/podman --storage-driver overlay pull -q --tls-verify=false $ref")
      if [[ -z $PODMAN_PAUSE_PID ]] && [[ -r $RPOD_TEST_RUNTIME_DIR/libpod/tmp/pause.pid ]]; then
        PODMAN_PAUSE_PID=$(cat "$RPOD_TEST_RUNTIME_DIR/libpod/tmp/pause.pid")
      fi
    fi
  done
  rm -rf "$dir"
done

# The table.
med() { echo "${1%% *}"; }
ratio() { # A B
  if [[ $1 =~ ^[0-9]+$ && $2 =~ ^[0-9]+$ && $2 -gt 0 ]]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; else echo "-"; fi
}
range() { local a; read -r -a a <<<"$1"; if [[ ${#a[@]} == 3 ]]; then echo "(${a[1]}-${a[2]})"; fi; }
verdicts=()
{
  echo "# rpod pull benchmark, $(date -u +%FT%TZ), $(nproc) cores, kernel $(uname -r); ms, median (min-max)"
  echo "# runs: busybox $RUNS_SMALL, big $RUNS; rootless, empty store each run; disk runs after sync + ${PAUSE}s"
  printf '%-20s %-20s %-20s %-20s %-12s %-10s\n' task rpod floor podman rpod/podman rpod/floor
  for place in $PLACES; do
    for task in $TASKS; do
      r=${RES[$task,$place,rpod]:-} f=${RES[$task,$place,floor]:-} p=${RES[$task,$place,podman]:--}
      rm_=$(med "$r") fm=$(med "$f") pm=$(med "$p")
      printf '%-20s %-20s %-20s %-20s %-12s %-10s\n' "$task/$place" "$rm_ $(range "$r")" "$fm $(range "$f")" \
        "$pm $(range "$p")" "$(ratio "$rm_" "$pm")" "$(ratio "$rm_" "$fm")"
      case $task/$place in
        busybox/*) [[ $rm_ =~ ^[0-9]+$ ]] && verdicts+=("$task/$place: rpod ${rm_} ms <= 60 ms: $( ((rm_ <= 60)) && echo met || echo MISSED)") ;;
        big-*/tmpfs)
          verdicts+=("$task/$place: rpod/podman $(ratio "$rm_" "$pm") <= 0.5: $(awk -v x="$(ratio "$rm_" "$pm")" 'BEGIN { print (x != "-" && x <= 0.5) ? "met" : "MISSED" }')")
          verdicts+=("$task/$place: rpod/floor $(ratio "$rm_" "$fm") <= 1.3: $(awk -v x="$(ratio "$rm_" "$fm")" 'BEGIN { print (x != "-" && x <= 1.3) ? "met" : "MISSED" }')") ;;
        big-*/disk)
          verdicts+=("$task/$place: rpod/podman $(ratio "$rm_" "$pm") <= 1: $(awk -v x="$(ratio "$rm_" "$pm")" 'BEGIN { print (x != "-" && x <= 1.0) ? "met" : "MISSED" }')") ;;
      esac
    done
  done
  echo
  echo "# targets"
  printf '%s\n' "${verdicts[@]}"
} | tee "$OUT"
step "table written to $OUT"
