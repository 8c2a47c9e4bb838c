#include <isukit/model/catalogue.hpp>
#include <isukit/model/reference.hpp>
#include <isukit/util/locale.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::model {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view plural_categories[] = {"zero", "one", "two", "few", "many", "other"};

bool is_category(std::string_view key) {
  return std::find(std::begin(plural_categories), std::end(plural_categories), key) != std::end(plural_categories);
}

/// The long date's month names the catalogue gives instead of CLDR's (`dates: {months: [...]}`):
/// twelve texts, January first, or none.
std::vector<std::string> read_months(const io::Node* months) {
  if (!months) {
    return {};
  }
  std::vector<std::string> names;
  for (const auto& month : months->as_sequence()) {
    if (month.as_text().empty()) {
      month.fail("a month's name is empty");
    }
    names.push_back(month.as_text());
  }
  if (names.size() != 12) {
    months->fail(fmt::format("'months' names the 12 months, January first; it has {}", names.size()));
  }
  return names;
}

/// The ICU locale whose CLDR conventions the language's numbers and dates follow, and what the
/// catalogue adds to them.
util::Conventions read_conventions(const io::Node& root) {
  util::Conventions c;
  const io::Node& locale = root.at("locale");
  c.locale = locale.as_text();
  if (!util::is_known_locale(c.locale)) {
    locale.fail(fmt::format("ICU has no CLDR data for the locale '{}' (a BCP 47 tag such as fr, en-GB, ar-u-nu-latn)",
                            c.locale));
  }
  c.right_to_left = util::is_right_to_left(c.locale);
  c.latin_script = util::is_latin_script(c.locale);
  if (const io::Node* dates = root.find("dates")) {
    c.first_day = dates->text_or("first_day");
    c.months = read_months(dates->find("months"));
  }
  return c;
}

/// A message is a text, or a mapping of plural forms holding `other` and every category the
/// language's rules can choose.
util::Message read_message(const io::Node& value, const util::Catalogue& catalogue) {
  util::Message message;
  if (value.is_scalar()) {
    message.forms.emplace("other", value.as_text());
    return message;
  }
  for (const auto& entry : value.as_mapping().entries()) {
    if (!is_category(entry.key)) {
      entry.value.fail(fmt::format("'{}' is not a CLDR plural category (zero, one, two, few, many, other)", entry.key));
    }
    message.forms.emplace(entry.key, entry.value.as_text());
  }
  for (const auto& [category, rule] : catalogue.plural_rules) {
    if (!message.forms.count(category)) {
      value.fail(fmt::format("the plural form '{}' is missing", category));
    }
  }
  if (!message.forms.count("other")) {
    value.fail("the plural form 'other' is missing");
  }
  return message;
}

