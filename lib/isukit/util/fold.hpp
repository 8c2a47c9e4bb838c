// Comparing people's names as a person would: "José  MARTÍNEZ" and "jose martinez" are one name.
#pragma once

#include <string>
#include <string_view>

namespace isukit::util {

/// The form of a UTF-8 name that comparisons use: letters of Latin-1 and Latin Extended-A
/// (U+00C0 to U+017F, the accented letters of the languages of Europe and of French- and
/// Spanish-speaking States) without their accents (é -> e, ß -> ss, Œ -> oe), ASCII in lower
/// case, runs of spaces and tabs as one space, none at either end. Other characters are kept
/// as they are, so names in other scripts compare exactly.
std::string fold_name(std::string_view name);

/// The unaccented lower-case spelling of a Latin letter of U+00C0 to U+017F ("É" -> "e",
/// "ß" -> "ss", "Œ" -> "oe"), one letter written into `letter`; empty for any other code point
/// (× and ÷ are no letters). The one table of accents both fold_name and fold_text use.
std::string_view unaccented_latin(char32_t code, char &letter);

} // namespace isukit::util
