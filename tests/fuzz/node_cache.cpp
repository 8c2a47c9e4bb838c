// The parse cache (io/node_cache). Two modes, by the first byte:
//  even: the rest is a cache entry (for an empty content); deserialize_documents accepts only
//        what serialize_documents writes, so an accepted entry's documents serialize to an
//        entry that reads back as the same documents;
//  odd:  the next three bytes are a damage (a position and a non-zero xor), the rest a YAML
//        file. Its entry reads back as the same documents; the entry damaged at that byte is
//        rejected; and read_yaml_cached over a damaged cache file returns what parsing returns.
#include <isukit/io/inputs.hpp>
#include <isukit/io/node_cache.hpp>
#include <isukit/io/writers.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "harness.hpp"

using namespace isukit;
namespace fs = std::filesystem;

namespace {

/// The documents as YAML, positions included: equal texts mean equal documents.
std::string dump(const std::vector<io::Document> &documents) {
  std::vector<io::Node> roots;
  for (const auto &document : documents) {
    roots.push_back(document.root);
  }
  // Serialization keeps marks and styles; to_yaml keeps values, types and order.
  return io::serialize_documents("", documents) + io::to_yaml(roots);
}

void check_entry(std::string_view bytes) {
  const auto documents = io::deserialize_documents(bytes, "", "f.yaml");
  if (documents) {
    const auto again =
        io::deserialize_documents(io::serialize_documents("", *documents), "", "f.yaml");
    fuzz::require(again && dump(*again) == dump(*documents),
                  "an accepted entry does not serialize back");
  }
}

void damage_every_cache_file(const fs::path &dir, std::size_t at, char with) {
  for (const auto &entry : fs::directory_iterator(dir)) {
    std::string bytes = io::read_file(entry.path().string());
    if (bytes.empty()) {
      continue;
    }
    bytes[at % bytes.size()] = static_cast<char>(bytes[at % bytes.size()] ^ with);
    std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << bytes;
  }
}

void check_damage(std::size_t at, char with, std::string_view yaml) {
  std::vector<io::Document> parsed;
  try {
    parsed = fuzz::read_documents(yaml, "f.yaml");
  } catch (const util::Error &error) {
    fuzz::check_data_error(error, yaml, "f.yaml");
    return;
  }
  const std::string bytes = io::serialize_documents(yaml, parsed);
  const auto back = io::deserialize_documents(bytes, yaml, "f.yaml");
  fuzz::require(back && dump(*back) == dump(parsed),
                "an entry does not read back as its documents");
  std::string damaged = bytes;
  damaged[at % bytes.size()] = static_cast<char>(damaged[at % bytes.size()] ^ with);
  fuzz::require(!io::deserialize_documents(damaged, yaml, "f.yaml"),
                "a damaged entry was accepted");

  static const fs::path dir = fuzz::scratch_file("cache-marker", "") + ".d";
  fs::remove_all(dir);
  setenv("ISUKIT_CACHE", dir.c_str(), 1);
  (void)io::read_yaml_cached("f.yaml", yaml); // writes the entry
  damage_every_cache_file(dir, at, with);
  const auto cached = io::read_yaml_cached("f.yaml", yaml);
  setenv("ISUKIT_CACHE", "off", 1);
  fuzz::require(dump(cached) == dump(parsed), "read_yaml_cached trusted a damaged entry");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size < 4) {
    return 0;
  }
  if (data[0] % 2 == 0) {
    check_entry(fuzz::text_of(data + 1, size - 1));
    return 0;
  }
  const std::size_t at = data[1] | (std::size_t{data[2]} << 8);
  const char with = static_cast<char>(data[3] == 0 ? 1 : data[3]);
  check_damage(at, with, fuzz::text_of(data + 4, size - 4));
  return 0;
}
