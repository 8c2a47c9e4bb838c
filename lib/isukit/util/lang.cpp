#include <isukit/util/lang.hpp>
#include <isukit/util/text.hpp>

namespace isukit::util {

std::optional<Lang> parse_lang(std::string_view text) {
  const std::string code = ascii_lower(text);
  if (code == "en") {
    return Lang::en;
  }
  if (code == "fr") {
    return Lang::fr;
  }
  return std::nullopt;
}

std::string_view lang_code(Lang lang) { return lang == Lang::fr ? "fr" : "en"; }

} // namespace isukit::util
