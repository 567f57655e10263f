//! The disk use of a container: its writable layer, and with the image's
//! layers (`ps --size`, `inspect --size`).

use super::record::{Container, Containers};

/// (bytes in the container's upper layer, plus the image's layers).
pub fn sizes(containers: &Containers, c: &Container) -> (u64, u64) {
    let rw = du(&containers.dir(&c.id).join("upper"));
    let image: u64 = c
        .config
        .layers
        .iter()
        .map(|l| du(&containers.graph_root().join("layers").join(l.trim_start_matches("sha256:")).join("diff")))
        .sum();
    (rw, rw + image)
}

fn du(dir: &std::path::Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let Ok(m) = e.metadata() else { continue };
            if m.is_dir() {
                stack.push(e.path());
            } else {
                total += m.len();
            }
        }
    }
    total
}
