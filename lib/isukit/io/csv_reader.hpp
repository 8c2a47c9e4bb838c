// RFC 4180 CSV, read row by row straight from the bytes: of a text held in memory, or of a
// file read in fixed-size blocks, so that a file of any size is read in flat memory. A row
// is read in one pass over its bytes; the line and column of a field are worked out only when
// asked (for a message), from the row's bytes, which stay at hand until the next row.
#pragma once

#include <isukit/io/node.hpp>

#include <memory>
#include <optional>
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
  CsvReader(std::string_view content, const std::string *file, char separator = ',',
            char quote = '"');
  /// Reads the open file `fd` (not closed here) in blocks of 1 MiB: memory holds a block and
  /// the longest row, whatever the file's size. A failed read is an error at the file (exit 74).
  CsvReader(int fd, const std::string *file, char separator = ',', char quote = '"');

  const std::string *file() const { return m_file; }

  /// Skips the rest of the current line unread (the account lines above a bank export's header).
  /// False at the end.
  bool skip_line();

  /// Reads the next non-empty row into `fields`; false at the end. A field that is not UTF-8
  /// text is a data error at the field (`assess import` converts other encodings first).
  bool next_row(std::vector<std::string_view> &fields);

  /// The bytes of the next line, without its line end (LF or CRLF), for a reader of plain rows
  /// that parses them itself; more blocks are read when the line is not whole at hand.
  /// nullopt at the end and for a line longer than a block: next_row reads those.
  std::optional<std::string_view> peek_line();
  /// Makes the line peek_line returned the current row, which the caller has read; it must
  /// hold no quote character (its fields start after each separator), so mark() still works.
  void take_line();
  /// The bytes at hand from the next line on, for a reader of plain rows that finds the line's
  /// end itself (cheaper than peek_line's search); they may end within a line, or be empty,
  /// when a block ends there: then peek_line reads more.
  std::string_view ahead() const { return m_content.substr(m_pos); }
  /// Makes the first `length` bytes of ahead() the current row, as take_line does, and goes on
  /// at `next` (past the row's line end, LF or CRLF).
  void take_line(std::size_t length, std::size_t next) { // inline: called for every plain row
    m_taken = true;
    m_row_line = m_line;
    m_row_start = m_pos;
    m_row_end = m_pos + length;
    m_starts.clear();
    if (next > length) {
      ++m_line;
    }
    m_pos += next;
  }

  /// What keeps the bytes of ahead() where they are (hold()).
  using Hold = std::shared_ptr<const std::string>;
  /// A hold on the bytes at hand: while a copy of it lives, no later read writes over them
  /// (the next block goes into another buffer), so views into ahead() stay valid, for another
  /// thread too. Empty for a text held whole, whose bytes never move. Copies are made and
  /// dropped on the thread that reads (a read asks whether any is left).
  Hold hold() const { return m_buffer; }

  /// Goes on past the first `length` bytes of ahead(), `lines` whole lines (each with its line
  /// end) that the caller read, as take_line would each; none of them is the current row.
  void take_lines(std::size_t length, std::size_t lines) { // inline: called for every run
    m_pos += length;
    m_line += static_cast<int>(lines);
  }

  /// Where field `index` of the current row starts (a field after a quoted field that spans
  /// lines starts on a later line than its row); the row's mark past its last field. Costs a
  /// scan of the row up to the field: for messages, not for every row.
  Mark mark(std::size_t index) const;
  /// The line where the current row starts.
  Mark row_mark() const { return Mark{m_file, m_row_line, 1}; }
  /// True when no row follows, only blank lines (or nothing): an empty CSV. Skips those blank
  /// lines, so it is asked between rows, never between peek_line and take_line.
  bool at_end();

