#include <isukit/io/render.hpp>
#include <isukit/io/writers.hpp>
#include <isukit/util/decimal.hpp>

#include <algorithm>

namespace isukit::io {

namespace {

bool is_numeric(ColumnType type) { return type != ColumnType::text && type != ColumnType::date; }

/// The cell as people read it: money and counts grouped in the language's style.
std::string for_people(const std::string& cell, ColumnType type, util::Lang lang) {
  if (type == ColumnType::money || type == ColumnType::count) {
    return util::group_digits(cell, lang);
  }
  if (type == ColumnType::rate) {
    return util::localize_decimal(cell, lang);
  }
  return cell;
}

/// Width on a terminal: UTF-8 continuation bytes take no column.
std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad(const std::string& text, std::size_t width, bool right) {
  const std::string fill(width - std::min(width, display_width(text)), ' ');
  return right ? fill + text : text + fill;
}

template <typename Fn> void each_table(const std::vector<Table>& tables, std::string& out, Fn fn) {
  bool first = true;
  for (const auto& table : tables) {
    if (!first) {
      out += '\n';
    }
    first = false;
    fn(table);
  }
}

} // namespace

std::string render_text_table(const std::vector<Table>& tables, util::Lang lang) {
  std::string out;
  each_table(tables, out, [&](const Table& table) {
    const std::size_t n = table.columns.size();
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> widths(n, 0);
    for (std::size_t c = 0; c < n; ++c) {
      widths[c] = display_width(table.columns[c].header);
    }
    for (const auto& row : table.rows) {
      auto& formatted = cells.emplace_back();
      for (std::size_t c = 0; c < n; ++c) {
        formatted.push_back(for_people(c < row.cells.size() ? row.cells[c] : "",
                                       table.columns[c].type, lang));
        widths[c] = std::max(widths[c], display_width(formatted.back()));
      }
    }
    auto line = [&](const std::vector<std::string>& values) {
      std::string text;
      for (std::size_t c = 0; c < n; ++c) {
        text += c ? "  " : "";
        text += pad(values[c], widths[c], is_numeric(table.columns[c].type));
      }
      while (!text.empty() && text.back() == ' ') {
        text.pop_back();
      }
      out += text;
      out += '\n';
    };
    auto rule = [&] {
      std::size_t total = 0;
      for (std::size_t c = 0; c < n; ++c) {
        total += widths[c] + (c ? 2 : 0);
      }
      out.append(total, '-');
      out += '\n';
    };
    if (!table.title.empty()) {
      out += table.title;
      out += "\n\n";
    }
    std::vector<std::string> headers;
    for (const auto& column : table.columns) {
      headers.push_back(column.header);
    }
    line(headers);
    rule();
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      if (table.rows[r].is_total && (r == 0 || !table.rows[r - 1].is_total)) {
        rule();
      }
      line(cells[r]);
    }
    if (!table.notes.empty()) {
      out += '\n';
    }
    for (const auto& note : table.notes) {
      out += note;
      out += '\n';
    }
  });
  return out;
}

std::string render_markdown(const std::vector<Table>& tables, util::Lang lang) {
  std::string out;
  auto escape = [](std::string text) {
    std::string escaped;
    for (char c : text) {
      if (c == '|') {
        escaped += '\\';
      }
      escaped += c == '\n' ? ' ' : c;
    }
    return escaped;
  };
  each_table(tables, out, [&](const Table& table) {
    if (!table.title.empty()) {
      out += "**";
      out += escape(table.title);
      out += "**\n\n";
    }
    out += '|';
    for (const auto& column : table.columns) {
      out += ' ';
      out += escape(column.header);
      out += " |";
    }
    out += "\n|";
    for (const auto& column : table.columns) {
      out += is_numeric(column.type) ? " ---: |" : " --- |";
    }
    out += '\n';
    for (const auto& row : table.rows) {
      out += '|';
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        std::string cell = escape(for_people(c < row.cells.size() ? row.cells[c] : "",
                                             table.columns[c].type, lang));
        if (row.is_total && !cell.empty()) {
          cell.insert(0, "**");
          cell += "**";
        }
        out += ' ';
        out += cell;
        out += " |";
      }
      out += '\n';
    }
    if (!table.notes.empty()) {
      out += '\n';
      for (const auto& note : table.notes) {
        out += escape(note);
        out += '\n';
      }
    }
  });
  return out;
}

