//! `time`: clocks and `sleep`, on the interpreter's clock (the host's, or the simulation's).

use crate::builtins::{arg_count, Kw};
use crate::modules::add_fns;
use crate::trace::State;
use crate::types::{err, type_error};
use crate::value::{Module, Value};
use crate::vm::{Vm, Wait};
use crate::{Raise, R};

fn now(vm: &Vm) -> f64 {
    vm.interp.now()
}

fn time(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    let base = if vm.interp.config.simulate { 1_700_000_000.0 } else { vm.interp.host.wall() - vm.interp.host.now() };
    Ok(Value::Float(base + now(vm)))
}

fn time_ns(vm: &mut Vm, a: &[Value], k: Kw) -> R<Value> {
    let Value::Float(t) = time(vm, a, k)? else { return Ok(Value::Int(0)) };
    Ok(Value::Int((t * 1e9) as i64))
}

fn monotonic(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Float(now(vm)))
}

fn monotonic_ns(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Int((now(vm) * 1e9) as i64))
}

/// `time.sleep(secs)`: releases the GIL and waits; a stop wakes it at once.
pub fn sleep(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    sleep_as(vm, args, State::Sleep)
}

/// `time.sleep`, shown in the trace as `state` (the network, a process starting up).
pub fn sleep_as(vm: &mut Vm, args: &[Value], state: State) -> R<Value> {
    arg_count("sleep", args, 1, 1)?;
    let secs = match &args[0] {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Bool(b) => *b as i64 as f64,
        _ => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::types::type_name(&args[0])
            )))
        }
    };
    if secs < 0.0 {
        return Err(err("ValueError", "sleep length must be non-negative"));
    }
    let deadline = vm.interp.now() + secs;
    if vm.interp.config.simulate {
        crate::modules::thread::sim_block(vm, Wait::Sleep, Some(deadline), state)?;
        return Ok(Value::None);
    }
    vm.begin_wait(state);
    let ok = vm.interp.sleep_until(deadline);
    vm.acquire_gil()?;
    if !ok {
        return Err(Raise::Stop);
    }
    Ok(Value::None)
}

pub fn init(m: &Module) {
    add_fns(
        m,
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("monotonic", monotonic),
            ("monotonic_ns", monotonic_ns),
            ("perf_counter", monotonic),
            ("perf_counter_ns", monotonic_ns),
            ("process_time", monotonic),
            ("thread_time", monotonic),
            ("sleep", sleep),
        ],
    );
}
