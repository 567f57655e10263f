//! The messages between the engine and the container's init, and the
//! set-up steps they name.

/// One message between the engine and the container's init on their socket
/// (or, for exec errors after a start gate, the gate fifo): 16 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Msg {
    pub kind: u32,
    pub step: u32,
    pub arg: u32,
    pub errno: i32,
}

pub(crate) const MSG_LEN: usize = 16;
/// Child → engine: set-up done, blocked on the start gate.
pub(crate) const MSG_READY: u32 = 1;
/// Child → engine: the pty master is attached.
pub(crate) const MSG_PTY: u32 = 2;
/// Child → engine: a set-up step failed (`step`, `arg`, `errno`).
pub(crate) const MSG_FAIL: u32 = 3;
/// Child → engine: execve failed (`errno`); the fifo variant carries the command after the header.
pub(crate) const MSG_EXEC_FAIL: u32 = 4;
/// Engine → child: the user namespace maps are written (or the hooks ran).
pub(crate) const MSG_GO: u32 = 5;
/// Exec's first child → engine: the process it forked into the container
/// has this PID (`arg`, as the engine sees it).
pub(crate) const MSG_PID: u32 = 6;
/// Child → engine: paused for hooks (`arg` [`HOOKS_CREATE`] or
/// [`HOOKS_START`]); the engine runs them and answers [`MSG_GO`].
pub(crate) const MSG_HOOKS: u32 = 7;
/// Pause before `pivot_root` (createRuntime, createContainer).
pub(crate) const HOOKS_CREATE: u32 = 0;
/// Pause before exec (prestart, startContainer, for a container started at once).
pub(crate) const HOOKS_START: u32 = 1;

impl Msg {
    pub const fn new(kind: u32, step: Step, arg: u32, errno: i32) -> Msg {
        Msg { kind, step: step as u32, arg, errno }
    }

    pub fn encode(&self) -> [u8; MSG_LEN] {
        let mut b = [0u8; MSG_LEN];
        b[0..4].copy_from_slice(&self.kind.to_ne_bytes());
        b[4..8].copy_from_slice(&self.step.to_ne_bytes());
        b[8..12].copy_from_slice(&self.arg.to_ne_bytes());
        b[12..16].copy_from_slice(&self.errno.to_ne_bytes());
        b
    }

    pub fn decode(b: &[u8]) -> Option<Msg> {
        let w = |i: usize| -> Option<[u8; 4]> { b.get(i..i + 4)?.try_into().ok() };
        Some(Msg {
            kind: u32::from_ne_bytes(w(0)?),
            step: u32::from_ne_bytes(w(4)?),
            arg: u32::from_ne_bytes(w(8)?),
            errno: i32::from_ne_bytes(w(12)?),
        })
    }
}

/// The steps of the container's init, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub(crate) enum Step {
    None = 0,
    UserNsWait,
    BecomeRoot,
    Dumpable,
    JoinNamespace,
    MakePrivate,
    BindRoot,
    OpenTree,
    PivotRoot,
    Mount,
    Device,
    Symlink,
    Pty,
    Console,
    Sysctl,
    Mask,
    ReadOnlyPath,
    Hostname,
    Domainname,
    Loopback,
    MkdirCwd,
    Propagation,
    RootReadonly,
    Fds,
    Chdir,
    CwdOutside,
    Rlimit,
    Bounding,
    Groups,
    Gid,
    Uid,
    Caps,
    Ambient,
    NoNewPrivs,
    Gate,
    Report,
    Seccomp,
    OomScoreAdj,
    Fork,
    Session,
    InitExec,
    Unshare,
    Hooks,
    Personality,
}

pub(crate) const STEPS: [Step; 44] = [
    Step::None,
    Step::UserNsWait,
    Step::BecomeRoot,
    Step::Dumpable,
    Step::JoinNamespace,
    Step::MakePrivate,
    Step::BindRoot,
    Step::OpenTree,
    Step::PivotRoot,
    Step::Mount,
    Step::Device,
    Step::Symlink,
    Step::Pty,
    Step::Console,
    Step::Sysctl,
    Step::Mask,
    Step::ReadOnlyPath,
    Step::Hostname,
    Step::Domainname,
    Step::Loopback,
    Step::MkdirCwd,
    Step::Propagation,
    Step::RootReadonly,
    Step::Fds,
    Step::Chdir,
    Step::CwdOutside,
    Step::Rlimit,
    Step::Bounding,
    Step::Groups,
    Step::Gid,
    Step::Uid,
    Step::Caps,
    Step::Ambient,
    Step::NoNewPrivs,
    Step::Gate,
    Step::Report,
    Step::Seccomp,
    Step::OomScoreAdj,
    Step::Fork,
    Step::Session,
    Step::InitExec,
    Step::Unshare,
    Step::Hooks,
    Step::Personality,
];

impl Step {
    pub fn from_u32(n: u32) -> Step {
        STEPS.get(n as usize).copied().unwrap_or(Step::None)
    }

    /// A description that needs no plan (for reports read by `start` in
    /// another process).
    pub fn generic(self) -> &'static str {
        match self {
            Step::None => "setting up the container",
            Step::UserNsWait => "waiting for the user namespace mappings",
            Step::BecomeRoot => "becoming root in the user namespace",
            Step::Dumpable => "making the init non-dumpable",
            Step::JoinNamespace => "joining a namespace",
            Step::MakePrivate => "making the mount namespace private (MS_REC|MS_PRIVATE on /)",
            Step::BindRoot => "bind-mounting the root file system onto itself",
            Step::OpenTree => "opening a bind-mount source",
            Step::PivotRoot => "pivot_root into the root file system",
            Step::Mount => "mounting",
            Step::Device => "creating a device node",
            Step::Symlink => "creating a symlink in /dev",
            Step::Pty => "creating the container's pseudo-terminal",
            Step::Console => "bind-mounting the terminal on /dev/console",
            Step::Sysctl => "setting a sysctl",
            Step::Mask => "masking a path",
            Step::ReadOnlyPath => "making a path read-only",
            Step::Hostname => "setting the hostname",
            Step::Domainname => "setting the domain name",
            Step::Personality => "setting the execution domain (personality)",
            Step::Loopback => "bringing up the loopback interface",
            Step::MkdirCwd => "creating the working directory",
            Step::Propagation => "setting the root's mount propagation",
            Step::RootReadonly => "making the root file system read-only",
            Step::Fds => "arranging file descriptors",
            Step::Chdir => "changing to the working directory",
            Step::CwdOutside => "checking the working directory (it is outside the container)",
            Step::Rlimit => "setting a resource limit",
            Step::OomScoreAdj => "writing /proc/self/oom_score_adj",
            Step::Bounding => "dropping capabilities from the bounding set",
            Step::Groups => "setting supplementary groups",
            Step::Gid => "setting the group ID",
            Step::Uid => "setting the user ID",
            Step::Caps => "setting capabilities",
            Step::Ambient => "raising ambient capabilities",
            Step::NoNewPrivs => "setting no_new_privs",
            Step::Gate => "waiting for start on the gate fifo",
            Step::Report => "reporting to the engine",
            Step::Seccomp => "installing the seccomp filter",
            Step::Fork => "forking into the container's PID namespace",
            Step::Session => "starting a new session (setsid)",
            Step::InitExec => "executing rpod-init (--init)",
            Step::Unshare => "making the new namespaces inside the joined user namespace",
            Step::Hooks => "waiting for the engine to run the hooks",
        }
    }
}
