#!/usr/bin/env bash
# Container network benchmark, rootless: rpod (pasta) against podman 4.3 (slirp4netns and
# rootlessport) when installed, busybox pulled from a registry on loopback into each
# engine's private store. Median of BENCH_RUNS (default 15) runs after BENCH_WARMUP
# (default 2) warm-ups, with hyperfine, of:
#   `run --rm IMAGE true` with the default network against `--network none`: the
#   network's own start cost;
#   a 300 MB download (curl on the host) through `-p 127.0.0.1:PORT:80` from busybox
#   httpd in a container, against the same download from busybox httpd on the host's
#   loopback (the floor);
#   the connection rate through `-p`: BENCH_CONNS (default 200) HTTP requests of a small
#   file, a connection each (busybox httpd closes after every answer), one curl process,
#   against the same on the host's loopback;
#   on a user-defined network (rootless: the rootless network namespace, aardvark-dns),
#   `run --rm --network NET IMAGE nslookup first` while a container `first` runs there:
#   the time for a second container to resolve the first by name;
#   the same download and connection rate through `-p` of a container on that network
#   (rootless: rpod's forwarder, Podman's rootlessport);
#   a pod's life: `pod create` + `run --rm --pod` + `pod rm -f` (rpod's infra is its own
#   init; Podman's needs a pause image, which it builds from catatonit: without catatonit
#   installed, busybox committed with `CMD sleep` stands in, `--infra-image`).
# Traffic goes only to 127.0.0.1.
#
#   bash bench/network.sh       (as root; sets up the test bed the way tests/run.sh does)
#
# Env knobs: BENCH_RPOD (a built rpod to use), BENCH_RPOD_BASE (another one, for before and
#   after: the run --rm rows of both, measured one after the other, in one store, so a build
#   that reads this rpod's store schema), BENCH_RUNS,
#   BENCH_WARMUP, BENCH_CONNS, BENCH_NO_PODMAN=1, BENCH_KEEP=1 (keep the work dir),
#   RPOD_TESTBED_DIR, RPOD_TESTBED_CACHE, RPOD_LOG.
# Output: the table on stdout (also BENCH_OUT, default $BASE/bench-network.txt).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=tests/bed/common.sh
. tests/bed/common.sh
RUNS=${BENCH_RUNS:-15}
WARMUP=${BENCH_WARMUP:-2}
CONNS=${BENCH_CONNS:-200}
OUT=${BENCH_OUT:-$BASE/bench-network.txt}
MB=300

bed_prelude
bed_packages hyperfine jq curl
bed_user

HOST_HTTPD=""
# shellcheck disable=SC2317  # invoked by the trap
stop_host_httpd() { [[ -z $HOST_HTTPD ]] || kill "$HOST_HTTPD" 2>/dev/null || true; }
BED_CLEANUP_EXTRA=stop_host_httpd
bed_bench_work bench-net

bed_bench_engines

