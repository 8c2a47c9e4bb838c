// RFC 4180 CSV, read row by row straight from the bytes of a file held in memory.
#pragma once

#include <isukit/io/node.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace isukit::io {

/// Iterates the rows of a CSV text. Fields are views into the text (or into a scratch buffer
/// for quoted fields with doubled quotes), valid until the next call to next_row. Lines end
/// in LF, CRLF or a lone CR; a leading UTF-8 byte order mark is skipped.
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

  /// Where field `index` of the current row starts (a field after a quoted field that spans
  /// lines starts on a later line than its row).
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
  std::vector<Mark> m_marks;
  std::string m_scratch;
  struct Unescaped {
    std::size_t field, offset, length;
  };
  std::vector<Unescaped> m_unescaped;

  /// Steps over a line end (LF, CRLF or CR) at m_pos, if there is one.
  bool skip_line_end();
  void read_quoted(std::vector<std::string_view>& fields, std::size_t& line_start);
};

/// The header row of a CSV whose columns are known by name: maps each known column to its
/// index. Names compare without regard to case or surrounding spaces. A column named twice, a
/// column no one reads, a required column missing, a file separated by `;` or tabs and a first
/// line that is not the header are errors at the header, each saying which.
class CsvHeader {
public:
  struct Column {
    std::string_view name;
    bool required;
  };

  /// `what` names the table for messages ("a payments CSV").
  CsvHeader(const CsvReader& reader, const std::vector<std::string_view>& fields, std::vector<Column> columns,
            std::string_view what);

  /// The index of known column `column` (its place in `columns`), or -1 when absent.
  int index(std::size_t column) const { return m_index[column]; }
  /// Fails unless a row has as many fields as the header: an unquoted comma in a value would
  /// otherwise shift the columns after it.
  void check_width(const CsvReader& reader, const std::vector<std::string_view>& fields) const;

private:
  std::vector<int> m_index;
  std::size_t m_width = 0;
};

} // namespace isukit::io
