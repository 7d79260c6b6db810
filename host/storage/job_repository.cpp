// host/storage/job_repository.cpp - see job_repository.h.
#include "storage/job_repository.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "storage/dialect.h"
#include "storage/query.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

namespace {

// The job columns jobFromRow() reads, in its order; `j.`-qualified for
// SELECTs, bare for RETURNING (which SQLite allows only unqualified).
constexpr const char* kJobColumns =
    "j.id, j.plugin_key, j.kind, j.payload, j.ordering_key, j.organization_id, j.integration_id, j.state,"
    " j.attempts, j.max_attempts, j.run_at, j.last_error, j.created_at, j.updated_at, j.event_type,"
    " j.owner, j.locked_until";
constexpr const char* kReturnedJobColumns =
    "id, plugin_key, kind, payload, ordering_key, organization_id, integration_id, state,"
    " attempts, max_attempts, run_at, last_error, created_at, updated_at, event_type, owner, locked_until";

// Dead and done jobs never block their key: a dead-lettered event must not
// stall every later event of the same ticket. A running job blocks every
// other job of its key, whatever its id: an owner may revive a dead job while
// a later one of its key runs (reviveDead). The plan (jobs_by_state walked
// in id order, stopping at the first hit; the probe a seek in
// jobs_by_ordering_key_state over the key's unfinished jobs) never sorts or
// reads the whole backlog; job_repository_test asserts it on both backends.
std::string claimableSql(const char* columns, const char* lockClause) {
  return std::string("SELECT ") + columns +
         " FROM jobs j WHERE j.state = 'pending' AND j.run_at <= ?"
         " AND (j.ordering_key IS NULL OR NOT EXISTS ("
         "  SELECT 1 FROM jobs p WHERE p.ordering_key = j.ordering_key AND p.state IN ('pending', 'running')"
         "  AND (p.id < j.id OR p.state = 'running')))"
         " ORDER BY j.id LIMIT 1" +
         lockClause;
}

// Matches a running job only while `claim` is its current attempt.
constexpr const char* kWhereClaimIsCurrent = " WHERE id = ? AND state = 'running' AND owner = ? AND attempts = ?";

Job jobFromRow(const Row& row) {
  Job job;
  job.id = row.int64(0);
  job.pluginKey = row.text(1);
  job.kind = row.text(2);
  job.payloadJson = row.text(3);
  job.orderingKey = row.optText(4);
  job.organizationId = row.optInt64(5);
  job.integrationId = row.optInt64(6);
  job.state = jobStateFromString(row.text(7)).value_or(JobState::Dead);
  job.attempts = static_cast<uint32_t>(row.int64(8));
  job.maxAttempts = static_cast<uint32_t>(row.int64(9));
  job.runAt = row.int64(10);
  job.lastError = row.optText(11);
  job.createdAt = row.int64(12);
  job.updatedAt = row.int64(13);
  if (auto type = row.optInt64(14)) job.eventType = static_cast<int32_t>(*type);
  job.owner = row.optText(15);
  job.lockedUntil = row.optInt64(16);
  return job;
}

std::optional<Job> jobFrom(std::optional<Row> row) {
  if (!row) return std::nullopt;
  return jobFromRow(*row);
}

}  // namespace

