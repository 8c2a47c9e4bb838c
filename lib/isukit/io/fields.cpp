#include <isukit/io/fields.hpp>
#include <isukit/util/date.hpp>
#include <isukit/util/decimal.hpp>

namespace isukit::io {

Value Value::word(std::string text) {
  Value value(std::move(text));
  value.is_word = true;
  return value;
}

Value iso(const std::optional<util::Date> &date) {
  return date ? Value(date->iso()) : Value();
}

Value flag(bool value) {
  return Value(value ? "true" : "false");
}

void add_value(Node &record, const std::string &key, FieldType type, bool omit_absent,
               Value value) {
  if (!value.text) {
    if (!omit_absent) {
      record.add(key, Node::null());
    }
    return;
  }
  std::string &text = *value.text;
  switch (value.is_word ? FieldType::text : type) {
  case FieldType::money:
  case FieldType::rate:
  case FieldType::count:
  case FieldType::year:
    record.add(key, Node::number(std::move(text)));
    return;
  case FieldType::flag:
    record.add(key, Node::boolean(text == "true"));
    return;
  case FieldType::text:
  case FieldType::date:
  case FieldType::code:
    record.add(key, Node::string(std::move(text)));
    return;
  }
}

std::string cell_text(FieldType type, const std::string &words, Value value,
                      const util::Lang &lang) {
  if (!value.text) {
    return "";
  }
  return type == FieldType::code ? lang.text(words + *value.text) : std::move(*value.text);
}

Node letter_value(FieldType type, const std::string &words, const Value &value,
                  const util::Lang &lang) {
  if (!value.text) {
    return Node::boolean(false);
  }
  const std::string &text = *value.text;
  if (value.is_word) {
    return Node::string(text);
  }
  switch (type) {
  case FieldType::money:
    return Node::string(text.starts_with('-') ? "\u2212" + util::group_digits(text.substr(1), lang)
                                              : util::group_digits(text, lang));
  case FieldType::date:
    if (const auto date = util::Date::parse(text)) {
      return Node::string(util::long_date(*date, lang));
    }
    return Node::string(text);
  case FieldType::code:
    return Node::string(lang.text(words + text));
  default:
    return Node::string(text);
  }
}

ColumnType column_type(FieldType type) {
  switch (type) {
  case FieldType::money:
    return ColumnType::money;
  case FieldType::rate:
    return ColumnType::rate;
  case FieldType::date:
    return ColumnType::date;
  case FieldType::count:
    return ColumnType::count;
  case FieldType::text:
  case FieldType::code:
  case FieldType::flag:
  case FieldType::year:
    break;
  }
  return ColumnType::text;
}

Column column(const std::string &label, FieldType type, const util::Lang &lang,
              const std::vector<util::Arg> &args) {
  return Column{lang.text(label, std::span<const util::Arg>(args)), column_type(type)};
}

} // namespace isukit::io
