// Storage of what is tracked beyond the massage (core/measures.hpp): weekly
// IRLS, symptom onset and spread, night tags, nights without a massage,
// medicines, doses and iron labs. Writes run in the caller's transaction.
#pragma once

#include "core/measures.hpp"

#include <SQLiteCpp/Database.h>
#include <optional>
#include <vector>

namespace rls {

// ---- IRLS, one entry per week
[[nodiscard]] std::optional<IrlsEntry> find_irls(SQLite::Database& db, Date week);
// Inserts, or replaces the week's entry keeping its UUID.
void save_irls(SQLite::Database& db, const IrlsEntry& entry, Instant now);
// Exactly as recorded elsewhere (import), keeping its UUID and times.
void insert_irls_record(SQLite::Database& db, const IrlsEntry& entry);
[[nodiscard]] bool irls_uuid_exists(SQLite::Database& db, const std::string& uuid);
// Returns false when the week had no entry.
bool delete_irls(SQLite::Database& db, Date week);
// Oldest week first.
[[nodiscard]] std::vector<IrlsEntry> all_irls(SQLite::Database& db);
[[nodiscard]] std::optional<IrlsEntry> latest_irls(SQLite::Database& db);

// ---- symptom onset and spread, one row per night
[[nodiscard]] std::optional<Symptoms> find_symptoms(SQLite::Database& db, Date night);
// Inserts, or replaces the night's row keeping its UUID.
void save_symptoms(SQLite::Database& db, const Symptoms& s, Instant now);
// Returns false when the night had none.
bool delete_symptoms(SQLite::Database& db, Date night);
void insert_symptoms_record(SQLite::Database& db, const Symptoms& s);
[[nodiscard]] bool symptoms_uuid_exists(SQLite::Database& db, const std::string& uuid);
// Nights up to `to`, oldest first (the watch compares with the first weeks).
[[nodiscard]] std::vector<Symptoms> symptoms_up_to(SQLite::Database& db, Date to);
// Nights in [from, to], oldest first (rls list).
[[nodiscard]] std::vector<Symptoms> symptoms_between(SQLite::Database& db, Date from, Date to);

// ---- tags on a night, and nights without a massage on purpose
// Adds the tags (created on use); returns how many were new on the night.
int add_night_tags(SQLite::Database& db, Date night, const std::vector<std::string>& tags);
int remove_night_tags(SQLite::Database& db, Date night, const std::vector<std::string>& tags);
[[nodiscard]] std::vector<NightTag> night_tags_between(SQLite::Database& db, Date from, Date to);
// Returns false when the night was already marked.
bool mark_no_massage(SQLite::Database& db, Date night, Instant now);
bool unmark_no_massage(SQLite::Database& db, Date night);
[[nodiscard]] bool is_no_massage(SQLite::Database& db, Date night);
[[nodiscard]] std::vector<Date> no_massage_between(SQLite::Database& db, Date from, Date to);
struct NoMassageMark {
    Date night{};
    Instant created{};
};
[[nodiscard]] std::vector<NoMassageMark> all_no_massage(SQLite::Database& db);
void insert_no_massage_record(SQLite::Database& db, const NoMassageMark& mark);

// ---- medicines and doses
[[nodiscard]] std::vector<Medicine> list_medicines(SQLite::Database& db);
[[nodiscard]] std::optional<Medicine> find_medicine(SQLite::Database& db, const std::string& name);
[[nodiscard]] bool medicine_uuid_exists(SQLite::Database& db, const std::string& uuid);
// A new medicine; an empty uuid gets a fresh one.
void add_medicine(SQLite::Database& db, const Medicine& m);
// How many doses of it are recorded (a medicine with doses is not removed).
[[nodiscard]] int count_doses(SQLite::Database& db, const std::string& medicine);
void remove_medicine(SQLite::Database& db, const std::string& name);
// Records a dose; an empty uuid gets a fresh one. Returns its id.
std::int64_t insert_dose(SQLite::Database& db, const Dose& d);
[[nodiscard]] bool dose_uuid_exists(SQLite::Database& db, const std::string& uuid);
[[nodiscard]] std::vector<Dose> doses_up_to(SQLite::Database& db, Date to);
// Nights in [from, to], in the order taken.
[[nodiscard]] std::vector<Dose> doses_between(SQLite::Database& db, Date from, Date to);
[[nodiscard]] std::vector<Dose> all_doses(SQLite::Database& db);
[[nodiscard]] std::optional<Dose> find_dose(SQLite::Database& db, std::int64_t id);
// Returns false when there was no such dose. The medicine stays in the list.
bool delete_dose(SQLite::Database& db, std::int64_t id);

// ---- iron labs
std::int64_t insert_lab(SQLite::Database& db, const Lab& lab);
[[nodiscard]] bool lab_uuid_exists(SQLite::Database& db, const std::string& uuid);
// Drawn on or before `to`, oldest first.
[[nodiscard]] std::vector<Lab> labs_up_to(SQLite::Database& db, Date to);
[[nodiscard]] std::optional<Lab> find_lab(SQLite::Database& db, std::int64_t id);
// Returns false when there was no such lab.
bool delete_lab(SQLite::Database& db, std::int64_t id);

// Everything the report and rls list need: tags and marks inside [from, to],
// the rest from the diary's start up to `to`.
[[nodiscard]] Measures measures_for(SQLite::Database& db, Date from, Date to);

} // namespace rls
