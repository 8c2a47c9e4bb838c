#include <isukit/io/csv_reader.hpp>

namespace isukit::io {

CsvReader::CsvReader(std::string_view content, const std::string* file, char separator, char quote)
    : m_content(content), m_file(file), m_separator(separator), m_quote(quote) {
  if (m_content.substr(0, 3) == "\xEF\xBB\xBF") { // spreadsheets often write a BOM
    m_pos = 3;
  }
}

Mark CsvReader::mark(std::size_t index) const {
  return Mark{m_file, m_row_line, index < m_columns.size() ? m_columns[index] : 1};
}

bool CsvReader::skip_line() {
  if (m_pos >= m_content.size()) {
    return false;
  }
  const auto end = m_content.find('\n', m_pos);
  m_pos = end == std::string_view::npos ? m_content.size() : end + 1;
  ++m_line;
  return true;
}

bool CsvReader::next_row(std::vector<std::string_view>& fields) {
  fields.clear();
  m_columns.clear();
  m_scratch.clear();
  // Skip blank lines between rows.
  while (m_pos < m_content.size() && (m_content[m_pos] == '\n' || m_content[m_pos] == '\r')) {
    if (m_content[m_pos] == '\n') {
      ++m_line;
    }
    ++m_pos;
  }
  if (m_pos >= m_content.size()) {
    return false;
  }
  m_row_line = m_line;
  std::size_t line_start = m_pos;
  // Quoted fields with doubled quotes are unescaped into m_scratch, which may grow while the
  // row is read; their views are made once the row is complete (m_unescaped: field, offset).
  m_unescaped.clear();
  const char* data = m_content.data();
  const std::size_t size = m_content.size();
  while (true) {
    m_columns.push_back(static_cast<int>(m_pos - line_start) + 1);
    if (m_pos < size && m_quote != '\0' && data[m_pos] == m_quote) {
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
        if (data[m_pos] == '\n') {
          ++m_line;
          line_start = m_pos + 1;
        }
        ++m_pos;
      }
      if (m_pos >= size) {
        util::fail_data(mark(m_columns.size() - 1).position(), "unterminated quoted field");
      }
      std::string_view raw(data + start, m_pos - start);
      ++m_pos; // closing quote
      if (doubled) {
        const std::size_t from = m_scratch.size();
        for (std::size_t i = 0; i < raw.size(); ++i) {
          m_scratch += raw[i];
          if (raw[i] == m_quote) {
            ++i;
          }
        }
        m_unescaped.push_back({fields.size(), from, m_scratch.size() - from});
      }
      fields.push_back(raw);
      if (m_pos < size && data[m_pos] != m_separator && data[m_pos] != '\n' &&
          data[m_pos] != '\r') {
        util::fail_data(Mark{m_file, m_line, static_cast<int>(m_pos - line_start) + 1}.position(),
                        "unexpected text after a quoted field");
      }
    } else {
      const std::size_t start = m_pos;
      while (m_pos < size && data[m_pos] != m_separator && data[m_pos] != '\n' &&
             data[m_pos] != '\r') {
        ++m_pos;
      }
      fields.emplace_back(data + start, m_pos - start);
    }
    if (m_pos < size && data[m_pos] == m_separator) {
      ++m_pos;
      continue;
    }
    break;
  }
  for (const auto& u : m_unescaped) {
    fields[u.field] = std::string_view(m_scratch).substr(u.offset, u.length);
  }
  if (m_pos < size && data[m_pos] == '\r') {
    ++m_pos;
  }
  if (m_pos < size && data[m_pos] == '\n') {
    ++m_pos;
    ++m_line;
  }
  return true;
}

} // namespace isukit::io