WWW="$WORK/www"
install -d -m 0755 -o "$USER_UID" -g "$USER_GID" "$WWW"
step "files: $MB MB and a small one"
"${as_user[@]}" /bin/sh -c "head -c ${MB}000000 /dev/urandom > $WWW/big && echo small > $WWW/small && chmod 0644 $WWW/*"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# Waits until http://127.0.0.1:PORT/small answers (a server starting).
wait_http() { # PORT
  local i
  for i in $(seq 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$1/small" && return 0
    sleep 0.1
  done
  return 1
}
U=$(printf '%q ' "${as_user[@]}")
download() { echo "$U curl -sf -o /dev/null http://127.0.0.1:$1/big"; }
requests() { echo "$U curl -sf -H Connection:close http://127.0.0.1:$1/small?[1-$CONNS]"; }
declare -A RES NET

step "floor: busybox httpd on the host's loopback"
P=$(free_port)
"${as_user[@]}" /bin/busybox httpd -f -p "127.0.0.1:$P" -h "$WWW" &
HOST_HTTPD=$!
wait_http "$P" || die "the host's httpd did not answer"
RES[get,floor]=$(measure floor-get "" "$(download "$P")")
RES[conn,floor]=$(measure floor-conn "" "$(requests "$P")")
kill "$HOST_HTTPD"
HOST_HTTPD=""

for en in "${ENGINES[@]}"; do
  E=$(estr "$en")
  if ! bed_pull "$en"; then
    for r in run-net run-none get conn; do RES[$r,$en]=FAILED; done
    continue
  fi
  step "$en: run --rm, default network and none"
  RES[run-net,$en]=$(measure "$en-run-net" "" "$E run --rm $IMG true")
  [[ $en == podman ]] && bed_podman_pause_note
  RES[run-none,$en]=$(measure "$en-run-none" "" "$E run --rm --network none $IMG true")
  step "$en: httpd behind -p"
  P=$(free_port)
  if eng "$en" run -d --name web -p "127.0.0.1:$P:80" -v "$WWW:/www:ro" "$IMG" httpd -f -p 80 -h /www \
    >"$WORK/web-$en.log" 2>&1 && wait_http "$P"; then
    RES[get,$en]=$(measure "$en-get" "" "$(download "$P")")
    RES[conn,$en]=$(measure "$en-conn" "" "$(requests "$P")")
  else
    cat "$WORK/web-$en.log" >&2
    RES[get,$en]=FAILED RES[conn,$en]=FAILED
  fi
  case $en in
    rpod) eng rpod rm -f web >/dev/null 2>&1 || true ;;
    podman) eng podman rm -f -t 0 web >/dev/null 2>&1 || true ;;
  esac
  step "$en: a second container on a user network resolves the first"
  # (Podman's networks are its user's, outside its store: a name of this run.)
  BNET="rpbench$$"
  subnet="10.231.$([[ $en == rpod ]] && echo 7 || echo 8).0/24"
  if eng "$en" network create --subnet "$subnet" "$BNET" >"$WORK/net-$en.log" 2>&1 &&
    eng "$en" run -d --name first --network "$BNET" "$IMG" sleep 1000 >>"$WORK/net-$en.log" 2>&1; then
    # Once the first answers (as in the tests: its name server may take a moment).
    for _ in $(seq 50); do
      eng "$en" run --rm --network "$BNET" "$IMG" nslookup first >/dev/null 2>&1 && break
      sleep 0.2
    done
    RES[resolve,$en]=$(measure "$en-resolve" "" "$E run --rm --network $BNET $IMG nslookup first")
    step "$en: httpd behind -p on the user network"
    P=$(free_port)
    if eng "$en" run -d --name uweb --network "$BNET" -p "127.0.0.1:$P:80" -v "$WWW:/www:ro" "$IMG" \
      httpd -f -p 80 -h /www >"$WORK/uweb-$en.log" 2>&1 && wait_http "$P"; then
      RES[uget,$en]=$(measure "$en-uget" "" "$(download "$P")")
      RES[uconn,$en]=$(measure "$en-uconn" "" "$(requests "$P")")
    else
      cat "$WORK/uweb-$en.log" >&2
      RES[uget,$en]=FAILED RES[uconn,$en]=FAILED
    fi
    eng "$en" rm -f -t 0 uweb >/dev/null 2>&1 || true
  else
    cat "$WORK/net-$en.log" >&2
    RES[resolve,$en]=FAILED RES[uget,$en]=FAILED RES[uconn,$en]=FAILED
  fi
  eng "$en" rm -f -t 0 first >/dev/null 2>&1 || true
  eng "$en" network rm -f "$BNET" >/dev/null 2>&1 || true
  step "$en: pod create + run --rm --pod + pod rm -f"
  infra=""
  if [[ $en == podman ]] && ! command -v catatonit >/dev/null && [[ ! -x /usr/libexec/podman/catatonit ]]; then
    # (podman commit fails here with "runroot must be set"; export + import does not.)
    install -d -m 0700 -o "$USER_UID" -g "$USER_GID" "$WORK/infra"
    if eng podman create -q --name bench-pause "$IMG" >"$WORK/infra.log" 2>&1 &&
      eng podman export -o "$WORK/infra/pause.tar" bench-pause >>"$WORK/infra.log" 2>&1 &&
      eng podman import -q --change 'CMD ["sleep","1000000"]' "$WORK/infra/pause.tar" \
        localhost/bench-pause >>"$WORK/infra.log" 2>&1 &&
      eng podman rm bench-pause >>"$WORK/infra.log" 2>&1; then
      infra="--infra-image localhost/bench-pause"
    else
      cat "$WORK/infra.log" >&2
    fi
  fi
  RES[pod,$en]=$(measure "$en-pod" "" \
    "sh -c '$E pod create $infra --name bpod >/dev/null && $E run --rm --pod bpod $IMG true && $E pod rm -f -t 0 bpod >/dev/null'")
  eng "$en" pod rm -f -t 0 bpod >/dev/null 2>&1 || true
