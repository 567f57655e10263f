//! Finding a row by its name, its full ID or a unique prefix of its ID
//! (containers and pods alike).

use rusqlite::{Connection, OptionalExtension};

/// What a name, ID or ID prefix found.
pub(crate) enum Found<T> {
    One(T),
    /// Several IDs start with the prefix (sorted).
    Many(Vec<T>),
    None,
}

/// Looks `key` up in `table` (which has `id` and `name` columns), reading
/// `columns` with `row`: an exact name or ID first, then IDs starting with
/// `key` when it is hex and shorter than an ID.
pub(crate) fn by_name_or_prefix<T>(
    conn: &Connection,
    table: &str,
    columns: &str,
    key: &str,
    row: fn(&rusqlite::Row) -> rusqlite::Result<T>,
) -> rusqlite::Result<Found<T>> {
    let exact =
        conn.query_row(&format!("SELECT {columns} FROM {table} WHERE name = ?1 OR id = ?1"), [key], row).optional()?;
    if let Some(r) = exact {
        return Ok(Found::One(r));
    }
    let is_prefix = !key.is_empty() && key.len() < 64 && key.bytes().all(|b| b.is_ascii_hexdigit());
    if !is_prefix {
        return Ok(Found::None);
    }
    let pattern = format!("{}%", key.to_ascii_lowercase());
    let mut st = conn.prepare_cached(&format!("SELECT {columns} FROM {table} WHERE id LIKE ?1 ORDER BY id"))?;
    let mut found = st.query_map([pattern], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(match found.len() {
        0 => Found::None,
        1 => Found::One(found.remove(0)),
        _ => Found::Many(found),
    })
}
