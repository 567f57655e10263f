#!/usr/bin/env bash
# Throw-away QEMU VM with a real cgroup v2 hierarchy, for tests that need one.
#
# Usage (as root, after `bash tests/bed/deps.sh`):
#   bash tests/vm/vm.sh run --rpod PATH --script TEST.sh [--out DIR] [--timeout SECS]
#                           [--fixtures DIR] [--add DIR:DEST]...
# Boots Debian's cloud kernel (the newest /boot/vmlinuz-*-cloud-amd64) under QEMU software
# emulation (-accel tcg -cpu max -m 512 -smp 1; /dev/kvm here is a nested hypervisor that
# cannot run a stock kernel) with a generated initramfs, runs TEST.sh as root inside,
# streams the serial console to stdout and exits with TEST.sh's exit code: taken from the
# `RPOD-VM-DONE rc=N` line, 124 on timeout or when that line is missing (the guest
# panicked / /init died). 2 on usage errors, 1 when the VM cannot be built.
# --add DIR:DEST (repeatable) copies the tree DIR to DEST inside the VM (e.g. a test
# suite's binaries; they live in the VM's RAM, raise RPOD_VM_MEM for big ones).
# --out DIR keeps console.log (console without \r), initrd.cpio and rpod there; without
# it a temp dir is used and removed. --fixtures defaults to $RPOD_TEST_FIXTURES, else
# /var/tmp/rpod-testbed/fixtures. Env knobs: RPOD_VM_CACHE (default
# ${RPOD_TESTBED_CACHE:-/var/cache/rpod-testbed}/vm), RPOD_VM_TIMEOUT (default 300),
# RPOD_VM_MEM (MiB, default 512), RPOD_VM_KERNEL (a vmlinuz; its modules must be in
# /lib/modules/<version>), RPOD_VM_MODULES (default "overlay fuse tun veth"),
# RPOD_VM_NO_STRIP=1 (put rpod in unchanged; by default its debug info is stripped, the
# debug binary is ~200 MB and the initramfs lives in the VM's RAM, twice), RPOD_VM_APPEND
# (added to the kernel command line).
#
# What the VM contains (everything lives in a tmpfs root; no disk, no network but lo,
# no systemd, so rpod takes its cgroupfs paths):
#   /bin/busybox (busybox-static) + all its applet links, /usr/local/bin/rpod (the given
#   binary) and /usr/bin/{newuidmap,newgidmap} (setuid root) and /usr/bin/setpriv
#   (util-linux), each with the libraries `ldd` lists at the same paths;
#   /etc/{passwd,group} with root and rpodtest (uid/gid 1000), /etc/sub{u,g}id
#   `rpodtest:100000:65536`; the kernel modules of RPOD_VM_MODULES (+ deps), insmod'ed;
#   /images/busybox.tar: the fixture busybox:latest as an OCI archive named
#   docker.io/library/busybox:latest (for `rpod load -i`); /test.sh: the given script.
# /init: copies the initramfs into a tmpfs and switch_root's into it (pivot_root(2) is
#   refused on the initramfs itself), mounts proc, sysfs, devtmpfs (+ devpts, /dev/shm),
#   tmpfs on /tmp and /run, cgroup2 -o nsdelegate on /sys/fs/cgroup, moves itself
#   to /sys/fs/cgroup/init, enables +cpu +cpuset +io +memory +pids in the root's, in
#   user.slice's and in user.slice/user-1000's cgroup.subtree_control, and delegates
#   /sys/fs/cgroup/user.slice/user-1000 to uid 1000 (the directory + its cgroup.procs,
#   cgroup.threads, cgroup.subtree_control chowned, as systemd does for user@1000).
#   HOME of rpodtest: /home/rpodtest; its XDG_RUNTIME_DIR: /run/user/1000 (0700). lo is up.
#   Then it runs `sh /test.sh` as root (cwd /root, HOME=/root, stdin /dev/null, output on
#   the console), prints `RPOD-VM-DONE rc=<its exit code>` and powers off.
#
# Conventions for test scripts:
#   - `as-user CMD [ARGS...]` (/bin/as-user) runs CMD as rpodtest with a clean env (HOME,
#     XDG_RUNTIME_DIR, PATH, USER, LOGNAME) in HOME, like a logged-in systemd session: the
#     user creates a fresh leaf cgroup /sys/fs/cgroup/user.slice/user-1000/session-N
#     (owned by it), the shell that becomes CMD is moved there first (by root: the kernel
#     only lets a writer of the common ancestor's cgroup.procs migrate a process, and
#     the ancestor of /init and the session is the root cgroup), then drops to the user
#     and execs CMD; the leaf is removed afterwards (when empty). Exit code: CMD's.
#   - Results are lines `CHECK <name> ok` or `CHECK <name> FAIL <detail>` (tests/vm.rs
#     parses them; a missing check counts as failed). `. /usr/share/rpod-vm/lib.sh` gives
#     `check NAME CMD [ARGS...]`: runs CMD, prints its output only on failure (indented)
#     and the CHECK line (FAIL detail: exit code + last output line).
#   - The last line of a run is `RPOD-VM-DONE rc=N`.
#
# Timings measured on the dev machine (2 vCPUs shared with parallel cargo builds, TCG,
# debug rpod): first build of the cache (vmlinux extraction + static initramfs part,
# under RPOD_VM_CACHE) ~3 s; per run ~0.5-1 s to build the initramfs (strip rpod, cpio,
# ~40 MB); guest boot to /init ~2.8 s, + ~0.9 s copying the initramfs into the tmpfs root;
# an empty script: 5-6.5 s of wall time in all. tests/vm.rs's five checks: 14-26 s of wall
# time (the debug rpod under emulation dominates: load + run ~7 s as root, ~9 s rootless;
# everything slows down ~2x when the host is busy).
# Debugging: RPOD_VM_APPEND="loglevel=7 VMDEBUG=1" shows the kernel log and /init's stages.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SELF="$HERE/$(basename "${BASH_SOURCE[0]}")"
CACHE=${RPOD_VM_CACHE:-${RPOD_TESTBED_CACHE:-/var/cache/rpod-testbed}/vm}
MODULES=${RPOD_VM_MODULES:-overlay fuse tun veth}
MEM=${RPOD_VM_MEM:-512}
TIMEOUT=${RPOD_VM_TIMEOUT:-300}
FIXTURES=${RPOD_TEST_FIXTURES:-/var/tmp/rpod-testbed/fixtures}
CMDLINE="console=ttyS0 quiet panic=-1 cgroup_no_v1=all mitigations=off tsc=reliable no_timer_check random.trust_cpu=on${RPOD_VM_APPEND:+ $RPOD_VM_APPEND}"

