#!/usr/bin/env bash
# Container lifecycle benchmark: rootless rpod against podman (when installed), with
# busybox (pulled once into each engine's store from a registry on loopback), store and
# runroot in a work dir on disk. Median of BENCH_RUNS (default 15) runs after
# BENCH_WARMUP (default 2) warm-up runs, with hyperfine, of:
#   version; create IMAGE true; start -a of a created `true` container; rm of a created
#   container; run --rm IMAGE true; exec CTR true into a running container;
#   images and ps -a with 50 containers present; ps -a with 1000 containers present;
#   with runc installed: `runc run` and `rpod oci run` of one bare bundle (rootfs = Debian's
#   static busybox, `runc spec --rootless`, process `true`) as the same user, in the same run;
# then, timed once each: 20 concurrent `run -d IMAGE sleep 1000` (wall time, all
# succeeded?), and with those 20 containers running, the memory of each container's
# monitor (rpod's monitor, podman's conmon; from .State.ConmonPid): Rss, Pss and
# USS (Private_Clean + Private_Dirty) of /proc/PID/smaps_rollup, median in KiB.
# podman runs with --storage-driver overlay --cgroup-manager cgroupfs --events-backend
# file, runc, the same private XDG_CONFIG_HOME; a podman row that fails reads FAILED.
#
#   bash bench/lifecycle.sh       (as root; sets up the test bed the way tests/run.sh does)
#
# Env knobs: BENCH_RPOD (a built rpod to use), BENCH_RUNS, BENCH_WARMUP, BENCH_MANY (containers for the big ps -a row,
#   default 1000), BENCH_PODMAN_BUDGET (seconds podman may take to create them, default
#   300; past it the podman row is skipped), BENCH_NO_PODMAN=1, BENCH_KEEP=1 (keep the
#   work dir), RPOD_TESTBED_DIR, RPOD_TESTBED_CACHE, RPOD_LOG.
# Output: the table on stdout (also BENCH_OUT, default $BASE/bench-lifecycle.txt), raw
# hyperfine JSON in the work dir (kept with BENCH_KEEP=1).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=tests/bed/common.sh
. tests/bed/common.sh
RUNS=${BENCH_RUNS:-20}
WARMUP=${BENCH_WARMUP:-2}
MANY=${BENCH_MANY:-1000}
PODMAN_BUDGET=${BENCH_PODMAN_BUDGET:-300}
OUT=${BENCH_OUT:-$BASE/bench-lifecycle.txt}
NCONC=20
NFEW=50

bed_prelude
((MANY >= NFEW)) || die "BENCH_MANY must be >= $NFEW"
bed_packages hyperfine jq
bed_user

bed_bench_work bench

bed_bench_engines

rm_all() { # ENGINE (quietly; rpod's -f kills at once, podman's waits --time)
  case $1 in
    rpod) eng rpod rm -af >/dev/null 2>"$WORK/rm-all.err" ;;
    podman) eng podman rm -af -t 0 >/dev/null 2>"$WORK/rm-all.err" ;;
  esac || { echo "$1 rm -af failed:" >&2; cat "$WORK/rm-all.err" >&2; }
}
# A prepare script for hyperfine (-N runs it without a shell): NAME BODY -> its path.
mkprep() {
  local f="$WORK/prepare-$1.sh"
  printf '#!/bin/sh\n%s\n' "$2" >"$f"
  chmod 0755 "$f"
  echo "$f"
}
# Creates containers until the engine has N (`create IMAGE true`); fails past DEADLINE (epoch s).
fill() { # ENGINE N DEADLINE
  local en=$1 n=$2 deadline=$3 have
  have=$(eng "$en" ps -aq | wc -l)
  while ((have < n)); do
    eng "$en" create "$IMG" true >/dev/null 2>"$WORK/fill.err" || { cat "$WORK/fill.err" >&2; return 1; }
    have=$((have + 1))
    if (($(date +%s) > deadline)); then
      echo "$en: $have containers after the budget" >&2
      return 2
    fi
  done
}
smaps() { # PID -> "rss pss uss" KiB
  awk '/^Rss:/ { r = $2 } /^Pss:/ { p = $2 } /^Private_Clean:/ { c = $2 } /^Private_Dirty:/ { d = $2 }
       END { if (r == "") exit 1; print r, p, c + d }' "/proc/$1/smaps_rollup"
}
# "median min max" of the numbers on stdin (median of an even count: mean of the middle two).
stats() {
  sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "-"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%d %d %d\n", m, v[1], v[NR] }'
}

