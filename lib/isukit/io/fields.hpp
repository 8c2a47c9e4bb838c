// One result, one field list: a subcommand's records and the list of their fields give both the
// document's list of records (yaml, json) and the table every other format (and the xlsx
// workbook, the charts) is written from. A field says once what a column is: its document key,
// the catalogue id of its head, its type and how to get its value from the typed record.
#pragma once

#include <isukit/io/node.hpp>
#include <isukit/io/table.hpp>
#include <isukit/util/lang.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace isukit::io {

/// What a field holds. The first five are the table's ColumnType. `code` is a word of the data
/// (`overdue`, `AFRICAN`) that people read through the catalogue; `flag` a boolean of the
/// document (`true`, `false`); `year` a number in the document that people read as written
/// (2025, never 2,025).
enum class FieldType { text, money, rate, date, count, code, flag, year };

/// One field's value in one record: its exact text (`1362200.20`, `2025-06-30`, `true`), or
/// nothing (an empty cell; in the document null, or no key at all: see Field::omit_absent).
struct Value {
  Value() = default;
  Value(std::string text) : text(std::move(text)) {}
  Value(const char *text) : text(text) {}
  Value(std::optional<std::string> text) : text(std::move(text)) {}
  /// A word in a numeric field (the period `initial` among period numbers): text in the document.
  static Value word(std::string text);

  std::optional<std::string> text;
  bool is_word = false;
};

/// A date's ISO text, or nothing.
Value iso(const std::optional<util::Date> &date);
/// `true` or `false`, for a flag.
Value flag(bool value);

/// One field of records of type `Record`.
template <typename Record> struct Field {
  std::string key = {};   // the document's key; empty: a column for people only (a state's name)
  std::string label = {}; // the catalogue id of the column head; empty: in the document only
  /// A column head that is no word of the catalogue, the same in every language (a year of a
  /// pivot: `2025`, `2021-2026`); it stands for `label`.
  std::string head = {};
  FieldType type = FieldType::text;
  std::string words = {};   // code: the catalogue prefix of its words ("standing.")
  bool omit_absent = false; // a record without a value leaves the key out rather than null
  std::function<Value(const Record &)> value =
      {}; // every field but one for people only (with `shown`)
  /// The cell people read when it is not the value itself: a name in the reader's language. A
  /// code without it reads as the catalogue's `words` + code.
  std::function<std::string(const Record &, const util::Lang &)> shown = {};
  /// Adds the field to the document's record itself, for what one typed text cannot say: a
  /// text in every language (`state_name_en`, `state_name_fr`...), a reason with its
  /// parameters. `key` then only names the field.
  std::function<void(Node &record, const Record &)> document = {};
  /// The field's key in a letter's Mustache context (empty: not in letters): see record_context.
  std::string context = {};
  /// What a letter shows when no text says it (a mapping, a boolean for a section).
  std::function<Node(const Record &, const util::Lang &)> letter = {};
};

/// A list of fields, in the order of the document's keys and the table's columns. Build one as
/// a named variable (`Fields<R> fields = {...};`): GCC 12 stops with an internal compiler error
/// on `return {{.key = ...}};`.
template <typename Record> using Fields = std::vector<Field<Record>>;

/// Whether a field is a column of the table: it has a head.
template <typename Record> bool in_table(const Field<Record> &f) {
  return !f.label.empty() || !f.head.empty();
}

// The parts that do not depend on the record type.
/// Adds `value` under `key` to a record of the document, written as `type` says: numbers
/// (money, rate, count, year) bare, flags as booleans, the rest as text; nothing as null or no key.
void add_value(Node &record, const std::string &key, FieldType type, bool omit_absent, Value value);
/// The cell of `value`: its text, a code as the catalogue's `words` + code; nothing is empty.
std::string cell_text(FieldType type, const std::string &words, Value value,
                      const util::Lang &lang);
/// The table's type of a field's column: text for the types people read as words (code, flag,
/// year).
ColumnType column_type(FieldType type);
/// The column of a field: its head from the catalogue (given `args`), its type for alignment and
/// grouping.
Column column(const std::string &label, FieldType type, const util::Lang &lang,
              const std::vector<util::Arg> &args = {});

