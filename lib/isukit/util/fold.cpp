#include <isukit/util/fold.hpp>

#include <cstdint>

namespace isukit::util {

namespace {

/// The unaccented lower-case letters of U+00C0 to U+017F, one per code point; '*' marks a
/// ligature or a sign, spelt out by `spelt`.
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
std::string_view spelt(std::uint32_t code) {
  switch (code) {
  case 0xC6:
  case 0xE6:
    return "ae";
  case 0xD7:
    return "\xC3\x97"; // multiplication sign: not a letter, kept
  case 0xF7:
    return "\xC3\xB7"; // division sign
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
      const std::uint32_t code = ((byte & 0x1Fu) << 6) | (next & 0x3Fu);
      if ((next & 0xC0u) == 0x80u && code >= 0xC0 && code - 0xC0 < latin.size()) {
        const char letter = latin[code - 0xC0];
        folded += letter == '*' ? spelt(code) : std::string_view(&letter, 1);
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
