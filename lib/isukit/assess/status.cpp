#include <isukit/assess/status.hpp>
#include <isukit/io/fields.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace isukit::assess {

using io::Column;
using io::ColumnType;
using io::Node;
using util::Lang;

namespace {

std::string money_text(std::int64_t minor, const util::Currency &currency) {
  return util::Money(minor, currency).plain();
}

/// A collection rate with one decimal, halves rounded up (91.377% -> 91.4), except that a rate
/// below 100% is never shown as 100.0 (99.98% -> 99.9): a year still owed is not fully collected.
std::string percent_text(std::int64_t part, std::int64_t whole) {
  if (whole == 0) {
    return "";
  }
  const std::string text = util::format_decimal(util::Rational(part) * 100 / whole, 1);
  return part < whole && text == "100.0" ? "99.9" : text;
}

/// The `aging` mapping of the documents: the outstanding amounts by age.
Node aging_node(const Aging &aging, const util::Currency &currency) {
  static constexpr std::array<const char *, 4> keys{"current_year", "one_year", "two_years",
                                                    "three_years_or_more"};
  Node node = Node::mapping();
  for (std::size_t i = 0; i < aging.size(); ++i) {
    node.add(keys[i], Node::number(money_text(aging[i], currency)));
  }
  return node;
}

/// The note saying which years each aging column holds.
std::string aging_note(int current_year, const Lang &lang) {
  return lang.text("note.aging", {{"year", std::to_string(current_year)},
                                  {"year_1", std::to_string(current_year - 1)},
                                  {"year_2", std::to_string(current_year - 2)},
                                  {"year_3", std::to_string(current_year - 3)}});
}

} // namespace

io::Fields<YearBalance> year_fields(const util::Currency &cur) {
  using Y = YearBalance;
  io::Fields<Y> fields = {
      {.key = "year",
       .type = io::FieldType::year,
       .value = [](const Y &y) { return std::to_string(y.year); },
       .context = "year"},
      {.key = "assessed",
       .type = io::FieldType::money,
       .value = [cur](const Y &y) { return money_text(y.assessed, cur); }},
      {.key = "received",
       .type = io::FieldType::money,
       .value = [cur](const Y &y) { return money_text(y.received, cur); }},
      {.key = "outstanding",
       .type = io::FieldType::money,
       .value = [cur](const Y &y) { return money_text(y.outstanding, cur); },
       .context = "amount"},
  };
  return fields;
}

namespace {

/// What one crediting has still to credit or take back, in minor units.
struct Crediting {
  std::int64_t pool = 0;                // to credit to the oldest outstanding assessment first
  std::int64_t advances = 0;            // held for years not yet due
  std::int64_t refunds = 0;             // to take back from money credited, naming no year
  std::vector<std::int64_t> taken_back; // per year of the balance: refunds naming it beyond
                                        // the payments naming it
};

/// Takes up to `amount` back from `held`; returns what it could not take.
std::int64_t take_back(std::int64_t &held, std::int64_t amount) {
  const std::int64_t taken = std::min(amount, held);
  held -= taken;
  return amount - taken;
}

/// Takes up to `amount` back from what `year` received; returns what it could not take.
std::int64_t take_back(YearBalance &year, std::int64_t amount) {
  const std::int64_t left = take_back(year.received, amount);
  year.outstanding += amount - left;
  return left;
}

/// Credits the net of the payments naming each year: to a year due, up to its assessment (a
/// net below zero is a refund to take back from the year's other receipts); to a year not yet
/// due, as an advance; to a past year never assessed, like money naming no year.
void credit_named(const model::Ledger &ledger, model::StateId state, const PaidSums &paid,
                  int current_year, StateBalance &balance, Crediting &c) {
  std::vector<bool> due(paid.named.size(), false);
  for (int year : ledger.years()) {
    due[static_cast<std::size_t>(year - model::Ledger::first_year)] = year <= current_year;
  }
  for (int year = model::Ledger::first_year; year <= model::Ledger::last_year; ++year) {
    const auto index = static_cast<std::size_t>(year - model::Ledger::first_year);
    const std::int64_t named = paid.named[index];
    if (due[index]) {
      YearBalance y{year, ledger.assessed(state, year), 0, ledger.assessed(state, year)};
      y.received = std::clamp(named, std::int64_t{0}, y.outstanding);
      y.outstanding -= y.received;
      c.pool += std::max(named - y.received, std::int64_t{0}); // what exceeds the year named
      c.taken_back.push_back(std::max(-named, std::int64_t{0}));
      balance.years.push_back(y);
    } else if (named < 0) {
      c.refunds -= named; // takes back more than named a year without an assessment due
    } else if (year >= current_year) {
      c.advances += named; // for a year not yet assessed or due: held for it, never for arrears
    } else {
      c.pool += named; // names a past year never assessed
    }
  }
}

} // namespace

