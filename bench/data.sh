#!/usr/bin/env bash
# Container data benchmark: rootless rpod against podman (when installed), busybox pulled
# from a registry on loopback into each engine's private store on disk. Median of
# BENCH_RUNS (default 7) runs after one warm-up, with hyperfine, of:
#   cp of a 300 MB file into a container (`cp FILE CTR:/big`) and out of it
#   (`cp CTR:/big FILE`), against plain `cp` of the same file on the host (the floor);
#   commit of a container with 100 MB of changes (a 100 MB file copied in);
#   `run --rm -v DIR:/d IMAGE true` (a bind mount of a host directory) against a plain
#   `run --rm IMAGE true`: the cost of the mount.
# The containers are created, not started (both engines mount a stopped container's root
# for cp and commit; podman cannot start containers on some hosts).
#
#   bash bench/data.sh       (as root; sets up the test bed the way tests/run.sh does)
#
# Env knobs: BENCH_RPOD (a built rpod to use), BENCH_RUNS, BENCH_NO_PODMAN=1, BENCH_KEEP=1 (keep the work dir),
#   RPOD_TESTBED_DIR, RPOD_TESTBED_CACHE, RPOD_LOG.
# Output: the table on stdout (also BENCH_OUT, default $BASE/bench-data.txt).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=tests/bed/common.sh
. tests/bed/common.sh
RUNS=${BENCH_RUNS:-7}
WARMUP=1
OUT=${BENCH_OUT:-$BASE/bench-data.txt}

bed_prelude
bed_packages hyperfine jq
bed_user

bed_bench_work bench-data

bed_bench_engines
install -d -m 0700 -o "$USER_UID" -g "$USER_GID" "$WORK/files"
F="$WORK/files"
step "files: 300 MB and 100 MB"
"${as_user[@]}" /bin/sh -c "head -c 300000000 /dev/urandom > $F/big && head -c 100000000 /dev/urandom > $F/changes"
declare -A RES
U=$(printf '%q ' "${as_user[@]}")
RES[floor]=$(measure floor "" "$U cp $F/big $F/floor-copy")

for en in "${ENGINES[@]}"; do
  E=$(estr "$en")
  if ! bed_pull "$en"; then
    RES[cp-in,$en]=FAILED RES[cp-out,$en]=FAILED RES[commit,$en]=FAILED
    continue
  fi
  eng "$en" create --name "cp-$en" "$IMG" true >/dev/null
  step "$en: cp 300 MB in and out"
  RES[cp-in,$en]=$(measure "$en-cp-in" "" "$E cp $F/big cp-$en:/big")
  RES[cp-out,$en]=$(measure "$en-cp-out" "" "$E cp cp-$en:/big $F/out-$en")
  step "$en: commit 100 MB of changes"
  eng "$en" create --name "commit-$en" "$IMG" true >/dev/null
  eng "$en" cp "$F/changes" "commit-$en:/changes"
  RES[commit,$en]=$(measure "$en-commit" "" "$E commit -q commit-$en")
  eng "$en" rm -af >/dev/null 2>&1 || true
  step "$en: run --rm with and without a bind mount"
  RES[run,$en]=$(measure "$en-run" "" "$E run --rm $IMG true")
  RES[run-v,$en]=$(measure "$en-run-v" "" "$E run --rm -v $F:/d $IMG true")
done

med() { [[ $1 == FAILED || -z $1 ]] && echo "-" || echo "${1%% *}"; }
cell() { [[ $1 == FAILED || -z $1 ]] && echo "FAILED" || { read -r m lo hi <<<"$1"; echo "$m ms ($lo-$hi)"; }; }
{
  echo "rpod $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) CPUs, runs $RUNS, rootless"
  printf '%-30s %-22s %-22s %-12s %-12s\n' task rpod podman rpod/podman rpod/floor
  for r in cp-in cp-out commit run run-v; do
    rv=${RES[$r,rpod]:-} pv=${RES[$r,podman]:-}
    case $r in
      cp-in) label="cp 300 MB into a container" fl=$(ratio "$(med "$rv")" "$(med "${RES[floor]}")") ;;
      cp-out) label="cp 300 MB out of a container" fl=$(ratio "$(med "$rv")" "$(med "${RES[floor]}")") ;;
      commit) label="commit (100 MB of changes)" fl="-" ;;
      run) label="run --rm IMAGE true" fl="-" ;;
      run-v) label="run --rm -v DIR:/d IMAGE true" fl="-" ;;
    esac
    printf '%-30s %-22s %-22s %-12s %-12s\n' "$label" "$(cell "$rv")" "$(cell "$pv")" "$(ratio "$(med "$rv")" "$(med "$pv")")" "$fl"
  done
  printf '%-30s %-22s\n' "floor: host cp of 300 MB" "$(cell "${RES[floor]}")"
  for en in "${ENGINES[@]}"; do
    printf '%-30s %s\n' "$en: -v over a plain run" "$(ratio "$(med "${RES[run-v,$en]:-}")" "$(med "${RES[run,$en]:-}")")x"
  done
} | tee "$OUT"
step "table written to $OUT"
