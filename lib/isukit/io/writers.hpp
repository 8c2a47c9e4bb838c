// Deterministic YAML and JSON text from Nodes: same tree, same bytes.
#pragma once

#include <isukit/io/node.hpp>

#include <string>
#include <vector>

namespace isukit::io {

/// Block-style YAML, two-space indent, keys in insertion order; every document starts with
/// `---` so that outputs concatenate with `cat`. Strings that YAML would read as numbers,
/// booleans, dates or null are quoted; numbers are written bare, exactly as their text.
std::string to_yaml(const std::vector<Node> &documents);

/// JSON with two-space indent: one document is an object, several are an array of objects.
/// Numbers are written exactly as their text (never through a double).
std::string to_json(const std::vector<Node> &documents);

} // namespace isukit::io
