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
# shellcheck source=tests/bed/common.sh
. tests/bed/common.sh
RUNS=${BENCH_RUNS:-5}
RUNS_SMALL=${BENCH_RUNS_SMALL:-10}
PAUSE=${BENCH_PAUSE:-3}
TASKS=${BENCH_ONLY:-busybox big-gzip big-zstd}
PLACES=${BENCH_PLACES:-tmpfs disk}
DISK_DIR=${BENCH_DISK_DIR:-/var/tmp/rpod-bench}
TMPFS_DIR=${BENCH_TMPFS_DIR:-/dev/shm/rpod-bench}
OUT=${BENCH_OUT:-$BASE/bench-pull.txt}

bed_prelude
bed_packages hyperfine zstd
bed_user

WORK=$(mktemp -d "$BASE/bench-XXXXXX")
chmod 0755 "$WORK"
PODMAN_PAUSE_PID=""
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
  local rc=$?
  bed_stop_registry
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

bed_rpod
# shellcheck disable=SC2119  # no extra arguments: all fixtures, the big ones too
bed_fixtures
jq -e '.[] | select(.name == "big" and .tag == "zstd")' "$FIX/fixtures.json" >/dev/null ||
  die "the fixtures have no big image (RPOD_TEST_SKIP_BIG?)"

bed_registry
bed_user_config

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
        busybox/*) [[ $rm_ =~ ^[0-9]+$ ]] && verdicts+=("$task/$place: rpod ${rm_} ms <= 60 ms: $(verdict "$rm_" 60)") ;;
        big-*/tmpfs)
          verdicts+=("$task/$place: rpod/podman $(ratio "$rm_" "$pm") <= 0.5: $(verdict "$(ratio "$rm_" "$pm")" 0.5)")
          verdicts+=("$task/$place: rpod/floor $(ratio "$rm_" "$fm") <= 1.3: $(verdict "$(ratio "$rm_" "$fm")" 1.3)") ;;
        big-*/disk)
          verdicts+=("$task/$place: rpod/podman $(ratio "$rm_" "$pm") <= 1: $(verdict "$(ratio "$rm_" "$pm")" 1.0)") ;;
      esac
    done
  done
  echo
  echo "# targets"
  printf '%s\n' "${verdicts[@]}"
} | tee "$OUT"
step "table written to $OUT"