ROWS=(version create start-a rm run-rm exec images-few ps-few ps-many conc)
declare -A LABEL=([version]="version" [create]="create" [start-a]="start -a (true)" [rm]="rm"
  [run-rm]="run --rm (true)" [exec]="exec true" [images-few]="images ($NFEW ctrs)"
  [ps-few]="ps -a ($NFEW ctrs)" [ps-many]="ps -a ($MANY ctrs)" [conc]="${NCONC}x run -d (1 run)")
declare -A RES MEM NOTE OKS

for en in "${ENGINES[@]}"; do
  E=$(estr "$en")
  if ! bed_pull "$en"; then
    for r in "${ROWS[@]}"; do RES[$r,$en]=FAILED; done
    continue
  fi
  [[ $en == podman ]] && bed_podman_pause_note
  rm_all "$en"

  step "$en: version"
  RES[version,$en]=$(measure "$en-version" "" "$E version")
  step "$en: create"
  RES[create,$en]=$(measure "$en-create" "" "$E create $IMG true")
  rm_all "$en"
  step "$en: start -a"
  p=$(mkprep "$en-start-a" "$E rm -f b >/dev/null 2>&1; exec $E create --name b $IMG true >/dev/null 2>&1")
  RES[start-a,$en]=$(measure "$en-start-a" "$p" "$E start -a b")
  rm_all "$en"
  step "$en: rm"
  p=$(mkprep "$en-rm" "exec $E create --name r $IMG true >/dev/null 2>&1")
  RES[rm,$en]=$(measure "$en-rm" "$p" "$E rm r")
  rm_all "$en"
  step "$en: run --rm"
  RES[run-rm,$en]=$(measure "$en-run-rm" "" "$E run --rm $IMG true")
  rm_all "$en"
  step "$en: exec"
  if eng "$en" run -d --name e "$IMG" sleep 100000 >/dev/null 2>"$WORK/exec-$en.err"; then
    RES[exec,$en]=$(measure "$en-exec" "" "$E exec e true")
  else
    cat "$WORK/exec-$en.err" >&2
    RES[exec,$en]=FAILED
  fi
  rm_all "$en"

  step "$en: $NFEW containers"
  if fill "$en" "$NFEW" $(($(date +%s) + 100000)); then
    RES[images-few,$en]=$(measure "$en-images-few" "" "$E images")
    RES[ps-few,$en]=$(measure "$en-ps-few" "" "$E ps -a")
  else
    RES[images-few,$en]=FAILED RES[ps-few,$en]=FAILED
  fi
  step "$en: $MANY containers"
  t0=$SECONDS
  budget=100000
  [[ $en == podman ]] && budget=$PODMAN_BUDGET
  rc=0
  fill "$en" "$MANY" $(($(date +%s) + budget)) || rc=$?
  step "$en: $MANY containers made in $((SECONDS - t0)) s (rc $rc)"
  case $rc in
    0) RES[ps-many,$en]=$(measure "$en-ps-many" "" "$E ps -a") ;;
    2) RES[ps-many,$en]=skipped
      NOTE[ps-many,$en]="$en ps -a ($MANY ctrs) skipped: creating $MANY containers took more than ${budget}s" ;;
    *) RES[ps-many,$en]=FAILED ;;
  esac
  step "$en: rm -af"
  t0=$SECONDS
  rm_all "$en"
  step "$en: rm -af took $((SECONDS - t0)) s"

  step "$en: $NCONC concurrent run -d"
  pids=()
  t0=$(date +%s%N)
  for i in $(seq "$NCONC"); do
    eng "$en" run -d --name "c$i" "$IMG" sleep 1000 >"$WORK/conc-$en-$i.log" 2>&1 &
    pids+=($!)
  done
  ok=0
  for pid in "${pids[@]}"; do if wait "$pid"; then ok=$((ok + 1)); fi; done
  t1=$(date +%s%N)
  ms=$(((t1 - t0) / 1000000))
  RES[conc,$en]="$ms ($ok/$NCONC ok)"
  if ((ok < NCONC)); then
    for i in $(seq "$NCONC"); do
      if grep -qiE 'error|fail' "$WORK/conc-$en-$i.log"; then
        echo "$en run -d c$i:" >&2
        tail -n 5 "$WORK/conc-$en-$i.log" >&2
      fi
    done
  fi
  OKS[$en]=$ok

  step "$en: monitor memory"
  # Top up to NCONC running containers (when some concurrent runs failed).
  for i in $(seq "$NCONC"); do
    st=$(eng "$en" inspect --format '{{.State.Status}}' "c$i" 2>/dev/null || true)
    if [[ $st != running ]]; then
      eng "$en" rm -f "c$i" >/dev/null 2>&1 || true
      eng "$en" run -d --name "c$i" "$IMG" sleep 1000 >/dev/null 2>&1 || echo "$en: run -d c$i failed" >&2
    fi
  done
  sleep 1
  : >"$WORK/mem-$en.txt"
  for i in $(seq "$NCONC"); do
    mp=$(eng "$en" inspect --format '{{.State.ConmonPid}}' "c$i" 2>/dev/null || true)
    if [[ $mp =~ ^[1-9][0-9]*$ ]] && smaps "$mp" >>"$WORK/mem-$en.txt"; then :; else
      echo "$en: no monitor PID for c$i ($mp)" >&2
    fi
  done
  if [[ $en == podman ]] && [[ ! -s $WORK/mem-$en.txt ]]; then
    for mp in $(pgrep -u "$USER_UID" -x conmon || true); do smaps "$mp" >>"$WORK/mem-$en.txt" || true; done
  fi
  n=$(wc -l <"$WORK/mem-$en.txt")
  MEM[$en,n]=$n
  MEM[$en,rss]=$(cut -d' ' -f1 "$WORK/mem-$en.txt" | stats)
  MEM[$en,pss]=$(cut -d' ' -f2 "$WORK/mem-$en.txt" | stats)
  MEM[$en,uss]=$(cut -d' ' -f3 "$WORK/mem-$en.txt" | stats)
  rm_all "$en"
