//! `seloste diff OLD NEW`: what changed between two versions, section by section.

use crate::input::read_notice_spec;

pub fn run(old: &str, new: &str, lang: Option<&str>, json: bool) -> Result<u8, String> {
    let (old_notice, _) = read_notice_spec(old)?;
    let (new_notice, _) = read_notice_spec(new)?;
    let lang = new_notice
        .pick_language(lang.unwrap_or_else(|| new_notice.main_language()))
        .to_owned();
    let diff =
        seloste_schema::diff_named(&old_notice, &new_notice, &lang, seloste_widget::i18n::place);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&diff).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", diff.to_text());
    }
    Ok(0)
}
