#include <isukit/io/cache_store.hpp>
#include <isukit/io/node_cache.hpp>
#include <isukit/util/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>
#include <vector>

namespace isukit::io {

namespace {

// Version 3: any input, keyed by the XXH3-128 hash of its content, which the entry repeats; the
// records the consumer streamed are kept apart from their document, as the reader delivered them.
// Version 4, the same format: the reader refuses bidirectional controls (util::is_bidi_control),
// so an entry an earlier reader stored for such a content must not be replayed.
constexpr std::string_view magic = "isukit-node-cache 4\n";
constexpr std::size_t hash_size = 2 * sizeof(std::uint64_t);

class Writer {
public:
  void u32(std::uint32_t v) { m_out.append(reinterpret_cast<const char *>(&v), sizeof v); }
  void u64(std::uint64_t v) { m_out.append(reinterpret_cast<const char *>(&v), sizeof v); }
  void hash(const Hash128 &h) {
    u64(h.high);
    u64(h.low);
  }
  void raw(std::string_view bytes) { m_out.append(bytes); }
  void text(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    m_out.append(s);
  }
  void mark(const Mark &m) {
    u32(static_cast<std::uint32_t>(m.line));
    u32(static_cast<std::uint32_t>(m.column));
  }
  void node(const Node &n) {
    m_out += static_cast<char>(n.type());
    m_out += static_cast<char>(n.style());
    mark(n.mark());
    text(n.text());
    u32(static_cast<std::uint32_t>(n.items().size()));
    for (const auto &item : n.items()) {
      node(item);
    }
    u32(static_cast<std::uint32_t>(n.entries().size()));
    for (const auto &entry : n.entries()) {
      text(entry.key);
      mark(entry.key_mark);
      node(entry.value);
    }
  }
  /// One document of a payload: its kind, the list streamed out of it (empty for none), the
  /// records of that list as written by node(), then the document without them.
  void document(std::string_view kind, std::string_view streamed, std::uint32_t records,
                std::string_view record_bytes, const Node &root) {
    text(kind);
    text(streamed);
    u32(records);
    u64(record_bytes.size());
    raw(record_bytes);
    node(root);
  }
  std::size_t size() const { return m_out.size(); }
  std::string_view bytes() const { return m_out; }
  std::string take() { return std::move(m_out); }

private:
  std::string m_out;
};

/// Reads what Writer wrote; any inconsistency makes the whole read fail (ok() false).
class Reader {
public:
  /// `checked`: the bytes passed check_payload, whose checks need not be made again (comparing
  /// each key of a record with the keys before it cost a replay about 0.2 M instructions).
  Reader(std::string_view bytes, const std::string *file, bool checked = false)
      : m_bytes(bytes), m_file(file), m_checked(checked) {}

  bool ok() const { return m_ok; }
  bool at_end() const { return m_pos == m_bytes.size(); }
  std::size_t pos() const { return m_pos; }
  /// Moves to `pos`, which must be within the bytes.
  void seek(std::uint64_t pos) {
    m_ok = m_ok && pos <= m_bytes.size();
    m_pos = m_ok ? static_cast<std::size_t>(pos) : m_pos;
  }