StateBalance credit_state(const model::Ledger &ledger, model::StateId state, const PaidSums &paid,
                          int current_year) {
  StateBalance balance;
  balance.state = state;
  Crediting c{paid.unnamed, 0, paid.unnamed_refunds, {}};
  credit_named(ledger, state, paid, current_year, balance, c);
  for (auto &y : balance.years) {
    const std::int64_t credited = std::min(c.pool, y.outstanding);
    y.received += credited;
    y.outstanding -= credited;
    c.pool -= credited;
  }
  for (std::size_t i = 0; i < balance.years.size(); ++i) {
    c.refunds += take_back(balance.years[i], c.taken_back[i]);
  }
  // Last credited, first taken back: the money not applied, then the latest years' receipts.
  // An advance goes last: the state named its year, and the sums do not say whether it was
  // paid before the refund (a refund could otherwise take an advance paid after it).
  c.refunds = take_back(c.pool, c.refunds);
  for (auto y = balance.years.rbegin(); y != balance.years.rend(); ++y) {
    c.refunds = take_back(*y, c.refunds);
  }
  c.refunds = take_back(c.advances, c.refunds);
  balance.credit = c.pool + c.advances - c.refunds; // refunds beyond every payment: none when
                                                    // read by Ledger::read, which checks it
  return balance;
}

std::size_t aging_bucket(int year, int current_year) {
  return static_cast<std::size_t>(std::clamp(current_year - year, 0, 3));
}

namespace {

/// The treaty the assessments documents name (empty: none names one); two treaties are bad data.
std::string treaty_of(const model::Ledger &ledger) {
  std::string treaty;
  for (const auto &document : ledger.assessment_documents()) {
    if (!document.treaty.empty() && !treaty.empty() && document.treaty != treaty) {
      util::fail_data(document.mark.position(),
                      fmt::format("assessments of '{}' and of '{}' cannot be combined", treaty,
                                  document.treaty));
    }
    if (!document.treaty.empty()) {
      treaty = document.treaty;
    }
  }
  return treaty;
}

/// The states the ledger involves, in ISO code order.
std::vector<model::StateId> involved_states(const model::Ledger &ledger,
                                            const model::StateTable &states) {
  std::vector<model::StateId> order;
  for (std::size_t id = 0; id < states.size(); ++id) {
    if (ledger.involves(static_cast<model::StateId>(id))) {
      order.push_back(static_cast<model::StateId>(id));
    }
  }
  std::sort(order.begin(), order.end(),
            [&](auto a, auto b) { return states[a].code < states[b].code; });
  return order;
}

/// One state's balance as of the status's date, its aging, Article 19 test and the status's sums.
StateBalance balance_of(const model::Ledger &ledger, model::StateId state,
                        ContributionsStatus &status) {
  PaidSums paid;
  paid.unnamed = ledger.paid_unnamed(state) + ledger.refunded_unnamed(state);
  paid.unnamed_refunds = ledger.refunded_unnamed(state);
  for (int year = model::Ledger::first_year; year <= model::Ledger::last_year; ++year) {
    paid.named[static_cast<std::size_t>(year - model::Ledger::first_year)] =
        ledger.paid_for_year(state, year);
  }
  StateBalance balance = credit_state(ledger, state, paid, status.current_year);
  for (const auto &y : balance.years) {
    balance.aging[aging_bucket(y.year, status.current_year)] += y.outstanding;
    status.aging[aging_bucket(y.year, status.current_year)] += y.outstanding;
    if (y.year == status.current_year) {
      balance.current_outstanding += y.outstanding;
      status.assessed += y.assessed;
      status.received += y.received;
    } else {
      balance.closed_outstanding += y.outstanding;
    }
  }
  // UN Charter Art. 19: arrears equal to or above the contributions of the two preceding full
  // years; tested only when the ledger covers both (a state assessed nothing in a year covered
  // was not a paying party then: its 0 is a contribution of 0).
  const std::int64_t two_years = ledger.assessed(state, status.current_year - 1) +
                                 ledger.assessed(state, status.current_year - 2);
  balance.article_19 = status.article_19_years_missing.empty() && balance.closed_outstanding > 0 &&
                       balance.closed_outstanding >= two_years;
  return balance;
}

} // namespace

