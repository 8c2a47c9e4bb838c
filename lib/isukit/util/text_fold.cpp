#include <isukit/util/fold.hpp>
#include <isukit/util/text_encoding.hpp>
#include <isukit/util/text_fold.hpp>

namespace isukit::util {

namespace {

/// What a code point folds to: letters, a space (a separator), or empty to copy it as is.
std::string_view folded(char32_t c, char &ascii) {
  if (c < 0x80) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    ascii = alnum ? static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) : ' ';
    return {&ascii, 1};
  }
  if ((c >= 0xA0 && c < 0xC0) || (c >= 0x2000 && c < 0x2070)) {
    return " ";
  }
  if (c >= 0xC0 && c < 0x180) {
    const auto letters = unaccented_latin(c, ascii);
    return letters.empty() ? std::string_view(" ") : letters; // × and ÷ separate words
  }
  return {};
}

} // namespace

std::string fold_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    char ascii = 0;
    const std::string_view piece = folded(next_code_point(text, i), ascii);
    if (piece == " ") {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out += piece.empty() ? text.substr(start, i - start) : piece;
  }
  return out;
}

std::string drop_phrase(std::string_view text, std::string_view phrase) {
  if (phrase.empty()) {
    return std::string(text);
  }
  std::string padded = " " + std::string(text) + " ";
  const std::string needle = " " + std::string(phrase) + " ";
  for (auto at = padded.find(needle); at != std::string::npos; at = padded.find(needle, at)) {
    padded.replace(at, needle.size(), " ");
  }
  const auto first = padded.find_first_not_of(' ');
  if (first == std::string::npos) {
    return {};
  }
  return padded.substr(first, padded.find_last_not_of(' ') - first + 1);
}

} // namespace isukit::util
