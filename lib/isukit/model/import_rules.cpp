#include <isukit/model/import_rules.hpp>
#include <isukit/util/date.hpp>
#include <isukit/util/locale.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::model {

namespace {

constexpr std::string_view field_names[] = {"date",     "amount",    "credit",     "debit",
                                            "currency", "reference", "remittance", "payer",
                                            "year",     "indicator"};

std::optional<ExportField> parse_field(std::string_view name) {
  const auto it = std::find(std::begin(field_names), std::end(field_names), name);
  if (it == std::end(field_names)) {
    return std::nullopt;
  }
  return static_cast<ExportField>(it - std::begin(field_names));
}

ColumnRef read_column(const io::Node &node) {
  ColumnRef column;
  column.mark = node.mark();
  const std::string &text = node.as_any_text(); // empty: said below in the rules' words
  if (node.style() != io::Node::Style::quoted && !text.empty() &&
      text.find_first_not_of("0123456789") == std::string::npos) {
    column.position = node.as_int();
    if (column.position < 1) {
      node.fail("column positions count from 1");
    }
  } else if (text.empty()) {
    node.fail("expected a header cell or a column position (from 1)");
  } else {
    column.name = text;
  }
  return column;
}

/// One character from a rules field; `none` gives '\0' where allowed.
char read_char(const io::Node &node, std::string_view allowed, bool none_allowed) {
  const std::string &text = node.as_any_text(); // a tab is a separator
  if (none_allowed && text == "none") {
    return '\0';
  }
  if (text.size() != 1 || allowed.find(text[0]) == std::string_view::npos) {
    node.fail(fmt::format("expected one of {}{}, got {}",
                          allowed == "\t,;|" ? "',', ';', '|', a tab" : "'\"', \"'\"",
                          none_allowed ? " or none" : "", io::describe(node)));
  }
  return text[0];
}

OutgoingRule read_outgoing(const io::Node &node) {
  const std::string &text = node.as_text();
  if (text == "refuse") {
    return OutgoingRule::refuse;
  }
  if (text == "leave_out") {
    return OutgoingRule::leave_out;
  }
  if (text == "keep") {
    return OutgoingRule::keep;
  }
  node.fail(fmt::format("expected refuse, leave_out or keep, got {}", io::describe(node)));
}

void read_header(const io::Node &node, ImportRules &rules) {
  rules.header_mark = node.mark();
  if (const io::Node *line = node.find("line")) {
    rules.header_line = line->as_int();
    if (rules.header_line < 1) {
      line->fail("lines count from 1");
    }
  }
  if (const io::Node *cells = node.find("cells")) {
    for (const auto &cell : cells->as_sequence()) {
      rules.header_cells.push_back(cell.as_text());
    }
  }
  if ((rules.header_line > 0) == !rules.header_cells.empty()) {
    node.fail("the header is found either by 'line' or by 'cells', one of them");
  }
}

void read_columns(const io::Node &node, ImportRules &rules) {
  for (const auto &entry : node.as_mapping().entries()) {
    const auto field = parse_field(entry.key);
    if (!field) {
      util::fail_data(entry.key_mark.position(),
                      fmt::format("unknown column '{}' (expected one of: date, amount, "
                                  "credit, debit, currency, reference, remittance, payer, "
                                  "year, indicator)",
                                  entry.key));
    }
    rules.columns[static_cast<int>(*field)] = read_column(entry.value);
  }
}

void read_amount_style(const io::Node &root, ImportRules &rules) {
  static constexpr std::string_view groupings[] = {".", ",", "'", " ", "\u202F", "\u00A0"};
  if (const io::Node *mark = root.find("decimal_mark")) {
    rules.amount_style.decimal_mark = mark->as_text();
    if (mark->as_text() != "." && mark->as_text() != ",") {
      mark->fail(fmt::format("expected '.' or ',', got {}", io::describe(*mark)));
    }
  }
  if (const io::Node *grouping = root.find("grouping")) {
    rules.amount_style.grouping = grouping->as_any_text(); // ' ' is a grouping
    if (std::find(std::begin(groupings), std::end(groupings), rules.amount_style.grouping) ==
        std::end(groupings)) {
      grouping->fail(fmt::format("expected '.', ',', \"'\", ' ', U+202F or U+00A0, got {}",
                                 io::describe(*grouping)));
    }
    if (rules.amount_style.grouping == rules.amount_style.decimal_mark) {
      grouping->fail("the grouping and the decimal mark must differ");
    }
  }
  if (const io::Node *sign = root.find("sign")) {
    rules.amount_style.parentheses = sign->find("parentheses") && sign->at("parentheses").as_bool();
    rules.amount_style.trailing_minus =
        sign->find("trailing_minus") && sign->at("trailing_minus").as_bool();
    rules.indicator_credit = sign->text_or("credit", rules.indicator_credit);
    rules.indicator_debit = sign->text_or("debit", rules.indicator_debit);
  }
}

/// A pattern case-folded as the text it is matched against (util::fold_case), but
/// for what a backslash escapes: \\D, \\S, \\W and \\B mean other things than \\d, \\s, \\w, \\b.
std::string fold_pattern(std::string_view pattern) {
  std::string folded;
  std::size_t run = 0; // where the text not yet folded begins
  for (std::size_t at = pattern.find('\\'); at != std::string_view::npos;
       at = pattern.find('\\', run)) {
    std::size_t escaped = std::min(at + 2, pattern.size()); // the backslash and one byte
    while (escaped < pattern.size() && (pattern[escaped] & 0xC0) == 0x80) {
      ++escaped; // and the rest of the character it escapes
    }
    folded += util::fold_case(pattern.substr(run, at - run));
    folded += pattern.substr(at, escaped - at);
    run = escaped;
  }
  return folded + util::fold_case(pattern.substr(run));
}

/// A pattern of the rules, matched ignoring case (FoldedPattern): leave_out's and year_pattern.
FoldedPattern read_folded_pattern(const io::Node &node) {
  try {
    return FoldedPattern{std::regex(fold_pattern(node.as_text()), std::regex::ECMAScript)};
  } catch (const std::regex_error &error) {
    node.fail(fmt::format("not a regular expression ({}): {}", error.what(), io::describe(node)));
  }
}

void read_leave_out(const io::Node &node, ImportRules &rules) {
  for (const auto &item : node.as_sequence()) {
    LeaveOutRule rule;
    rule.name = item.at("name").as_text();
    if (const io::Node *field = item.find("field")) {
      rule.field = parse_field(field->as_text());
      if (!rule.field) {
        field->fail(fmt::format("unknown field {} (expected one of the 'columns' names)",
                                io::describe(*field)));
      }
    } else if (const io::Node *column = item.find("column")) {
      rule.column = read_column(*column);
    } else {
      item.fail("a leave_out rule tests a 'field' or a 'column'");
    }
    rule.pattern = read_folded_pattern(item.at("pattern"));
    rules.leave_out.push_back(std::move(rule));
  }
}

void read_payers(const io::Node &root, ImportRules &rules, const StateTable &states) {
  if (const io::Node *aliases = root.find("aliases")) {
    for (const auto &entry : aliases->as_mapping().entries()) {
      rules.aliases.emplace_back(entry.key, states.require(entry.value));
    }
  }
  if (const io::Node *words = root.find("drop_words")) {
    for (const auto &word : words->as_sequence()) {
      rules.drop_words.push_back(word.as_text());
    }
  }
}

void read_csv_layout(const io::Node &root, ImportRules &rules) {
  if (const io::Node *separator = root.find("separator")) {
    rules.separator = read_char(*separator, "\t,;|", false);
  }
  if (const io::Node *quote = root.find("quote")) {
    rules.quote = read_char(*quote, "\"'", true);
  }
  read_header(root.at("header"), rules);
  read_columns(root.at("columns"), rules);
  if (const io::Node *format = root.find("date_format")) {
    rules.date_format = format->as_text();
    if (!util::Date::valid_format(rules.date_format)) {
      format->fail(fmt::format(
          "expected a date format such as %d.%m.%Y (with %d, %m and %Y or %y once each), got {}",
          io::describe(*format)));
    }
  }
}

void check_csv_columns(const io::Node &root, const ImportRules &rules) {
  const io::Node &columns = root.at("columns");
  const auto has = [&](ExportField field) { return rules.column(field).is_set(); };
  if (!has(ExportField::date) || !has(ExportField::payer)) {
    columns.fail(
        "the columns need at least 'date', 'payer' and 'amount' (or 'credit' and 'debit')");
  }
  if (has(ExportField::amount) == (has(ExportField::credit) || has(ExportField::debit))) {
    columns.fail("the amount is one column ('amount') or two ('credit' and 'debit'), not both and "
                 "not neither");
  }
  if (has(ExportField::credit) != has(ExportField::debit)) {
    columns.fail("'credit' and 'debit' go together");
  }
  if (has(ExportField::currency) == rules.currency.has_value()) {
    root.fail(
        "the currency comes from a 'currency' column or from the rules' 'currency', one of them");
  }
}

void read_camt(const io::Node &root, ImportRules &rules) {
  for (std::string_view csv_only :
       {"separator", "quote", "header", "columns", "date_format", "decimal_mark", "grouping"}) {
    if (const io::Node *node = root.find(csv_only)) {
      node->fail(fmt::format(
          "'{}' applies to CSV exports only; a camt statement says it in its XML", csv_only));
    }
  }
  rules.account = root.text_or("account");
  const std::string date = root.text_or("date", "booking");
  if (date != "booking" && date != "value") {
    root.at("date").fail(fmt::format("expected booking or value, got '{}'", date));
  }
  rules.value_date = date == "value";
  const std::string reference = root.text_or("reference", "account_servicer");
  if (reference != "account_servicer" && reference != "end_to_end") {
    root.at("reference")
        .fail(fmt::format("expected account_servicer or end_to_end, got '{}'", reference));
  }
  rules.end_to_end = reference == "end_to_end";
}

} // namespace