ContributionsStatus compute_status(const model::Ledger &ledger, const model::StateTable &states,
                                   const util::Date &as_of) {
  ContributionsStatus status;
  status.as_of = as_of;
  status.current_year = as_of.year();
  status.currency = ledger.currency();
  status.treaty = treaty_of(ledger);
  const std::vector<int> covered = ledger.years();
  for (int year : {status.current_year - 2, status.current_year - 1}) {
    if (!std::binary_search(covered.begin(), covered.end(), year)) {
      status.article_19_years_missing.push_back(year);
    }
  }
  for (const auto state : involved_states(ledger, states)) {
    StateBalance balance = balance_of(ledger, state, status);
    status.outstanding += balance.current_outstanding;
    status.closed_outstanding += balance.closed_outstanding;
    status.credits += balance.credit;
    status.states.push_back(std::move(balance));
  }
  return status;
}

namespace {

/// The catalogue ids of the aging columns, in the order of Aging.
constexpr std::array<const char *, 4> aging_labels{"aging.current_year", "aging.one_year",
                                                   "aging.two_years", "aging.three_years"};

/// The aging columns of an officer's table, for people only (the document has `aging`): each
/// record's `aging`.
template <typename Record>
void add_aging_fields(io::Fields<Record> &fields, const util::Currency &cur) {
  for (std::size_t i = 0; i < aging_labels.size(); ++i) {
    fields.push_back({.label = aging_labels[i],
                      .type = io::FieldType::money,
                      .value = [i, cur](const Record &r) { return money_text(r.aging[i], cur); }});
  }
}

/// The credit a state holds and its Article 19 flag, the last fields of the status's and the
/// arrears' states: in the document only when set, in the table always (a credit of 0.00).
/// `balance` gives a record's StateBalance.
template <typename Record>
void add_balance_fields(io::Fields<Record> &fields, const util::Currency &cur,
                        const StateBalance &(*balance)(const Record &)) {
  io::Fields<Record> more = {
      {.key = "credit",
       .label = "label.credit",
       .type = io::FieldType::money,
       .omit_absent = true,
       .value =
           [cur, balance](const Record &r) {
             return balance(r).credit ? io::Value(money_text(balance(r).credit, cur)) : io::Value();
           },
       .shown = [cur, balance](const Record &r,
                               const Lang &) { return money_text(balance(r).credit, cur); }},
      {.key = "article_19",
       .label = "label.article_19",
       .type = io::FieldType::flag,
       .omit_absent = true,
       .value =
           [balance](const Record &r) {
             return balance(r).article_19 ? io::flag(true) : io::Value();
           },
       .shown =
           [balance](const Record &r, const Lang &lang) {
             return balance(r).article_19 ? lang.text("word.yes") : "";
           }},
  };
  fields.insert(fields.end(), more.begin(), more.end());
}

/// The years of a state's account the document lists: those with anything assessed or received.
Node years_node(const StateBalance &b, const util::Currency &cur) {
  std::vector<YearBalance> years;
  std::copy_if(b.years.begin(), b.years.end(), std::back_inserter(years),
               [](const YearBalance &y) { return y.assessed != 0 || y.received != 0; });
  return io::record_list(year_fields(cur), years);
}

const StateBalance &itself(const StateBalance &b) {
  return b;
}

/// Each state of the status. The document gives every year and the amount outstanding; the
/// table, for people, the name, the aging and the closed years.
io::Fields<StateBalance> state_fields(const model::StateTable &states, const util::Currency &cur) {
  using B = StateBalance;
  io::Fields<B> fields = {
      {.key = "state",
       .label = "label.state",
       .value = [&states](const B &b) { return states[b.state].code; }},
      {.label = "label.name",
       .shown = [&states](const B &b, const Lang &lang) { return states[b.state].name(lang); }},
      {.key = "years",
       .document = [cur](Node &record, const B &b) { record.add("years", years_node(b, cur)); }},
      {.key = "outstanding",
       .type = io::FieldType::money,
       .value =
           [cur](const B &b) {
             return money_text(b.current_outstanding + b.closed_outstanding, cur);
           }},
      {.key = "aging",
       .document = [cur](Node &record,
                         const B &b) { record.add("aging", aging_node(b.aging, cur)); }},
  };
  add_aging_fields(fields, cur);
  fields.push_back({.label = "label.closed_years",
                    .type = io::FieldType::money,
                    .value = [cur](const B &b) { return money_text(b.closed_outstanding, cur); }});
  add_balance_fields<B>(fields, cur, itself);
  return fields;
}

/// The `contributions-status` document: every figure, plain and exact.
Node status_document(const ContributionsStatus &s, const model::StateTable &states,
                     const io::Fields<StateBalance> &fields) {
  const auto &cur = s.currency;
  const std::string rate = percent_text(s.received, s.assessed);
  Node document = Node::mapping();
  document.add("kind", Node::string("contributions-status"));
  if (!s.treaty.empty()) {
    document.add("treaty", Node::string(s.treaty));
  }
  document.add("as_of", Node::string(s.as_of.iso()));
  document.add("currency", Node::string(std::string(cur.code())));
  Node &current = document.add("current_year", Node::mapping());
  current.add("year", Node::number(std::to_string(s.current_year)));
  current.add("assessed", Node::number(money_text(s.assessed, cur)));
  current.add("received", Node::number(money_text(s.received, cur)));
  current.add("outstanding", Node::number(money_text(s.outstanding, cur)));
  current.add("collection_rate", rate.empty() ? Node::null() : Node::number(rate));
  Node &closed = document.add("closed_years", Node::mapping());
  closed.add("through", Node::number(std::to_string(s.current_year - 1)));
  closed.add("outstanding", Node::number(money_text(s.closed_outstanding, cur)));
  document.add("credits", Node::number(money_text(s.credits, cur)));
  document.add("aging", aging_node(s.aging, cur));
  Node &flagged = document.add("article_19", Node::sequence());
  for (const auto &b : s.states) {
    if (b.article_19) {
      flagged.push(Node::string(states[b.state].code));
    }
  }
  document.add("states", io::record_list(fields, s.states));
  return document;
}

/// A line of the status's summary, read down a column: what it is, an amount or a rate.
struct SummaryLine {
  std::string item;
  io::Value amount;
  io::Value rate;
};

// The collection rate is a rate, not an amount: its own typed column (a spreadsheet cell
// formatted as a percentage figure, not as money).
const io::Fields<SummaryLine> summary_fields = {
    {.label = "label.item", .value = [](const SummaryLine &l) { return l.item; }},
    {.label = "label.amount",
     .type = io::FieldType::money,
     .value = [](const SummaryLine &l) { return l.amount; }},
    {.label = "label.rate_percent",
     .type = io::FieldType::rate,
     .value = [](const SummaryLine &l) { return l.rate; }},
};

/// The year's figures: assessed, received, outstanding, the collection rate, closed accounts,
/// credits.
io::Table summary_table(const ContributionsStatus &s, const Lang &lang) {
  const auto &cur = s.currency;
  const std::string year = std::to_string(s.current_year);
  const std::vector<SummaryLine> lines = {
      {lang.text("status.assessed", {{"year", year}}), money_text(s.assessed, cur), {}},
      {lang.text("status.received", {{"year", year}}), money_text(s.received, cur), {}},
      {lang.text("status.outstanding", {{"year", year}}), money_text(s.outstanding, cur), {}},
      {lang.text("status.collection_rate", {{"year", year}}),
       {},
       percent_text(s.received, s.assessed)},
      {lang.text("status.closed_outstanding", {{"year", std::to_string(s.current_year - 1)}}),
       money_text(s.closed_outstanding, cur),
       {}},
      {lang.text("status.credits"), money_text(s.credits, cur), {}},
  };
  const auto title =
      lang.text("title.contributions_status",
                {{"date", util::long_date(s.as_of, lang)}, {"currency", std::string(cur.code())}});
  return io::record_table("summary", title, summary_fields, lines, lang);
}

/// The page an officer reads: the year's figures, then the states with a balance.
std::vector<io::Table> status_tables(const ContributionsStatus &s,
                                     const io::Fields<StateBalance> &fields, const Lang &lang) {
  const auto &cur = s.currency;
  std::vector<StateBalance> with_balance;
  std::copy_if(s.states.begin(), s.states.end(), std::back_inserter(with_balance),
               [](const StateBalance &b) {
                 return b.current_outstanding || b.closed_outstanding || b.credit;
               });
  io::Table detail = io::record_table("states", lang.text("title.states_with_balances"), fields,
                                      with_balance, lang);
  std::map<std::string, std::string> totals = {
      {"label.closed_years", money_text(s.closed_outstanding, cur)},
      {"credit", money_text(s.credits, cur)}};
  for (std::size_t i = 0; i < aging_labels.size(); ++i) {
    totals[aging_labels[i]] = money_text(s.aging[i], cur);
  }
  io::add_total_row(detail, fields, totals, lang);
  detail.notes.push_back(aging_note(s.current_year, lang));
  detail.notes.push_back(lang.text("note.article_19"));
  return {summary_table(s, lang), std::move(detail)};
}

/// A year's collection rate, for the chart.
struct YearRate {
  int year = 0;
  std::string rate;
};

const io::Fields<YearRate> year_rate_fields = {
    {.label = "label.year", .value = [](const YearRate &y) { return std::to_string(y.year); }},
    {.label = "label.collection_rate_percent",
     .type = io::FieldType::rate,
     .value = [](const YearRate &y) { return y.rate; }},
};

/// Each year's collection rate as of the date: what the states have paid of that year's
/// assessments, all years of the ledger up to the current one.
io::Table collection_chart(const ContributionsStatus &s, const Lang &lang) {
  std::map<int, std::pair<std::int64_t, std::int64_t>> years; // assessed, received
  for (const auto &b : s.states) {
    for (const auto &y : b.years) {
      years[y.year].first += y.assessed;
      years[y.year].second += y.received;
    }
  }
  std::vector<YearRate> rates;
  for (const auto &[year, sums] : years) {
    if (sums.first != 0) {
      rates.push_back(YearRate{year, percent_text(sums.second, sums.first)});
    }
  }
  return io::record_table(
      "collection_rate",
      lang.text("chart.collection_rate", {{"date", util::long_date(s.as_of, lang)}}),
      year_rate_fields, rates, lang);
}

/// The ten states that owe most, largest first (ties in code order): the current year and the
/// closed years apart.
io::Table debtors_chart(const ContributionsStatus &s, const model::StateTable &states,
                        const Lang &lang) {
  constexpr std::size_t shown = 10;
  std::vector<StateBalance> owing;
  std::copy_if(
      s.states.begin(), s.states.end(), std::back_inserter(owing),
      [](const StateBalance &b) { return b.current_outstanding + b.closed_outstanding > 0; });
  std::stable_sort(owing.begin(), owing.end(), [](const StateBalance &a, const StateBalance &b) {
    return a.current_outstanding + a.closed_outstanding >
           b.current_outstanding + b.closed_outstanding;
  });
  owing.resize(std::min(owing.size(), shown));
  using B = StateBalance;
  const auto &cur = s.currency;
  io::Fields<B> fields = {
      {.label = "label.state",
       .shown = [&states](const B &b, const Lang &l) { return states[b.state].name(l); }},
      {.label = "aging.current_year",
       .type = io::FieldType::money,
       .value = [cur](const B &b) { return money_text(b.current_outstanding, cur); }},
      {.label = "label.closed_years",
       .type = io::FieldType::money,
       .value = [cur](const B &b) { return money_text(b.closed_outstanding, cur); }},
  };
  return io::record_table(
      "largest_debtors",
      lang.text("chart.largest_debtors", {{"currency", std::string(cur.code())}}), fields, owing,
      lang);
}

/// Everything outstanding by age: the current year, one, two, three years and older.
io::Table aging_chart(const ContributionsStatus &s, const Lang &lang) {
  io::Fields<std::size_t> fields = {
      {.label = "label.age",
       .shown = [](const std::size_t &i, const Lang &l) { return l.text(aging_labels[i]); }},
      {.label = "label.outstanding",
       .type = io::FieldType::money,
       .value = [&s](const std::size_t &i) { return money_text(s.aging[i], s.currency); }},
  };
  io::Table chart = io::record_table(
      "aging", lang.text("chart.aging", {{"currency", std::string(s.currency.code())}}), fields,
      std::vector<std::size_t>{0, 1, 2, 3}, lang);
  chart.notes.push_back(aging_note(s.current_year, lang));
  return chart;
}

} // namespace

