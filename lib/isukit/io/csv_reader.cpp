#include <isukit/io/csv_reader.hpp>
#include <isukit/io/shape.hpp>
#include <isukit/util/text_encoding.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <unistd.h>

namespace isukit::io {

namespace {

constexpr std::size_t block_size = std::size_t{1} << 20;

} // namespace

CsvReader::CsvReader(std::string_view content, const std::string *file, char separator, char quote)
    : m_content(content), m_file(file), m_separator(separator), m_quote(quote) {
  m_stops[static_cast<unsigned char>(separator)] = m_stops['\n'] = m_stops['\r'] = true;
  m_stops[static_cast<unsigned char>(quote)] = quote != '\0'; // only read_plain refuses it
  if (m_content.substr(0, 3) == "\xEF\xBB\xBF") {             // spreadsheets often write a BOM
    m_pos = 3;
  }
}

CsvReader::CsvReader(int fd, const std::string *file, char separator, char quote)
    : CsvReader(std::string_view(), file, separator, quote) {
  m_fd = fd;
  m_at_end = false;
  while (!m_at_end && m_content.size() < 3) {
    read_more(0);
  }
  if (m_content.substr(0, 3) == "\xEF\xBB\xBF") {
    m_pos = 3;
  }
}

void CsvReader::read_more(std::size_t from) {
  const std::size_t kept = m_content.size() - from;
  // The first block, a row longer than half the buffer, or bytes someone holds: another buffer
  if (!m_buffer || 2 * kept >= m_buffer->size() || m_buffer.use_count() > 1) {
    std::shared_ptr<std::string> other = free_buffer(2 * kept);
    std::copy_n(m_content.data() + from, kept, other->data());
    if (m_buffer && m_buffer.use_count() > 1) {
      m_spare.push_back(std::move(m_buffer)); // read into again once no hold is left
    }
    m_buffer = std::move(other);
  } else {
    std::copy_n(m_content.data() + from, kept, m_buffer->data()); // forwards: overlap is fine
  }
  ssize_t got = 0;
  do {
    got = ::read(m_fd, m_buffer->data() + kept, m_buffer->size() - kept);
  } while (got < 0 && errno == EINTR);
  if (got < 0) {
    throw util::Error(util::ExitCode::io, util::Position{*m_file, 0, 0},
                      fmt::format("read error: {}", std::strerror(errno)));
  }
  m_at_end = got == 0;
  m_content = std::string_view(m_buffer->data(), kept + static_cast<std::size_t>(got));
  m_pos -= from;
  m_lf_scan = m_lf_scan > from ? m_lf_scan - from : 0;
}

std::shared_ptr<std::string> CsvReader::free_buffer(std::size_t bytes) {
  for (std::size_t i = 0; i < m_spare.size(); ++i) {
    if (m_spare[i].use_count() == 1 && m_spare[i]->size() > bytes) {
      std::swap(m_spare[i], m_spare.back());
      std::shared_ptr<std::string> found = std::move(m_spare.back());
      m_spare.pop_back();
      return found;
    }
  }
  return std::make_shared<std::string>(bytes + block_size, '\0');
}

Mark CsvReader::mark(std::size_t index) const {
  if (m_taken) {
    return taken_mark(index);
  }
  return index < m_starts.size() ? mark_at(m_starts[index]) : row_mark();
}

Mark CsvReader::taken_mark(std::size_t index) const {
  std::size_t offset = m_row_start;
  for (std::size_t i = 0; i < index; ++i) {
    while (offset < m_row_end && m_content[offset] != m_separator) {
      ++offset;
    }
    if (offset >= m_row_end) {
      return row_mark(); // no such field
    }
    ++offset;
  }
  return Mark{m_file, m_row_line, static_cast<int>(offset - m_row_start) + 1};
}

std::optional<std::string_view> CsvReader::peek_line() {
  for (int attempt = 0; attempt < 2; ++attempt) {
    // Bytes from m_pos to m_lf_scan were searched before and hold no LF: a file of CR line
    // ends is searched once, not once per row.
    m_lf_scan = std::max(m_lf_scan, m_pos);
    const char *begin = m_content.data() + m_pos;
    if (const void *found =
            std::memchr(m_content.data() + m_lf_scan, '\n', m_content.size() - m_lf_scan)) {
      std::size_t length = static_cast<std::size_t>(static_cast<const char *>(found) - begin);
      m_peeked_next = m_pos + length + 1;
      if (length > 0 && begin[length - 1] == '\r') {
        --length;
      }
      m_peeked_end = m_pos + length;
      return std::string_view(begin, length);
    }
    m_lf_scan = m_content.size();
    const std::size_t left = m_content.size() - m_pos;
    if (m_at_end) {
      if (left == 0) {
        return std::nullopt;
      }
      m_peeked_end = m_peeked_next = m_content.size(); // the last line, without a line end
      return std::string_view(begin, left);
    }
    if (attempt > 0 || left >= block_size / 2) {
      return std::nullopt; // a long line, or CR line ends: next_row reads them
    }
    read_more(m_pos);
  }
  return std::nullopt;
}

void CsvReader::take_line() {
  take_line(m_peeked_end - m_pos, m_peeked_next - m_pos);
}

bool CsvReader::skip_line() {
  const std::size_t start = m_pos;
  const int line = m_line;
  while (true) {
    if (m_pos >= m_content.size() && m_at_end) {
      return false;
    }
    while (m_pos < m_content.size() && m_content[m_pos] != '\n' && m_content[m_pos] != '\r') {
      ++m_pos;
    }
    if (!skip_line_end()) {
      ++m_line; // the last line, without a line end
    }
    if (!cut_short()) {
      return true;
    }
    m_pos = start;
    m_line = line;
    read_more(start);
  }
}

bool CsvReader::at_end() {
  while (true) {
    if (!m_at_end && m_pos + 1 >= m_content.size()) { // a CRLF may be cut by the block's end
      read_more(m_pos);
      continue;
    }
    if (!skip_line_end()) {
      return m_pos >= m_content.size();
    }
  }
}

bool CsvReader::skip_line_end() {
  if (m_pos >= m_content.size() || (m_content[m_pos] != '\n' && m_content[m_pos] != '\r')) {
    return false;
  }
  if (m_content[m_pos] == '\r' && m_pos + 1 < m_content.size() && m_content[m_pos + 1] == '\n') {
    ++m_pos;
  }
  ++m_pos;
  ++m_line;
  return true;
}

namespace {

/// A quoted field's text with each doubled quote made one (RFC 4180: `""` is `"`), appended to
/// `out`; only the rare field that has one comes here.
void append_unquoted(std::string_view raw, char quote, std::string &out) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    out += raw[i];
    if (raw[i] == quote) {
      ++i;
    }
  }
}

} // namespace

