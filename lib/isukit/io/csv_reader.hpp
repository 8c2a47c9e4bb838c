// RFC 4180 CSV, read row by row straight from the bytes of a file held in memory.
#pragma once

#include <isukit/io/node.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace isukit::io {

/// Iterates the rows of a CSV text. Fields are views into the text (or into a scratch buffer
/// for quoted fields with doubled quotes), valid until the next call to next_row.
class CsvReader {
public:
  /// `quote` encloses fields that hold the separator, a line end or itself (doubled); '\0'
  /// for exports that never quote.
  CsvReader(std::string_view content, const std::string* file, char separator = ',', char quote = '"');

  /// Skips the rest of the current line unread (the account lines above a bank export's header).
  /// False at the end.
  bool skip_line();

  /// Reads the next non-empty row into `fields`; false at the end.
  bool next_row(std::vector<std::string_view>& fields);

  /// Where field `index` of the current row starts, for error messages.
  Mark mark(std::size_t index) const;
  /// The line where the current row starts.
  Mark row_mark() const { return Mark{m_file, m_row_line, 1}; }

private:
  std::string_view m_content;
  const std::string* m_file;
  char m_separator;
  char m_quote;
  std::size_t m_pos = 0;
  int m_line = 1;
  int m_row_line = 0;
  std::vector<int> m_columns;
  std::string m_scratch;
  struct Unescaped {
    std::size_t field, offset, length;
  };
  std::vector<Unescaped> m_unescaped;
};

} // namespace isukit::io
