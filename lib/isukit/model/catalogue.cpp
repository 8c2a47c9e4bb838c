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
  return std::find(std::begin(plural_categories), std::end(plural_categories), key) !=
         std::end(plural_categories);
}

/// The long date's month names the catalogue gives instead of CLDR's (`dates: {months: [...]}`):
/// twelve texts, January first, or none.
std::vector<std::string> read_months(const io::Node *months) {
  if (!months) {
    return {};
  }
  std::vector<std::string> names;
  for (const auto &month : months->as_sequence()) {
    names.push_back(month.as_text()); // an empty one is an error at it
  }
  if (names.size() != 12) {
    months->fail(
        fmt::format("'months' names the 12 months, January first; it has {}", names.size()));
  }
  return names;
}

/// The ICU locale whose CLDR conventions the language's numbers and dates follow, and what the
/// catalogue adds to them.
util::Conventions read_conventions(const io::Node &root) {
  util::Conventions c;
  const io::Node &locale = root.at("locale");
  c.locale = locale.as_text();
  if (!util::is_known_locale(c.locale)) {
    locale.fail(fmt::format(
        "ICU has no CLDR data for the locale '{}' (a BCP 47 tag such as fr, en-GB, ar-u-nu-latn)",
        c.locale));
  }
  c.right_to_left = util::is_right_to_left(c.locale);
  c.latin_script = util::is_latin_script(c.locale);
  if (const io::Node *dates = root.find("dates")) {
    c.first_day = dates->text_or("first_day");
    c.months = read_months(dates->find("months"));
  }
  return c;
}

/// A message is a text, or a mapping of plural forms holding `other` and every category the
/// language's rules can choose.
util::Message read_message(const io::Node &value, const util::Catalogue &catalogue) {
  util::Message message;
  if (value.is_scalar()) {
    message.forms.emplace("other", value.as_text());
    return message;
  }
  for (const auto &entry : value.as_mapping().entries()) {
    if (!is_category(entry.key)) {
      entry.value.fail(fmt::format(
          "'{}' is not a CLDR plural category (zero, one, two, few, many, other)", entry.key));
    }
    message.forms.emplace(entry.key, entry.value.as_text());
  }
  for (const auto &[category, rule] : catalogue.plural_rules) {
    if (!message.forms.count(category)) {
      value.fail(fmt::format("the plural form '{}' is missing", category));
    }
  }
  if (!message.forms.count("other")) {
    value.fail("the plural form 'other' is missing");
  }
  return message;
}

/// Whether message `id` addresses a person, where a language may leave the person's name out:
/// French letters greet "Madame," where English writes "Dear Ms {name},".
bool addresses_person(std::string_view id) {
  return id.starts_with("letter.salutation.") || id.starts_with("letter.form_of_address.");
}

