// RFC 4180 CSV, read row by row straight from the bytes: of a text held in memory, or of a
// file read in fixed-size blocks, so that a file of any size is read in flat memory.
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
  /// Reads the open file `fd` (not closed here) in blocks of 1 MiB: memory holds a block and
  /// the longest row, whatever the file's size. A failed read is an error at the file (exit 74).
  CsvReader(int fd, const std::string* file, char separator = ',', char quote = '"');

  const std::string* file() const { return m_file; }

  /// Skips the rest of the current line unread (the account lines above a bank export's header).
  /// False at the end.
  bool skip_line();

  /// Reads the next non-empty row into `fields`; false at the end. A field that is not UTF-8
  /// text is a data error at the field (`assess import` converts other encodings first).
  bool next_row(std::vector<std::string_view>& fields);

  /// Where field `index` of the current row starts (a field after a quoted field that spans
  /// lines starts on a later line than its row).
  Mark mark(std::size_t index) const;
  /// The line where the current row starts.
  Mark row_mark() const { return Mark{m_file, m_row_line, 1}; }
  /// True once a row has been read.
  bool any_row() const { return m_row_line > 0; }

private:
  std::string_view m_content; // the bytes at hand: the whole text, or the blocks read so far
  const std::string* m_file;
  char m_separator;
  char m_quote;
  bool m_stops[256] = {}; // the bytes that end an unquoted field: the separator, CR and LF
  int m_fd = -1;          // the file read block by block, or -1 for a text held whole
  bool m_at_end = true;   // nothing follows m_content
  std::string m_buffer;   // the blocks read from m_fd
  std::size_t m_pos = 0;
  int m_line = 1;
  int m_row_line = 0;
  std::vector<Mark> m_marks;
  std::string m_scratch;
  struct Unescaped {
    std::size_t field, offset, length;
  };
  std::vector<Unescaped> m_unescaped;

  /// Reads the row at m_pos; false at the end. A row read up to the end of the bytes at hand
  /// before the end of the file is incomplete: the caller reads more and reads the row again.
  bool read_row(std::vector<std::string_view>& fields);
  /// True when the row just read may continue past the bytes at hand.
  bool cut_short() const { return !m_at_end && m_pos >= m_content.size(); }
  /// Keeps the bytes from `from` on and reads the next block after them; m_pos moves with them.
  void read_more(std::size_t from);
  /// Fails at the first field of the row that is not UTF-8 text.
  void require_utf8_fields(const std::vector<std::string_view>& fields) const;
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
