//! What evaluations and trainings share: kept in a person's group, each with its own id
//! (unique in the group) and a revision that each save raises.

use super::{Coaching, Evaluation, Training};

/// A record kept in a person's group, with its own id and revision.
pub trait Revised: Clone {
    fn id(&self) -> u32;
    fn revision(&self) -> u64;
    fn with(&self, id: u32, revision: u64) -> Self;
}

impl Revised for Evaluation {
    fn id(&self) -> u32 {
        self.id
    }
    fn revision(&self) -> u64 {
        self.revision
    }
    fn with(&self, id: u32, revision: u64) -> Self {
        Evaluation {
            id,
            revision,
            ..self.clone()
        }
    }
}

impl Revised for Training {
    fn id(&self) -> u32 {
        self.id
    }
    fn revision(&self) -> u64 {
        self.revision
    }
    fn with(&self, id: u32, revision: u64) -> Self {
        Training {
            id,
            revision,
            ..self.clone()
        }
    }
}

impl Revised for Coaching {
    fn id(&self) -> u32 {
        self.id
    }
    fn revision(&self) -> u64 {
        self.revision
    }
    fn with(&self, id: u32, revision: u64) -> Self {
        Coaching {
            id,
            revision,
            ..self.clone()
        }
    }
}

impl Revised for super::Skp {
    fn id(&self) -> u32 {
        self.id
    }
    fn revision(&self) -> u64 {
        self.revision
    }
    fn with(&self, id: u32, revision: u64) -> Self {
        super::Skp {
            id,
            revision,
            ..self.clone()
        }
    }
}
