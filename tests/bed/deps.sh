#!/usr/bin/env bash
# Installs every Debian package the test bed and the integration tests need.
# Idempotent: when everything is present it only runs dpkg-query (well under a second).
# Usage: bash tests/bed/deps.sh            (as root)
set -euo pipefail

PACKAGES=(
  docker-registry   # CNCF distribution 2.8: the two local registries
  skopeo            # pushes fixtures, copies images back in tests
  umoci             # unpacks OCI images in tests (reference unpacker)
  uidmap            # newuidmap/newgidmap for rootless user namespaces
  fuse-overlayfs    # the overlay mount_program driver test (lifecycle)
  debootstrap       # builds the "big" fixture
  busybox-static    # fixture content
  apache2-utils     # htpasswd -B for the TLS registry's auth
  openssl           # CA + server certificate for the TLS registry
  ca-certificates
  curl              # readiness probes of the registries
  jq                # reads fixtures.json in shell
  sqlite3           # puts test stores into states older rpod versions left (images)
  python3           # free-port picking
  gcc               # builds the NSS library of the CVE-2019-14271 test (files)
  tmux procps       # interactive/terminal tests, ps/pkill-free process checks
  util-linux        # setpriv, runuser, flock, unshare
  passwd            # useradd
  zstd xz-utils gzip tar
  libc6-dev               # glibc's static archives: runtime/build.rs links rpod-init (--init) statically
  qemu-system-x86         # tests/vm: throw-away VM with a real cgroup v2 hierarchy
  linux-image-cloud-amd64 # tests/vm: the VM's kernel (+ its modules: overlay, fuse, tun)
  lz4 cpio                # tests/vm: vmlinux extraction, initramfs
  passt                   # pasta: rootless container networking (rpod's rootless default)
  slirp4netns             # --network slirp4netns
  netavark aardvark-dns   # root bridge networks (netavark sets them up, aardvark-dns serves names)
  iptables                # netavark's firewall driver (NAT, port forwarding)
  runc                    # --runtime runc (an external OCI runtime: lifecycle an_external_runtime); podman runs on it in the benches
  gpg gpg-agent           # push --sign-by: simple signing (tests/sign.rs makes a throwaway key)
  podman                  # reference only: man/compat.md's snapshot of `podman CMD --help` is checked against it (rpod never runs it)
)

missing=()
for p in "${PACKAGES[@]}"; do
  st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ "$st" == installed ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  if [[ $(id -u) != 0 ]]; then
    echo "deps.sh: missing packages ${missing[*]} and not root: install them as root" >&2
    exit 1
  fi
  echo "deps.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt_opts=(-y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  # Update the lists only when needed: first try without (quick on a machine with lists).
  if ! apt-get install "${apt_opts[@]}" --no-install-recommends "${missing[@]}" </dev/null; then
    apt-get update -q </dev/null
    apt-get install "${apt_opts[@]}" --no-install-recommends "${missing[@]}" </dev/null
  fi
fi

# pasta and slirp4netns open /dev/net/tun as the test user: Debian's mode is 0666, but
# some fresh machines here have 0600 (rpod's error and `rpod system doctor` name this fix).
if [[ -c /dev/net/tun ]] && [[ $(stat -c %a /dev/net/tun) != 666 ]]; then
  if [[ $(id -u) == 0 ]]; then
    chmod 0666 /dev/net/tun
  else
    echo "deps.sh: /dev/net/tun is not mode 0666: run chmod 0666 /dev/net/tun as root" >&2
  fi
fi

# The Debian docker-registry package may start its own service on :5000 when a
# service manager exists; there is none here, and the test bed never uses it.

if ! command -v cargo >/dev/null 2>&1; then
  for d in "$HOME/.cargo/bin" /root/.cargo/bin /usr/local/cargo/bin; do
    [[ -x "$d/cargo" ]] && export PATH="$d:$PATH" && break
  done
fi
if ! cargo --version >/dev/null 2>&1; then
  echo "deps.sh: no Rust toolchain (cargo) found; it is expected to be preinstalled" >&2
  exit 1
fi
