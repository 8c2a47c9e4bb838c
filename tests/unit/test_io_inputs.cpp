#include <isukit/io/csv_reader.hpp>
#include <isukit/io/inputs.hpp>
#include <isukit/util/error.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

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

namespace {

/// Takes every document and CSV, and reads nothing of them.
class Anything : public io::DocumentConsumer {
public:
  std::string_view streamed_list(const std::string &, const io::Node &) override { return {}; }
  void on_record(const std::string &, const io::Node &, const io::Node &) override {}
  void on_document(io::Document) override {}
  void on_csv(io::CsvReader &) override {}
};

} // namespace

TEST_SUITE("io::read_inputs") {
  TEST_CASE("where each kind was read: each kind and file once, in input order") {
    const auto dir = std::filesystem::temp_directory_path() / "isukit-unit-inputs-read";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "a.yaml") << "kind: contacts\n---\nkind: isu\n---\nkind: contacts\n";
    std::ofstream(dir / "b.csv") << "date,state,amount,currency\n2025-01-01,FRA,1.00,USD\n";
    std::ofstream(dir / "c.yaml") << "kind: contacts\n";
    Anything anything;
    const auto read = io::read_inputs({dir.string()}, anything);
    const std::string a = (dir / "a.yaml").string();
    const std::string b = (dir / "b.csv").string();
    const std::string c = (dir / "c.yaml").string();
    CHECK(read.kinds == std::vector<std::string>{"contacts", "isu", "CSV"});
    CHECK(read.files == std::vector<std::pair<std::string, std::string>>{
                            {"contacts", a}, {"isu", a}, {"CSV", b}, {"contacts", c}});
    std::filesystem::remove_all(dir);
  }
}
