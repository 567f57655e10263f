//! What rpod reads of other processes in `/proc`: whether a recorded
//! process (monitor, pause process, OCI container init) is still the same
//! one, by its start time.

/// (state letter, start time in clock ticks since boot) of a process, from
/// `/proc/PID/stat`.
pub fn stat(pid: i32) -> Option<(char, u64)> {
    if pid <= 0 {
        return None;
    }
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces and parentheses: the fields follow the last ')'.
    let rest = &s[s.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    // rest starts at field 3 (state); the start time is field 22.
    let state = fields.first()?.chars().next()?;
    let start = fields.get(22 - 3)?.parse().ok()?;
    Some((state, start))
}

/// Whether a process is on its way out: the kernel's PF_EXITING in
/// `/proc/PID/stat`'s flags (field 9), or a SIGKILL pending. A `kill -9`
/// is not instant: for a moment the process is neither running on nor a
/// zombie, and its namespaces are going away.
pub fn exiting(pid: i32) -> bool {
    const PF_EXITING: u64 = 0x4;
    let Ok(s) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { return true };
    let flags = s.rfind(')').and_then(|i| s[i + 2..].split(' ').nth(9 - 3)?.parse::<u64>().ok());
    if flags.is_none_or(|f| f & PF_EXITING != 0) {
        return true;
    }
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .filter_map(|l| l.strip_prefix("ShdPnd:").or_else(|| l.strip_prefix("SigPnd:")))
        .filter_map(|v| u64::from_str_radix(v.trim(), 16).ok())
        .any(|mask| mask & (1 << (libc::SIGKILL - 1)) != 0)
}

/// The start time of a process, if it exists and is not a zombie.
pub fn process_start(pid: i32) -> Option<u64> {
    match stat(pid)? {
        ('Z' | 'X', _) => None,
        (_, start) => Some(start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_this_process() {
        let me = std::process::id() as i32;
        assert!(process_start(me).is_some());
        assert_eq!(process_start(me), process_start(me));
        assert!(!exiting(me));
        assert_eq!(process_start(0), None);
        assert!(stat(me).is_some_and(|(state, _)| state != 'Z'));
    }
}
