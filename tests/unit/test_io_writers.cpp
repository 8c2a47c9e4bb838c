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

  TEST_CASE("io::to_yaml quotes exactly the scalars and keys a plain one would misread") {
    // Each text with whether YAML needs it quoted: the special words in any case, a start that
    // reads as a number or indicator, ": " and " #" anywhere, a control character, a trailing
    // space or colon; the same characters elsewhere stay plain.
    const std::pair<std::string, bool> cases[] = {
        {"Off", true},      {"TRUE", true},   {"nO", true},     {"Y", true},      {"~", true},
        {"yess", false},    {"offer", false}, {"nullx", false}, {"a: b", true},   {"a:b", false},
        {"a #b", true},     {"a#b", false},   {"x\x01y", true}, {"x\x7fy", true}, {"ab ", true},
        {"ab:", true},      {"-1", true},     {"-a", true},     {"a-1", false},   {"2025", true},
        {"Ünïcode", false}, {"", true},       {"#a", true},     {"a b", false},
    };
    for (const auto &item : cases) { // no structured binding: CAPTURE's lambda (clang 14)
      const std::string &text = item.first;
      const bool quoted = item.second;
      CAPTURE(text);
      Node doc = Node::mapping();
      doc.add("v", Node::string(text));
      doc.add(text, Node::null());
      const std::string yaml = to_yaml({doc});
      const std::string value = yaml.substr(yaml.find("v: ") + 3, yaml.find('\n', 7) - 7);
      CHECK((value.front() == '"') == quoted);
      const bool year_key = text == "2025"; // a year key stays bare
      CHECK((yaml[yaml.rfind('\n', yaml.size() - 2) + 1] == '"') == (quoted && !year_key));
    }
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
