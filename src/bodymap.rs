//! The body map: our own front/back figure (adult, and an infant variant used under 2 years),
//! cut into cells of known area. Painting cells gives each SCORAD segment's percent and each
//! EASI region's percent and area score. Pure Rust, tested natively.
//!
//! Every cell belongs to exactly one SCORAD segment and one EASI region. The trunk region
//! includes the genitals; the buttocks (the bottom row of the back) belong to the EASI lower
//! limbs but to SCORAD's back segment, as in the rule of nines. Within a segment all cells
//! have equal area, and each segment has 4 or 20 cells, so a segment's percent is an exact
//! multiple of 0.1 %. With adult weights the buttocks are 20 % of the back (3.6 % of the body),
//! about 9 % of the EASI lower-limb region (HOME's guide says about 10 %).

use crate::scoring::easi::{AreaScore, Region};
use crate::scoring::scorad::{AgeVariant, Segment};
use serde::{Deserialize, Serialize};

/// Which side of the body a view shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    /// Front (the patient's right arm on the viewer's left).
    Front,
    /// Back (the patient's left arm on the viewer's left).
    Back,
}

/// One drawn body part: a rectangle of `cols × rows` equal cells in one segment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Part {
    /// The SCORAD segment it belongs to.
    pub segment: Segment,
    /// The view it is drawn in.
    pub view: View,
    /// Position and size in the view's 240 × 460 drawing units.
    pub rect: [f32; 4],
    /// Corner rounding of the outline.
    pub round: f32,
    /// Cell columns.
    pub cols: u8,
    /// Cell rows.
    pub rows: u8,
}

impl Part {
    /// The EASI region of the cell in `row` (counted from the top).
    pub fn region(&self, row: u8) -> Region {
        use Segment::*;
        match self.segment {
            HeadNeckFront | HeadNeckBack => Region::HeadNeck,
            UpperLimbLeftFront | UpperLimbLeftBack | UpperLimbRightFront | UpperLimbRightBack => Region::UpperLimbs,
            TrunkFront | Genitals => Region::Trunk,
            // The bottom row of the back is the buttocks.
            TrunkBack if row + 1 == self.rows => Region::LowerLimbs,
            TrunkBack => Region::Trunk,
            _ => Region::LowerLimbs,
        }
    }

    /// Number of cells.
    pub fn cells(&self) -> u32 {
        u32::from(self.cols) * u32::from(self.rows)
    }
}

/// Parts of the adult figure, both views.
fn adult_parts() -> [Part; 13] {
    use Segment::*;
    use View::*;
    let p = |segment, view, rect, round, cols, rows| Part { segment, view, rect, round, cols, rows };
    [
        p(HeadNeckFront, Front, [96.0, 6.0, 48.0, 62.0], 20.0, 4, 5),
        p(HeadNeckBack, Back, [96.0, 6.0, 48.0, 62.0], 20.0, 4, 5),
        p(UpperLimbRightFront, Front, [46.0, 76.0, 30.0, 190.0], 12.0, 2, 10),
        p(UpperLimbRightBack, Back, [164.0, 76.0, 30.0, 190.0], 12.0, 2, 10),
        p(UpperLimbLeftFront, Front, [164.0, 76.0, 30.0, 190.0], 12.0, 2, 10),
        p(UpperLimbLeftBack, Back, [46.0, 76.0, 30.0, 190.0], 12.0, 2, 10),
        p(TrunkFront, Front, [80.0, 72.0, 80.0, 150.0], 10.0, 4, 5),
        p(TrunkBack, Back, [80.0, 72.0, 80.0, 172.0], 10.0, 4, 5),
        p(LowerLimbRightFront, Front, [82.0, 246.0, 36.0, 206.0], 12.0, 2, 10),
        p(LowerLimbRightBack, Back, [122.0, 246.0, 36.0, 206.0], 12.0, 2, 10),
        p(LowerLimbLeftFront, Front, [122.0, 246.0, 36.0, 206.0], 12.0, 2, 10),
        p(LowerLimbLeftBack, Back, [82.0, 246.0, 36.0, 206.0], 12.0, 2, 10),
        p(Genitals, Front, [106.0, 224.0, 28.0, 20.0], 6.0, 2, 2),
    ]
}

/// Parts of the infant figure: a larger head, a longer trunk, shorter limbs.
fn infant_parts() -> [Part; 13] {
    adult_parts().map(|mut part| {
        use Segment::*;
        let [x, _, w, h] = part.rect;
        part.rect = match part.segment {
            HeadNeckFront | HeadNeckBack => [84.0, 6.0, 72.0, 92.0],
            TrunkFront => [78.0, 102.0, 84.0, 140.0],
            TrunkBack => [78.0, 102.0, 84.0, 160.0],
            Genitals => [106.0, 244.0, 28.0, 18.0],
            UpperLimbLeftFront | UpperLimbLeftBack | UpperLimbRightFront | UpperLimbRightBack => {
                [if x < 120.0 { x - 2.0 } else { x + 2.0 }, 106.0, w + 4.0, 150.0]
            }
            _ => [x, 266.0, w + 2.0, h - 70.0],
        };
        part
    })
}

