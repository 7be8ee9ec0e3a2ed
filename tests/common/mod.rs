//! Fixtures shared by the native test files: the documented example records
//! (docs/record-format.md) — EASI 7.1; SCORAD objective 22.75, total 32.25; POEM 14;
//! DLQI 13; itch 7; sleep 4.
#![allow(dead_code)]

use adscore::Assessment;

pub mod strategies;

pub const EASI: &str = r#"{"instrument":"easi","age_years":34,"regions":{"head_neck":{"area":2,"erythema":1.5,"edema_papulation":1,"excoriation":0,"lichenification":2},"upper_limbs":{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0},"trunk":{"area":3,"erythema":2,"edema_papulation":2,"excoriation":1,"lichenification":1},"lower_limbs":{"area":1,"erythema":1,"edema_papulation":1,"excoriation":0,"lichenification":0}}}"#;
pub const SCORAD: &str = r#"{"instrument":"scorad","age_years":1,"extent":{"head_neck_front":50,"head_neck_back":0,"upper_limb_left_front":0,"upper_limb_left_back":0,"upper_limb_right_front":0,"upper_limb_right_back":0,"trunk_front":25,"trunk_back":0,"lower_limb_left_front":0,"lower_limb_left_back":0,"lower_limb_right_front":0,"lower_limb_right_back":0,"genitals":0},"intensity":{"erythema":2,"edema_papulation":1,"oozing_crusts":0,"excoriation":1,"lichenification":0,"dryness":2},"subjective":{"pruritus":6.5,"sleep_loss":3}}"#;
pub const POEM: &str = r#"{"instrument":"poem","answers":[4,3,null,0,1,2,4]}"#;
pub const DLQI: &str = r#"{"instrument":"dlqi","answers":[3,2,"not_relevant",1,0,0,3,1,"not_relevant",2]}"#;
pub const ITCH: &str = r#"{"instrument":"itch_nrs","value":7}"#;
pub const SLEEP: &str = r#"{"instrument":"sleep_nrs","value":4}"#;

/// A record that must be valid.
pub fn record(json: &str) -> Assessment {
    Assessment::from_json(json).unwrap()
}
