//! Work across files on every core, with results handed back in input order:
//! the output of a run is the same whatever the number of threads.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use rayon::iter::{ParallelBridge, ParallelIterator};

/// Runs `work` on every item on rayon's threads and passes each result to
/// `consume` on the calling thread, in the items' order, as soon as it and
/// every earlier result are ready. Items are taken in order, so only the
/// results of files still being checked by another thread wait in memory.
/// When `consume` returns `false` (nobody reads the output any more) the
/// items not started yet are skipped.
pub fn in_order<T, R>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut consume: impl FnMut(R) -> bool,
) where
    T: Sync,
    R: Send,
{
    let stop = AtomicBool::new(false);
    let (sender, receiver) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        let (work, stop) = (&work, &stop);
        scope.spawn(move || {
            items
                .iter()
                .enumerate()
                .par_bridge()
                .for_each_with(sender, |sender, (i, item)| {
                    if !stop.load(Ordering::Relaxed) {
                        // The receiver only goes away once every result is in.
                        let _ = sender.send((i, work(item)));
                    }
                });
        });
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        let mut next = 0;
        for (i, result) in receiver {
            if stop.load(Ordering::Relaxed) {
                continue;
            }
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                if !consume(result) {
                    stop.store(true, Ordering::Relaxed);
                    waiting.clear();
                    break;
                }
            }
        }
    });
}

/// Sets how many threads check files (`--jobs`); by default rayon's choice:
/// `RAYON_NUM_THREADS`, else one per core.
pub fn set_jobs(jobs: Option<u16>) {
    if let Some(n) = jobs {
        let n = usize::from(n);
        // Fails only when the pool already exists (tests calling twice):
        // the first setting stands.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order() {
        let items: Vec<u64> = (0..500).collect();
        let mut seen = Vec::new();
        // Uneven work, so that threads finish out of order.
        in_order(
            &items,
            |&i| {
                let spin = (i * 7919) % 2000;
                std::hint::black_box((0..spin).fold(i, |a, b| a.wrapping_mul(31) ^ b));
                i
            },
            |r| {
                seen.push(r);
                true
            },
        );
        assert_eq!(seen, items);
    }

    #[test]
    fn stopping_skips_the_rest() {
        let items: Vec<u32> = (0..10_000).collect();
        let mut seen = Vec::new();
        in_order(
            &items,
            |&i| i,
            |r| {
                seen.push(r);
                r < 9
            },
        );
        assert_eq!(seen, (0..10).collect::<Vec<_>>());
    }
}
