// The languages isukit writes for people: labels, letters and number formats.
#pragma once

#include <optional>
#include <string_view>

namespace isukit::util {

enum class Lang { en, fr };

std::optional<Lang> parse_lang(std::string_view text);
std::string_view lang_code(Lang lang);

/// The text in the language: `pick(lang, "Total", "Total")`.
inline const char* pick(Lang lang, const char* en, const char* fr) { return lang == Lang::fr ? fr : en; }

} // namespace isukit::util
