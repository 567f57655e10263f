# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_rpod_global_optspecs
    string join \n root= runroot= storage-driver= log-level= h/help V/version
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
complete -c rpod -n "__fish_rpod_needs_command" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rpod -n "__fish_rpod_needs_command" -s V -l version -d 'Print version'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "completion" -d 'Generate shell completion scripts'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "container" -d 'Manage containers'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "image" -d 'Manage images'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "info" -d 'Display rpod related system information'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "pull" -d 'Pull an image from a registry'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "run" -d 'Run a command in a new container'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "system" -d 'Manage rpod'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "unshare" -d 'Run a command in a modified user namespace'
complete -c rpod -n "__fish_rpod_needs_command" -f -a "version" -d 'Display the rpod version information'
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand completion" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand completion" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from run" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from run" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from run" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from run" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand container; and not __fish_seen_subcommand_from run" -f -a "run" -d 'Run a command in a new container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to pass the caller\'s value)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l env-file -d 'Read in a file of environment variables' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l entrypoint -d 'Overwrite the default ENTRYPOINT of the image (a program, or a JSON array)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s w -l workdir -d 'Working directory inside the container (created if missing)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l hostname -d 'Set container hostname (default: the short container ID)' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l network -d 'Connect the container to a network' -r -f -a "none\t'An own network namespace with only loopback'
host\t'The host\'s network namespace'
private\t'An own network namespace (loopback only until rootless networking lands)'"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-add -d 'Add capabilities to the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-drop -d 'Drop capabilities from the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l tls-verify -d 'Require HTTPS and verify certificates when pulling a missing image' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s i -l interactive -d 'Keep STDIN open'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l rm -d 'Remove the container when it exits (every container is removed when it exits until the container lifecycle lands)'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only -d 'Make the container\'s root filesystem read-only'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -l privileged -d 'Give extended privileges to the container'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Suppress output information when pulling images'
complete -c rpod -n "__fish_rpod_using_subcommand container; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from pull" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from pull" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from pull" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from pull" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand image; and not __fish_seen_subcommand_from pull" -f -a "pull" -d 'Pull an image from a registry'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l platform -d 'Pull for this platform (OS/ARCH[/VARIANT]) instead of the host\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l arch -d 'Use ARCH instead of the host\'s architecture' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l os -d 'Use OS instead of the host\'s operating system' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l variant -d 'Use VARIANT instead of the default architecture variant' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -s a -l all-tags -d 'Pull all tagged images of the repository'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Suppress output information when pulling images: print only the image ID'
complete -c rpod -n "__fish_rpod_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand info" -s f -l format -d 'Change the output format to JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand info" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand info" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand info" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand info" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand info" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l platform -d 'Pull for this platform (OS/ARCH[/VARIANT]) instead of the host\'s' -r
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l arch -d 'Use ARCH instead of the host\'s architecture' -r
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l os -d 'Use OS instead of the host\'s operating system' -r
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l variant -d 'Use VARIANT instead of the default architecture variant' -r
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand pull" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand pull" -s a -l all-tags -d 'Pull all tagged images of the repository'
complete -c rpod -n "__fish_rpod_using_subcommand pull" -s q -l quiet -d 'Suppress output information when pulling images: print only the image ID'
complete -c rpod -n "__fish_rpod_using_subcommand pull" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand run" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to pass the caller\'s value)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l env-file -d 'Read in a file of environment variables' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l entrypoint -d 'Overwrite the default ENTRYPOINT of the image (a program, or a JSON array)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -s w -l workdir -d 'Working directory inside the container (created if missing)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -s u -l user -d 'Username or UID (format: <name|uid>[:<group|gid>])' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l hostname -d 'Set container hostname (default: the short container ID)' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l network -d 'Connect the container to a network' -r -f -a "none\t'An own network namespace with only loopback'
host\t'The host\'s network namespace'
private\t'An own network namespace (loopback only until rootless networking lands)'"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cap-add -d 'Add capabilities to the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l cap-drop -d 'Drop capabilities from the container' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l tls-verify -d 'Require HTTPS and verify certificates when pulling a missing image' -r -f -a "true\t''
false\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand run" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand run" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand run" -s i -l interactive -d 'Keep STDIN open'
complete -c rpod -n "__fish_rpod_using_subcommand run" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l rm -d 'Remove the container when it exits (every container is removed when it exits until the container lifecycle lands)'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l read-only -d 'Make the container\'s root filesystem read-only'
complete -c rpod -n "__fish_rpod_using_subcommand run" -l privileged -d 'Give extended privileges to the container'
complete -c rpod -n "__fish_rpod_using_subcommand run" -s q -l quiet -d 'Suppress output information when pulling images'
complete -c rpod -n "__fish_rpod_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand system; and not __fish_seen_subcommand_from info" -f -a "info" -d 'Display rpod related system information'
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -s f -l format -d 'Change the output format to JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand system; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand unshare" -s h -l help -d 'Print help'
complete -c rpod -n "__fish_rpod_using_subcommand version" -s f -l format -d 'Change the output format to JSON or a Go template' -r
complete -c rpod -n "__fish_rpod_using_subcommand version" -l root -d 'Path to the root directory in which data, including images, is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand version" -l runroot -d 'Path to the \'run directory\' where all state information is stored' -r -F
complete -c rpod -n "__fish_rpod_using_subcommand version" -l storage-driver -d 'Select which storage driver is used to manage storage of images and containers' -r
complete -c rpod -n "__fish_rpod_using_subcommand version" -l log-level -d 'Log messages above specified level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
error\t''
fatal\t''
panic\t''"
complete -c rpod -n "__fish_rpod_using_subcommand version" -s h -l help -d 'Print help'
