//! Work across files on every core, with results handed back in input order:
//! the output of a run is the same whatever the number of threads.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

use rayon::iter::{ParallelBridge, ParallelIterator};

/// How many items a thread may start beyond the one being consumed: the
/// results that wait in memory for their turn are at most this many.
const LOOKAHEAD: usize = 256;

/// Runs `work` on every item on rayon's threads and passes each result to
/// `consume` on the calling thread, in the items' order, as soon as it and
/// every earlier result are ready. Items are taken in order, and no thread
/// starts an item more than [`LOOKAHEAD`] past the one being consumed, so
/// few results wait in memory. `work` may hand over parts of its result
/// early through [`Parts::send`] (a long file, window by window); they are
/// consumed in order too. When `consume` returns `false` (nobody reads the
/// output any more) the items not started yet are skipped.
pub fn in_order<T, R>(
    items: &[T],
    work: impl Fn(&T, &mut Parts<R>) -> R + Sync,
    mut consume: impl FnMut(R) -> bool,
) where
    T: Sync,
    R: Send,
{
    let turn = Turn {
        next: Mutex::new(0),
        moved: Condvar::new(),
        stop: AtomicBool::new(false),
    };
    let (sender, receiver) = mpsc::channel::<(usize, R, bool)>();
    std::thread::scope(|scope| {
        let (work, turn) = (&work, &turn);
        scope.spawn(move || {
            items
                .iter()
                .enumerate()
                .par_bridge()
                .for_each_with(sender, |sender, (i, item)| {
                    if !turn.wait_until(|next| i <= next + LOOKAHEAD) {
                        return;
                    }
                    let mut parts = Parts {
                        index: i,
                        sender,
                        turn,
                        sent: false,
                    };
                    let last = work(item, &mut parts);
                    // The receiver only goes away once every result is in.
                    let _ = sender.send((i, last, true));
                });
        });
        // The parts of items after the one being consumed, in order.
        let mut waiting: BTreeMap<usize, Vec<(R, bool)>> = BTreeMap::new();
        let mut next = 0;
        let mut stopped = false;
        for (i, part, last) in receiver {
            if stopped {
                continue;
            }
            if i != next {
                waiting.entry(i).or_default().push((part, last));
                continue;
            }
            let mut ready = vec![(part, last)];
            'items: loop {
                for (part, last) in ready {
                    if !consume(part) {
                        stopped = true;
                        waiting.clear();
                        turn.stop();
                        break 'items;
                    }
                    if last {
                        next += 1;
                        turn.advance(next);
                    }
                }
                match waiting.remove(&next) {
                    Some(parts) => ready = parts,
                    None => break,
                }
            }
        }
    });
}

/// Which item is being consumed, for the threads that wait for their turn.
struct Turn {
    next: Mutex<usize>,
    moved: Condvar,
    stop: AtomicBool,
}

impl Turn {
    /// Waits until `ready(next)` holds; `false` when the run stopped.
    fn wait_until(&self, ready: impl Fn(usize) -> bool) -> bool {
        let mut next = self.next.lock().unwrap_or_else(|p| p.into_inner());
        while !ready(*next) && !self.stop.load(Ordering::Relaxed) {
            next = self.moved.wait(next).unwrap_or_else(|p| p.into_inner());
        }
        !self.stop.load(Ordering::Relaxed)
    }

    fn advance(&self, to: usize) {
        *self.next.lock().unwrap_or_else(|p| p.into_inner()) = to;
        self.moved.notify_all();
    }

    fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
        // Taking the lock orders the store before any waiter's next check.
        drop(self.next.lock());
        self.moved.notify_all();
    }
}

/// Hands the parts of one item's result over before it is done.
pub struct Parts<'s, R> {
    index: usize,
    sender: &'s mpsc::Sender<(usize, R, bool)>,
    turn: &'s Turn,
    sent: bool,
}

impl<R> Parts<'_, R> {
    /// Hands `part` over to be consumed in order. Only the first part of an
    /// item may wait for its turn in memory: for the next ones, the thread
    /// waits until its item is the one being consumed, so a long file's
    /// output never piles up behind a slow earlier one.
    pub fn send(&mut self, part: R) {
        let index = self.index;
        if self.sent && !self.turn.wait_until(|next| next >= index) {
            return;
        }
        self.sent = true;
        let _ = self.sender.send((index, part, false));
    }
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
            |&i, _| {
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
    fn parts_come_back_in_order_between_whole_results() {
        let items: Vec<u64> = (0..600).collect();
        let mut seen = Vec::new();
        in_order(
            &items,
            |&i, parts| {
                // Every fifth item is long and hands its result over in
                // parts; the work is uneven so threads finish out of order.
                let pieces = if i % 5 == 0 { 1 + i % 7 } else { 0 };
                for k in 0..pieces {
                    let spin = (i * 7919 + k) % 3000;
                    std::hint::black_box((0..spin).fold(i, |a, b| a.wrapping_mul(31) ^ b));
                    parts.send((i, k));
                }
                (i, pieces)
            },
            |part| {
                seen.push(part);
                true
            },
        );
        let expected: Vec<(u64, u64)> = items
            .iter()
            .flat_map(|&i| {
                let pieces = if i % 5 == 0 { 1 + i % 7 } else { 0 };
                (0..=pieces).map(move |k| (i, k))
            })
            .collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn stopping_skips_the_rest() {
        let items: Vec<u32> = (0..10_000).collect();
        let mut seen = Vec::new();
        in_order(
            &items,
            |&i, _| i,
            |r| {
                seen.push(r);
                r < 9
            },
        );
        assert_eq!(seen, (0..10).collect::<Vec<_>>());
    }
}
