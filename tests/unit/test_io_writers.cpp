#include <isukit/io/writers.hpp>

#include <doctest/doctest.h>

using namespace isukit::io;

TEST_SUITE("io::writers") {
  TEST_CASE("io::to_yaml") {
    Node doc = Node::mapping();
    doc.add("kind", Node::string("assessments"));
    doc.add("year", Node::number("2025"));
    doc.add("code", Node::string("NO"));
    doc.add("date", Node::string("2025-08-31"));
    doc.add("amount", Node::number("1362200.20"));
    doc.add("empty", Node::sequence());
    Node &items = doc.add("states", Node::sequence());
    Node first = Node::mapping();
    first.add("state", Node::string("FRA"));
    first.add("note", Node::string("a: b"));
    items.push(first);
    CHECK(to_yaml({doc}) == "---\n"
                            "kind: assessments\n"
                            "year: 2025\n"
                            "code: \"NO\"\n"
                            "date: \"2025-08-31\"\n"
                            "amount: 1362200.20\n"
                            "empty: []\n"
                            "states:\n"
                            "- state: FRA\n"
                            "  note: \"a: b\"\n");
  }

  TEST_CASE("io::to_json") {
    Node doc = Node::mapping();
    doc.add("name", Node::string("Côte d'Ivoire \"CIV\""));
    doc.add("amount", Node::number("0.10"));
    doc.add("paid", Node::boolean(false));
    CHECK(to_json({doc}) == "{\n  \"name\": \"Côte d'Ivoire \\\"CIV\\\"\",\n"
                            "  \"amount\": 0.10,\n  \"paid\": false\n}\n");
  }
}
