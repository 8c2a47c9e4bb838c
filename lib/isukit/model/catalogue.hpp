// The languages isukit writes for people: DATA/i18n/CODE.yaml, one `catalogue` document per
// language, and the texts data files give per language (`name_en`, `name_fr`, ...).
#pragma once

#include <isukit/io/node.hpp>
#include <isukit/util/lang.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isukit::model {

/// Every language of a data directory. The set is what DATA/i18n holds: adding a language is
/// adding its catalogue (and its texts in the reference files), never code. A catalogue is read
/// only when its language is asked for: a call writes in one or two languages, and reading all
/// six cost more than most calls' own work.
class Languages {
public:
  /// The languages of DATA/i18n, one per CODE.yaml; no catalogue is read yet. No input (66)
  /// when the directory holds none.
  static Languages load(const std::filesystem::path &data_dir);

  /// The codes, sorted: "en", "fr".
  const std::vector<std::string> &codes() const { return m_codes; }
  /// The language `code`, nullopt when DATA/i18n has no catalogue of it. Its catalogue is read
  /// on first use; a data error (65) at the file when it is malformed, its `language` is not
  /// its file name, a message lacks a plural form its rules name, or when it and the English
  /// catalogue (the one every translation is made from, read with it) do not have the same
  /// message ids with the same parameters. The shipped catalogues all agree (a unit test reads
  /// each); a user's data directory learns of a message its translation lacks when it is used.
  std::optional<util::Lang> find(std::string_view code) const;

private:
  const std::shared_ptr<const util::Catalogue> &read(std::size_t index) const;

  std::filesystem::path m_dir;
  std::vector<std::string> m_codes;
  mutable std::vector<std::shared_ptr<const util::Catalogue>>
      m_read; // by index of m_codes, once read
};

/// Reads one catalogue document (see data/i18n/en.yaml for the shape).
util::Catalogue read_catalogue(const io::Node &root, std::string code);

/// `field_CODE` for every language the record gives: `name_en`, `name_fr`, ... as `name`.
/// Each is required text (io::Node::as_text): `name_fr: ""` is an error at it (exit 65).
util::LocalText read_local_text(const io::Node &record, std::string_view field);
/// The same for an optional text (a budget line's `note_*`, an instrument's `outreach_*`): a
/// `field_CODE` given empty says none in that language and is left out, as one not given is;
/// one of only blanks is an error at it (io::Node::as_optional_text, exit 65).
util::LocalText read_optional_local_text(const io::Node &record, std::string_view field);
/// What read_local_text checks, without building the text: every `field_CODE` of the record is
/// text (else a data error at its value).
void check_local_text(const io::Node &record, std::string_view field);
/// The value of `field_CODE` (`name_fr`) in `record`, or null.
const io::Node *find_local_text(const io::Node &record, std::string_view field,
                                std::string_view code);
/// The data error for a record without `field_CODE`, which every language of DATA/i18n needs.
[[noreturn]] void fail_missing_language(const io::Node &record, std::string_view field,
                                        std::string_view code);
/// The same for a treaty's texts: given in every language of `required` (codes), or at least in
/// English (`field_en`), which then stands for the languages the file does not give: a user's
/// own fund or treaty file need not be written in six languages (the man pages say so). The
/// shipped treaty files give all six (a unit test checks). Fails at `record` without `field_en`.
util::LocalText read_local_text(const io::Node &record, std::string_view field,
                                const std::vector<std::string> &required);
/// Where `text` lacks a language of `codes` but has English, English stands for the others (a
/// user's treaty, fund or ISU file need not be written in six languages).
void default_to_english(util::LocalText &text, const std::vector<std::string> &codes);
/// Fails at `record` unless `text` is given in every language of `codes` (or has a default).
void require_languages(const util::LocalText &text, const io::Node &record, std::string_view field,
                       const std::vector<std::string> &codes);

} // namespace isukit::model
