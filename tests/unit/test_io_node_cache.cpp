#include <isukit/io/cache_store.hpp>
#include <isukit/io/inputs.hpp>
#include <isukit/io/node_cache.hpp>
#include <isukit/io/writers.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace isukit;
using namespace isukit::io;
namespace fs = std::filesystem;

namespace {

std::string as_yaml(const std::vector<Document> &documents) {
  std::vector<Node> roots;
  for (const auto &d : documents) {
    roots.push_back(d.root);
  }
  return to_yaml(roots);
}

/// A fresh cache directory named in ISUKIT_CACHE for the life of a test.
struct ScratchCache {
  explicit ScratchCache(const std::string &name) : dir(fs::temp_directory_path() / name) {
    fs::remove_all(dir);
    setenv("ISUKIT_CACHE", dir.c_str(), 1);
  }
  ~ScratchCache() {
    unsetenv("ISUKIT_CACHE");
    fs::remove_all(dir);
  }
  std::vector<fs::path> entries() const {
    std::vector<fs::path> found;
    for (const auto &entry : fs::directory_iterator(dir)) {
      found.push_back(entry.path());
    }
    return found;
  }
  fs::path dir;
};

/// Logs every call the reader makes, with the nodes as YAML and their positions: equal logs
/// mean equal deliveries. Streams `streamed` (or nothing) and throws at record `fail_at`.
class CallLog : public DocumentConsumer {
public:
  explicit CallLog(std::string streamed, int fail_at = -1)
      : m_streamed(std::move(streamed)), m_fail_at(fail_at) {}
  std::string_view streamed_list(const std::string &kind, const Node &kind_node) override {
    log += "list " + kind + " " + kind_node.mark().located() + "\n";
    return m_streamed;
  }
  void on_record(const std::string &kind, const Node &header, const Node &record) override {
    if (m_records++ == m_fail_at) {
      record.fail("record refused");
    }
    log += "record " + kind + " " + record.mark().located() + "\n" + to_yaml({header}) +
           to_yaml({record});
  }
  void on_document(Document document) override {
    log += "document " + document.kind + " " + document.root.mark().located() + "\n" +
           to_yaml({document.root});
  }
  std::string log;

private:
  std::string m_streamed;
  int m_fail_at;
  int m_records = 0;
};

constexpr std::string_view ledger =
    "kind: payments\ncurrency: USD\npayments:\n  - {state: FRA, amount: \"1.00\"}\n"
    "  - {state: DEU, amount: \"2.00\"}\n  - 7\nnote: after the list\n---\n"
    "kind: other\npayments: [1, 2]\n";

std::string delivered(const std::string &streamed, int fail_at = -1) {
  CallLog log(streamed, fail_at);
  try {
    read_yaml_cached("ledger.yaml", ledger, log);
  } catch (const util::Error &error) {
    log.log += "error " + error.located_message() + "\n";
  }
  return log.log;
}

} // namespace

