//! `--simulate`: every Python thread on one OS thread, a virtual clock, a deterministic schedule.
//!
//! Threads run in slices measured in ticks (a loop back-edge costs the loop body's length in
//! instructions, a call four; one tick is 25 ns of virtual time, about one CPython bytecode).
//! With the GIL on, one thread of each process runs at a time (each process has its own GIL, so
//! up to `cpu_count` processes advance together) and the holder switches after the switch
//! interval when another thread of its process is ready, as CPython's forced switching does. With
//! it off, up to `cpu_count` threads advance together in small slices, and a slice may end just before a store
//! (`Vm::sim_store_point`), so an unlocked `counter += 1` loses updates as on real cores.
//! A blocked thread (lock, sleep) is woken by the scheduler, which runs its call again.

use std::sync::Arc;

use crate::code::Code;
use crate::interp::Interp;
use crate::runtime::{exit_code, Outcome};
use crate::trace::sim::{SimTracer, SliceEnd};
use crate::value::{lock, Module, Value};
use crate::vm::{Vm, Wait, Wake};
use crate::Raise;

/// Virtual seconds per tick.
pub const TICK: f64 = 25e-9;
/// A free-threaded slice, in ticks: short, so threads interleave finely.
const FREE_SLICE: i64 = 64;
/// The longest slice a lone thread runs before the scheduler looks at timers again.
const LONE_SLICE: i64 = 400_000;

enum State {
    /// Not started yet: its function and arguments are on its stack.
    New,
    Ready,
    Blocked(Wait, Option<f64>),
    Done,
}

struct Thread {
    vm: Vm,
    state: State,
    main: bool,
}

#[derive(PartialEq)]
enum MainPhase {
    Module,
    Shutdown,
}