done

# The same process from a bare bundle: runc against rpod's own OCI runtime command line.
BUNDLE_RES=()
if command -v runc >/dev/null; then
  step "bare bundle: runc run / rpod oci run"
  B="$WORK/bundle"
  install -d -m 0755 -o "$USER_UID" -g "$USER_GID" "$B" "$B/rootfs" "$B/rootfs/bin" "$WORK/runc-state" "$WORK/oci-state"
  install -m 0755 -o "$USER_UID" -g "$USER_GID" /bin/busybox "$B/rootfs/bin/busybox"
  ln -s busybox "$B/rootfs/bin/true"
  (cd / && "${as_user[@]}" runc spec --rootless --bundle "$B")
  jq '.process.args = ["true"] | .process.terminal = false' "$B/config.json" >"$WORK/bundle-config.json"
  install -m 0644 -o "$USER_UID" -g "$USER_GID" "$WORK/bundle-config.json" "$B/config.json"
  BUNDLE_RES[0]=$(measure runc-bundle "" "${as_user[*]} runc --root $WORK/runc-state run --bundle $B bench")
  BUNDLE_RES[1]=$(measure rpod-oci-bundle "" "${as_user[*]} $BIN/rpod oci --root $WORK/oci-state run --bundle $B bench")
fi

# The table.
med() { echo "${1%% *}"; }
cell() { # "median min max" | FAILED | skipped | "ms (n/N ok)" -> shown
  local a
  read -r -a a <<<"$1"
  if [[ ${#a[@]} == 3 && ${a[0]} =~ ^[0-9]+$ && ${a[1]} =~ ^[0-9]+$ ]]; then echo "${a[0]} (${a[1]}-${a[2]})"; else echo "$1"; fi
}
memline() { # ENGINE WHAT
  local en=$1 what=$2
  if [[ -z ${MEM[$en,n]:-} ]]; then echo "$en $what: -"; return; fi
  echo "$en $what (${MEM[$en,n]} procs): Rss $(cell "${MEM[$en,rss]}")  Pss $(cell "${MEM[$en,pss]}")  USS $(cell "${MEM[$en,uss]}")"
}
{
  echo "# rpod lifecycle benchmark, $(date -u +%FT%TZ), $(nproc) cores, kernel $(uname -r); ms, median (min-max)"
  echo "# rootless, busybox, store + runroot on disk ($BASE); hyperfine $RUNS runs after $WARMUP warm-ups;" \
    "podman: $($have_podman && podman --version | awk '{ print $3 }' || echo none), overlay, cgroupfs, runc"
  printf '%-22s %-22s %-22s %-12s\n' task rpod podman rpod/podman
  for r in "${ROWS[@]}"; do
    rv=${RES[$r,rpod]:--} pv=${RES[$r,podman]:--}
    printf '%-22s %-22s %-22s %-12s\n' "${LABEL[$r]}" "$(cell "$rv")" "$(cell "$pv")" "$(ratio "$(med "$rv")" "$(med "$pv")")"
  done
  if ((${#BUNDLE_RES[@]})); then
    echo "# bare bundle, same user, rootless: runc run $(cell "${BUNDLE_RES[0]}"); rpod oci run $(cell "${BUNDLE_RES[1]}")"
  fi
  echo
  echo "# monitor memory with $NCONC running containers, KiB, median (min-max)"
  memline rpod monitor
  $have_podman && memline podman conmon
  for k in "${!NOTE[@]}"; do echo "# note: ${NOTE[$k]}"; done
  echo
  echo "# targets"
  v=$(med "${RES[ps-many,rpod]}")
  echo "ps -a ($MANY ctrs): rpod $v ms <= 20 ms: $(verdict "$v" 20)"
  v=$(med "${RES[exec,rpod]}")
  echo "exec true: rpod $v ms <= 15 ms: $(verdict "$v" 15)"
  v=$(med "${RES[run-rm,rpod]}")
  echo "run --rm (true): rpod $v ms <= 30 ms: $(verdict "$v" 30)"
  if ((${#BUNDLE_RES[@]})); then
    echo "run --rm (true) below runc's bare bundle run: rpod $v ms vs runc $(med "${BUNDLE_RES[0]}") ms: $(verdict "$v" "$(med "${BUNDLE_RES[0]}")")"
  fi
  pv=$(med "${RES[run-rm,podman]:--}")
  if [[ $pv =~ ^[0-9]+$ ]]; then
    r=$(ratio "$v" "$pv")
    echo "run --rm (true) <= 0.13x podman: rpod/podman $r: $(verdict "$r" 0.13)"
  fi
  v=$(med "${RES[create,rpod]}")
  echo "create: rpod $v ms <= 10 ms: $(verdict "$v" 10)"
  v=$(med "${MEM[rpod,rss]:--}")
  echo "monitor RSS: rpod $v KiB <= 1536 KiB: $(verdict "$v" 1536)"
  v=$(med "${MEM[rpod,uss]:--}")
  echo "monitor USS (same limit as RSS): rpod $v KiB <= 1536 KiB: $(verdict "$v" 1536)"
  echo "$NCONC concurrent run -d all succeed: rpod ${OKS[rpod]:-0}/$NCONC: $( ((${OKS[rpod]:-0} == NCONC)) && echo met || echo MISSED)"
} | tee "$OUT"
step "table written to $OUT"
