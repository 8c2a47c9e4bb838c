#include <isukit/util/text.hpp>
#include <isukit/util/text_encoding.hpp>

#include <algorithm>

namespace isukit::util {

std::string ascii_lower(std::string_view text) {
  std::string result(text);
  for (char &c : result) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return result;
}

std::string_view trim_blanks(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  if (!text.empty() && !blank(text.front()) && !blank(text.back())) {
    return text; // the common case, without a search (a million references per file)
  }
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return text.substr(text.size()); // empty, at the end of the text: still a view into it
  }
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool is_white_space(char32_t code) {
  return (code >= 0x09 && code <= 0x0D) || code == 0x20 || code == 0x85 || code == 0xA0 ||
         code == 0x1680 || (code >= 0x2000 && code <= 0x200A) || code == 0x2028 || code == 0x2029 ||
         code == 0x202F || code == 0x205F || code == 0x3000;
}

bool is_blank(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t start = at;
    const char32_t code = next_code_point(text, at);
    if (!is_white_space(code) || (code >= 0x80 && at - start == 1)) { // a byte 0xA0 is no space
      return false;
    }
  }
  return true;
}

} // namespace isukit::util