private:
  std::string_view m_content; // the bytes at hand: the whole text, or the blocks read so far
  const std::string *m_file;
  char m_separator;
  char m_quote;
  bool m_stops[256] = {}; // the bytes that end an unquoted field: the separator, CR and LF
  int m_fd = -1;          // the file read block by block, or -1 for a text held whole
  bool m_at_end = true;   // nothing follows m_content
  std::shared_ptr<std::string> m_buffer;             // the blocks read from m_fd (or none)
  std::vector<std::shared_ptr<std::string>> m_spare; // buffers held when a block was read
  std::size_t m_pos = 0;
  int m_line = 1;
  int m_row_line = 0;
  std::size_t m_row_start = 0;       // offset of the current row in m_content
  std::vector<std::size_t> m_starts; // offset of each field of the current row
  bool m_taken = false;              // the current row was taken by take_line: m_starts is empty
  std::size_t m_row_end = 0;         // where the taken row's bytes end (before its line end)
  std::size_t m_peeked_end = 0;      // where the peeked line's bytes end
  std::size_t m_peeked_next = 0;     // where the line after the peeked one starts
  std::size_t m_lf_scan = 0;         // peek_line found no LF between m_pos and here
  std::string m_scratch;
  struct Unescaped {
    std::size_t field, offset, length;
  };
  std::vector<Unescaped> m_unescaped;

  /// Reads the row at m_pos; false at the end. A row read up to the end of the bytes at hand
  /// before the end of the file is incomplete: the caller reads more and reads the row again.
  bool read_row(std::vector<std::string_view> &fields);
  /// True when the row just read may continue past the bytes at hand.
  bool cut_short() const { return !m_at_end && m_pos >= m_content.size(); }
  /// Keeps the bytes from `from` on and reads the next block after them; m_pos moves with them.
  void read_more(std::size_t from);
  /// A buffer of more than `bytes` that no hold() holds: a spare one, or a new one.
  std::shared_ptr<std::string> free_buffer(std::size_t bytes);
  /// Fails at the first field of the row that is not UTF-8 text.
  /// The row just read is text: printable ASCII (the common case, checked eight bytes at a
  /// time), else each field UTF-8 without control characters (require_utf8_fields).
  void check_row_text(const std::vector<std::string_view> &fields) const;
  void require_utf8_fields(const std::vector<std::string_view> &fields) const;
  /// Steps over a line end (LF, CRLF or CR) at m_pos, if there is one.
  bool skip_line_end();
  /// Reads the unquoted field at m_pos, up to the separator or line end. A quote inside it is
  /// an error (RFC 4180, 2.5): `12" pipe` is written `"12"" pipe"`.
  void read_plain(std::vector<std::string_view> &fields);
  [[noreturn]] void fail_quote_in_plain_field(std::size_t offset) const;
  void read_quoted(std::vector<std::string_view> &fields);
  /// The line and column of `offset`, within the current row, in m_content.
  Mark mark_at(std::size_t offset) const;
  /// mark() of a row taken by take_line.
  Mark taken_mark(std::size_t index) const;
};

/// A header name as compared: without surrounding spaces or tabs, ASCII letters in lower case.
std::string head_key(std::string_view name);

/// The header row of a CSV whose columns are known by name: maps each known column to its
/// index. Names (a column's name, or the other name it goes by) compare without regard to case
/// or surrounding spaces. A column named twice, a
/// column no one reads, a required column missing, a file separated by `;` or tabs and a first
/// line that is not the header are errors at the header, each saying which.
class CsvHeader {
public:
  struct Column {
    std::string_view name;
    bool required;
    std::string_view also = {}; // another name it goes by: the head isukit's own tables give it
    std::vector<std::string> heads = {}; // its heads in other languages (as head_key gives them)
  };

  /// `what` names the table for messages ("a payments CSV").
  CsvHeader(const CsvReader &reader, const std::vector<std::string_view> &fields,
            std::vector<Column> columns, std::string_view what);

  /// Whether every cell of header row `fields` names one of `columns`: when not, a caller may
  /// add the heads of other languages (Column::heads) before reading the header.
  static bool names_every_column(const std::vector<std::string_view> &fields,
                                 const std::vector<Column> &columns);

  /// The index of known column `column` (its place in `columns`), or -1 when absent.
  int index(std::size_t column) const { return m_index[column]; }
  /// Fails unless a row has as many fields as the header: an unquoted comma in a value would
  /// otherwise shift the columns after it.
  void check_width(const CsvReader &reader, const std::vector<std::string_view> &fields) const;

private:
  std::vector<int> m_index;
  std::size_t m_width = 0;
};

} // namespace isukit::io
