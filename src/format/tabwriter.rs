//! A port of the column logic of Go's `text/tabwriter`, fixed to the settings
//! Podman uses for every report: `tabwriter.NewWriter(w, 12, 2, 2, ' ', 0)`
//! (minwidth 12, tabwidth 2, padding 2, padchar ' ', no flags).
//!
//! Cells are terminated by TAB (or VT); the last cell of a line is not part
//! of any column and is never padded. A column block is a run of consecutive
//! lines that all have a terminated cell in that column; its width is the
//! widest cell (in runes, like Go) plus the padding, at least the minwidth.
//! With padchar ' ' the tabwidth plays no part.

/// Smallest width of a column, padding included.
const MIN_WIDTH: usize = 12;
/// Spaces added to the widest cell of a column.
const PADDING: usize = 2;

struct Cell<'a> {
    text: &'a str,
    /// Width in runes, as Go's tabwriter counts it.
    width: usize,
}

/// Align `input` into columns exactly as Go's tabwriter configured like
/// Podman's would after writing `input` and flushing.
pub(crate) fn align(input: &str) -> String {
    let lines: Vec<Vec<Cell<'_>>> = input
        .split('\n')
        .map(|line| line.split(['\t', '\u{b}']).map(|text| Cell { text, width: text.chars().count() }).collect())
        .collect();
    let mut out = String::with_capacity(input.len() + input.len() / 2);
    let mut widths = Vec::new();
    format(&mut out, &mut widths, &lines, 0, lines.len());
    out
}

/// Go's `(*Writer).format`: lay out lines `line0..line1`, knowing the widths
/// of the columns left of `widths.len()`.
fn format(out: &mut String, widths: &mut Vec<usize>, lines: &[Vec<Cell<'_>>], mut line0: usize, line1: usize) {
    let column = widths.len();
    let has_column = |line: &Vec<Cell<'_>>| column + 1 < line.len();
    let mut this = line0;
    while this < line1 {
        if !has_column(&lines[this]) {
            this += 1;
            continue;
        }
        // A block of lines having a cell in this column starts here: print
        // what came before it, then find its width.
        write_lines(out, widths, lines, line0, this);
        line0 = this;
        let mut width = MIN_WIDTH;
        while this < line1 && has_column(&lines[this]) {
            width = width.max(lines[this][column].width + PADDING);
            this += 1;
        }
        widths.push(width);
        format(out, widths, lines, line0, this);
        widths.pop();
        line0 = this;
    }
    write_lines(out, widths, lines, line0, line1);
}

/// Go's `(*Writer).writeLines`: every line but the very last one (the text
/// after the final newline) is followed by a newline.
fn write_lines(out: &mut String, widths: &[usize], lines: &[Vec<Cell<'_>>], line0: usize, line1: usize) {
    for (i, line) in lines.iter().enumerate().take(line1).skip(line0) {
        for (j, cell) in line.iter().enumerate() {
            out.push_str(cell.text);
            if let Some(&w) = widths.get(j) {
                out.extend(std::iter::repeat_n(' ', w.saturating_sub(cell.width)));
            }
        }
        if i + 1 < lines.len() {
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::align;

    #[test]
    fn podman_network_ls() {
        let got = align("NETWORK ID\tNAME\tDRIVER\n2f259bab93aa\tpodman\tbridge\n");
        assert_eq!(got, "NETWORK ID    NAME        DRIVER\n2f259bab93aa  podman      bridge\n");
    }

    #[test]
    fn header_alone_uses_minwidth() {
        assert_eq!(align("NETWORK ID\tNAME\tDRIVER\n"), "NETWORK ID  NAME        DRIVER\n");
    }

    #[test]
    fn last_cell_is_not_padded_and_widths_follow_longest() {
        let got = align("a\tb\tc\nlonger-than-twelve\tx\ty\n");
        assert_eq!(got, "a                   b           c\nlonger-than-twelve  x           y\n");
    }

    #[test]
    fn text_without_tabs_is_unchanged() {
        let s = "bx0: Exited (0) 6 seconds ago\nbx1: Up 2 seconds\n";
        assert_eq!(align(s), s);
        assert_eq!(align(""), "");
        assert_eq!(align("no newline"), "no newline");
    }

    #[test]
    fn a_line_without_tabs_ends_the_column_block() {
        // Go: the block above the plain line and the block below it are
        // sized separately.
        let got = align("a\tb\nplain\nvery-long-cell-here\tc\n");
        assert_eq!(got, "a           b\nplain\nvery-long-cell-here  c\n");
    }

    #[test]
    fn nested_blocks_and_ragged_lines() {
        // Column 1 exists only on the first two lines; it is sized from them.
        let got = align("a\tb\tc\nd\te\tf\ng\th\n");
        assert_eq!(got, "a           b           c\nd           e           f\ng           h\n");
    }

    #[test]
    fn widths_count_runes_not_bytes() {
        let got = align("héllo-wörld-xyz\tb\nx\ty\n");
        assert_eq!(got, "héllo-wörld-xyz  b\nx                y\n");
    }

    #[test]
    fn empty_cells_and_trailing_tab() {
        let got = align("\tx\nabc\t\n");
        assert_eq!(got, "            x\nabc         \n");
    }
}