void CsvReader::read_quoted(std::vector<std::string_view> &fields) {
  const char *data = m_content.data();
  const std::size_t size = m_content.size();
  const std::size_t field_start = m_pos;
  ++m_pos;
  const std::size_t start = m_pos;
  bool doubled = false;
  while (m_pos < size) {
    if (data[m_pos] == m_quote) {
      if (m_pos + 1 < size && data[m_pos + 1] == m_quote) {
        doubled = true;
        m_pos += 2;
        continue;
      }
      break;
    }
    if (!skip_line_end()) {
      ++m_pos;
    }
  }
  if (m_pos >= size) {
    if (!m_at_end) {
      return; // cut short: read again with more bytes
    }
    util::fail_data(mark_at(field_start).position(), "unterminated quoted field");
  }
  std::string_view raw(data + start, m_pos - start);
  ++m_pos; // closing quote
  if (doubled) {
    // The scratch buffer may grow while the row is read: views are made once it is complete.
    const std::size_t from = m_scratch.size();
    append_unquoted(raw, m_quote, m_scratch);
    m_unescaped.push_back({fields.size(), from, m_scratch.size() - from});
  }
  fields.push_back(raw);
  if (m_pos < size && data[m_pos] != m_separator && data[m_pos] != '\n' && data[m_pos] != '\r') {
    util::fail_data(mark_at(m_pos).position(), "unexpected text after a quoted field");
  }
}