io::Output status_output(const ContributionsStatus &s, const model::StateTable &states,
                         const Lang &lang) {
  auto fields = state_fields(states, s.currency);
  io::Output output(status_document(s, states, fields), std::vector<io::Table>{}, "states");
  output.later_tables = [&s, &states, fields = std::move(fields), lang](io::Output &out) {
    out.tables = status_tables(s, fields, lang);
    out.charts = {collection_chart(s, lang), debtors_chart(s, states, lang), aging_chart(s, lang)};
  };
  return output;
}

std::vector<StateArrears> select_arrears(const ContributionsStatus &s,
                                         const ArrearsOptions &options) {
  std::vector<StateArrears> selected;
  for (const auto &b : s.states) {
    StateArrears arrears{&b, {}, 0, {}};
    for (const auto &y : b.years) {
      if (y.outstanding > 0 && (!options.closed_only || y.year < s.current_year)) {
        arrears.years.push_back(&y);
        arrears.amount += y.outstanding;
        arrears.aging[aging_bucket(y.year, s.current_year)] += y.outstanding;
      }
    }
    if (!arrears.years.empty() && static_cast<int>(arrears.years.size()) >= options.min_years &&
        arrears.amount >= options.min_amount) {
      selected.push_back(std::move(arrears));
    }
  }
  return selected;
}