  std::uint32_t u32() { return fixed<std::uint32_t>(); }
  std::uint64_t u64() { return fixed<std::uint64_t>(); }
  Hash128 hash() {
    const std::uint64_t high = u64();
    return Hash128{high, u64()};
  }
  std::string text() { return std::string(text_view()); }
  std::string_view text_view() {
    const std::uint32_t size = u32();
    if (!m_ok || size > m_bytes.size() - m_pos) {
      m_ok = false;
      return {};
    }
    const std::string_view s = m_bytes.substr(m_pos, size);
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
    const Head h = head(depth);
    if (!m_ok) {
      return {};
    }
    Node n = h.type == Node::Type::scalar ? Node::scalar(std::string(h.text), h.style, h.mark)
                                          : Node::container(h.type, h.mark);
    for (std::uint32_t i = 0, count = reserved(n, u32()); m_ok && i < count; ++i) {
      m_ok = n.is_sequence();
      n.push(node(depth + 1));
    }
    const std::uint32_t keys = reserved(n, u32());
    for (std::uint32_t i = 0; m_ok && i < keys; ++i) {
      std::string key = text();
      const Mark key_mark = mark();
      m_ok = m_ok && n.is_mapping() && (m_checked || keys > few_keys || !n.find(key));
      n.add(std::move(key), node(depth + 1), key_mark);
    }
    m_ok = m_ok && (m_checked || keys <= few_keys || distinct_keys(n));
    return n;
  }
  /// What node() checks, without building the node: records are checked before any is
  /// delivered and built only then, one at a time (building them twice cost as much as the rest
  /// of a replay).
  void skip_node(int depth = 0) {
    const Head h = head(depth);
    for (std::uint32_t i = 0, count = u32(); m_ok && i < count; ++i) {
      m_ok = h.type == Node::Type::sequence;
      skip_node(depth + 1);
    }
    std::vector<std::string_view> keys;
    for (std::uint32_t i = 0, count = u32(); m_ok && i < count; ++i) {
      const std::string_view key = text_view();
      mark();
      m_ok = m_ok && h.type == Node::Type::mapping &&
             (count > few_keys || std::find(keys.begin(), keys.end(), key) == keys.end());
      keys.push_back(key);
      skip_node(depth + 1);
    }
    m_ok = m_ok && (keys.size() <= few_keys || distinct(keys));
  }

private:
  /// A mapping with more keys than this (one keyed by state) has them checked distinct by
  /// sorting them once all are read; a record's few keys are each compared with those before.
  static constexpr std::uint32_t few_keys = 16;

  /// Whether no key repeats; sorts `keys`.
  static bool distinct(std::vector<std::string_view> &keys) {
    std::sort(keys.begin(), keys.end());
    return std::adjacent_find(keys.begin(), keys.end()) == keys.end();
  }
  static bool distinct_keys(const Node &mapping) {
    std::vector<std::string_view> keys(mapping.entries().size());
    std::transform(mapping.entries().begin(), mapping.entries().end(), keys.begin(),
                   [](const Node::Entry &entry) { return std::string_view(entry.key); });
    return distinct(keys);
  }

  /// What every node begins with: its type, style, position and text.
  struct Head {
    Node::Type type = Node::Type::null;
    Node::Style style = Node::Style::string;
    Mark mark;
    std::string_view text;
  };
  /// Reads a node's head; only a scalar has text or a style.
  Head head(int depth) {
    if (depth > 200 || m_pos + 2 > m_bytes.size()) {
      m_ok = false;
      return {};
    }
    const auto type = static_cast<unsigned char>(m_bytes[m_pos++]);
    const auto style = static_cast<unsigned char>(m_bytes[m_pos++]);
    Head h;
    h.mark = mark();
    h.text = text_view();
    if (type > static_cast<unsigned char>(Node::Type::mapping) ||
        style > static_cast<unsigned char>(Node::Style::quoted)) {
      m_ok = false;
      return {};
    }
    h.type = static_cast<Node::Type>(type);
    h.style = static_cast<Node::Style>(style);
    m_ok = m_ok && (h.type == Node::Type::scalar || (h.text.empty() && style == 0));
    return h;
  }

  /// Makes room in `n` for `count` children, as many as the bytes left could hold (each takes
  /// more than 20), and returns `count`.
  std::uint32_t reserved(Node &n, std::uint32_t count) const {
    n.reserve(std::min<std::size_t>(count, (m_bytes.size() - m_pos) / 20));
    return count;
  }

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
  const std::string *m_file;
  bool m_checked;
  std::size_t m_pos = 0;
  bool m_ok = true;
};

/// Collects whole documents, streaming nothing (reference files are small).
struct Collector : DocumentConsumer {
  std::vector<Document> documents;
  std::string_view streamed_list(const std::string &, const Node &) override { return {}; }
  void on_record(const std::string &, const Node &, const Node &) override {}
  void on_document(Document document) override { documents.push_back(std::move(document)); }
};

/// Forwards what the reader delivers to `inner` unchanged and records it as an entry's payload.
/// A payload that grows past `limit` bytes is given up, so memory stays flat on any input.
class Recorder final : public DocumentConsumer {
public:
  Recorder(DocumentConsumer &inner, std::uint64_t limit) : m_inner(inner), m_limit(limit) {}