namespace {

constexpr std::uint64_t ones = 0x0101010101010101ULL;

/// The bytes of `word` that are zero have their high bit set, and the lowest such bit is
/// always a zero byte (a borrow can only mark bytes above a true one): the classic test of
/// eight bytes at once, used to find the end of a field without a branch per byte.
constexpr std::uint64_t zero_bytes(std::uint64_t word) {
  return (word - ones) & ~word & (ones << 7);
}

/// Whether `size` bytes at `data` are all printable ASCII (0x20-0x7E), eight at a time: then
/// the row needs no check of its text. Bytes below 0x20 are found as zero_bytes finds zeros
/// (a borrow may also mark a byte above one, which only costs the exact check); DEL is a zero
/// byte once XORed with 0x7F.
bool printable_ascii(const char *data, std::size_t size) {
  std::uint64_t found = 0;
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, data + i, 8);
    found |= word | ((word - 0x20 * ones) & ~word) | zero_bytes(word ^ (0x7F * ones));
  }
  for (; i < size; ++i) {
    const auto byte = static_cast<unsigned char>(data[i]);
    found |= byte < 0x20 || byte >= 0x7F ? 0x80 : 0;
  }
  return (found & (ones << 7)) == 0;
}

} // namespace

void CsvReader::read_plain(std::vector<std::string_view> &fields) {
  const char *data = m_content.data();
  const std::size_t size = m_content.size();
  const std::size_t start = m_pos;
  std::size_t pos = m_pos;
  if constexpr (std::endian::native == std::endian::little) { // the lowest byte comes first
    const std::uint64_t separators = ones * static_cast<unsigned char>(m_separator);
    // Without quoting, the quote's place is taken by the separator again.
    const std::uint64_t quotes = ones * static_cast<unsigned char>(m_quote ? m_quote : m_separator);
    for (; pos + 8 <= size; pos += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, data + pos, 8);
      const std::uint64_t stops = zero_bytes(word ^ separators) | zero_bytes(word ^ (ones * '\n')) |
                                  zero_bytes(word ^ (ones * '\r')) | zero_bytes(word ^ quotes);
      if (stops != 0) {
        pos += static_cast<std::size_t>(std::countr_zero(stops)) / 8;
        break;
      }
    }
  }
  while (pos < size && !m_stops[static_cast<unsigned char>(data[pos])]) {
    ++pos;
  }
  if (pos < size && m_quote != '\0' && data[pos] == m_quote) {
    fail_quote_in_plain_field(pos);
  }
  m_pos = pos;
  fields.emplace_back(data + start, pos - start);
}

void CsvReader::fail_quote_in_plain_field(std::size_t offset) const {
  const char q = m_quote;
  util::fail_data(
      mark_at(offset).position(),
      fmt::format("a quote ({0}) inside a field that does not begin with one: RFC 4180 allows a "
                  "quote only in a quoted field; enclose the field in quotes and double the "
                  "quote ({0}12{0}{0} pipe{0} for 12{0} pipe)",
                  q));
}

Mark CsvReader::mark_at(std::size_t offset) const {
  int line = m_row_line;
  std::size_t line_start = m_row_start;
  for (std::size_t i = m_row_start; i < offset; ++i) { // only a quoted field holds line ends
    const char c = m_content[i];
    if (c == '\r' && i + 1 < offset && m_content[i + 1] == '\n') {
      ++i;
    }
    if (c == '\n' || c == '\r') {
      ++line;
      line_start = i + 1;
    }
  }
  return Mark{m_file, line, static_cast<int>(offset - line_start) + 1};
}

