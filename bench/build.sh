#!/usr/bin/env bash
# Build benchmark (issue 16, item 8): rootless `rpod build` against `podman build` (when
# installed), the same small multi-stage Containerfile (14 steps: RUN, COPY, COPY --from
# and metadata; busybox pulled once into each engine's private store from a registry on
# loopback). Median of BENCH_RUNS (default 7) runs after one warm-up, with hyperfine, of:
#   cold:   build --no-cache --pull=never -t app CONTEXT (every step runs, every layer
#           is committed);
#   cached: build --pull=never -t app CONTEXT after a build of the same context (every
#           step from the cache; rpod starts no container).
# Also checks that the image runs and that cached rebuilds keep the image ID. Targets (issue 16): cold <= 0.5x podman, cached <= 0.3x podman.
# podman runs with --storage-driver overlay --cgroup-manager cgroupfs --events-backend
# file, runc, the same private XDG_CONFIG_HOME; a podman row that fails reads FAILED.
#
#   bash bench/build.sh       (as root; sets up the test bed the way tests/run.sh does)
#
# Env knobs: BENCH_RUNS, BENCH_NO_PODMAN=1, BENCH_KEEP=1 (keep the work dir),
#   BENCH_BUILD_FLAGS (extra flags for both engines' build, e.g. "--network none"),
#   RPOD_TESTBED_DIR, RPOD_TESTBED_CACHE, RPOD_LOG.
# Output: the table on stdout (also BENCH_OUT, default $BASE/bench-build.txt).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=tests/bed/common.sh
. tests/bed/common.sh
RUNS=${BENCH_RUNS:-7}
WARMUP=1
OUT=${BENCH_OUT:-$BASE/bench-build.txt}
EXTRA=${BENCH_BUILD_FLAGS:-}

bed_prelude
bed_packages hyperfine jq
bed_user

# Short: podman refuses a runroot longer than 50 characters.
WORK=$(mktemp -d "$BASE/bb-XXXXXX")
chmod 0755 "$WORK"
RP=() PM=()
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if ((${#RP[@]})); then "${RP[@]}" rm -af >/dev/null 2>&1 || true; fi
  if ((${#PM[@]})); then "${PM[@]}" rm -af -t 0 >/dev/null 2>&1 || true; fi
  bed_stop_registry
  if [[ -z ${BENCH_KEEP:-} ]]; then rm -rf "$WORK"; else echo "kept $WORK" >&2; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bed_bench_engines
install -d -m 0755 -o "$USER_UID" -g "$USER_GID" "$WORK/app"

# The app: two stages, 14 steps.
A="$WORK/app"
cat >"$A/app.sh" <<'EOF'
#!/bin/sh
. /app/lib.sh
greet "${1:-world}"
EOF
cat >"$A/lib.sh" <<'EOF'
greet() { echo "hello, $1 (app $(cat /app/VERSION))"; }
EOF
printf 'notes\n' >"$A/README.md"
printf 'README.md\n' >"$A/.dockerignore"
cat >"$A/Containerfile" <<EOF
FROM $IMG AS build
WORKDIR /src
COPY app.sh lib.sh ./
RUN chmod 0755 app.sh && mkdir -p /out && cp app.sh lib.sh /out/
RUN echo 1.0.\$(wc -l < lib.sh) > /out/VERSION

FROM $IMG
LABEL org.opencontainers.image.title="app"
ENV APP_HOME=/app
WORKDIR /app
COPY --from=build /out/ /app/
RUN echo "app:x:1000:1000::/app:/bin/sh" >> /etc/passwd && echo "app:x:1000:" >> /etc/group
EXPOSE 8080
USER app
ENTRYPOINT ["/app/app.sh"]
EOF
chown -R "$USER_UID:$USER_GID" "$A"

declare -A RES ID
for en in "${ENGINES[@]}"; do
  E=$(estr "$en")
  step "$en: pull $IMG"
  if ! eng "$en" pull -q --tls-verify=false "$IMG" >"$WORK/pull-$en.log" 2>&1; then
    cat "$WORK/pull-$en.log" >&2
    [[ $en == rpod ]] && die "rpod pull failed"
    RES[cold,$en]=FAILED RES[cached,$en]=FAILED
    continue
  fi
  step "$en: one build, checked"
  # shellcheck disable=SC2086  # EXTRA is a list of flags
  if ! eng "$en" build -q --pull=never $EXTRA -t app "$A" >"$WORK/first-$en.log" 2>&1; then
    tail -n 30 "$WORK/first-$en.log" >&2
    [[ $en == rpod ]] && die "rpod build failed"
    RES[cold,$en]=FAILED RES[cached,$en]=FAILED
    continue
  fi
  out=$(eng "$en" run --rm app bench 2>&1) || true
  [[ $out == "hello, bench (app 1.0.1)" ]] || echo "$en: the image ran as: $out" >&2
  step "$en: cold builds (--no-cache)"
  RES[cold,$en]=$(measure "$en-cold" "" "$E build -q --no-cache --pull=never $EXTRA -t app $A")
  step "$en: cached rebuilds"
  # shellcheck disable=SC2086
  eng "$en" build -q --pull=never $EXTRA -t app "$A" >/dev/null 2>&1 || true
  ID[pre,$en]=$(eng "$en" image inspect --format '{{.Id}}' app)
  RES[cached,$en]=$(measure "$en-cached" "" "$E build -q --pull=never $EXTRA -t app $A")
  ID[cached,$en]=$(eng "$en" image inspect --format '{{.Id}}' app)
done

med() { [[ $1 == FAILED || -z $1 ]] && echo "-" || echo "${1%% *}"; }
cell() { [[ $1 == FAILED || -z $1 ]] && echo "FAILED" || { read -r m lo hi <<<"$1"; echo "$m ms ($lo-$hi)"; }; }
{
  echo "rpod $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) CPUs, runs $RUNS, rootless, 14-step 2-stage Containerfile"
  printf '%-34s %-22s %-22s %-12s %-8s %s\n' task rpod podman rpod/podman target verdict
  for r in cold cached; do
    rv=${RES[$r,rpod]:-} pv=${RES[$r,podman]:-}
    case $r in
      cold) label="build --no-cache (cold)" target=0.5 ;;
      cached) label="build (fully cached)" target=0.3 ;;
    esac
    q=$(ratio "$(med "$rv")" "$(med "$pv")")
    printf '%-34s %-22s %-22s %-12s %-8s %s\n' "$label" "$(cell "$rv")" "$(cell "$pv")" "$q" "<= $target" "$(verdict "$q" "$target")"
  done
  same="no"
  [[ -n ${ID[cached,rpod]:-} && ${ID[cached,rpod]} == "${ID[pre,rpod]:-}" ]] && same="yes"
  printf '%-34s %s\n' "rpod: cached rebuilds, same image ID" "$same (${ID[cached,rpod]:-?})"
} | tee "$OUT"
step "table written to $OUT"
