// Folding text for comparison: what a bank's payer line and a state's name have in common
// once case, accents, punctuation and spacing are set aside.
#pragma once

#include <string>
#include <string_view>

namespace isukit::util {

/// Lower-case ASCII words separated by single spaces: "Côte d'Ivoire" -> "cote d ivoire",
/// "MISSION PERMANENTE DE LA SUISSE" -> "mission permanente de la suisse". Accented Latin
/// letters (U+00C0 to U+017F) lose their accents (æ, œ, ß, þ become two letters); ASCII
/// punctuation, Latin-1 symbols and general punctuation (U+2000 to U+206F: typographic
/// apostrophes, dashes, narrow spaces) separate words; other characters are kept as they are.
/// Input is UTF-8.
std::string fold_text(std::string_view text);

/// Removes every whole-word occurrence of the folded `phrase` from the folded `text` (both as
/// fold_text returns them): ("embassy of the congo", "embassy of") -> "the congo".
std::string drop_phrase(std::string_view text, std::string_view phrase);

} // namespace isukit::util
