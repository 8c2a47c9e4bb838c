// The layout of every kind of document isukit reads or writes: the keys each mapping may hold
// and which fields are lists. Every document is checked against its layout as it is read, so a
// key the tools do not know is an error at its position, never a value silently ignored.
#pragma once

#include <isukit/io/shape.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace isukit::model {

/// The layout of a kind, or null for a kind isukit does not know.
const io::Shape *layout_of(std::string_view kind);

/// Every kind isukit knows, in the order of the layouts table.
const std::vector<std::string> &known_kinds();

} // namespace isukit::model
