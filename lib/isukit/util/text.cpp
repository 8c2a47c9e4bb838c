#include <isukit/util/text.hpp>

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

} // namespace isukit::util