int64_t JobRepository::insert(const Job& job) {
  beginJobWrite();
  return Query(uow_,
               "INSERT INTO jobs (plugin_key, kind, payload, ordering_key, organization_id, integration_id, state,"
               " attempts, max_attempts, run_at, last_error, created_at, updated_at, event_type)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
      .bind(job.pluginKey)
      .bind(job.kind)
      .bind(job.payloadJson)
      .bind(job.orderingKey)
      .bind(job.organizationId)
      .bind(job.integrationId)
      .bind(toString(job.state))
      .bind(job.attempts)
      .bind(job.maxAttempts)
      .bind(job.runAt)
      .bind(job.lastError)
      .bind(job.createdAt)
      .bind(job.updatedAt)
      .bind(job.eventType ? std::optional<int64_t>(*job.eventType) : std::nullopt)
      .scalarInt64();
}

std::optional<Job> JobRepository::findById(int64_t id) {
  return jobFrom(Query(uow_, std::string("SELECT ") + kJobColumns + " FROM jobs j WHERE j.id = ?").bind(id).one());
}

std::string JobRepository::nextClaimableSql() { return claimableSql(kJobColumns, ""); }

std::optional<Job> JobRepository::nextClaimable(int64_t now) {
  return jobFrom(Query(uow_, nextClaimableSql()).bind(now).one());
}

bool JobRepository::hasUnfinished(std::string_view orderingKey, std::optional<int64_t> exceptJobId) {
  if (const UnfinishedJobs* jobs = unfinishedOf(orderingKey)) {
    return std::any_of(jobs->jobs.begin(), jobs->jobs.end(),
                       [&](const UnfinishedJob& job) { return job.id != exceptJobId; });
  }
  // Ids start at 1, so 0 excludes nothing.
  return Query(uow_, "SELECT 1 FROM jobs WHERE ordering_key = ? AND state IN ('pending', 'running') AND id <> ? LIMIT 1")
      .bind(orderingKey)
      .bind(exceptJobId.value_or(0))
      .one()
      .has_value();
}

std::string JobRepository::unfinishedOfKeySql() {
  return "SELECT id, event_type, organization_id FROM jobs WHERE ordering_key = ? AND state IN ('pending', 'running')"
         " LIMIT " + std::to_string(kUnfinishedJobsKept + 1);
}

std::string JobRepository::unfinishedOfKeyListSql(const Dialect& dialect) {
  // "id:event type:organization" per job, NULLs as empty fields.
  return "(SELECT " +
         dialect.commaJoined(
             "CAST(u.id AS TEXT) || ':' || coalesce(CAST(u.event_type AS TEXT), '') || ':' ||"
             " coalesce(CAST(u.organization_id AS TEXT), '')") +
         " FROM (" + unfinishedOfKeySql() + ") u)";
}

namespace {

std::optional<int64_t> optionalNumber(std::string_view field) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (field.empty() || error != std::errc() || end != field.data() + field.size()) return std::nullopt;
  return value;
}

}  // namespace

void JobRepository::keepUnfinished(std::string_view orderingKey, const std::optional<std::string>& listed) {
  UnfinishedJobsMemo* memo = uow_.transactionMemo<UnfinishedJobsMemo>();
  if (memo == nullptr) return;
  UnfinishedJobs read;
  const std::string all = listed.value_or("");
  std::string_view rest = all;
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    const std::string_view job = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const size_t first = job.find(':');
    const size_t second = first == std::string_view::npos ? first : job.find(':', first + 1);
    const auto id = optionalNumber(job.substr(0, first));
    if (!id || second == std::string_view::npos) {
      throw std::runtime_error("unreadable list of unfinished jobs: " + all);
    }
    read.jobs.push_back(UnfinishedJob{*id, optionalNumber(job.substr(first + 1, second - first - 1)),
                                      optionalNumber(job.substr(second + 1))});
  }
  read.complete = read.jobs.size() <= kUnfinishedJobsKept;
  memo->byKey.insert_or_assign(std::string(orderingKey), std::move(read));
}

const JobRepository::UnfinishedJobs* JobRepository::unfinishedOf(std::string_view orderingKey) {
  UnfinishedJobsMemo* memo = uow_.transactionMemo<UnfinishedJobsMemo>();
  if (memo == nullptr) return nullptr;
  auto kept = memo->byKey.find(orderingKey);
  if (kept == memo->byKey.end()) {
    UnfinishedJobs read;
    for (const Row& row : Query(uow_, unfinishedOfKeySql()).bind(orderingKey).rows()) {
      read.jobs.push_back(UnfinishedJob{row.int64(0), row.optInt64(1), row.optInt64(2)});
    }
    read.complete = read.jobs.size() <= kUnfinishedJobsKept;
    kept = memo->byKey.emplace(std::string(orderingKey), std::move(read)).first;
  }
  return &kept->second;
}

