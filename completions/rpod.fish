# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_rpod_global_optspecs
    string join \n v/version root= runroot= storage-driver= storage-opt= runtime= log-level= network-config-dir= cgroup-manager= events-backend= hooks-dir= network-cmd-path= noout runtime-flag= tmpdir= h/help
end

function __fish_rpod_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_rpod_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_rpod_using_subcommand
    set -l cmd (__fish_rpod_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c rpod -n "__fish_rpod_needs_command" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_needs_command" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_needs_command" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_needs_command" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_needs_command" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_needs_command" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_needs_command" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_needs_command" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_needs_command" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_needs_command" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_needs_command" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_needs_command" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_needs_command" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_needs_command" -s v -l version -d 'Print the version (Podman\'s -v as well as --version)'
complete -c rpod -n "__fish_rpod_needs_command" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "attach" -d 'Attach to a running container'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "build" -d 'Build an image using instructions from Containerfiles'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "buildx" -d 'Docker\'s buildx: build images'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "commit" -d 'Create new image based on the changed container'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "completion" -d 'Generate shell completion scripts'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "container" -d 'Manage containers'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "cp" -d 'Copy files/folders between a container and the local filesystem'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "create" -d 'Create but do not start a container'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "diff" -d 'Display the changes to the object\'s file system'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "events" -d 'Show rpod events'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "exec" -d 'Run a process in a running container'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "export" -d 'Export a container\'s filesystem contents as a tar archive'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "healthcheck" -d 'Manage health checks on containers'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "history" -d 'Show history of a specified image'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "image" -d 'Manage images'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "images" -d 'List images in local storage'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "import" -d 'Import a tarball to create a filesystem image'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "info" -d 'Display rpod related system information'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "inspect" -d 'Display the configuration of object denoted by ID'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "kill" -d 'Kill one or more running containers with a specific signal'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "load" -d 'Load image(s) from a tar archive'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "login" -d 'Log in to a container registry'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "logout" -d 'Log out of a container registry'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "logs" -d 'Fetch the logs of a container'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "network" -d 'Manage networks'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "pause" -d 'Pause all the processes in one or more containers'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "pod" -d 'Manage pods'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "port" -d 'List port mappings of a container'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "ps" -d 'List containers'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "pull" -d 'Pull an image from a registry'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "push" -d 'Push an image to a specified destination'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "rename" -d 'Rename an existing container'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "restart" -d 'Restart one or more containers'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "rm" -d 'Remove one or more containers'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "rmi" -d 'Removes one or more images from local storage'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "run" -d 'Run a command in a new container'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "save" -d 'Save image(s) to an archive'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "search" -d 'Search registries for images'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "secret" -d 'Manage secrets'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "start" -d 'Start one or more containers'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "stats" -d 'Display a live stream of container resource usage statistics'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "stop" -d 'Stop one or more containers'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "system" -d 'Manage rpod'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "tag" -d 'Add an additional name to a local image'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "top" -d 'Display the running processes of a container'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "unpause" -d 'Unpause the processes in one or more containers'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "unshare" -d 'Run a command in a modified user namespace'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "untag" -d 'Remove a name from a local image'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "update" -d 'Update the resource limits of containers'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "version" -d 'Display the rpod version information'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "volume" -d 'Manage volumes'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "wait" -d 'Block on one or more containers'
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l detach-keys -d 'Override the key sequence for detaching a container' -r
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l sig-proxy -d 'Proxy received signals to the container (without a terminal)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l no-stdin -d 'Do not attach STDIN'
complete -c rpod -n "__fish_rpod_using_subcommand attach" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand attach" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand attach" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand build" -s f -l file -d 'The Containerfile to use (default: Containerfile, else Dockerfile, in the context; several are joined)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand build" -s t -l tag -d 'Name of the built image (repeatable)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l build-arg -d 'ARG=VALUE to supply to the builder (ARG alone takes the value from the environment)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l build-arg-file -d 'A file of ARG=VALUE lines to supply to the builder' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand build" -l target -d 'The stage to build (the last one by default)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l pull -d 'When to pull base images: always (or true), missing (or false), never, newer' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l layers -d 'Keep the images of the steps, as the cache for later builds' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand build" -l iidfile -d 'Write the image ID to the file' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand build" -l label -d 'Set a label on the image: KEY=VALUE' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l format -d 'Format of the image manifest and metadata: oci or docker' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l network -d 'The network of RUN steps: as run --network (none, host, private, pasta, slirp4netns, a bridge network)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l platform -d 'The platform to build for: only the host\'s (OS/ARCH)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l annotation -d 'Add an annotation to the image\'s manifest: KEY=VALUE (OCI format only; discarded with --format docker, as Podman)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l secret -d 'A file to expose to RUN --mount=type=secret: id=ID,src=PATH' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l ignorefile -d 'An ignore file to use instead of the context\'s .containerignore or .dockerignore' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand build" -l timestamp -d 'Set the images\' creation times to this many seconds since the epoch (default: $SOURCE_DATE_EPOCH, else now)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand build" -l authfile -d 'Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand build" -l cert-dir -d 'Use the certificates (*.crt) in this directory to verify the registry' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand build" -l creds -d 'Credentials for the registry: USERNAME[:PASSWORD] (instead of the authentication file\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l env -d 'Set an environment variable in the built image: KEY=VALUE (KEY alone: the caller\'s value, when it is set)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l unsetenv -d 'Unset an environment variable in the built image' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l from -d 'The image to start from instead of the first FROM\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l rm -d 'Remove the RUN containers after a successful build (always: rpod keeps no build container)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand build" -l force-rm -d 'Remove the RUN containers even when the build fails (always: rpod keeps no build container)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand build" -l logfile -d 'Write the build\'s output (standard output and error) to this file instead' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand build" -l logsplit -d 'With --logfile: the file of each platform is FILE_OS_ARCH' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand build" -l retry -d 'Times to retry pulling a base image from a registry (default 3)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l retry-delay -d 'Delay between the retries of a pull (a duration such as 2s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l jobs -d 'Stages to build at once, at most (rpod builds them one at a time, which any N allows)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l os -d 'The OS of the image: only the host\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l arch -d 'The architecture of the image: only the host\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l variant -d 'The architecture variant of the image: only the host\'s (none on amd64)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l os-feature -d 'A required OS feature listed in the image (FEATURE- removes one the base lists)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l os-version -d 'The required OS version listed in the image' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -s D -l disable-compression -d 'Do not compress the layers (always: the store keeps them uncompressed and push compresses them)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand build" -l skip-unused-stages -d 'Skip the stages the target does not need' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand build" -s o -l output -d 'Also write the image\'s files: type=local,dest=DIR or type=tar,dest=FILE (DIR alone: local; -: a tar on standard output)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l cache-ttl -d 'Use only cached steps made less than this long ago (e.g. 10h; 0: no cache)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l isolation -d 'How RUN runs: oci (a container of rpod\'s runtime, the default) or rootless (the same, for a rootless build); chroot is not supported' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l cpp-flag -d 'Flags for cpp(1), which preprocesses Containerfiles whose name ends in .in' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l build-context -d 'An additional build context for FROM NAME and COPY --from=NAME: NAME=DIR, or NAME=container-image://IMAGE (also docker-image://)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l cap-add -d 'Add capabilities to the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l cap-drop -d 'Drop capabilities from the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l security-opt -d 'Security options: seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false]' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l userns -d 'User namespace: host (the default), or keep-id[:uid=UID,gid=GID] (rootless: your own UID and GID inside, and the container\'s files yours on the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l ulimit -d 'Ulimit options (TYPE=SOFT[:HARD], e.g. nofile=1024:2048)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l shm-size -d 'Size of /dev/shm (e.g. 64m); one that joins another container\'s IPC namespace (--ipc container:, a pod\'s) shares its /dev/shm, of its size' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l pid -d 'PID namespace to use: private, host' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l ipc -d 'IPC namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l uts -d 'UTS namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l cgroupns -d 'Cgroup namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l device -d 'Add a host device to the container (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l cgroup-parent -d 'Where the container\'s cgroup is made: an absolute cgroup path (rootless: below your delegated cgroup) or one relative to rpod\'s default place' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, either case) into the container, below the image\'s and -e (default: containers.conf http_proxy, true)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand build" -s v -l volume -d 'Bind mount a host path or mount a volume: HOST-DIR:CONTAINER-DIR[:OPTIONS], VOLUME:CONTAINER-DIR[:OPTIONS], or CONTAINER-DIR (an anonymous volume); options ro, rw, z, Z, U, O, noexec, nosuid, nodev, [r]private, [r]shared, [r]slave, nocopy' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -s m -l memory -d 'Memory limit (e.g. 64m, 1g)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l memory-swap -d 'Memory plus swap limit; -1 for unlimited swap' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l cpus -d 'Number of CPUs (e.g. 1.5)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -s c -l cpu-shares -d 'CPU shares (relative weight, converted to cpu.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l blkio-weight -d 'Block IO relative weight, 10 to 1000 (cgroup v2 io.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l blkio-weight-device -d 'Block IO relative weight of a device (DEVICE:WEIGHT)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l device-read-bps -d 'Limit read rate from a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l device-write-bps -d 'Limit write rate to a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l memory-reservation -d 'Memory soft limit (memory.low)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l cpu-quota -d 'Limit the CPU CFS quota (microseconds per period)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l cpu-period -d 'Limit the CPU CFS period (microseconds)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l pids-limit -d 'Tune the container\'s pids limit (-1 for unlimited; default 2048 where the pids controller is available)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l device-read-iops -d 'Limit read operations per second from a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l device-write-iops -d 'Limit write operations per second to a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l dns -d 'Set custom DNS servers (replace the host\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l dns-search -d 'Set custom DNS search domains (`.`: none)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l dns-option -d 'Set custom DNS options' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l add-host -d 'Add a custom host-to-IP mapping (NAME:IP, or NAME:host-gateway for the address that reaches the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand build" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand build" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand build" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand build" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand build" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand build" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand build" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand build" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand build" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand build" -l no-cache -d 'Do not use cached images: run every step'
complete -c rpod -n "__fish_rpod_using_subcommand build" -s q -l quiet -d 'Print only the image ID'
complete -c rpod -n "__fish_rpod_using_subcommand build" -l squash-all -d 'Squash all of the image\'s layers into one'
complete -c rpod -n "__fish_rpod_using_subcommand build" -l squash -d 'Squash the image\'s new layers into one, on top of the base image\'s layers'
complete -c rpod -n "__fish_rpod_using_subcommand build" -l disable-content-trust -d 'Docker\'s content trust is not used (Podman\'s no-op, for Docker\'s scripts)'
complete -c rpod -n "__fish_rpod_using_subcommand build" -l stdin -d 'Pass the standard input into the RUN containers'
complete -c rpod -n "__fish_rpod_using_subcommand build" -l compress -d 'Docker\'s flag, accepted: there is no daemon to send the context to (Podman\'s no-op)'
complete -c rpod -n "__fish_rpod_using_subcommand build" -l omit-history -d 'Leave the build\'s history out of the image'
complete -c rpod -n "__fish_rpod_using_subcommand build" -l no-hosts -d 'Do not create /etc/hosts for the container (the image\'s stays)'
complete -c rpod -n "__fish_rpod_using_subcommand build" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand build" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and not __fish_seen_subcommand_from build" -f -a "build" -d 'Build an image using instructions from Containerfiles'
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -s f -l file -d 'The Containerfile to use (default: Containerfile, else Dockerfile, in the context; several are joined)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -s t -l tag -d 'Name of the built image (repeatable)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l build-arg -d 'ARG=VALUE to supply to the builder (ARG alone takes the value from the environment)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l build-arg-file -d 'A file of ARG=VALUE lines to supply to the builder' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l target -d 'The stage to build (the last one by default)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l pull -d 'When to pull base images: always (or true), missing (or false), never, newer' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l layers -d 'Keep the images of the steps, as the cache for later builds' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image ID to the file' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l label -d 'Set a label on the image: KEY=VALUE' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l format -d 'Format of the image manifest and metadata: oci or docker' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l network -d 'The network of RUN steps: as run --network (none, host, private, pasta, slirp4netns, a bridge network)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l platform -d 'The platform to build for: only the host\'s (OS/ARCH)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l annotation -d 'Add an annotation to the image\'s manifest: KEY=VALUE (OCI format only; discarded with --format docker, as Podman)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l secret -d 'A file to expose to RUN --mount=type=secret: id=ID,src=PATH' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l ignorefile -d 'An ignore file to use instead of the context\'s .containerignore or .dockerignore' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l timestamp -d 'Set the images\' creation times to this many seconds since the epoch (default: $SOURCE_DATE_EPOCH, else now)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l authfile -d 'Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cert-dir -d 'Use the certificates (*.crt) in this directory to verify the registry' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l creds -d 'Credentials for the registry: USERNAME[:PASSWORD] (instead of the authentication file\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l env -d 'Set an environment variable in the built image: KEY=VALUE (KEY alone: the caller\'s value, when it is set)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l unsetenv -d 'Unset an environment variable in the built image' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l from -d 'The image to start from instead of the first FROM\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l rm -d 'Remove the RUN containers after a successful build (always: rpod keeps no build container)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l force-rm -d 'Remove the RUN containers even when the build fails (always: rpod keeps no build container)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l logfile -d 'Write the build\'s output (standard output and error) to this file instead' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l logsplit -d 'With --logfile: the file of each platform is FILE_OS_ARCH' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l retry -d 'Times to retry pulling a base image from a registry (default 3)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l retry-delay -d 'Delay between the retries of a pull (a duration such as 2s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l jobs -d 'Stages to build at once, at most (rpod builds them one at a time, which any N allows)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l os -d 'The OS of the image: only the host\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l arch -d 'The architecture of the image: only the host\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l variant -d 'The architecture variant of the image: only the host\'s (none on amd64)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l os-feature -d 'A required OS feature listed in the image (FEATURE- removes one the base lists)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l os-version -d 'The required OS version listed in the image' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -s D -l disable-compression -d 'Do not compress the layers (always: the store keeps them uncompressed and push compresses them)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l skip-unused-stages -d 'Skip the stages the target does not need' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -s o -l output -d 'Also write the image\'s files: type=local,dest=DIR or type=tar,dest=FILE (DIR alone: local; -: a tar on standard output)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cache-ttl -d 'Use only cached steps made less than this long ago (e.g. 10h; 0: no cache)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l isolation -d 'How RUN runs: oci (a container of rpod\'s runtime, the default) or rootless (the same, for a rootless build); chroot is not supported' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cpp-flag -d 'Flags for cpp(1), which preprocesses Containerfiles whose name ends in .in' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l build-context -d 'An additional build context for FROM NAME and COPY --from=NAME: NAME=DIR, or NAME=container-image://IMAGE (also docker-image://)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cap-add -d 'Add capabilities to the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cap-drop -d 'Drop capabilities from the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l security-opt -d 'Security options: seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false]' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l userns -d 'User namespace: host (the default), or keep-id[:uid=UID,gid=GID] (rootless: your own UID and GID inside, and the container\'s files yours on the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l ulimit -d 'Ulimit options (TYPE=SOFT[:HARD], e.g. nofile=1024:2048)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l shm-size -d 'Size of /dev/shm (e.g. 64m); one that joins another container\'s IPC namespace (--ipc container:, a pod\'s) shares its /dev/shm, of its size' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l pid -d 'PID namespace to use: private, host' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l ipc -d 'IPC namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l uts -d 'UTS namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cgroupns -d 'Cgroup namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l device -d 'Add a host device to the container (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cgroup-parent -d 'Where the container\'s cgroup is made: an absolute cgroup path (rootless: below your delegated cgroup) or one relative to rpod\'s default place' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, either case) into the container, below the image\'s and -e (default: containers.conf http_proxy, true)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -s v -l volume -d 'Bind mount a host path or mount a volume: HOST-DIR:CONTAINER-DIR[:OPTIONS], VOLUME:CONTAINER-DIR[:OPTIONS], or CONTAINER-DIR (an anonymous volume); options ro, rw, z, Z, U, O, noexec, nosuid, nodev, [r]private, [r]shared, [r]slave, nocopy' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -s m -l memory -d 'Memory limit (e.g. 64m, 1g)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l memory-swap -d 'Memory plus swap limit; -1 for unlimited swap' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cpus -d 'Number of CPUs (e.g. 1.5)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -s c -l cpu-shares -d 'CPU shares (relative weight, converted to cpu.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l blkio-weight -d 'Block IO relative weight, 10 to 1000 (cgroup v2 io.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l blkio-weight-device -d 'Block IO relative weight of a device (DEVICE:WEIGHT)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l device-read-bps -d 'Limit read rate from a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l device-write-bps -d 'Limit write rate to a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l memory-reservation -d 'Memory soft limit (memory.low)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cpu-quota -d 'Limit the CPU CFS quota (microseconds per period)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cpu-period -d 'Limit the CPU CFS period (microseconds)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l pids-limit -d 'Tune the container\'s pids limit (-1 for unlimited; default 2048 where the pids controller is available)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l device-read-iops -d 'Limit read operations per second from a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l device-write-iops -d 'Limit write operations per second to a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l dns -d 'Set custom DNS servers (replace the host\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l dns-search -d 'Set custom DNS search domains (`.`: none)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l dns-option -d 'Set custom DNS options' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l add-host -d 'Add a custom host-to-IP mapping (NAME:IP, or NAME:host-gateway for the address that reaches the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l no-cache -d 'Do not use cached images: run every step'
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only the image ID'
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l squash-all -d 'Squash all of the image\'s layers into one'
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l squash -d 'Squash the image\'s new layers into one, on top of the base image\'s layers'
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l disable-content-trust -d 'Docker\'s content trust is not used (Podman\'s no-op, for Docker\'s scripts)'
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l stdin -d 'Pass the standard input into the RUN containers'
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l compress -d 'Docker\'s flag, accepted: there is no daemon to send the context to (Podman\'s no-op)'
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l omit-history -d 'Leave the build\'s history out of the image'
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l no-hosts -d 'Do not create /etc/hosts for the container (the image\'s stays)'
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand buildx; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand commit" -s a -l author -d 'Set the author for the image committed' -r
complete -c rpod -n "__fish_rpod_using_subcommand commit" -s c -l change -d 'Apply a Dockerfile instruction to the image: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR' -r
complete -c rpod -n "__fish_rpod_using_subcommand commit" -s f -l format -d 'Format of the image manifest and metadata: oci or docker' -r
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l iidfile -d 'Write the image ID to the file' -r
complete -c rpod -n "__fish_rpod_using_subcommand commit" -s m -l message -d 'Set the commit message of the committed image' -r
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l include-volumes -d 'Include the container\'s volumes as image volumes'
complete -c rpod -n "__fish_rpod_using_subcommand commit" -s p -l pause -d 'Pause the container during the commit'
complete -c rpod -n "__fish_rpod_using_subcommand commit" -s q -l quiet -d 'Suppress the progress output'
complete -c rpod -n "__fish_rpod_using_subcommand commit" -s s -l squash -d 'Squash the image\'s layers and the container\'s changes into one layer'
complete -c rpod -n "__fish_rpod_using_subcommand commit" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand commit" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand completion" -s f -l file -d 'Output the completion to FILE rather than stdout' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l no-desc -d 'Do not include descriptions in the completion output'
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand completion" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "attach" -d 'Attach to a running container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "commit" -d 'Create new image based on the changed container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "cp" -d 'Copy files/folders between a container and the local filesystem'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "create" -d 'Create but do not start a container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "diff" -d 'Inspect changes to the container\'s file systems'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "exec" -d 'Run a process in a running container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "exists" -d 'Check if a container exists in local storage'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "export" -d 'Export a container\'s filesystem contents as a tar archive'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "inspect" -d 'Display the configuration of a container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "kill" -d 'Kill one or more running containers with a specific signal'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "list" -d 'List containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "ls" -d 'List containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "ps" -d 'List containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "pause" -d 'Pause all the processes in one or more containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "port" -d 'List port mappings of a container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "logs" -d 'Fetch the logs of a container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "prune" -d 'Remove all non running containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "rename" -d 'Rename an existing container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "restart" -d 'Restart one or more containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "rm" -d 'Remove one or more containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "run" -d 'Run a command in a new container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "start" -d 'Start one or more containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "stats" -d 'Display a live stream of container resource usage statistics'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "stop" -d 'Stop one or more containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "top" -d 'Display the running processes of a container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "unpause" -d 'Unpause the processes in one or more containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "update" -d 'Update the resource limits of containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from attach commit cp create diff exec exists export inspect kill list ls ps pause port logs prune rename restart rm run start stats stop top unpause update wait" -f -a "wait" -d 'Block on one or more containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l detach-keys -d 'Override the key sequence for detaching a container' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l sig-proxy -d 'Proxy received signals to the container (without a terminal)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l no-stdin -d 'Do not attach STDIN'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -s a -l author -d 'Set the author for the image committed' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -s c -l change -d 'Apply a Dockerfile instruction to the image: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -s f -l format -d 'Format of the image manifest and metadata: oci or docker' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l iidfile -d 'Write the image ID to the file' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -s m -l message -d 'Set the commit message of the committed image' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l include-volumes -d 'Include the container\'s volumes as image volumes'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -s p -l pause -d 'Pause the container during the commit'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -s q -l quiet -d 'Suppress the progress output'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -s s -l squash -d 'Squash the image\'s layers and the container\'s changes into one layer'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -s a -l archive -d 'Keep the source\'s owners (UID and GID); without it, files copied into a container belong to its root and files copied out to you' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -s L -l follow-link -d 'Always follow a symbolic link in SRC_PATH'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l overwrite -d 'Allow to overwrite directories with non-directories and vice versa'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from cp" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -s a -l attach -d 'Attach to STDIN, STDOUT or STDERR when started with `start -a` (default: all three)' -r -f -a "stdin\t''
stdout\t''
stderr\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l init-ctr -d 'Make this an init container of its pod (needs --pod): always (run to completion at every pod start, before the other containers) or once (at the first pod start, then removed)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l name -d 'Assign a name to the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l restart -d 'Restart policy: no, on-failure[:max-retries], always, unless-stopped' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to pass the caller\'s value)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l env-file -d 'Read in a file of environment variables' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -s l -l label -d 'Set metadata on the container (KEY=VALUE)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l entrypoint -d 'Overwrite the default ENTRYPOINT of the image (a program, or a JSON array)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -s w -l workdir -d 'Working directory inside the container (created if missing)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -s h -l hostname -d 'Set container hostname (default: the short container ID)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l network -d 'Connect the container to a network: pasta[:OPTIONS] (the rootless default), slirp4netns[:OPTIONS], none, host, private (loopback only), container:NAME, ns:PATH, bridge or a network name' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a container\'s port to the host ([IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], ranges N-M, IPv6 in brackets; no HOST_PORT: a random one)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l expose -d 'Expose a port or a range of ports (PORT[-PORT][/PROTOCOL]), published by -P' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l init-path -d 'With --init: run this program as the container\'s init instead of rpod\'s own (mounted read-only at /run/podman-init, given `-- COMMAND...`, as Podman\'s catatonit)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l hostuser -d 'Give a host user (name or UID) an entry in the container\'s /etc/passwd' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l uidmap -d 'Run in a user namespace of its own with this UID map, CONTAINER_UID:FROM_UID:AMOUNT (repeatable; FROM as root a host UID, rootless one of your user namespace: 0 is you, 1 and up your subordinate UIDs)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l gidmap -d 'The GID map as --uidmap\'s (default: --uidmap\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l subuidname -d 'Run in a user namespace of its own mapping its UIDs, from 0 up, to NAME\'s ranges in /etc/subuid' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l subgidname -d 'Map its GIDs, from 0 up, to NAME\'s ranges in /etc/subgid' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l seccomp-policy -d 'Where the seccomp profile comes from: default (--security-opt seccomp or the default profile) or image (the image\'s io.containers.seccomp.profile label)' -r -f -a "default\t''
image\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l sdnotify -d 'How the caller\'s NOTIFY_SOCKET (systemd\'s Type=notify) is used: container (the container reports readiness through a socket of its own), conmon (ready once started) or ignore' -r -f -a "container\t''
conmon\t''
ignore\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l chrootdirs -d 'A directory in the container treated as a chroot: the engine\'s files (/etc/hosts, /etc/resolv.conf, /etc/hostname, /run/.containerenv) are mounted in it too (comma-separated)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l pod -d 'Run the container in a pod (name or ID), or new:NAME to make the pod (with the container\'s -p and --network)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l pod-id-file -d 'Read the ID of the pod to run the container in from the file' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l oom-score-adj -d 'Tune the host\'s OOM preferences for the container (-1000 to 1000)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-signal -d 'Signal to stop the container (default: the image\'s StopSignal, else SIGTERM)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-timeout -d 'Seconds to wait for the stop signal before SIGKILL' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l log-driver -d 'Logging driver for the container: k8s-file (default: containers.conf\'s log_driver), json-file, journald, none' -r -f -a "k8s-file\t'Podman\'s k8s-file format, read by `rpod logs`'
json-file\t'Docker\'s json-file format, read by `rpod logs`'
journald\t'The systemd journal (refused: rpod does not write to it)'
none\t'No log'"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l log-opt -d 'Logging driver options: max-size=SIZE (e.g. 10m) rotates the log' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l annotation -d 'Add an annotation to the container (KEY=VALUE)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l cidfile -d 'Write the container ID to the file (which must not exist)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l timeout -d 'Maximum time in seconds the container may run; it is killed when the time expires (0: no limit)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l pidfile -d 'Write the container\'s PID to the file when it starts' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l conmon-pidfile -d 'Write the PID of the container\'s monitor (rpod\'s conmon) to the file when it starts' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l health-cmd -d 'Healthcheck command: a shell command, a JSON array (exec form), or none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l health-interval -d 'Time between healthchecks (default 30s; disable: only `healthcheck run`)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l health-retries -d 'Consecutive failures before the container is unhealthy (default 3)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l health-start-period -d 'Time after the start when failures do not count yet (default 0s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l health-timeout -d 'Time after which a healthcheck counts as failed (default 30s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l health-on-failure -d 'What to do when the container becomes unhealthy' -r -f -a "none\t''
kill\t''
restart\t''
stop\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l env-merge -d 'Preprocess default environment variables for the container (KEY=VALUE with ${KEY} from the image)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l unsetenv -d 'Unset a default environment variable of the image or the engine' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l label-file -d 'Read in a line-delimited file of labels' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l group-add -d 'Add additional groups to the container\'s process (names or GIDs)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l sysctl -d 'Namespaced kernel parameters (net.*, kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l umask -d 'Set the umask inside the container (octal, default 0022)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l personality -d 'The container\'s execution domain: LINUX, or LINUX32 (uname -m reports a 32-bit machine)' -r -f -a "LINUX\t''
LINUX32\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l requires -d 'Containers that are started before this one (names or IDs, comma-separated)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l tz -d 'Set the time zone in the container (local, or a zone such as Europe/Berlin)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l secret -d 'Give the container a secret (`rpod secret create`): NAME[,type=mount|env][,target=PATH|VAR][,uid=UID,gid=GID,mode=MODE]; a mount is read-only at /run/secrets/NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only-tmpfs -d 'With --read-only, mount tmpfs on /tmp, /var/tmp and /run' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l passwd -d 'Add entries to /etc/passwd and /etc/group for a numeric --user the image does not have' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l passwd-entry -d 'Entry to write to /etc/passwd ($USERNAME, $UID, $GID, $NAME, $HOME are replaced)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l mount -d 'Attach a file system mount: type=bind|volume|tmpfs|image|devpts,source=...,target=...[,readonly][,bind-propagation=...][,tmpfs-size=...][,tmpfs-mode=...][,U][,relabel=...]' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l tmpfs -d 'Mount a tmpfs: CONTAINER-DIR[:OPTIONS] (default rw,noexec,nosuid,nodev)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l volumes-from -d 'Mount the volumes and bind mounts of another container: CONTAINER[:ro|rw]' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l image-volume -d 'What the image\'s VOLUMEs become: bind (anonymous volumes), tmpfs, ignore' -r -f -a "bind\t'An anonymous volume, filled with the image\'s files there on first use'
tmpfs\t'A tmpfs'
ignore\t'Nothing: the image\'s files stay as they are in the container\'s root'"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l device-cgroup-rule -d 'Allow devices in the device cgroup (TYPE MAJOR:MINOR ACCESS, e.g. "c 4:64 rwm")' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-add -d 'Add capabilities to the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-drop -d 'Drop capabilities from the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l security-opt -d 'Security options: seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false]' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l userns -d 'User namespace: host (the default), or keep-id[:uid=UID,gid=GID] (rootless: your own UID and GID inside, and the container\'s files yours on the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l ulimit -d 'Ulimit options (TYPE=SOFT[:HARD], e.g. nofile=1024:2048)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l shm-size -d 'Size of /dev/shm (e.g. 64m); one that joins another container\'s IPC namespace (--ipc container:, a pod\'s) shares its /dev/shm, of its size' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l pid -d 'PID namespace to use: private, host' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l ipc -d 'IPC namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l uts -d 'UTS namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroupns -d 'Cgroup namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l device -d 'Add a host device to the container (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroup-parent -d 'Where the container\'s cgroup is made: an absolute cgroup path (rootless: below your delegated cgroup) or one relative to rpod\'s default place' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, either case) into the container, below the image\'s and -e (default: containers.conf http_proxy, true)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -s v -l volume -d 'Bind mount a host path or mount a volume: HOST-DIR:CONTAINER-DIR[:OPTIONS], VOLUME:CONTAINER-DIR[:OPTIONS], or CONTAINER-DIR (an anonymous volume); options ro, rw, z, Z, U, O, noexec, nosuid, nodev, [r]private, [r]shared, [r]slave, nocopy' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l dns -d 'Set custom DNS servers (replace the host\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-search -d 'Set custom DNS search domains (`.`: none)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-option -d 'Set custom DNS options' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l add-host -d 'Add a custom host-to-IP mapping (NAME:IP, or NAME:host-gateway for the address that reaches the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l ip -d 'Container IPv4 address on its bridge network (e.g. 10.88.64.128)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l ip6 -d 'Container IPv6 address on its bridge network (e.g. fd46:db93:aa76:ac37::10)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l mac-address -d 'Container MAC address on its bridge network (e.g. 92:d0:c6:0a:29:33)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l network-alias -d 'Add a network-scoped alias for the container (names it on networks with DNS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l platform -d 'Pull the image for this platform (OS/ARCH[/VARIANT]) instead of the host\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l arch -d 'Use ARCH instead of the host\'s architecture when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l os -d 'Use OS instead of the host\'s operating system when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l variant -d 'Use VARIANT instead of the default architecture variant when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -s m -l memory -d 'Memory limit (e.g. 64m, 1g)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-swap -d 'Memory plus swap limit; -1 for unlimited swap' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l cpus -d 'Number of CPUs (e.g. 1.5)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -s c -l cpu-shares -d 'CPU shares (relative weight, converted to cpu.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l blkio-weight -d 'Block IO relative weight, 10 to 1000 (cgroup v2 io.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l blkio-weight-device -d 'Block IO relative weight of a device (DEVICE:WEIGHT)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l device-read-bps -d 'Limit read rate from a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l device-write-bps -d 'Limit write rate to a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-reservation -d 'Memory soft limit (memory.low)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-quota -d 'Limit the CPU CFS quota (microseconds per period)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-period -d 'Limit the CPU CFS period (microseconds)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l pids-limit -d 'Tune the container\'s pids limit (-1 for unlimited; default 2048 where the pids controller is available)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l device-read-iops -d 'Limit read operations per second from a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l device-write-iops -d 'Limit write operations per second to a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroup-conf -d 'Set a cgroup v2 file of the container\'s cgroup (KEY=VALUE, e.g. memory.high=1G)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroups -d 'Cgroup mode: enabled (a cgroup of its own where the host allows; with limits, required), disabled (none: the container stays in the caller\'s cgroup), no-conmon (as enabled: rpod\'s monitor never has a cgroup of its own), split (below the caller\'s own cgroup)' -r -f -a "enabled\t'A cgroup of its own where the host lets rpod make one (with limits: required)'
disabled\t'No cgroup of its own: the container stays in the caller\'s cgroup; no limits'
no-conmon\t'As enabled (rpod\'s monitor never has a cgroup of its own)'
split\t'Its cgroup below the caller\'s own cgroup'"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l systemd -d 'Run the container in systemd mode: true (when the command is /sbin/init, /usr/sbin/init, /usr/local/sbin/init or systemd), false, or always. Systemd mode: tmpfs on /run, /run/lock, /tmp, /var/log/journal, a writable cgroup (cgroup v2, a cgroup of its own: refused where rpod cannot give one), stop signal SIGRTMIN+3, container_uuid set' -r -f -a "true\t''
false\t''
always\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l pull -d 'Pull the image: always, missing (when not in local storage), never, newer' -r -f -a "always\t'Pull the image before every create'
missing\t'Pull only when the image is not in local storage'
never\t'Never pull: the image must be in local storage'
newer\t'Pull when the registry has a newer image (layers already stored are reused)'"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l tls-verify -d 'Require HTTPS and verify certificates when pulling a missing image' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l authfile -d 'Path of the authentication file for pulling a missing image (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -s i -l interactive -d 'Keep STDIN open even if not attached'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l rm -d 'Remove the container (and its files) when it exits'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l init -d 'Run an init inside the container that forwards signals and reaps processes'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -s P -l publish-all -d 'Publish every exposed port (the image\'s EXPOSE and --expose) to a random host port'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only -d 'Make the container\'s root filesystem read-only'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l privileged -d 'Give extended privileges to the container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l rootfs -d 'The first argument is not an image but the container\'s root file system, a directory (PATH:O: an overlay on it, whose changes are discarded when the container stops); the container is configured by the flags alone'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l disable-content-trust -d 'Docker\'s content trust is not used (Podman\'s no-op, for Docker\'s scripts)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l no-healthcheck -d 'Disable any healthcheck defined in the image'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l env-host -d 'Use all the current host environment variables in the container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l unsetenv-all -d 'Unset all default environment variables (only those of --env and --env-file stay)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l no-hosts -d 'Do not create /etc/hosts for the container (the image\'s stays)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l replace -d 'Replace (remove) a container of the same name first'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Suppress output information when pulling images'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l format -d 'Change the output format (json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -s e -l env -d 'Set environment variables' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l env-file -d 'Read in a file of environment variables' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -s w -l workdir -d 'Working directory inside the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l detach-keys -d 'Override the key sequence for detaching from the process (with -it; empty: none)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l preserve-fds -d 'Pass N additional file descriptors (3..3+N) to the process' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -s d -l detach -d 'Run the process in the background'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -s i -l interactive -d 'Keep STDIN open even if not attached'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l privileged -d 'Give extended privileges to the process'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -s l -l latest -d 'Act on the latest container rpod created (then every argument is the command)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l external -d 'Check external containers as well (rpod has none: the same answer)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to a specified file (default: stdout, which must be redirected)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format the output using the given Go template, or \'json\' (the default)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -s l -l latest -d 'Inspect the latest container created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -s s -l size -d 'Display the total file size (SizeRw and SizeRootFs)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -s s -l signal -d 'Signal to send to the container (a name, a number, or a real-time one: RTMIN+3)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l cidfile -d 'Read the container ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -s a -l all -d 'Signal all running containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -s i -l ignore -d 'Ignore errors when a specified container is missing'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter output based on conditions given (status=, name=, id=, label=, label!=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l format -d 'Pretty-print containers to JSON or using a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -s n -l last -d 'Print the n last created containers (all states)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -s w -l watch -d 'Watch the ps output on an interval in seconds' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l sort -d 'Sort output by command, created, id, image, names, runningfor, size or status' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all the containers, default is only running containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l external -d 'Show containers in storage not controlled by rpod (accepted for Podman\'s scripts: rpod\'s store has none)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -s l -l latest -d 'Show the latest container created (all states)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l no-trunc -d 'Display the extended information'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print headers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print the numeric IDs of the containers only'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -s s -l size -d 'Display the total file sizes'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -s p -l pod -d 'Print the ID and name of the pod each container is in'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l ns -d 'Display the namespaces of the containers\' processes (CGROUPNS IPC MNT NET PIDNS USERNS UTS)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l sync -d 'Sync container state with the OCI runtime (accepted: rpod\'s records are always in sync, each state change is written under the container\'s lock by the command or the monitor that makes it)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter output based on conditions given (status=, name=, id=, label=, label!=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l format -d 'Pretty-print containers to JSON or using a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -s n -l last -d 'Print the n last created containers (all states)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -s w -l watch -d 'Watch the ps output on an interval in seconds' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l sort -d 'Sort output by command, created, id, image, names, runningfor, size or status' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all the containers, default is only running containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l external -d 'Show containers in storage not controlled by rpod (accepted for Podman\'s scripts: rpod\'s store has none)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -s l -l latest -d 'Show the latest container created (all states)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Display the extended information'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print headers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print the numeric IDs of the containers only'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -s s -l size -d 'Display the total file sizes'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -s p -l pod -d 'Print the ID and name of the pod each container is in'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l ns -d 'Display the namespaces of the containers\' processes (CGROUPNS IPC MNT NET PIDNS USERNS UTS)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l sync -d 'Sync container state with the OCI runtime (accepted: rpod\'s records are always in sync, each state change is written under the container\'s lock by the command or the monitor that makes it)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -s f -l filter -d 'Filter output based on conditions given (status=, name=, id=, label=, label!=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l format -d 'Pretty-print containers to JSON or using a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -s n -l last -d 'Print the n last created containers (all states)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -s w -l watch -d 'Watch the ps output on an interval in seconds' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l sort -d 'Sort output by command, created, id, image, names, runningfor, size or status' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -s a -l all -d 'Show all the containers, default is only running containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l external -d 'Show containers in storage not controlled by rpod (accepted for Podman\'s scripts: rpod\'s store has none)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -s l -l latest -d 'Show the latest container created (all states)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Display the extended information'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l noheading -d 'Do not print headers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Print the numeric IDs of the containers only'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -s s -l size -d 'Display the total file sizes'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -s p -l pod -d 'Print the ID and name of the pod each container is in'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l ns -d 'Display the namespaces of the containers\' processes (CGROUPNS IPC MNT NET PIDNS USERNS UTS)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l sync -d 'Sync container state with the OCI runtime (accepted: rpod\'s records are always in sync, each state change is written under the container\'s lock by the command or the monitor that makes it)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l cidfile -d 'Read the container ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -s f -l filter -d 'Act on the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -s a -l all -d 'Pause (or unpause) all running (or paused) containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -s a -l all -d 'Display port information for all containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l since -d 'Show logs since TIMESTAMP (RFC 3339 or a date, Unix seconds, or a duration like 10m: that long ago)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l until -d 'Show logs until TIMESTAMP (RFC 3339 or a date, Unix seconds, or a duration like 10m: that long from now)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l tail -d 'Output the specified number of lines at the end of the logs (-1: all)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Follow log output'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Output the timestamps of the log entries'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -s n -l names -d 'Output the container names instead of the container IDs in the log (with several containers)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l color -d 'Output the containers with different colors in the log (with several containers)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l filter -d 'Provide filter values (label=KEY[=VALUE], label!=KEY[=VALUE], until=TIMESTAMP)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not prompt for confirmation'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -s t -l time -d 'Seconds to wait for the stop signal before killing the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -s f -l filter -d 'Act on the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l cidfile -d 'Read the container ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -s a -l all -d 'Restart all containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l running -d 'Restart only the containers that are running (with --all)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -s i -l ignore -d 'Ignore errors when a specified container is missing'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for the stop signal before killing a running container with --force (default 0)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l filter -d 'Remove the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l cidfile -d 'Read the container ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -s f -l force -d 'Force removal of a running or paused container (and ignore missing ones)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -s v -l volumes -d 'Remove the container\'s anonymous volumes (those no other container uses)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l depend -d 'Remove the containers that depend on it (joined its namespaces with --pid/--ipc/--uts/--cgroupns container:ID, or --requires it) first'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Ignore errors when a specified container is missing'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s a -l attach -d 'Attach to STDIN, STDOUT or STDERR (default: STDOUT and STDERR, and STDIN with -i)' -r -f -a "stdin\t''
stdout\t''
stderr\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l detach-keys -d 'Override the key sequence for detaching a container' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l sig-proxy -d 'Proxy received signals to the container (without a terminal)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l preserve-fds -d 'Pass N additional file descriptors (3..3+N) to the container\'s process' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l name -d 'Assign a name to the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l restart -d 'Restart policy: no, on-failure[:max-retries], always, unless-stopped' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to pass the caller\'s value)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l env-file -d 'Read in a file of environment variables' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s l -l label -d 'Set metadata on the container (KEY=VALUE)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l entrypoint -d 'Overwrite the default ENTRYPOINT of the image (a program, or a JSON array)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s w -l workdir -d 'Working directory inside the container (created if missing)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s h -l hostname -d 'Set container hostname (default: the short container ID)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l network -d 'Connect the container to a network: pasta[:OPTIONS] (the rootless default), slirp4netns[:OPTIONS], none, host, private (loopback only), container:NAME, ns:PATH, bridge or a network name' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s p -l publish -d 'Publish a container\'s port to the host ([IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], ranges N-M, IPv6 in brackets; no HOST_PORT: a random one)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l expose -d 'Expose a port or a range of ports (PORT[-PORT][/PROTOCOL]), published by -P' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l init-path -d 'With --init: run this program as the container\'s init instead of rpod\'s own (mounted read-only at /run/podman-init, given `-- COMMAND...`, as Podman\'s catatonit)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l hostuser -d 'Give a host user (name or UID) an entry in the container\'s /etc/passwd' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l uidmap -d 'Run in a user namespace of its own with this UID map, CONTAINER_UID:FROM_UID:AMOUNT (repeatable; FROM as root a host UID, rootless one of your user namespace: 0 is you, 1 and up your subordinate UIDs)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l gidmap -d 'The GID map as --uidmap\'s (default: --uidmap\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l subuidname -d 'Run in a user namespace of its own mapping its UIDs, from 0 up, to NAME\'s ranges in /etc/subuid' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l subgidname -d 'Map its GIDs, from 0 up, to NAME\'s ranges in /etc/subgid' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l seccomp-policy -d 'Where the seccomp profile comes from: default (--security-opt seccomp or the default profile) or image (the image\'s io.containers.seccomp.profile label)' -r -f -a "default\t''
image\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l sdnotify -d 'How the caller\'s NOTIFY_SOCKET (systemd\'s Type=notify) is used: container (the container reports readiness through a socket of its own), conmon (ready once started) or ignore' -r -f -a "container\t''
conmon\t''
ignore\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l chrootdirs -d 'A directory in the container treated as a chroot: the engine\'s files (/etc/hosts, /etc/resolv.conf, /etc/hostname, /run/.containerenv) are mounted in it too (comma-separated)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l pod -d 'Run the container in a pod (name or ID), or new:NAME to make the pod (with the container\'s -p and --network)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l pod-id-file -d 'Read the ID of the pod to run the container in from the file' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l oom-score-adj -d 'Tune the host\'s OOM preferences for the container (-1000 to 1000)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-signal -d 'Signal to stop the container (default: the image\'s StopSignal, else SIGTERM)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-timeout -d 'Seconds to wait for the stop signal before SIGKILL' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l log-driver -d 'Logging driver for the container: k8s-file (default: containers.conf\'s log_driver), json-file, journald, none' -r -f -a "k8s-file\t'Podman\'s k8s-file format, read by `rpod logs`'
json-file\t'Docker\'s json-file format, read by `rpod logs`'
journald\t'The systemd journal (refused: rpod does not write to it)'
none\t'No log'"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l log-opt -d 'Logging driver options: max-size=SIZE (e.g. 10m) rotates the log' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l annotation -d 'Add an annotation to the container (KEY=VALUE)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cidfile -d 'Write the container ID to the file (which must not exist)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l timeout -d 'Maximum time in seconds the container may run; it is killed when the time expires (0: no limit)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l pidfile -d 'Write the container\'s PID to the file when it starts' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l conmon-pidfile -d 'Write the PID of the container\'s monitor (rpod\'s conmon) to the file when it starts' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l health-cmd -d 'Healthcheck command: a shell command, a JSON array (exec form), or none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l health-interval -d 'Time between healthchecks (default 30s; disable: only `healthcheck run`)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l health-retries -d 'Consecutive failures before the container is unhealthy (default 3)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l health-start-period -d 'Time after the start when failures do not count yet (default 0s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l health-timeout -d 'Time after which a healthcheck counts as failed (default 30s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l health-on-failure -d 'What to do when the container becomes unhealthy' -r -f -a "none\t''
kill\t''
restart\t''
stop\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l env-merge -d 'Preprocess default environment variables for the container (KEY=VALUE with ${KEY} from the image)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l unsetenv -d 'Unset a default environment variable of the image or the engine' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l label-file -d 'Read in a line-delimited file of labels' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l group-add -d 'Add additional groups to the container\'s process (names or GIDs)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l sysctl -d 'Namespaced kernel parameters (net.*, kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l umask -d 'Set the umask inside the container (octal, default 0022)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l personality -d 'The container\'s execution domain: LINUX, or LINUX32 (uname -m reports a 32-bit machine)' -r -f -a "LINUX\t''
LINUX32\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l requires -d 'Containers that are started before this one (names or IDs, comma-separated)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l tz -d 'Set the time zone in the container (local, or a zone such as Europe/Berlin)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l secret -d 'Give the container a secret (`rpod secret create`): NAME[,type=mount|env][,target=PATH|VAR][,uid=UID,gid=GID,mode=MODE]; a mount is read-only at /run/secrets/NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only-tmpfs -d 'With --read-only, mount tmpfs on /tmp, /var/tmp and /run' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l passwd -d 'Add entries to /etc/passwd and /etc/group for a numeric --user the image does not have' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l passwd-entry -d 'Entry to write to /etc/passwd ($USERNAME, $UID, $GID, $NAME, $HOME are replaced)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l mount -d 'Attach a file system mount: type=bind|volume|tmpfs|image|devpts,source=...,target=...[,readonly][,bind-propagation=...][,tmpfs-size=...][,tmpfs-mode=...][,U][,relabel=...]' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l tmpfs -d 'Mount a tmpfs: CONTAINER-DIR[:OPTIONS] (default rw,noexec,nosuid,nodev)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l volumes-from -d 'Mount the volumes and bind mounts of another container: CONTAINER[:ro|rw]' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l image-volume -d 'What the image\'s VOLUMEs become: bind (anonymous volumes), tmpfs, ignore' -r -f -a "bind\t'An anonymous volume, filled with the image\'s files there on first use'
tmpfs\t'A tmpfs'
ignore\t'Nothing: the image\'s files stay as they are in the container\'s root'"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l device-cgroup-rule -d 'Allow devices in the device cgroup (TYPE MAJOR:MINOR ACCESS, e.g. "c 4:64 rwm")' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-add -d 'Add capabilities to the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-drop -d 'Drop capabilities from the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l security-opt -d 'Security options: seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false]' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l userns -d 'User namespace: host (the default), or keep-id[:uid=UID,gid=GID] (rootless: your own UID and GID inside, and the container\'s files yours on the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l ulimit -d 'Ulimit options (TYPE=SOFT[:HARD], e.g. nofile=1024:2048)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l shm-size -d 'Size of /dev/shm (e.g. 64m); one that joins another container\'s IPC namespace (--ipc container:, a pod\'s) shares its /dev/shm, of its size' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l pid -d 'PID namespace to use: private, host' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l ipc -d 'IPC namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l uts -d 'UTS namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroupns -d 'Cgroup namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l device -d 'Add a host device to the container (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroup-parent -d 'Where the container\'s cgroup is made: an absolute cgroup path (rootless: below your delegated cgroup) or one relative to rpod\'s default place' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, either case) into the container, below the image\'s and -e (default: containers.conf http_proxy, true)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s v -l volume -d 'Bind mount a host path or mount a volume: HOST-DIR:CONTAINER-DIR[:OPTIONS], VOLUME:CONTAINER-DIR[:OPTIONS], or CONTAINER-DIR (an anonymous volume); options ro, rw, z, Z, U, O, noexec, nosuid, nodev, [r]private, [r]shared, [r]slave, nocopy' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l dns -d 'Set custom DNS servers (replace the host\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-search -d 'Set custom DNS search domains (`.`: none)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-option -d 'Set custom DNS options' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l add-host -d 'Add a custom host-to-IP mapping (NAME:IP, or NAME:host-gateway for the address that reaches the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l ip -d 'Container IPv4 address on its bridge network (e.g. 10.88.64.128)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l ip6 -d 'Container IPv6 address on its bridge network (e.g. fd46:db93:aa76:ac37::10)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l mac-address -d 'Container MAC address on its bridge network (e.g. 92:d0:c6:0a:29:33)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l network-alias -d 'Add a network-scoped alias for the container (names it on networks with DNS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l platform -d 'Pull the image for this platform (OS/ARCH[/VARIANT]) instead of the host\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l arch -d 'Use ARCH instead of the host\'s architecture when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l os -d 'Use OS instead of the host\'s operating system when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l variant -d 'Use VARIANT instead of the default architecture variant when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s m -l memory -d 'Memory limit (e.g. 64m, 1g)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-swap -d 'Memory plus swap limit; -1 for unlimited swap' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cpus -d 'Number of CPUs (e.g. 1.5)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s c -l cpu-shares -d 'CPU shares (relative weight, converted to cpu.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l blkio-weight -d 'Block IO relative weight, 10 to 1000 (cgroup v2 io.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l blkio-weight-device -d 'Block IO relative weight of a device (DEVICE:WEIGHT)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l device-read-bps -d 'Limit read rate from a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l device-write-bps -d 'Limit write rate to a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-reservation -d 'Memory soft limit (memory.low)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-quota -d 'Limit the CPU CFS quota (microseconds per period)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-period -d 'Limit the CPU CFS period (microseconds)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l pids-limit -d 'Tune the container\'s pids limit (-1 for unlimited; default 2048 where the pids controller is available)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l device-read-iops -d 'Limit read operations per second from a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l device-write-iops -d 'Limit write operations per second to a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroup-conf -d 'Set a cgroup v2 file of the container\'s cgroup (KEY=VALUE, e.g. memory.high=1G)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroups -d 'Cgroup mode: enabled (a cgroup of its own where the host allows; with limits, required), disabled (none: the container stays in the caller\'s cgroup), no-conmon (as enabled: rpod\'s monitor never has a cgroup of its own), split (below the caller\'s own cgroup)' -r -f -a "enabled\t'A cgroup of its own where the host lets rpod make one (with limits: required)'
disabled\t'No cgroup of its own: the container stays in the caller\'s cgroup; no limits'
no-conmon\t'As enabled (rpod\'s monitor never has a cgroup of its own)'
split\t'Its cgroup below the caller\'s own cgroup'"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l systemd -d 'Run the container in systemd mode: true (when the command is /sbin/init, /usr/sbin/init, /usr/local/sbin/init or systemd), false, or always. Systemd mode: tmpfs on /run, /run/lock, /tmp, /var/log/journal, a writable cgroup (cgroup v2, a cgroup of its own: refused where rpod cannot give one), stop signal SIGRTMIN+3, container_uuid set' -r -f -a "true\t''
false\t''
always\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l pull -d 'Pull the image: always, missing (when not in local storage), never, newer' -r -f -a "always\t'Pull the image before every create'
missing\t'Pull only when the image is not in local storage'
never\t'Never pull: the image must be in local storage'
newer\t'Pull when the registry has a newer image (layers already stored are reused)'"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l tls-verify -d 'Require HTTPS and verify certificates when pulling a missing image' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l authfile -d 'Path of the authentication file for pulling a missing image (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s d -l detach -d 'Run the container in the background and print its ID'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l rmi -d 'Remove the image after the container exits, unless other containers use it (implies --rm)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s i -l interactive -d 'Keep STDIN open even if not attached'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l rm -d 'Remove the container (and its files) when it exits'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l init -d 'Run an init inside the container that forwards signals and reaps processes'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s P -l publish-all -d 'Publish every exposed port (the image\'s EXPOSE and --expose) to a random host port'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only -d 'Make the container\'s root filesystem read-only'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l privileged -d 'Give extended privileges to the container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l rootfs -d 'The first argument is not an image but the container\'s root file system, a directory (PATH:O: an overlay on it, whose changes are discarded when the container stops); the container is configured by the flags alone'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l disable-content-trust -d 'Docker\'s content trust is not used (Podman\'s no-op, for Docker\'s scripts)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l no-healthcheck -d 'Disable any healthcheck defined in the image'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l env-host -d 'Use all the current host environment variables in the container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l unsetenv-all -d 'Unset all default environment variables (only those of --env and --env-file stay)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l no-hosts -d 'Do not create /etc/hosts for the container (the image\'s stays)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l replace -d 'Replace (remove) a container of the same name first'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Suppress output information when pulling images'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l detach-keys -d 'Override the key sequence for detaching a container' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l sig-proxy -d 'Proxy received signals to the container (without a terminal)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -s f -l filter -d 'Start the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l all -d 'Start all containers that are not running'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -s a -l attach -d 'Attach the container\'s STDOUT and STDERR'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -s i -l interactive -d 'Attach the container\'s STDIN'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l format -d 'Pretty-print stats to JSON or using a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -s i -l interval -d 'Seconds between refreshes when streaming' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -s a -l all -d 'Show all containers (default: only running ones)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-stream -d 'Disable streaming stats and only pull the first result'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-trunc -d 'Do not truncate output'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-reset -d 'Do not clear the screen between intervals when streaming'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -s t -l time -d 'Seconds to wait for the stop signal before killing the container (default: the container\'s stop timeout)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -s s -l signal -d 'Signal to send instead of the container\'s stop signal (Docker\'s flag)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -s f -l filter -d 'Act on the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l cidfile -d 'Read the container ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -s a -l all -d 'Stop all running containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'Ignore errors when a specified container is missing'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l cidfile -d 'Read the container ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -s f -l filter -d 'Act on the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -s a -l all -d 'Pause (or unpause) all running (or paused) containers'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -s m -l memory -d 'Memory limit (e.g. 64m, 1g)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l memory-swap -d 'Memory plus swap limit; -1 for unlimited swap' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l cpus -d 'Number of CPUs (e.g. 1.5)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -s c -l cpu-shares -d 'CPU shares (relative weight, converted to cpu.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l blkio-weight -d 'Block IO relative weight, 10 to 1000 (cgroup v2 io.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l blkio-weight-device -d 'Block IO relative weight of a device (DEVICE:WEIGHT)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l device-read-bps -d 'Limit read rate from a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l device-write-bps -d 'Limit write rate to a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l memory-reservation -d 'Memory soft limit (memory.low)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l cpu-quota -d 'Limit the CPU CFS quota (microseconds per period)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l cpu-period -d 'Limit the CPU CFS period (microseconds)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l pids-limit -d 'Tune the container\'s pids limit (-1 for unlimited; default 2048 where the pids controller is available)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l device-read-iops -d 'Limit read operations per second from a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l device-write-iops -d 'Limit write operations per second to a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l condition -d 'Condition to wait on' -r -f -a "created\t''
running\t''
paused\t''
exited\t''
stopped\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -s i -l interval -d 'Time to wait between polls for the condition (a duration such as 250ms or 2s; a bare number is milliseconds)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand cp" -s a -l archive -d 'Keep the source\'s owners (UID and GID); without it, files copied into a container belong to its root and files copied out to you' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand cp" -s L -l follow-link -d 'Always follow a symbolic link in SRC_PATH'
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l overwrite -d 'Allow to overwrite directories with non-directories and vice versa'
complete -c rpod -n "__fish_rpod_using_subcommand cp" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand cp" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand create" -s a -l attach -d 'Attach to STDIN, STDOUT or STDERR when started with `start -a` (default: all three)' -r -f -a "stdin\t''
stdout\t''
stderr\t''"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l init-ctr -d 'Make this an init container of its pod (needs --pod): always (run to completion at every pod start, before the other containers) or once (at the first pod start, then removed)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l name -d 'Assign a name to the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l restart -d 'Restart policy: no, on-failure[:max-retries], always, unless-stopped' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to pass the caller\'s value)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l env-file -d 'Read in a file of environment variables' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -s l -l label -d 'Set metadata on the container (KEY=VALUE)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l entrypoint -d 'Overwrite the default ENTRYPOINT of the image (a program, or a JSON array)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -s w -l workdir -d 'Working directory inside the container (created if missing)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -s h -l hostname -d 'Set container hostname (default: the short container ID)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l network -d 'Connect the container to a network: pasta[:OPTIONS] (the rootless default), slirp4netns[:OPTIONS], none, host, private (loopback only), container:NAME, ns:PATH, bridge or a network name' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -s p -l publish -d 'Publish a container\'s port to the host ([IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], ranges N-M, IPv6 in brackets; no HOST_PORT: a random one)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l expose -d 'Expose a port or a range of ports (PORT[-PORT][/PROTOCOL]), published by -P' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l init-path -d 'With --init: run this program as the container\'s init instead of rpod\'s own (mounted read-only at /run/podman-init, given `-- COMMAND...`, as Podman\'s catatonit)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand create" -l hostuser -d 'Give a host user (name or UID) an entry in the container\'s /etc/passwd' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l uidmap -d 'Run in a user namespace of its own with this UID map, CONTAINER_UID:FROM_UID:AMOUNT (repeatable; FROM as root a host UID, rootless one of your user namespace: 0 is you, 1 and up your subordinate UIDs)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l gidmap -d 'The GID map as --uidmap\'s (default: --uidmap\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l subuidname -d 'Run in a user namespace of its own mapping its UIDs, from 0 up, to NAME\'s ranges in /etc/subuid' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l subgidname -d 'Map its GIDs, from 0 up, to NAME\'s ranges in /etc/subgid' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l seccomp-policy -d 'Where the seccomp profile comes from: default (--security-opt seccomp or the default profile) or image (the image\'s io.containers.seccomp.profile label)' -r -f -a "default\t''
image\t''"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l sdnotify -d 'How the caller\'s NOTIFY_SOCKET (systemd\'s Type=notify) is used: container (the container reports readiness through a socket of its own), conmon (ready once started) or ignore' -r -f -a "container\t''
conmon\t''
ignore\t''"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l chrootdirs -d 'A directory in the container treated as a chroot: the engine\'s files (/etc/hosts, /etc/resolv.conf, /etc/hostname, /run/.containerenv) are mounted in it too (comma-separated)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l pod -d 'Run the container in a pod (name or ID), or new:NAME to make the pod (with the container\'s -p and --network)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l pod-id-file -d 'Read the ID of the pod to run the container in from the file' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand create" -l oom-score-adj -d 'Tune the host\'s OOM preferences for the container (-1000 to 1000)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l stop-signal -d 'Signal to stop the container (default: the image\'s StopSignal, else SIGTERM)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l stop-timeout -d 'Seconds to wait for the stop signal before SIGKILL' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l log-driver -d 'Logging driver for the container: k8s-file (default: containers.conf\'s log_driver), json-file, journald, none' -r -f -a "k8s-file\t'Podman\'s k8s-file format, read by `rpod logs`'
json-file\t'Docker\'s json-file format, read by `rpod logs`'
journald\t'The systemd journal (refused: rpod does not write to it)'
none\t'No log'"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l log-opt -d 'Logging driver options: max-size=SIZE (e.g. 10m) rotates the log' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l annotation -d 'Add an annotation to the container (KEY=VALUE)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l cidfile -d 'Write the container ID to the file (which must not exist)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand create" -l timeout -d 'Maximum time in seconds the container may run; it is killed when the time expires (0: no limit)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l pidfile -d 'Write the container\'s PID to the file when it starts' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand create" -l conmon-pidfile -d 'Write the PID of the container\'s monitor (rpod\'s conmon) to the file when it starts' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand create" -l health-cmd -d 'Healthcheck command: a shell command, a JSON array (exec form), or none' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l health-interval -d 'Time between healthchecks (default 30s; disable: only `healthcheck run`)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l health-retries -d 'Consecutive failures before the container is unhealthy (default 3)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l health-start-period -d 'Time after the start when failures do not count yet (default 0s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l health-timeout -d 'Time after which a healthcheck counts as failed (default 30s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l health-on-failure -d 'What to do when the container becomes unhealthy' -r -f -a "none\t''
kill\t''
restart\t''
stop\t''"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l env-merge -d 'Preprocess default environment variables for the container (KEY=VALUE with ${KEY} from the image)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l unsetenv -d 'Unset a default environment variable of the image or the engine' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l label-file -d 'Read in a line-delimited file of labels' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand create" -l group-add -d 'Add additional groups to the container\'s process (names or GIDs)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l sysctl -d 'Namespaced kernel parameters (net.*, kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l umask -d 'Set the umask inside the container (octal, default 0022)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l personality -d 'The container\'s execution domain: LINUX, or LINUX32 (uname -m reports a 32-bit machine)' -r -f -a "LINUX\t''
LINUX32\t''"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l requires -d 'Containers that are started before this one (names or IDs, comma-separated)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l tz -d 'Set the time zone in the container (local, or a zone such as Europe/Berlin)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l secret -d 'Give the container a secret (`rpod secret create`): NAME[,type=mount|env][,target=PATH|VAR][,uid=UID,gid=GID,mode=MODE]; a mount is read-only at /run/secrets/NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l read-only-tmpfs -d 'With --read-only, mount tmpfs on /tmp, /var/tmp and /run' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l passwd -d 'Add entries to /etc/passwd and /etc/group for a numeric --user the image does not have' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l passwd-entry -d 'Entry to write to /etc/passwd ($USERNAME, $UID, $GID, $NAME, $HOME are replaced)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l mount -d 'Attach a file system mount: type=bind|volume|tmpfs|image|devpts,source=...,target=...[,readonly][,bind-propagation=...][,tmpfs-size=...][,tmpfs-mode=...][,U][,relabel=...]' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l tmpfs -d 'Mount a tmpfs: CONTAINER-DIR[:OPTIONS] (default rw,noexec,nosuid,nodev)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l volumes-from -d 'Mount the volumes and bind mounts of another container: CONTAINER[:ro|rw]' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l image-volume -d 'What the image\'s VOLUMEs become: bind (anonymous volumes), tmpfs, ignore' -r -f -a "bind\t'An anonymous volume, filled with the image\'s files there on first use'
tmpfs\t'A tmpfs'
ignore\t'Nothing: the image\'s files stay as they are in the container\'s root'"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l device-cgroup-rule -d 'Allow devices in the device cgroup (TYPE MAJOR:MINOR ACCESS, e.g. "c 4:64 rwm")' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l cap-add -d 'Add capabilities to the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l cap-drop -d 'Drop capabilities from the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l security-opt -d 'Security options: seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false]' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l userns -d 'User namespace: host (the default), or keep-id[:uid=UID,gid=GID] (rootless: your own UID and GID inside, and the container\'s files yours on the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l ulimit -d 'Ulimit options (TYPE=SOFT[:HARD], e.g. nofile=1024:2048)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l shm-size -d 'Size of /dev/shm (e.g. 64m); one that joins another container\'s IPC namespace (--ipc container:, a pod\'s) shares its /dev/shm, of its size' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l pid -d 'PID namespace to use: private, host' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l ipc -d 'IPC namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l uts -d 'UTS namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l cgroupns -d 'Cgroup namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l device -d 'Add a host device to the container (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l cgroup-parent -d 'Where the container\'s cgroup is made: an absolute cgroup path (rootless: below your delegated cgroup) or one relative to rpod\'s default place' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, either case) into the container, below the image\'s and -e (default: containers.conf http_proxy, true)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand create" -s v -l volume -d 'Bind mount a host path or mount a volume: HOST-DIR:CONTAINER-DIR[:OPTIONS], VOLUME:CONTAINER-DIR[:OPTIONS], or CONTAINER-DIR (an anonymous volume); options ro, rw, z, Z, U, O, noexec, nosuid, nodev, [r]private, [r]shared, [r]slave, nocopy' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l dns -d 'Set custom DNS servers (replace the host\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l dns-search -d 'Set custom DNS search domains (`.`: none)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l dns-option -d 'Set custom DNS options' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l add-host -d 'Add a custom host-to-IP mapping (NAME:IP, or NAME:host-gateway for the address that reaches the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l ip -d 'Container IPv4 address on its bridge network (e.g. 10.88.64.128)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l ip6 -d 'Container IPv6 address on its bridge network (e.g. fd46:db93:aa76:ac37::10)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l mac-address -d 'Container MAC address on its bridge network (e.g. 92:d0:c6:0a:29:33)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l network-alias -d 'Add a network-scoped alias for the container (names it on networks with DNS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l platform -d 'Pull the image for this platform (OS/ARCH[/VARIANT]) instead of the host\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l arch -d 'Use ARCH instead of the host\'s architecture when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l os -d 'Use OS instead of the host\'s operating system when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l variant -d 'Use VARIANT instead of the default architecture variant when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -s m -l memory -d 'Memory limit (e.g. 64m, 1g)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l memory-swap -d 'Memory plus swap limit; -1 for unlimited swap' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l cpus -d 'Number of CPUs (e.g. 1.5)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -s c -l cpu-shares -d 'CPU shares (relative weight, converted to cpu.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l blkio-weight -d 'Block IO relative weight, 10 to 1000 (cgroup v2 io.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l blkio-weight-device -d 'Block IO relative weight of a device (DEVICE:WEIGHT)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l device-read-bps -d 'Limit read rate from a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l device-write-bps -d 'Limit write rate to a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l memory-reservation -d 'Memory soft limit (memory.low)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l cpu-quota -d 'Limit the CPU CFS quota (microseconds per period)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l cpu-period -d 'Limit the CPU CFS period (microseconds)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l pids-limit -d 'Tune the container\'s pids limit (-1 for unlimited; default 2048 where the pids controller is available)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l device-read-iops -d 'Limit read operations per second from a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l device-write-iops -d 'Limit write operations per second to a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l cgroup-conf -d 'Set a cgroup v2 file of the container\'s cgroup (KEY=VALUE, e.g. memory.high=1G)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l cgroups -d 'Cgroup mode: enabled (a cgroup of its own where the host allows; with limits, required), disabled (none: the container stays in the caller\'s cgroup), no-conmon (as enabled: rpod\'s monitor never has a cgroup of its own), split (below the caller\'s own cgroup)' -r -f -a "enabled\t'A cgroup of its own where the host lets rpod make one (with limits: required)'
disabled\t'No cgroup of its own: the container stays in the caller\'s cgroup; no limits'
no-conmon\t'As enabled (rpod\'s monitor never has a cgroup of its own)'
split\t'Its cgroup below the caller\'s own cgroup'"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l systemd -d 'Run the container in systemd mode: true (when the command is /sbin/init, /usr/sbin/init, /usr/local/sbin/init or systemd), false, or always. Systemd mode: tmpfs on /run, /run/lock, /tmp, /var/log/journal, a writable cgroup (cgroup v2, a cgroup of its own: refused where rpod cannot give one), stop signal SIGRTMIN+3, container_uuid set' -r -f -a "true\t''
false\t''
always\t''"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l pull -d 'Pull the image: always, missing (when not in local storage), never, newer' -r -f -a "always\t'Pull the image before every create'
missing\t'Pull only when the image is not in local storage'
never\t'Never pull: the image must be in local storage'
newer\t'Pull when the registry has a newer image (layers already stored are reused)'"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l tls-verify -d 'Require HTTPS and verify certificates when pulling a missing image' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l authfile -d 'Path of the authentication file for pulling a missing image (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand create" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand create" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand create" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand create" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand create" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand create" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand create" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand create" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand create" -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand create" -s i -l interactive -d 'Keep STDIN open even if not attached'
complete -c rpod -n "__fish_rpod_using_subcommand create" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c rpod -n "__fish_rpod_using_subcommand create" -l rm -d 'Remove the container (and its files) when it exits'
complete -c rpod -n "__fish_rpod_using_subcommand create" -l init -d 'Run an init inside the container that forwards signals and reaps processes'
complete -c rpod -n "__fish_rpod_using_subcommand create" -s P -l publish-all -d 'Publish every exposed port (the image\'s EXPOSE and --expose) to a random host port'
complete -c rpod -n "__fish_rpod_using_subcommand create" -l read-only -d 'Make the container\'s root filesystem read-only'
complete -c rpod -n "__fish_rpod_using_subcommand create" -l privileged -d 'Give extended privileges to the container'
complete -c rpod -n "__fish_rpod_using_subcommand create" -l rootfs -d 'The first argument is not an image but the container\'s root file system, a directory (PATH:O: an overlay on it, whose changes are discarded when the container stops); the container is configured by the flags alone'
complete -c rpod -n "__fish_rpod_using_subcommand create" -l disable-content-trust -d 'Docker\'s content trust is not used (Podman\'s no-op, for Docker\'s scripts)'
complete -c rpod -n "__fish_rpod_using_subcommand create" -l no-healthcheck -d 'Disable any healthcheck defined in the image'
complete -c rpod -n "__fish_rpod_using_subcommand create" -l env-host -d 'Use all the current host environment variables in the container'
complete -c rpod -n "__fish_rpod_using_subcommand create" -l unsetenv-all -d 'Unset all default environment variables (only those of --env and --env-file stay)'
complete -c rpod -n "__fish_rpod_using_subcommand create" -l no-hosts -d 'Do not create /etc/hosts for the container (the image\'s stays)'
complete -c rpod -n "__fish_rpod_using_subcommand create" -l replace -d 'Replace (remove) a container of the same name first'
complete -c rpod -n "__fish_rpod_using_subcommand create" -s q -l quiet -d 'Suppress output information when pulling images'
complete -c rpod -n "__fish_rpod_using_subcommand create" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l format -d 'Change the output format (json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand diff" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand diff" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand diff" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand events" -s f -l filter -d 'Filter output (container=, event=/status=, image=, label=, type=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand events" -l format -d 'Format the output as JSON or with a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand events" -l no-trunc -d 'Do not truncate the IDs in the output' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand events" -l since -d 'Show all events created since TIMESTAMP (a time, Unix seconds, or a duration like 10m: that long ago)' -r
complete -c rpod -n "__fish_rpod_using_subcommand events" -l stream -d 'Stream new events as they happen; --stream=false prints the past events and exits' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand events" -l until -d 'Show all events created until TIMESTAMP (a time, Unix seconds, or a duration like 10m: that long from now)' -r
complete -c rpod -n "__fish_rpod_using_subcommand events" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand events" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand events" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand events" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand events" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand events" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand events" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand events" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand events" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand events" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand events" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand events" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand events" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand events" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand events" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand exec" -s e -l env -d 'Set environment variables' -r
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l env-file -d 'Read in a file of environment variables' -r
complete -c rpod -n "__fish_rpod_using_subcommand exec" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c rpod -n "__fish_rpod_using_subcommand exec" -s w -l workdir -d 'Working directory inside the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l detach-keys -d 'Override the key sequence for detaching from the process (with -it; empty: none)' -r
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l preserve-fds -d 'Pass N additional file descriptors (3..3+N) to the process' -r
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand exec" -s d -l detach -d 'Run the process in the background'
complete -c rpod -n "__fish_rpod_using_subcommand exec" -s i -l interactive -d 'Keep STDIN open even if not attached'
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l privileged -d 'Give extended privileges to the process'
complete -c rpod -n "__fish_rpod_using_subcommand exec" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c rpod -n "__fish_rpod_using_subcommand exec" -s l -l latest -d 'Act on the latest container rpod created (then every argument is the command)'
complete -c rpod -n "__fish_rpod_using_subcommand exec" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand exec" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand export" -s o -l output -d 'Write to a specified file (default: stdout, which must be redirected)' -r
complete -c rpod -n "__fish_rpod_using_subcommand export" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand export" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand export" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand export" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand export" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand export" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand export" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand export" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand export" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand export" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand export" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand export" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand export" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand export" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand export" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -f -a "run" -d 'Run the healthcheck of a container'
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand history" -s H -l human -d 'Display sizes and dates in human readable format (--human=false: RFC 3339 dates)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand history" -l format -d 'Change the output format to JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand history" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand history" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand history" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand history" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand history" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand history" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand history" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand history" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand history" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand history" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand history" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand history" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand history" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand history" -l no-trunc -l notruncate -d 'Do not truncate the output'
complete -c rpod -n "__fish_rpod_using_subcommand history" -s q -l quiet -d 'Display only the IDs'
complete -c rpod -n "__fish_rpod_using_subcommand history" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand history" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "build" -d 'Build an image using instructions from Containerfiles'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "diff" -d 'Inspect changes to the image\'s file systems'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "exists" -d 'Check if an image exists in local storage'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "history" -d 'Show history of a specified image'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "import" -d 'Import a tarball to create a filesystem image'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "inspect" -d 'Display the configuration of an image'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "list" -d 'List images in local storage'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "ls" -d 'List images in local storage'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "load" -d 'Load image(s) from a tar archive'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "prune" -d 'Remove unused images'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "pull" -d 'Pull an image from a registry'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "push" -d 'Push an image to a specified destination'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "rm" -d 'Removes one or more images from local storage'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "save" -d 'Save image(s) to an archive'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "search" -d 'Search registries for images'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "tag" -d 'Add an additional name to a local image'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from build diff exists history import inspect list ls load prune pull push rm save search tag untag" -f -a "untag" -d 'Remove a name from a local image'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -s f -l file -d 'The Containerfile to use (default: Containerfile, else Dockerfile, in the context; several are joined)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -s t -l tag -d 'Name of the built image (repeatable)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg -d 'ARG=VALUE to supply to the builder (ARG alone takes the value from the environment)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg-file -d 'A file of ARG=VALUE lines to supply to the builder' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l target -d 'The stage to build (the last one by default)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l pull -d 'When to pull base images: always (or true), missing (or false), never, newer' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l layers -d 'Keep the images of the steps, as the cache for later builds' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image ID to the file' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l label -d 'Set a label on the image: KEY=VALUE' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l format -d 'Format of the image manifest and metadata: oci or docker' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l network -d 'The network of RUN steps: as run --network (none, host, private, pasta, slirp4netns, a bridge network)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l platform -d 'The platform to build for: only the host\'s (OS/ARCH)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l annotation -d 'Add an annotation to the image\'s manifest: KEY=VALUE (OCI format only; discarded with --format docker, as Podman)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l secret -d 'A file to expose to RUN --mount=type=secret: id=ID,src=PATH' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l ignorefile -d 'An ignore file to use instead of the context\'s .containerignore or .dockerignore' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l timestamp -d 'Set the images\' creation times to this many seconds since the epoch (default: $SOURCE_DATE_EPOCH, else now)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l authfile -d 'Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l cert-dir -d 'Use the certificates (*.crt) in this directory to verify the registry' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l creds -d 'Credentials for the registry: USERNAME[:PASSWORD] (instead of the authentication file\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l env -d 'Set an environment variable in the built image: KEY=VALUE (KEY alone: the caller\'s value, when it is set)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l unsetenv -d 'Unset an environment variable in the built image' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l from -d 'The image to start from instead of the first FROM\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l rm -d 'Remove the RUN containers after a successful build (always: rpod keeps no build container)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l force-rm -d 'Remove the RUN containers even when the build fails (always: rpod keeps no build container)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l logfile -d 'Write the build\'s output (standard output and error) to this file instead' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l logsplit -d 'With --logfile: the file of each platform is FILE_OS_ARCH' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l retry -d 'Times to retry pulling a base image from a registry (default 3)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l retry-delay -d 'Delay between the retries of a pull (a duration such as 2s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l jobs -d 'Stages to build at once, at most (rpod builds them one at a time, which any N allows)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l os -d 'The OS of the image: only the host\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l arch -d 'The architecture of the image: only the host\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l variant -d 'The architecture variant of the image: only the host\'s (none on amd64)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l os-feature -d 'A required OS feature listed in the image (FEATURE- removes one the base lists)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l os-version -d 'The required OS version listed in the image' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -s D -l disable-compression -d 'Do not compress the layers (always: the store keeps them uncompressed and push compresses them)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l skip-unused-stages -d 'Skip the stages the target does not need' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -s o -l output -d 'Also write the image\'s files: type=local,dest=DIR or type=tar,dest=FILE (DIR alone: local; -: a tar on standard output)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l cache-ttl -d 'Use only cached steps made less than this long ago (e.g. 10h; 0: no cache)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l isolation -d 'How RUN runs: oci (a container of rpod\'s runtime, the default) or rootless (the same, for a rootless build); chroot is not supported' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l cpp-flag -d 'Flags for cpp(1), which preprocesses Containerfiles whose name ends in .in' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l build-context -d 'An additional build context for FROM NAME and COPY --from=NAME: NAME=DIR, or NAME=container-image://IMAGE (also docker-image://)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l cap-add -d 'Add capabilities to the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l cap-drop -d 'Drop capabilities from the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l security-opt -d 'Security options: seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false]' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l userns -d 'User namespace: host (the default), or keep-id[:uid=UID,gid=GID] (rootless: your own UID and GID inside, and the container\'s files yours on the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l ulimit -d 'Ulimit options (TYPE=SOFT[:HARD], e.g. nofile=1024:2048)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l shm-size -d 'Size of /dev/shm (e.g. 64m); one that joins another container\'s IPC namespace (--ipc container:, a pod\'s) shares its /dev/shm, of its size' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l pid -d 'PID namespace to use: private, host' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l ipc -d 'IPC namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l uts -d 'UTS namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l cgroupns -d 'Cgroup namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l device -d 'Add a host device to the container (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l cgroup-parent -d 'Where the container\'s cgroup is made: an absolute cgroup path (rootless: below your delegated cgroup) or one relative to rpod\'s default place' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, either case) into the container, below the image\'s and -e (default: containers.conf http_proxy, true)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -s v -l volume -d 'Bind mount a host path or mount a volume: HOST-DIR:CONTAINER-DIR[:OPTIONS], VOLUME:CONTAINER-DIR[:OPTIONS], or CONTAINER-DIR (an anonymous volume); options ro, rw, z, Z, U, O, noexec, nosuid, nodev, [r]private, [r]shared, [r]slave, nocopy' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -s m -l memory -d 'Memory limit (e.g. 64m, 1g)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l memory-swap -d 'Memory plus swap limit; -1 for unlimited swap' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l cpus -d 'Number of CPUs (e.g. 1.5)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -s c -l cpu-shares -d 'CPU shares (relative weight, converted to cpu.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l blkio-weight -d 'Block IO relative weight, 10 to 1000 (cgroup v2 io.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l blkio-weight-device -d 'Block IO relative weight of a device (DEVICE:WEIGHT)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l device-read-bps -d 'Limit read rate from a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l device-write-bps -d 'Limit write rate to a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l memory-reservation -d 'Memory soft limit (memory.low)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l cpu-quota -d 'Limit the CPU CFS quota (microseconds per period)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l cpu-period -d 'Limit the CPU CFS period (microseconds)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l pids-limit -d 'Tune the container\'s pids limit (-1 for unlimited; default 2048 where the pids controller is available)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l device-read-iops -d 'Limit read operations per second from a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l device-write-iops -d 'Limit write operations per second to a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l dns -d 'Set custom DNS servers (replace the host\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l dns-search -d 'Set custom DNS search domains (`.`: none)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l dns-option -d 'Set custom DNS options' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l add-host -d 'Add a custom host-to-IP mapping (NAME:IP, or NAME:host-gateway for the address that reaches the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l no-cache -d 'Do not use cached images: run every step'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only the image ID'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l squash-all -d 'Squash all of the image\'s layers into one'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l squash -d 'Squash the image\'s new layers into one, on top of the base image\'s layers'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l disable-content-trust -d 'Docker\'s content trust is not used (Podman\'s no-op, for Docker\'s scripts)'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l stdin -d 'Pass the standard input into the RUN containers'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l compress -d 'Docker\'s flag, accepted: there is no daemon to send the context to (Podman\'s no-op)'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l omit-history -d 'Leave the build\'s history out of the image'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l no-hosts -d 'Do not create /etc/hosts for the container (the image\'s stays)'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l format -d 'Change the output format (json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -s H -l human -d 'Display sizes and dates in human readable format (--human=false: RFC 3339 dates)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l format -d 'Change the output format to JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l no-trunc -l notruncate -d 'Do not truncate the output'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Display only the IDs'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -s c -l change -d 'Apply a Dockerfile instruction to the image: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -s m -l message -d 'Set the commit message of the imported image' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l arch -d 'Set the architecture of the image (default: this host\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l os -d 'Set the operating system of the image (default: this host\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l variant -d 'Set the architecture variant of the image' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Suppress the progress output: print only the image ID'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format the output using the given Go template, or \'json\' (the default)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter output based on conditions provided: dangling=BOOL, reference=PATTERN, label=KEY[=VALUE], before=IMAGE, since=IMAGE, id=ID' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l format -d 'Change the output format to JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l sort -d 'Sort by created, id, repository, size or tag' -r -f -a "created\t''
id\t''
repository\t''
size\t''
tag\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all images, intermediate ones (a build\'s steps) included'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Display only image IDs'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l no-trunc -l notruncate -d 'Do not truncate output: full image IDs (sha256:...)'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l digests -d 'Show digests'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -s n -l noheading -d 'Do not print column headings'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l history -d 'Display the image name history'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter output based on conditions provided: dangling=BOOL, reference=PATTERN, label=KEY[=VALUE], before=IMAGE, since=IMAGE, id=ID' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l format -d 'Change the output format to JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by created, id, repository, size or tag' -r -f -a "created\t''
id\t''
repository\t''
size\t''
tag\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all images, intermediate ones (a build\'s steps) included'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Display only image IDs'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l no-trunc -l notruncate -d 'Do not truncate output: full image IDs (sha256:...)'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l digests -d 'Show digests'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print column headings'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l history -d 'Display the image name history'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -s i -l input -d 'Read from the archive FILE (or OCI layout directory) instead of standard input' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -s q -l quiet -d 'Suppress the progress output'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l filter -d 'Only prune images that pass these filters (as for `images --filter`)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all unused images, not just dangling ones'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l external -d 'Remove images even when external containers use them (rpod has none: the same images)'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l platform -d 'Pull the image for this platform (OS/ARCH[/VARIANT]) instead of the host\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l arch -d 'Use ARCH instead of the host\'s architecture when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l os -d 'Use OS instead of the host\'s operating system when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l variant -d 'Use VARIANT instead of the default architecture variant when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l authfile -d 'Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l cert-dir -d 'Use the certificates (*.crt) in this directory to verify the registry' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l creds -d 'Credentials for the registry: USERNAME[:PASSWORD] (instead of the authentication file\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -s a -l all-tags -d 'Pull all tagged images of the repository'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Suppress output information when pulling images: print only the image ID'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l disable-content-trust -d 'Docker\'s content trust is not used (Podman\'s no-op, for Docker\'s scripts)'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l compression-format -d 'Compress the layers with this algorithm' -r -f -a "gzip\t''
zstd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l compression-level -d 'Compression level (gzip 0-9, zstd 1-22)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -s f -l format -d 'Manifest type to push: oci or v2s2 (default: v2s2 for an image pulled with a Docker manifest, else oci)' -r -f -a "oci\t'OCI image manifest'
v2s2\t'Docker schema 2 manifest'"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l authfile -d 'Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l cert-dir -d 'Use the certificates (*.crt) in this directory to verify the registry' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l creds -d 'Credentials for the registry: USERNAME[:PASSWORD] (instead of the authentication file\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l digestfile -d 'Write the digest of the pushed manifest to FILE' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l sign-by -d 'Sign the image with this GPG key (fingerprint or ID; GNUPGHOME as set): a simple signing signature, written to the lookaside store registries.d configures' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l sign-passphrase-file -d 'The passphrase of the --sign-by key, read from FILE' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Suppress the progress output'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l disable-content-trust -d 'Docker\'s content trust is not used (Podman\'s no-op, for Docker\'s scripts)'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l compress -d 'Compress tarball layers when pushing to a directory (accepted: rpod pushes to registries only, whose layers are always compressed, --compression-format)'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l remove-signatures -d 'Discard any signatures when copying (rpod copies none: always so)'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all images'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove an image even when it has several names and is given by ID'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Ignore errors when a specified image does not exist'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l no-prune -d 'Do not remove dangling parent images (accepted: rpod\'s images have no parent images, pulled and loaded images are whole, so there are none to keep)'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -s o -l output -d 'Write to FILE (a directory for oci-dir and docker-dir) instead of standard output' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l format -d 'Save in this format' -r -f -a "docker-archive\t''
oci-archive\t''
oci-dir\t''
docker-dir\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -s m -l multi-image-archive -d 'Several images in one archive (accepted for Podman compatibility: several IMAGEs always are)'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l compress -d 'Compress the layers (docker-dir only)'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l uncompressed -d 'Keep the layers of OCI formats uncompressed'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -s q -l quiet -d 'Suppress the progress output'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -s f -l filter -d 'Filter the results: is-official=BOOL, is-automated=BOOL, stars=N (at least N stars)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l format -d 'Change the output format to JSON or a Go template (fields: Index, Name, Description, Stars, Official, Automated, Tag; StarCount, IsOfficial, IsAutomated)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l limit -d 'Limit the number of results per registry (0: the default, 25)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l authfile -d 'Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l cert-dir -d 'Use the certificates (*.crt) in this directory to verify the registries' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l no-trunc -d 'Do not truncate the output'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l list-tags -d 'List the tags of the repository TERM'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l compatible -d 'List stars, official and automated columns (Docker compatibility)'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand images" -s f -l filter -d 'Filter output based on conditions provided: dangling=BOOL, reference=PATTERN, label=KEY[=VALUE], before=IMAGE, since=IMAGE, id=ID' -r
complete -c rpod -n "__fish_rpod_using_subcommand images" -l format -d 'Change the output format to JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand images" -l sort -d 'Sort by created, id, repository, size or tag' -r -f -a "created\t''
id\t''
repository\t''
size\t''
tag\t''"
complete -c rpod -n "__fish_rpod_using_subcommand images" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand images" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand images" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand images" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand images" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand images" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand images" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand images" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand images" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand images" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand images" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand images" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand images" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand images" -s a -l all -d 'Show all images, intermediate ones (a build\'s steps) included'
complete -c rpod -n "__fish_rpod_using_subcommand images" -s q -l quiet -d 'Display only image IDs'
complete -c rpod -n "__fish_rpod_using_subcommand images" -l no-trunc -l notruncate -d 'Do not truncate output: full image IDs (sha256:...)'
complete -c rpod -n "__fish_rpod_using_subcommand images" -l digests -d 'Show digests'
complete -c rpod -n "__fish_rpod_using_subcommand images" -s n -l noheading -d 'Do not print column headings'
complete -c rpod -n "__fish_rpod_using_subcommand images" -l history -d 'Display the image name history'
complete -c rpod -n "__fish_rpod_using_subcommand images" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand images" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand import" -s c -l change -d 'Apply a Dockerfile instruction to the image: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR' -r
complete -c rpod -n "__fish_rpod_using_subcommand import" -s m -l message -d 'Set the commit message of the imported image' -r
complete -c rpod -n "__fish_rpod_using_subcommand import" -l arch -d 'Set the architecture of the image (default: this host\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand import" -l os -d 'Set the operating system of the image (default: this host\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand import" -l variant -d 'Set the architecture variant of the image' -r
complete -c rpod -n "__fish_rpod_using_subcommand import" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand import" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand import" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand import" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand import" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand import" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand import" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand import" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand import" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand import" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand import" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand import" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand import" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand import" -s q -l quiet -d 'Suppress the progress output: print only the image ID'
complete -c rpod -n "__fish_rpod_using_subcommand import" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand import" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand info" -s f -l format -d 'Change the output format to JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand info" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand info" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand info" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand info" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand info" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand info" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand info" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand info" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand info" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand info" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand info" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand info" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand info" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand info" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand info" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -s f -l format -d 'Format the output using the given Go template, or \'json\' (the default)' -r
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -s k -l type -d 'Only look for objects of this type' -r -f -a "container\t''
image\t''
all\t''"
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -s l -l latest -d 'Inspect the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -s s -l size -d 'Display the total file size of containers (SizeRw and SizeRootFs)'
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand kill" -s s -l signal -d 'Signal to send to the container (a name, a number, or a real-time one: RTMIN+3)' -r
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l cidfile -d 'Read the container ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand kill" -s a -l all -d 'Signal all running containers'
complete -c rpod -n "__fish_rpod_using_subcommand kill" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand kill" -s i -l ignore -d 'Ignore errors when a specified container is missing'
complete -c rpod -n "__fish_rpod_using_subcommand kill" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand kill" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand load" -s i -l input -d 'Read from the archive FILE (or OCI layout directory) instead of standard input' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand load" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand load" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand load" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand load" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand load" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand load" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand load" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand load" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand load" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand load" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand load" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand load" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand load" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand load" -s q -l quiet -d 'Suppress the progress output'
complete -c rpod -n "__fish_rpod_using_subcommand load" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand load" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand login" -s u -l username -d 'Username for the registry (prompted for on a terminal when missing)' -r
complete -c rpod -n "__fish_rpod_using_subcommand login" -s p -l password -d 'Password for the registry (prompted for on a terminal, without echo, when missing)' -r
complete -c rpod -n "__fish_rpod_using_subcommand login" -l authfile -d 'Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand login" -l cert-dir -d 'Use the certificates (*.crt) in this directory to verify the registry' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand login" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand login" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand login" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand login" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand login" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand login" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand login" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand login" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand login" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand login" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand login" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand login" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand login" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand login" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand login" -l password-stdin -d 'Take the password from standard input'
complete -c rpod -n "__fish_rpod_using_subcommand login" -l get-login -d 'Print the user name stored for the registry and exit'
complete -c rpod -n "__fish_rpod_using_subcommand login" -s v -l verbose -d 'Write more detailed information to stdout (the auth file used)'
complete -c rpod -n "__fish_rpod_using_subcommand login" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand login" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l authfile -d 'Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand logout" -s a -l all -d 'Remove the credentials of all registries'
complete -c rpod -n "__fish_rpod_using_subcommand logout" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand logout" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l since -d 'Show logs since TIMESTAMP (RFC 3339 or a date, Unix seconds, or a duration like 10m: that long ago)' -r
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l until -d 'Show logs until TIMESTAMP (RFC 3339 or a date, Unix seconds, or a duration like 10m: that long from now)' -r
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l tail -d 'Output the specified number of lines at the end of the logs (-1: all)' -r
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand logs" -s f -l follow -d 'Follow log output'
complete -c rpod -n "__fish_rpod_using_subcommand logs" -s t -l timestamps -d 'Output the timestamps of the log entries'
complete -c rpod -n "__fish_rpod_using_subcommand logs" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand logs" -s n -l names -d 'Output the container names instead of the container IDs in the log (with several containers)'
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l color -d 'Output the containers with different colors in the log (with several containers)'
complete -c rpod -n "__fish_rpod_using_subcommand logs" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand logs" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -f -a "connect" -d 'Connect a container to a network'
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -f -a "create" -d 'Create a network'
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -f -a "disconnect" -d 'Disconnect a container from a network'
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -f -a "exists" -d 'Check if the given network exists (exit 0 if it does, 1 if not)'
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -f -a "inspect" -d 'Display the network configuration for one or more networks'
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -f -a "ls" -d 'List networks'
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -f -a "list" -d 'List networks'
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -f -a "prune" -d 'Remove all unused networks'
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -f -a "reload" -d 'Reload the network of containers (their firewall rules)'
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -f -a "rm" -d 'Remove one or more networks'
complete -c rpod -n "__fish_rpod_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune reload rm remove" -f -a "remove" -d 'Remove one or more networks'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l alias -d 'Network scoped alias for the container (its name on networks with DNS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l ip -d 'A static IPv4 address for the container on this network' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l ip6 -d 'A static IPv6 address for the container on this network' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l mac-address -d 'A static MAC address for the container on this network' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from connect" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -s d -l driver -d 'Driver to manage the network (bridge)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l subnet -d 'Subnets in CIDR format (default: the first free /24 from 10.89.0.0 up)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l gateway -d 'IPv4 or IPv6 gateway for the subnet (one per --subnet, in order)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l ip-range -d 'Allocate container IPs from this range (CIDR or START-END, one per --subnet)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l ipam-driver -d 'IP Address Management driver (host-local)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l dns -d 'DNS servers aardvark-dns asks for the names it does not know' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l interface-name -d 'Name of the bridge interface (default: podmanN, the first free)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l label -d 'Set metadata on a network (KEY=VALUE)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -s o -l opt -d 'Set driver specific options: mtu=, metric=, isolate=, com.docker.network.bridge.name=' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l ipv6 -d 'Enable IPv6 networking (adds a unique-local /64 when no IPv6 subnet is given)'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l internal -d 'Restrict external access from this network'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l disable-dns -d 'Disable the DNS server (aardvark-dns) of the network'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l ignore -d 'Do not fail when the network exists (print its name)'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s f -l force -d 'Force removal of the container from the network (go on when the teardown fails)'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Pretty-print network to JSON or using a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l format -d 'Pretty-print networks to JSON or using a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Provide filter values (name=, id=, driver=, label=, label!=, dangling=, until=; the same key twice: either)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Display only network names'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate the network IDs'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print headers'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l format -d 'Pretty-print networks to JSON or using a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -s f -l filter -d 'Provide filter values (name=, id=, driver=, label=, label!=, dangling=, until=; the same key twice: either)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Display only network names'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate the network IDs'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print headers'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l filter -d 'Provide filter values (label=, label!=, until=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not prompt for confirmation'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -s a -l all -d 'Reload the networks of all running containers'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -s l -l latest -d 'Act on the latest container rpod is aware of'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for running containers to stop before killing them (with --force)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove any containers using the network'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -s t -l time -d 'Seconds to wait for running containers to stop before killing them (with --force)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -s f -l force -d 'Remove any containers using the network'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l cidfile -d 'Read the container ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pause" -s f -l filter -d 'Act on the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pause" -s a -l all -d 'Pause (or unpause) all running (or paused) containers'
complete -c rpod -n "__fish_rpod_using_subcommand pause" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pause" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pause" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "create" -d 'Create a new empty pod'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "exists" -d 'Check if a pod exists (exit 0 if it does, 1 if not)'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "inspect" -d 'Display detailed information on one or more pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "kill" -d 'Send a signal to the containers of one or more pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "logs" -d 'Fetch the logs of the containers of a pod'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "pause" -d 'Pause the containers of one or more pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "prune" -d 'Remove all stopped pods and their containers'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "ps" -d 'List pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "ls" -d 'List pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "list" -d 'List pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "restart" -d 'Restart one or more pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "rm" -d 'Remove one or more stopped pods and their containers'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "start" -d 'Start one or more pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "stats" -d 'Display the resource usage of the containers of pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "stop" -d 'Stop one or more pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "top" -d 'Display the running processes of the containers of a pod'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and not __fish_seen_subcommand_from create exists inspect kill logs pause prune ps ls list restart rm start stats stop top unpause" -f -a "unpause" -d 'Unpause the containers of one or more pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -s n -l name -d 'Assign a name to the pod' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra -d 'Create an infra container that holds the namespaces the pod shares (rpod\'s own init, no image)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-name -d 'Assign a name to the infra container (default: the pod\'s short ID followed by -infra)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-image -d 'Run this image as the infra container (its entrypoint and command, or --infra-command) instead of rpod\'s own init' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-command -d 'The infra container\'s command (its entrypoint; needs --infra-image)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-conmon-pidfile -d 'Write the PID of the infra container\'s monitor to the file' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l share -d 'The kernel namespaces the pod\'s containers share, comma-separated (cgroup, ipc, net, pid, uts, none; +NS adds to the default ipc,net,uts)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l share-parent -d 'Place the cgroups of the pod\'s containers in the pod\'s cgroup (default true)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -s h -l hostname -d 'Set the pod\'s hostname (default: the pod\'s name)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -s l -l label -d 'Set metadata on the pod (KEY=VALUE)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l label-file -d 'Read in a line-delimited file of labels' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l network -d 'The pod\'s network: pasta[:OPTIONS] (the rootless default), none, host, private, bridge or a network name' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a port of the pod to the host ([IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL])' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns -d 'Set custom DNS servers (replace the host\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns-search -d 'Set custom DNS search domains (`.`: none)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns-option -d 'Set custom DNS options' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l add-host -d 'Add a custom host-to-IP mapping (NAME:IP, or NAME:host-gateway for the address that reaches the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l ip -d 'Container IPv4 address on its bridge network (e.g. 10.88.64.128)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l ip6 -d 'Container IPv6 address on its bridge network (e.g. fd46:db93:aa76:ac37::10)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l mac-address -d 'Container MAC address on its bridge network (e.g. 92:d0:c6:0a:29:33)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l network-alias -d 'Add a network-scoped alias for the container (names it on networks with DNS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l pid -d 'The pod\'s PID namespace (with --share pid): private, host' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l uts -d 'The pod\'s UTS namespace: private, host' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l sysctl -d 'Namespaced kernel parameters of the pod\'s shared namespaces (net.* with --share net; kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.* with --share ipc)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l shm-size -d 'Size of the pod\'s /dev/shm (e.g. 64m), which its containers share with its IPC namespace (each has its own of that size when --share leaves ipc out)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l device -d 'Add a host device to every container of the pod (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l security-opt -d 'Security options of every container of the pod: seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false]' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -s v -l volume -d 'Mount a host path or a volume in every container of the pod: HOST-DIR:CONTAINER-DIR[:OPTIONS], VOLUME:CONTAINER-DIR[:OPTIONS], or CONTAINER-DIR (an anonymous volume the pod\'s containers share)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l volumes-from -d 'Mount the volumes and bind mounts of a container in every container of the pod: CONTAINER[:ro|rw]' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l cgroup-parent -d 'The cgroup under which the pod\'s cgroup is made (absolute: from the cgroup hierarchy\'s root; relative: from where rpod puts cgroups)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -s m -l memory -d 'Memory limit (e.g. 64m, 1g)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l memory-swap -d 'Memory plus swap limit; -1 for unlimited swap' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l cpus -d 'Number of CPUs (e.g. 1.5)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -s c -l cpu-shares -d 'CPU shares (relative weight, converted to cpu.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l blkio-weight -d 'Block IO relative weight, 10 to 1000 (cgroup v2 io.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l blkio-weight-device -d 'Block IO relative weight of a device (DEVICE:WEIGHT)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l device-read-bps -d 'Limit read rate from a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l device-write-bps -d 'Limit write rate to a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l userns -d 'The user namespace of every container of the pod (its infra container\'s, which they join): host (the default), or keep-id[:uid=UID,gid=GID] (rootless: your own UID and GID inside, and the containers\' files yours on the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l uidmap -d 'Run in a user namespace of its own with this UID map, CONTAINER_UID:FROM_UID:AMOUNT (repeatable; FROM as root a host UID, rootless one of your user namespace: 0 is you, 1 and up your subordinate UIDs)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l gidmap -d 'The GID map as --uidmap\'s (default: --uidmap\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l subuidname -d 'Run in a user namespace of its own mapping its UIDs, from 0 up, to NAME\'s ranges in /etc/subuid' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l subgidname -d 'Map its GIDs, from 0 up, to NAME\'s ranges in /etc/subgid' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l pod-id-file -d 'Write the pod\'s ID to the file' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l exit-policy -d 'What the pod does when its last container exits (continue)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l no-hosts -d 'Do not create /etc/hosts for the container (the image\'s stays)'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l replace -d 'If a pod with the same name exists, replace it'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from create" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format the output as JSON or with a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s l -l latest -d 'Inspect the latest pod rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -s s -l signal -d 'Signal to send to the containers of the pod (a name, a number, or a real-time one: RTMIN+3)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -s a -l all -d 'Act on all pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -s l -l latest -d 'Act on the latest pod rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -s c -l container -d 'Only the logs of this container of the pod (name or ID)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l since -d 'Show logs since TIMESTAMP (RFC 3339 or a date, Unix seconds, or a duration like 10m: that long ago)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l tail -d 'Output the specified number of lines at the end of the logs (-1: all)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l until -d 'Show logs until TIMESTAMP (RFC 3339 or a date, Unix seconds, or a duration like 10m: that long from now)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l color -d 'Output the containers with different colors in the log'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Follow log output'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -s l -l latest -d 'Act on the latest pod rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -s n -l names -d 'Output the container names instead of the container IDs in the log'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Output the timestamps of the log entries'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -s a -l all -d 'Act on all pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -s l -l latest -d 'Act on the latest pod rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not prompt for confirmation'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -s f -l filter -d 'Filter the pods (id=, name=, label=, status=, ctr-names=, ctr-ids=, ctr-status=, ctr-number=, network=, until=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l format -d 'Pretty-print the pods as JSON or with a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l sort -d 'Sort the output by created, id, name, number or status' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-ids -d 'Display the container IDs (truncated unless --no-trunc)'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-names -d 'Display the container names'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-status -d 'Display the container statuses'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -s l -l latest -d 'Show only the latest pod rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ns -d 'Display the pod\'s cgroup parent and namespace (CGROUP and NAMESPACES columns)'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Do not truncate pod and container IDs'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noheading -d 'Do not print headers'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Print the IDs of the pods only'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter the pods (id=, name=, label=, status=, ctr-names=, ctr-ids=, ctr-status=, ctr-number=, network=, until=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l format -d 'Pretty-print the pods as JSON or with a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l sort -d 'Sort the output by created, id, name, number or status' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-ids -d 'Display the container IDs (truncated unless --no-trunc)'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-names -d 'Display the container names'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-status -d 'Display the container statuses'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -s l -l latest -d 'Show only the latest pod rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ns -d 'Display the pod\'s cgroup parent and namespace (CGROUP and NAMESPACES columns)'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate pod and container IDs'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print headers'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print the IDs of the pods only'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter the pods (id=, name=, label=, status=, ctr-names=, ctr-ids=, ctr-status=, ctr-number=, network=, until=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l format -d 'Pretty-print the pods as JSON or with a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l sort -d 'Sort the output by created, id, name, number or status' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l ctr-ids -d 'Display the container IDs (truncated unless --no-trunc)'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l ctr-names -d 'Display the container names'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l ctr-status -d 'Display the container statuses'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -s l -l latest -d 'Show only the latest pod rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l ns -d 'Display the pod\'s cgroup parent and namespace (CGROUP and NAMESPACES columns)'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate pod and container IDs'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print headers'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print the IDs of the pods only'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -s a -l all -d 'Act on all pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -s l -l latest -d 'Act on the latest pod rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l pod-id-file -d 'Read the pod ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for the stop signal before killing running containers (default: each container\'s stop timeout; rm needs --force)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -s a -l all -d 'Act on all pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -s l -l latest -d 'Act on the latest pod rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -s f -l force -d 'Stop running containers first, then remove the pod with all its containers (and ignore missing pods)'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Ignore errors when a specified pod is missing'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l pod-id-file -d 'Read the pod ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -s a -l all -d 'Act on all pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -s l -l latest -d 'Act on the latest pod rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l format -d 'Pretty-print the stats as JSON or with a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -s a -l all -d 'Show the stats of all pods (default: those with running containers)'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -s l -l latest -d 'Act on the latest pod rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l no-reset -d 'Do not clear the screen between intervals when streaming'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l no-stream -d 'Print the stats once instead of streaming them'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l pod-id-file -d 'Read the pod ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -s t -l time -d 'Seconds to wait for the stop signal before killing running containers (default: each container\'s stop timeout; rm needs --force)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -s a -l all -d 'Act on all pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -s l -l latest -d 'Act on the latest pod rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'Ignore errors when a specified pod is missing'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -s l -l latest -d 'Act on the latest pod rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s a -l all -d 'Act on all pods'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s l -l latest -d 'Act on the latest pod rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand port" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand port" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand port" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand port" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand port" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand port" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand port" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand port" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand port" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand port" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand port" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand port" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand port" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand port" -s a -l all -d 'Display port information for all containers'
complete -c rpod -n "__fish_rpod_using_subcommand port" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand port" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand port" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand ps" -s f -l filter -d 'Filter output based on conditions given (status=, name=, id=, label=, label!=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l format -d 'Pretty-print containers to JSON or using a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand ps" -s n -l last -d 'Print the n last created containers (all states)' -r
complete -c rpod -n "__fish_rpod_using_subcommand ps" -s w -l watch -d 'Watch the ps output on an interval in seconds' -r
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l sort -d 'Sort output by command, created, id, image, names, runningfor, size or status' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand ps" -s a -l all -d 'Show all the containers, default is only running containers'
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l external -d 'Show containers in storage not controlled by rpod (accepted for Podman\'s scripts: rpod\'s store has none)'
complete -c rpod -n "__fish_rpod_using_subcommand ps" -s l -l latest -d 'Show the latest container created (all states)'
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l no-trunc -d 'Display the extended information'
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l noheading -d 'Do not print headers'
complete -c rpod -n "__fish_rpod_using_subcommand ps" -s q -l quiet -d 'Print the numeric IDs of the containers only'
complete -c rpod -n "__fish_rpod_using_subcommand ps" -s s -l size -d 'Display the total file sizes'
complete -c rpod -n "__fish_rpod_using_subcommand ps" -s p -l pod -d 'Print the ID and name of the pod each container is in'
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l ns -d 'Display the namespaces of the containers\' processes (CGROUPNS IPC MNT NET PIDNS USERNS UTS)'
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l sync -d 'Sync container state with the OCI runtime (accepted: rpod\'s records are always in sync, each state change is written under the container\'s lock by the command or the monitor that makes it)'
complete -c rpod -n "__fish_rpod_using_subcommand ps" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand ps" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l platform -d 'Pull the image for this platform (OS/ARCH[/VARIANT]) instead of the host\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l arch -d 'Use ARCH instead of the host\'s architecture when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l os -d 'Use OS instead of the host\'s operating system when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l variant -d 'Use VARIANT instead of the default architecture variant when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l authfile -d 'Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l cert-dir -d 'Use the certificates (*.crt) in this directory to verify the registry' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l creds -d 'Credentials for the registry: USERNAME[:PASSWORD] (instead of the authentication file\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pull" -s a -l all-tags -d 'Pull all tagged images of the repository'
complete -c rpod -n "__fish_rpod_using_subcommand pull" -s q -l quiet -d 'Suppress output information when pulling images: print only the image ID'
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l disable-content-trust -d 'Docker\'s content trust is not used (Podman\'s no-op, for Docker\'s scripts)'
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand pull" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand push" -l compression-format -d 'Compress the layers with this algorithm' -r -f -a "gzip\t''
zstd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand push" -l compression-level -d 'Compression level (gzip 0-9, zstd 1-22)' -r
complete -c rpod -n "__fish_rpod_using_subcommand push" -s f -l format -d 'Manifest type to push: oci or v2s2 (default: v2s2 for an image pulled with a Docker manifest, else oci)' -r -f -a "oci\t'OCI image manifest'
v2s2\t'Docker schema 2 manifest'"
complete -c rpod -n "__fish_rpod_using_subcommand push" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand push" -l authfile -d 'Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand push" -l cert-dir -d 'Use the certificates (*.crt) in this directory to verify the registry' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand push" -l creds -d 'Credentials for the registry: USERNAME[:PASSWORD] (instead of the authentication file\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand push" -l digestfile -d 'Write the digest of the pushed manifest to FILE' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand push" -l sign-by -d 'Sign the image with this GPG key (fingerprint or ID; GNUPGHOME as set): a simple signing signature, written to the lookaside store registries.d configures' -r
complete -c rpod -n "__fish_rpod_using_subcommand push" -l sign-passphrase-file -d 'The passphrase of the --sign-by key, read from FILE' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand push" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand push" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand push" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand push" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand push" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand push" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand push" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand push" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand push" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand push" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand push" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand push" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand push" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand push" -s q -l quiet -d 'Suppress the progress output'
complete -c rpod -n "__fish_rpod_using_subcommand push" -l disable-content-trust -d 'Docker\'s content trust is not used (Podman\'s no-op, for Docker\'s scripts)'
complete -c rpod -n "__fish_rpod_using_subcommand push" -l compress -d 'Compress tarball layers when pushing to a directory (accepted: rpod pushes to registries only, whose layers are always compressed, --compression-format)'
complete -c rpod -n "__fish_rpod_using_subcommand push" -l remove-signatures -d 'Discard any signatures when copying (rpod copies none: always so)'
complete -c rpod -n "__fish_rpod_using_subcommand push" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rpod -n "__fish_rpod_using_subcommand rename" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rename" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rename" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand rename" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand rename" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand rename" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand rename" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rename" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand rename" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand rename" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rename" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rename" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand rename" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rename" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand rename" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand restart" -s t -l time -d 'Seconds to wait for the stop signal before killing the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand restart" -s f -l filter -d 'Act on the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l cidfile -d 'Read the container ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand restart" -s a -l all -d 'Restart all containers'
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l running -d 'Restart only the containers that are running (with --all)'
complete -c rpod -n "__fish_rpod_using_subcommand restart" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand restart" -s i -l ignore -d 'Ignore errors when a specified container is missing'
complete -c rpod -n "__fish_rpod_using_subcommand restart" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand restart" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand rm" -s t -l time -d 'Seconds to wait for the stop signal before killing a running container with --force (default 0)' -r
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l filter -d 'Remove the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l cidfile -d 'Read the container ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rm" -s a -l all -d 'Remove all containers'
complete -c rpod -n "__fish_rpod_using_subcommand rm" -s f -l force -d 'Force removal of a running or paused container (and ignore missing ones)'
complete -c rpod -n "__fish_rpod_using_subcommand rm" -s v -l volumes -d 'Remove the container\'s anonymous volumes (those no other container uses)'
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l depend -d 'Remove the containers that depend on it (joined its namespaces with --pid/--ipc/--uts/--cgroupns container:ID, or --requires it) first'
complete -c rpod -n "__fish_rpod_using_subcommand rm" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand rm" -s i -l ignore -d 'Ignore errors when a specified container is missing'
complete -c rpod -n "__fish_rpod_using_subcommand rm" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand rm" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -s a -l all -d 'Remove all images'
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -s f -l force -d 'Remove an image even when it has several names and is given by ID'
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -s i -l ignore -d 'Ignore errors when a specified image does not exist'
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l no-prune -d 'Do not remove dangling parent images (accepted: rpod\'s images have no parent images, pulled and loaded images are whole, so there are none to keep)'
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand run" -s a -l attach -d 'Attach to STDIN, STDOUT or STDERR (default: STDOUT and STDERR, and STDIN with -i)' -r -f -a "stdin\t''
stdout\t''
stderr\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l detach-keys -d 'Override the key sequence for detaching a container' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l sig-proxy -d 'Proxy received signals to the container (without a terminal)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l preserve-fds -d 'Pass N additional file descriptors (3..3+N) to the container\'s process' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l name -d 'Assign a name to the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l restart -d 'Restart policy: no, on-failure[:max-retries], always, unless-stopped' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to pass the caller\'s value)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l env-file -d 'Read in a file of environment variables' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -s l -l label -d 'Set metadata on the container (KEY=VALUE)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l entrypoint -d 'Overwrite the default ENTRYPOINT of the image (a program, or a JSON array)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -s w -l workdir -d 'Working directory inside the container (created if missing)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -s h -l hostname -d 'Set container hostname (default: the short container ID)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l network -d 'Connect the container to a network: pasta[:OPTIONS] (the rootless default), slirp4netns[:OPTIONS], none, host, private (loopback only), container:NAME, ns:PATH, bridge or a network name' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -s p -l publish -d 'Publish a container\'s port to the host ([IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], ranges N-M, IPv6 in brackets; no HOST_PORT: a random one)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l expose -d 'Expose a port or a range of ports (PORT[-PORT][/PROTOCOL]), published by -P' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l init-path -d 'With --init: run this program as the container\'s init instead of rpod\'s own (mounted read-only at /run/podman-init, given `-- COMMAND...`, as Podman\'s catatonit)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -l hostuser -d 'Give a host user (name or UID) an entry in the container\'s /etc/passwd' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l uidmap -d 'Run in a user namespace of its own with this UID map, CONTAINER_UID:FROM_UID:AMOUNT (repeatable; FROM as root a host UID, rootless one of your user namespace: 0 is you, 1 and up your subordinate UIDs)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l gidmap -d 'The GID map as --uidmap\'s (default: --uidmap\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l subuidname -d 'Run in a user namespace of its own mapping its UIDs, from 0 up, to NAME\'s ranges in /etc/subuid' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l subgidname -d 'Map its GIDs, from 0 up, to NAME\'s ranges in /etc/subgid' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l seccomp-policy -d 'Where the seccomp profile comes from: default (--security-opt seccomp or the default profile) or image (the image\'s io.containers.seccomp.profile label)' -r -f -a "default\t''
image\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l sdnotify -d 'How the caller\'s NOTIFY_SOCKET (systemd\'s Type=notify) is used: container (the container reports readiness through a socket of its own), conmon (ready once started) or ignore' -r -f -a "container\t''
conmon\t''
ignore\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l chrootdirs -d 'A directory in the container treated as a chroot: the engine\'s files (/etc/hosts, /etc/resolv.conf, /etc/hostname, /run/.containerenv) are mounted in it too (comma-separated)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l pod -d 'Run the container in a pod (name or ID), or new:NAME to make the pod (with the container\'s -p and --network)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l pod-id-file -d 'Read the ID of the pod to run the container in from the file' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -l oom-score-adj -d 'Tune the host\'s OOM preferences for the container (-1000 to 1000)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l stop-signal -d 'Signal to stop the container (default: the image\'s StopSignal, else SIGTERM)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l stop-timeout -d 'Seconds to wait for the stop signal before SIGKILL' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l log-driver -d 'Logging driver for the container: k8s-file (default: containers.conf\'s log_driver), json-file, journald, none' -r -f -a "k8s-file\t'Podman\'s k8s-file format, read by `rpod logs`'
json-file\t'Docker\'s json-file format, read by `rpod logs`'
journald\t'The systemd journal (refused: rpod does not write to it)'
none\t'No log'"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l log-opt -d 'Logging driver options: max-size=SIZE (e.g. 10m) rotates the log' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l annotation -d 'Add an annotation to the container (KEY=VALUE)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cidfile -d 'Write the container ID to the file (which must not exist)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -l timeout -d 'Maximum time in seconds the container may run; it is killed when the time expires (0: no limit)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l pidfile -d 'Write the container\'s PID to the file when it starts' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -l conmon-pidfile -d 'Write the PID of the container\'s monitor (rpod\'s conmon) to the file when it starts' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -l health-cmd -d 'Healthcheck command: a shell command, a JSON array (exec form), or none' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l health-interval -d 'Time between healthchecks (default 30s; disable: only `healthcheck run`)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l health-retries -d 'Consecutive failures before the container is unhealthy (default 3)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l health-start-period -d 'Time after the start when failures do not count yet (default 0s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l health-timeout -d 'Time after which a healthcheck counts as failed (default 30s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l health-on-failure -d 'What to do when the container becomes unhealthy' -r -f -a "none\t''
kill\t''
restart\t''
stop\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l env-merge -d 'Preprocess default environment variables for the container (KEY=VALUE with ${KEY} from the image)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l unsetenv -d 'Unset a default environment variable of the image or the engine' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l label-file -d 'Read in a line-delimited file of labels' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -l group-add -d 'Add additional groups to the container\'s process (names or GIDs)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l sysctl -d 'Namespaced kernel parameters (net.*, kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l umask -d 'Set the umask inside the container (octal, default 0022)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l personality -d 'The container\'s execution domain: LINUX, or LINUX32 (uname -m reports a 32-bit machine)' -r -f -a "LINUX\t''
LINUX32\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l requires -d 'Containers that are started before this one (names or IDs, comma-separated)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l tz -d 'Set the time zone in the container (local, or a zone such as Europe/Berlin)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l secret -d 'Give the container a secret (`rpod secret create`): NAME[,type=mount|env][,target=PATH|VAR][,uid=UID,gid=GID,mode=MODE]; a mount is read-only at /run/secrets/NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l read-only-tmpfs -d 'With --read-only, mount tmpfs on /tmp, /var/tmp and /run' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l passwd -d 'Add entries to /etc/passwd and /etc/group for a numeric --user the image does not have' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l passwd-entry -d 'Entry to write to /etc/passwd ($USERNAME, $UID, $GID, $NAME, $HOME are replaced)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l mount -d 'Attach a file system mount: type=bind|volume|tmpfs|image|devpts,source=...,target=...[,readonly][,bind-propagation=...][,tmpfs-size=...][,tmpfs-mode=...][,U][,relabel=...]' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l tmpfs -d 'Mount a tmpfs: CONTAINER-DIR[:OPTIONS] (default rw,noexec,nosuid,nodev)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l volumes-from -d 'Mount the volumes and bind mounts of another container: CONTAINER[:ro|rw]' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l image-volume -d 'What the image\'s VOLUMEs become: bind (anonymous volumes), tmpfs, ignore' -r -f -a "bind\t'An anonymous volume, filled with the image\'s files there on first use'
tmpfs\t'A tmpfs'
ignore\t'Nothing: the image\'s files stay as they are in the container\'s root'"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l device-cgroup-rule -d 'Allow devices in the device cgroup (TYPE MAJOR:MINOR ACCESS, e.g. "c 4:64 rwm")' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cap-add -d 'Add capabilities to the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cap-drop -d 'Drop capabilities from the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l security-opt -d 'Security options: seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false]' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l userns -d 'User namespace: host (the default), or keep-id[:uid=UID,gid=GID] (rootless: your own UID and GID inside, and the container\'s files yours on the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l ulimit -d 'Ulimit options (TYPE=SOFT[:HARD], e.g. nofile=1024:2048)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l shm-size -d 'Size of /dev/shm (e.g. 64m); one that joins another container\'s IPC namespace (--ipc container:, a pod\'s) shares its /dev/shm, of its size' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l pid -d 'PID namespace to use: private, host' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l ipc -d 'IPC namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l uts -d 'UTS namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cgroupns -d 'Cgroup namespace to use: private, host, container:NAME' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l device -d 'Add a host device to the container (HOST[:CONTAINER][:PERMISSIONS])' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cgroup-parent -d 'Where the container\'s cgroup is made: an absolute cgroup path (rootless: below your delegated cgroup) or one relative to rpod\'s default place' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, either case) into the container, below the image\'s and -e (default: containers.conf http_proxy, true)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -s v -l volume -d 'Bind mount a host path or mount a volume: HOST-DIR:CONTAINER-DIR[:OPTIONS], VOLUME:CONTAINER-DIR[:OPTIONS], or CONTAINER-DIR (an anonymous volume); options ro, rw, z, Z, U, O, noexec, nosuid, nodev, [r]private, [r]shared, [r]slave, nocopy' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l dns -d 'Set custom DNS servers (replace the host\'s)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l dns-search -d 'Set custom DNS search domains (`.`: none)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l dns-option -d 'Set custom DNS options' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l add-host -d 'Add a custom host-to-IP mapping (NAME:IP, or NAME:host-gateway for the address that reaches the host)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l ip -d 'Container IPv4 address on its bridge network (e.g. 10.88.64.128)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l ip6 -d 'Container IPv6 address on its bridge network (e.g. fd46:db93:aa76:ac37::10)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l mac-address -d 'Container MAC address on its bridge network (e.g. 92:d0:c6:0a:29:33)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l network-alias -d 'Add a network-scoped alias for the container (names it on networks with DNS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l platform -d 'Pull the image for this platform (OS/ARCH[/VARIANT]) instead of the host\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l arch -d 'Use ARCH instead of the host\'s architecture when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l os -d 'Use OS instead of the host\'s operating system when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l variant -d 'Use VARIANT instead of the default architecture variant when pulling' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -s m -l memory -d 'Memory limit (e.g. 64m, 1g)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l memory-swap -d 'Memory plus swap limit; -1 for unlimited swap' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cpus -d 'Number of CPUs (e.g. 1.5)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -s c -l cpu-shares -d 'CPU shares (relative weight, converted to cpu.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l blkio-weight -d 'Block IO relative weight, 10 to 1000 (cgroup v2 io.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l blkio-weight-device -d 'Block IO relative weight of a device (DEVICE:WEIGHT)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l device-read-bps -d 'Limit read rate from a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l device-write-bps -d 'Limit write rate to a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l memory-reservation -d 'Memory soft limit (memory.low)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cpu-quota -d 'Limit the CPU CFS quota (microseconds per period)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cpu-period -d 'Limit the CPU CFS period (microseconds)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l pids-limit -d 'Tune the container\'s pids limit (-1 for unlimited; default 2048 where the pids controller is available)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l device-read-iops -d 'Limit read operations per second from a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l device-write-iops -d 'Limit write operations per second to a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cgroup-conf -d 'Set a cgroup v2 file of the container\'s cgroup (KEY=VALUE, e.g. memory.high=1G)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cgroups -d 'Cgroup mode: enabled (a cgroup of its own where the host allows; with limits, required), disabled (none: the container stays in the caller\'s cgroup), no-conmon (as enabled: rpod\'s monitor never has a cgroup of its own), split (below the caller\'s own cgroup)' -r -f -a "enabled\t'A cgroup of its own where the host lets rpod make one (with limits: required)'
disabled\t'No cgroup of its own: the container stays in the caller\'s cgroup; no limits'
no-conmon\t'As enabled (rpod\'s monitor never has a cgroup of its own)'
split\t'Its cgroup below the caller\'s own cgroup'"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l systemd -d 'Run the container in systemd mode: true (when the command is /sbin/init, /usr/sbin/init, /usr/local/sbin/init or systemd), false, or always. Systemd mode: tmpfs on /run, /run/lock, /tmp, /var/log/journal, a writable cgroup (cgroup v2, a cgroup of its own: refused where rpod cannot give one), stop signal SIGRTMIN+3, container_uuid set' -r -f -a "true\t''
false\t''
always\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l pull -d 'Pull the image: always, missing (when not in local storage), never, newer' -r -f -a "always\t'Pull the image before every create'
missing\t'Pull only when the image is not in local storage'
never\t'Never pull: the image must be in local storage'
newer\t'Pull when the registry has a newer image (layers already stored are reused)'"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l tls-verify -d 'Require HTTPS and verify certificates when pulling a missing image' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l authfile -d 'Path of the authentication file for pulling a missing image (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -s d -l detach -d 'Run the container in the background and print its ID'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l rmi -d 'Remove the image after the container exits, unless other containers use it (implies --rm)'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand run" -s i -l interactive -d 'Keep STDIN open even if not attached'
complete -c rpod -n "__fish_rpod_using_subcommand run" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l rm -d 'Remove the container (and its files) when it exits'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l init -d 'Run an init inside the container that forwards signals and reaps processes'
complete -c rpod -n "__fish_rpod_using_subcommand run" -s P -l publish-all -d 'Publish every exposed port (the image\'s EXPOSE and --expose) to a random host port'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l read-only -d 'Make the container\'s root filesystem read-only'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l privileged -d 'Give extended privileges to the container'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l rootfs -d 'The first argument is not an image but the container\'s root file system, a directory (PATH:O: an overlay on it, whose changes are discarded when the container stops); the container is configured by the flags alone'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l disable-content-trust -d 'Docker\'s content trust is not used (Podman\'s no-op, for Docker\'s scripts)'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l no-healthcheck -d 'Disable any healthcheck defined in the image'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l env-host -d 'Use all the current host environment variables in the container'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l unsetenv-all -d 'Unset all default environment variables (only those of --env and --env-file stay)'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l no-hosts -d 'Do not create /etc/hosts for the container (the image\'s stays)'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l replace -d 'Replace (remove) a container of the same name first'
complete -c rpod -n "__fish_rpod_using_subcommand run" -s q -l quiet -d 'Suppress output information when pulling images'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand save" -s o -l output -d 'Write to FILE (a directory for oci-dir and docker-dir) instead of standard output' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand save" -l format -d 'Save in this format' -r -f -a "docker-archive\t''
oci-archive\t''
oci-dir\t''
docker-dir\t''"
complete -c rpod -n "__fish_rpod_using_subcommand save" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand save" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand save" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand save" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand save" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand save" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand save" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand save" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand save" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand save" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand save" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand save" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand save" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand save" -s m -l multi-image-archive -d 'Several images in one archive (accepted for Podman compatibility: several IMAGEs always are)'
complete -c rpod -n "__fish_rpod_using_subcommand save" -l compress -d 'Compress the layers (docker-dir only)'
complete -c rpod -n "__fish_rpod_using_subcommand save" -l uncompressed -d 'Keep the layers of OCI formats uncompressed'
complete -c rpod -n "__fish_rpod_using_subcommand save" -s q -l quiet -d 'Suppress the progress output'
complete -c rpod -n "__fish_rpod_using_subcommand save" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand save" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand search" -s f -l filter -d 'Filter the results: is-official=BOOL, is-automated=BOOL, stars=N (at least N stars)' -r
complete -c rpod -n "__fish_rpod_using_subcommand search" -l format -d 'Change the output format to JSON or a Go template (fields: Index, Name, Description, Stars, Official, Automated, Tag; StarCount, IsOfficial, IsAutomated)' -r
complete -c rpod -n "__fish_rpod_using_subcommand search" -l limit -d 'Limit the number of results per registry (0: the default, 25)' -r
complete -c rpod -n "__fish_rpod_using_subcommand search" -l authfile -d 'Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand search" -l cert-dir -d 'Use the certificates (*.crt) in this directory to verify the registries' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand search" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand search" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand search" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand search" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand search" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand search" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand search" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand search" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand search" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand search" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand search" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand search" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand search" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand search" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand search" -l no-trunc -d 'Do not truncate the output'
complete -c rpod -n "__fish_rpod_using_subcommand search" -l list-tags -d 'List the tags of the repository TERM'
complete -c rpod -n "__fish_rpod_using_subcommand search" -l compatible -d 'List stars, official and automated columns (Docker compatibility)'
complete -c rpod -n "__fish_rpod_using_subcommand search" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand search" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -f -a "create" -d 'Create a new secret'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -f -a "inspect" -d 'Inspect a secret'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -f -a "ls" -d 'List secrets'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -f -a "list" -d 'List secrets'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and not __fish_seen_subcommand_from create inspect ls list rm" -f -a "rm" -d 'Remove one or more secrets'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -s d -l driver -d 'Specify secret driver (rpod has the file driver: unencrypted, readable only by you)' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l driver-opts -d 'Specify driver specific options (KEY=VALUE, comma-separated; file: path=DIR, where the data is kept)' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -s l -l label -d 'Specify labels on the secret (KEY=VALUE)' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l env -d 'Read secret data from environment variable (FILE is the variable\'s name)'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format inspect output using Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l pretty -d 'Print inspect output in human-readable format (over --format)'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter secret output (name=REGEX, id=REGEX)' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l format -d 'Format secret output using JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print headers'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print secret IDs only'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter secret output (name=REGEX, id=REGEX)' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l format -d 'Format secret output using JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print headers'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print secret IDs only'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all secrets'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand secret; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand start" -l detach-keys -d 'Override the key sequence for detaching a container' -r
complete -c rpod -n "__fish_rpod_using_subcommand start" -l sig-proxy -d 'Proxy received signals to the container (without a terminal)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand start" -s f -l filter -d 'Start the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand start" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand start" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand start" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand start" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand start" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand start" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand start" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand start" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand start" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand start" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand start" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand start" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand start" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand start" -l all -d 'Start all containers that are not running'
complete -c rpod -n "__fish_rpod_using_subcommand start" -s a -l attach -d 'Attach the container\'s STDOUT and STDERR'
complete -c rpod -n "__fish_rpod_using_subcommand start" -s i -l interactive -d 'Attach the container\'s STDIN'
complete -c rpod -n "__fish_rpod_using_subcommand start" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand start" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand start" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l format -d 'Pretty-print stats to JSON or using a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand stats" -s i -l interval -d 'Seconds between refreshes when streaming' -r
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand stats" -s a -l all -d 'Show all containers (default: only running ones)'
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l no-stream -d 'Disable streaming stats and only pull the first result'
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l no-trunc -d 'Do not truncate output'
complete -c rpod -n "__fish_rpod_using_subcommand stats" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l no-reset -d 'Do not clear the screen between intervals when streaming'
complete -c rpod -n "__fish_rpod_using_subcommand stats" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand stats" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand stop" -s t -l time -d 'Seconds to wait for the stop signal before killing the container (default: the container\'s stop timeout)' -r
complete -c rpod -n "__fish_rpod_using_subcommand stop" -s s -l signal -d 'Signal to send instead of the container\'s stop signal (Docker\'s flag)' -r
complete -c rpod -n "__fish_rpod_using_subcommand stop" -s f -l filter -d 'Act on the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l cidfile -d 'Read the container ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand stop" -s a -l all -d 'Stop all running containers'
complete -c rpod -n "__fish_rpod_using_subcommand stop" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand stop" -s i -l ignore -d 'Ignore errors when a specified container is missing'
complete -c rpod -n "__fish_rpod_using_subcommand stop" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand stop" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -f -a "info" -d 'Display rpod related system information'
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -f -a "events" -d 'Show rpod events'
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -f -a "doctor" -d 'Check this machine for what containers need, and say how to fix it'
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -f -a "migrate" -d 'Stop the running containers and the pause process after the subordinate ID ranges changed'
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -f -a "df" -d 'Show rpod disk usage'
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -f -a "prune" -d 'Remove unused data'
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info events doctor migrate df prune reset" -f -a "reset" -d 'Reset rpod storage'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -s f -l format -d 'Change the output format to JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -s f -l filter -d 'Filter output (container=, event=/status=, image=, label=, type=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l format -d 'Format the output as JSON or with a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l no-trunc -d 'Do not truncate the IDs in the output' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l since -d 'Show all events created since TIMESTAMP (a time, Unix seconds, or a duration like 10m: that long ago)' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l stream -d 'Stream new events as they happen; --stream=false prints the past events and exits' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l until -d 'Show all events created until TIMESTAMP (a time, Unix seconds, or a duration like 10m: that long from now)' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from events" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -s f -l format -d 'Change the output format to JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from doctor" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l new-runtime -d 'Move every container to this external OCI runtime (a path, or a name in $PATH), after stopping them' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l format -d 'Pretty-print the summary with a Go template (fields .Type .Total .Active .Size .Reclaimable), or json' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -s v -l verbose -d 'Show detailed information on disk usage'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from df" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l filter -d 'Provide filter values (label=KEY[=VALUE], label!=KEY[=VALUE], until=TIMESTAMP)' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all unused images, not just dangling ones'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not prompt for confirmation'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l volumes -d 'Prune volumes'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -s f -l force -d 'Do not prompt for confirmation'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand tag" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand tag" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand tag" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand tag" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand tag" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand tag" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand tag" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand tag" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand tag" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand tag" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand tag" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand tag" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand tag" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand tag" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand tag" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand top" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand top" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand top" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand top" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand top" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand top" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand top" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand top" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand top" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand top" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand top" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand top" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand top" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand top" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand top" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand top" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l cidfile -d 'Read the container ID from the file (repeatable)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -s f -l filter -d 'Act on the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -s a -l all -d 'Pause (or unpause) all running (or paused) containers'
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l rootless-netns -d 'Join the rootless network namespace (made if need be), where containers on user-defined networks are reachable by their address'
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand untag" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand untag" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand untag" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand untag" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand untag" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand untag" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand untag" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand untag" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand untag" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand untag" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand untag" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand untag" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand untag" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand untag" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand untag" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand update" -s m -l memory -d 'Memory limit (e.g. 64m, 1g)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l memory-swap -d 'Memory plus swap limit; -1 for unlimited swap' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l cpus -d 'Number of CPUs (e.g. 1.5)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -s c -l cpu-shares -d 'CPU shares (relative weight, converted to cpu.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l cpuset-cpus -d 'CPUs in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l cpuset-mems -d 'Memory nodes in which to allow execution (0-3, 0,1)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l blkio-weight -d 'Block IO relative weight, 10 to 1000 (cgroup v2 io.weight)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l blkio-weight-device -d 'Block IO relative weight of a device (DEVICE:WEIGHT)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l device-read-bps -d 'Limit read rate from a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l device-write-bps -d 'Limit write rate to a device (DEVICE:RATE, e.g. /dev/sda:1mb)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l memory-reservation -d 'Memory soft limit (memory.low)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l cpu-quota -d 'Limit the CPU CFS quota (microseconds per period)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l cpu-period -d 'Limit the CPU CFS period (microseconds)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l pids-limit -d 'Tune the container\'s pids limit (-1 for unlimited; default 2048 where the pids controller is available)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l device-read-iops -d 'Limit read operations per second from a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l device-write-iops -d 'Limit write operations per second to a device (DEVICE:IOPS)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand update" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand update" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand update" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand update" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand update" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand update" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand update" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand update" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand update" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand update" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand update" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand version" -s f -l format -d 'Change the output format to JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand version" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand version" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand version" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand version" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand version" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand version" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand version" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand version" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand version" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand version" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand version" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand version" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand version" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand version" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand version" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -f -a "create" -d 'Create a new volume'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -f -a "exists" -d 'Check if the given volume exists (exit 0 if it does, 1 if not)'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -f -a "export" -d 'Export the contents of a volume as a tar archive'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -f -a "import" -d 'Import a tar archive into a volume'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -f -a "inspect" -d 'Display detailed information on one or more volumes'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -f -a "ls" -d 'List volumes'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -f -a "list" -d 'List volumes'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -f -a "prune" -d 'Remove all unused volumes'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -f -a "rm" -d 'Remove one or more volumes'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove" -f -a "remove" -d 'Remove one or more volumes'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l driver -d 'Specify volume driver name' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -s l -l label -d 'Set metadata for a volume (KEY=VALUE)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -s o -l opt -d 'Set driver specific options: type=TYPE, device=DEVICE, o=OPTIONS (mounted when a container uses the volume)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l ignore -d 'Do not fail when the volume exists (print its name)'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to a specified file (default: stdout, which must be redirected)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format volume output using JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s a -l all -d 'Inspect all volumes'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter volume output (name=, label=, driver=, dangling=true|false, until=, anonymous=true|false)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l format -d 'Format volume output using JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print headers'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print volume output in quiet mode (names only)'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter volume output (name=, label=, driver=, dangling=true|false, until=, anonymous=true|false)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l format -d 'Format volume output using JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print headers'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print volume output in quiet mode (names only)'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l filter -d 'Prune only the volumes that match (label=, label!=, until=, name=, driver=, anonymous=)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not prompt for confirmation'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for running containers to stop before killing them with --force' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all volumes'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove a volume by force, even if it is being used by a container (the container is removed)'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -s t -l time -d 'Seconds to wait for running containers to stop before killing them with --force' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -s a -l all -d 'Remove all volumes'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -s f -l force -d 'Remove a volume by force, even if it is being used by a container (the container is removed)'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand volume; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l condition -d 'Condition to wait on' -r -f -a "created\t''
running\t''
paused\t''
exited\t''
stopped\t''"
complete -c rpod -n "__fish_rpod_using_subcommand wait" -s i -l interval -d 'Time to wait between polls for the condition (a duration such as 250ms or 2s; a bare number is milliseconds)' -r
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l storage-opt -d 'Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf\'s driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none' -r
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l runtime -d 'Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one' -r
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l network-config-dir -d 'Path of the directory where network configuration files are stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l cgroup-manager -d 'Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l events-backend -d 'Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)' -r -f -a "file\t''
journald\t''
none\t''"
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l hooks-dir -d 'Set the OCI hooks directory path (may be set multiple times; replaces containers.conf\'s hooks_dir)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l network-cmd-path -d 'Path to the command binary to use for setting up a network (pasta or slirp4netns)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l runtime-flag -d 'Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)' -r
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l tmpdir -d 'Path to the tmp directory for rpod\'s runtime content (the events log: TMPDIR/events/events.log)' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand wait" -s l -l latest -d 'Act on the latest container rpod created'
complete -c rpod -n "__fish_rpod_using_subcommand wait" -l noout -d 'Do not output to stdout'
complete -c rpod -n "__fish_rpod_using_subcommand wait" -s h -l help -d 'Print help'

# Container and image names, asked from rpod at completion time.
complete -c rpod -n "__fish_rpod_using_subcommand attach" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand commit" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from attach" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from commit" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from create" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exec" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from exists" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from export" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from inspect" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from kill" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from pause" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from port" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from logs" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rename" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from restart" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from rm" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from start" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stats" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from stop" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from top" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from unpause" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from update" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from wait" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand create" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand exec" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand export" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand history" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from diff" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from exists" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from history" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from inspect" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from list" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from push" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from rm" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from save" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from tag" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from untag" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand images" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand kill" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand logs" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand network; and __fish_seen_subcommand_from reload" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand pause" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand port" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand pull" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand push" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand rename" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand restart" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand rm" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand rmi" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand run" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand save" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand start" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand stats" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand stop" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand tag" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand top" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand unpause" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand untag" -f -a "(rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>')"
complete -c rpod -n "__fish_rpod_using_subcommand update" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
complete -c rpod -n "__fish_rpod_using_subcommand wait" -f -a "(rpod ps -a --format '{{.Names}}' 2>/dev/null)"