/// The figure for an age variant: the infant one under 2 years.
pub fn parts(age: AgeVariant) -> [Part; 13] {
    match age {
        AgeVariant::Age2Plus => adult_parts(),
        AgeVariant::Under2 => infant_parts(),
    }
}

/// Which cells are painted: one bit per cell, per segment in [`Segment::ALL`] order
/// (bit `row × cols + col`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Painting(pub [u32; 13]);

fn segment_slot(segment: Segment) -> usize {
    Segment::ALL.iter().position(|&s| s == segment).expect("every segment is listed")
}

/// The shared cell layout (cols, rows) of a segment; the same in both figures.
pub fn layout(segment: Segment) -> (u8, u8) {
    let part = adult_parts().into_iter().find(|p| p.segment == segment).expect("every segment is drawn");
    (part.cols, part.rows)
}

impl Painting {
    /// Whether cell `index` of `segment` is painted.
    pub fn is_painted(&self, segment: Segment, index: u8) -> bool {
        self.0[segment_slot(segment)] & (1 << index) != 0
    }

    /// Paints (`true`) or clears one cell.
    pub fn set(&mut self, segment: Segment, index: u8, painted: bool) {
        let (cols, rows) = layout(segment);
        if index >= cols * rows {
            return;
        }
        let bits = &mut self.0[segment_slot(segment)];
        if painted {
            *bits |= 1 << index;
        } else {
            *bits &= !(1 << index);
        }
    }

    /// Whether any cell of an EASI region is painted.
    pub fn painted_in(&self, region: Region) -> bool {
        let mut cleared = *self;
        cleared.clear_region(region);
        cleared != *self
    }

    /// Clears every cell of an EASI region.
    pub fn clear_region(&mut self, region: Region) {
        for part in adult_parts() {
            for row in 0..part.rows {
                if part.region(row) == region {
                    for col in 0..part.cols {
                        self.set(part.segment, row * part.cols + col, false);
                    }
                }
            }
        }
    }

    /// The first unpainted cell of a segment (the keyboard paints cells in this order).
    pub fn next_unpainted(&self, segment: Segment) -> Option<u8> {
        let (cols, rows) = layout(segment);
        (0..cols * rows).find(|&i| !self.is_painted(segment, i))
    }

    /// The last painted cell of a segment (the keyboard clears cells in this order).
    pub fn last_painted(&self, segment: Segment) -> Option<u8> {
        let (cols, rows) = layout(segment);
        (0..cols * rows).rev().find(|&i| self.is_painted(segment, i))
    }

    /// Paints or clears every cell of a segment.
    pub fn set_segment(&mut self, segment: Segment, painted: bool) {
        let (cols, rows) = layout(segment);
        for i in 0..cols * rows {
            self.set(segment, i, painted);
        }
    }

    /// Whether anything is painted.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&b| b == 0)
    }

    /// Percent of `segment` painted, in tenths (exact: cells are 4 or 20 per segment).
    pub fn segment_tenths(&self, segment: Segment) -> u16 {
        let (cols, rows) = layout(segment);
        let cells = u32::from(cols) * u32::from(rows);
        let painted = (self.0[segment_slot(segment)] & mask(cells)).count_ones();
        (painted * 1000 / cells) as u16
    }

    /// The painted and total body-surface units of an EASI region. A cell's unit is its
    /// segment's weight (half percents, for `age`) × its share of the segment (in 1/1000).
    pub fn region_units(&self, region: Region, age: AgeVariant) -> (u32, u32) {
        let (mut painted, mut total) = (0, 0);
        for part in adult_parts() {
            let unit = part.segment.weight_half_percent(age) * (1000 / part.cells());
            for row in 0..part.rows {
                if part.region(row) != region {
                    continue;
                }
                for col in 0..part.cols {
                    total += unit;
                    if self.is_painted(part.segment, row * part.cols + col) {
                        painted += unit;
                    }
                }
            }
        }
        (painted, total)
    }

    /// Percent of an EASI region painted, in tenths, rounded down — but never to 0 when
    /// anything is painted, so that the area score bands (> 0, 10, 30 … %) stay exact.
    pub fn region_tenths(&self, region: Region, age: AgeVariant) -> u16 {
        let (painted, total) = self.region_units(region, age);
        let tenths = (u64::from(painted) * 1000 / u64::from(total)) as u16;
        if painted > 0 { tenths.max(1) } else { 0 }
    }

    /// EASI area score 0–6 of a region from the painting.
    pub fn area_score(&self, region: Region, age: AgeVariant) -> AreaScore {
        AreaScore::from_percent_tenths(self.region_tenths(region, age)).expect("a share is at most 100 %")
    }
}

