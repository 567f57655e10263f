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

/// Days since 1970-01-01 of a civil date (Howard Hinnant's
/// `days_from_civil`), None for a date that does not exist.
fn days_from_civil(y: i64, m: i64, d: i64) -> Option<i64> {
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d < 1 || d > month_days[m as usize - 1] {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// A run of ASCII digits at the start of `s` of `min..=max` length: (value,
/// rest).
fn digits(s: &str, min: usize, max: usize) -> Option<(i64, &str)> {
    let n = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    if n < min {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// Go's zone `Z07:00`: `Z`, or `+hh:mm`/`-hh:mm`; seconds east of UTC.
fn zone(s: &str) -> Option<i64> {
    if s == "Z" {
        return Some(0);
    }
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, rest) = digits(&s[1..], 2, 2)?;
    let (m, rest) = digits(rest.strip_prefix(':')?, 2, 2)?;
    (rest.is_empty() && h < 24 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

/// A time in one of the layouts Podman's `ParseInputTime` tries, as Go's
/// `time.Parse` reads them: RFC 3339 (`2020-01-01T10:00:00Z`, with an
/// offset, with a fraction), `2006-01-02T15:04:05` (UTC, fraction allowed),
/// `2006-01-02Z07:00` and `2006-01-02`. Unix nanoseconds.
pub fn parse_go_time_ns(s: &str) -> Option<i64> {
    let (y, rest) = digits(s, 4, 4)?;
    let (mo, rest) = digits(rest.strip_prefix('-')?, 2, 2)?;
    let (d, rest) = digits(rest.strip_prefix('-')?, 2, 2)?;
    let day_ns = days_from_civil(y, mo, d)? * 86_400 * 1_000_000_000;
    let Some(time) = rest.strip_prefix('T') else {
        let offset = if rest.is_empty() { 0 } else { zone(rest)? };
        return Some(day_ns - offset * 1_000_000_000);
    };
    let (h, rest) = digits(time, 1, 2)?;
    let (mi, rest) = digits(rest.strip_prefix(':')?, 2, 2)?;
    let (sec, mut rest) = digits(rest.strip_prefix(':')?, 2, 2)?;
    if h > 23 || mi > 59 || sec > 59 {
        return None;
    }
    let mut nanos = 0;
    if let Some(frac) = rest.strip_prefix(['.', ',']) {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        nanos = fraction_nanos(&frac[..n])?;
        rest = &frac[n..];
    }
    let offset = if rest.is_empty() { 0 } else { zone(rest)? };
    Some(day_ns + ((h * 60 + mi) * 60 + sec - offset) * 1_000_000_000 + nanos)
}

/// Go's `time.ParseDuration`: `300ms`, `-1.5h`, `2h45m`, `1µs`, `0`; in
/// nanoseconds.
pub fn parse_go_duration_ns(s: &str) -> Option<i64> {
    let (negative, mut rest) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    if rest == "0" {
        return Some(0);
    }
    if rest.is_empty() {
        return None;
    }
    let mut total = 0f64;
    while !rest.is_empty() {
        let n = rest.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
        let number = &rest[..n];
        if number.is_empty() || number == "." || number.matches('.').count() > 1 {
            return None;
        }
        let value: f64 = number.parse().ok()?;
        rest = &rest[n..];
        let u = rest.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(rest.len());
        let unit = match &rest[..u] {
            "ns" => 1.0,
            "us" | "\u{b5}s" | "\u{3bc}s" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
        rest = &rest[u..];
        total += value * unit;
    }
    if total > i64::MAX as f64 {
        return None;
    }
    let ns = total.round() as i64;
    Some(if negative { -ns } else { ns })
}

/// Nanoseconds of the digits after a decimal point (beyond 9 cut off).
fn fraction_nanos(digits: &str) -> Option<i64> {
    format!("{:0<9}", &digits[..digits.len().min(9)]).parse().ok()
}

/// Unix seconds with an optional fraction (`1600000000`, `1600000000.123`,
/// `-5`), read exactly (Go goes through a float).
fn unix_seconds_ns(s: &str) -> Option<i64> {
    let (negative, unsigned) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (whole, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if (whole.is_empty() && frac.is_empty()) || !(whole.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())) {
        return None;
    }
    let secs: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let nanos = if frac.is_empty() { 0 } else { fraction_nanos(frac)? };
    let ns = secs.checked_mul(1_000_000_000)?.checked_add(nanos)?;
    Some(if negative { -ns } else { ns })
}

/// Podman's `ParseInputTime` for `--since`/`--until` (logs, events, ...):
/// a time in one of Go's layouts ([`parse_go_time_ns`]), Unix seconds with
/// an optional fraction, or a Go duration, which counts back from `now`
/// for `since` and forward for `until` (as Podman). Unix nanoseconds.
pub fn parse_input_time(s: &str, since: bool, now_ns: i64) -> Result<i64, String> {
    if let Some(t) = parse_go_time_ns(s) {
        return Ok(t);
    }
    if let Some(t) = unix_seconds_ns(s) {
        return Ok(t);
    }
    match parse_go_duration_ns(s) {
        Some(d) if since => Ok(now_ns.saturating_sub(d)),
        Some(d) => Ok(now_ns.saturating_add(d)),
        None => Err("unable to interpret time value".into()),
    }
}

/// The instant of a `--filter until=VALUE` (containers, images, volumes,
/// networks, pods, system prune): a time, a Unix timestamp, or a duration
/// meaning that long *before* `now_ns` (Podman's `ComputeUntilTimestamp`:
/// `until=24h` keeps what is older than a day).
pub fn until_filter(value: &str, now_ns: i64) -> Result<i64, String> {
    parse_input_time(value, true, now_ns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn until_filters_look_back() {
        let now = 1_796_613_358_000_000_000;
        assert_eq!(until_filter("1h", now).unwrap(), now - 3_600_000_000_000);
        assert_eq!(until_filter("0", now).unwrap(), 0);
        assert!(until_filter("soon", now).is_err());
    }

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
    fn podman_input_times() {
        const S: i64 = 1_000_000_000;
        let t = |s: &str| parse_go_time_ns(s);
        assert_eq!(t("2020-01-01"), Some(1_577_836_800 * S));
        assert_eq!(t("2020-01-01Z"), Some(1_577_836_800 * S));
        assert_eq!(t("2020-01-01+01:00"), Some((1_577_836_800 - 3600) * S));
        assert_eq!(t("2020-01-01T10:00:00"), Some((1_577_836_800 + 36_000) * S));
        assert_eq!(t("2020-01-01T10:00:00Z"), Some((1_577_836_800 + 36_000) * S));
        assert_eq!(t("2020-01-01T10:00:00-02:30"), Some((1_577_836_800 + 36_000 + 9000) * S));
        assert_eq!(t("2020-01-01T10:00:00.5Z"), Some((1_577_836_800 + 36_000) * S + 500_000_000));
        assert_eq!(t("2020-01-01T10:00:00.123456789+00:00"), Some((1_577_836_800 + 36_000) * S + 123_456_789));
        assert_eq!(t("2020-01-01T10:00:00.25"), Some((1_577_836_800 + 36_000) * S + 250_000_000));
        assert_eq!(t("2024-02-29"), Some(1_709_164_800 * S));
        for bad in ["2023-02-29", "2020-13-01", "2020-01-01T25:00:00", "2020-01-01T10:00", "2020-1-1", "20200101", "x"]
        {
            assert_eq!(t(bad), None, "{bad}");
        }

        let d = |s: &str| parse_go_duration_ns(s);
        assert_eq!(d("10m"), Some(600 * S));
        assert_eq!(d("1h30m"), Some(5400 * S));
        assert_eq!(d("1.5h"), Some(5400 * S));
        assert_eq!(d("500ms"), Some(S / 2));
        assert_eq!(d("2us"), Some(2000));
        assert_eq!(d("2\u{b5}s"), Some(2000));
        assert_eq!(d("-1m"), Some(-60 * S));
        assert_eq!(d("0"), Some(0));
        for bad in ["", "10", "5x", "1h30", "m", ".s", "1..2s"] {
            assert_eq!(d(bad), None, "{bad}");
        }

        let now = 1_700_000_000 * S;
        let p = |s: &str, since: bool| parse_input_time(s, since, now);
        assert_eq!(p("1600000000", true), Ok(1_600_000_000 * S));
        assert_eq!(p("1600000000.123", true), Ok(1_600_000_000 * S + 123_000_000));
        assert_eq!(p("10m", true), Ok(now - 600 * S));
        assert_eq!(p("10m", false), Ok(now + 600 * S));
        assert_eq!(p("2020-01-01", false), Ok(1_577_836_800 * S));
        assert_eq!(p("yesterday", true), Err("unable to interpret time value".into()));
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