  std::string_view streamed_list(const std::string &kind, const Node &kind_node) override {
    const std::string_view streamed = m_inner.streamed_list(kind, kind_node);
    m_streamed = streamed;
    m_records = Writer();
    m_record_count = 0;
    return streamed;
  }
  void on_record(const std::string &kind, const Node &header, const Node &record) override {
    m_inner.on_record(kind, header, record);
    if (recording()) {
      m_records.node(record);
      ++m_record_count;
    }
  }
  void on_document(Document document) override {
    if (recording()) {
      m_body.document(document.kind, m_streamed, m_record_count, m_records.bytes(), document.root);
      ++m_documents;
    }
    // The records are in the body now: kept, they were counted twice against the limit, and a
    // ledger whose entry took over half of it was parsed again on every call.
    m_records = Writer();
    m_record_count = 0;
    m_inner.on_document(std::move(document));
  }

  /// The payload of everything delivered, or none when it was given up.
  std::optional<std::string> payload() {
    if (!recording()) {
      return std::nullopt;
    }
    Writer payload;
    payload.u32(m_documents);
    payload.raw(m_body.bytes());
    return payload.take();
  }

private:
  bool recording() {
    if (!m_given_up && m_body.size() + m_records.size() > m_limit) {
      m_given_up = true;
      m_body = Writer();
      m_records = Writer();
    }
    return !m_given_up;
  }