namespace {

Node arrears_document(const ContributionsStatus &s, const ArrearsOptions &options) {
  Node document = Node::mapping();
  document.add("kind", Node::string("arrears"));
  if (!s.treaty.empty()) {
    document.add("treaty", Node::string(s.treaty));
  }
  document.add("as_of", Node::string(s.as_of.iso()));
  document.add("currency", Node::string(std::string(s.currency.code())));
  document.add("closed_only", Node::boolean(options.closed_only));
  document.add("min_years", Node::number(std::to_string(options.min_years)));
  if (options.min_amount != 0) {
    document.add("min_amount", Node::number(money_text(options.min_amount, s.currency)));
  }
  return document;
}

/// The years a state is in arrears for: in the document each with its amount outstanding.
Node arrears_years(const StateArrears &a, const util::Currency &cur) {
  Node years = Node::sequence();
  for (const auto *y : a.years) {
    Node &entry = years.push(Node::mapping());
    entry.add("year", Node::number(std::to_string(y->year)));
    entry.add("outstanding", Node::number(money_text(y->outstanding, cur)));
  }
  return years;
}

/// `2023, 2024`: the years as people read them in a cell.
std::string year_list(const StateArrears &a) {
  std::string list;
  for (const auto *y : a.years) {
    list += (list.empty() ? "" : ", ") + std::to_string(y->year);
  }
  return list;
}

const StateBalance &arrears_balance(const StateArrears &a) {
  return *a.balance;
}

/// Each state in arrears. The document gives the amount outstanding before the years, the table
/// after the aging columns it adds up: two fields.
io::Fields<StateArrears> arrears_fields(const model::StateTable &states,
                                        const util::Currency &cur) {
  using A = StateArrears;
  auto outstanding = [cur](const A &a) { return money_text(a.amount, cur); };
  io::Fields<A> fields = {
      {.key = "state",
       .label = "label.state",
       .value = [&states](const A &a) { return states[a.balance->state].code; }},
      {.label = "label.name",
       .shown = [&states](const A &a,
                          const Lang &lang) { return states[a.balance->state].name(lang); }},
      {.key = "outstanding", .type = io::FieldType::money, .value = outstanding},
      {.key = "years",
       .label = "label.years",
       .shown = [](const A &a, const Lang &) { return year_list(a); },
       .document = [cur](Node &record, const A &a) { record.add("years", arrears_years(a, cur)); }},
      {.key = "aging",
       .document = [cur](Node &record,
                         const A &a) { record.add("aging", aging_node(a.aging, cur)); }},
  };
  add_aging_fields(fields, cur);
  fields.push_back(
      {.label = "label.outstanding", .type = io::FieldType::money, .value = outstanding});
  add_balance_fields<A>(fields, cur, arrears_balance);
  return fields;
}

} // namespace