pub fn run_main(interp: &Arc<Interp>, mut vm: Vm, code: Arc<Code>, module: Arc<Module>) -> Outcome {
    if let Err(e) = vm.push_module_frame(code, module) {
        return Outcome { exit_code: exit_code(&mut vm, Err(e)) };
    }
    let mut threads = vec![Thread { vm, state: State::Ready, main: true }];
    let mut phase = MainPhase::Module;
    let mut exit = 0;
    let mut next = 0usize;
    let mut deadlock_noted = false;
    let cores = interp.host.cpu_count().max(1);
    let mut tracer = SimTracer::new(interp.config.gil);
    let ms = |t: f64| t * 1000.0;
    loop {
        if interp.stopped() {
            let main = &mut threads[0].vm;
            main.interp.write_err("[stopped]\n");
            return Outcome { exit_code: 130 };
        }
        for vm in lock(&interp.sim_new).drain(..) {
            threads.push(Thread { vm, state: State::New, main: false });
        }
        // A terminated process's threads end where they are, blocked or not (`Process.terminate()`).
        for t in threads.iter_mut() {
            if !t.main && !matches!(t.state, State::Done) && t.vm.interp.terminated() {
                t.state = State::Done;
                t.vm.stack.clear();
                t.vm.frames.clear();
                let mut th = lock(&interp.threads);
                th.live = th.live.saturating_sub(1);
            }
        }
        let now = interp.now();
        // Wake threads whose lock is free or whose timeout passed.
        for t in threads.iter_mut() {
            if let State::Blocked(w, deadline) = &t.state {
                let free = match w {
                    Wait::Lock(st) => st.is_free(),
                    Wait::Channel(c) => !lock(&c.items).is_empty(),
                    Wait::Sleep => false,
                };
                if free {
                    t.vm.wake = Some(Wake::Signaled);
                    t.state = State::Ready;
                } else if deadline.is_some_and(|d| d <= now) {
                    t.vm.wake = Some(Wake::TimedOut);
                    t.state = State::Ready;
                }
            }
        }
        let ready: Vec<usize> = (0..threads.len())
            .map(|k| (next + k) % threads.len())
            .filter(|&i| matches!(threads[i].state, State::Ready | State::New))
            .collect();
        let next_deadline = threads
            .iter()
            .filter_map(|t| match &t.state {
                State::Blocked(_, d) => *d,
                _ => None,
            })
            .fold(f64::INFINITY, f64::min);
        if ready.is_empty() {
            if next_deadline.is_finite() {
                *lock(&interp.sim_now) = next_deadline.max(now);
                continue;
            }
            if threads[0].main && matches!(threads[0].state, State::Done) {
                break;
            }
            // A deadlock: as CPython, the program stays stuck (until stopped); say so once.
            if !deadlock_noted {
                deadlock_noted = true;
                interp.write_err("[deadlock: every thread is waiting for another one, and none can wake up]\n");
                interp.flush_out();
            }
            interp.sleep_until(interp.host.now() + 0.02);
            continue;
        }
        let chosen: Vec<usize> = if interp.config.gil {
            // One thread per process: the one that holds that process's GIL.
            let mut pids: Vec<u32> = Vec::new();
            let mut first_of_its_process = |i: &usize| {
                let pid = threads[*i].vm.interp.pid;
                let first = !pids.contains(&pid);
                pids.push(pid);
                first
            };
            ready.iter().copied().filter(|i| first_of_its_process(i)).take(cores).collect()
        } else {
            ready.iter().copied().take(cores).collect()
        };
        let until = ((next_deadline - now) / TICK).ceil().max(1.0);
        let budget = if interp.config.gil {
            let switch = (interp.switch_interval().as_secs_f64() / TICK) as i64;
            let b = if ready.len() > chosen.len() { switch.max(1) } else { LONE_SLICE };
            (b as f64).min(until) as i64
        } else {
            (FREE_SLICE as f64).min(until) as i64
        };
        next = (chosen.last().copied().unwrap_or(0) + 1) % threads.len().max(1);
        if interp.config.trace.is_some() {
            let running: Vec<u32> = chosen.iter().map(|&i| threads[i].vm.interp.pid).collect();
            for (i, t) in threads.iter_mut().enumerate() {
                let ready = matches!(t.state, State::Ready | State::New);
                tracer.round(&mut t.vm, chosen.contains(&i), ready, &running, ms(now));
            }
        }
        let mut used_max = 0i64;
        for i in chosen {
            let t = &mut threads[i];
            t.vm.budget = budget;
            let before = t.vm.ticks;
            let r = match t.state {
                State::New => {
                    let mut items: Vec<Value> = std::mem::take(&mut t.vm.stack);
                    let f = if items.is_empty() { Value::None } else { items.remove(0) };
                    t.state = State::Ready;
                    match t.vm.start_call(&f, items) {
                        Ok(Some(v)) => Ok(v),
                        Ok(None) => t.vm.run_frames(0),
                        Err(e) => Err(e),
                    }
                }
                _ => t.vm.run_frames(0),
            };
            // Every slice costs at least one tick, so time always moves on.
            let used = (t.vm.ticks - before).max(1) as i64;
            used_max = used_max.max(used);
            let end = ms(now + used as f64 * TICK);
            match r {
                Err(Raise::Preempt) => tracer.slice_end(&mut t.vm, SliceEnd::Preempted, end),
                Err(Raise::Block(b)) => {
                    let (w, d) = *b;
                    t.state = State::Blocked(w, d);
                    tracer.slice_end(&mut t.vm, SliceEnd::Blocked, end);
                }
                other => {
                    if t.main {
                        if phase == MainPhase::Module {
                            exit = exit_code(&mut t.vm, other);
                            phase = MainPhase::Shutdown;
                            if start_shutdown(&mut t.vm) {
                                continue;
                            }
                        } else if let Err(Raise::Exc(e)) = other {
                            let tb = crate::traceback::format_exception(&mut t.vm, &e);
                            t.vm.interp.write_err(&tb);
                        }
                        t.state = State::Done;
                        tracer.slice_end(&mut t.vm, SliceEnd::Done, end);
                        return finish(interp, exit);
                    }
                    if let Err(Raise::Exc(e)) = other {
                        let tb = crate::traceback::format_exception(&mut t.vm, &e);
                        t.vm.interp
                            .write_err(&format!("Unhandled exception in thread started by {}:\n{tb}", t.vm.ident));
                    }
                    t.state = State::Done;
                    tracer.slice_end(&mut t.vm, SliceEnd::Done, end);
                    t.vm.stack.clear();
                    t.vm.frames.clear();
                    let mut th = lock(&interp.threads);
                    th.live = th.live.saturating_sub(1);
                }
            }
        }
        *lock(&interp.sim_now) += used_max as f64 * TICK;
        threads.retain(|t| t.main || !matches!(t.state, State::Done));
        if next >= threads.len() {
            next = 0;
        }
    }
    finish(interp, exit)
}

fn finish(_interp: &Arc<Interp>, exit: i32) -> Outcome {
    Outcome { exit_code: exit }
}

/// After the main module: `threading._shutdown()` joins the non-daemon threads, resumably.
fn start_shutdown(vm: &mut Vm) -> bool {
    if vm.interp.module("threading").is_none() {
        return false;
    }
    let Some(Value::Module(t)) = vm.interp.module("threading") else { return false };
    let Some(f) = t.dict.get_name("_shutdown") else { return false };
    vm.frames.clear();
    vm.stack.clear();
    matches!(vm.start_call(&f, vec![]), Ok(None))
}
