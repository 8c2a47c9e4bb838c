#include <isukit/io/node_cache.hpp>
#include <isukit/model/catalogue.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "fixtures.hpp"

using namespace isukit;
namespace fs = std::filesystem;

namespace {

/// A scratch data directory holding only DATA/i18n, removed on destruction.
class TempData {
public:
  TempData()
      : m_dir(fs::temp_directory_path() / ("isukit-catalogue-" + std::to_string(::getpid()))) {
    fs::remove_all(m_dir);
    fs::create_directories(m_dir / "i18n");
  }
  ~TempData() { fs::remove_all(m_dir); }
  void write(const std::string &code, const std::string &messages,
             const std::string &plural = "") const {
    std::ofstream(m_dir / "i18n" / (code + ".yaml"))
        << "kind: catalogue\nlanguage: " << code << "\n"
        << plural
        << "locale: en-GB\n"
           "messages:\n"
        << messages;
  }
  const fs::path &dir() const { return m_dir; }

private:
  fs::path m_dir;
};

/// The error of reading every catalogue of `dir`, or empty.
std::string load_error(const fs::path &dir) {
  try {
    const auto languages = model::Languages::load(dir);
    for (const auto &code : languages.codes()) {
      languages.find(code);
    }
  } catch (const util::Error &e) {
    return e.located_message();
  }
  return "";
}

} // namespace