ArrearsResult arrears_output(const ContributionsStatus &s, const model::StateTable &states,
                             const ArrearsOptions &options, const Lang &lang) {
  const auto &cur = s.currency;
  const auto selected = select_arrears(s, options);
  std::int64_t total = 0;
  std::int64_t credits = 0;
  Aging total_aging{};
  for (const auto &a : selected) {
    total += a.amount;
    credits += a.balance->credit;
    for (std::size_t i = 0; i < total_aging.size(); ++i) {
      total_aging[i] += a.aging[i];
    }
  }
  const auto fields = arrears_fields(states, cur);
  Node document = arrears_document(s, options);
  document.add("states", io::record_list(fields, selected));
  document.add("total", Node::number(money_text(total, cur)));
  document.add("aging", aging_node(total_aging, cur));
  document.add("credits", Node::number(money_text(credits, cur)));
  const auto title = lang.text("title.arrears", {{"date", util::long_date(s.as_of, lang)},
                                                 {"currency", std::string(cur.code())}});
  io::Table table = io::record_table("states", title, fields, selected, lang);
  std::map<std::string, std::string> totals = {
      {"label.name", lang.plural("count.states", static_cast<std::int64_t>(selected.size()))},
      {"label.outstanding", money_text(total, cur)},
      {"credit", money_text(credits, cur)}};
  for (std::size_t i = 0; i < aging_labels.size(); ++i) {
    totals[aging_labels[i]] = money_text(total_aging[i], cur);
  }
  io::add_total_row(table, fields, totals, lang);
  table.notes.push_back(aging_note(s.current_year, lang));
  table.notes.push_back(lang.text("note.credit"));
  return ArrearsResult{io::Output(std::move(document), std::move(table)), selected.size()};
}

