//! `rpod update` / `rpod container update`: change the resource limits
//! of containers; a running container's cgroup gets them at once.

use clap::Args;

use super::create::ResourceFlags;
use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct UpdateArgs {
    #[command(flatten)]
    pub resources: ResourceFlags,

    /// The containers (names or IDs)
    #[arg(value_name = "CONTAINER", required = true)]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: UpdateArgs) -> anyhow::Result<()> {
    let asked = args.resources.to_resources()?;
    if asked.is_empty() {
        anyhow::bail!("no resource limit given to update");
    }
    let mut containers = ctx.containers()?;
    crate::commands::each(&args.containers, |name| {
        let c = containers.find(name)?;
        let _lock = containers.lock(&c.id)?;
        let mut c = containers.find(&c.id)?;
        if c.config.options.cgroups == crate::container::limits::CgroupsMode::Disabled {
            anyhow::bail!("container {}: cannot update resource limits: it has no cgroup (--cgroups=disabled)", c.name);
        }
        crate::container::limits::plan(&asked, ctx.rootless(), crate::container::limits::Where::of(&c.config.options))?;
        let r = &mut c.config.resources;
        macro_rules! take {
            ($($f:ident),*) => { $( if asked.$f.is_some() { r.$f = asked.$f.clone(); } )* };
        }
        take!(
            memory_max,
            memory_low,
            memory_swap_max,
            cpu_weight,
            cpu_max,
            cpuset_cpus,
            cpuset_mems,
            pids_max,
            io_weight
        );
        for d in &asked.io_weight_device {
            r.io_weight_device.retain(|x| (x.major, x.minor) != (d.major, d.minor));
            r.io_weight_device.push(d.clone());
        }
        for m in &asked.io_max {
            r.add_io_max(m.clone());
        }
        if c.state.status.is_live() && !c.state.cgroup.is_empty() {
            rpod_runtime::cgroup_manager::apply(std::path::Path::new(&c.state.cgroup), &asked)?;
        }
        containers.set_config(&c.id, &c.config)?;
        print(&format!("{}\n", c.id))
    })
}