die() { echo "vm.sh: $*" >&2; exit 1; }
usage() { sed -n '2,6p' "$SELF" | sed 's/^# \{0,1\}//' >&2; exit 2; }
log() { echo "vm.sh: [+$SECONDS s] $*" >&2; }

# ---------------------------------------------------------------------------------------
# Files put into the VM.

# /init, run by the kernel as PID 1 (stage 1, on the initramfs) and again by switch_root
# (stage 2, on a tmpfs root).
init_script() {
  cat <<'EOF'
#!/bin/sh
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
fatal() { echo "vm-init: $*"; echo "RPOD-VM-DONE rc=125"; poweroff -f; }
if [ "$1" != stage2 ]; then
  [ -n "$VMDEBUG" ] && echo "vm-init: stage1"
  # pivot_root(2) (which rpod uses) is refused while / is the initramfs: copy it into
  # a tmpfs and switch_root there. switch_root frees the initramfs.
  mkdir /newroot && mount -t tmpfs -o mode=0755 rootfs /newroot || fatal "tmpfs root"
  for f in /* /.[!.]*; do
    case $f in /newroot|/proc|/sys|'/.[!.]*') continue ;; esac
    cp -a "$f" /newroot/ || fatal "copy $f"
  done
  mkdir -p /newroot/proc /newroot/sys
  exec switch_root /newroot /init stage2
fi
mount -t proc proc /proc
mount -t sysfs sysfs /sys
[ -n "$VMDEBUG" ] && echo "vm-init: stage2 $(cat /proc/uptime)"
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts -o gid=5,mode=620,ptmxmode=666 devpts /dev/pts
mount -t tmpfs -o mode=1777 shm /dev/shm
mount -t tmpfs -o mode=1777 tmpfs /tmp
mount -t tmpfs -o mode=0755 tmpfs /run
exec </dev/null >/dev/console 2>&1
ln -sf /proc/self/mounts /etc/mtab
hostname rpod-vm
for m in $(cat /etc/vm-modules); do insmod "$m" || echo "vm-init: insmod $m failed"; done

# cgroup v2 with a subtree delegated to uid 1000 (as systemd does for user@1000).
mount -t cgroup2 -o nsdelegate cgroup2 /sys/fs/cgroup || fatal "mount cgroup2"
C=/sys/fs/cgroup
CTRL="+cpu +cpuset +io +memory +pids"
mkdir $C/init && echo $$ >$C/init/cgroup.procs || fatal "cgroup init"
echo "$CTRL" >$C/cgroup.subtree_control || fatal "root subtree_control"
U=$C/user.slice/user-1000
mkdir -p $U || fatal "mkdir $U"
echo "$CTRL" >$C/user.slice/cgroup.subtree_control || fatal "user.slice subtree_control"
echo "$CTRL" >$U/cgroup.subtree_control || fatal "user-1000 subtree_control"
chown 1000:1000 $U $U/cgroup.procs $U/cgroup.threads $U/cgroup.subtree_control || fatal "chown $U"

mkdir -p /home/rpodtest /run/user/1000 /root
chown 1000:1000 /home/rpodtest /run/user/1000
chmod 0755 /home/rpodtest /run/user
chmod 0700 /run/user/1000 /root
ip link set lo up

cd /root
HOME=/root USER=root LOGNAME=root sh /test.sh
rc=$?
echo "RPOD-VM-DONE rc=$rc"
poweroff -f
EOF
}

# /bin/as-user CMD [ARGS...]: CMD as rpodtest in a fresh leaf cgroup of its subtree.
as_user_script() {
  cat <<'EOF'
#!/bin/sh
# as-user CMD [ARGS...]: runs CMD as rpodtest (uid/gid 1000) with a clean environment,
# in HOME, inside a leaf cgroup user.slice/user-1000/session-N created by the user (like
# a systemd session; the move itself is done by root: migrating a process out of
# /init needs write access to the root cgroup's cgroup.procs). Exit code: CMD's; the
# session cgroup is removed afterwards when it is empty.
[ $# -gt 0 ] || { echo "usage: as-user CMD [ARGS...]" >&2; exit 2; }
U=/sys/fs/cgroup/user.slice/user-1000
n=$$
while [ -e "$U/session-$n" ]; do n=$((n + 1)); done
S=$U/session-$n
/usr/bin/setpriv --reuid 1000 --regid 1000 --init-groups mkdir "$S" ||
  { echo "as-user: cannot create $S" >&2; exit 126; }
sh -c 'echo $$ >"$1/cgroup.procs" || { echo "as-user: cannot enter $1" >&2; exit 126; }
       shift; exec "$@"' as-user-enter "$S" \
  /usr/bin/setpriv --reuid 1000 --regid 1000 --init-groups \
  env -i HOME=/home/rpodtest XDG_RUNTIME_DIR=/run/user/1000 \
    PATH=/usr/local/bin:/usr/bin:/bin USER=rpodtest LOGNAME=rpodtest \
  sh -c 'cd "$HOME" && exec "$@"' as-user "$@"
rc=$?
rmdir "$S" 2>/dev/null
exit $rc
EOF
}

# /usr/share/rpod-vm/lib.sh: helpers for test scripts.
lib_script() {
  cat <<'EOF'
# . /usr/share/rpod-vm/lib.sh
# check NAME CMD [ARGS...]: runs CMD (stdin /dev/null, output captured); prints
# `CHECK NAME ok`, or its output indented then `CHECK NAME FAIL rc=N: <last line>`.
check() {
  _name=$1; shift
  _out=$("$@" </dev/null 2>&1)
  _rc=$?
  if [ $_rc = 0 ]; then
    echo "CHECK $_name ok"
  else
    [ -n "$_out" ] && printf '%s\n' "$_out" | sed 's/^/    | /'
    echo "CHECK $_name FAIL rc=$_rc: $(printf '%s\n' "$_out" | grep . | tail -n 1)"
  fi
  return $_rc
}
EOF
}

# ---------------------------------------------------------------------------------------
# Build helpers.

# The shared libraries (and the loader) `ldd` lists for a binary.
libs_of() {
  ldd "$1" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u
}

# copy_bin ROOT SRC [DEST]: SRC (mode kept, setuid included) at DEST (default: SRC's
# path) below ROOT, and its libraries at their paths (dereferenced).
copy_bin() {
  local root=$1 src=$2 dest=${3:-$2} lib
  install -d "$root$(dirname "$dest")"
  rm -f "$root$dest"
  cp -L --preserve=mode,timestamps "$src" "$root$dest"
  for lib in $(libs_of "$src"); do
    [[ -e $root$lib ]] && continue
    install -d "$root$(dirname "$lib")"
    cp -L --preserve=mode,timestamps "$lib" "$root$lib"
  done
}

# Kernel modules of MODULES and their deps, in load order (deps first).
module_paths() { # KVER
  local dir=/lib/modules/$1 m seen=" " order=()
  add() {
    local rel=$1 dep deps
    [[ $seen == *" $rel "* ]] && return 0
    seen+="$rel "
    deps=$(awk -v m="$rel:" '$1 == m { $1 = ""; print }' "$dir/modules.dep")
    for dep in $deps; do add "$dep"; done
    order+=("$rel")
  }
  for m in $MODULES; do
    local rel
    rel=$(awk -v n="$m" -F: '{ f = $1; sub(/.*\//, "", f); sub(/\.ko(\.(xz|zst|gz))?$/, "", f);
                               gsub(/-/, "_", f); g = n; gsub(/-/, "_", g); if (f == g) { print $1; exit } }' "$dir/modules.dep")
    [[ -n $rel ]] || die "kernel module $m not found in $dir/modules.dep"
    add "$rel"
  done
  printf '%s\n' "${order[@]}"
}

pick_kernel() {
  if [[ -n ${RPOD_VM_KERNEL:-} ]]; then
    KIMG=$RPOD_VM_KERNEL
  else
    KIMG=$(printf '%s\n' /boot/vmlinuz-*-cloud-amd64 | sort -V | tail -n 1)
    [[ $KIMG == *'*'* ]] && KIMG=""
  fi
  [[ -n $KIMG && -r $KIMG ]] || die "no kernel /boot/vmlinuz-*-cloud-amd64 (run tests/bed/deps.sh)"
  KVER=${KIMG##*/vmlinuz-}
  [[ -r /lib/modules/$KVER/modules.dep ]] || die "no /lib/modules/$KVER/modules.dep"
}

