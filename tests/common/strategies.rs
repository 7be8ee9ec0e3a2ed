//! Proptest strategies shared by the property-test files.

use adscore::scoring::dlqi::{DlqiAnswer, DlqiRecord};
use adscore::scoring::nrs::{NrsRecord, NrsValue};
use proptest::prelude::*;

/// A DLQI record: mostly answered; "not relevant" only on items 3–10.
pub fn dlqi() -> impl Strategy<Value = DlqiRecord> {
    let first_two = prop::option::weighted(0.9, (0u8..=3).prop_map(DlqiAnswer::Score));
    let rest = prop::option::weighted(
        0.9,
        prop_oneof![3 => (0u8..=3).prop_map(DlqiAnswer::Score), 1 => Just(DlqiAnswer::NotRelevant)],
    );
    (prop::array::uniform2(first_two), prop::array::uniform8(rest)).prop_map(|(a, b)| {
        let mut answers = [None; 10];
        answers[..2].copy_from_slice(&a);
        answers[2..].copy_from_slice(&b);
        DlqiRecord { answers }
    })
}

/// An itch or sleep NRS record, 0–10.
pub fn nrs() -> impl Strategy<Value = NrsRecord> {
    (0u8..=10).prop_map(|v| NrsRecord { value: NrsValue::new(v).unwrap() })
}
