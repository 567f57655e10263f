#!/usr/bin/env bash
# Pushes every fixture of FIXTURES_DIR/fixtures.json to the test registries and checks
# that the registries now hold exactly those manifests.
#   bash tests/bed/push.sh FIXTURES_DIR
# Needs RPOD_TEST_REGISTRY (plain registry; from STATE_DIR/env of registry.sh). When
# RPOD_TEST_REGISTRY_TLS is set too, busybox:latest is also pushed there (with the
# credentials and CA of RPOD_TEST_REGISTRY_USER/_PASSWORD/_CERT_DIR).
# Pushed:
#   REG/library/<name>:<tag>   for every fixtures.json entry, byte-identical (same digest)
#   REG/library/busybox:v2s2   busybox:latest converted to a Docker schema2 manifest
#   TLS/library/busybox:latest byte-identical copy of busybox:latest
set -euo pipefail

(($# == 1)) || { echo "usage: $0 FIXTURES_DIR" >&2; exit 2; }
FIX=$(cd "$1" && pwd)
REG=${RPOD_TEST_REGISTRY:?RPOD_TEST_REGISTRY is not set (source STATE_DIR/env of registry.sh)}
JSON="$FIX/fixtures.json"
[[ -r $JSON ]] || { echo "push.sh: $JSON missing" >&2; exit 1; }

die() { echo "push.sh: FAIL: $*" >&2; exit 1; }
log() { echo "push.sh: $*" >&2; }

tls_opts=()
if [[ -n ${RPOD_TEST_REGISTRY_TLS:-} ]]; then
  tls_opts=(--creds "${RPOD_TEST_REGISTRY_USER:?}:${RPOD_TEST_REGISTRY_PASSWORD:?}"
            --cert-dir "${RPOD_TEST_REGISTRY_CERT_DIR:?}")
fi

raw_manifest() { # REF [inspect opts...]
  local ref=$1; shift
  skopeo inspect --raw --retry-times 2 "$@" "$ref"
}

# Checks a registry manifest (and for an index, its children) for the compression.
check_compression() { # REF COMPRESSION [inspect opts...]
  local ref=$1 comp=$2; shift 2
  local raw mt
  raw=$(raw_manifest "$ref" "$@")
  mt=$(jq -r '.mediaType // ""' <<<"$raw")
  if jq -e 'has("manifests")' <<<"$raw" >/dev/null; then
    local base=${ref%:*} d
    for d in $(jq -r '.manifests[].digest' <<<"$raw"); do
      check_compression "$base@$d" "$comp" "$@"
    done
    return 0
  fi
  local want
  case $comp in
    gzip) want='(\+gzip|\.tar\.gzip)$' ;;
    zstd) want='\+zstd$' ;;
    none) want='(\.tar|diff\.tar)$' ;;
    *) die "$ref: unknown compression '$comp' in fixtures.json" ;;
  esac
  local bad
  bad=$(jq -r '.layers[].mediaType' <<<"$raw" | grep -Ev "$want" || true)
  [[ -z $bad ]] || die "$ref: expected $comp layers, registry has: $bad (manifest $mt)"
}

n=0
while IFS=$'\t' read -r name tag layout digest kind comp; do
  src="oci:$FIX/$layout:$tag"
  dst="docker://$REG/library/$name:$tag"
  all=()
  [[ $kind == index ]] && all=(--all)
  log "$name:$tag ($kind, $comp) -> $REG"
  # --preserve-digests: push the bytes as they are (no recompression, no blob
  # substitution from skopeo's blob-info cache); skopeo fails if it cannot.
  skopeo copy -q --retry-times 2 "${all[@]}" --preserve-digests --dest-tls-verify=false "$src" "$dst" ||
    die "skopeo copy $src $dst"
  got="sha256:$(raw_manifest "$dst" --tls-verify=false | sha256sum | cut -d' ' -f1)"
  [[ $got == "$digest" ]] || die "$dst has manifest digest $got, fixtures.json says $digest"
  check_compression "$dst" "$comp" --tls-verify=false
  n=$((n + 1))
done < <(jq -r '.[] | [.name, .tag, .layout, .digest, .kind, .compression] | @tsv' "$JSON")
((n > 0)) || die "fixtures.json lists no image"

read -r bb_layout bb_digest < <(jq -r '.[] | select(.name == "busybox" and .tag == "latest") | "\(.layout) \(.digest)"' "$JSON") ||
  die "fixtures.json has no busybox:latest"

# Docker schema2 variant (converted, so its digest differs from the fixture's).
dst="docker://$REG/library/busybox:v2s2"
log "busybox:latest as v2s2 -> $REG"
skopeo copy -q --retry-times 2 --format v2s2 --dest-tls-verify=false "oci:$FIX/$bb_layout:latest" "$dst" ||
  die "skopeo copy --format v2s2"
mt=$(raw_manifest "$dst" --tls-verify=false | jq -r .mediaType)
[[ $mt == application/vnd.docker.distribution.manifest.v2+json ]] || die "$dst has mediaType $mt"
check_compression "$dst" gzip --tls-verify=false

if [[ -n ${RPOD_TEST_REGISTRY_TLS:-} ]]; then
  dst="docker://$RPOD_TEST_REGISTRY_TLS/library/busybox:latest"
  log "busybox:latest -> $RPOD_TEST_REGISTRY_TLS (TLS, auth)"
  skopeo copy -q --retry-times 2 --preserve-digests \
    --dest-creds "$RPOD_TEST_REGISTRY_USER:$RPOD_TEST_REGISTRY_PASSWORD" \
    --dest-cert-dir "$RPOD_TEST_REGISTRY_CERT_DIR" "oci:$FIX/$bb_layout:latest" "$dst" ||
    die "skopeo copy to the TLS registry"
  got="sha256:$(raw_manifest "$dst" "${tls_opts[@]}" | sha256sum | cut -d' ' -f1)"
  [[ $got == "$bb_digest" ]] || die "$dst has manifest digest $got, fixtures.json says $bb_digest"
fi
log "pushed $n fixture tags + busybox:v2s2${RPOD_TEST_REGISTRY_TLS:+ + TLS busybox:latest}"