std::string_view export_field_name(ExportField field) {
  return field_names[static_cast<int>(field)];
}

std::string ColumnRef::describe() const {
  return position > 0 ? fmt::format("column {}", position) : fmt::format("'{}'", name);
}

ImportRules ImportRules::from_document(const io::Node &root, const StateTable &states) {
  ImportRules rules;
  const std::string format = root.text_or("format", "csv");
  if (format != "csv" && format != "camt") {
    root.at("format").fail(fmt::format("expected csv or camt, got '{}'", format));
  }
  rules.format = format == "csv" ? ExportFormat::csv : ExportFormat::camt;
  if (const io::Node *encoding = root.find("encoding")) {
    const auto parsed = util::parse_encoding(encoding->as_text());
    if (!parsed) {
      encoding->fail(fmt::format(
          "expected utf-8, utf-16, utf-16le, utf-16be, windows-1252 or iso-8859-1, got {}",
          io::describe(*encoding)));
    }
    rules.encoding = *parsed;
  }
  if (const io::Node *currency = root.find("currency")) {
    rules.currency = currency->as_currency();
  }
  if (rules.format == ExportFormat::csv) {
    read_csv_layout(root, rules);
    read_amount_style(root, rules);
    check_csv_columns(root, rules);
  } else {
    read_camt(root, rules);
  }
  rules.debits = root.find("debits") ? read_outgoing(root.at("debits")) : OutgoingRule::refuse;
  rules.reversals =
      root.find("reversals") ? read_outgoing(root.at("reversals")) : OutgoingRule::refuse;
  if (const io::Node *leave_out = root.find("leave_out")) {
    read_leave_out(*leave_out, rules);
  }
  if (const io::Node *pattern = root.find("year_pattern")) {
    rules.year_pattern = read_folded_pattern(*pattern);
  }
  read_payers(root, rules, states);
  return rules;
}

bool FoldedPattern::matches(const std::string &text) const {
  return std::regex_search(util::fold_case(text), regex);
}

std::optional<std::string> FoldedPattern::find(const std::string &text) const {
  const std::string folded = util::fold_case(text);
  std::smatch found;
  if (!std::regex_search(folded, found, regex)) {
    return std::nullopt;
  }
  return found.size() > 1 ? found[1].str() : found[0].str();
}

} // namespace isukit::model