bool CsvReader::next_row(std::vector<std::string_view> &fields) {
  const std::size_t start = m_pos;
  const int line = m_line;
  while (true) {
    const bool read = read_row(fields);
    if (!cut_short()) {
      if (read) {
        check_row_text(fields);
      }
      return read;
    }
    m_pos = start;
    m_line = line;
    read_more(start);
  }
}

void CsvReader::check_row_text(const std::vector<std::string_view> &fields) const {
  std::size_t end = m_pos; // the row without its line end, which is no field's text
  while (end > m_row_start && (m_content[end - 1] == '\n' || m_content[end - 1] == '\r')) {
    --end;
  }
  if (!printable_ascii(m_content.data() + m_row_start, end - m_row_start)) {
    require_utf8_fields(fields);
  }
}

void CsvReader::require_utf8_fields(const std::vector<std::string_view> &fields) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (const auto bad = util::find_non_utf8(fields[i]); bad != std::string_view::npos) {
      util::fail_data(mark(i).position(),
                      fmt::format("field {}: {}", i + 1, util::non_utf8_reason(fields[i], bad)));
    }
  }
}

bool CsvReader::read_row(std::vector<std::string_view> &fields) {
  m_taken = false;
  fields.clear();
  m_starts.clear();
  m_scratch.clear();
  m_unescaped.clear();
  while (skip_line_end()) { // blank lines between rows
  }
  const char *data = m_content.data();
  const std::size_t size = m_content.size();
  if (m_pos >= size) {
    return false;
  }
  m_row_line = m_line;
  m_row_start = m_pos;
  while (true) {
    m_starts.push_back(m_pos);
    if (m_pos < size && m_quote != '\0' && data[m_pos] == m_quote) {
      read_quoted(fields);
    } else {
      read_plain(fields);
    }
    if (m_pos < size && data[m_pos] == m_separator) {
      ++m_pos;
      if (m_pos < size || m_at_end) {
        continue;
      }
    }
    break;
  }
  for (const auto &u : m_unescaped) {
    fields[u.field] = std::string_view(m_scratch).substr(u.offset, u.length);
  }
  skip_line_end();
  return true;
}