TEST_SUITE("model::catalogue") {
  TEST_CASE("model::Languages: the shipped catalogues load, agree, and are what --lang accepts") {
    const auto &languages = fixtures::reference().languages;
    CHECK(languages.codes() == std::vector<std::string>{"ar", "en", "es", "fr", "ru", "zh"});
    // The tools read only the catalogues a call writes in: this is where every shipped one is
    // read and checked against English, so that a message missing in any fails here.
    CHECK(load_error(ISUKIT_SOURCE_DATADIR).empty());
    CHECK_FALSE(languages.find("de"));
    CHECK(fixtures::lang("fr").text("label.state") == "État");
    CHECK(fixtures::lang("fr").plural("count.states", 1) == "1 État");
    CHECK(fixtures::lang("en").plural("count.states", 2) == "2 states");
    // Russian's three forms for whole counts and Arabic's six (CLDR).
    CHECK(fixtures::lang("ru").plural("count.states", 1) == "1 государство");
    CHECK(fixtures::lang("ru").plural("count.states", 3) == "3 государства");
    CHECK(fixtures::lang("ru").plural("count.states", 11) == "11 государств");
    CHECK(fixtures::lang("ru").plural("count.states", 21) == "21 государство");
    CHECK(fixtures::lang("ar").plural_category(0) == "zero");
    CHECK(fixtures::lang("ar").plural_category(2) == "two");
    CHECK(fixtures::lang("ar").plural_category(103) == "few");
    CHECK(fixtures::lang("ar").plural_category(111) == "many");
    CHECK(fixtures::lang("ar").plural_category(100) == "other");
    CHECK(fixtures::lang("zh").plural_category(1) == "other");
    CHECK(fixtures::lang("es").plural_category(1) == "one");
    CHECK(fixtures::lang("es").plural_category(1000000) == "many");
  }

  TEST_CASE(
      "model::Languages: the set of languages is the catalogue files; a new one needs no code") {
    TempData data;
    data.write("en", "  hello: 'Hello {who}'\n");
    data.write("xx", "  hello: 'Xello {who}'\n");
    const auto languages = model::Languages::load(data.dir());
    CHECK(languages.codes() == std::vector<std::string>{"en", "xx"});
    CHECK(languages.find("xx")->text("hello", {{"who", "you"}}) == "Xello you");
  }

  TEST_CASE("model::Languages: a message missing in one language is a load error naming it") {
    TempData data;
    data.write("en", "  hello: Hello\n  bye: Bye\n");
    data.write("fr", "  hello: Bonjour\n");
    const std::string error = load_error(data.dir());
    CHECK(error.find("fr.yaml") != std::string::npos);
    CHECK(error.find("'bye' is missing") != std::string::npos);
    // ... when the language is first used, as --lang fr does; English alone reads as it is.
    const auto languages = model::Languages::load(data.dir());
    CHECK(languages.find("en")->text("bye") == "Bye");
    CHECK_THROWS_AS(languages.find("fr"), util::Error);
    // A message English lacks is missing in English.
    data.write("fr", "  hello: Bonjour\n  bye: Au revoir\n  extra: Encore\n");
    CHECK(load_error(data.dir())
              .find("en.yaml: message 'extra' is missing (the 'fr' catalogue has it)") !=
          std::string::npos);
  }

  TEST_CASE("model::Languages: the same message with other parameters is a load error") {
    TempData data;
    data.write("en", "  hello: 'Hello {who}'\n");
    data.write("fr", "  hello: 'Bonjour {qui}'\n");
    CHECK(load_error(data.dir()).find("parameters") != std::string::npos);
  }

  TEST_CASE("model::Languages: a message addressing a person may leave the name out, nothing "
            "else") {
    TempData data;
    data.write("en", "  letter.salutation.female: 'Dear Ms {name},'\n");
    data.write("fr", "  letter.salutation.female: 'Madame,'\n");
    CHECK(load_error(data.dir()).empty());
    data.write("fr", "  letter.salutation.female: 'Madame {nom},'\n");
    CHECK(load_error(data.dir()).find("parameters") != std::string::npos);
    data.write("en", "  letter.dates: 'from {start}'\n");
    data.write("fr", "  letter.dates: 'du'\n");
    CHECK(load_error(data.dir()).find("parameters") != std::string::npos);
  }

  TEST_CASE("model::Languages: a plural form the language's rules name must be given") {
    TempData data;
    data.write("xx", "  states: {other: '{count} states'}\n", "plural: {one: 'i = 1'}\n");
    CHECK(load_error(data.dir()).find("plural form 'one' is missing") != std::string::npos);
    data.write("xx", "  states: {one: '{count} state', other: '{count} states'}\n",
               "plural: {one: 'i = 1'}\n");
    CHECK(load_error(data.dir()).empty());
    data.write("xx", "  states: {one: x, other: y}\n", "plural: {one: 'i = '}\n");
    CHECK(load_error(data.dir()).find("plural rule") != std::string::npos);
  }

  TEST_CASE(
      "model::Languages: a catalogue named after another language, or none at all, is an error") {
    TempData data;
    CHECK(load_error(data.dir()).find("no language catalogue") != std::string::npos);
    data.write("en", "  hello: Hello\n");
    fs::rename(data.dir() / "i18n" / "en.yaml", data.dir() / "i18n" / "fr.yaml");
    CHECK(load_error(data.dir()).find("must be named en.yaml") != std::string::npos);
  }

  TEST_CASE("model::read_local_text: name_CODE per language; English stands for a language "
            "lacking, else an error") {
    const auto root = io::read_yaml_cached(
        "t.yaml", "kind: states\nname_en: Chad\nname_fr: Tchad\nname_xx: Xhad\n");
    const auto &record = root.front().root;
    const auto text = model::read_local_text(record, "name");
    CHECK(text.in(fixtures::lang("fr")) == "Tchad");
    CHECK(text.has("xx"));
    // A language the record lacks: English stands for it (a user's treaty file in English only).
    CHECK(model::read_local_text(record, "name", {"en", "zz"}).in("zz") == "Chad");
    const auto french_only = io::read_yaml_cached("u.yaml", "kind: states\nname_fr: Tchad\n");
    CHECK_THROWS_AS(model::read_local_text(french_only.front().root, "name", {"en", "fr"}),
                    util::Error);
  }

  TEST_CASE("model::read_optional_local_text: an empty note_CODE says none in that language; "
            "only blanks is an error at it") {
    const auto root = io::read_yaml_cached(
        "n.yaml", "kind: budget\nnote_en: \"\"\nnote_fr: Une note\nnote_es: \"\\u00a0 \"\n");
    const auto &record = root.front().root;
    CHECK_THROWS_WITH(model::read_local_text(record, "note"),
                      "n.yaml:2:10: this text is empty: the field needs a value");
    CHECK_THROWS_WITH(model::read_optional_local_text(record, "note"),
                      "n.yaml:4:10: this text is empty (only blanks): the field needs a value");
    const auto given =
        io::read_yaml_cached("m.yaml", "kind: budget\nnote_en: \"\"\nnote_fr: Une note\n");
    const auto text = model::read_optional_local_text(given.front().root, "note");
    CHECK_FALSE(text.has("en")); // given empty: none, as if left out
    CHECK(text.in("fr") == "Une note");
  }
}
