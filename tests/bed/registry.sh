#!/usr/bin/env bash
# Two local registries (Debian's docker-registry = CNCF distribution 2.8) for the tests.
#   bash tests/bed/registry.sh start STATE_DIR [--plain-only]
#   bash tests/bed/registry.sh stop  STATE_DIR          (safe to call twice)
# start writes STATE_DIR/env with `export` lines:
#   RPOD_TEST_REGISTRY=127.0.0.1:PORT        plain HTTP, no auth
#   RPOD_TEST_REGISTRY_TLS=127.0.0.1:PORT2   HTTPS (cert for 127.0.0.1 + localhost), htpasswd auth
#   RPOD_TEST_REGISTRY_CA=path of the CA certificate (PEM)
#   RPOD_TEST_REGISTRY_CERT_DIR=directory holding only ca.crt (for --cert-dir / certs.d)
#   RPOD_TEST_REGISTRY_USER, RPOD_TEST_REGISTRY_PASSWORD
# Only 127.0.0.1 is ever bound. Ports are fresh each start, so leftovers of a killed
# run never collide with a new one.
set -euo pipefail

TEST_USER=rpodtest
TEST_PASSWORD=rpod-test-password

usage() { echo "usage: $0 start|stop STATE_DIR [--plain-only]" >&2; exit 2; }
(($# >= 2)) || usage
cmd=$1
state=$2
plain_only=false
[[ ${3:-} == --plain-only ]] && plain_only=true

PY=$(command -v python3 || echo /usr/bin/python3)

log() { echo "registry.sh: $*" >&2; }

free_port() {
  "$PY" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Is PID the registry started for config file CFG?
is_ours() { # PID CFG
  [[ -r /proc/$1/cmdline ]] && tr '\0' ' ' </proc/"$1"/cmdline | grep -qF -- "$2"
}

stop_one() { # NAME
  local dir="$state/$1" pid
  [[ -f "$dir/pid" ]] || return 0
  pid=$(cat "$dir/pid" 2>/dev/null || true)
  if [[ -n "$pid" ]] && is_ours "$pid" "$dir/config.yml"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do is_ours "$pid" "$dir/config.yml" || break; sleep 0.1; done
    if is_ours "$pid" "$dir/config.yml"; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$dir/pid"
}

make_pki() {
  local pki="$state/pki" certs="$state/certs.d"
  install -d -m 0700 "$pki"
  install -d -m 0755 "$certs"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$pki/ca.key" -out "$pki/ca.crt" -days 3650 -subj "/CN=rpod test bed CA" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$pki/server.key" -out "$pki/server.csr" -subj "/CN=127.0.0.1" 2>/dev/null
  cat >"$pki/server.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid,issuer
EXT
  openssl x509 -req -in "$pki/server.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" \
    -CAcreateserial -days 825 -extfile "$pki/server.ext" -out "$pki/server.crt" 2>/dev/null
  install -m 0644 "$pki/ca.crt" "$certs/ca.crt"
}

write_config() { # NAME PORT
  local dir="$state/$1" port=$2
  {
    cat <<CFG
version: 0.1
log:
  level: info
  fields:
    service: rpod-test-$1
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:$port
  headers:
    X-Content-Type-Options: [nosniff]
CFG
    if [[ $1 == tls ]]; then
      cat <<CFG
  tls:
    certificate: $state/pki/server.crt
    key: $state/pki/server.key
auth:
  htpasswd:
    realm: rpod-test-realm
    path: $dir/htpasswd
CFG
    fi
  } >"$dir/config.yml"
}

probe() { # NAME PORT -> prints the HTTP status of GET /v2/
  if [[ $1 == tls ]]; then
    curl -s -o /dev/null -w '%{http_code}' --max-time 2 --noproxy '*' \
      --cacert "$state/certs.d/ca.crt" "https://127.0.0.1:$2/v2/" || true
  else
    curl -s -o /dev/null -w '%{http_code}' --max-time 2 --noproxy '*' \
      "http://127.0.0.1:$2/v2/" || true
  fi
}

start_one() { # NAME EXPECTED_STATUS
  local name=$1 want=$2 dir="$state/$1" attempt port pid code
  install -d -m 0755 "$dir" "$dir/data"
  if [[ $name == tls ]]; then
    htpasswd -Bbn "$TEST_USER" "$TEST_PASSWORD" >"$dir/htpasswd"
  fi
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$(free_port)
    write_config "$name" "$port"
    : >"$dir/log"
    # Close every inherited fd above 2 (so a caller's lock fds are not held by the
    # registry), detach from the terminal's session, then exec the registry.
    (
      for fd in "/proc/$BASHPID/fd/"*; do
        fd=${fd##*/}
        if ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
      done
      exec setsid docker-registry serve "$dir/config.yml"
    ) </dev/null >>"$dir/log" 2>&1 &
    pid=$!
    echo "$pid" >"$dir/pid"
    for _ in $(seq 100); do   # up to ~20 s
      code=$(probe "$name" "$port")
      [[ $code == "$want" ]] && break
      is_ours "$pid" "$dir/config.yml" || break
      sleep 0.2
    done
    if [[ $code == "$want" ]] && is_ours "$pid" "$dir/config.yml"; then
      echo "$port" >"$dir/port"
      echo "$port"
      return 0
    fi
    stop_one "$name"
    if grep -q 'address already in use' "$dir/log"; then
      log "$name: port $port taken meanwhile, retrying"
      continue
    fi
    log "$name registry did not come up (GET /v2/ gave '$code', wanted $want); its log:"
    cat "$dir/log" >&2
    return 1
  done
  log "$name: no free port after $attempt attempts"
  return 1
}

case $cmd in
start)
  command -v docker-registry >/dev/null || { log "docker-registry missing: run tests/bed/deps.sh"; exit 1; }
  install -d -m 0755 "$state"
  chmod 0755 "$state"
  stop_one plain; stop_one tls
  plain_port=$(start_one plain 200)
  {
    printf 'export RPOD_TEST_REGISTRY=%q\n' "127.0.0.1:$plain_port"
  } >"$state/env.tmp"
  if ! $plain_only; then
    make_pki
    tls_port=$(start_one tls 401) || { stop_one plain; exit 1; }
    # The credentials must work too.
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 --noproxy '*' \
      --cacert "$state/certs.d/ca.crt" -u "$TEST_USER:$TEST_PASSWORD" "https://127.0.0.1:$tls_port/v2/" || true)
    if [[ $code != 200 ]]; then
      log "TLS registry refuses the test credentials (HTTP $code)"; cat "$state/tls/log" >&2
      stop_one plain; stop_one tls; exit 1
    fi
    {
      printf 'export RPOD_TEST_REGISTRY_TLS=%q\n' "127.0.0.1:$tls_port"
      printf 'export RPOD_TEST_REGISTRY_CA=%q\n' "$state/certs.d/ca.crt"
      printf 'export RPOD_TEST_REGISTRY_CERT_DIR=%q\n' "$state/certs.d"
      printf 'export RPOD_TEST_REGISTRY_USER=%q\n' "$TEST_USER"
      printf 'export RPOD_TEST_REGISTRY_PASSWORD=%q\n' "$TEST_PASSWORD"
    } >>"$state/env.tmp"
  fi
  mv -f "$state/env.tmp" "$state/env"
  chmod 0644 "$state/env"
  log "up: $(tr '\n' ' ' <"$state/env")"
  ;;
stop)
  [[ -d "$state" ]] || exit 0
  stop_one plain
  stop_one tls
  ;;
*) usage ;;
esac
