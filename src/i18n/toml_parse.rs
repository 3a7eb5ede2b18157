//! The TOML parser's own messages in Vietnamese: its phrases (`string values must be quoted`,
//! `expected newline`) are a fixed vocabulary, translated here phrase by phrase.

use crate::model::Lang;

/// The parser's `message` (`"{what}, expected {a}, {b}"`) in `lang`, phrase by phrase.
pub(crate) fn parser_message(lang: Lang, message: &str) -> String {
    if lang == Lang::En {
        return message.to_string();
    }
    let (what, expected) = match message.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (message, None),
    };
    let mut out = translated(what);
    match expected {
        Some("nothing") | None => {}
        Some(items) => {
            let items: Vec<String> = items.split(", ").map(translated).collect();
            out.push_str("; cần ");
            out.push_str(&items.join(", "));
        }
    }
    out
}

/// The parser's phrases with a part that varies, `{}`: carried over as written.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "cannot extend value of type {} with a dotted key",
        "không thể thêm khóa có dấu chấm vào giá trị kiểu {} đã có",
    ),
    ("day between 01 and {}", "ngày từ 01 đến {}"),
];

/// One phrase of the parser in Vietnamese, by a template or the vocabulary; a phrase neither
/// knows stays as the parser wrote it.
fn translated(english: &str) -> String {
    (TEMPLATES.iter())
        .find_map(|&(en, vi)| filled(en, vi, english))
        .unwrap_or_else(|| phrase(english).unwrap_or(english).to_string())
}

/// `vi` if `text` is the template `en`, with the part `{}` stands for carried over.
fn filled(en: &str, vi: &str, text: &str) -> Option<String> {
    let (before, after) = en.split_once("{}")?;
    let part = text.strip_prefix(before)?.strip_suffix(after)?;
    Some(vi.replacen("{}", part, 1))
}