# The uncompressed vmlinux (booted directly through its PVH entry: ~1 s faster than the
# bzImage under TCG), cached per kernel image.
ensure_vmlinux() {
  local key
  key=$(stat -L -c '%s-%Y' "$KIMG")
  VMLINUX="$CACHE/vmlinux-$KVER-$key"
  [[ -s $VMLINUX ]] && return 0
  log "extracting $KIMG -> $VMLINUX"
  local tmp="$VMLINUX.tmp.$$" magic fmt off
  # Like the kernel's scripts/extract-vmlinux: find the compressed payload by its magic.
  for fmt in 'lz4 \x02\x21\x4c\x18' 'zstd \x28\xb5\x2f\xfd' 'xz \xfd\x37\x7a\x58\x5a\x00' 'gzip \x1f\x8b\x08'; do
    magic=${fmt#* }
    for off in $(LC_ALL=C grep -obUaP "$magic" "$KIMG" | cut -d: -f1 | head -n 5); do
      case ${fmt%% *} in
        lz4) tail -c +$((off + 1)) "$KIMG" | lz4 -dc >"$tmp" 2>/dev/null || true ;;
        zstd) tail -c +$((off + 1)) "$KIMG" | zstd -dcq >"$tmp" 2>/dev/null || true ;;
        xz) tail -c +$((off + 1)) "$KIMG" | xz -dcq >"$tmp" 2>/dev/null || true ;;
        gzip) tail -c +$((off + 1)) "$KIMG" | gzip -dcq >"$tmp" 2>/dev/null || true ;;
      esac
      if [[ $(head -c 4 "$tmp" 2>/dev/null | od -An -c | tr -d ' ') == 177ELF ]]; then
        mv "$tmp" "$VMLINUX"
        find "$CACHE" -maxdepth 1 -name "vmlinux-$KVER-*" ! -path "$VMLINUX" -delete 2>/dev/null || true
        return 0
      fi
    done
  done
  rm -f "$tmp"
  log "cannot extract a vmlinux from $KIMG; booting the bzImage"
  VMLINUX=$KIMG
}

