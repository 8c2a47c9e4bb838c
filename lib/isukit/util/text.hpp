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

} // namespace isukit::util
