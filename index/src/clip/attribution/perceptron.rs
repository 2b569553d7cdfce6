//! An averaged perceptron over hashed features: the learner of the token tagger's components
//! (part of speech, named entities). Training is deterministic (a seeded shuffle, integer
//! update steps, features written sorted), so the same data and seed give byte-identical
//! model files.
//!
//! Features are strings hashed with 64-bit FNV-1a; a collision in 2^64 among a few hundred
//! thousand features is not a concern. A trained model keeps, for each feature, only the
//! classes whose averaged weight matters (pruned below `min_weight`).

use rustc_hash::FxHashMap as HashMap;

/// FNV-1a, 64 bits: stable across platforms and versions (the model files depend on it).
#[derive(Debug, Clone, Copy)]
pub struct FeatureHash(u64);

impl FeatureHash {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    /// Starts a feature with its template's name.
    pub fn new(template: &str) -> Self {
        let mut h = Self(Self::OFFSET);
        h.write(template.as_bytes());
        h.write(&[0xff]);
        h
    }

    pub fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    pub fn with(mut self, s: &str) -> Self {
        self.write(s.as_bytes());
        self.write(&[0xfe]);
        self
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

/// A small deterministic generator (xorshift64*) for shuffling training data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// A trained model: classes and sparse weights per feature.
#[derive(Debug, Clone, Default)]
pub struct Perceptron {
    pub classes: Vec<String>,
    /// Feature hash -> range in `weights`.
    index: HashMap<u64, (u32, u16)>,
    weights: Vec<(u16, f32)>,
}

impl Perceptron {
    pub fn class_id(&self, name: &str) -> Option<usize> {
        self.classes.iter().position(|c| c == name)
    }

    /// Adds each feature's weights to `scores` (one slot a class).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(&(at, n)) = self.index.get(f) {
                for &(class, w) in &self.weights[at as usize..at as usize + n as usize] {
                    scores[class as usize] += w;
                }
            }
        }
    }

    /// The best class among those `allowed` says may follow (all when it says nothing).
    pub fn predict(
        &self,
        features: &[u64],
        scores: &mut [f32],
        allowed: impl Fn(usize) -> bool,
    ) -> usize {
        self.score(features, scores);
        best_allowed(scores, allowed)
    }

    pub fn features(&self) -> usize {
        self.index.len()
    }

    /// Writes the model: classes, then features sorted by hash with their (class, weight)
    /// pairs.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.classes.len() as u32).to_le_bytes());
        for c in &self.classes {
            write_str(out, c);
        }
        let mut keys: Vec<u64> = self.index.keys().copied().collect();
        keys.sort_unstable();
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            let (at, n) = self.index[&k];
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&n.to_le_bytes());
            for &(class, w) in &self.weights[at as usize..at as usize + n as usize] {
                out.extend_from_slice(&class.to_le_bytes());
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    pub fn read(r: &mut Reader<'_>) -> Option<Self> {
        let n_classes = r.u32()? as usize;
        let mut classes = Vec::with_capacity(n_classes);
        for _ in 0..n_classes {
            classes.push(r.str()?);
        }
        let n = r.u32()? as usize;
        let mut index = HashMap::with_capacity_and_hasher(n, Default::default());
        let mut weights = Vec::with_capacity(n * 2);
        for _ in 0..n {
            let key = r.u64()?;
            let len = r.u16()?;
            let at = weights.len() as u32;
            for _ in 0..len {
                let class = r.u16()?;
                let w = f32::from_bits(r.u32()?);
                if class as usize >= n_classes {
                    return None;
                }
                weights.push((class, w));
            }
            index.insert(key, (at, len));
        }
        Some(Self {
            classes,
            index,
            weights,
        })
    }
}

/// Training state: dense rows per feature, with the running sums that averaging needs.
#[derive(Debug)]
pub struct Trainer {
    pub classes: Vec<String>,
    rows: HashMap<u64, Row>,
    /// Update steps so far (one per example seen).
    step: u64,
}