std::string head_key(std::string_view name) {
  const auto first = name.find_first_not_of(" \t");
  const auto last = name.find_last_not_of(" \t");
  std::string result(first == std::string_view::npos ? std::string_view()
                                                     : name.substr(first, last - first + 1));
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

namespace {

/// The header `columns` name, optional ones in brackets, each with the other name it goes by
/// ("[matched|matched by]"); not its heads in other languages.
std::string header_text(const std::vector<CsvHeader::Column> &columns) {
  std::string text;
  for (const auto &column : columns) {
    const std::string names = column.also.empty() ? std::string(column.name)
                                                  : fmt::format("{}|{}", column.name, column.also);
    text += text.empty() ? "" : ",";
    text += column.required ? names : fmt::format("[{}]", names);
  }
  return text;
}

/// Whether header cell `field` names `column`.
bool names_column(std::string_view field, const CsvHeader::Column &column) {
  const std::string name = head_key(field);
  return name == column.name || (!column.also.empty() && name == column.also) ||
         std::find(column.heads.begin(), column.heads.end(), name) != column.heads.end();
}

/// Every name of `columns`, for the nearest one to a cell that names none.
std::vector<std::string> every_name(const std::vector<CsvHeader::Column> &columns) {
  std::vector<std::string> names;
  for (const auto &column : columns) {
    names.emplace_back(column.name);
    if (!column.also.empty()) {
      names.emplace_back(column.also);
    }
    names.insert(names.end(), column.heads.begin(), column.heads.end());
  }
  return names;
}

/// Whether header cell `field` names one of `columns`.
bool names_any(std::string_view field, const std::vector<CsvHeader::Column> &columns) {
  return std::any_of(columns.begin(), columns.end(),
                     [&](const CsvHeader::Column &c) { return names_column(field, c); });
}

/// Fails when the header row is not a comma-separated header at all.
void check_header_form(const CsvReader &reader, const std::vector<std::string_view> &fields,
                       const std::vector<CsvHeader::Column> &columns, std::string_view what) {
  const Mark at = reader.row_mark();
  if (fields.size() == 1) {
    for (const char separator : {';', '\t'}) {
      if (fields.front().find(separator) != std::string_view::npos) {
        util::fail_data(
            at.position(),
            fmt::format("{} is separated by {}; isukit reads comma-separated values (RFC 4180): "
                        "export the file with commas",
                        what, separator == ';' ? "semicolons" : "tabs"));
      }
    }
  }
  const bool any_known = std::any_of(fields.begin(), fields.end(), [&](std::string_view field) {
    return names_any(field, columns);
  });
  if (!any_known) {
    util::fail_data(
        at.position(),
        fmt::format("the first line of {} must be its header {}; this line names none of its "
                    "columns (remove any lines above the header)",
                    what, header_text(columns)));
  }
}

} // namespace

namespace {

/// The place in `columns` of the column that header cell `index` names; fails at the cell,
/// with the nearest name, when it names none.
std::size_t known_column(const CsvReader &reader, const std::vector<std::string_view> &fields,
                         std::size_t index, const std::vector<CsvHeader::Column> &columns,
                         std::string_view what) {
  const auto known = std::find_if(columns.begin(), columns.end(), [&](const auto &column) {
    return names_column(fields[index], column);
  });
  if (known != columns.end()) {
    return static_cast<std::size_t>(known - columns.begin());
  }
  const std::vector<std::string> names = every_name(columns);
  const std::string_view guess = nearest(head_key(fields[index]), names);
  util::fail_data(reader.mark(index).position(),
                  fmt::format("unknown column '{}' in {} ({})", fields[index], what,
                              guess.empty()
                                  ? fmt::format("expected the header {}", header_text(columns))
                                  : fmt::format("did you mean '{}'?", guess)));
}

} // namespace

bool CsvHeader::names_every_column(const std::vector<std::string_view> &fields,
                                   const std::vector<Column> &columns) {
  return std::all_of(fields.begin(), fields.end(),
                     [&](std::string_view field) { return names_any(field, columns); });
}

CsvHeader::CsvHeader(const CsvReader &reader, const std::vector<std::string_view> &fields,
                     std::vector<Column> columns, std::string_view what)
    : m_index(columns.size(), -1), m_width(fields.size()) {
  check_header_form(reader, fields, columns, what);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::size_t known = known_column(reader, fields, i, columns, what);
    int &index = m_index[known];
    if (index >= 0) {
      util::fail_data(reader.mark(i).position(),
                      fmt::format("column '{}' is named twice in the header (also column {})",
                                  columns[known].name, index + 1));
    }
    index = static_cast<int>(i);
  }
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].required && m_index[c] < 0) {
      util::fail_data(reader.row_mark().position(),
                      fmt::format("{} needs the header {}; '{}' is missing", what,
                                  header_text(columns), columns[c].name));
    }
  }
}

void CsvHeader::check_width(const CsvReader &reader,
                            const std::vector<std::string_view> &fields) const {
  if (fields.size() > m_width) {
    util::fail_data(
        reader.mark(m_width).position(),
        fmt::format("expected {} fields as in the header, got {}: a value holding a comma must be "
                    "quoted (\"INV 7,2024\")",
                    m_width, fields.size()));
  }
  if (fields.size() < m_width) {
    util::fail_data(
        reader.row_mark().position(),
        fmt::format("expected {} fields as in the header, got {}", m_width, fields.size()));
  }
}

} // namespace isukit::io