fn mask(cells: u32) -> u32 {
    if cells >= 32 { u32::MAX } else { (1 << cells) - 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paint_all(painting: &mut Painting, segment: Segment) {
        let (cols, rows) = layout(segment);
        for i in 0..cols * rows {
            painting.set(segment, i, true);
        }
    }

    #[test]
    fn every_segment_is_drawn_once_per_figure_with_cells_dividing_1000() {
        for age in [AgeVariant::Age2Plus, AgeVariant::Under2] {
            let parts = parts(age);
            for segment in Segment::ALL {
                let matching: Vec<_> = parts.iter().filter(|p| p.segment == segment).collect();
                assert_eq!(matching.len(), 1, "{segment:?}");
                assert_eq!(1000 % matching[0].cells(), 0, "{segment:?}: percent must be exact tenths");
                assert!(matching[0].cells() <= 32);
            }
        }
    }

    #[test]
    fn painting_cells_gives_exact_segment_percent() {
        // Assemble: trunk front has 20 cells, 5 % each.
        let mut painting = Painting::default();
        // Act
        for i in [0, 1, 2] {
            painting.set(Segment::TrunkFront, i, true);
        }
        // Assert
        assert_eq!(painting.segment_tenths(Segment::TrunkFront), 150);
        assert_eq!(painting.segment_tenths(Segment::TrunkBack), 0);
        painting.set(Segment::TrunkFront, 1, false);
        assert_eq!(painting.segment_tenths(Segment::TrunkFront), 100);
    }

    #[test]
    fn the_whole_trunk_front_is_54_percent_of_the_easi_trunk() {
        // Trunk region (adult): front 18 + back without buttocks 14.4 + genitals 1 = 33.4 % BSA.
        let mut painting = Painting::default();
        paint_all(&mut painting, Segment::TrunkFront);
        let (painted, total) = painting.region_units(Region::Trunk, AgeVariant::Age2Plus);
        assert_eq!(painted * 334, total * 180); // painted / total = 18 / 33.4
        assert_eq!(painting.region_tenths(Region::Trunk, AgeVariant::Age2Plus), 538); // 53.89 % ↓
        assert_eq!(painting.area_score(Region::Trunk, AgeVariant::Age2Plus).get(), 4);
    }

    #[test]
    fn buttocks_count_to_scorad_back_but_easi_lower_limbs() {
        // Assemble: the bottom row (4 of 20 cells) of the back.
        let mut painting = Painting::default();
        for i in 16..20 {
            painting.set(Segment::TrunkBack, i, true);
        }
        // Assert: 20 % of the SCORAD back; nothing of the EASI trunk; 3.6 / 39.6 of the legs.
        assert_eq!(painting.segment_tenths(Segment::TrunkBack), 200);
        assert_eq!(painting.region_tenths(Region::Trunk, AgeVariant::Age2Plus), 0);
        assert_eq!(painting.region_tenths(Region::LowerLimbs, AgeVariant::Age2Plus), 90); // 9.09 % ↓
        assert_eq!(painting.area_score(Region::LowerLimbs, AgeVariant::Age2Plus).get(), 1);
    }

    #[test]
    fn one_small_cell_scores_area_1_not_0() {
        let mut painting = Painting::default();
        painting.set(Segment::Genitals, 0, true);
        assert!(painting.region_tenths(Region::Trunk, AgeVariant::Age2Plus) >= 1);
        assert_eq!(painting.area_score(Region::Trunk, AgeVariant::Age2Plus).get(), 1);
    }

    #[test]
    fn under_2_weights_shift_the_region_shares() {
        // Head front alone is half the head and neck at any age.
        let mut painting = Painting::default();
        paint_all(&mut painting, Segment::HeadNeckFront);
        assert_eq!(painting.region_tenths(Region::HeadNeck, AgeVariant::Under2), 500);
        // One leg front: adult 9 / 39.6 = 22.7 %; infant 6 / 27.6 = 21.7 %.
        let mut painting = Painting::default();
        paint_all(&mut painting, Segment::LowerLimbLeftFront);
        assert_eq!(painting.region_tenths(Region::LowerLimbs, AgeVariant::Age2Plus), 227);
        assert_eq!(painting.region_tenths(Region::LowerLimbs, AgeVariant::Under2), 217);
    }

    #[test]
    fn clear_region_clears_only_that_region() {
        let mut painting = Painting::default();
        paint_all(&mut painting, Segment::TrunkBack);
        paint_all(&mut painting, Segment::TrunkFront);
        painting.clear_region(Region::LowerLimbs);
        assert_eq!(painting.segment_tenths(Segment::TrunkBack), 800);
        assert_eq!(painting.segment_tenths(Segment::TrunkFront), 1000);
    }

    #[test]
    fn the_keyboard_order_paints_forward_and_clears_backward() {
        let mut painting = Painting::default();
        assert_eq!(painting.next_unpainted(Segment::Genitals), Some(0));
        assert_eq!(painting.last_painted(Segment::Genitals), None);
        painting.set_segment(Segment::Genitals, true);
        assert_eq!(painting.next_unpainted(Segment::Genitals), None);
        assert_eq!(painting.last_painted(Segment::Genitals), Some(3));
        assert_eq!(painting.segment_tenths(Segment::Genitals), 1000);
        painting.set_segment(Segment::Genitals, false);
        assert!(painting.is_empty());
    }

    #[test]
    fn cells_out_of_range_are_ignored() {
        let mut painting = Painting::default();
        painting.set(Segment::Genitals, 4, true);
        assert!(painting.is_empty());
    }
}