# The static part of the initramfs (everything but rpod and the test script), cached
# under a key of its inputs (this script, the host binaries and libraries, the modules,
# the fixture).
ensure_base() {
  local bins=(/bin/busybox /usr/bin/newuidmap /usr/bin/newgidmap /usr/bin/setpriv) b
  for b in "${bins[@]}"; do [[ -x $b ]] || die "$b missing (run tests/bed/deps.sh)"; done
  local layout=$FIXTURES/oci/busybox
  [[ -r $layout/index.json ]] || die "fixture $layout missing (RPOD_TEST_FIXTURES / --fixtures)"
  local mods
  mods=$(module_paths "$KVER")
  local key
  key=$({
    cat "$SELF"
    echo "$KVER $MODULES"
    echo "$mods"
    local f
    for f in "${bins[@]}" $(for x in "${bins[@]}"; do libs_of "$x"; done) "$layout/index.json"; do
      stat -L -c '%n %s %Y %a' "$f"
    done
  } | sha256sum | cut -c1-16)
  BASE="$CACHE/base-$KVER-$key.cpio"
  [[ -s $BASE ]] && return 0

  log "building the static initramfs part -> $BASE"
  local st
  rm -rf "$CACHE"/base-build.* # leftovers of killed builds (we hold the lock)
  st=$(mktemp -d "$CACHE/base-build.XXXXXX")
  local r=$st/root
  mkdir -p "$r"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,usr/share/rpod-vm,etc,proc,sys,dev,tmp,run,root,home,images,mnt,var/tmp,var/lib}
  chmod 1777 "$r/tmp" "$r/var/tmp"
  chmod 0700 "$r/root"
  cp /bin/busybox "$r/bin/busybox"
  local applet
  for applet in $("$r/bin/busybox" --list-full); do
    [[ -e $r/$applet || -L $r/$applet ]] && continue
    install -d "$r/$(dirname "$applet")"
    ln -s /bin/busybox "$r/$applet"
  done
  copy_bin "$r" /usr/bin/newuidmap
  copy_bin "$r" /usr/bin/newgidmap
  copy_bin "$r" /usr/bin/setpriv
  [[ -u $r/usr/bin/newuidmap && -u $r/usr/bin/newgidmap ]] || die "setuid bit lost on newuidmap/newgidmap"
  # The real tools win over busybox applets of the same name (busybox has /bin/setpriv).
  for b in newuidmap newgidmap setpriv rpod; do
    find "$r/bin" "$r/sbin" "$r/usr/bin" "$r/usr/sbin" -maxdepth 1 -name "$b" -type l -delete
  done
  mknod -m 600 "$r/dev/console" c 5 1
  mknod -m 666 "$r/dev/null" c 1 3

  cat >"$r/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
