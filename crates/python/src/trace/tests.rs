//! The recorder and the recording on their own, fed by hand: merging, bounds, hand-over to a
//! lane without waiting for a reader, deltas and snapshots. Programs run in tests/trace.rs.

use super::State::*;
use super::*;

fn recorder(recording: &Arc<Recording>, name: &str) -> Recorder {
    recording.recorder(4242, 1, name.to_string())
}

fn render(r: &Arc<Recording>) -> String {
    r.snapshot().render(0.01)
}

#[test]
fn a_state_that_does_not_change_is_one_span() {
    let r = Recording::new();
    let mut rec = recorder(&r, "T");
    for i in 0..100 {
        rec.enter(Run, i as f64);
    }
    rec.enter(Sleep, 100.0);
    rec.finish(150.0);
    assert_eq!(render(&r), "4242 T: run 0-100, sleep 100-150\n");
    let snap = r.snapshot();
    assert_eq!(snap.lanes[0].totals_ms[Run.index()], 100.0);
    assert_eq!(snap.lanes[0].totals_ms[Sleep.index()], 50.0);
}

#[test]
fn slivers_thinner_than_the_grain_join_their_neighbours_and_totals_stay_exact() {
    let r = Recording::new();
    let mut rec = recorder(&r, "T");
    // 1 ms of running, then 40 alternations of 1 µs waiting for the GIL and 2 µs running
    // (120 µs in all), then 1 ms blocked on a queue.
    rec.enter(Run, 0.0);
    let mut t = 1.0;
    rec.enter(GilWait, t);
    for _ in 0..40 {
        rec.enter(GilWait, t);
        t += 0.001;
        rec.enter(Run, t);
        t += 0.002;
        rec.enter(GilWait, t);
    }
    rec.enter(Queue, t);
    rec.finish(t + 1.0);
    let snap = r.snapshot();
    let spans = &snap.lanes[0].spans;
    // The slivers became spans of at least the grain, named after what took most of them.
    assert!(spans.iter().all(|s| s.ms() >= GRAIN_MS - 1e-9), "{spans:?}");
    assert!(spans.len() <= 5, "{spans:?}");
    assert!(spans.windows(2).all(|p| p[0].end_ms == p[1].start_ms), "the spans tile the thread's life: {spans:?}");
    assert_eq!((spans[0].state, spans[0].start_ms), (Run, 0.0));
    assert!(spans[0].end_ms > 1.05, "running took most of the slivers: {spans:?}");
    assert_eq!(spans.last().unwrap().state, Queue);
    let totals = snap.lanes[0].totals_ms;
    assert!((totals[GilWait.index()] - 0.04).abs() < 1e-9, "{totals:?}");
    assert!((totals[Run.index()] - 1.08).abs() < 1e-9, "{totals:?}");
}

#[test]
fn a_thread_that_switches_without_end_stays_bounded() {
    let r = Recording::new();
    let mut rec = recorder(&r, "T");
    for i in 0..200_000 {
        let state = if i % 3 == 0 { GilWait } else { Run };
        rec.enter(state, i as f64);
        if i % 7 == 0 {
            rec.handover(Handover { at_ms: i as f64, dropped_ms: i as f64, from: 2, forced: i % 2 == 0 });
        }
    }
    rec.finish(200_000.0);
    let snap = r.snapshot();
    let lane = &snap.lanes[0];
    assert!(lane.spans.len() < MAX_SPANS && lane.handovers.len() < MAX_HANDOVERS);
    assert!(lane.coarsened > 0);
    assert_eq!(lane.forced + lane.voluntary, 200_000 / 7 + 1, "the hand-over counts stay exact");
    assert_eq!((lane.spans[0].start_ms, lane.spans.last().unwrap().end_ms), (0.0, 200_000.0));
    assert!(lane.spans.windows(2).all(|p| p[0].end_ms == p[1].start_ms));
    assert_eq!(lane.totals_ms.iter().sum::<f64>(), 200_000.0);
}

#[test]
fn a_reader_holding_the_lane_never_blocks_the_thread_and_gets_its_spans_later() {
    let r = Recording::new();
    let mut rec = recorder(&r, "T");
    rec.enter(Run, 0.0);
    {
        // A reader is in the lane: the thread goes on recording, without waiting.
        let lane = rec.lane.clone();
        let _reader = lane.data.lock().unwrap();
        rec.enter(Lock, 10.0);
        rec.enter(Run, 20.0);
    }
    assert_eq!(r.take_delta(25.0).lanes[0].spans, [], "nothing got through while the reader was there");
    rec.enter(Queue, 30.0);
    let d = r.take_delta(35.0);
    let spans: Vec<_> = d.lanes[0].spans.iter().map(|s| (s.state, s.start_ms, s.end_ms)).collect();
    assert_eq!(spans, [(Run, 0.0, 10.0), (Lock, 10.0, 20.0), (Run, 20.0, 30.0)]);
    assert_eq!(d.lanes[0].open, Some(Span { state: Queue, start_ms: 30.0, end_ms: 35.0 }));
}

#[test]
fn deltas_carry_each_span_and_name_once() {
    let r = Recording::new();
    let mut main = recorder(&r, "MainThread");
    let mut worker = r.recorder(4242, 2, "thread 2".into());
    main.enter(Run, 0.0);
    worker.enter(GilWait, 1.0);
    worker.set_name("Thread-1 (work)".into());
    let first = r.take_delta(2.0);
    let names: Vec<_> = first.lanes.iter().map(|l| l.name.clone()).collect();
    assert_eq!(names, [Some("MainThread".to_string()), Some("Thread-1 (work)".to_string())]);
    main.enter(Join, 5.0);
    worker.enter(Run, 5.0);
    worker.handover(Handover { at_ms: 5.0, dropped_ms: 5.0, from: 1, forced: false });
    worker.enter(Run, 6.0);
    worker.finish(9.0);
    let second = r.take_delta(10.0);
    assert!(second.lanes.iter().all(|l| l.name.is_none()), "names travel once");
    assert_eq!(second.lanes[0].spans, [Span { state: Run, start_ms: 0.0, end_ms: 5.0 }]);
    assert_eq!(second.lanes[1].spans.len(), 2);
    assert_eq!(second.lanes[1].handovers.len(), 1);
    assert!(second.lanes[1].ended && second.lanes[1].open.is_none());
    assert_eq!(r.take_delta(11.0).lanes[1].spans, []);
    // The whole run is still there for the snapshot, the open state drawn to the end.
    r.mark_end(12.0);
    assert_eq!(render(&r), "4242 MainThread: run 0-5, join 5-12\n4242 Thread-1 (work): gil-wait 1-5, run 5-9\n");
}

#[test]
fn a_thread_dropped_while_blocked_is_drawn_blocked_to_the_end() {
    let r = Recording::new();
    {
        let mut rec = recorder(&r, "daemon");
        rec.enter(Run, 0.0);
        rec.enter(Queue, 1.0);
    }
    r.mark_end(50.0);
    assert_eq!(render(&r), "4242 daemon: run 0-1, queue 1-50\n");
}

#[test]
fn reasons_name_states() {
    for s in State::ALL {
        if s != Run && s != GilWait {
            assert_eq!(State::from_reason(s.label()), Some(s));
        }
    }
    assert_eq!(State::from_reason("condition"), Some(Event));
    assert_eq!(State::from_reason("nap"), None);
}
