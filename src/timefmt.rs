//! Time stamps in the spellings Podman and Docker print, without a date
//! library: UTC only, from seconds (and nanoseconds) since the Unix epoch.

/// (year, month 1-12, day 1-31) of a day count since 1970-01-01
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

struct Parts {
    year: i64,
    month: u32,
    day: u32,
    hour: i64,
    min: i64,
    sec: i64,
    weekday: usize,
}

fn parts(secs: i64) -> Parts {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    Parts {
        year,
        month,
        day,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        weekday: (days + 4).rem_euclid(7) as usize,
    }
}

const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// RFC 3339 with nanoseconds as Go's `time.RFC3339Nano` prints UTC:
/// trailing zeros of the fraction dropped, `Z` for the zone.
pub fn rfc3339_nano(secs: i64, nanos: u32) -> String {
    let p = parts(secs);
    let frac = fraction(nanos);
    format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{frac}Z", p.year, p.month, p.day, p.hour, p.min, p.sec)
}

/// Go's `.999999999`: the fraction of a second without trailing zeros,
/// nothing for whole seconds.
fn fraction(nanos: u32) -> String {
    if nanos == 0 {
        return String::new();
    }
    format!(".{nanos:09}").trim_end_matches('0').to_string()
}

/// Go's `time.Time.String()` of a UTC time, as Podman prints `CreatedAt`
/// in `ps` templates: `2026-12-07 03:15:58.123456789 +0000 UTC` (trailing
/// zeros of the fraction dropped, no fraction for whole seconds).
pub fn go_time_string(ns: i64) -> String {
    let secs = ns.div_euclid(1_000_000_000);
    let nanos = ns.rem_euclid(1_000_000_000) as u32;
    let p = parts(secs);
    let frac = fraction(nanos);
    format!("{:04}-{:02}-{:02} {:02}:{:02}:{:02}{frac} +0000 UTC", p.year, p.month, p.day, p.hour, p.min, p.sec)
}

/// Go's `time.ANSIC`: `Mon Jan  2 15:04:05 2006`.
pub fn ansic(secs: i64) -> String {
    let p = parts(secs);
    format!(
        "{} {} {:>2} {:02}:{:02}:{:02} {}",
        WEEKDAYS[p.weekday],
        MONTHS[p.month as usize - 1],
        p.day,
        p.hour,
        p.min,
        p.sec,
        p.year
    )
}

/// Seconds of an RFC 3339 time (`2024-01-01T00:00:00Z`, with optional
/// fraction and offset).
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let (date, rest) = s.split_once(['T', 't', ' '])?;
    let mut d = date.split('-').map(|x| x.parse::<i64>());
    let (y, m, day) = (d.next()?.ok()?, d.next()?.ok()?, d.next()?.ok()?);
    let time_end = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (time, zone) = rest.split_at(time_end);
    let mut t = time.split(':');
    let (hh, mm) = (t.next()?.parse::<i64>().ok()?, t.next()?.parse::<i64>().ok()?);
    let ss = t.next().map(|x| x.split('.').next().unwrap_or("0").parse::<i64>()).unwrap_or(Ok(0)).ok()?;
    let offset = match zone.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let mut z = zone[1..].split(':');
            let secs = z.next()?.parse::<i64>().ok()? * 3600 + z.next().unwrap_or("0").parse::<i64>().ok()? * 60;
            if sign == '+' {
                secs
            } else {
                -secs
            }
        }
        _ => 0,
    };
    // days_from_civil (Howard Hinnant).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hh * 3600 + mm * 60 + ss - offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants() {
        assert_eq!(rfc3339_nano(0, 0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_nano(1_704_067_200, 0), "2024-01-01T00:00:00Z");
        assert_eq!(rfc3339_nano(1_709_210_096, 120_000_000), "2024-02-29T12:34:56.12Z");
        assert_eq!(ansic(0), "Thu Jan  1 00:00:00 1970");
        assert_eq!(ansic(1_800_000_000), "Fri Jan 15 08:00:00 2027");
        assert_eq!(rfc3339_nano(-1, 0), "1969-12-31T23:59:59Z");
        assert_eq!(go_time_string(1_796_613_358_123_456_789), "2026-12-07 03:15:58.123456789 +0000 UTC");
        assert_eq!(go_time_string(1_796_613_358_120_000_000), "2026-12-07 03:15:58.12 +0000 UTC");
        assert_eq!(go_time_string(1_796_613_358_000_000_000), "2026-12-07 03:15:58 +0000 UTC");
    }

    #[test]
    fn rfc3339_times() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_rfc3339("2024-01-01T00:00:00Z"), Some(1_704_067_200));
        assert_eq!(parse_rfc3339("2024-01-01T01:00:00.123456789+01:00"), Some(1_704_067_200));
        assert_eq!(parse_rfc3339("2024-02-29T12:34:56.12Z"), Some(1_709_210_096));
        assert_eq!(parse_rfc3339("garbage"), None);
    }
}
