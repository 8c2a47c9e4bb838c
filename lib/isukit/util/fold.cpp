#include <isukit/util/fold.hpp>

#include <cstdint>

namespace isukit::util {

namespace {

/// The unaccented lower-case letters of U+00C0 to U+017F, one per code point; '*' marks a
/// ligature, spelt out by `spelt`, or a sign (× ÷), which has no spelling.
constexpr std::string_view latin =
    // U+00C0..U+017F, sixteen a line
    "aaaaaa*ceeeeiiii"
    "dnooooo*ouuuuy**"
    "aaaaaa*ceeeeiiii"
    "dnooooo*ouuuuy*y"
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "ii**jjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oo**rrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";

/// The spelling of the code points marked '*'.
std::string_view spelt(char32_t code) {
  switch (code) {
  case 0xC6:
  case 0xE6:
    return "ae";
  case 0xDE:
  case 0xFE:
    return "th";
  case 0xDF:
    return "ss";
  case 0x132:
  case 0x133:
    return "ij";
  case 0x152:
  case 0x153:
    return "oe";
  default:
    return {};
  }
}

} // namespace

std::string_view unaccented_latin(char32_t code, char &letter) {
  if (code < 0xC0 || code - 0xC0 >= latin.size()) {
    return {};
  }
  letter = latin[code - 0xC0];
  return letter == '*' ? spelt(code) : std::string_view(&letter, 1);
}

std::string fold_name(std::string_view name) {
  std::string folded;
  bool space = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto byte = static_cast<unsigned char>(name[i]);
    if (byte == ' ' || byte == '\t') {
      space = !folded.empty();
      continue;
    }
    if (space) {
      folded += ' ';
      space = false;
    }
    // Two-byte UTF-8 sequences C3 80 .. C5 BF are U+00C0 .. U+017F.
    if (byte >= 0xC3 && byte <= 0xC5 && i + 1 < name.size()) {
      const auto next = static_cast<unsigned char>(name[i + 1]);
      const char32_t code = ((byte & 0x1Fu) << 6) | (next & 0x3Fu);
      char letter = 0;
      const auto letters = (next & 0xC0u) == 0x80u ? unaccented_latin(code, letter) : "";
      if (!letters.empty()) { // a sign (× ÷) is copied as it is, below
        folded += letters;
        ++i;
        continue;
      }
    }
    folded +=
        byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a') : static_cast<char>(byte);
  }
  return folded;
}

} // namespace isukit::util
