// rls report --format/--out/--name in-process: the HTML page's sections and
// nights, its escaping, the refusals, and PDF without Chromium (exit 69).
// The page in a real browser is tests/e2e/test_report_browser.py.
#include "cli/pdf.hpp"
#include "cli_harness.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sys/stat.h>

using rls::test::Cli;
using rls::test::read_bytes;
using rls::pdf_pages;

namespace {

bool has(const std::string& s, std::string_view what) {
    return s.find(what) != std::string::npos;
}

} // namespace

TEST_SUITE("cli.report_html") {
    TEST_CASE("twelve weeks of a diary: every section, one mark per night, nothing outside") {
        Cli cli;
        cli.ok({"demo", "--nights", "84", "-q"});
        const auto html = cli.ok({"report", "--weeks", "12", "--format", "html"});
        CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        for (const auto* id : {"header", "summary", "nights", "comparisons", "severity", "onset",
                               "medicines", "iron", "tenderness", "weeks", "methods"}) {
            CAPTURE(id);
            CHECK(has(html, std::string("id=\"") + id + "\""));
        }
        // The demo's pramipexole, started on its first night and halved on
        // its 43rd (2026-09-02 + 42 days), is marked on the night chart; its
        // IRLS falls and its onset gets later: nothing for the watch.
        CHECK(rls::test::count_of(html, "<g class=\"change\"") == 2);
        CHECK(has(html, "<g class=\"change\" data-night=\"2026-09-02\">"));
        CHECK(has(html, "<g class=\"change\" data-night=\"2026-10-14\">"));
        CHECK(has(html, "M2 <time datetime=\"2026-10-14\">2026-10-14</time> pramipexole: 0.25 "
                        "&#8594; 0.125 mg"));
        CHECK_FALSE(has(html, "id=\"watch\""));
        // ...which says so, as the text report does, in one line of the summary:
        // the halved dose is no sign (only a higher one would be).
        CHECK(has(html, "<p class=\"watch-quiet\"><strong>Augmentation watch.</strong> Nothing "
                        "to point out against the first four weeks of each record: onset not 2 "
                        "hours or more earlier; no new spread to the arms or trunk; no higher "
                        "dose; IRLS not 5 points or more higher.</p>"));
        CHECK(has(html, "ask your doctor about iron"));
        // 2026-09-02 .. 2026-11-24: 84 nights, each one a group in the chart.
        CHECK(rls::test::count_of(html, "<g class=\"night\"") == 84);
        CHECK(has(html, "data-night=\"2026-09-02\""));
        CHECK(has(html, "data-night=\"2026-11-24\""));
        CHECK_FALSE(has(html, "data-night=\"2026-11-25\""));
        // Five charts, each with a title and a description.
        CHECK(rls::test::count_of(html, "<svg ") == 5);
        CHECK(rls::test::count_of(html, "<title id=") == 5);
        CHECK(rls::test::count_of(html, "<desc id=") == 5);
        CHECK_FALSE(has(html, "<script"));
        CHECK_FALSE(has(html, "http:"));
        CHECK_FALSE(has(html, "https:"));
        CHECK(has(html, "<strong>preceded</strong>"));
        // The summary is the text report's, joined into one paragraph.
        const auto text = cli.ok({"report", "--weeks", "12"});
        CHECK(has(text, "Session: about 2.1 points better sleep than no session;"));
        CHECK(has(html, "Session: about 2.1 points better sleep than no session;"));
        // The same page, written atomically and privately with --out.
        const auto file = cli.dir() / "report.html";
        const auto said =
            cli.ok({"report", "--weeks", "12", "--format", "html", "--out", file.string()});
        CHECK(read_bytes(file) == html);
        CHECK(has(said, "Report written to"));
        struct stat st {};
        REQUIRE(::stat(file.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }

    TEST_CASE("a year of nights stays under 300 kB") {
        Cli cli;
        cli.ok({"demo", "--nights", "400", "-q"});
        const auto html = cli.ok({"report", "--weeks", "52", "--format", "html"});
        CHECK(rls::test::count_of(html, "<g class=\"night\"") == 364);
        CHECK(html.size() < 300000);
    }

    TEST_CASE("a trial: its section with the timeline, and its arms shaded on the night chart") {
        Cli cli("2026-11-01T19:00:00Z");
        cli.ok({"trial", "start", "none", "standard x1", "--blocks", "2", "--seed", "7", "-q"});
        // Follow the schedule four evenings, rate each morning.
        const char* evenings[] = {"2026-11-01T19:00:00Z", "2026-11-02T19:00:00Z",
                                  "2026-11-03T19:00:00Z", "2026-11-04T19:00:00Z"};
        const char* mornings[] = {"2026-11-02T07:00:00Z", "2026-11-03T07:00:00Z",
                                  "2026-11-04T07:00:00Z", "2026-11-05T07:00:00Z"};
        std::vector<std::string> arms;
        for (int i = 0; i < 4; ++i) {
            cli.set_now(evenings[i]);
            const bool none = has(cli.ok({"trial", "tonight", "--json"}), "\"arm\": \"none\"");
            arms.emplace_back(none ? "none" : "standard x1");
            cli.ok(none ? std::vector<std::string>{"trial", "skip", "-q"}
                        : std::vector<std::string>{"log", "--no-input", "-q", "-r", "standard",
                                                   "-n", "1"});
            cli.set_now(mornings[i]);
            cli.ok({"rate", "--sleep", std::to_string(5 + i), "--restless", "3", "-q"});
        }
        cli.set_now("2026-11-05T07:30:00Z");
        const auto html = cli.ok({"report", "--format", "html"});
        CHECK(has(html, "id=\"trial\""));
        CHECK(has(html, "fingerprint <code>"));
        CHECK(rls::test::count_of(html, "<g class=\"trial-night") == 4);
        CHECK(has(html, "data-night=\"2026-11-01\" data-arm=\"A\" data-state=\"followed\" "
                        "data-score=\"5\""));
        // A is none: a run of nights with one arm is one shaded span.
        std::size_t spans = 1;
        for (std::size_t i = 1; i < arms.size(); ++i) {
            spans += arms[i] != arms[i - 1] ? 1 : 0;
        }
        CHECK(rls::test::count_of(html, "<g class=\"arm\"") == spans);
        // The decision leads the summary; the trial's details follow the
        // comparisons, so that 12 weeks with a trial still print on two pages.
        CHECK(has(html, "<p class=\"trial-lead\"><strong>Trial 1</strong> ("));
        // ...with how closely it was followed: all four nights.
        const auto lead = html.substr(html.find("class=\"trial-lead\""), 200);
        CAPTURE(lead);
        CHECK(has(lead, ", finished; 4 of 4 nights as assigned): undecided"));
        CHECK(html.find("class=\"trial-lead\"") < html.find("id=\"nights\""));
        CHECK(html.find("id=\"comparisons\"") < html.find("id=\"trial\""));
    }

    TEST_CASE("a week without tenderness is struck through, not filled with a pattern") {
        // Chromium prints every pattern fill as its own tiles: 17 hatched
        // cells made a 12-week PDF 1.8 MB instead of 0.2 MB.
        Cli cli;
        for (const auto* at :
             {"2026-11-02 21:00", "2026-11-03 21:00", "2026-11-16 21:00", "2026-11-17 21:00"}) {
            cli.ok({"log", "--at", at, "-p", "heart=5", "-q", "--no-input"});
        }
        cli.ok({"log", "--at", "2026-11-10 21:00", "-q", "--no-input"}); // no points
        const auto html = cli.ok({"report", "--weeks", "4", "--format", "html"});
        REQUIRE(has(html, "id=\"tenderness\""));
        CHECK(rls::test::count_of(html, "<pattern") == 0);
        CHECK(has(html, "2026-11-09: no rating</title></rect><path class=\"hatch\""));
    }

    TEST_CASE("sections without data are left out") {
        Cli cli;
        const auto html = cli.ok({"report", "--format", "html"});
        CHECK(has(html, "id=\"header\""));
        CHECK(has(html, "id=\"summary\""));
        CHECK(has(html, "id=\"methods\""));
        for (const auto* id : {"nights", "comparisons", "tenderness", "weeks"}) {
            CAPTURE(id);
            CHECK_FALSE(has(html, std::string("id=\"") + id + "\""));
        }
        CHECK(has(html, "Nothing to compare yet"));
        CHECK(rls::test::count_of(html, "<svg ") == 0);
    }

    TEST_CASE("one night: the chart has one night and no mean line") {
        Cli cli;
        cli.ok({"log", "--at", "yesterday 21:00", "-q", "--no-input"});
        cli.ok({"rate", "--sleep", "6", "--restless", "3", "-q"});
        const auto html = cli.ok({"report", "--format", "html"});
        CHECK(rls::test::count_of(html, "<g class=\"night\"") == 1);
        CHECK(has(html, "data-night=\"2026-11-24\" data-sleep=\"6\" data-restless=\"3\" "
                        "data-sessions=\"1\""));
        CHECK_FALSE(has(html, "class=\"mean\" d="));
    }

    TEST_CASE("the name is escaped, and nothing identifying is there without it") {
        Cli cli;
        const auto plain = cli.ok({"report", "--format", "html"});
        CHECK_FALSE(has(plain, "class=\"name\""));
        const auto named = cli.ok({"report", "--format", "html", "--name", "Ann <b>&amp; \"x\""});
        CHECK(has(named, "<p class=\"name\">For Ann &lt;b&gt;&amp;amp; &quot;x&quot;</p>"));
        const auto r = cli.run({"report", "--format", "html", "--name", "a\x1b[31mb"});
        CHECK(r.code == 64);
        CHECK(has(r.err, "--name"));
    }

    TEST_CASE("--format takes five values and agrees with --json and --csv") {
        Cli cli;
        cli.ok({"demo", "--nights", "28", "-q"});
        auto r = cli.run({"report", "--format", "xml"});
        CHECK(r.code == 64);
        CHECK(r.err == "rls: --format must be text, json, csv, html or pdf, got 'xml'\n");
        r = cli.run({"report", "--json", "--format", "csv"});
        CHECK(r.code == 64);
        CHECK(r.err == "rls: --json and --format csv cannot be used together\n");
        CHECK(cli.ok({"report", "--json", "--format", "json"}) == cli.ok({"report", "--json"}));
        CHECK(cli.ok({"report", "--format", "json"}) == cli.ok({"report", "--json"}));
        CHECK(cli.ok({"report", "-f", "csv"}) == cli.ok({"report", "--csv"}));
        CHECK(cli.ok({"report", "--format", "text"}) == cli.ok({"report"}));
        const auto file = cli.dir() / "r.json";
        cli.ok({"report", "--json", "--out", file.string(), "-q"});
        CHECK(read_bytes(file) == cli.ok({"report", "--json"}));
    }

    TEST_CASE("the weeks across, at most 13 to a table; the year where a table crosses one") {
        Cli cli;
        cli.set_now("2027-01-20T07:30:00Z");
        cli.ok({"demo", "--nights", "400", "-q"});
        const auto tables = [&](const char* weeks) {
            const auto html = cli.ok({"report", "--weeks", weeks, "--format", "html"});
            std::vector<std::size_t> columns;
            for (auto at = html.find("<table class=\"weeks\">"); at != std::string::npos;
                 at = html.find("<table class=\"weeks\">", at + 1)) {
                const auto head = html.substr(at, html.find("</thead>", at) - at);
                columns.push_back(rls::test::count_of(head, "<th scope=\"col\"><time"));
            }
            return columns;
        };
        using V = std::vector<std::size_t>;
        CHECK(tables("12") == V{12});
        CHECK(tables("13") == V{13});
        CHECK(tables("14") == V{7, 7});
        CHECK(tables("27") == V{9, 9, 9});
        CHECK(tables("53") == V{11, 11, 11, 11, 9});
        // 12 weeks to 2027-01-19 start on Wednesday 2026-10-28: the first
        // column and the first week of 2027 say their year, the others not.
        const auto html = cli.ok({"report", "--weeks", "12", "--format", "html"});
        CHECK(has(html, "<time datetime=\"2026-10-28\">Oct 28 2026</time>"));
        CHECK(has(html, "<time datetime=\"2026-11-04\">Nov 4</time>"));
        CHECK(has(html, "<time datetime=\"2026-12-30\">Dec 30</time>"));
        CHECK(has(html, "<time datetime=\"2027-01-06\">Jan 6 2027</time>"));
        CHECK(has(html, "<time datetime=\"2027-01-13\">Jan 13</time>"));
    }

    TEST_CASE("a forest plot of more than 12 rows: parts of about equal size, one caption") {
        Cli cli;
        cli.ok({"demo", "--nights", "84", "-q"});
        for (const auto* oil : {"neroli", "peppermint", "frankincense"}) {
            cli.ok({"oils", "add", oil, "-q"});
        }
        cli.ok({"routines", "add", "heel-only", "--points", "left.sciatic,right.sciatic", "-q"});
        for (int i = 1; i < 64; ++i) {
            std::vector<std::string> args{"edit", std::to_string(i), "-q"};
            const auto add = [&](bool when, const char* option, const char* value) {
                if (when) {
                    args.insert(args.end(), {option, value});
                }
            };
            add(i % 2 == 0, "-o", "neroli:3");
            add(i % 3 == 0, "-o", "peppermint:3");
            add(i % 5 < 2, "-o", "frankincense:3");
            add(i % 4 == 1, "-r", "heel-only");
            add(i % 3 == 1, "-t", "late-dinner");
            add(i % 4 == 2, "-t", "screen-time");
            if (args.size() > 3) {
                cli.ok(args);
            }
        }
        const auto model = nlohmann::json::parse(cli.ok({"report", "--weeks", "12", "--json"}));
        std::set<std::pair<std::string, std::string>> rows;
        for (const auto& c : model["comparisons"]) {
            if (!c["diff"].is_null()) {
                rows.insert({c["a"].get<std::string>(), c["b"].get<std::string>()});
            }
        }
        REQUIRE(rows.size() > 12);
        const auto html = cli.ok({"report", "--weeks", "12", "--format", "html"});
        // ceil(rows / 12) parts, their sizes differing by one at most.
        const std::size_t parts = (rows.size() + 11) / 12;
        const std::size_t per = (rows.size() + parts - 1) / parts;
        CHECK_FALSE(has(html, "<svg id=\"forest-plot\""));
        std::size_t drawn = 0;
        for (std::size_t k = 1; k <= parts; ++k) {
            const auto at = html.find(fmt::format("<svg id=\"forest-plot-{}\"", k));
            REQUIRE(at != std::string::npos);
            const auto svg = html.substr(at, html.find("</svg>", at) - at);
            const auto here = std::min(per, rows.size() - drawn);
            CHECK(rls::test::count_of(svg, "class=\"row-label") == 2 * here);
            // Rows striped every other one across the parts.
            CHECK(rls::test::count_of(svg, "class=\"stripe\"") == (drawn + here) / 2 - drawn / 2);
            CHECK(has(svg, fmt::format("Comparisons, rows {} to {} of {}", drawn + 1, drawn + here,
                                       rows.size())));
            // Rows of 20 units rather than 22, between a heading of 38 and
            // the axis's 36.
            CHECK(has(svg, fmt::format("viewBox=\"0 0 720 {}\"", 38 + 20 * here + 36)));
            // The primary comparison leads the first part.
            CHECK(has(svg, "row-label primary") == (k == 1));
            drawn += here;
        }
        CHECK_FALSE(has(html, fmt::format("<svg id=\"forest-plot-{}\"", parts + 1)));
        CHECK(rls::test::count_of(html, "<figcaption>a vs b, adjusted") == 1);
        CHECK(html.find("<figcaption>a vs b, adjusted") >
              html.find(fmt::format("<svg id=\"forest-plot-{}\"", parts)));
    }

    TEST_CASE("the pages of a PDF: its page tree's count") {
        CHECK(pdf_pages("%PDF-1.4\n2 0 obj\n<</Type /Pages\n/Count 2\n/Kids [3 0 R 9 0 R]>>") == 2);
        // The root counts all; a nested node fewer; a /Type /Page is no count.
        CHECK(pdf_pages("<</Type /Page /Parent 2 0 R>> <</Type /Pages /Count 3 /Kids []>> "
                        "<</Type /Pages /Count 12 /Kids []>>") == 12);
        CHECK(pdf_pages("<</Type /Pages /Kids []>> /Count 7") == 0); // not in its dictionary
        CHECK(pdf_pages("") == 0);
        CHECK(pdf_pages("%PDF-1.4 /Type /Pages /Count x>>") == 0);
    }

    TEST_CASE("--paper sets the page's size, for a page or a PDF only") {
        Cli cli;
        cli.ok({"demo", "--nights", "28", "-q"});
        const auto page = cli.ok({"report", "--format", "html"});
        CHECK_FALSE(has(page, "@page { size")); // the printer's paper
        CHECK(has(cli.ok({"report", "--format", "html", "--paper", "a4"}), "@page { size: A4; }"));
        CHECK(has(cli.ok({"report", "--format", "html", "--paper", "Letter"}),
                  "@page { size: letter; }"));
        auto r = cli.run({"report", "--format", "html", "--paper", "b5"});
        CHECK(r.code == 64);
        CHECK(r.err == "rls: --paper must be a4 or letter, got 'b5'\n");
        r = cli.run({"report", "--paper", "a4"});
        CHECK(r.code == 64);
        CHECK(r.err == "rls: --paper is for --format html or pdf\n");
        r = cli.run({"report", "--paper", ""});
        CHECK(r.code == 64);
        CHECK(r.err == "rls: --paper is for --format html or pdf\n");
        r = cli.run({"report", "--format", "html", "--paper", ""});
        CHECK(r.code == 64);
        CHECK(r.err == "rls: --paper must be a4 or letter, got ''\n");
        CHECK(r.out.empty());
    }

    TEST_CASE("--out refuses the database; nothing is written on a refusal") {
        Cli cli;
        cli.ok({"demo", "--nights", "28", "-q"});
        const auto before = cli.db_bytes();
        const auto r = cli.run({"report", "--format", "html", "--out", cli.db().string()});
        CHECK(r.code == 64);
        CHECK(has(r.err, "it is the database itself"));
        CHECK(cli.db_bytes() == before);
    }

    TEST_CASE("PDF needs --out, and Chromium on PATH: else exit 69 naming the package") {
        Cli cli;
        cli.ok({"demo", "--nights", "28", "-q"});
        auto r = cli.run({"report", "--format", "pdf"});
        CHECK(r.code == 64);
        CHECK(has(r.err, "--format pdf needs --out FILE"));
        const auto file = cli.dir() / "r.pdf";
        cli.set_env("PATH", (cli.dir() / "no-such-dir").string());
        r = cli.run({"report", "--format", "pdf", "--out", file.string()});
        CHECK(r.code == 69);
        CHECK(r.err == "rls: --format pdf needs Chromium: install the Debian package chromium\n");
        CHECK(r.out.empty());
        CHECK_FALSE(std::filesystem::exists(file));
    }
}
