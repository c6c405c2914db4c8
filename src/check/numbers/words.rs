//! Numbers written as words: `two`, `두 개`, `нуль`, a month's name for
//! its number in a date, and a base of numeration's name (`decimal` for
//! `10進数`). A number one side writes in digits and the other in words
//! is no changed number.

use super::RADIX;

/// Whether `text` spells `n` (0–10) as a word in `language` (`두 개`, `two`),
/// or, in English, names month `n` (1–12): `August 1` is `8월 1일` in
/// Korean, `8月1日` in Japanese and Chinese; or base `n` of a
/// `radix:` value: `decimal` is `10進数`.
pub fn spelled(text: &str, language: &str, n: &str) -> bool {
    if let Some(base) = n.strip_prefix(RADIX) {
        return language == "en" && names_base(text, base);
    }
    let Ok(n) = n.parse::<usize>() else {
        return false;
    };
    if language == "en" && names_month(text, n) {
        return true;
    }
    if language == "ar" && n == 2 && has_dual(text) {
        return true;
    }
    let words = match n {
        0 => zero_words(language),
        n => number_words(language)
            .get(n - 1)
            .copied()
            .unwrap_or_default(),
    };
    // Japanese, Chinese and Thai run words together: a numeral stands
    // anywhere in a run (`2 つの` or `二つの`, `两个`, `สองรายการ`).
    if matches!(language, "ja" | "zh" | "th") {
        return words.iter().any(|p| text.contains(p));
    }
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .any(|w| {
            // `İki` lowercases to `i̇ki`, with a combining dot above.
            let w: String = w.to_lowercase().replace('\u{307}', "");
            words.iter().any(|p| w.starts_with(p))
        })
}

/// Whether English `text` has the name of month `n` as a word
/// (capitalized, as English writes month names: `may` is not May).
fn names_month(text: &str, n: usize) -> bool {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some(month) = n.checked_sub(1).and_then(|i| MONTHS.get(i)) else {
        return false;
    };
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| w == *month || (w.len() == 3 && month.starts_with(w) && n != 5))
}

/// Whether Arabic `text` has a noun in the dual (`سجلين`, two records;
/// `ساعتين`, two hours), which says "two" without a numeral. The
/// feminine dual ends in `تين`/`تان`. The masculine one ends as the
/// masculine plural does (`ين`/`ان`), which is mostly that of longer,
/// derived nouns (`المستخدمين`, users): it is taken on a stem of three or
/// four letters, the article `ال` aside.
fn has_dual(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|w| {
        let letters = |s: &str| s.chars().count();
        if let Some(stem) = w.strip_suffix("تين").or_else(|| w.strip_suffix("تان")) {
            return letters(stem) >= 2;
        }
        let Some(stem) = w.strip_suffix("ين").or_else(|| w.strip_suffix("ان")) else {
            return false;
        };
        let stem = stem.strip_prefix("ال").unwrap_or(stem);
        (3..=4).contains(&letters(stem))
    })
}

/// Word stems for 0 by language (`нуль` for a table's `0`); none where the
/// word is also the start of common words (Korean `영`, English `no`).
/// English `nonzero` is `0 以外` ("other than 0") in Japanese.
fn zero_words(language: &str) -> &'static [&'static str] {
    match language {
        "en" => &["zero", "nonzero"],
        "fr" => &["zero", "zéro"],
        "it" | "pt" | "ca" | "pl" | "ro" => &["zero"],
        "es" => &["cero"],
        "nl" => &["nul"],
        "sv" => &["noll"],
        "da" | "nb" | "no" => &["null"],
        "cs" | "sk" => &["nula", "nulou"],
        "fi" => &["nolla"],
        "tr" => &["sıfır"],
        "ru" => &["нол", "нул"],
        "hu" => &["nulla"],
        "de" => &["null"],
        "el" => &["μηδέν"],
        "uk" => &["нул"],
        "ja" => &["ゼロ", "零"],
        "zh" => &["零"],
        "id" | "ms" => &["nol"],
        _ => &[],
    }
}

