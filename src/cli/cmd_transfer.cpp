// rls export and rls import.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "core/error.hpp"
#include "core/limits.hpp"
#include "core/parse.hpp"
#include "core/remind.hpp"
#include "store/database.hpp"
#include "store/files.hpp"
#include "store/transfer.hpp"

#include <CLI/App.hpp>
#include <SQLiteCpp/Transaction.h>
#include <array>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

namespace rls {

namespace {

struct ExportOptions {
    std::string format = "json";
    std::string out;
};

void run_export(Context& ctx, const ExportOptions& o) {
    if (o.format != "json" && o.format != "csv") {
        throw usage_error(
            fmt::format("--format must be json or csv, got {}", quote_value(o.format)));
    }
    std::optional<OutputTarget> target;
    if (!o.out.empty() && o.out != "-") {
        target = resolve_output(o.out, ctx.db_path(), true);
    }
    auto& db = ctx.db();
    std::string content;
    if (o.format == "json") {
        try {
            content = export_json(db, ctx.time().now)
                          .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::strict) +
                      "\n";
        } catch (const nlohmann::json::type_error&) {
            throw Error(Exit::data, "a note, name or tag in the database is not valid UTF-8: it "
                                    "was changed outside rls (run: rls check)");
        }
    } else {
        content = export_csv(db, current_night(ctx.time()));
    }
    if (!target) {
        ctx.out() << content;
        return;
    }
    write_output(*target, content);
    if (target->kind == OutputTarget::Kind::stream) {
        return; // it may be standard output itself: add nothing to the export
    }
    ctx.say(fmt::format("Exported to {} ({} bytes, {}).\n", o.out, content.size(), o.format));
}

struct ImportOptions {
    std::string file;
    bool dry_run = false;
    bool json = false;
};

std::string read_capped(std::istream& in, const std::string& file) {
    std::string text;
    std::array<char, 1 << 16> chunk{};
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (text.size() > k_max_import_bytes) {
            throw Error(Exit::data, fmt::format("import: {} is larger than {} MiB; an rls export "
                                                "is far smaller, so this is not one",
                                                file, k_max_import_bytes >> 20));
        }
    }
    return text;
}

std::string read_input(Context& ctx, const std::string& file) {
    if (file == "-") {
        return read_capped(ctx.in(), file);
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw Error(Exit::no_input, fmt::format("cannot read {}: {}", file, std::strerror(errno)));
    }
    return read_capped(in, file);
}

nlohmann::ordered_json counts_json(const ImportCounts& c) {
    return {{"added", c.added}, {"unchanged", c.unchanged}, {"kept", c.kept}};
}

void run_import(Context& ctx, const ImportOptions& o) {
    const auto text = read_input(ctx, o.file);
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(Exit::data,
                    fmt::format("import: {} is not valid JSON (error at byte {})", o.file, e.byte));
    } catch (const nlohmann::json::exception&) {
        // e.g. a number too large for a double (found by fuzz_import)
        throw Error(Exit::data,
                    fmt::format("import: {} is not valid JSON (a value is out of range)", o.file));
    }
    auto& db = ctx.db();
    const auto summary = [&] {
        try {
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            auto counts = import_json(db, document, ctx.time().now);
            if (!o.dry_run) {
                tx.commit();
            } // else: the transaction rolls back when it goes out of scope
            return counts;
        } catch (const SQLite::Exception&) {
            settle_after_failed_write(db);
            throw;
        }
    }();
    if (o.json) {
        print_json(ctx, {{"dry_run", o.dry_run},
                         {"points", counts_json(summary.points)},
                         {"oils", counts_json(summary.oils)},
                         {"routines", counts_json(summary.routines)},
                         {"tags", counts_json(summary.tags)},
                         {"sessions", counts_json(summary.sessions)},
                         {"ratings", counts_json(summary.ratings)},
                         {"trials", counts_json(summary.trials)},
                         {"medicines", counts_json(summary.medicines)},
                         {"doses", counts_json(summary.doses)},
                         {"irls", counts_json(summary.irls)},
                         {"symptoms", counts_json(summary.symptoms)},
                         {"labs", counts_json(summary.labs)},
                         {"night_tags", counts_json(summary.night_tags)},
                         {"no_massage_nights", counts_json(summary.no_massage)}});
        return;
    }
    std::string line = o.dry_run ? "Would import (dry run, nothing changed):" : "Imported:";
    const auto part = [&line](const char* what, const ImportCounts& c) {
        line += fmt::format(" {} {} new, {} already present", what, c.added, c.unchanged);
        if (c.kept > 0) {
            line += fmt::format(", {} kept as they were", c.kept);
        }
        line += ";";
    };
    part("sessions", summary.sessions);
    part("ratings", summary.ratings);
    part("routines", summary.routines);
    part("points", summary.points);
    part("oils", summary.oils);
    part("tags", summary.tags);
    if (summary.trials.added + summary.trials.unchanged + summary.trials.kept > 0) {
        part("trials", summary.trials);
    }
    // The tracked measures only when the file had any.
    for (const auto& [what, c] :
         {std::pair{"medicines", summary.medicines}, std::pair{"doses", summary.doses},
          std::pair{"IRLS entries", summary.irls}, std::pair{"symptom nights", summary.symptoms},
          std::pair{"labs", summary.labs}, std::pair{"night tags", summary.night_tags},
          std::pair{"nights without massage", summary.no_massage}}) {
        if (c.added + c.unchanged + c.kept > 0) {
            part(what, c);
        }
    }
    line.back() = '.';
    ctx.say(line + "\n");
}

} // namespace

void register_transfer(CLI::App& app, Context& ctx, Action& action) {
    {
        auto o = std::make_shared<ExportOptions>();
        auto* cmd = app.add_subcommand("export", "Export everything as JSON (lossless) or CSV");
        cmd->add_option("-f,--format", o->format,
                        "json (everything, for import) or csv (spreadsheets)")
            ->type_name("FORMAT");
        cmd->add_option("-O,--out", o->out,
                        "Write to FILE (atomically, mode 0600) instead of stdout")
            ->type_name("FILE");
        cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_export(ctx, *o); }; });
    }
    {
        auto o = std::make_shared<ImportOptions>();
        auto* cmd = app.add_subcommand(
            "import", "Import an rls export; all or nothing, and importing twice changes nothing");
        cmd->add_option("FILE", o->file, "A file made by rls export --format json, or - for stdin")
            ->required();
        cmd->add_flag("-n,--dry-run", o->dry_run, "Say what would change, change nothing");
        cmd->add_flag("--json", o->json, "Print the counts as JSON");
        cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_import(ctx, *o); }; });
    }
}

} // namespace rls
