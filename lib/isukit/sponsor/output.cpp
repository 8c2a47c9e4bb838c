#include <isukit/sponsor/selection.hpp>

#include <fmt/format.h>

#include <map>

namespace isukit::sponsor {

using io::Column;
using io::ColumnType;
using io::Node;
using util::Lang;
using util::pick;

io::Output selection_output(const Selection& s, const model::StateTable& states, Lang lang, bool check_only) {
  const model::Programme& p = *s.programme;
  Node document = Node::mapping();
  document.add("kind", Node::string("selection"));
  document.add("programme", Node::string(p.id));
  document.add("programme_name_en", Node::string(p.name_en));
  document.add("programme_name_fr", Node::string(p.name_fr));
  document.add("treaty", Node::string(p.treaty));
  document.add("currency", Node::string(std::string(p.currency.code())));
  document.add("fund", Node::number(p.fund.plain()));
  if (!check_only) {
    document.add("spent", Node::number(s.spent.plain()));
    document.add("remaining", Node::number((p.fund - s.spent).plain()));
  }
  Node list = Node::sequence();
  io::Table table;
  table.name = "applications";
  table.title = fmt::format("{}: {} ({})", p.name(lang),
                            check_only ? pick(lang, "eligibility", "recevabilité") : pick(lang, "selection", "sélection"),
                            p.currency.code());
  table.columns = {Column{"Id", ColumnType::text},
                   Column{pick(lang, "Applicant", "Candidat"), ColumnType::text},
                   Column{pick(lang, "State", "État"), ColumnType::text},
                   Column{pick(lang, "Gender", "Genre"), ColumnType::text},
                   Column{pick(lang, "Meeting", "Réunion"), ColumnType::text},
                   Column{pick(lang, "Cost", "Coût"), ColumnType::money},
                   Column{pick(lang, "Rank", "Rang"), ColumnType::count},
                   Column{pick(lang, "Decision", "Décision"), ColumnType::text},
                   Column{pick(lang, "Reason", "Motif"), ColumnType::text}};
  for (const auto& c : s.candidates) {
    const auto& a = *c.application;
    const std::string decision =
        check_only ? (c.eligible ? "eligible" : "not_eligible") : std::string(decision_code(c.decision));
    Node record = Node::mapping();
    record.add("id", Node::string(a.id));
    record.add("name", Node::string(a.name));
    record.add("state", Node::string(a.state_code));
    if (a.state) {
      record.add("state_name_en", Node::string(states[*a.state].name_en));
      record.add("state_name_fr", Node::string(states[*a.state].name_fr));
      record.add("regional_group", Node::string(std::string(model::regional_group_code(c.group))));
      record.add("party_status", Node::string(std::string(model::party_status_code(c.status))));
      record.add("ldc", Node::boolean(c.ldc));
    }
    record.add("gender", Node::string(a.gender));
    record.add("function", Node::string(a.function));
    record.add("meeting", Node::string(a.meeting));
    if (const auto* meeting = p.find_meeting(a.meeting); meeting && c.cost) {
      record.add("days", Node::number(std::to_string(a.days)));
      record.add("ticket", Node::number(a.ticket->plain()));
      record.add("dsa", Node::number(meeting->dsa.plain()));
      record.add("cost", Node::number(c.cost->plain()));
    }
    if (c.rank) {
      record.add("rank", Node::number(std::to_string(c.rank)));
    }
    record.add("decision", Node::string(decision));
    record.add("reason_en", Node::string(c.reason.en));
    record.add("reason_fr", Node::string(c.reason.fr));
    list.push(std::move(record));
    table.rows.push_back(io::Row{{a.id, a.name, a.state_code, a.gender, a.meeting, c.cost ? c.cost->plain() : "",
                                  c.rank ? std::to_string(c.rank) : "", decision, c.reason.in(lang)},
                                 false});
  }
  document.add("applications", std::move(list));
  if (!check_only) {
    Node targets = Node::sequence();
    for (const auto& note : s.target_notes) {
      Node target = Node::mapping();
      target.add("en", Node::string(note.en));
      target.add("fr", Node::string(note.fr));
      targets.push(std::move(target));
      table.notes.push_back(note.in(lang));
    }
    document.add("targets", std::move(targets));
    table.rows.push_back(io::Row{{pick(lang, "Total", "Total"), "", "", "", "", s.spent.plain(), "",
                                  fmt::format("{} {}", pick(lang, "of", "sur"), p.fund.grouped(lang)), ""},
                                 true});
  }
  return io::Output{{std::move(document)}, {std::move(table)}};
}

io::Output programme_report(const Node& selection, Lang lang) {
  const util::Currency currency = selection.at("currency").as_currency();
  const util::Money fund = selection.at("fund").as_money(currency);
  struct Tally {
    int count = 0;
    util::Money cost;
  };
  std::map<std::string, std::map<std::string, Tally>> by; // dimension -> value -> tally
  util::Money total = util::Money::zero(currency);
  int sponsored = 0;
  for (const auto& record : selection.at("applications").as_sequence()) {
    if (record.at("decision").as_text() != "selected") {
      continue;
    }
    const util::Money cost = record.at("cost").as_money(currency);
    ++sponsored;
    total += cost;
    const std::pair<const char*, std::string> keys[] = {
        {"regional_group", record.at("regional_group").as_text()},
        {"gender", record.at("gender").as_text()},
        {"party_status", record.at("party_status").as_text()},
        {"meeting", record.at("meeting").as_text()},
    };
    for (const auto& [dimension, value] : keys) {
      Tally& t = by[dimension][value];
      if (t.count == 0) {
        t.cost = util::Money::zero(currency);
      }
      ++t.count;
      t.cost += cost;
    }
  }
  Node document = Node::mapping();
  document.add("kind", Node::string("sponsorship-report"));
  document.add("programme", Node::string(selection.at("programme").as_text()));
  document.add("currency", Node::string(std::string(currency.code())));
  document.add("fund", Node::number(fund.plain()));
  document.add("sponsored", Node::number(std::to_string(sponsored)));
  document.add("cost", Node::number(total.plain()));
  const std::string used = fund.is_zero() ? "" : util::format_decimal(total.value() * 100 / fund.value(), 1);
  document.add("fund_used_percent", Node::number(used));

  io::Output output;
  const std::pair<const char*, const char*> dimensions[] = {
      {"regional_group", pick(lang, "Regional group", "Groupe régional")},
      {"gender", pick(lang, "Gender", "Genre")},
      {"party_status", pick(lang, "Status", "Statut")},
      {"meeting", pick(lang, "Meeting", "Réunion")},
  };
  Node breakdown = Node::mapping();
  for (const auto& [dimension, header] : dimensions) {
    io::Table table;
    table.name = dimension;
    table.title = fmt::format("{} {}", pick(lang, "Sponsored delegates by", "Délégués parrainés par"), header);
    table.columns = {Column{header, ColumnType::text}, Column{pick(lang, "Delegates", "Délégués"), ColumnType::count},
                     Column{fmt::format("{} ({})", pick(lang, "Cost", "Coût"), currency.code()), ColumnType::money}};
    Node values = Node::sequence();
    for (const auto& [value, t] : by[dimension]) {
      Node entry = Node::mapping();
      entry.add("value", Node::string(value));
      entry.add("delegates", Node::number(std::to_string(t.count)));
      entry.add("cost", Node::number(t.cost.plain()));
      values.push(std::move(entry));
      table.rows.push_back(io::Row{{value, std::to_string(t.count), t.cost.plain()}, false});
    }
    table.rows.push_back(io::Row{{pick(lang, "Total", "Total"), std::to_string(sponsored), total.plain()}, true});
    breakdown.add(dimension, std::move(values));
    output.tables.push_back(std::move(table));
  }
  output.tables.back().notes.push_back(fmt::format("{} {} {} {} {} ({}%).", pick(lang, "Cost:", "Coût :"),
                                                   total.grouped(lang), pick(lang, "of a fund of", "sur un fonds de"),
                                                   fund.grouped(lang), currency.code(), used));
  document.add("by", std::move(breakdown));
  output.documents.push_back(std::move(document));
  return output;
}

std::vector<io::Letter> sponsorship_letters(const Node& selection, const model::Treaty& treaty,
                                            const io::LetterTemplate& letter, Lang lang) {
  const util::Currency currency = selection.at("currency").as_currency();
  std::vector<io::Letter> letters;
  for (const auto& record : selection.at("applications").as_sequence()) {
    const std::string& decision = record.at("decision").as_text();
    if (decision == "not_eligible" && !record.find("state_name_en")) {
      continue; // an incomplete application has no one to write to by name and state
    }
    Node context = Node::mapping();
    context.add("id", Node::string(record.at("id").as_text()));
    context.add("name", Node::string(record.at("name").as_text()));
    context.add("state", Node::string(record.text_or(lang == Lang::fr ? "state_name_fr" : "state_name_en")));
    context.add("meeting", Node::string(record.at("meeting").as_text()));
    context.add("programme", Node::string(selection.text_or(lang == Lang::fr ? "programme_name_fr" : "programme_name_en")));
    if (record.find("cost")) {
      context.add("ticket", Node::string(record.at("ticket").as_money(currency).grouped(lang)));
      context.add("dsa", Node::string(record.at("dsa").as_money(currency).grouped(lang)));
      context.add("days", Node::string(record.at("days").as_text()));
      context.add("cost", Node::string(record.at("cost").as_money(currency).grouped(lang)));
    }
    context.add("currency", Node::string(std::string(currency.code())));
    context.add("reason", Node::string(record.at(lang == Lang::fr ? "reason_fr" : "reason_en").as_text()));
    context.add("selected", Node::boolean(decision == "selected"));
    context.add("waiting", Node::boolean(decision == "waiting_list"));
    context.add("regret", Node::boolean(decision == "not_selected" || decision == "not_eligible"));
    model::add_letter_fields(context, treaty, lang);
    letters.push_back(io::Letter{fmt::format("{}{}", record.at("id").as_text(), letter.output_extension()),
                                 letter.render(context)});
  }
  return letters;
}

} // namespace isukit::sponsor