void JobRepository::beginJobWrite() {
  uow_.beginWrite();
  uow_.forgetMemo<UnfinishedJobsMemo>();
}

std::optional<Job> JobRepository::claim(const std::string& owner, int64_t now, int64_t lockedUntil) {
  beginJobWrite();
  // `state = 'pending'` again outside: on PostgreSQL the candidate is locked,
  // but a claimer that read it just before another committed must not win.
  return jobFrom(Query(uow_, std::string("UPDATE jobs SET state = 'running', attempts = attempts + 1, owner = ?,"
                                         " locked_until = ?, updated_at = ? WHERE id = (") +
                                 claimableSql("j.id", uow_.dialect().lockSkippingLocked()) +
                                 ") AND state = 'pending' RETURNING " + kReturnedJobColumns)
                     .bind(owner)
                     .bind(lockedUntil)
                     .bind(now)
                     .bind(now)
                     .one());
}

std::string JobRepository::unfinishedEventSql() {
  // Runs for every inbound change. The unary plus keeps SQLite (which plans
  // without statistics) off jobs_by_organization: that equality looks as
  // selective as the key's, but walks every job the organization ever ran,
  // so each delivery got slower as done jobs piled up. Both dialects read
  // `+organization_id` as the plain value.
  return "SELECT 1 FROM jobs WHERE ordering_key = ? AND state IN ('pending', 'running')"
         " AND event_type = ? AND +organization_id = ? AND id <> ? LIMIT 1";
}

bool JobRepository::hasUnfinishedEvent(std::string_view orderingKey, int64_t organizationId, int32_t eventType,
                                       std::optional<int64_t> exceptJobId) {
  if (const UnfinishedJobs* jobs = unfinishedOf(orderingKey); jobs && jobs->complete) {
    return std::any_of(jobs->jobs.begin(), jobs->jobs.end(), [&](const UnfinishedJob& job) {
      return job.id != exceptJobId && job.eventType == eventType && job.organizationId == organizationId;
    });
  }
  // Ids start at 1, so 0 excludes nothing.
  return Query(uow_, unfinishedEventSql())
      .bind(orderingKey)
      .bind(static_cast<int64_t>(eventType))
      .bind(organizationId)
      .bind(exceptJobId.value_or(0))
      .one()
      .has_value();
}

bool JobRepository::markDone(const JobClaim& claim, int64_t now, const std::optional<std::string>& note) {
  beginJobWrite();
  return Query(uow_, std::string("UPDATE jobs SET state = 'done', last_error = COALESCE(?, last_error), updated_at = ?,"
                                 " locked_until = NULL") +
                         kWhereClaimIsCurrent)
             .bind(note)
             .bind(now)
             .bind(claim.jobId)
             .bind(claim.owner)
             .bind(claim.attempt)
             .execute() == 1;
}

bool JobRepository::reschedule(const JobClaim& claim, int64_t runAt, const std::string& error, int64_t now) {
  beginJobWrite();
  return Query(uow_, std::string("UPDATE jobs SET state = 'pending', run_at = ?, last_error = ?, updated_at = ?,"
                                 " owner = NULL, locked_until = NULL") +
                         kWhereClaimIsCurrent)
             .bind(runAt)
             .bind(error)
             .bind(now)
             .bind(claim.jobId)
             .bind(claim.owner)
             .bind(claim.attempt)
             .execute() == 1;
}

bool JobRepository::markDead(const JobClaim& claim, const std::string& reason, int64_t now) {
  beginJobWrite();
  return Query(uow_, std::string("UPDATE jobs SET state = 'dead', last_error = ?, updated_at = ?, locked_until = NULL") +
                         kWhereClaimIsCurrent)
             .bind(reason)
             .bind(now)
             .bind(claim.jobId)
             .bind(claim.owner)
             .bind(claim.attempt)
             .execute() == 1;
}