namespace {

/// A line of the fund's account: a movement and the balance after it, or (`movement` null) the
/// closing balance, a total for people only.
struct FundLine {
  const model::FundMovement *movement = nullptr;
  util::Money balance;
};

// The document gives each movement's date, amount and description; the table, the description
// before the amount and the running balance: the description is two fields.
const io::Fields<FundLine> fund_fields = {
    {.key = "date",
     .label = "label.date",
     .type = io::FieldType::date,
     .value =
         [](const FundLine &l) {
           return l.movement ? io::Value(l.movement->date.iso()) : io::Value();
         }},
    {.label = "label.movement",
     .shown =
         [](const FundLine &l, const Lang &lang) {
           return l.movement ? l.movement->description : lang.text("label.balance");
         }},
    {.key = "amount",
     .label = "label.amount",
     .type = io::FieldType::money,
     .value =
         [](const FundLine &l) {
           return l.movement ? io::Value(l.movement->amount.plain()) : io::Value();
         }},
    {.label = "label.balance",
     .type = io::FieldType::money,
     .value = [](const FundLine &l) { return l.balance.plain(); }},
    {.key = "description", .value = [](const FundLine &l) { return l.movement->description; }},
};

// The chart of the balance: dates label its bands, as text.
const io::Fields<FundLine> fund_chart_fields = {
    {.label = "label.date", .value = [](const FundLine &l) { return l.movement->date.iso(); }},
    {.label = "label.balance",
     .type = io::FieldType::money,
     .value = [](const FundLine &l) { return l.balance.plain(); }},
};

/// The fund's movements up to `as_of`, each with the balance after it; the closing balance last.
std::vector<FundLine> fund_lines(const model::Ledger &ledger, const util::Currency &currency,
                                 const util::Date &as_of) {
  std::vector<FundLine> lines;
  util::Money balance = util::Money::zero(currency);
  for (const auto &movement : ledger.fund_movements()) {
    if (movement.date > as_of) {
      continue;
    }
    if (!(movement.amount.currency() == currency)) {
      util::fail_data(movement.mark.position(),
                      fmt::format("fund movement in {}, the fund is in {}",
                                  movement.amount.currency().code(), currency.code()));
    }
    balance += movement.amount;
    lines.push_back(FundLine{&movement, balance});
  }
  lines.push_back(FundLine{nullptr, balance});
  return lines;
}

/// How many months of `monthly_cost` the balance covers, in the document and as the table's note.
void add_months_covered(Node &document, io::Table &table, const util::Money &balance,
                        const util::Money &monthly_cost, const Lang &lang) {
  if (!(monthly_cost.currency() == balance.currency())) {
    throw util::Error(util::ExitCode::data,
                      fmt::format("the monthly cost is in {}, the fund in {}",
                                  monthly_cost.currency().code(), balance.currency().code()));
  }
  const std::string months =
      util::format_decimal(balance.value() / monthly_cost.value(), 1, util::Rounding::floor);
  document.add("monthly_cost", Node::number(monthly_cost.plain()));
  document.add("months_covered", Node::number(months));
  table.notes.push_back(
      lang.text("note.fund.months_covered", {{"cost", monthly_cost.grouped(lang)},
                                             {"currency", std::string(balance.currency().code())},
                                             {"months", util::group_digits(months, lang)}}));
}

} // namespace