  DocumentConsumer &m_inner;
  std::uint64_t m_limit;
  Writer m_body;
  Writer m_records; // the records of the document being read
  std::string m_streamed;
  std::uint32_t m_record_count = 0;
  std::uint32_t m_documents = 0;
  bool m_given_up = false;
};

/// What the YAML reader guarantees of a document: a mapping whose first key is `kind`, its
/// value the document's kind.
bool is_document(const std::string &kind, const Node &root) {
  const auto &entries = root.entries();
  return root.is_mapping() && !entries.empty() && entries[0].key == "kind" &&
         entries[0].value.is_scalar() && entries[0].value.text() == kind;
}

/// What the reader guarantees of a streamed list: a sequence at the top level, other than the
/// kind, left empty in the document. A document that streamed nothing has no records.
bool streams_soundly(const Node &root, const std::string &streamed, std::uint32_t records) {
  if (streamed.empty()) {
    return records == 0;
  }
  const Node *list = root.find(streamed);
  return streamed != "kind" && list && list->is_sequence() && list->items().empty();
}

/// The document as the reader held it while it delivered the records of `streamed`: the keys
/// up to that list, the list itself still empty.
Node header_of(const Node &root, std::string_view streamed) {
  Node header = Node::container(Node::Type::mapping, root.mark());
  for (const auto &entry : root.entries()) {
    header.add(entry.key, entry.value, entry.key_mark);
    if (entry.key == streamed) {
      break;
    }
  }
  return header;
}

/// A copy of the mapping `root` with the value of `key` replaced.
Node with_value(const Node &root, std::string_view key, Node value) {
  Node copy = Node::container(Node::Type::mapping, root.mark());
  for (const auto &entry : root.entries()) {
    if (entry.key == key) {
      // NOLINTNEXTLINE(bugprone-use-after-move): a mapping's keys are unique, so moved once.
      copy.add(entry.key, std::move(value), entry.key_mark);
    } else {
      copy.add(entry.key, entry.value, entry.key_mark);
    }
  }
  return copy;
}

/// Delivers a whole document as the reader delivers it to a consumer that streams the list
/// `streamed` (or nothing, when it is empty or not a top-level sequence of this document).
void deliver_whole(const std::string &kind, Node root, std::string_view streamed,
                   DocumentConsumer &consumer) {
  const Node *list = streamed.empty() ? nullptr : root.find(streamed);
  if (list && list->is_sequence()) {
    Node emptied = with_value(root, streamed, Node::container(Node::Type::sequence, list->mark()));
    const Node header = header_of(emptied, streamed);
    for (const Node &record : list->items()) {
      consumer.on_record(kind, header, record);
    }
    root = std::move(emptied);
  }
  consumer.on_document(Document{kind, std::move(root)});
}

/// Delivers a document read from an entry and the `count` records `in` stands at, which were
/// streamed out of its list `streamed`, to a consumer; it stops where a record cannot be read.
void deliver(Reader &in, const std::string &kind, Node root, const std::string &streamed,
             std::uint32_t count, DocumentConsumer &consumer) {
  const std::string_view wanted = consumer.streamed_list(kind, root.entries()[0].value);
  if (wanted != streamed) { // recorded for another consumer: rebuilt whole, then streamed its way
    if (!streamed.empty()) {
      Node list = Node::container(Node::Type::sequence, root.find(streamed)->mark());
      for (std::uint32_t i = 0; in.ok() && i < count; ++i) {
        list.push(in.node());
      }
      root = with_value(root, streamed, std::move(list));
    }
    if (in.ok()) {
      deliver_whole(kind, std::move(root), wanted, consumer);
    }
    return;
  }
  const Node header = streamed.empty() ? Node() : header_of(root, streamed);
  for (std::uint32_t i = 0; i < count; ++i) {
    const Node record = in.node();
    if (!in.ok()) {
      return;
    }
    consumer.on_record(kind, header, record);
  }
  consumer.on_document(Document{kind, std::move(root)});
}

/// A document of a payload, checked: its root, and where the records streamed out of it lie.
struct Checked {
  std::string kind;
  std::string streamed;
  std::uint32_t count = 0;
  std::size_t records_at = 0;
  Node root;
};

/// Reads one document of a payload and checks that the reader could have delivered it.
std::optional<Checked> check_document(Reader &in) {
  Checked document;
  document.kind = in.text();
  document.streamed = in.text();
  document.count = in.u32();
  const std::uint64_t size = in.u64();
  document.records_at = in.pos();
  in.seek(document.records_at +
          std::min<std::uint64_t>(size, std::numeric_limits<std::uint32_t>::max()));
  document.root = in.node();
  if (!in.ok() || !is_document(document.kind, document.root) ||
      !streams_soundly(document.root, document.streamed, document.count)) {
    return std::nullopt;
  }
  const std::size_t end = in.pos();
  in.seek(document.records_at);
  for (std::uint32_t i = 0; in.ok() && i < document.count; ++i) {
    in.skip_node();
  }
  if (!in.ok() || in.pos() != document.records_at + size) {
    return std::nullopt;
  }
  in.seek(end);
  return document;
}

/// Every document of a payload, checked whole before any is delivered (delivering what was
/// not checked could deliver half of it); none when any part is not what the reader could have
/// delivered.
std::optional<std::vector<Checked>> check_payload(std::string_view payload,
                                                  const std::string *file) {
  Reader in(payload, file);
  std::vector<Checked> documents;
  for (std::uint32_t i = 0, count = in.u32(); in.ok() && i < count; ++i) {
    auto document = check_document(in);
    if (!document) {
      return std::nullopt;
    }
    documents.push_back(std::move(*document));
  }
  if (!in.ok() || !in.at_end()) {
    return std::nullopt;
  }
  return documents;
}

/// Delivers checked documents, reading their records again from the payload one at a time.
void deliver_payload(std::string_view payload, const std::string *file,
                     std::vector<Checked> &documents, DocumentConsumer &consumer) {
  Reader in(payload, file, true);
  for (auto &document : documents) {
    in.seek(document.records_at);
    deliver(in, document.kind, std::move(document.root), document.streamed, document.count,
            consumer);
  }
}

std::string make_entry(const Hash128 &key, std::string_view payload) {
  Writer entry;
  entry.raw(magic);
  entry.hash(key);
  entry.hash(hash128(payload));
  entry.raw(payload);
  return entry.take();
}

/// The payload of an entry for the content whose hash is `key`, or none when the entry is not
/// one (another format, another content, damaged or cut short).
std::optional<std::string_view> payload_of(std::string_view entry, const Hash128 &key) {
  if (entry.size() < magic.size() + 2 * hash_size || entry.substr(0, magic.size()) != magic) {
    return std::nullopt;
  }
  Reader hashes(entry.substr(magic.size(), 2 * hash_size), nullptr);
  const Hash128 stored_key = hashes.hash();
  const Hash128 checksum = hashes.hash();
  const std::string_view payload = entry.substr(magic.size() + 2 * hash_size);
  if (!(stored_key == key) || !(checksum == hash128(payload))) {
    return std::nullopt;
  }
  return payload;
}

void parse(const std::string &file_name, std::string_view content, DocumentConsumer &consumer) {
  read_yaml(content, file_name, consumer);
}

} // namespace

namespace {

/// A cache limit as ISUKIT_CACHE_SIZE would write it: 32M, 64K, or bytes.
std::string size_as_written(std::uint64_t bytes) {
  constexpr std::uint64_t kib = 1024;
  if (bytes % (kib * kib) == 0) {
    return fmt::format("{}M", bytes / (kib * kib));
  }
  return bytes % kib == 0 ? fmt::format("{}K", bytes / kib) : std::to_string(bytes);
}

/// Says why a large input is slow on every call: its entry would not fit in the cache at all.
void note_not_cached(const std::string &file_name, std::uint64_t limit) {
  util::note(util::Position{file_name, 0, 0},
             fmt::format("parsed again on every call: what it holds takes more than the whole "
                         "cache (ISUKIT_CACHE_SIZE={}), so it is not kept; a larger "
                         "ISUKIT_CACHE_SIZE keeps it",
                         size_as_written(limit)));
}

} // namespace

void read_yaml_cached(const std::string &file_name, std::string_view content,
                      DocumentConsumer &consumer) {
  const auto store = CacheStore::open();
  if (!store) {
    parse(file_name, content, consumer);
    return;
  }
  // The key is the content alone: positions take the file's name when an entry is replayed.
  const Hash128 key = hash128(content);
  const std::string *file = intern_file_name(file_name);
  if (const auto entry = store->get(key)) {
    const auto payload = payload_of(entry->view(), key);
    if (auto documents = payload ? check_payload(*payload, file) : std::nullopt) {
      deliver_payload(*payload, file, *documents, consumer);
      return;
    }
  }
  Recorder recorder(consumer, store->limit());
  parse(file_name, content, recorder);
  if (const auto payload = recorder.payload()) {
    store->put(key, make_entry(key, *payload));
  } else {
    note_not_cached(file_name, store->limit());
  }
}

std::vector<Document> read_yaml_cached(const std::string &file_name, std::string_view content) {
  Collector collector;
  read_yaml_cached(file_name, content, collector);
  return std::move(collector.documents);
}

std::string serialize_documents(std::string_view content, const std::vector<Document> &documents) {
  Writer payload;
  payload.u32(static_cast<std::uint32_t>(documents.size()));
  for (const auto &document : documents) {
    payload.document(document.kind, {}, 0, {}, document.root);
  }
  return make_entry(hash128(content), payload.bytes());
}

std::optional<std::vector<Document>> deserialize_documents(std::string_view entry,
                                                           std::string_view content,
                                                           const std::string &file_name) {
  const std::string *file = intern_file_name(file_name);
  const auto payload = payload_of(entry, hash128(content));
  auto documents = payload ? check_payload(*payload, file) : std::nullopt;
  if (!documents) {
    return std::nullopt;
  }
  Collector collector;
  deliver_payload(*payload, file, *documents, collector);
  return std::move(collector.documents);
}

} // namespace isukit::io