size_t JobRepository::renewLeases(const std::string& owner, const std::vector<int64_t>& jobIds, int64_t lockedUntil) {
  if (jobIds.empty()) return 0;
  std::string sql = "UPDATE jobs SET locked_until = ? WHERE state = 'running' AND owner = ? AND id IN (?";
  for (size_t i = 1; i < jobIds.size(); ++i) sql += ", ?";
  sql += ")";
  beginJobWrite();
  Query query(uow_, sql);
  query.bind(lockedUntil).bind(owner);
  for (const int64_t id : jobIds) query.bind(id);
  return query.execute();
}

ReviveResult JobRepository::reviveDead(int64_t id, int64_t organizationId, int64_t now) {
  beginJobWrite();
  // A later job of the key, of the same kind, that has run or is running
  // carries a newer change of the same thing: run after it, this one would
  // put the older change back.
  const bool revived =
      Query(uow_,
            "UPDATE jobs SET state = 'pending', attempts = 0, run_at = ?, updated_at = ?,"
            " owner = NULL, locked_until = NULL"
            " WHERE id = ? AND organization_id = ? AND state = 'dead' AND NOT EXISTS ("
            "  SELECT 1 FROM jobs later WHERE later.ordering_key = jobs.ordering_key AND later.id > jobs.id"
            "  AND later.kind = jobs.kind AND later.event_type IS NOT DISTINCT FROM jobs.event_type"
            "  AND later.state IN ('running', 'done'))")
          .bind(now)
          .bind(now)
          .bind(id)
          .bind(organizationId)
          .execute() == 1;
  if (revived) return ReviveResult::Revived;
  const bool dead = Query(uow_, "SELECT 1 FROM jobs WHERE id = ? AND organization_id = ? AND state = 'dead'")
                        .bind(id)
                        .bind(organizationId)
                        .one()
                        .has_value();
  return dead ? ReviveResult::Superseded : ReviveResult::NotDead;
}

bool JobRepository::discardDead(int64_t id, int64_t organizationId, const std::string& note, int64_t now) {
  beginJobWrite();
  return Query(uow_,
               "UPDATE jobs SET state = 'done', last_error = ?, updated_at = ?, locked_until = NULL"
               " WHERE id = ? AND organization_id = ? AND state = 'dead'")
             .bind(note)
             .bind(now)
             .bind(id)
             .bind(organizationId)
             .execute() == 1;
}

size_t JobRepository::requeueExpired(int64_t now) {
  beginJobWrite();
  return Query(uow_,
               "UPDATE jobs SET state = 'pending', owner = NULL, locked_until = NULL, updated_at = ?"
               " WHERE state = 'running' AND (locked_until IS NULL OR locked_until < ?)")
      .bind(now)
      .bind(now)
      .execute();
}

size_t JobRepository::countInState(JobState state) {
  return static_cast<size_t>(
      Query(uow_, "SELECT COUNT(*) FROM jobs WHERE state = ?").bind(toString(state)).scalarInt64());
}

std::vector<Job> JobRepository::list(std::optional<int64_t> organizationId, std::optional<JobState> state,
                                     size_t limit) {
  std::string sql = std::string("SELECT ") + kJobColumns + " FROM jobs j WHERE 1 = 1";
  if (organizationId) sql += " AND j.organization_id = ?";
  if (state) sql += " AND j.state = ?";
  sql += " ORDER BY j.id DESC LIMIT ?";
  Query query(uow_, sql);
  if (organizationId) query.bind(*organizationId);
  if (state) query.bind(toString(*state));
  query.bind(static_cast<int64_t>(limit));
  std::vector<Job> jobs;
  for (const auto& row : query.rows()) jobs.push_back(jobFromRow(row));
  return jobs;
}

size_t JobRepository::cancelPending(std::string_view pluginKey, std::string_view kind, int64_t integrationId,
                                    const std::string& note, int64_t now) {
  beginJobWrite();
  return Query(uow_,
               "UPDATE jobs SET state = 'done', last_error = ?, updated_at = ?"
               " WHERE plugin_key = ? AND kind = ? AND integration_id = ? AND state = 'pending'")
      .bind(note)
      .bind(now)
      .bind(pluginKey)
      .bind(kind)
      .bind(integrationId)
      .execute();
}

}  // namespace ih::host::storage
