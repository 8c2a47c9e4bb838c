// A cache of parsed reference files. yaml-cpp's scanner costs about 2,000 instructions a byte,
// so reading the 60 KB of states and treaty YAML takes most of a tool's run; the cache keeps
// the positioned Node trees of a file, keyed by a hash of its content, so a later run skips
// the scanner. Validation still runs on every load, and errors still name the YAML file.
#pragma once

#include <isukit/io/yaml_reader.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isukit::io {

/// $ISUKIT_CACHE, else $XDG_CACHE_HOME/isukit, else $HOME/.cache/isukit; none when
/// ISUKIT_CACHE is "off" or no directory can be named.
std::optional<std::filesystem::path> cache_directory();

/// The documents of a YAML file (its name and content), from the cache when the content is
/// the one cached, else parsed and then cached. A cache that cannot be read or written is
/// ignored: the cache only ever saves time. An entry is never trusted: one whose checksum
/// fails (damaged, truncated) or that is not a tree the YAML reader could have built is a miss.
std::vector<Document> read_yaml_cached(const std::string& file_name, std::string_view content);

// The serialisation, for tests: a magic line, a checksum of the payload, then the documents.
// deserialize_documents returns nullopt for anything serialize_documents did not write.
std::string serialize_documents(const std::vector<Document>& documents);
std::optional<std::vector<Document>> deserialize_documents(std::string_view bytes, const std::string& file_name);

} // namespace isukit::io
