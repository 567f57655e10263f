//! User namespace ID mappings: `/etc/subuid`, `/etc/subgid` and
//! `/proc/self/{uid,gid}_map`.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// One line of an ID map: `size` IDs starting at `container_id` inside map
/// to IDs starting at `host_id` outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdMap {
    pub container_id: u32,
    pub host_id: u32,
    pub size: u32,
}

/// A subordinate ID range of `/etc/subuid` or `/etc/subgid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubIdRange {
    pub start: u32,
    pub count: u32,
}

/// The ranges of `content` (the text of `/etc/subuid` or `/etc/subgid`)
/// that belong to the user, named or by number, in file order. Malformed
/// lines and comments are skipped, as shadow-utils does.
pub fn parse_subids(content: &str, user: Option<&str>, id: u32) -> Vec<SubIdRange> {
    let id_str = id.to_string();
    content
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut parts = line.split(':');
            let (owner, start, count) = (parts.next()?, parts.next()?, parts.next()?);
            if owner != id_str && Some(owner) != user {
                return None;
            }
            let start = start.trim().parse().ok()?;
            let count: u32 = count.trim().parse().ok()?;
            (count > 0).then_some(SubIdRange { start, count })
        })
        .collect()
}

/// The ranges of a subordinate ID file; a missing file means no ranges.
pub fn read_subids(path: &Path, user: Option<&str>, id: u32) -> std::io::Result<Vec<SubIdRange>> {
    match std::fs::read_to_string(path) {
        Ok(s) => Ok(parse_subids(&s, user, id)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// The mapping a rootless user namespace gets: the user's own ID as 0, then
/// each subordinate range in order from 1 up (what Podman does).
pub fn rootless_mapping(own_id: u32, ranges: &[SubIdRange]) -> Vec<IdMap> {
    let mut maps = vec![IdMap { container_id: 0, host_id: own_id, size: 1 }];
    let mut next = 1u32;
    for r in ranges {
        maps.push(IdMap { container_id: next, host_id: r.start, size: r.count });
        next = next.saturating_add(r.count);
    }
    maps
}

/// The mapping of Podman's `--userns=keep-id`, for a container user
/// namespace made inside the engine's (whose IDs are `0..total`, the
/// user's own ID being 0 there): the user's own ID appears as `own_id`
/// inside, root and the IDs below `own_id` take the subordinate IDs from 1
/// up, and the IDs above `own_id` map to themselves.
///
/// `container 0..own_id -> 1..`, `own_id -> 0`, `own_id+1.. -> own_id+1..`
/// (each range cut at `total`).
pub fn keep_id_mapping(own_id: u32, total: u32) -> Vec<IdMap> {
    let below = own_id.min(total.saturating_sub(1));
    let mut maps = Vec::new();
    if below > 0 {
        maps.push(IdMap { container_id: 0, host_id: 1, size: below });
    }
    maps.push(IdMap { container_id: own_id, host_id: 0, size: 1 });
    if total > own_id.saturating_add(1) {
        let start = own_id + 1;
        maps.push(IdMap { container_id: start, host_id: start, size: total - start });
    }
    maps
}

/// The number of IDs a mapping gives (the size of the ID space inside).
pub fn mapped_count(maps: &[IdMap]) -> u32 {
    maps.iter().fold(0u32, |n, m| n.saturating_add(m.size))
}

/// `id` (inside) translated to the outside of `maps`; None when unmapped.
pub fn to_host(maps: &[IdMap], id: u32) -> Option<u32> {
    maps.iter()
        .find(|m| id >= m.container_id && id - m.container_id < m.size)
        .map(|m| m.host_id + (id - m.container_id))
}

/// Parse `/proc/PID/uid_map` or `gid_map`.
pub fn parse_proc_map(content: &str) -> Vec<IdMap> {
    content
        .lines()
        .filter_map(|line| {
            let mut f = line.split_whitespace().map(|x| x.parse::<u32>());
            match (f.next(), f.next(), f.next()) {
                (Some(Ok(c)), Some(Ok(h)), Some(Ok(s))) => Some(IdMap { container_id: c, host_id: h, size: s }),
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subids_by_name_and_number() {
        let text = "# comment\nalice:100000:65536\nbob:165536:65536\n1001:231072:1000\nbroken line\nalice:300000:0\nalice:x:5\n";
        assert_eq!(parse_subids(text, Some("alice"), 1000), vec![SubIdRange { start: 100000, count: 65536 }]);
        assert_eq!(parse_subids(text, Some("carol"), 1001), vec![SubIdRange { start: 231072, count: 1000 }]);
        assert!(parse_subids(text, None, 4242).is_empty());
    }

    #[test]
    fn rootless_mapping_puts_own_id_at_zero() {
        let ranges = [SubIdRange { start: 100000, count: 65536 }, SubIdRange { start: 300000, count: 10 }];
        let m = rootless_mapping(1000, &ranges);
        assert_eq!(
            m,
            vec![
                IdMap { container_id: 0, host_id: 1000, size: 1 },
                IdMap { container_id: 1, host_id: 100000, size: 65536 },
                IdMap { container_id: 65537, host_id: 300000, size: 10 },
            ]
        );
        assert_eq!(rootless_mapping(1000, &[]).len(), 1);
    }

    #[test]
    fn keep_id_maps_own_id_to_zero_and_keeps_root() {
        // Engine namespace: 0 = the user, 1..=65536 = subordinate IDs.
        let m = keep_id_mapping(1000, 65537);
        assert_eq!(
            m,
            vec![
                IdMap { container_id: 0, host_id: 1, size: 1000 },
                IdMap { container_id: 1000, host_id: 0, size: 1 },
                IdMap { container_id: 1001, host_id: 1001, size: 64536 },
            ]
        );
        assert_eq!(mapped_count(&m), 65537);
        assert_eq!(to_host(&m, 0), Some(1));
        assert_eq!(to_host(&m, 999), Some(1000));
        assert_eq!(to_host(&m, 1000), Some(0));
        assert_eq!(to_host(&m, 1001), Some(1001));
        assert_eq!(to_host(&m, 65536), Some(65536));
        assert_eq!(to_host(&m, 65537), None);
        // Every engine ID is used once.
        let mut outside: Vec<u32> = (0..65537).filter_map(|i| to_host(&m, i)).collect();
        outside.sort_unstable();
        assert_eq!(outside, (0..65537).collect::<Vec<_>>());
        // A user whose own ID lies beyond the range: only as many below it
        // as there are subordinate IDs.
        assert_eq!(
            keep_id_mapping(5000, 11),
            vec![IdMap { container_id: 0, host_id: 1, size: 10 }, IdMap { container_id: 5000, host_id: 0, size: 1 }]
        );
        // No subordinate IDs: the user alone.
        assert_eq!(keep_id_mapping(1000, 1), vec![IdMap { container_id: 1000, host_id: 0, size: 1 }]);
        assert_eq!(
            keep_id_mapping(0, 65537),
            vec![IdMap { container_id: 0, host_id: 0, size: 1 }, IdMap { container_id: 1, host_id: 1, size: 65536 }]
        );
    }

    #[test]
    fn proc_map_parses() {
        assert_eq!(
            parse_proc_map("         0          0 4294967295\n"),
            vec![IdMap { container_id: 0, host_id: 0, size: u32::MAX }]
        );
        assert!(parse_proc_map("garbage\n").is_empty());
    }
}
