//! A list's work done on every core, the results in the list's order.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `work` on each of `items`, on every core, each thread taking the next item when it is
/// free (items differ in size); the results come back in the order of `items`. Below
/// `alone_below` items a thread each, one thread does it all (starting others costs more).
pub(crate) fn map_in_order<I: Sync, T: Send>(
    items: &[I],
    alone_below: usize,
    work: impl Fn(&I) -> T + Sync,
) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len() / alone_below.max(1))
        .max(1);
    if threads == 1 {
        return items.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let mut numbered: Vec<(usize, T)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, work(item)));
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
}
