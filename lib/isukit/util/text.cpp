#include <isukit/util/text.hpp>

#include <algorithm>

namespace isukit::util {

std::string ascii_lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return result;
}

} // namespace isukit::util