/// The parser's fixed vocabulary in Vietnamese.
fn phrase(english: &str) -> Option<&'static str> {
    Some(match english {
        // What went wrong.
        "string values must be quoted" => "chuỗi phải đặt trong dấu ngoặc kép",
        "unexpected key or value" => "có khóa hoặc giá trị thừa trên dòng này",
        "duplicate key" => "khóa bị trùng: khóa này đã có ở trên",
        "key with no value" => "khóa chưa có giá trị",
        "missing value" | "missing value for key" => "thiếu giá trị",
        "invalid value" => "giá trị không hợp lệ",
        "invalid key" | "invalid unquoted key" => "khóa không hợp lệ",
        "invalid key-value pair" => "cặp khóa = giá trị không hợp lệ",
        "invalid string" | "invalid basic string" => "chuỗi không hợp lệ",
        "invalid literal string" => "chuỗi nguyên văn ('…') không hợp lệ",
        "invalid multi-line basic string" => "chuỗi nhiều dòng không hợp lệ",
        "invalid multi-line literal string" => "chuỗi nguyên văn nhiều dòng không hợp lệ",
        "invalid date" => "ngày không hợp lệ",
        "invalid datetime" | "invalid date-time" => "ngày giờ không hợp lệ",
        "invalid float" => "số thập phân không hợp lệ",
        "invalid fraction" => "phần thập phân không hợp lệ",
        "invalid exponent" => "phần lũy thừa không hợp lệ",
        "invalid mantissa" => "phần định trị không hợp lệ",
        "invalid integer number" => "số nguyên không hợp lệ",
        "invalid binary number" => "số nhị phân không hợp lệ",
        "invalid octal number" => "số bát phân không hợp lệ",
        "invalid hexadecimal number" => "số thập lục phân không hợp lệ",
        "invalid boolean" => "giá trị true/false không hợp lệ",
        "invalid comment character" => "ký tự không được phép trong chú thích",
        "invalid inline table element" => "phần tử của bảng một dòng không hợp lệ",
        "invalid table" => "bảng không hợp lệ",
        "unclosed table" => "tiêu đề bảng chưa đóng",
        "unclosed array table" => "tiêu đề mảng bảng chưa đóng",
        "unclosed array" => "mảng chưa đóng",
        "unclosed inline table" => "bảng một dòng chưa đóng",
        "missing comma between array elements" => "thiếu dấu phẩy giữa các phần tử của mảng",
        "missing comma between key-value pairs" => "thiếu dấu phẩy giữa các cặp khóa = giá trị",
        "missing assignment between key-value pairs" => "thiếu dấu = giữa khóa và giá trị",
        "missing key for inline table element" => "thiếu khóa cho phần tử của bảng một dòng",
        "missing array opening" => "thiếu dấu mở mảng",
        "missing inline table opening" => "thiếu dấu mở bảng một dòng",
        "missing table open" => "thiếu dấu mở tiêu đề bảng",
        "missing opening quote" => "thiếu dấu ngoặc kép mở",
        "missing escaped value" => "thiếu ký tự sau dấu \\",
        "missing comment start" => "thiếu dấu # mở đầu chú thích",
        "extra comma in inline table" => "thừa dấu phẩy trong bảng một dòng",
        "extra comma in array" => "thừa dấu phẩy trong mảng",
        "extra assignment between key-value pairs" | "extra `=`" => "thừa dấu =",
        "unexpected content" => "có nội dung thừa",
        "unexpected content between comment and newline" => "có nội dung thừa sau chú thích",
        "unexpected `=` in array" => "không được có dấu = trong mảng",
        "unexpected leading zero" => "số không được bắt đầu bằng chữ số 0",
        "unexpected sign" => "dấu + hoặc - không đúng chỗ",
        "redundant numeric sign" => "thừa dấu + hoặc -",
        "redundant integer number prefix" => "thừa tiền tố của số nguyên",
        "integers with a radix cannot be signed" => "số nguyên có cơ số không được có dấu",
        "radix must be lowercase" => "tiền tố cơ số phải viết thường",
        "`_` may only go between digits" => "`_` chỉ được nằm giữa các chữ số",
        "too few unicode value digits" => "mã Unicode thiếu chữ số",
        "carriage return must be followed by newline" => "ký tự CR phải đi liền với xuống dòng",
        "keys cannot be multi-line literal strings" | "keys cannot be multi-line basic strings" => {
            "khóa không được là chuỗi nhiều dòng"
        }
        "unquoted keys cannot be empty" => "khóa không có dấu ngoặc kép thì không được để trống",
        "cannot recurse further; max recursion depth met" | "recursion limit" => {
            "lồng nhau quá sâu"
        }
        "integer number overflowed" | "u64 value was too large" => "số nguyên quá lớn",
        "floating-point number overflowed" => "số thập phân quá lớn",
        // What the parser expected; characters (`` `#` ``) stay as they are.
        "newline" => "xuống dòng",
        "etc" => "v.v.",
        "value" => "một giá trị",
        "key" => "một khóa",
        "literal string" | "basic string" => "một chuỗi trong dấu ngoặc kép",
        "multi-line basic string" => "một chuỗi nhiều dòng",
        "characters" | "printable characters" => "ký tự in được",
        "non-double-quote visible characters" => "ký tự nhìn thấy được, trừ dấu \"",
        "non-single-quote characters" | "non-single-quote visible characters" => {
            "ký tự nhìn thấy được, trừ dấu '"
        }
        "digits" => "chữ số",
        "letters" => "chữ cái",
        "numbers" => "số",
        "unicode hexadecimal value" => "mã Unicode hệ 16",
        "a four-digit year (YYYY)" => "năm có bốn chữ số (YYYY)",
        "a two-digit month (MM)" => "tháng có hai chữ số (MM)",
        "a two-digit day (DD)" => "ngày có hai chữ số (DD)",
        "a two-digit minute (MM)" => "phút có hai chữ số (MM)",
        "`-` (MM-DD)" => "`-` (MM-DD)",
        "`-` (YYYY-MM) or `:` (HH:MM)" => "`-` (YYYY-MM) hoặc `:` (HH:MM)",
        "`:` (HH:MM)" => "`:` (HH:MM)",
        "hour between 00 and 23" | "hours between 00 and 23" => "giờ từ 00 đến 23",
        "minute between 00 and 59" | "minutes between 00 and 59" => "phút từ 00 đến 59",
        "month between 01 and 12" => "tháng từ 01 đến 12",
        "second between 00 and 60" => "giây từ 00 đến 60",
        "offset" => "múi giờ",
        "date" => "ngày",
        "time" => "giờ",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Messages the parser gives for the slips people make, from `toml::de::DeTable::parse`.
    fn parser_messages() -> Vec<String> {
        let broken = [
            "t = Hello world\n",
            "t = \"abc\n",
            "a = 1\na = 2\n",
            "a = 1 b = 2\n",
            "[[district]\n",
            "[session\n",
            "a = [1 2]\n",
            "v = 62.\n",
            "d = 2024-3-13\n",
            "d = 2024-02-30\n",
            "d = 13-03-2024\n",
            "a = { b = 1,, }\n",
            "a = [1,,2]\n",
            "a = 01\n",
            "a = 1__0\n",
            "a = \"\\q\"\n",
            "= 1\n",
            "a\n",
            "a = 1 # x\u{7}\n",
            "a = 99999999999999999999999\n",
        ];
        broken
            .iter()
            .filter_map(|text| toml::de::DeTable::parse(text).err())
            .map(|e| e.message().trim().to_string())
            .collect()
    }

    #[test]
    fn english_is_kept_as_the_parser_wrote_it() {
        let m = "unexpected key or value, expected newline, `#`";
        assert_eq!(parser_message(Lang::En, m), m);
    }

    #[test]
    fn every_message_of_common_slips_reads_in_vietnamese() {
        let english = [
            "string",
            "quoted",
            "expected",
            "invalid",
            "missing",
            "unexpected",
            "newline",
            "duplicate",
            "key",
            "value",
            "digit",
            "unclosed",
            "year",
            "month",
            "day",
        ];
        let messages = parser_messages();
        assert!(messages.len() >= 18, "{messages:?}");
        for m in messages {
            let vi = parser_message(Lang::Vi, &m);
            for word in english {
                assert!(
                    !vi.split(|c: char| !c.is_alphanumeric()).any(|w| w == word),
                    "`{word}` left in {vi:?} (from {m:?})"
                );
            }
        }
    }

    #[test]
    fn characters_stay_and_phrases_are_joined() {
        assert_eq!(
            parser_message(Lang::Vi, "unexpected key or value, expected newline, `#`"),
            "có khóa hoặc giá trị thừa trên dòng này; cần xuống dòng, `#`"
        );
        assert_eq!(
            parser_message(Lang::Vi, "invalid float, expected nothing"),
            "số thập phân không hợp lệ"
        );
    }

    #[test]
    fn the_part_a_template_leaves_open_is_kept_as_written() {
        assert_eq!(
            parser_message(
                Lang::Vi,
                "cannot extend value of type integer with a dotted key"
            ),
            "không thể thêm khóa có dấu chấm vào giá trị kiểu integer đã có"
        );
        assert_eq!(
            parser_message(Lang::Vi, "invalid date, expected day between 01 and 29"),
            "ngày không hợp lệ; cần ngày từ 01 đến 29"
        );
    }
}
