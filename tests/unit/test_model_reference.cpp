// The shipped reference data, checked against the figures its sources give.
#include <isukit/io/node_cache.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <optional>

#include "fixtures.hpp"

using namespace isukit;
using namespace isukit::model;
using util::Date;

namespace {

using fixtures::reference;
using fixtures::treaty;
StateId id(const char *code) {
  return fixtures::state(code);
}

std::string eif(const char *treaty_id, const char *code) {
  return treaty(treaty_id).entry_into_force(id(code), "convention")->iso();
}

} // namespace

TEST_SUITE("model::reference") {
  TEST_CASE("model::StateTable") {
    const auto &states = reference().states;
    CHECK(states.size() == 197);
    std::map<RegionalGroup, int> groups;
    int members = 0;
    int ldcs = 0;
    for (const auto &state : states.states()) {
      groups[state.group]++;
      members += state.un_member;
      ldcs += state.ldc;
    }
    CHECK(members == 193);
    CHECK(ldcs == 44);
    CHECK(groups[RegionalGroup::african] == 54);
    CHECK(groups[RegionalGroup::asia_pacific] == 54);
    CHECK(groups[RegionalGroup::eastern_european] == 23);
    CHECK(groups[RegionalGroup::latin_american_caribbean] == 33);
    CHECK(groups[RegionalGroup::western_european_others] == 29);
    CHECK(groups[RegionalGroup::none] == 4);
    CHECK(states[id("CIV")].name(fixtures::lang("fr")) == "Côte d'Ivoire");
    CHECK_FALSE(states.find("XXX"));
  }

  TEST_CASE("model::StateTable::unknown_code suggests the nearest codes and names") {
    const auto &states = reference().states;
    const auto says = [&](const char *code, const char *part) {
      const std::string message = states.unknown_code(code);
      INFO(message);
      return message.find(part) != std::string::npos;
    };
    CHECK(says("fra", "did you mean 'FRA'? codes are upper case"));
    CHECK(says("FRN", "did you mean 'FIN' (Finland), 'FRA' (France), 'BRN' (Brunei Darussalam) or "
                      "'IRN'"));
    CHECK(says("KE", "did you mean 'KEN' (Kenya)?"));
    CHECK(says("KENYA", "did you mean 'KEN' (Kenya)?"));
    CHECK(says("Frnace", "'FRA' (France)"));
    CHECK(says("Francia", "'FRA' (France)")); // its Spanish name
    CHECK(says("XXX", "(expected an ISO 3166-1 alpha-3 code in states.yaml)"));
    CHECK(says("", "(expected an ISO 3166-1 alpha-3 code in states.yaml)"));
  }

  TEST_CASE("model::State: names read when asked equal the names read whole, for every shipped "
            "state and language") {
    // Read apart from the table, as the table read them before it read them lazily.
    const io::Node document = read_single_document(
        std::filesystem::path(ISUKIT_SOURCE_DATADIR) / "states.yaml", "states");
    const auto &records = document.at("states").as_sequence();
    const auto &states = reference().states;
    REQUIRE(records.size() == states.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
      const State &state = states[static_cast<StateId>(i)];
      CAPTURE(state.code);
      const util::LocalText names = read_local_text(records[i], "name");
      const util::LocalText formal = read_local_text(records[i], "formal");
      CHECK(state.names().all() == names.all());
      for (const auto &code : reference().languages.codes()) {
        CAPTURE(code);
        const util::Lang lang = fixtures::lang(code);
        CHECK(!names.in(code).empty());
        CHECK(state.name(lang) == names.in(code));
        CHECK(state.formal_name(lang) == (formal.has(code) ? formal.in(code) : names.in(code)));
      }
    }
    CHECK(states[id("FRA")].formal_name(fixtures::lang("fr")) == "la République française");
    CHECK(states[id("FRA")].name("xx").empty());
  }

  TEST_CASE("model::StateTable: a copy keeps its names when the table it was copied from is gone") {
    const std::vector<std::string> languages = {"en", "fr"};
    auto read = [&](const std::string &yaml) {
      return StateTable::from_document(io::read_yaml_cached("s.yaml", yaml).at(0).root, languages);
    };
    const std::string head = "kind: states\nsource: UN\nas_of: 2025-01-01\nstates:\n";
    const std::string chad = "- {code: TCD, name_en: Chad, name_fr: Tchad, formal_fr: le Tchad, "
                             "un_member: true, regional_group: AFRICAN, ldc: true}\n";
    std::optional<StateTable> copy;
    {
      const StateTable table = read(head + chad);
      copy = table;
    }
    CHECK(copy->states()[0].name("fr") == "Tchad");
    CHECK(copy->states()[0].formal_name(fixtures::lang("fr")) == "le Tchad");
    CHECK(copy->states()[0].formal_name(fixtures::lang("en")) == "Chad");
    // Still checked at load: a name in every language, every name and formal name text.
    std::string missing = chad;
    missing.replace(missing.find(", name_fr: Tchad"), 16, "");
    CHECK_THROWS_WITH(read(head + missing),
                      doctest::Contains("'name_fr' is missing (every language of DATA/i18n"));
    std::string listed = chad;
    listed.replace(listed.find("le Tchad"), 8, "[le, Tchad]");
    CHECK_THROWS_WITH(read(head + listed), doctest::Contains("expected text, got a list"));
  }

  TEST_CASE("model::State::is_ldc_on") {
    const auto &states = reference().states;
    CHECK(states[id("STP")].is_ldc_on(Date(2024, 12, 12)));
    CHECK_FALSE(states[id("STP")].is_ldc_on(Date(2024, 12, 13)));
    CHECK(states[id("BGD")].is_ldc_on(Date(2026, 11, 23)));
    CHECK_FALSE(states[id("BGD")].is_ldc_on(Date(2026, 11, 24)));
    // Known only to the month: still an LDC to the end of December 2007.
    CHECK(states[id("CPV")].is_ldc_on(Date(2007, 12, 31)));
    CHECK_FALSE(states[id("CPV")].is_ldc_on(Date(2008, 1, 1)));
    // Known only to the year.
    CHECK(states[id("SLB")].is_ldc_on(Date(2027, 12, 31)));
    CHECK_FALSE(states[id("SLB")].is_ldc_on(Date(2028, 1, 1)));
    CHECK_FALSE(states[id("FRA")].is_ldc_on(Date(2025, 1, 1)));
  }

  TEST_CASE("model::Scale") {
    const auto &r = reference();
    for (const char *scale : {"un-2022-2024", "un-2025-2027"}) {
      REQUIRE(r.find_scale(scale));
      CHECK(r.find_scale(scale)->member_count() == 193);
    }
    CHECK_FALSE(r.find_scale("un-2019-2021")); // no such file
    CHECK_FALSE(r.find_scale("../states"));    // an id names a file of DATA/scales only
    const Scale &now = r.scale_for(2025, {"un-2022-2024", "un-2025-2027"});
    CHECK(now.id() == "un-2025-2027");
    CHECK(*now.rate(id("USA")) == 22);
    CHECK(*now.rate(id("CHN")) == util::Rational(20004, 1000));
    CHECK(now.rate_text(id("FRA")) == "3.858");
    CHECK(*now.notional_rate(id("VAT")) == util::Rational(1, 1000));
    CHECK_FALSE(now.rate(id("COK")));
    const Scale &before = r.scale_for(2023, {"un-2022-2024", "un-2025-2027"});
    CHECK(*before.rate(id("CHN")) == util::Rational(15254, 1000));
    CHECK_FALSE(before.notional_rate(id("VAT"))); // not found in any source
    CHECK_THROWS_AS(r.scale_for(2028, {"un-2022-2024", "un-2025-2027"}), util::Error);
  }

  TEST_CASE("model::Reference::find_scale refuses a file that holds the scale of another id") {
    namespace fs = std::filesystem;
    const fs::path data = fs::temp_directory_path() / "isukit-test-scale-id";
    fs::remove_all(data);
    fs::create_directories(data / "scales");
    const fs::path shipped = ISUKIT_SOURCE_DATADIR;
    fs::copy(shipped / "i18n", data / "i18n");
    fs::copy_file(shipped / "states.yaml", data / "states.yaml");
    fs::copy_file(shipped / "scales" / "un-2022-2024.yaml", data / "scales" / "un-2025-2027.yaml");
    const auto r = Reference::load(data);
    try {
      r.find_scale("un-2025-2027");
      FAIL("a scale was taken from the file of another");
    } catch (const util::Error &e) {
      CHECK(std::string(e.what()).find("this is the scale 'un-2022-2024' in the file of the scale "
                                       "'un-2025-2027'") != std::string::npos);
    }
    fs::remove_all(data);
  }

  TEST_CASE("model::Treaty party counts") {
    using Basis = Treaty::Basis;
    CHECK(treaty("ccw").parties_on("convention", Date(2025, 8, 31), Basis::deposit).size() == 128);
    CHECK(treaty("ccw").parties_on("protocol_V", Date(2026, 2, 3), Basis::deposit).size() == 99);
    CHECK(
        treaty("ccw").parties_on("amended_protocol_II", Date(2026, 2, 3), Basis::deposit).size() ==
        107);
    const Treaty &ccm = treaty("ccm");
    CHECK(ccm.parties_on("convention", Date(2025, 3, 5), Basis::deposit).size() == 112);
    CHECK(ccm.parties_on("convention", Date(2025, 8, 31), Basis::deposit).size() == 111);
    CHECK(ccm.parties_on("convention", Date(2025, 8, 31), Basis::in_force).size() == 111);
    CHECK(ccm.parties_on("convention", Date(2025, 9, 5), Basis::deposit).size() == 112);
    CHECK(ccm.parties_on("convention", Date(2026, 2, 28), Basis::in_force).size() == 111);
    CHECK(ccm.parties_on("convention", Date(2026, 3, 1), Basis::in_force).size() == 112);
    CHECK(ccm.is_party(id("LTU"), "convention", Date(2025, 3, 5), Basis::in_force));
    CHECK_FALSE(ccm.is_party(id("LTU"), "convention", Date(2025, 3, 6), Basis::in_force));
  }

  TEST_CASE("model::Treaty entry into force, as sources confirm") {
    // CCM Art. 17: the 30 first deposits (the 30th on 2010-02-16) take effect 2010-08-01.
    CHECK(eif("ccm", "BFA") == "2010-08-01");
    CHECK(eif("ccm", "ALB") == "2010-08-01");
    CHECK(eif("ccm", "CHE") == "2013-01-01"); // deposit 2012-07-17
    CHECK(eif("ccm", "MUS") == "2016-04-01"); // deposit 2015-10-01, on a month's first day
    CHECK(eif("ccm", "COM") == "2011-01-01"); // deposit 2010-07-28
    CHECK(eif("ccm", "TCD") == "2013-09-01"); // deposit 2013-03-26
    CHECK(eif("ccm", "COK") == "2012-02-01"); // deposit 2011-08-23
    CHECK(eif("ccm", "VUT") == "2026-03-01"); // deposit 2025-09-05
    CHECK(eif("ccm", "NLD") == "2011-08-01");
    CHECK(eif("ccm", "DEU") == "2010-08-01");
    CHECK(eif("ccm", "GBR") == "2010-11-01");
    CHECK(eif("ccm", "AFG") == "2012-03-01");
    // CCW Art. 5: six months after deposit.
    CHECK(eif("ccw", "TTO") == "2025-01-29"); // deposit 2024-07-29
  }

  TEST_CASE("model::Treaty deadlines and withdrawals") {
    const Treaty &ccm = treaty("ccm");
    CHECK(ccm.withdrawals().size() == 1);
    CHECK(ccm.deadlines().size() == 23);
    CHECK(ccm.deadline_rules().size() == 2);
    CHECK(ccm.currency().code() == "CHF");
    CHECK(treaty("ccw").currency().code() == "USD");
    CHECK(ccm.reporting().front().initial_due_days == 180);
  }
}
