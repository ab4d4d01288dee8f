//! sled's trees behind one rule: every walk over a tree ends at the first error.
//!
//! sled 0.34's iterator does not move past a page it cannot read: on damaged files (64 KiB
//! of zeros at some offsets of `db`) it returns the same error on every `next()`, forever.
//! A consumer that skips errors (`Tree::len`, which is `iter().count()`, a `filter_map`, a
//! loop that `continue`s on `Err`) then spins at 100% CPU (issue 24). [`Tree`] wraps a
//! sled tree so that its `iter`, `range` and `scan_prefix` yield that error once and then
//! end, and its `len` stops at it; everything else is sled's own (through `Deref`).

use std::ops::{Deref, RangeBounds};

/// A sled tree whose walks end at the first error (see the module).
#[derive(Clone)]
pub(crate) struct Tree(sled::Tree);

impl Tree {
    pub(crate) fn new(tree: sled::Tree) -> Tree {
        Tree(tree)
    }

    /// The sled tree itself, for transactions.
    pub(crate) fn sled(&self) -> &sled::Tree {
        &self.0
    }

    pub(crate) fn iter(&self) -> Iter {
        Iter::new(self.0.iter())
    }

    // It must shadow sled's own `range`, which `Deref` would reach.
    pub(crate) fn range<K: AsRef<[u8]>, R: RangeBounds<K>>(&self, range: R) -> Iter {
        Iter::new(self.0.range(range))
    }

    pub(crate) fn scan_prefix<P: AsRef<[u8]>>(&self, prefix: P) -> Iter {
        Iter::new(self.0.scan_prefix(prefix))
    }

    /// How many entries the tree holds; the error of the first page that cannot be read.
    pub(crate) fn len(&self) -> sled::Result<usize> {
        let mut n = 0;
        for item in self.iter() {
            item?;
            n += 1;
        }
        Ok(n)
    }
}

impl Deref for Tree {
    type Target = sled::Tree;

    fn deref(&self) -> &sled::Tree {
        &self.0
    }
}

/// sled's iterator, ending after the first error it yields (from either end).
pub(crate) struct Iter {
    inner: sled::Iter,
    failed: bool,
}

type Item = sled::Result<(sled::IVec, sled::IVec)>;

impl Iter {
    fn new(inner: sled::Iter) -> Iter {
        Iter {
            inner,
            failed: false,
        }
    }

    fn pass(&mut self, item: Option<Item>) -> Option<Item> {
        if self.failed {
            return None;
        }
        if matches!(item, Some(Err(_))) {
            self.failed = true;
        }
        item
    }

    pub(crate) fn keys(self) -> impl DoubleEndedIterator<Item = sled::Result<sled::IVec>> {
        self.map(|item| item.map(|(k, _)| k))
    }

    // Unused today; here so that a walk over values has the same rule as keys.
    #[allow(dead_code)]
    pub(crate) fn values(self) -> impl DoubleEndedIterator<Item = sled::Result<sled::IVec>> {
        self.map(|item| item.map(|(_, v)| v))
    }
}

impl Iterator for Iter {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if self.failed {
            return None;
        }
        let item = self.inner.next();
        self.pass(item)
    }
}

impl DoubleEndedIterator for Iter {
    fn next_back(&mut self) -> Option<Item> {
        if self.failed {
            return None;
        }
        let item = self.inner.next_back();
        self.pass(item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// sled's own iterator over a failing source would repeat; ours ends. Checked on the
    /// adapter with a tree that reads fine (the damaged case is `tests/damage.rs`).
    #[test]
    fn a_sound_tree_walks_every_entry_both_ways() {
        let db = sled::Config::new().temporary(true).open().unwrap();
        let t = Tree::new(db.open_tree("t").unwrap());
        for i in 0u8..10 {
            t.insert([i], &[i]).unwrap();
        }
        assert_eq!(t.len().unwrap(), 10);
        assert_eq!(t.iter().rev().count(), 10);
        assert_eq!(t.scan_prefix([3u8]).count(), 1);
        assert_eq!(t.range([2u8]..[5u8]).keys().count(), 3);
    }

    #[test]
    fn after_an_error_nothing_more_is_yielded() {
        let db = sled::Config::new().temporary(true).open().unwrap();
        let mut it = Iter::new(db.iter());
        assert!(
            it.pass(Some(Err(sled::Error::Unsupported("test".into()))))
                .is_some()
        );
        assert!(it.next().is_none());
        assert!(it.next_back().is_none());
    }
}