rpodtest:x:1000:1000:rpod test user:/home/rpodtest:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
  cat >"$r/etc/group" <<'EOF'
root:x:0:
tty:x:5:
rpodtest:x:1000:
nogroup:x:65534:
EOF
  echo 'rpodtest:100000:65536' >"$r/etc/subuid"
  echo 'rpodtest:100000:65536' >"$r/etc/subgid"
  printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\n' >"$r/etc/nsswitch.conf"
  printf '127.0.0.1\tlocalhost rpod-vm\n::1\tlocalhost ip6-localhost\n' >"$r/etc/hosts"
  echo rpod-vm >"$r/etc/hostname"
  : >"$r/etc/resolv.conf"
  printf 'PRETTY_NAME="rpod test VM"\nID=rpod-vm\n' >"$r/etc/os-release"

  local m dst
  : >"$r/etc/vm-modules"
  for m in $mods; do
    dst=/lib/modules/$KVER/${m%.ko*}.ko
    install -d "$r$(dirname "$dst")"
    case $m in
      *.ko) cp "/lib/modules/$KVER/$m" "$r$dst" ;;
      *.ko.xz) xz -dc "/lib/modules/$KVER/$m" >"$r$dst" ;;
      *.ko.zst) zstd -dcq "/lib/modules/$KVER/$m" >"$r$dst" ;;
      *.ko.gz) gzip -dc "/lib/modules/$KVER/$m" >"$r$dst" ;;
    esac
    echo "$dst" >>"$r/etc/vm-modules"
  done

  skopeo copy -q "oci:$layout:latest" "oci-archive:$r/images/busybox.tar:docker.io/library/busybox:latest" >/dev/null ||
    die "skopeo copy of the busybox fixture"
  chmod 0644 "$r/images/busybox.tar"

  init_script >"$r/init"
  as_user_script >"$r/bin/as-user"
  lib_script >"$r/usr/share/rpod-vm/lib.sh"
  chmod 0755 "$r/init" "$r/bin/as-user"

  (cd "$r" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) >"$st/base.cpio"
  mv "$st/base.cpio" "$BASE"
  rm -rf "$st"
  # Older bases of this kernel are stale.
  find "$CACHE" -maxdepth 1 -name "base-$KVER-*.cpio" ! -path "$BASE" -delete 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------