TEST_SUITE("io::node_cache") {
  TEST_CASE("io::read_yaml_cached replays values, styles and positions") {
    const std::string text = "kind: states\nstates:\n  - {code: FRA, name: \"France\", un_member: "
                             "true}\n---\nkind: x\nlist: [1, 2]\n";
    ScratchCache cache("isukit-cache-test");
    const auto parsed = read_yaml_cached("states.yaml", text);
    const auto cached = read_yaml_cached("states.yaml", text); // from the cache this time
    REQUIRE(cache.entries().size() == 1);
    CHECK(as_yaml(cached) == as_yaml(parsed));
    const Node &name = cached[0].root.at("states").items()[0].at("name");
    CHECK(name.style() == Node::Style::quoted);
    CHECK(name.position().file == "states.yaml");
    CHECK(name.mark().line == 3);
    CHECK(name.mark().column == 23); // the opening quote
    CHECK(cached[0].root.entries()[1].key_mark.line == 2);
    const auto renamed =
        read_yaml_cached("copy.yaml", text); // same content: same entry, its own name
    CHECK(cache.entries().size() == 1);
    CHECK(renamed[0].root.at("states").position().file == "copy.yaml");
  }

  TEST_CASE(
      "io::read_yaml_cached delivers what the reader delivers, streamed or not, hit or miss") {
    setenv("ISUKIT_CACHE", "off", 1);
    const std::string streamed = delivered("payments");
    const std::string whole = delivered("");
    const std::string refused = delivered("payments", 1);
    unsetenv("ISUKIT_CACHE");
    CHECK(streamed.find("record payments ledger.yaml:6:5\n") !=
          std::string::npos); // the scalar record
    CHECK(refused.find("error ledger.yaml:5:5: record refused") != std::string::npos);
    for (const std::string first : {"payments", ""}) { // the entry recorded for either consumer
      CAPTURE(first);
      ScratchCache cache("isukit-cache-test-stream");
      CHECK(delivered(first) == (first.empty() ? whole : streamed)); // a miss
      REQUIRE(cache.entries().size() == 1);
      CHECK(delivered("payments") == streamed); // hits
      CHECK(delivered("") == whole);
      CHECK(delivered("payments", 1) == refused);
    }
  }

  TEST_CASE("io::read_yaml_cached stores an entry up to the store's limit, the records streamed "
            "counted once") {
    // The records streamed out of a list were counted against the limit twice (once copied
    // into their document's bytes): a ledger whose entry took more than half the limit (70,000
    // payments of 32 MiB) was never stored, so parsed again on every call.
    std::string text = "kind: payments\ncurrency: USD\npayments:\n";
    for (int i = 0; i < 500; ++i) {
      text += fmt::format("  - {{state: FRA, amount: \"{}.00\", reference: R{}}}\n", i + 1, i);
    }
    const auto entry_size = [&](std::uintmax_t limit) {
      ScratchCache cache("isukit-cache-test-limit");
      setenv("ISUKIT_CACHE_SIZE", std::to_string(limit).c_str(), 1);
      CallLog parsed("payments");
      CallLog replayed("payments");
      read_yaml_cached("big.yaml", text, parsed);
      read_yaml_cached("big.yaml", text, replayed); // a hit when the entry was stored
      unsetenv("ISUKIT_CACHE_SIZE");
      CHECK(replayed.log == parsed.log);
      const auto entries = cache.entries();
      return entries.empty() ? std::uintmax_t{0} : fs::file_size(entries[0]);
    };
    const std::uintmax_t size = entry_size(std::uintmax_t{1} << 30);
    REQUIRE(size > text.size());
    CHECK(entry_size(size) == size); // at the limit
    CHECK(entry_size(size + size / 2) == size);
    CHECK(entry_size(size - 1) == 0); // past it: never stored, read as before
  }

  TEST_CASE("io::read_yaml_cached is never stale: a changed content misses, whatever the file's "
            "time and size") {
    ScratchCache cache("isukit-cache-test-2");
    const fs::path file = cache.dir.string() + "-a.yaml";
    std::ofstream(file) << "kind: a\nvalue: 1\n";
    read_yaml_cached(file.string(), read_file(file.string()));
    const auto time = fs::last_write_time(file);
    std::ofstream(file) << "kind: a\nvalue: 2\n";
    fs::last_write_time(file, time);
    const auto changed = read_yaml_cached(file.string(), read_file(file.string()));
    fs::remove(file);
    CHECK(changed[0].root.at("value").text() == "2");
    CHECK(cache.entries().size() == 2);
  }

  TEST_CASE("io::read_yaml_cached ignores a damaged, cut or foreign entry and replaces it") {
    const std::string text = "kind: a\nvalue: 1\n";
    ScratchCache cache("isukit-cache-test-3");
    const auto parsed = as_yaml(read_yaml_cached("a.yaml", text));
    const fs::path entry = cache.entries().at(0);
    const std::string good = read_file(entry.string());
    const std::string other = serialize_documents(
        "kind: a\nvalue: 2\n", read_yaml_cached("b.yaml", "kind: a\nvalue: 2\n"));
    for (const std::string &bad : {good.substr(0, good.size() - 3), std::string(good.size(), 'x'),
                                   other, good.substr(0, good.size() - 2) + "9\n"}) {
      std::ofstream(entry, std::ios::binary | std::ios::trunc) << bad;
      CHECK(as_yaml(read_yaml_cached("a.yaml", text)) == parsed);
      CHECK(read_file(entry.string()) == good);
    }
  }

  TEST_CASE("io::deserialize_documents refuses damaged bytes and another content's entry") {
    Node root = Node::container(Node::Type::mapping, Mark{nullptr, 1, 1});
    root.add("kind", Node::scalar("a", Node::Style::string, Mark{nullptr, 1, 7}),
             Mark{nullptr, 1, 1});
    const std::string bytes = serialize_documents("kind: a\n", {Document{"a", root}});
    CHECK(deserialize_documents(bytes, "kind: a\n", "a.yaml"));
    CHECK_FALSE(deserialize_documents(bytes, "kind: a\n\n", "a.yaml"));
    CHECK_FALSE(deserialize_documents(bytes.substr(0, bytes.size() - 1), "kind: a\n", "a.yaml"));
    CHECK_FALSE(deserialize_documents("not a cache", "kind: a\n", "a.yaml"));
    for (std::size_t i = 0; i < bytes.size(); ++i) { // every single damaged byte is caught
      std::string damaged = bytes;
      damaged[i] = static_cast<char>(damaged[i] ^ 0x20);
      CHECK_FALSE(deserialize_documents(damaged, "kind: a\n", "a.yaml"));
    }
  }

  TEST_CASE("io::deserialize_documents refuses a well-formed entry the YAML reader could not have "
            "written") {
    // Built as a cache file would be, with a correct checksum, but not a document: no 'kind'.
    CHECK_FALSE(deserialize_documents(serialize_documents("", {Document{"a", Node::mapping()}}), "",
                                      "a.yaml"));
    Node root = Node::container(Node::Type::mapping, Mark{nullptr, 1, 1});
    root.add("kind", Node::scalar("b", Node::Style::string, Mark{nullptr, 1, 7}),
             Mark{nullptr, 1, 1});
    CHECK_FALSE(deserialize_documents(serialize_documents("", {Document{"a", root}}), "",
                                      "a.yaml")); // kinds differ
    Node unplaced = Node::mapping();              // line 0: never read from a file
    unplaced.add("kind", Node::scalar("a", Node::Style::string, Mark{nullptr, 1, 7}),
                 Mark{nullptr, 1, 1});
    CHECK_FALSE(
        deserialize_documents(serialize_documents("", {Document{"a", unplaced}}), "", "a.yaml"));
  }

  TEST_CASE("io::deserialize_documents refuses a mapping that holds a key twice, short or long") {
    const Mark at{nullptr, 1, 1};
    // A mapping of `count` keys k0, k1, ... in which the last repeats the first when `twice`.
    const auto entry = [&](int count, bool twice) {
      Node root = Node::container(Node::Type::mapping, at);
      root.add("kind", Node::scalar("a", Node::Style::string, at), at);
      Node keyed = Node::container(Node::Type::mapping, at);
      for (int i = 0; i < count; ++i) {
        const std::string key = fmt::format("k{}", twice && i == count - 1 ? 0 : i);
        keyed.add(key, Node::scalar("1", Node::Style::string, at), at);
      }
      root.add("keyed", keyed, at);
      return serialize_documents("", {Document{"a", root}});
    };
    for (const int count : {3, 16, 17, 200}) {
      CAPTURE(count);
      CHECK(deserialize_documents(entry(count, false), "", "a.yaml"));
      CHECK_FALSE(deserialize_documents(entry(count, true), "", "a.yaml"));
    }
  }
}
