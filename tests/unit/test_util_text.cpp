#include <isukit/util/text.hpp>

#include <doctest/doctest.h>

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
