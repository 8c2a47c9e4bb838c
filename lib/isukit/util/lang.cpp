#include <isukit/util/lang.hpp>

namespace isukit::util {

std::optional<Lang> parse_lang(std::string_view text) {
  if (text == "en") {
    return Lang::en;
  }
  if (text == "fr") {
    return Lang::fr;
  }
  return std::nullopt;
}

std::string_view lang_code(Lang lang) { return lang == Lang::fr ? "fr" : "en"; }

} // namespace isukit::util
