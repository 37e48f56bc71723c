//! Building strings without `core::fmt`: every `format!` links a call into the formatting
//! machinery (and `Display` for each argument's type) into the widget's wasm; joining the parts
//! and writing digits by hand is smaller. Measured in `widget/README.md`.

/// The parts, one after the other.
pub fn cat(parts: &[&str]) -> String {
    parts.concat()
}

/// `n` in decimal digits.
pub fn num(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&d| char::from(d)).collect()
}

#[cfg(test)]
mod tests {
    use super::{cat, num};

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 100, 2026, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(num(n), n.to_string());
        }
    }

    #[test]
    fn parts_are_joined_in_order() {
        assert_eq!(cat(&["Versio", " ", "3"]), "Versio 3");
        assert_eq!(cat(&[]), "");
    }
}
