//! Spawning plugin processes from one long-lived thread.
//!
//! On Linux the child asks the kernel to SIGKILL it when its parent dies (PR_SET_PDEATHSIG).
//! The kernel means the parent *thread*: a child forked from a short-lived thread (tokio's
//! blocking pool, say) would be killed when that thread exits. So every spawn happens on this
//! module's own thread, which lives as long as the process.

use std::io;
use std::sync::{mpsc, OnceLock};

use tokio::process::{Child, Command};
use tokio::runtime::Handle;
use tokio::sync::oneshot;

type Job = (Command, Handle, oneshot::Sender<io::Result<Child>>);

fn spawner() -> &'static mpsc::Sender<Job> {
    static SPAWNER: OnceLock<mpsc::Sender<Job>> = OnceLock::new();
    SPAWNER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("tfplugin-spawner".into())
            .spawn(move || {
                for (mut cmd, handle, reply) in rx {
                    // The child is registered with the caller's runtime (for reaping and wait()).
                    let _enter = handle.enter();
                    let _ = reply.send(cmd.spawn());
                }
            })
            .expect("cannot start the plugin spawner thread");
        tx
    })
}

/// Spawns `cmd` (on Linux: to be killed when this process dies). Must run inside a tokio runtime.
pub async fn spawn(mut cmd: Command) -> io::Result<Child> {
    #[cfg(target_os = "linux")]
    die_with_parent(&mut cmd);
    let (tx, rx) = oneshot::channel();
    spawner().send((cmd, Handle::current(), tx)).map_err(|_| io::Error::other("the plugin spawner thread is gone"))?;
    rx.await.map_err(|_| io::Error::other("the plugin spawner thread is gone"))?
}

#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn die_with_parent(cmd: &mut Command) {
    let parent = std::process::id();
    // SAFETY: runs in the forked child before exec; prctl and getppid are async-signal-safe
    // and the closure neither allocates nor takes locks.
    unsafe {
        cmd.pre_exec(move || {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong, 0, 0, 0) != 0 {
                return Err(io::Error::last_os_error());
            }
            // The parent may have died before prctl took effect.
            if libc::getppid() as u32 != parent {
                return Err(io::Error::other("the parent process exited during plugin start-up"));
            }
            Ok(())
        });
    }
}