/// What a letter shows for a value: nothing is false (a section the template leaves out); money
/// grouped in the letter's language, below zero with a minus sign (U+2212, which Markdown does
/// not take for a list item, as a hyphen would be); a date long ("30 June 2025"); a code
/// through the catalogue (`words` + code); anything else as written.
Node letter_value(FieldType type, const std::string &words, const Value &value,
                  const util::Lang &lang);

/// A letter's Mustache list of `records`: one mapping per record, with each field that names a
/// `context` key: its `letter`, else the text it shows people (`shown`), else letter_value.
template <typename Record>
Node record_context(const Fields<Record> &fields, const std::vector<Record> &records,
                    const util::Lang &lang) {
  Node list = Node::sequence();
  for (const auto &r : records) {
    Node &entry = list.push(Node::mapping());
    for (const auto &f : fields) {
      if (!f.context.empty()) {
        entry.add(f.context, f.letter  ? f.letter(r, lang)
                             : f.shown ? Node::string(f.shown(r, lang))
                                       : letter_value(f.type, f.words, f.value(r), lang));
      }
    }
  }
  return list;
}

/// The document's list of `records`, one mapping per record with the fields that have a key,
/// in the list's order.
template <typename Record>
Node record_list(const Fields<Record> &fields, const std::vector<Record> &records) {
  Node list = Node::sequence();
  list.reserve(records.size());
  for (const auto &r : records) {
    Node &record = list.push(Node::mapping());
    record.reserve(fields.size()); // growing it entry by entry cost most of building the list
    for (const auto &f : fields) {
      if (f.document) {
        f.document(record, r);
      } else if (!f.key.empty()) {
        add_value(record, f.key, f.type, f.omit_absent, f.value(r));
      }
    }
  }
  return list;
}

/// The table of `records`, named `name` (what --table calls it) with `title`: one column per
/// field that has a label, one row per record; a row is a total when `is_total` says so. The
/// heads are given `label_args` (`{"currency", "USD"}` for "Cost (USD)").
template <typename Record>
Table record_table(std::string name, std::string title, const Fields<Record> &fields,
                   const std::vector<Record> &records, const util::Lang &lang,
                   std::type_identity_t<std::function<bool(const Record &)>> is_total = {},
                   const std::vector<util::Arg> &label_args = {}) {
  Table table{std::move(name), std::move(title), {}};
  for (const auto &f : fields) {
    if (!f.head.empty()) {
      table.columns.push_back(Column{f.head, column_type(f.type)});
    } else if (!f.label.empty()) {
      table.columns.push_back(column(f.label, f.type, lang, label_args));
    }
  }
  table.rows.reserve(records.size());
  for (const auto &r : records) {
    Row &row = table.rows.emplace_back(Row{{}, is_total && is_total(r)});
    row.cells.reserve(table.columns.size());
    for (const auto &f : fields) {
      if (in_table(f)) {
        row.cells.push_back(f.shown ? f.shown(r, lang)
                                    : cell_text(f.type, f.words, f.value(r), lang));
      }
    }
  }
  return table;
}

/// Adds a total row under `table`, made by record_table from `fields`: the first column reads the
/// catalogue's `label` (`label.total`, `label.difference_from_total`), each field whose key (a
/// field for people only: its label id, else its head) `totals` names (`{"cost", "1200.00"}`) that
/// exact text, the others nothing.
template <typename Record>
void add_total_row(Table &table, const Fields<Record> &fields,
                   const std::map<std::string, std::string> &totals, const util::Lang &lang,
                   const std::string &label = "label.total") {
  Row &row = table.rows.emplace_back(Row{{}, true});
  for (const auto &f : fields) {
    if (!in_table(f)) {
      continue;
    }
    const auto found = totals.find(!f.key.empty() ? f.key : !f.label.empty() ? f.label : f.head);
    row.cells.push_back(row.cells.empty()       ? lang.text(label)
                        : found != totals.end() ? found->second
                                                : "");
  }
}

} // namespace isukit::io
