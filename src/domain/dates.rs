//! Dates as officers type them.

use jiff::civil::Date;

/// Accepts `2025-03-14`, `14-03-2025` and `14/03/2025`.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['-', '/']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |p: &str| p.parse::<i32>().ok();
    let (y, m, d) = if parts[0].len() == 4 && s.as_bytes().get(4) == Some(&b'-') {
        (n(parts[0])?, n(parts[1])?, n(parts[2])?)
    } else if parts[2].len() == 4 {
        (n(parts[2])?, n(parts[1])?, n(parts[0])?)
    } else {
        return None;
    };
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// Whether `s` is written as a date (three groups of digits, one of them a four-digit year)
/// even if no such day exists (`31-02-2026`): the form then says "no such date" rather
/// than showing the accepted spellings again.
pub fn looks_like_date(s: &str) -> bool {
    let parts: Vec<&str> = s.trim().split(['-', '/']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && (parts[0].len() == 4 || parts[2].len() == 4)
}

/// ISO form, the one exports write.
pub fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn three_spellings_are_accepted() {
        assert_eq!(parse_date("2025-03-14"), Some(date(2025, 3, 14)));
        assert_eq!(parse_date("14-03-2025"), Some(date(2025, 3, 14)));
        assert_eq!(parse_date("14/03/2025"), Some(date(2025, 3, 14)));
    }

    #[test]
    fn impossible_or_ambiguous_dates_are_refused() {
        assert_eq!(parse_date("2025-02-30"), None);
        assert_eq!(parse_date("2025/03/14"), None);
        assert_eq!(parse_date("14-03-25"), None);
        assert_eq!(parse_date("kemarin"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn format_is_iso() {
        assert_eq!(format_date(date(2025, 3, 4)), "2025-03-04");
    }

    #[test]
    fn a_date_shaped_text_is_told_apart_from_a_real_date() {
        assert!(looks_like_date("31-02-2026") && parse_date("31-02-2026").is_none());
        assert!(looks_like_date("2026-03-14") && parse_date("2026-03-14").is_some());
        assert!(!looks_like_date("14 maret"));
        assert!(!looks_like_date("14-03-26"));
    }
}