/// The parameters of a message over all its forms except those only a count fills.
std::vector<std::string> parameters(const util::Message& message) {
  std::vector<std::string> all;
  for (const auto& [category, text] : message.forms) {
    for (auto& name : util::parameters_of(text)) {
      if (name != "count") {
        all.push_back(std::move(name));
      }
    }
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

/// Every catalogue has every message id of every other, with the same parameters.
void check_same_messages(const std::vector<util::Catalogue>& catalogues, const std::vector<fs::path>& files) {
  for (std::size_t a = 0; a < catalogues.size(); ++a) {
    for (std::size_t b = 0; b < catalogues.size(); ++b) {
      for (const auto& [id, message] : catalogues[a].messages) {
        const auto other = catalogues[b].messages.find(id);
        const util::Position where{files[b].string(), 0, 0};
        if (other == catalogues[b].messages.end()) {
          util::fail_data(where, fmt::format("message '{}' is missing (the '{}' catalogue has it)", id,
                                             catalogues[a].code));
        }
        if (parameters(other->second) != parameters(message)) {
          util::fail_data(where, fmt::format("message '{}' has parameters {{{}}}, the '{}' catalogue {{{}}}", id,
                                             fmt::join(parameters(other->second), "}, {"), catalogues[a].code,
                                             fmt::join(parameters(message), "}, {")));
        }
      }
    }
  }
}

} // namespace

util::Catalogue read_catalogue(const io::Node& root, std::string code) {
  if (root.at("language").as_text() != code) {
    root.at("language").fail(fmt::format("the catalogue of '{}' must be named {}.yaml", root.at("language").text(),
                                         root.at("language").text()));
  }
  util::Catalogue catalogue;
  catalogue.code = std::move(code);
  catalogue.conventions = read_conventions(root);
  if (const io::Node* plural = root.find("plural")) {
    for (const auto& entry : plural->as_mapping().entries()) {
      std::string error;
      auto rule = util::PluralRule::parse(entry.value.as_text(), error);
      if (!error.empty() || !is_category(entry.key) || entry.key == "other") {
        entry.value.fail(error.empty() ? fmt::format("'{}' is not a plural category with a rule", entry.key) : error);
      }
      catalogue.plural_rules.emplace_back(entry.key, std::move(rule));
    }
  }
  for (const auto& entry : root.at("messages").as_mapping().entries()) {
    catalogue.messages.emplace(entry.key, read_message(entry.value, catalogue));
  }
  if (const io::Node* contractions = root.find("contractions")) {
    for (const auto& rule : contractions->as_sequence()) {
      catalogue.contractions.emplace_back(rule.at("from").as_text(), rule.at("to").as_text());
    }
  }
  return catalogue;
}

Languages Languages::load(const fs::path& data_dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(data_dir / "i18n", ec)) {
    if (entry.path().extension() == ".yaml") {
      files.push_back(entry.path());
    }
  }
  if (files.empty()) {
    throw util::Error(util::ExitCode::no_input, util::Position{(data_dir / "i18n").string(), 0, 0},
                      "no language catalogue (CODE.yaml) in this directory");
  }
  std::sort(files.begin(), files.end());
  std::vector<util::Catalogue> catalogues;
  for (const auto& file : files) {
    catalogues.push_back(read_catalogue(read_single_document(file, "catalogue"), file.stem().string()));
  }
  check_same_messages(catalogues, files);
  Languages languages;
  for (auto& catalogue : catalogues) {
    languages.m_codes.push_back(catalogue.code);
    languages.m_langs.emplace_back(std::make_shared<const util::Catalogue>(std::move(catalogue)));
  }
  return languages;
}

std::optional<util::Lang> Languages::find(std::string_view code) const {
  for (const auto& lang : m_langs) {
    if (lang.code() == code) {
      return lang;
    }
  }
  return std::nullopt;
}

util::LocalText read_local_text(const io::Node& record, std::string_view field) {
  util::LocalText text;
  for (const auto& entry : record.as_mapping().entries()) {
    if (entry.key.size() > field.size() + 1 && entry.key.starts_with(field) && entry.key[field.size()] == '_') {
      text.set(entry.key.substr(field.size() + 1), entry.value.as_text());
    }
  }
  return text;
}

util::LocalText read_local_text(const io::Node& record, std::string_view field,
                                const std::vector<std::string>& required) {
  util::LocalText text = read_local_text(record, field);
  default_to_english(text, required);
  require_languages(text, record, field, required);
  return text;
}

void default_to_english(util::LocalText& text, const std::vector<std::string>& codes) {
  const bool every_language =
      std::all_of(codes.begin(), codes.end(), [&](const std::string& code) { return text.has(code); });
  if (!every_language && text.has("en")) {
    text.set_default(text.in("en"));
  }
}

void require_languages(const util::LocalText& text, const io::Node& record, std::string_view field,
                       const std::vector<std::string>& codes) {
  if (text.has_default()) {
    return;
  }
  for (const auto& code : codes) {
    if (!text.has(code)) {
      record.fail(fmt::format("'{}_{}' is missing (every language of DATA/i18n needs it)", field, code));
    }
  }
}

} // namespace isukit::model
