//! Human-readable sizes and durations as Docker and Podman print them
//! (go-units `HumanSizeWithPrecision(size, 3)` and `HumanDuration`).

use std::time::Duration;

/// `4.52 MB`, `12.3 kB`, `512 B`: decimal units, 3 significant digits.
pub fn size(bytes: u64) -> String {
    let (value, unit) = scaled(bytes);
    format!("{} {unit}", significant(value, 3))
}

/// The value below 1000 and its decimal unit.
fn scaled(bytes: u64) -> (f64, &'static str) {
    const UNITS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    (value, UNITS[unit])
}

/// `6.253MB`, `18B`: decimal units, 4 significant digits, no space
/// (go-units `HumanSize`, as `system df` and `system prune` print sizes).
pub fn size_precise(bytes: u64) -> String {
    let (value, unit) = scaled(bytes);
    format!("{}{unit}", significant(value, 4))
}

/// `%.{digits}g` for values from 0 to below 1000.
fn significant(value: f64, digits: i32) -> String {
    if value == 0.0 {
        return "0".into();
    }
    let int_digits = (value.abs().log10().floor() as i32 + 1).max(1);
    let decimals = (digits - int_digits).max(0) as usize;
    let mut s = format!("{value:.decimals$}");
    // Rounding can carry into a new digit (999.6 -> "1000"): Go prints 1e+03.
    if s.split('.').next().is_some_and(|i| i.len() as i32 > digits) {
        return format!("1e+{int_digits:02}");
    }
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    s
}

/// `Less than a second`, `3 seconds`, `About a minute`, `5 minutes`,
/// `About an hour`, `3 hours`, `4 days`, `2 weeks`, `3 months`, `2 years`.
pub fn duration(d: Duration) -> String {
    let secs = d.as_secs();
    let minutes = secs / 60;
    let hours = (d.as_secs_f64() / 3600.0).round() as u64;
    match secs {
        0 => "Less than a second".into(),
        1 => "1 second".into(),
        2..=59 => format!("{secs} seconds"),
        _ if minutes == 1 => "About a minute".into(),
        _ if minutes < 60 => format!("{minutes} minutes"),
        _ if hours == 1 => "About an hour".into(),
        _ if hours < 48 => format!("{hours} hours"),
        _ if hours < 24 * 7 * 2 => format!("{} days", hours / 24),
        _ if hours < 24 * 30 * 2 => format!("{} weeks", hours / 24 / 7),
        _ if hours < 24 * 365 * 2 => format!("{} months", hours / 24 / 30),
        _ => format!("{} years", secs / 3600 / 24 / 365),
    }
}

/// `duration(now - then) + " ago"`, for CREATED columns; a time in the
/// future (clock skew) counts as now.
pub fn ago(then_unix: i64, now_unix: i64) -> String {
    let d = Duration::from_secs(now_unix.saturating_sub(then_unix).max(0) as u64);
    format!("{} ago", duration(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_like_go_units() {
        assert_eq!(size(0), "0 B");
        assert_eq!(size(512), "512 B");
        assert_eq!(size(1000), "1 kB");
        assert_eq!(size(1536), "1.54 kB");
        assert_eq!(size(4_520_000), "4.52 MB");
        assert_eq!(size(12_345_678), "12.3 MB");
        assert_eq!(size(123_456_789), "123 MB");
        assert_eq!(size(382_000_000), "382 MB");
        assert_eq!(size(999_600), "1e+03 kB");
        assert_eq!(size(5_000_000_000), "5 GB");
    }

    #[test]
    fn durations_like_go_units() {
        let s = Duration::from_secs;
        assert_eq!(duration(Duration::from_millis(300)), "Less than a second");
        assert_eq!(duration(s(1)), "1 second");
        assert_eq!(duration(s(45)), "45 seconds");
        assert_eq!(duration(s(90)), "About a minute");
        assert_eq!(duration(s(7 * 60)), "7 minutes");
        assert_eq!(duration(s(3600 + 600)), "About an hour");
        assert_eq!(duration(s(5 * 3600)), "5 hours");
        assert_eq!(duration(s(3 * 86400)), "3 days");
        assert_eq!(duration(s(20 * 86400)), "2 weeks");
        assert_eq!(duration(s(90 * 86400)), "3 months");
        assert_eq!(duration(s(800 * 86400)), "2 years");
        assert_eq!(ago(100, 107), "7 seconds ago");
        assert_eq!(ago(200, 100), "Less than a second ago");
    }
}