/// Word stems for 1 to 10 (cardinal and ordinal) by language.
fn number_words(language: &str) -> &'static [&'static [&'static str]] {
    match language {
        "en" => &[
            &["one", "first", "single"],
            &["two", "second", "both"],
            &["three", "third"],
            &["four"],
            &["five", "fifth"],
            &["six"],
            &["seven"],
            &["eight"],
            &["nine", "ninth"],
            &["ten"],
        ],
        "ko" => &[
            &["한", "하나", "첫"],
            &["두", "둘"],
            &["세", "셋"],
            &["네", "넷"],
            &["다섯"],
            &["여섯"],
            &["일곱"],
            &["여덟"],
            &["아홉"],
            &["열"],
        ],
        "ru" => &[
            &["один", "одн", "перв"],
            &["два", "две", "двух", "двум", "втор", "оба", "обе"],
            &["три", "трех", "трёх", "трем", "трёт", "трет"],
            &["четыр", "четвер"],
            &["пят"],
            &["шест"],
            &["сем", "седьм"],
            &["восем", "восьм"],
            &["девят"],
            &["десят"],
        ],
        "hu" => &[
            &["egy", "első"],
            &["két", "kettő", "második", "mindkét"],
            &["három", "harmad"],
            &["négy", "negyed"],
            &["öt"],
            &["hat"],
            &["hét"],
            &["nyolc"],
            &["kilenc"],
            &["tíz", "tized"],
        ],
        "de" => &[
            &["ein", "erst"],
            &["zwei", "beide"],
            &["drei", "dritt"],
            &["vier"],
            &["fünf"],
            &["sechs"],
            &["sieben"],
            &["acht"],
            &["neun"],
            &["zehn"],
        ],
        "fr" => &[
            &["un", "une", "premi"],
            &["deux", "second"],
            &["trois"],
            &["quatre"],
            &["cinq"],
            &["six"],
            &["sept"],
            &["huit"],
            &["neuf"],
            &["dix"],
        ],
        "es" => &[
            &["un", "primer"],
            &["dos", "segund", "ambos", "ambas"],
            &["tres", "tercer"],
            &["cuatro", "cuart"],
            &["cinco", "quint"],
            &["seis", "sext"],
            &["siete", "séptim"],
            &["ocho", "octav"],
            &["nueve", "noven"],
            &["diez", "décim"],
        ],
        "pt" => &[
            &["um", "uma", "primeir"],
            &["dois", "duas", "segund", "ambos", "ambas"],
            &["três", "terceir"],
            &["quatro", "quart"],
            &["cinco", "quint"],
            &["seis", "sext"],
            &["sete", "sétim"],
            &["oito", "oitav"],
            &["nove", "nona", "nono"],
            &["dez", "décim"],
        ],
        "it" => &[
            &["un", "prim"],
            &["due", "second", "entramb"],
            &["tre", "terz"],
            &["quattro", "quart"],
            &["cinque", "quint"],
            &["sei", "sest"],
            &["sette", "settim"],
            &["otto", "ottav"],
            &["nove", "nona", "nono"],
            &["dieci", "decim"],
        ],
        "ca" => &[
            &["un", "primer"],
            &["dos", "dues", "segon", "ambd"],
            &["tres", "tercer"],
            &["quatre", "quart"],
            &["cinc", "cinquè"],
            &["sis", "sisè"],
            &["set", "setè"],
            &["vuit", "vuitè"],
            &["nou", "novè"],
            &["deu", "desè"],
        ],
        "ro" => &[
            &["un", "prim"],
            &["doi", "două", "doua", "amb"],
            &["trei", "treil"],
            &["patru", "patrul"],
            &["cinci", "cincil"],
            &["șase", "șaselea"],
            &["șapte"],
            &["opt"],
            &["nouă", "noua"],
            &["zece", "zecel"],
        ],
        "nl" => &[
            &["een", "één", "eerst"],
            &["twee", "beide"],
            &["drie", "derde"],
            &["vier"],
            &["vijf"],
            &["zes"],
            &["zeven"],
            &["acht"],
            &["negen"],
            &["tien"],
        ],
        "sv" => &[
            &["en", "ett", "först"],
            &["två", "båda", "andra"],
            &["tre"],
            &["fyra", "fjärde"],
            &["fem"],
            &["sex", "sjätte"],
            &["sju", "sjunde"],
            &["åtta", "åttonde"],
            &["nio", "nionde"],
            &["tio", "tionde"],
        ],
        "da" | "nb" | "no" => &[
            &["en", "et", "ett", "først"],
            &["to", "begge", "anden", "andre"],
            &["tre"],
            &["fire", "fjerde"],
            &["fem"],
            &["seks", "sjette"],
            &["syv", "sju", "sjuende", "syvende"],
            &["otte", "åtte", "ottende", "åttende"],
            &["ni", "niende"],
            &["ti", "tiende"],
        ],
        "fi" => &[
            &["yksi", "yhde", "yhte", "ensimm"],
            &["kaksi", "kahde", "kahte", "toinen", "toise", "molem"],
            &["kolme", "kolmas", "kolmann"],
            &["neljä", "neljän"],
            &["viisi", "viide", "viite"],
            &["kuusi", "kuude", "kuute"],
            &["seitsemä"],
            &["kahdeksa"],
            &["yhdeksä"],
            &["kymmen"],
        ],
        "pl" => &[
            &["jed", "pierw"],
            &["dwa", "dwie", "dwóch", "dwu", "drug", "oba", "obie", "obu"],
            &["trzy", "trzech", "trzem", "trzec"],
            &["czter", "czwart"],
            &["pięć", "pięci", "piąt"],
            &["sześć", "sześci", "szóst"],
            &["siedem", "siedmi", "siódm"],
            &["osiem", "ośmi", "ósm"],
            &["dziewięć", "dziewięci", "dziewiąt"],
            &["dziesięć", "dziesięci", "dziesiąt"],
        ],
        "cs" => &[
            &["jed", "prvn"],
            &["dva", "dvě", "dvou", "dvěma", "druh", "oba", "obě", "obou"],
            &["tři", "tří", "třem", "třet"],
            &["čtyř", "čtvrt"],
            &["pět", "pát"],
            &["šest"],
            &["sedm"],
            &["osm"],
            &["devět", "devát"],
            &["deset", "desát"],
        ],
        "sk" => &[
            &["jed", "prv"],
            &["dva", "dve", "dvoch", "dvom", "druh", "oba", "obe", "obi"],
            &["tri", "troch", "trom", "tret"],
            &["štyri", "štyroch", "štvrt"],
            &["päť", "piat"],
            &["šesť", "šiest"],
            &["sedem", "siedm"],
            &["osem", "ôsm"],
            &["deväť", "deviat"],
            &["desať", "desiat"],
        ],
        "uk" => &[
            &["один", "одн", "перш"],
            &["два", "дві", "двох", "двом", "друг", "обидв", "обидва"],
            &["три", "трьох", "трьом", "трет"],
            &["чотир", "четверт"],
            &["п'ят", "пʼят", "п’ят"],
            &["шіст", "шост"],
            &["сім", "сьом"],
            &["вісім", "восьм"],
            &["дев'ят", "девʼят", "дев’ят"],
            &["десят"],
        ],
        "el" => &[
            &["ένα", "ένας", "μία", "μια", "πρώτ"],
            &["δύο", "δεύτερ"],
            &["τρία", "τρεις", "τρίτ"],
            &["τέσσερ", "τέταρτ"],
            &["πέντε", "πέμπτ"],
            &["έξι", "έκτ"],
            &["επτά", "εφτά", "έβδομ"],
            &["οκτώ", "οχτώ", "όγδο"],
            &["εννέα", "εννιά", "ένατ"],
            &["δέκα", "δέκατ"],
        ],
        "tr" => &[
            &["bir", "ilk"],
            &["iki"],
            &["üç"],
            &["dört"],
            &["beş"],
            &["altı"],
            &["yedi"],
            &["sekiz"],
            &["dokuz"],
            &["on"],
        ],
        "id" | "ms" => &[
            &["satu", "pertama", "sebuah", "seorang"],
            &["dua", "kedua"],
            &["tiga", "ketiga"],
            &["empat", "keempat"],
            &["lima", "kelima"],
            &["enam", "keenam"],
            &["tujuh", "ketujuh"],
            &["delapan", "kedelapan", "lapan"],
            &["sembilan", "kesembilan"],
            &["sepuluh", "kesepuluh"],
        ],
        "vi" => &[
            &["một", "nhất"],
            &["hai"],
            &["ba"],
            &["bốn", "tư"],
            &["năm"],
            &["sáu"],
            &["bảy"],
            &["tám"],
            &["chín"],
            &["mười"],
        ],
        "he" => &[
            &["אחד", "אחת", "ראשו"],
            &["שני", "שתי", "שתיים", "שניים"],
            &["שלוש", "שלישי"],
            &["ארבע", "רביעי"],
            &["חמש", "חמישי"],
            &["שש", "שישי"],
            &["שבע", "שביעי"],
            &["שמונה", "שמיני"],
            &["תשע", "תשיעי"],
            &["עשר", "עשירי"],
        ],
        "ar" => &[
            &["واحد", "واحدة", "أول", "الأول"],
            &["اثن", "إثن", "ثاني", "الثاني", "كلا", "كلتا"],
            &["ثلاث", "الثالث", "ثالث"],
            &["أربع", "اربع", "الرابع", "رابع"],
            &["خمس", "الخامس", "خامس"],
            &["ست", "السادس", "سادس"],
            &["سبع", "السابع", "سابع"],
            &["ثمان", "الثامن", "ثامن"],
            &["تسع", "التاسع", "تاسع"],
            &["عشر", "العاشر", "عاشر"],
        ],
        "ja" => &[
            &["一", "ひと", "最初", "ファースト"],
            &["二", "ふた", "両", "セカンド"],
            &["三", "みっ", "サード"],
            &["四", "よっ"],
            &["五", "いつ"],
            &["六", "むっ"],
            &["七", "なな"],
            &["八", "やっ"],
            &["九", "ここの"],
            &["十"],
        ],
        "zh" => &[
            &["一", "首"],
            &["二", "两", "兩", "双", "雙"],
            &["三"],
            &["四"],
            &["五"],
            &["六"],
            &["七"],
            &["八"],
            &["九"],
            &["十"],
        ],
        "th" => &[
            &["หนึ่ง", "แรก"],
            &["สอง", "ทั้งสอง"],
            &["สาม"],
            &["สี่"],
            &["ห้า"],
            &["หก"],
            &["เจ็ด"],
            &["แปด"],
            &["เก้า"],
            &["สิบ"],
        ],
        _ => &[],
    }
}

