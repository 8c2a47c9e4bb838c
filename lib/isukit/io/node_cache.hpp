// The parse cache of every YAML input, reference files and the user's own (ledgers, reports,
// applications) alike. yaml-cpp's scanner costs about 2,000 instructions a byte, so parsing
// a 60 KB ledger costs a tool call most of its time; the cache keeps what the YAML reader
// delivered for a content (the positioned Node trees, and the records it streamed), so that a
// later call on the same bytes replays it instead. Validation still runs on every call, and
// errors still name the YAML file and position. Entries live in the private, bounded store of
// io/cache_store.
#pragma once

#include <isukit/io/yaml_reader.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isukit::io {

/// Delivers the documents of a YAML input (its name and content) to `consumer` exactly as
/// read_yaml does: the same calls in the same order, with the same nodes and positions, and so
/// the same errors. They come from the cache when it holds a sound entry for this content, else
/// from the parser, and the entry is then stored. An entry is never trusted: one whose key is
/// not this content's XXH3-128 hash, whose checksum fails (damaged, truncated, foreign) or that
/// is not what the reader could have delivered is a miss, and is replaced. Without a store
/// (ISUKIT_CACHE=off) this is read_yaml.
void read_yaml_cached(const std::string &file_name, std::string_view content,
                      DocumentConsumer &consumer);

/// Every document of a YAML input, with no list streamed (the reference files).
std::vector<Document> read_yaml_cached(const std::string &file_name, std::string_view content);

// The entry format, for tests and fuzzing: a magic line, the content's hash, a checksum of the
// payload, then the payload. deserialize_documents returns nullopt for anything
// serialize_documents did not write for that content.
std::string serialize_documents(std::string_view content, const std::vector<Document> &documents);
std::optional<std::vector<Document>> deserialize_documents(std::string_view entry,
                                                           std::string_view content,
                                                           const std::string &file_name);

} // namespace isukit::io
