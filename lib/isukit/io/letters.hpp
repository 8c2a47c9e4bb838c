// Letters: a Mustache template rendered for one recipient, written as one file each.
#pragma once

#include <isukit/io/node.hpp>
#include <isukit/util/atomic_batch.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace isukit::io {

/// How `{{value}}` is escaped: by the kind of file the template makes.
enum class Escape { none, markdown, html, latex };

/// `.md` templates escape for Markdown, `.html`/`.htm` for HTML, `.tex` for LaTeX, anything
/// else (text) not at all. The name is the template's, with its `.mustache` suffix removed.
/// Whatever a value holds (a name typed as `*Jo* <img src=x>`), it stays text in the letter;
/// `{{{value}}}` is the template's way to insert a value unescaped.
Escape escape_for(const std::filesystem::path &output_name);

/// A parsed template, with where it came from for error messages.
class LetterTemplate {
public:
  /// Reads and parses; a missing file is exit 66, a malformed template exit 65, and so is an
  /// empty one (no bytes or only blanks: `NAME: empty input (no template text)`,
  /// io::fail_empty_input).
  static LetterTemplate load(const std::filesystem::path &path);
  static LetterTemplate from_text(std::string text, std::string name);

  /// The extension of the files it makes (".md" for "invoice.en.md.mustache").
  std::string output_extension() const;

  /// Renders for one recipient; `context` is a mapping of the fields the template may use.
  std::string render(const Node &context) const;

  /// The names its tags use: variables ({{x}}, {{{x}}}, {{&x}}) and sections ({{#x}}, {{^x}}),
  /// a dotted name as its parts ("state.name": state, name); not comments nor partials.
  std::set<std::string> field_names() const;
  /// Throws a data error (exit 65) at `name:line:col` (column in characters) of the first tag
  /// naming a field not in `known` ("unknown field 'x' in the template (the fields of this
  /// letter: ...)"): Mustache renders an unknown name as nothing, so a misspelt {{nmae}} would
  /// make blank letters without a word. A set-delimiter tag ({{=<% %>=}}) is refused as
  /// unsupported: names after it could not be checked.
  void check_fields(const std::set<std::string> &known) const;

private:
  std::string m_text;
  std::string m_name;
};

/// `text` as literal Markdown text (CommonMark and pandoc): ASCII punctuation that can start
/// markup is backslash-escaped (\\ ` * _ { } [ ] < > # | ~ &, a leading - or +, and the . or )
/// of a leading item number such as "1. "), and line breaks become spaces, so a value never
/// opens a list, heading, link or raw HTML.
std::string escape_markdown(std::string_view text);

/// Every key of `context`'s mappings, at every depth: the names a template rendered with it
/// can resolve (a section's items are mappings too).
std::set<std::string> context_fields(const Node &context);

struct Letter {
  std::string file_name; // inside the output directory
  std::string content;
  std::set<std::string> fields; // context_fields of what it was rendered from: its template is
                                // checked against the batch's
};

/// Writes the letters into `dir` as one batch named `batch` (util::write_batch): `dir` shows
/// the previous run of the batch or this one, never a mix; letters of its previous run that
/// this one does not write again are removed; other batches' letters and other files in `dir`
/// are left as they are, and a letter that would replace one of them is exit 73. A run of
/// part of the batch (util::BatchRun::part) replaces only the letters it writes again.
void write_letters(const std::filesystem::path &dir, const std::string &batch,
                   const std::vector<Letter> &letters, util::BatchRun run);

} // namespace isukit::io
