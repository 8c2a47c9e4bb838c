#include <isukit/io/shape.hpp>
#include <isukit/io/yaml_reader.hpp>

#include <doctest/doctest.h>

using namespace isukit;
using namespace isukit::io;

namespace {

struct Collect : DocumentConsumer {
  std::vector<Document> documents;
  std::string_view streamed_list(const std::string &, const Node &) override { return {}; }
  void on_record(const std::string &, const Node &, const Node &) override {}
  void on_document(Document document) override { documents.push_back(std::move(document)); }
};

Node parse(const std::string &text) {
  Collect collect;
  read_yaml(text, "t.yaml", collect);
  return collect.documents.at(0).root;
}

Shape layout() {
  return Shape::mapping({{"kind", Shape::scalar()},
                         {"total", Shape::scalar()},
                         {"years", Shape::keyed(Shape::scalar())},
                         {"items", Shape::list(Shape::mapping({{"state", Shape::scalar()},
                                                               {"amount", Shape::scalar()}}))}});
}

} // namespace

TEST_CASE("io::nearest suggests within two edits") {
  const std::vector<std::string> keys{"total", "year", "ceiling", "state"};
  CHECK(nearest("totl", keys) == "total");
  CHECK(nearest("yaer", keys) == "year");
  CHECK(nearest("ceilling", keys) == "ceiling");
  CHECK(nearest("Total", keys) == "total");
  CHECK(nearest("zzzzzz", keys).empty());
  CHECK(nearest("x", keys).empty());
  CHECK(nearest("yr", keys).empty()); // two edits in two letters: another word
}

TEST_CASE("io::Shape accepts a document of its layout") {
  CHECK_NOTHROW(layout().check(
      parse("kind: k\ntotal: 3\nyears: {2025: 1}\nitems:\n  - {state: FRA, amount: 1}\n")));
  CHECK_NOTHROW(layout().check(parse("kind: k\nitems: []\n")));
}

TEST_CASE("io::Shape: an unknown key at any level, with the nearest known one") {
  CHECK_THROWS_WITH(layout().check(parse("kind: k\ntotl: 3\n")),
                    "t.yaml:2:1: unknown field 'totl' (did you mean 'total'?)");
  CHECK_THROWS_WITH(
      layout().check(parse("kind: k\ncolour: red\n")),
      "t.yaml:2:1: unknown field 'colour' (expected one of: kind, total, years, items)");
  CHECK_THROWS_WITH(layout().check(parse("kind: k\nitems:\n  - {state: FRA, amuont: 1}\n")),
                    "t.yaml:3:18: unknown field 'amuont' (did you mean 'amount'?)");
}

TEST_CASE("io::Shape: a list field that is not a list") {
  CHECK_THROWS_WITH(
      layout().check(parse("kind: k\nitems:\n  state: FRA\n")),
      "t.yaml:3:3: expected a list, got a mapping (each item of a list starts with '- ')");
  CHECK_THROWS_WITH(layout().check(parse("kind: k\nitems: {}\n")),
                    "t.yaml:2:8: expected a list, got an empty mapping '{}'");
  CHECK_THROWS_WITH(layout().check(parse("kind: k\nitems: none\n")),
                    "t.yaml:2:8: expected a list, got 'none'");
  CHECK_THROWS_WITH(
      layout().check(parse("kind: k\nitems:\n")),
      "t.yaml:2:1: 'items' holds nothing; expected a list (write [] for an empty list)");
  CHECK_THROWS_WITH(layout().check(parse("kind: k\ntotal: [1]\n")),
                    "t.yaml:2:8: expected text, got a list");
}

TEST_CASE("io::NamedOnce: a name given twice is an error at the second, naming the first") {
  const Node root = parse("kind: k\nof: [a, b, a]\nids: [x, y]\n");
  CHECK_THROWS_WITH(require_each_once(root.at("of"), "line", "'of'"),
                    "t.yaml:2:12: line 'a' is named twice in 'of' (also at t.yaml:2:6)");
  CHECK_NOTHROW(require_each_once(root.at("ids"), "budget", "the inputs"));
  NamedOnce ids("budget", "the inputs");
  ids.require_new(root.at("ids").as_sequence().at(0));
  CHECK_THROWS_WITH(ids.require_new(root.at("ids").as_sequence().at(0)),
                    "t.yaml:3:7: budget 'x' is named twice in the inputs (also at t.yaml:3:7)");
}

TEST_CASE("io yaml reader: tags other than !!str are refused") {
  CHECK_THROWS_WITH(parse("kind: k\ntotal: !!null 1000.00\n"),
                    doctest::Contains("YAML tag '!!null' is not accepted"));
  CHECK_THROWS_WITH(parse("kind: k\ntotal: !!int 1000\n"),
                    doctest::Contains("YAML tag '!!int' is not accepted"));
  CHECK_THROWS_WITH(parse("kind: k\ntotal: !custom x\n"),
                    doctest::Contains("YAML tag '!custom' is not accepted"));
  CHECK(parse("kind: k\ntotal: !!str 1000.00\n").at("total").text() == "1000.00");
}

TEST_CASE("io::Node booleans follow YAML 1.2 and null text names its cause") {
  const Node root = parse("kind: k\na: True\nb: FALSE\nc: yes\nd: Null\n");
  CHECK(root.at("a").as_bool());
  CHECK_FALSE(root.at("b").as_bool());
  CHECK_THROWS_WITH(root.at("c").as_bool(), doctest::Contains("yes, no, on and off are text"));
  CHECK_THROWS_WITH(root.at("d").as_text(),
                    doctest::Contains("YAML reads an empty value and a bare null, Null"));
}
