#include <isukit/io/inputs.hpp>
#include <isukit/io/node_cache.hpp>
#include <isukit/util/atomic_file.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <sstream>

namespace isukit::io {

namespace fs = std::filesystem;

namespace {

// Version 2: a checksum of the payload follows the magic line, and every entry is checked to be
// a tree the YAML reader could have built.
constexpr std::string_view magic = "isukit-node-cache 2\n";
constexpr std::size_t checksum_size = sizeof(std::uint64_t);

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const unsigned char c : bytes) {
    hash = (hash ^ c) * 1099511628211ull;
  }
  return hash;
}

class Writer {
public:
  void u32(std::uint32_t v) { m_out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void u64(std::uint64_t v) { m_out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void text(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    m_out.append(s);
  }
  void mark(const Mark& m) {
    u32(static_cast<std::uint32_t>(m.line));
    u32(static_cast<std::uint32_t>(m.column));
  }
  void node(const Node& n) {
    m_out += static_cast<char>(n.type());
    m_out += static_cast<char>(n.style());
    mark(n.mark());
    text(n.text());
    u32(static_cast<std::uint32_t>(n.items().size()));
    for (const auto& item : n.items()) {
      node(item);
    }
    u32(static_cast<std::uint32_t>(n.entries().size()));
    for (const auto& entry : n.entries()) {
      text(entry.key);
      mark(entry.key_mark);
      node(entry.value);
    }
  }
  std::string take() { return std::move(m_out); }
  std::string& out() { return m_out; }

private:
  std::string m_out;
};

/// Reads what Writer wrote; any inconsistency makes the whole read fail (ok() false).
class Reader {
public:
  Reader(std::string_view bytes, const std::string* file) : m_bytes(bytes), m_file(file) {}

  bool ok() const { return m_ok; }
  bool at_end() const { return m_pos == m_bytes.size(); }

  std::uint32_t u32() { return fixed<std::uint32_t>(); }
  std::uint64_t u64() { return fixed<std::uint64_t>(); }
  std::string text() {
    const std::uint32_t size = u32();
    if (!m_ok || size > m_bytes.size() - m_pos) {
      m_ok = false;
      return {};
    }
    std::string s(m_bytes.substr(m_pos, size));
    m_pos += size;
    return s;
  }
  Mark mark() {
    const std::uint32_t line = u32();
    const std::uint32_t column = u32();
    // The reader numbers lines and columns from 1; a zero or negative one was never written.
    constexpr auto max_int = static_cast<std::uint32_t>(std::numeric_limits<int>::max());
    if (line == 0 || column == 0 || line > max_int || column > max_int) {
      m_ok = false;
    }
    return Mark{m_file, static_cast<int>(line), static_cast<int>(column)};
  }
  Node node(int depth = 0) {
    if (depth > 200 || m_pos + 2 > m_bytes.size()) {
      m_ok = false;
      return {};
    }
    const auto type = static_cast<unsigned char>(m_bytes[m_pos++]);
    const auto style = static_cast<unsigned char>(m_bytes[m_pos++]);
    const Mark where = mark();
    std::string value = text();
    if (type > static_cast<unsigned char>(Node::Type::mapping) || style > static_cast<unsigned char>(Node::Style::quoted)) {
      m_ok = false;
      return {};
    }
    const bool scalar = static_cast<Node::Type>(type) == Node::Type::scalar;
    Node n = scalar ? Node::scalar(std::move(value), static_cast<Node::Style>(style), where)
                    : Node::container(static_cast<Node::Type>(type), where);
    // Only a scalar has text, only a sequence items, only a mapping entries, with distinct keys.
    m_ok = m_ok && (scalar || (value.empty() && style == 0));
    for (std::uint32_t i = 0, count = u32(); m_ok && i < count; ++i) {
      m_ok = n.is_sequence();
      n.push(node(depth + 1));
    }
    for (std::uint32_t i = 0, count = u32(); m_ok && i < count; ++i) {
      std::string key = text();
      const Mark key_mark = mark();
      m_ok = m_ok && n.is_mapping() && !n.find(key);
      n.add(std::move(key), node(depth + 1), key_mark);
    }
    return n;
  }

private:
  template <typename T> T fixed() {
    T v{};
    if (!m_ok || sizeof v > m_bytes.size() - m_pos) {
      m_ok = false;
      return v;
    }
    std::memcpy(&v, m_bytes.data() + m_pos, sizeof v);
    m_pos += sizeof v;
    return v;
  }

  std::string_view m_bytes;
  const std::string* m_file;
  std::size_t m_pos = 0;
  bool m_ok = true;
};

/// Collects whole documents; no streaming: reference files are small.
struct Collector : DocumentConsumer {
  std::vector<Document> documents;
  std::string_view streamed_list(const std::string&, const Node&) override { return {}; }
  void on_record(const std::string&, const Node&, const Node&) override {}
  void on_document(Document document) override { documents.push_back(std::move(document)); }
};

} // namespace

std::optional<fs::path> cache_directory() {
  if (const char* dir = std::getenv("ISUKIT_CACHE"); dir && *dir) {
    if (std::string_view(dir) == "off") {
      return std::nullopt;
    }
    return fs::path(dir);
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return fs::path(xdg) / "isukit";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return fs::path(home) / ".cache" / "isukit";
  }
  return std::nullopt;
}

std::string serialize_documents(const std::vector<Document>& documents) {
  Writer writer;
  writer.u32(static_cast<std::uint32_t>(documents.size()));
  for (const auto& document : documents) {
    writer.text(document.kind);
    writer.node(document.root);
  }
  const std::string payload = writer.take();
  Writer header;
  header.out().append(magic);
  header.u64(fnv1a(payload));
  return header.take() + payload;
}

namespace {

/// What the YAML reader guarantees of a document: a mapping whose first key is `kind`, its
/// value the document's kind.
bool is_document(const Document& document) {
  const auto& entries = document.root.entries();
  return document.root.is_mapping() && !entries.empty() && entries[0].key == "kind" &&
         entries[0].value.is_scalar() && entries[0].value.text() == document.kind;
}

} // namespace

std::optional<std::vector<Document>> deserialize_documents(std::string_view bytes, const std::string& file_name) {
  if (bytes.substr(0, magic.size()) != magic || bytes.size() < magic.size() + checksum_size) {
    return std::nullopt;
  }
  std::uint64_t checksum = 0;
  std::memcpy(&checksum, bytes.data() + magic.size(), checksum_size);
  const std::string_view payload = bytes.substr(magic.size() + checksum_size);
  if (checksum != fnv1a(payload)) {
    return std::nullopt; // a damaged or truncated entry
  }
  Reader reader(payload, intern_file_name(file_name));
  std::vector<Document> documents;
  for (std::uint32_t i = 0, count = reader.u32(); reader.ok() && i < count; ++i) {
    std::string kind = reader.text();
    documents.push_back(Document{std::move(kind), reader.node()});
    if (reader.ok() && !is_document(documents.back())) {
      return std::nullopt;
    }
  }
  if (!reader.ok() || !reader.at_end()) {
    return std::nullopt;
  }
  return documents;
}

std::vector<Document> read_yaml_cached(const std::string& file_name, std::string_view content) {
  const auto dir = cache_directory();
  // The key is the content itself (and the name, which positions carry): a file edited in
  // any way, even with its size and time kept, misses the cache.
  const std::uint64_t key = fnv1a(content) ^ (fnv1a(file_name) * 31);
  const fs::path entry = dir ? *dir / fmt::format("{:016x}.bin", key) : fs::path();
  if (dir) {
    std::error_code ec;
    if (fs::exists(entry, ec)) {
      try {
        const std::string bytes = read_file(entry.string());
        if (auto documents = deserialize_documents(bytes, file_name)) {
          return std::move(*documents);
        }
      } catch (const util::Error&) {
        // An unreadable cache entry is a miss.
      }
    }
  }
  Collector collector;
  std::istringstream in{std::string(content)};
  read_yaml(in, file_name, collector);
  if (dir) {
    try {
      util::ensure_directory(*dir);
      util::write_file_atomically(entry, serialize_documents(collector.documents));
    } catch (const util::Error&) {
      // A cache that cannot be written only costs time.
    }
  }
  return std::move(collector.documents);
}

} // namespace isukit::io
