#include <isukit/io/fields.hpp>
#include <isukit/io/writers.hpp>

#include <doctest/doctest.h>

#include <memory>

using namespace isukit;
using namespace isukit::io;

namespace {

/// A catalogue of its own, so that the test shows which words come from it.
util::Lang words() {
  auto catalogue = std::make_shared<util::Catalogue>();
  catalogue->code = "xx";
  for (const auto &[id, text] : {std::pair{"label.state", "State"},
                                 {"label.paid", "Paid"},
                                 {"label.due", "Due"},
                                 {"label.standing", "Standing"},
                                 {"label.name", "Name"},
                                 {"label.year", "Year"},
                                 {"standing.late", "Late"},
                                 {"standing.on_time", "On time"},
                                 {"label.total", "Total"}}) {
    catalogue->messages[id].forms["other"] = text;
  }
  return util::Lang(catalogue);
}

struct Payment {
  std::string state;
  std::string paid;
  std::optional<util::Date> due;
  std::string standing;
  bool partial;
  std::optional<int> year;
};

const Fields<Payment> payment_fields = {
    {.key = "state", .label = "label.state", .value = [](const Payment &p) { return p.state; }},
    {.label = "label.name",
     .shown = [](const Payment &p, const util::Lang &) { return "Name of " + p.state; }},
    {.key = "paid",
     .label = "label.paid",
     .type = FieldType::money,
     .value = [](const Payment &p) { return p.paid; }},
    {.key = "due",
     .label = "label.due",
     .type = FieldType::date,
     .value = [](const Payment &p) { return iso(p.due); }},
    {.key = "standing",
     .label = "label.standing",
     .type = FieldType::code,
     .words = "standing.",
     .value = [](const Payment &p) { return p.standing; }},
    {.key = "partial",
     .type = FieldType::flag,
     .value = [](const Payment &p) { return flag(p.partial); }},
    {.key = "year",
     .label = "label.year",
     .type = FieldType::year,
     .omit_absent = true,
     .value = [](const Payment &p) { return p.year ? Value(std::to_string(*p.year)) : Value(); }},
};

const std::vector<Payment> payments = {
    {"FRA", "1362200.20", util::Date::parse("2025-01-31"), "late", true, 2025},
    {"DEU", "12.00", std::nullopt, "on_time", false, std::nullopt},
};

} // namespace

TEST_SUITE("io::fields") {
  TEST_CASE("io::record_list: one mapping per record, the keyed fields in order, written by type") {
    const Node list = record_list(payment_fields, payments);
    CHECK(to_yaml({list}) == "---\n"
                             "- state: FRA\n"
                             "  paid: 1362200.20\n"
                             "  due: \"2025-01-31\"\n"
                             "  standing: late\n"
                             "  partial: true\n"
                             "  year: 2025\n"
                             "- state: DEU\n"
                             "  paid: 12.00\n"
                             "  due: null\n"
                             "  standing: on_time\n"
                             "  partial: false\n");
  }

  TEST_CASE("io::record_table: one column per labelled field, heads and codes from the catalogue") {
    const Table table = record_table("payments", "Payments", payment_fields, payments, words(),
                                     [](const Payment &p) { return p.state == "DEU"; });
    CHECK(table.name == "payments");
    CHECK(table.title == "Payments");
    REQUIRE(table.columns.size() == 6);
    CHECK(table.columns[0].header == "State");
    CHECK(table.columns[1].header == "Name");
    CHECK(table.columns[2].type == ColumnType::money);
    CHECK(table.columns[3].type == ColumnType::date);
    CHECK(table.columns[4].type == ColumnType::text); // a code reads as a word
    CHECK(table.columns[5].type == ColumnType::text); // a year is never grouped
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].cells == std::vector<std::string>{"FRA", "Name of FRA", "1362200.20",
                                                          "2025-01-31", "Late", "2025"});
    CHECK(table.rows[1].cells ==
          std::vector<std::string>{"DEU", "Name of DEU", "12.00", "", "On time", ""});
    CHECK_FALSE(table.rows[0].is_total);
    CHECK(table.rows[1].is_total);
  }

  TEST_CASE("io::Value::word: a word among numbers is written as text") {
    Node record = Node::mapping();
    add_value(record, "period", FieldType::count, false, Value::word("initial"));
    add_value(record, "next", FieldType::count, false, Value("2"));
    CHECK(record.at("period").style() == Node::Style::string);
    CHECK(record.at("next").style() == Node::Style::number);
  }

  TEST_CASE("io::cell_text: a code the catalogue lacks is an error, never the code by accident") {
    CHECK_THROWS_AS(cell_text(FieldType::code, "standing.", Value("overdue"), words()),
                    util::Error);
    CHECK(cell_text(FieldType::text, "", Value("overdue"), words()) == "overdue");
  }
}

TEST_SUITE("io::fields") {
  TEST_CASE(
      "io::add_total_row: the total word first, the totals under their fields, the rest empty") {
    Table table = record_table("payments", "Payments", payment_fields, payments, words());
    add_total_row(table, payment_fields, {{"paid", "1362212.20"}, {"year", "2025"}}, words());
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[2].is_total);
    CHECK(table.rows[2].cells ==
          std::vector<std::string>{"Total", "", "1362212.20", "", "", "2025"});
  }

  TEST_CASE("io::Field::document: a field that adds its own keys (a text in every language)") {
    const Fields<Payment> fields = {
        {.key = "state", .value = [](const Payment &p) { return p.state; }},
        {.key = "state_name",
         .document =
             [](Node &record, const Payment &p) {
               record.add("state_name_en", Node::string(p.state + " in English"));
               record.add("state_name_fr", Node::string(p.state + " en français"));
             }},
    };
    const Node list = record_list(fields, {payments.front()});
    CHECK(to_yaml({list}) ==
          "---\n- state: FRA\n  state_name_en: FRA in English\n  state_name_fr: FRA en français\n");
  }
}
