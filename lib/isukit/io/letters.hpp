// Letters: a Mustache template rendered for one recipient, written as one file each.
#pragma once

#include <isukit/io/node.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace isukit::io {

/// How `{{value}}` is escaped: by the kind of file the template makes.
enum class Escape { none, html, latex };

/// `.html`/`.htm` templates escape for HTML, `.tex` for LaTeX, anything else (Markdown, text)
/// not at all. The name is the template's, with its `.mustache` suffix removed.
Escape escape_for(const std::filesystem::path& output_name);

/// A parsed template, with where it came from for error messages.
class LetterTemplate {
public:
  /// Reads and parses; a missing file is exit 66, a malformed template exit 65.
  static LetterTemplate load(const std::filesystem::path& path);
  static LetterTemplate from_text(std::string text, std::string name);

  /// The extension of the files it makes (".md" for "invoice.en.md.mustache").
  std::string output_extension() const;

  /// Renders for one recipient; `context` is a mapping of the fields the template may use.
  std::string render(const Node& context) const;

private:
  std::string m_text;
  std::string m_name;
};

struct Letter {
  std::string file_name; // inside the output directory
  std::string content;
};

/// Writes the letters into `dir` as one batch (util::write_batch): `dir` shows the previous
/// batch or this one, never a mix; letters of the previous batch that this one does not
/// replace are removed, other files in `dir` are left as they are.
void write_letters(const std::filesystem::path& dir, const std::vector<Letter>& letters);

} // namespace isukit::io