std::string render_separated(const std::vector<Table>& tables, char separator) {
  std::string out;
  auto field = [separator](std::string_view text) {
    if (separator == '\t') {
      std::string clean(text);
      std::replace_if(clean.begin(), clean.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
      return clean;
    }
    if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
      return std::string(text);
    }
    std::string quoted = "\"";
    for (char c : text) {
      quoted += c;
      if (c == '"') {
        quoted += '"';
      }
    }
    return quoted + '"';
  };
  const std::string eol = separator == ',' ? "\r\n" : "\n"; // RFC 4180 ends records with CRLF
  each_table(tables, out, [&](const Table& table) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      if (c) {
        out += separator;
      }
      out += field(table.columns[c].header);
    }
    out += eol;
    for (const auto& row : table.rows) {
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (c) {
          out += separator;
        }
        out += field(c < row.cells.size() ? row.cells[c] : "");
      }
      out += eol;
    }
  });
  return out;
}

std::string escape_html(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string render_html(const std::vector<Table>& tables, util::Lang lang) {
  std::string out;
  each_table(tables, out, [&](const Table& table) {
    out += "<table>\n";
    if (!table.title.empty()) {
      out += "  <caption>";
      out += escape_html(table.title);
      out += "</caption>\n";
    }
    out += "  <thead>\n    <tr>";
    for (const auto& column : table.columns) {
      out += is_numeric(column.type) ? "<th class=\"num\">" : "<th>";
      out += escape_html(column.header);
      out += "</th>";
    }
    out += "</tr>\n  </thead>\n  <tbody>\n";
    for (const auto& row : table.rows) {
      out += row.is_total ? "    <tr class=\"total\">" : "    <tr>";
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const auto type = table.columns[c].type;
        out += is_numeric(type) ? "<td class=\"num\">" : "<td>";
        out += escape_html(for_people(c < row.cells.size() ? row.cells[c] : "", type, lang));
        out += "</td>";
      }
      out += "</tr>\n";
    }
    out += "  </tbody>\n</table>\n";
    for (const auto& note : table.notes) {
      out += "<p>";
      out += escape_html(note);
      out += "</p>\n";
    }
  });
  return out;
}

std::string escape_latex(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&':
    case '%':
    case '$':
    case '#':
    case '_':
    case '{':
    case '}':
      out += '\\';
      out += c;
      break;
    case '~':
      out += "\\textasciitilde{}";
      break;
    case '^':
      out += "\\textasciicircum{}";
      break;
    case '\\':
      out += "\\textbackslash{}";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string render_latex(const std::vector<Table>& tables, util::Lang lang) {
  std::string out;
  auto cell_text = [lang](const std::string& cell, ColumnType type) {
    std::string text = escape_latex(for_people(cell, type, lang));
    if (is_numeric(type) && lang == util::Lang::fr) {
      std::string thin; // a French thousands space must not break or stretch
      for (char c : text) {
        thin += c == ' ' ? std::string("\\,") : std::string(1, c);
      }
      return thin;
    }
    return text;
  };
  each_table(tables, out, [&](const Table& table) {
    if (!table.title.empty()) {
      out += "% ";
      out += table.title;
      out += '\n';
    }
    out += "\\begin{tabular}{";
    for (const auto& column : table.columns) {
      out += is_numeric(column.type) ? 'r' : 'l';
    }
    out += "}\n\\toprule\n";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      out += c ? " & " : "";
      out += escape_latex(table.columns[c].header);
    }
    out += " \\\\\n\\midrule\n";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto& row = table.rows[r];
      if (row.is_total && r > 0 && !table.rows[r - 1].is_total) {
        out += "\\midrule\n";
      }
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        std::string text = cell_text(c < row.cells.size() ? row.cells[c] : "", table.columns[c].type);
        if (row.is_total && !text.empty()) {
          text.insert(0, "\\textbf{");
          text += '}';
        }
        out += c ? " & " : "";
        out += text;
      }
      out += " \\\\\n";
    }
    out += "\\bottomrule\n\\end{tabular}\n";
  });
  return out;
}

std::string render(const Output& output, Format format, util::Lang lang) {
  switch (format) {
  case Format::yaml:
    return to_yaml(output.documents);
  case Format::json:
    return to_json(output.documents);
  case Format::table:
    return render_text_table(output.tables, lang);
  case Format::markdown:
    return render_markdown(output.tables, lang);
  case Format::csv:
    return render_separated(output.tables, ',');
  case Format::tsv:
    return render_separated(output.tables, '\t');
  case Format::html:
    return render_html(output.tables, lang);
  case Format::latex:
    return render_latex(output.tables, lang);
  }
  return {};
}

} // namespace isukit::io
