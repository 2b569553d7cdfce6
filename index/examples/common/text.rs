//! Text comparison shared by the evaluation examples (`eval_clip`, `compare_extractors`),
//! included with `#[path]`: examples cannot depend on one another.

use std::collections::HashMap;

/// The lower-cased alphanumeric words of a text.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Bag-of-words F1 of a predicted text against the expected one (1 when both are empty).
pub fn token_f1(predicted: &str, expected: &str) -> f64 {
    let mut counts: HashMap<String, i64> = HashMap::new();
    let e = words(expected);
    let p = words(predicted);
    if e.is_empty() && p.is_empty() {
        return 1.0;
    }
    for w in &e {
        *counts.entry(w.clone()).or_default() += 1;
    }
    let mut shared = 0;
    for w in &p {
        if let Some(c) = counts.get_mut(w)
            && *c > 0
        {
            *c -= 1;
            shared += 1;
        }
    }
    if shared == 0 {
        return 0.0;
    }
    let precision = shared as f64 / p.len() as f64;
    let recall = shared as f64 / e.len() as f64;
    2.0 * precision * recall / (precision + recall)
}
