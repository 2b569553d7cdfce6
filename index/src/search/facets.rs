//! Facet counts: per segment, counters per column ordinal over a hash-picked sample of the
//! matches, added at harvest into counters per value (speaker, organization, outlet, story,
//! tag, year).

use super::*;

pub(super) const FACET_FIELDS: [&str; FACETS] = [
    "speaker_facet",
    "organization_facet",
    "outlet_facet",
    "story_facet",
    "tag_facet",
];
/// Speaker, organization, outlet, story, tag (the year is counted apart).
pub(super) const FACETS: usize = 5;
/// Up to this many matches, facets are counted exactly; beyond it, about this many matches (one
/// in `stride`, picked by a hash of the document) are counted and the counts scaled. Counting
/// reads four columns per match, so exact counts over a common word at a million quotes took
/// 12 ms; a sample of 2,048 puts any value above 5% of the matches within about ±15%.
pub(super) const FACET_EXACT: usize = 2_048;
/// Years are counted in an array indexed by year; later ones go to the last slot's neighbour map.
pub(super) const YEARS: usize = 3_000;

/// Facet counts from fast fields: per segment, a counter per term ordinal, added at harvest
/// into counters per value (see `FacetValues`). Counts about one match in every `stride`
/// (1: all of them).
pub(super) struct FacetCounter<'a> {
    pub(super) stride: u32,
    pub(super) values: &'a Mutex<FacetValues>,
}

/// Every facet value seen, numbered once for the life of the index, and for each segment the
/// number of each of its column ordinals. Reading a value out of a column's dictionary
/// decompresses a block, so each segment's (immutable) dictionaries are read once, and a search
/// counts by number and looks up only the values it reports.
#[derive(Default)]
pub(super) struct FacetValues {
    pub(super) names: [Vec<String>; FACETS],
    numbers: [HashMap<String, u32>; FACETS],
    segments: HashMap<tantivy::index::SegmentId, Arc<FacetColumns>>,
}

/// A segment's facet columns and the number of each of their ordinals.
pub(super) struct FacetColumns {
    columns: [Option<tantivy::columnar::StrColumn>; FACETS],
    year: Option<tantivy::columnar::Column<u64>>,
    numbers: [Vec<u32>; FACETS],
}

impl FacetValues {
    fn segment(&mut self, reader: &tantivy::SegmentReader) -> tantivy::Result<Arc<FacetColumns>> {
        let id = reader.segment_id();
        if let Some(found) = self.segments.get(&id) {
            return Ok(found.clone());
        }
        let fast = reader.fast_fields();
        let mut columns: [Option<tantivy::columnar::StrColumn>; FACETS] = Default::default();
        for (slot, name) in columns.iter_mut().zip(FACET_FIELDS) {
            *slot = fast.str(name)?;
        }
        let mut numbers: [Vec<u32>; FACETS] = Default::default();
        for (facet, column) in columns.iter().enumerate() {
            let Some(column) = column else { continue };
            let mut stream = column.dictionary().stream()?;
            while stream.advance() {
                let name = String::from_utf8_lossy(stream.key());
                let number = match self.numbers[facet].get(name.as_ref()) {
                    Some(n) => *n,
                    None => {
                        let n = self.names[facet].len() as u32;
                        self.names[facet].push(name.clone().into_owned());
                        self.numbers[facet].insert(name.into_owned(), n);
                        n
                    }
                };
                numbers[facet].push(number);
            }
        }
        // Forget segments that merges have replaced (the values stay: they are few).
        if self.segments.len() > 64 {
            self.segments.clear();
        }
        let found = Arc::new(FacetColumns {
            columns,
            year: fast.u64("year").ok(),
            numbers,
        });
        self.segments.insert(id, found.clone());
        Ok(found)
    }
}

#[derive(Default)]
pub(super) struct FacetTally {
    /// Per facet, the count of each value by its number in `FacetValues`.
    pub(super) values: [Vec<u64>; FACETS],
    pub(super) years: HashMap<u64, u64>,
}

pub(super) struct FacetSegment {
    stride: u32,
    /// A document is counted when its hash is at most this (about one in `stride`).
    threshold: u32,
    found: Arc<FacetColumns>,
    /// Per facet, a counter per column ordinal.
    counts: Vec<Vec<u32>>,
    years: Vec<u32>,
}

impl tantivy::collector::Collector for FacetCounter<'_> {
    type Fruit = FacetTally;
    type Child = FacetSegment;

    fn for_segment(
        &self,
        _segment: tantivy::SegmentOrdinal,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<FacetSegment> {
        let found = self
            .values
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .segment(reader)?;
        Ok(FacetSegment {
            stride: self.stride.max(1),
            threshold: u32::MAX / self.stride.max(1),
            counts: found
                .columns
                .iter()
                .map(|c| {
                    c.as_ref()
                        .map_or(Vec::new(), |c| vec![0; c.dictionary().num_terms()])
                })
                .collect(),
            found,
            years: vec![0; YEARS],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetTally>) -> tantivy::Result<FacetTally> {
        let mut total = FacetTally::default();
        for fruit in fruits {
            for (into, from) in total.values.iter_mut().zip(fruit.values) {
                if into.len() < from.len() {
                    into.resize(from.len(), 0);
                }
                for (a, b) in into.iter_mut().zip(from) {
                    *a += b;
                }
            }
            for (k, v) in fruit.years {
                *total.years.entry(k).or_default() += v;
            }
        }
        Ok(total)
    }
}

impl FacetSegment {
    fn count(&mut self, doc: DocId) {
        for (column, counts) in self.found.columns.iter().zip(self.counts.iter_mut()) {
            if let Some(column) = column {
                for ord in column.ords().values_for_doc(doc) {
                    counts[ord as usize] += 1;
                }
            }
        }
        if let Some(year) = self.found.year.as_ref().and_then(|c| c.first(doc)) {
            self.years[(year as usize).min(YEARS - 1)] += 1;
        }
    }
}

impl tantivy::collector::SegmentCollector for FacetSegment {
    type Fruit = FacetTally;

    fn collect(&mut self, doc: tantivy::DocId, _score: tantivy::Score) {
        // A hash of the document rather than every n-th match: the order quotes were added in
        // may repeat with any period (a speaker every third quote), which a stride would alias.
        if doc.wrapping_mul(0x9E37_79B1) > self.threshold {
            return;
        }
        self.count(doc);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        for &doc in docs {
            if doc.wrapping_mul(0x9E37_79B1) <= self.threshold {
                self.count(doc);
            }
        }
    }
    fn harvest(self) -> FacetTally {
        let scale = u64::from(self.stride);
        let mut tally = FacetTally {
            years: self
                .years
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(year, n)| (year as u64, u64::from(*n) * scale))
                .collect(),
            ..Default::default()
        };
        for ((into, counts), numbers) in tally
            .values
            .iter_mut()
            .zip(&self.counts)
            .zip(self.found.numbers.iter())
        {
            for (ord, n) in counts.iter().enumerate() {
                if *n == 0 {
                    continue;
                }
                let Some(&number) = numbers.get(ord) else {
                    continue;
                };
                let number = number as usize;
                if into.len() <= number {
                    into.resize(number + 1, 0);
                }
                into[number] += u64::from(*n) * scale;
            }
        }
        tally
    }
}