cmd_run() {
  local rpod="" script="" out="" adds=()
  while (($#)); do
    case $1 in
      --rpod) rpod=${2:?}; shift 2 ;;
      --script) script=${2:?}; shift 2 ;;
      --out) out=${2:?}; shift 2 ;;
      --timeout) TIMEOUT=${2:?}; shift 2 ;;
      --fixtures) FIXTURES=${2:?}; shift 2 ;;
      --add) adds+=("${2:?}"); shift 2 ;;
      -h|--help) usage ;;
      *) echo "vm.sh: unknown argument $1" >&2; usage ;;
    esac
  done
  [[ -n $rpod && -n $script ]] || usage
  [[ -x $rpod ]] || die "--rpod $rpod is not an executable"
  [[ -r $script ]] || die "--script $script is not readable"
  [[ $(id -u) == 0 ]] || die "must run as root (device nodes, setuid bits, root-owned cpio)"
  local qemu
  qemu=$(command -v qemu-system-x86_64) || die "qemu-system-x86_64 missing (run tests/bed/deps.sh)"

  install -d -m 0755 "$CACHE"
  pick_kernel
  (
    flock 9
    ensure_vmlinux
    ensure_base
    # Hard links, taken under the lock: a run of another checkout (another vm.sh,
    # another base) deletes the bases it finds stale once it holds the lock.
    local f
    for f in "$CACHE"/.run-*; do # those of killed runs
      [[ -e $f ]] && ! kill -0 "${f##*.}" 2>/dev/null && rm -f "$f"
    done
    ln -f "$VMLINUX" "$CACHE/.run-vmlinux.$$" 2>/dev/null || cp "$VMLINUX" "$CACHE/.run-vmlinux.$$"
    ln -f "$BASE" "$CACHE/.run-base.$$"
  ) 9>"$CACHE/lock"
  VMLINUX=$CACHE/.run-vmlinux.$$
  BASE=$CACHE/.run-base.$$
  # shellcheck disable=SC2064
  trap "rm -f '$VMLINUX' '$BASE'" EXIT

  local keep=1
  if [[ -z $out ]]; then
    out=$(mktemp -d /tmp/rpod-vm.XXXXXX)
    keep=0
  fi
  mkdir -p "$out"
  out=$(cd "$out" && pwd)
  # shellcheck disable=SC2064
  ((keep)) || trap "rm -rf '$out' '$VMLINUX' '$BASE'" EXIT

  # The per-run part: rpod (+ its libraries) and the test script.
  local r=$out/run-root
  rm -rf "$r"
  mkdir -p "$r/usr/local/bin"
  if [[ -z ${RPOD_VM_NO_STRIP:-} ]] && command -v objcopy >/dev/null; then
    objcopy --strip-debug "$rpod" "$out/rpod"
  else
    cp -L "$rpod" "$out/rpod"
  fi
  chmod 0755 "$out/rpod"
  copy_bin "$r" "$out/rpod" /usr/local/bin/rpod
  # Its libraries as `ldd` resolves them for the original binary.
  local lib
  for lib in $(libs_of "$rpod"); do
    [[ -e $r$lib ]] && continue
    install -d "$r$(dirname "$lib")"
    cp -L "$lib" "$r$lib"
  done
  install -m 0755 "$script" "$r/test.sh"
  local add
  for add in "${adds[@]}"; do
    [[ $add == *:/* && -d ${add%%:*} ]] || die "--add $add: want DIR:/DEST with an existing DIR"
    install -d "$r${add#*:}"
    cp -a "${add%%:*}/." "$r${add#*:}/"
  done
  (cd "$r" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) >"$out/run.cpio"
  # The kernel unpacks concatenated newc archives in order. Uncompressed: decompressing
  # under TCG costs more than copying.
  cat "$BASE" "$out/run.cpio" >"$out/initrd.cpio"
  rm -rf "$r" "$out/run.cpio"
  ((keep)) || rm -f "$out/rpod"

  log "booting $KVER (timeout ${TIMEOUT}s)"
  local start=$SECONDS rc=0
  set +e
  timeout -k 5 "$TIMEOUT" "$qemu" -accel tcg -cpu max -m "$MEM" -smp 1 \
    -nodefaults -no-user-config -display none -no-reboot \
    -serial stdio -monitor none \
    -kernel "$VMLINUX" -initrd "$out/initrd.cpio" -append "$CMDLINE" </dev/null |
    tr -d '\r' | tee "$out/console.log"
  local st=("${PIPESTATUS[@]}")
  set -e
  log "VM exited after $((SECONDS - start)) s (qemu/timeout status ${st[0]})"
  local done_line
  done_line=$(grep -a '^RPOD-VM-DONE rc=' "$out/console.log" | tail -n 1 || true)
  if [[ ${st[0]} == 124 || ${st[0]} == 137 ]]; then
    echo "vm.sh: TIMEOUT after ${TIMEOUT}s" >&2
    rc=124
  elif [[ -z $done_line ]]; then
    echo "vm.sh: the VM ended without a RPOD-VM-DONE line" >&2
    rc=124
  else
    rc=${done_line#RPOD-VM-DONE rc=}
    [[ $rc =~ ^[0-9]+$ ]] || rc=124
  fi
  ((keep)) && echo "vm.sh: kept $out" >&2
  return "$rc"
}

case ${1:-} in
  run) shift; cmd_run "$@" ;;
  *) usage ;;
esac
