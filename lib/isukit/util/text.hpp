// Text helpers shared by every layer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace isukit::util {

/// The text with A-Z lowered: names typed on the command line (`--treaty CCM`, `--lang FR`)
/// compare case-insensitively. Bytes outside ASCII are kept as they are.
std::string ascii_lower(std::string_view text);

/// The text without the spaces and tabs around it: finance systems pad fields ("B1   "), and a
/// padded reference is the same reference. Always a view into `text`: text of blanks only (or
/// none) gives an empty view at its end, so that a caller may take the result's offset in
/// `text` (model::Ledger's reading ahead keeps references as offsets in the bytes read).
std::string_view trim_blanks(std::string_view text);

/// Whether `code` is Unicode white space (the White_Space property): tab, line ends, space, and
/// the spaces a word processor or a copied web page leaves, which show as nothing: U+00A0
/// no-break space, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 ideographic
/// space (and U+0085, which the readers refuse as a control first).
bool is_white_space(char32_t code);
/// Whether the UTF-8 `text` is empty or only white space (is_white_space): a name of "   " or of
/// one no-break space says nothing. Bytes that are no UTF-8 count as text.
bool is_blank(std::string_view text);

} // namespace isukit::util