/// The parameters of message `id` over all its forms except those only a count fills, and
/// `name` in a message that addresses a person.
std::vector<std::string> parameters(std::string_view id, const util::Message &message) {
  std::vector<std::string> all;
  for (const auto &[category, text] : message.forms) {
    for (auto &name : util::parameters_of(text)) {
      if (name != "count" && !(name == "name" && addresses_person(id))) {
        all.push_back(std::move(name));
      }
    }
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

/// The language every catalogue is translated from, and so the one each is checked against.
constexpr std::string_view reference_language = "en";

/// Every message id of `from` is in `to` (read from `to_file`) with the same parameters.
void check_has_messages(const util::Catalogue &from, const util::Catalogue &to,
                        const fs::path &to_file) {
  const util::Position where{to_file.string(), 0, 0};
  for (const auto &[id, message] : from.messages) {
    const auto other = to.messages.find(id);
    if (other == to.messages.end()) {
      util::fail_data(
          where, fmt::format("message '{}' is missing (the '{}' catalogue has it)", id, from.code));
    }
    const auto theirs = parameters(id, other->second);
    const auto ours = parameters(id, message);
    if (theirs != ours) {
      util::fail_data(
          where, fmt::format("message '{}' has parameters {{{}}}, the '{}' catalogue {{{}}}", id,
                             fmt::join(theirs, "}, {"), from.code, fmt::join(ours, "}, {")));
    }
  }
}

} // namespace

util::Catalogue read_catalogue(const io::Node &root, std::string code) {
  if (root.at("language").as_text() != code) {
    root.at("language")
        .fail(fmt::format("the catalogue of '{}' must be named {}.yaml", root.at("language").text(),
                          root.at("language").text()));
  }
  util::Catalogue catalogue;
  catalogue.code = std::move(code);
  catalogue.conventions = read_conventions(root);
  if (const io::Node *plural = root.find("plural")) {
    for (const auto &entry : plural->as_mapping().entries()) {
      std::string error;
      auto rule = util::PluralRule::parse(entry.value.as_text(), error);
      if (!error.empty() || !is_category(entry.key) || entry.key == "other") {
        entry.value.fail(error.empty()
                             ? fmt::format("'{}' is not a plural category with a rule", entry.key)
                             : error);
      }
      catalogue.plural_rules.emplace_back(entry.key, std::move(rule));
    }
  }
  for (const auto &entry : root.at("messages").as_mapping().entries()) {
    catalogue.messages.emplace(entry.key, read_message(entry.value, catalogue));
  }
  if (const io::Node *contractions = root.find("contractions")) {
    for (const auto &rule : contractions->as_sequence()) {
      catalogue.contractions.emplace_back(rule.at("from").as_text(), rule.at("to").as_text());
    }
  }
  return catalogue;
}

Languages Languages::load(const fs::path &data_dir) {
  Languages languages;
  languages.m_dir = data_dir / "i18n";
  std::error_code ec;
  for (const auto &entry : fs::directory_iterator(languages.m_dir, ec)) {
    if (entry.path().extension() == ".yaml") {
      languages.m_codes.push_back(entry.path().stem().string());
    }
  }
  if (languages.m_codes.empty()) {
    throw util::Error(util::ExitCode::no_input, util::Position{languages.m_dir.string(), 0, 0},
                      "no language catalogue (CODE.yaml) in this directory");
  }
  std::sort(languages.m_codes.begin(), languages.m_codes.end());
  languages.m_read.resize(languages.m_codes.size());
  return languages;
}

std::optional<util::Lang> Languages::find(std::string_view code) const {
  const auto it = std::find(m_codes.begin(), m_codes.end(), code);
  if (it == m_codes.end()) {
    return std::nullopt;
  }
  return util::Lang(read(static_cast<std::size_t>(it - m_codes.begin())));
}

const std::shared_ptr<const util::Catalogue> &Languages::read(std::size_t index) const {
  auto &slot = m_read[index];
  if (!slot) {
    const std::string &code = m_codes[index];
    const fs::path file = m_dir / (code + ".yaml");
    auto catalogue = std::make_shared<const util::Catalogue>(
        read_catalogue(read_single_document(file, "catalogue"), code));
    const auto english = std::find(m_codes.begin(), m_codes.end(), reference_language);
    if (code != reference_language && english != m_codes.end()) {
      const auto &reference = read(static_cast<std::size_t>(english - m_codes.begin()));
      check_has_messages(*reference, *catalogue, file);
      check_has_messages(*catalogue, *reference, m_dir / (*english + ".yaml"));
    }
    slot = std::move(catalogue);
  }
  return slot;
}

namespace {

/// Whether `key` is `field_CODE` for some CODE.
bool is_local_key(std::string_view key, std::string_view field) {
  return key.size() > field.size() + 1 && key.starts_with(field) && key[field.size()] == '_';
}

} // namespace

util::LocalText read_local_text(const io::Node &record, std::string_view field) {
  util::LocalText text;
  for (const auto &entry : record.as_mapping().entries()) {
    if (is_local_key(entry.key, field)) {
      text.set(entry.key.substr(field.size() + 1), entry.value.as_text());
    }
  }
  return text;
}

util::LocalText read_optional_local_text(const io::Node &record, std::string_view field) {
  util::LocalText text;
  for (const auto &entry : record.as_mapping().entries()) {
    if (is_local_key(entry.key, field) && !entry.value.as_optional_text().empty()) {
      text.set(entry.key.substr(field.size() + 1), entry.value.as_optional_text());
    }
  }
  return text;
}

void check_local_text(const io::Node &record, std::string_view field) {
  for (const auto &entry : record.as_mapping().entries()) {
    if (is_local_key(entry.key, field)) {
      entry.value.as_text();
    }
  }
}

const io::Node *find_local_text(const io::Node &record, std::string_view field,
                                std::string_view code) {
  for (const auto &entry : record.entries()) {
    const std::string_view key = entry.key;
    if (is_local_key(key, field) && key.substr(field.size() + 1) == code) {
      return &entry.value;
    }
  }
  return nullptr;
}

void fail_missing_language(const io::Node &record, std::string_view field, std::string_view code) {
  record.fail(
      fmt::format("'{}_{}' is missing (every language of DATA/i18n needs it)", field, code));
}

util::LocalText read_local_text(const io::Node &record, std::string_view field,
                                const std::vector<std::string> &required) {
  util::LocalText text = read_local_text(record, field);
  default_to_english(text, required);
  require_languages(text, record, field, required);
  return text;
}

void default_to_english(util::LocalText &text, const std::vector<std::string> &codes) {
  const bool every_language = std::all_of(codes.begin(), codes.end(),
                                          [&](const std::string &code) { return text.has(code); });
  if (!every_language && text.has("en")) {
    text.set_default(text.in("en"));
  }
}

void require_languages(const util::LocalText &text, const io::Node &record, std::string_view field,
                       const std::vector<std::string> &codes) {
  if (text.has_default()) {
    return;
  }
  for (const auto &code : codes) {
    if (!text.has(code)) {
      fail_missing_language(record, field, code);
    }
  }
}

} // namespace isukit::model
