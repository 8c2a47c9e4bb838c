#include <isukit/util/text.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using isukit::util::trim_blanks;

TEST_CASE("util::trim_blanks: the text without the spaces and tabs around it") {
  CHECK(trim_blanks("B1") == "B1");
  CHECK(trim_blanks("  B1\t") == "B1");
  CHECK(trim_blanks("\t B 1 ") == "B 1");
  CHECK(trim_blanks("") == "");
}

TEST_CASE("util::trim_blanks: text of blanks only gives an empty view into it") {
  // A caller takes a reference's offset in the bytes it read (model::Ledger's reading ahead):
  // the empty result must point within the text, not anywhere.
  for (const std::string_view text : {" ", "   ", "\t", " \t \t"}) {
    CAPTURE(text.size());
    const std::string_view trimmed = trim_blanks(text);
    CHECK(trimmed.empty());
    CHECK(trimmed.data() >= text.data());
    CHECK(trimmed.data() <= text.data() + text.size());
  }
}

TEST_CASE("util::is_blank: empty or only Unicode white space") {
  using isukit::util::is_blank;
  CHECK(is_blank(""));
  CHECK(is_blank(" \t\r\n"));
  CHECK(is_blank("\u00A0"));             // no-break space
  CHECK(is_blank("\u3000"));             // ideographic space
  CHECK(is_blank("\u2000\u200A\u202F")); // en quad, hair space, narrow no-break space
  CHECK(is_blank(" \u205F "));           // medium mathematical space
  CHECK_FALSE(is_blank("x"));
  CHECK_FALSE(is_blank("\u00A0x\u00A0"));
  CHECK_FALSE(is_blank("\u200B")); // zero width space is no white space in Unicode
  CHECK_FALSE(is_blank("\xA0"));   // a byte that is no UTF-8 (U+00A0 is C2 A0) counts as text
}

TEST_CASE("util::is_blank: each Unicode space a copied text leaves, alone or beside others") {
  using isukit::util::is_blank;
  using isukit::util::is_white_space;
  // U+00A0, U+2000-U+200A, U+202F, U+205F, U+3000 in UTF-8, each one by one (the test above
  // covered some of them together).
  const char *const spaces[] = {"\u00A0", "\u2000", "\u2001", "\u2002", "\u2003",
                                "\u2004", "\u2005", "\u2006", "\u2007", "\u2008",
                                "\u2009", "\u200A", "\u202F", "\u205F", "\u3000"};
  for (const char *space : spaces) {
    CAPTURE(space);
    CHECK(is_blank(space));
    CHECK(is_blank(std::string(" ") + space + "\t"));
    CHECK_FALSE(is_blank(std::string(space) + "A"));
  }
  for (char32_t code = 0x2000; code <= 0x200A; ++code) {
    CHECK(is_white_space(code));
  }
  for (const char32_t code : std::u32string_view(U"\u00A0\u1680\u2028\u2029\u202F\u205F\u3000")) {
    CHECK(is_white_space(code));
  }
  // Format marks are no white space: a zero width space, joiner or mark is not blank.
  for (const char32_t code : std::u32string_view(U"\u200B\u200C\u200D\u200E\u2060\uFEFF")) {
    CHECK_FALSE(is_white_space(code));
  }
}
