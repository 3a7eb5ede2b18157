//! A list's work done on every core, the results in the list's order.

use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// `work` on each of `items`, on every core, each thread taking the next item when it is
/// free (items differ in size); the results come back in the order of `items`. Below
/// `alone_below` items a thread each, one thread does it all (starting others costs more).
pub(crate) fn map_in_order<I: Sync, T: Send>(
    items: &[I],
    alone_below: usize,
    work: impl Fn(&I) -> T + Sync,
) -> Vec<T> {
    map_in_order_with(items, alone_below, || (), |(), item| work(item))
}

/// [`map_in_order`], each thread keeping what `work` learns from item to item in a state
/// `start` makes (a memo of its own, never shared, never locked).
pub(crate) fn map_in_order_with<I: Sync, S, T: Send>(
    items: &[I],
    alone_below: usize,
    start: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &I) -> T + Sync,
) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len() / alone_below.max(1))
        .max(1);
    if threads == 1 {
        let mut state = start();
        return items.iter().map(|item| work(&mut state, item)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut numbered: Vec<(usize, T)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut state = start();
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, work(&mut state, item)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    numbered.sort_unstable_by_key(|(i, _)| *i);
    numbered.into_iter().map(|(_, result)| result).collect()
}

/// Texts a thread may have made that are not yet written: enough that it never waits for the
/// writer while the one before it is being written.
const AHEAD: usize = 2;

/// Each of `items` made into text by `make` on every core, and the texts given to `put` in the
/// order of `items` on the calling thread as they are ready: a text is made while the ones
/// before it are written, and only a few are held at once (each thread has at most [`AHEAD`]
/// made and waiting, and one more it waits to hand over, in buffers the writer gives back).
/// Stops at `put`'s first error and returns it; a panic in `make` is raised here.
pub(crate) fn write_in_order<I: Sync>(
    items: &[I],
    make: impl Fn(&mut String, &I) + Sync,
    put: &mut dyn FnMut(&str) -> io::Result<()>,
) -> io::Result<()> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    write_in_order_on(cores, items, make, put)
}

/// [`write_in_order`] on `threads` threads at most.
fn write_in_order_on<I: Sync>(
    threads: usize,
    items: &[I],
    make: impl Fn(&mut String, &I) + Sync,
    put: &mut dyn FnMut(&str) -> io::Result<()>,
) -> io::Result<()> {
    let threads = threads.min(items.len());
    if threads <= 1 {
        let mut text = String::new();
        for item in items {
            text.clear();
            make(&mut text, item);
            put(&text)?;
        }
        return Ok(());
    }
    std::thread::scope(|scope| {
        let make = &make;
        let (workers, lanes): (Vec<_>, Vec<_>) = (0..threads)
            .map(|first| {
                let (made, made_here) = mpsc::sync_channel::<String>(AHEAD);
                let (give_back, given_back) = mpsc::channel::<String>();
                let worker = scope.spawn(move || {
                    for item in items.iter().skip(first).step_by(threads) {
                        let mut text = given_back.try_recv().unwrap_or_default();
                        text.clear();
                        make(&mut text, item);
                        if made.send(text).is_err() {
                            return;
                        }
                    }
                });
                (worker, (made_here, give_back))
            })
            .unzip();
        let mut written = || {
            for (made_here, give_back) in lanes.iter().cycle().take(items.len()) {
                // A thread that stopped early panicked: its panic is raised below.
                let Ok(text) = made_here.recv() else { break };
                put(&text)?;
                let _ = give_back.send(text);
            }
            Ok(())
        };
        let written = written();
        // The threads still making texts find no one to take them, and stop.
        drop(lanes);
        for worker in workers {
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        }
        written
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Results keep the items' order whatever thread did them, uneven work included.
    #[test]
    fn results_come_back_in_order() {
        let items: Vec<u64> = (0..1000).collect();
        let slow_then_quick = |&n: &u64| (0..(1000 - n) * 50).fold(n, |a, b| a ^ b) ^ n;
        let expected: Vec<u64> = items.iter().map(slow_then_quick).collect();
        assert_eq!(map_in_order(&items, 4, slow_then_quick), expected);
        assert_eq!(map_in_order(&items, 10_000, slow_then_quick), expected);
        assert!(map_in_order(&[] as &[u64], 4, slow_then_quick).is_empty());
    }

    /// The texts are written in the items' order, whichever thread made them first, on one
    /// thread and on several (whatever cores the machine running the tests has).
    #[test]
    fn texts_are_written_in_order() {
        let items: Vec<u64> = (0..500).collect();
        let make = |text: &mut String, &n: &u64| {
            let spin = (0..(500 - n) * 200).fold(n, |a, b| a ^ b);
            text.push_str(&format!("{n}:{}\n", spin & 1));
        };
        let expected: String = (items.iter())
            .map(|n| {
                let mut text = String::new();
                make(&mut text, n);
                text
            })
            .collect();
        for threads in [1, 2, 4] {
            let mut written = String::new();
            write_in_order_on(threads, &items, make, &mut |text| {
                written.push_str(text);
                Ok(())
            })
            .expect("written");
            assert_eq!(written, expected, "{threads} threads");
        }
    }

    /// The writer's first error comes back, and the threads stop making texts soon after: a
    /// few rounds each, not the rest of the items.
    #[test]
    fn the_first_error_stops_the_writing() {
        let items: Vec<u64> = (0..10_000).collect();
        for threads in [1, 4] {
            let made = AtomicUsize::new(0);
            let make = |text: &mut String, n: &u64| {
                made.fetch_add(1, Ordering::Relaxed);
                text.push_str(&n.to_string());
            };
            let mut puts = 0;
            let result = write_in_order_on(threads, &items, make, &mut |_| {
                puts += 1;
                match puts {
                    3 => Err(io::Error::from(io::ErrorKind::BrokenPipe)),
                    _ => Ok(()),
                }
            });
            assert_eq!(result.map_err(|e| e.kind()), Err(io::ErrorKind::BrokenPipe));
            assert_eq!(puts, 3);
            let made = made.load(Ordering::Relaxed);
            assert!(
                made <= 3 + threads * (AHEAD + 2),
                "{made} made on {threads}"
            );
        }
    }

    /// A panic while making a text reaches the caller instead of leaving it waiting.
    #[test]
    #[should_panic(expected = "item 7")]
    fn a_panic_while_making_reaches_the_caller() {
        let items: Vec<u64> = (0..100).collect();
        let make = |text: &mut String, &n: &u64| {
            assert_ne!(n, 7, "item 7");
            text.push('x');
        };
        let _ = write_in_order_on(4, &items, make, &mut |_| Ok(()));
    }
}
