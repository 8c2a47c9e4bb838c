// Reads YAML streams through yaml-cpp's event API into positioned Nodes. Documents are
// mappings whose first key is `kind`; the long record lists of some kinds are streamed one
// record at a time so that a million payments never become a million-node tree.
#pragma once

#include <isukit/io/node.hpp>

#include <string>
#include <string_view>

namespace isukit::io {

class CsvReader;

struct Document {
  std::string kind;
  Node root; // without the records that were streamed
};

/// What a reader delivers to. The model layer implements it.
class DocumentConsumer {
public:
  virtual ~DocumentConsumer() = default;
  /// The top-level key whose list of records should be streamed for `kind`; empty for none.
  /// Called as soon as the kind is known; throw here to reject an unknown kind early.
  virtual std::string_view streamed_list(const std::string &kind, const Node &kind_node) = 0;
  /// One streamed record of a document of `kind`. `header` is the document as read so far:
  /// the keys written before the list (so a list's header fields must come first).
  virtual void on_record(const std::string &kind, const Node &header, const Node &record) = 0;
  /// The document, after its records were streamed.
  virtual void on_document(Document document) = 0;
  /// A CSV file, to be read row by row (its kind follows from its header row). The default
  /// rejects it.
  virtual void on_csv(CsvReader &reader);
};

/// Reads every document of `text`, which must be UTF-8 (util::require_utf8). Syntax errors
/// become data errors at `file:line:col`.
void read_yaml(std::string_view text, const std::string &file_name, DocumentConsumer &consumer);

} // namespace isukit::io
