//! Every demo's spec: its snippet shows the values that run, bad input is refused in words, and its
//! default scenario runs (in the simulation) with the output the lesson promises.

use super::testing::run_sim;
use super::*;
use crate::python::{CounterVariant, Model, SpanKind};

fn all() -> Vec<&'static DemoSpec> {
    table::cards().collect()
}

fn spec(id: &str) -> &'static DemoSpec {
    all().into_iter().find(|s| s.id == id).unwrap()
}

#[test]
fn every_template_key_is_a_field_or_derived_and_every_field_is_shown_once() {
    for s in all() {
        let v = s.defaults();
        let code = s.code(&v);
        assert!(!code.contains('«'), "{}: an unknown key in\n{code}", s.id);
        for (i, _) in s.fields.iter().enumerate() {
            let shown = s.snippet(&v).iter().filter(|p| **p == Piece::Field(i)).count();
            assert_eq!(shown, 1, "{}: field {} shown {shown} times", s.id, s.fields[i].key);
        }
        assert_eq!(s.blocker(&v), None, "{}: the defaults are valid", s.id);
    }
}

#[test]
fn the_code_shown_is_the_code_that_runs() {
    let s = spec("counter");
    let mut v = s.defaults();
    v.set("body", "plain");
    v.set("increments", "1_000");
    let code = s.code(&v);
    assert!(code.contains("        counter += 1\n"), "{code}");
    assert!(code.contains("args=(1_000,)) for _ in range(10)]"), "{code}");
    assert!(code.contains("print(counter)  # 10_000 if no update was lost"), "{code}");
    let scenario = s.scenario(&v).unwrap();
    assert_eq!(
        scenario.program,
        crate::python::Program::Counter { variant: CounterVariant::Plain, threads: 10, increments: 1000 }
    );
}

#[test]
fn bad_input_is_refused_with_a_sentence() {
    let s = spec("gil");
    let mut v = s.defaults();
    let n = s.fields.iter().position(|f| f.key == "max_workers").unwrap();
    for (text, want) in [
        ("", "max_workers needs a value"),
        ("-1", "max_workers must be a whole number like 8 (got \"-1\")"),
        ("99", "max_workers must be at most 8 (got 99)"),
    ] {
        v.set("max_workers", text);
        assert_eq!(s.field_error(n, &v).as_deref(), Some(want));
        assert_eq!(s.scenario(&v).unwrap_err(), want);
    }
}

#[test]
fn the_counters_comment_follows_increments_and_threads() {
    // Regression: after increments=5 and threads=2 the code still said "# 100_000 if no update was lost".
    let s = spec("counter");
    let mut v = s.defaults();
    let comment = |v: &Values| s.code(v).lines().last().unwrap().to_string();
    assert_eq!(comment(&v), "print(counter)  # 100_000 if no update was lost");
    v.set("increments", "5");
    v.set("threads", "2");
    assert_eq!(comment(&v), "print(counter)  # 10 if no update was lost");
    v.set("threads", "");
    assert_eq!(comment(&v), "print(counter)  # ? if no update was lost", "an invalid field leaves it open");
    v.set("threads", "99999999999999999999999999");
    assert_eq!(comment(&v), "print(counter)  # ? if no update was lost");
}

#[test]
fn a_snippets_shape_is_the_templates_whatever_the_values() {
    for s in all() {
        let shape = |v: &Values| s.snippet(v).iter().map(|p| matches!(p, Piece::Code(_))).collect::<Vec<_>>();
        let mut odd = s.defaults();
        for f in s.fields {
            odd.set(f.key, "");
        }
        assert_eq!(shape(&s.defaults()), shape(&odd), "{}", s.id);
    }
}

#[test]
fn every_number_fields_example_and_width_fit_its_bounds() {
    for s in all() {
        for (i, f) in s.fields.iter().enumerate() {
            let FieldKind::Number(b) = f.kind else { continue };
            let mut v = s.defaults();
            v.set(f.key, "not a number");
            let message = s.field_error(i, &v).unwrap();
            let example = crate::params::python_int(b.example());
            assert!(message.contains(&format!("like {example} ")), "{}: {message}", s.id);
            assert!(b.check(b.example()).is_ok(), "{}.{}", s.id, f.key);
            assert!(b.width(f.default) >= f.default.len(), "{}.{}: the default shows whole", s.id, f.key);
        }
    }
}

#[test]
fn the_interpreter_and_executor_pick_the_model() {
    let s = spec("gil");
    let mut v = s.defaults();
    assert_eq!(s.scenario(&v).unwrap().model, Model::Gil);
    v.set("python", "3.13t");
    assert_eq!(s.scenario(&v).unwrap().model, Model::FreeThreaded);
    v.set("executor", "processes");
    assert_eq!(s.scenario(&v).unwrap().model, Model::Processes);
}

#[test]
fn the_lock_counter_prints_exactly_100000() {
    let r = run_sim(&spec("counter").scenario(&spec("counter").defaults()).unwrap());
    assert_eq!(r.output, ["100000"]);
    assert_eq!(Figures::of(&r, 2).lines().last().unwrap().1, "0 of 100_000");
}

#[test]
fn every_default_demo_runs_and_prints() {
    for s in all() {
        let mut v = s.defaults();
        // Keep the simulation quick: the smallest n the spec allows is plenty to check the shape.
        if s.fields.iter().any(|f| f.key == "n") {
            v.set("n", "20_000");
        }
        if s.fields.iter().any(|f| f.key == "kib") {
            v.set("kib", "16");
        }
        let r = run_sim(&s.scenario(&v).unwrap());
        assert!(!r.output.is_empty(), "{} printed nothing", s.id);
    }
}

#[test]
fn futures_print_failures_in_completion_order_or_submission_order() {
    let s = spec("futures");
    let mut v = s.defaults();
    let first = |v: &Values| run_sim(&s.scenario(v).unwrap()).output;
    let completed = first(&v);
    assert!(completed[0].starts_with("❌"), "the 404 comes back first: {completed:?}");
    assert!(completed.iter().any(|l| l.contains("failed: ") && l.contains("slow")));
    v.set("order", "submitted");
    let submitted = first(&v);
    assert!(submitted[0].contains("torvalds"), "{submitted:?}");
}

#[test]
fn figures_compare_with_the_same_work_one_after_another() {
    let s = spec("executors");
    let r = run_sim(&s.scenario(&s.defaults()).unwrap());
    let f = Figures::of(&r, 4);
    assert!(f.speedup() > 2.5, "three 300 ms requests overlap: {f:?}");
    assert!(f.busy() < 0.1, "waiting on the network keeps no core busy");
    let labels: Vec<_> = f.lines().iter().map(|l| l.0).collect();
    assert_eq!(labels[..4], ["Elapsed", "Same work one after another", "Speedup vs one after another", "Cores busy"]);
    assert!(r.trace.workers.iter().any(|w| w.totals_ms[3] > 0.0), "{:?}", SpanKind::Io);
}

#[test]
fn a_run_in_flight_says_which_clock_it_is_drawn_on() {
    assert_eq!(
        super::live_words(1234.0, false),
        "1.23 s so far, on real threads; every lane, the page's too, is on the same clock."
    );
    assert!(super::live_words(80.0, true).starts_with("80 ms of modelled time so far, simulated on one thread"));
}
