#include <isukit/io/inputs.hpp>
#include <isukit/util/error.hpp>

#include <doctest/doctest.h>

using namespace isukit;

TEST_SUITE("io::require_yaml_document") {
  TEST_CASE("a text of blank lines, comments, directives and markers holds no document") {
    for (const std::string_view text :
         {"", "\n\n", "\xEF\xBB\xBF", "# a comment\n", "  # indented\r\n", "---\n", "--- # c\n",
          "---\n...\n---\n", "%YAML 1.2\n---\n", "\t\n"}) {
      CAPTURE(text);
      try {
        io::require_yaml_document("a.yaml", text);
        FAIL("accepted");
      } catch (const util::Error &error) {
        CHECK(error.code() == util::ExitCode::data);
        CHECK(error.located_message() == "a.yaml: empty input (no document)");
      }
    }
  }
  TEST_CASE("any other line may begin a document") {
    for (const std::string_view text : {"kind: budget\n", "# c\n---\nkind: x\n", "--- kind: x\n",
                                        "---x\n", "# c\r{}", "[]", "- a\n"}) {
      CAPTURE(text);
      CHECK_NOTHROW(io::require_yaml_document("a.yaml", text));
    }
  }
}
