// Where the data behind an output comes from: the `source` and `as_of` of the reference files
// and budgets a subcommand read, carried to what people keep (a workbook's About sheet).
#pragma once

#include <isukit/io/node.hpp>

#include <string>
#include <vector>

namespace isukit::io {

struct Source {
  std::string what;  // message id naming the kind of data: "source.scale", "source.treaty"...
  std::string id;    // the document's id (un-2025-2027, ccw) or kind (states)
  std::string text;  // the document's `source`, as written; empty when it gives none
  std::string as_of; // the document's `as_of`, ISO date as written, or empty

  /// The source of a reference document (a mapping with optional `id`, `source`, `as_of`;
  /// `id` falls back to the document's `kind`).
  static Source of(const Node &root, std::string what);
};

/// Adds `source` to `sources` unless the same document (what and id) is there already.
void add_source(std::vector<Source> &sources, Source source);

} // namespace isukit::io
