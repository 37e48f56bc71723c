//! `seloste schema`: the JSON Schema of notice (or history) files.

pub fn run(history: bool) -> Result<u8, String> {
    let schema = if history {
        seloste_schema::json_schema::history()
    } else {
        seloste_schema::json_schema::notice()
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?
    );
    Ok(0)
}