done
if [[ -n ${BENCH_RPOD_BASE:-} ]]; then
  step "base rpod ($BENCH_RPOD_BASE): run --rm, default network and none"
  install -m 0755 "$BENCH_RPOD_BASE" "$BIN/rpod-base"
  B=$(estr rpod)
  B=${B/"$BIN/rpod "/"$BIN/rpod-base "}
  for r in run-net run-none; do
    n=""
    [[ $r == run-none ]] && n="--network none"
    RES[$r,base]=$(measure "base-$r" "" "$B run --rm $n $IMG true")
    RES[$r,rpod2]=$(measure "rpod2-$r" "" "$(estr rpod) run --rm $n $IMG true")
  done
fi

med() { [[ $1 == FAILED || -z $1 ]] && echo "-" || echo "${1%% *}"; }
cell() { [[ $1 == FAILED || -z $1 ]] && echo "FAILED" || { read -r m lo hi <<<"$1"; echo "$m ms ($lo-$hi)"; }; }
# COUNT of things done in a median of MS milliseconds, per second ("-" without one).
per_s() { # COUNT MS
  [[ $2 =~ ^[0-9]+$ && $2 -gt 0 ]] && awk -v n="$1" -v ms="$2" 'BEGIN { printf "%d", n * 1000 / ms }' || echo "-"
}
minus() { [[ $1 =~ ^[0-9]+$ && $2 =~ ^[0-9]+$ ]] && echo $(($1 - $2)) || echo "-"; }
{
  echo "# rpod network benchmark, $(date -u +%FT%TZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?')," \
    "$(nproc) cores, kernel $(uname -r); rootless; hyperfine $RUNS runs after $WARMUP warm-ups"
  echo "# rpod: pasta $(dpkg-query -W -f '${Version}' passt 2>/dev/null || echo '?');" \
    "podman: $($have_podman && podman --version | awk '{ print $3 }' || echo none), slirp4netns + rootlessport, runc"
  printf '%-38s %-20s %-20s %-12s\n' task rpod podman rpod/podman
  for r in run-net run-none; do
    case $r in
      run-net) label="run --rm true (default network)" ;;
      run-none) label="run --rm --network none true" ;;
    esac
    rv=${RES[$r,rpod]:-} pv=${RES[$r,podman]:-}
    printf '%-38s %-20s %-20s %-12s\n' "$label" "$(cell "$rv")" "$(cell "$pv")" "$(ratio "$(med "$rv")" "$(med "$pv")")"
  done
  for en in rpod podman; do
    NET[$en]=$(minus "$(med "${RES[run-net,$en]:-}")" "$(med "${RES[run-none,$en]:-}")")
  done
  printf '%-38s %-20s %-20s\n' "the network's start cost (ms)" "${NET[rpod]}" "${NET[podman]}"
  for r in resolve pod; do
    case $r in
      resolve) label="2nd container on a user net resolves 1st" ;;
      pod) label="pod create + run --pod + pod rm -f" ;;
    esac
    rv=${RES[$r,rpod]:-} pv=${RES[$r,podman]:-}
    printf '%-38s %-20s %-20s %-12s\n' "$label" "$(cell "$rv")" "$(cell "$pv")" "$(ratio "$(med "$rv")" "$(med "$pv")")"
  done
  if [[ -n ${BENCH_RPOD_BASE:-} ]]; then
    echo "# this rpod against BENCH_RPOD_BASE, measured one after the other"
    printf '%-38s %-20s %-20s %-12s\n' task rpod base rpod/base
    for r in run-net run-none; do
      rv=${RES[$r,rpod2]} bv=${RES[$r,base]}
      printf '%-38s %-20s %-20s %-12s\n' "$r" "$(cell "$rv")" "$(cell "$bv")" "$(ratio "$(med "$rv")" "$(med "$bv")")"
    done
    printf '%-38s %-20s %-20s\n' "the network's start cost (ms)" \
      "$(minus "$(med "${RES[run-net,rpod2]}")" "$(med "${RES[run-none,rpod2]}")")" \
      "$(minus "$(med "${RES[run-net,base]}")" "$(med "${RES[run-none,base]}")")"
  fi
  printf '%-38s %-20s %-20s %-12s %s\n' task rpod podman rpod/podman "floor (host loopback)"
  fl=$(med "${RES[get,floor]}")
  rv=$(med "${RES[get,rpod]:-}") pv=$(med "${RES[get,podman]:-}")
  printf '%-38s %-20s %-20s %-12s %s\n' "$MB MB through -p (MB/s)" "$(per_s "$MB" "$rv")" "$(per_s "$MB" "$pv")" \
    "$(ratio "$pv" "$rv")" "$(per_s "$MB" "$fl")"
  printf '%-38s %-20s %-20s\n' "  of the floor" "$(ratio "$fl" "$rv")" "$(ratio "$fl" "$pv")"
  fc=$(med "${RES[conn,floor]}")
  rv=$(med "${RES[conn,rpod]:-}") pv=$(med "${RES[conn,podman]:-}")
  printf '%-38s %-20s %-20s %-12s %s\n' "connections/s through -p ($CONNS)" "$(per_s "$CONNS" "$rv")" \
    "$(per_s "$CONNS" "$pv")" "$(ratio "$pv" "$rv")" "$(per_s "$CONNS" "$fc")"
  printf '%-38s %-20s %-20s\n' "  of the floor" "$(ratio "$fc" "$rv")" "$(ratio "$fc" "$pv")"
  rv=$(med "${RES[uget,rpod]:-}") pv=$(med "${RES[uget,podman]:-}")
  printf '%-38s %-20s %-20s %-12s %s\n' "$MB MB through -p on a user net (MB/s)" "$(per_s "$MB" "$rv")" \
    "$(per_s "$MB" "$pv")" "$(ratio "$pv" "$rv")" "$(per_s "$MB" "$fl")"
  rv=$(med "${RES[uconn,rpod]:-}") pv=$(med "${RES[uconn,podman]:-}")
  printf '%-38s %-20s %-20s %-12s %s\n' "connections/s, -p on a user net" "$(per_s "$CONNS" "$rv")" \
    "$(per_s "$CONNS" "$pv")" "$(ratio "$pv" "$rv")" "$(per_s "$CONNS" "$fc")"
  echo "# raw medians (min-max): download floor $(cell "${RES[get,floor]}"), rpod $(cell "${RES[get,rpod]:-}")," \
    "podman $(cell "${RES[get,podman]:-}"); $CONNS requests floor $(cell "${RES[conn,floor]}")," \
    "rpod $(cell "${RES[conn,rpod]:-}"), podman $(cell "${RES[conn,podman]:-}")"
  echo
  echo "# targets"
  echo "network start cost: rpod ${NET[rpod]} ms <= 10 ms: $(verdict "${NET[rpod]}" 10)"
  r=$(ratio "$fl" "$(med "${RES[get,rpod]:-}")")
  # ratio prints A/B: the floor's time over rpod's is rpod's share of the floor's speed.
  echo "download through -p >= 0.8x the floor: rpod ${r}x: $(awk -v x="$r" 'BEGIN { print (x ~ /^[0-9.]+$/ && x + 0 >= 0.8) ? "met" : "MISSED" }')"
} | tee "$OUT"
step "table written to $OUT"