io::Output fund_output(const model::Ledger &ledger, const util::Date &as_of,
                       const std::optional<util::Money> &monthly_cost, const Lang &lang) {
  if (!ledger.fund_currency()) {
    throw util::Error(util::ExitCode::software, "fund_output: the ledger holds no 'fund' document");
  }
  const util::Currency currency = *ledger.fund_currency();
  const std::string code(currency.code());
  auto lines = fund_lines(ledger, currency, as_of);
  const util::Money balance = lines.back().balance;
  io::Table table = io::record_table(
      "movements",
      lang.text("title.fund", {{"date", util::long_date(as_of, lang)}, {"currency", code}}),
      fund_fields, lines, lang, [](const FundLine &l) { return !l.movement; });
  lines.pop_back(); // the closing balance: a total for people, the document's `balance`
  io::Table chart =
      io::record_table("fund_balance", lang.text("chart.fund_balance", {{"currency", code}}),
                       fund_chart_fields, lines, lang);
  Node document = Node::mapping();
  document.add("kind", Node::string("fund-status"));
  document.add("as_of", Node::string(as_of.iso()));
  document.add("currency", Node::string(code));
  document.add("movements", io::record_list(fund_fields, lines));
  document.add("balance", Node::number(balance.plain()));
  if (monthly_cost) {
    add_months_covered(document, table, balance, *monthly_cost, lang);
  }
  return io::Output{std::move(document), std::move(table), {}, {std::move(chart)}};
}

} // namespace isukit::assess
