#include <isukit/io/node_cache.hpp>
#include <isukit/io/writers.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

using namespace isukit;
using namespace isukit::io;
namespace fs = std::filesystem;

namespace {

std::string as_yaml(const std::vector<Document>& documents) {
  std::vector<Node> roots;
  for (const auto& d : documents) {
    roots.push_back(d.root);
  }
  return to_yaml(roots);
}

} // namespace

TEST_SUITE("io::node_cache") {
  TEST_CASE("io::serialize_documents round trip keeps values, styles and positions") {
    const std::string text = "kind: states\nstates:\n  - {code: FRA, name: \"France\", un_member: true}\n---\nkind: x\nlist: [1, 2]\n";
    const auto dir = fs::temp_directory_path() / "isukit-cache-test";
    fs::remove_all(dir);
    setenv("ISUKIT_CACHE", dir.c_str(), 1);
    const auto parsed = read_yaml_cached("states.yaml", text);
    const auto cached = read_yaml_cached("states.yaml", text); // from the cache this time
    unsetenv("ISUKIT_CACHE");
    REQUIRE(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    CHECK(as_yaml(cached) == as_yaml(parsed));
    const Node& name = cached[0].root.at("states").items()[0].at("name");
    CHECK(name.style() == Node::Style::quoted);
    CHECK(name.position().file == "states.yaml");
    CHECK(name.mark().line == 3);
    CHECK(name.mark().column == 23); // the opening quote
    CHECK(cached[0].root.entries()[1].key_mark.line == 2);
    fs::remove_all(dir);
  }

  TEST_CASE("io::read_yaml_cached misses when the content changes, whatever the file's time") {
    const auto dir = fs::temp_directory_path() / "isukit-cache-test-2";
    fs::remove_all(dir);
    setenv("ISUKIT_CACHE", dir.c_str(), 1);
    read_yaml_cached("a.yaml", "kind: a\nvalue: 1\n");
    const auto changed = read_yaml_cached("a.yaml", "kind: a\nvalue: 2\n");
    unsetenv("ISUKIT_CACHE");
    CHECK(changed[0].root.at("value").text() == "2");
    fs::remove_all(dir);
  }

  TEST_CASE("io::deserialize_documents refuses damaged bytes") {
    Node root = Node::container(Node::Type::mapping, Mark{nullptr, 1, 1});
    root.add("kind", Node::scalar("a", Node::Style::string, Mark{nullptr, 1, 7}), Mark{nullptr, 1, 1});
    const std::string bytes = serialize_documents({Document{"a", root}});
    CHECK(deserialize_documents(bytes, "a.yaml"));
    CHECK_FALSE(deserialize_documents(bytes.substr(0, bytes.size() - 1), "a.yaml"));
    CHECK_FALSE(deserialize_documents("not a cache", "a.yaml"));
    for (std::size_t i = 0; i < bytes.size(); ++i) { // every single damaged byte is caught
      std::string damaged = bytes;
      damaged[i] = static_cast<char>(damaged[i] ^ 0x20);
      CHECK_FALSE(deserialize_documents(damaged, "a.yaml"));
    }
  }

  TEST_CASE("io::deserialize_documents refuses a well-formed entry the YAML reader could not have written") {
    // Built as a cache file would be, with a correct checksum, but not a document: no 'kind'.
    CHECK_FALSE(deserialize_documents(serialize_documents({Document{"a", Node::mapping()}}), "a.yaml"));
    Node root = Node::container(Node::Type::mapping, Mark{nullptr, 1, 1});
    root.add("kind", Node::scalar("b", Node::Style::string, Mark{nullptr, 1, 7}), Mark{nullptr, 1, 1});
    CHECK_FALSE(deserialize_documents(serialize_documents({Document{"a", root}}), "a.yaml")); // kinds differ
    Node unplaced = Node::mapping(); // line 0: never read from a file
    unplaced.add("kind", Node::scalar("a", Node::Style::string, Mark{nullptr, 1, 7}), Mark{nullptr, 1, 1});
    CHECK_FALSE(deserialize_documents(serialize_documents({Document{"a", unplaced}}), "a.yaml"));
  }
}
