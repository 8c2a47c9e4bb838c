#include <isukit/io/letters.hpp>

#include <doctest/doctest.h>

using namespace isukit;
using namespace isukit::io;

TEST_CASE("escape_markdown keeps what a person typed as text") {
  CHECK(escape_markdown("Applicant One") == "Applicant One");
  CHECK(escape_markdown("<img src=x onerror=alert(1)>") == "\\<img src=x onerror=alert(1)\\>");
  CHECK(escape_markdown("*bold* _it_ [link](x) #1") == "\\*bold\\* \\_it\\_ \\[link\\](x) \\#1");
  CHECK(escape_markdown("two\nlines\r\nend") == "two lines end");
  CHECK(escape_markdown("- item") == "\\- item");
  CHECK(escape_markdown("1. item") == "1\\. item");
  CHECK(escape_markdown("3.96 %") == "3.96 %");           // a rate is no list item
  CHECK(escape_markdown("Timor-Leste") == "Timor-Leste"); // a hyphen inside a word is text
  CHECK(escape_markdown("a\\b | c") == "a\\\\b \\| c");
}

TEST_CASE("a Markdown template escapes values, a text template does not") {
  Node context = Node::mapping();
  context.add("name", Node::string("*Jo* <b>"));
  const auto md = LetterTemplate::from_text("{{name}}|{{{name}}}", "letter.en.md.mustache");
  CHECK(md.render(context) == "\\*Jo\\* \\<b\\>|*Jo* <b>\n");
  const auto txt = LetterTemplate::from_text("{{name}}", "letter.en.txt.mustache");
  CHECK(txt.render(context) == "*Jo* <b>\n");
}

TEST_CASE("a letter keeps one blank line where false sections leave their lines") {
  Node context = Node::mapping();
  context.add("regret", Node::boolean(true));
  const std::string text = "Dear Sir,\n\n{{#selected}}\nYes.\n{{/selected}}\n{{#waiting}}\nLater."
                           "\n{{/waiting}}\n{{#regret}}\nNo.\n{{/regret}}\n\nYours,\n";
  CHECK(LetterTemplate::from_text(text, "letter.en.md.mustache").render(context) ==
        "Dear Sir,\n\nNo.\n\nYours,\n");
  // A plain text letter is written as its template makes it.
  const auto plain = LetterTemplate::from_text("a\n\n\nb\n", "letter.en.txt.mustache");
  CHECK(plain.render(context) == "a\n\n\nb\n");
}

TEST_CASE("a template's fields: variables and sections, dotted names by part, not comments") {
  const auto text = LetterTemplate::from_text(
      "{{a.b}} {{{c}}} {{&d}}{{! e }}{{#g}}{{.}}{{/g}}{{^ h }}{{/h}}", "letter.en.md.mustache");
  CHECK(text.field_names() == std::set<std::string>{"a", "b", "c", "d", "g", "h"});
  CHECK_NOTHROW(text.check_fields({"a", "b", "c", "d", "g", "h"}));
  CHECK_THROWS_WITH(
      text.check_fields({"a", "c", "d", "g", "h"}),
      doctest::Contains(
          "unknown field 'a.b' in the template (the fields of this letter: a, c, d, g, h)"));
  const auto misspelt = LetterTemplate::from_text("Dear\n  é {{nmae}}", "t.md");
  try {
    misspelt.check_fields({"name"});
    FAIL("an unknown field is refused");
  } catch (const util::Error &e) {
    CHECK(e.code() == util::ExitCode::data);
    CHECK(e.position().line == 2);
    CHECK(e.position().column == 5); // in characters: é is one
  }
  CHECK_THROWS(LetterTemplate::from_text("{{=<% %>=}}<%x%>", "t.md").field_names());
  // tester 9, F4i: a partial rendered as nothing in every letter
  try {
    LetterTemplate::from_text("Hello\n {{> /etc/hostname}}", "t.md").field_names();
    FAIL("a partial was accepted");
  } catch (const util::Error &e) {
    CHECK(e.code() == util::ExitCode::data);
    CHECK(e.position().line == 2);
    CHECK(e.position().column == 2);
    CHECK(std::string(e.message()).starts_with("partials ({{> NAME}}) are not supported"));
  }
}

TEST_CASE("context_fields: every key at every depth") {
  Node item = Node::mapping();
  item.add("line", Node::string("x"));
  Node list = Node::sequence();
  list.push(std::move(item));
  Node context = Node::mapping();
  context.add("to", std::move(list));
  CHECK(context_fields(context) == std::set<std::string>{"line", "to"});
}