/// Whether English `text` names base `base` as a word (`decimal`).
fn names_base(text: &str, base: &str) -> bool {
    let names: &[&str] = match base {
        "2" => &["binary"],
        "8" => &["octal"],
        "10" => &["decimal"],
        "16" => &["hexadecimal", "hex"],
        _ => &[],
    };
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| names.iter().any(|n| w.eq_ignore_ascii_case(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "2" spelled out in a sentence of each language with stems, and a
    /// sentence of that language with no number word.
    #[test]
    fn two_is_spelled_in_every_language_listed() {
        let cases = [
            ("es", "Hay dos beneficios.", "Hay beneficios."),
            ("pt", "Há duas opções.", "Há opções."),
            ("it", "Ci sono due vantaggi.", "Ci sono vantaggi."),
            ("ca", "Hi ha dues opcions.", "Hi ha opcions."),
            ("ro", "Există două opțiuni.", "Există opțiuni."),
            ("nl", "Er zijn twee voordelen.", "Er zijn voordelen."),
            ("sv", "Det finns två förmåner.", "Det finns förmåner."),
            ("nb", "Det er to fordeler.", "Det er fordeler."),
            ("da", "Der er to fordele.", "Der er fordele."),
            ("fi", "Etuja on kaksi.", "Etuja on."),
            ("pl", "Są dwie korzyści.", "Są korzyści."),
            ("cs", "Existují dvě výhody.", "Existují výhody."),
            ("sk", "Existujú dve výhody.", "Existujú výhody."),
            ("uk", "Є дві переваги.", "Є переваги."),
            ("el", "Υπάρχουν δύο οφέλη.", "Υπάρχουν οφέλη."),
            ("tr", "İki avantaj vardır.", "Avantajlar vardır."),
            ("id", "Ada dua manfaat.", "Ada manfaat."),
            ("vi", "Có hai lợi ích.", "Có lợi ích."),
            ("he", "יש שני יתרונות.", "יש יתרונות."),
            ("ar", "هناك ميزتان اثنتان.", "هناك ميزات."),
            (
                "ja",
                "2 つの特典があります。二つの特典。",
                "特典があります。",
            ),
            ("zh", "有两个好处。", "有好处。"),
            ("th", "มีสองรายการ", "มีรายการ"),
        ];
        for (language, with, without) in cases {
            assert!(spelled(with, language, "2"), "{language}: {with}");
            assert!(!spelled(without, language, "2"), "{language}: {without}");
        }
    }

    /// `nonzero` and `non-zero` hold a zero (`0 以外`, Japanese).
    #[test]
    fn nonzero_has_a_zero() {
        assert!(spelled("(nonzero weight)", "en", "0"));
        assert!(spelled("a non-zero value", "en", "0"));
        assert!(!spelled("no weight", "en", "0"));
    }

    /// Arabic says "two hours" and "two records" with the dual, no
    /// numeral; a plural is no two.
    #[test]
    fn the_arabic_dual_is_two() {
        assert!(spelled("يستغرق ذلك ساعتين.", "ar", "2"));
        assert!(spelled("مدة الدعم ساعتان.", "ar", "2"));
        assert!(spelled("يمكنك رؤية سجلين للجهاز في المدخل.", "ar", "2"));
        assert!(!spelled("يستغرق ذلك ساعات.", "ar", "2"));
        assert!(!spelled("يمكن للمستخدمين رؤية السجلات.", "ar", "2"));
        assert!(!spelled("يستغرق ذلك ساعتين.", "ar", "3"));
    }

    /// Japanese writes "3rd-party" as the loanword `サードパーティ`.
    #[test]
    fn japanese_loanword_ordinals() {
        assert!(spelled("サードパーティのアプリケーション", "ja", "3"));
        assert!(!spelled("パーティのアプリケーション", "ja", "3"));
    }

    #[test]
    fn bases_of_numeration_are_named() {
        assert!(spelled("Enter a decimal number.", "en", "radix:10"));
        assert!(spelled("a hex value", "en", "radix:16"));
        assert!(!spelled("a binary value", "en", "radix:10"));
        assert!(!spelled("デシマル", "ja", "radix:10"));
    }
}