#[derive(Debug, Clone)]
struct Row {
    w: Vec<f32>,
    /// Sum of step × update, for averaging: averaged = w − u / steps.
    u: Vec<f64>,
}

impl Trainer {
    pub fn new(classes: Vec<String>) -> Self {
        Self {
            classes,
            rows: HashMap::default(),
            step: 0,
        }
    }

    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for (s, w) in scores.iter_mut().zip(&row.w) {
                    *s += w;
                }
            }
        }
    }

    pub fn predict(
        &self,
        features: &[u64],
        scores: &mut [f32],
        allowed: impl Fn(usize) -> bool,
    ) -> usize {
        self.score(features, scores);
        best_allowed(scores, allowed)
    }

    /// One example seen: when the guess was wrong, the truth's weights go up and the guess's
    /// down.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        self.step += 1;
        if truth == guess {
            return;
        }
        let n = self.classes.len();
        let step = self.step as f64;
        for f in features {
            let row = self.rows.entry(*f).or_insert_with(|| Row {
                w: vec![0.0; n],
                u: vec![0.0; n],
            });
            row.w[truth] += 1.0;
            row.u[truth] += step;
            row.w[guess] -= 1.0;
            row.u[guess] -= step;
        }
    }

    /// The averaged model, without the weights smaller than `min_weight`.
    pub fn finish(&self, min_weight: f32) -> Perceptron {
        let steps = self.step.max(1) as f64;
        let mut keys: Vec<u64> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let mut index = HashMap::with_capacity_and_hasher(keys.len(), Default::default());
        let mut weights = Vec::new();
        for k in keys {
            let row = &self.rows[&k];
            let at = weights.len() as u32;
            let mut len = 0u16;
            for c in 0..self.classes.len() {
                let avg = (f64::from(row.w[c]) - row.u[c] / steps) as f32;
                if avg.abs() >= min_weight {
                    weights.push((c as u16, avg));
                    len += 1;
                }
            }
            if len > 0 {
                index.insert(k, (at, len));
            }
        }
        Perceptron {
            classes: self.classes.clone(),
            index,
            weights,
        }
    }
}

/// The highest-scoring class `allowed` admits (0 when none is); ties go to the lower class id,
/// so prediction is deterministic. Shared by the trained model and the trainer.
fn best_allowed(scores: &[f32], allowed: impl Fn(usize) -> bool) -> usize {
    let mut best = None;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(c) && best.is_none_or(|(_, b)| s > b) {
            best = Some((c, s));
        }
    }
    best.map_or(0, |(c, _)| c)
}

pub fn write_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// Reads the little-endian values [`Perceptron::write`] and its neighbours wrote.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, at: 0 }
    }

    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    pub fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }

    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    pub fn str(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }

    pub fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_rule_and_round_trips() {
        let classes = vec!["A".to_owned(), "B".to_owned()];
        let mut t = Trainer::new(classes);
        let fa = FeatureHash::new("w").with("apple").finish();
        let fb = FeatureHash::new("w").with("bean").finish();
        let bias = FeatureHash::new("bias").finish();
        let mut scores = [0.0; 2];
        for _ in 0..5 {
            for (f, y) in [(fa, 0), (fb, 1)] {
                let g = t.predict(&[f, bias], &mut scores, |_| true);
                t.update(&[f, bias], y, g);
            }
        }
        let model = t.finish(0.0);
        assert_eq!(model.predict(&[fa, bias], &mut scores, |_| true), 0);
        assert_eq!(model.predict(&[fb, bias], &mut scores, |_| true), 1);
        let mut bytes = Vec::new();
        model.write(&mut bytes);
        let back = Perceptron::read(&mut Reader::new(&bytes)).unwrap();
        assert_eq!(back.predict(&[fb, bias], &mut scores, |_| true), 1);
        let mut again = Vec::new();
        back.write(&mut again);
        assert_eq!(bytes, again);
    }
}
