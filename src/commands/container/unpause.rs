//! `rpod unpause` (and `container unpause`): thaw paused containers; the
//! counterpart of [`super::pause`], with the same flags.

use super::pause::{run_all, PauseArgs};
use crate::context::Context;

pub fn run(ctx: &Context, args: PauseArgs) -> anyhow::Result<()> {
    run_all(ctx, args, false)
}
