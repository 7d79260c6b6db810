// The webhook inbox's storage, on both backends: a stored request comes back
// byte for byte (headers and body are the sender's bytes, which PostgreSQL's
// TEXT would refuse), in arrival order, retried and given up as recorded;
// and on PostgreSQL two appliers never take the same request.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/secret_box.h"
#include "common/base64.h"
#include "storage/inbox_repository.h"
#include "storage/query.h"
#include "support/backend.h"
#include "support/zlib_streams.h"

namespace ih::host::storage {
namespace {

// About what Jira sends: many fields, much of it repeated.
std::string jiraLikeBody() {
  std::string body = "{";
  for (int i = 0; body.size() < 6500; ++i) body += "\"customfield_" + std::to_string(10000 + i) + "\": null, ";
  return body + "\"webhookEvent\": \"jira:issue_updated\"}";
}

// A row as an older host wrote it, its body column `storedBody`.
int64_t insertAsAnOlderHost(UnitOfWork& uow, const std::string& storedBody) {
  uow.beginWrite();
  return Query(uow,
               "INSERT INTO webhook_inbox (plugin_key, method, path, query, headers, body, received_at)"
               " VALUES ('p', 'POST', '/x/', '', '', ?, 1000) RETURNING id")
      .bind(storedBody)
      .scalarInt64();
}

// As hosts before zstd stored a body: `z<size>:` and its zlib stream in base64.
std::string zlibBodyColumn(const std::string& body) {
  return "z" + std::to_string(body.size()) + ":" + base64Encode(ih::test::deflateAsAnOlderHost(body));
}

class InboxRepositoryTest : public ih::test::BackendTest {
 protected:
  static InboxRequest request(const std::string& body) {
    InboxRequest r;
    r.pluginKey = "jira_server";
    r.method = "POST";
    r.path = "/extensions/jira-server/issue-updated/t0ken/";
    r.query = "a=1";
    r.headers = {{"content-type", "application/json"}, {"x-hub-signature", "sha256=ab"}};
    r.body = body;
    r.receivedAt = 1000;
    return r;
  }
  void store(const std::vector<std::string>& bodies) {
    auto uow = db().begin();
    for (const auto& body : bodies) InboxRepository(*uow).append(request(body));
    uow->commit();
  }
  std::vector<std::string> dueBodies(int64_t now, size_t limit = 10) {
    auto uow = db().begin();
    std::vector<std::string> bodies;
    for (const auto& r : InboxRepository(*uow).takeDue(now, limit)) bodies.push_back(r.body);
    return bodies;
  }
};

// A batch the appender stores: more rows than one statement carries, each
// with its own fields, in order, under the newest id returned.
TEST_P(InboxRepositoryTest, ABatchIsStoredInOrderAcrossStatements) {
  std::vector<InboxRequest> batch;
  for (size_t i = 0; i < InboxRepository::kAppendRowsPerStatement + 5; ++i) {
    InboxRequest r = request("body " + std::to_string(i));
    r.path = "/hook/" + std::to_string(i) + "/";
    r.headers = {{"x-n", std::to_string(i)}};
    r.receivedAt = 1000 + static_cast<int64_t>(i);
    batch.push_back(r);
  }
  int64_t newest = 0;
  {
    auto uow = db().begin();
    EXPECT_EQ(InboxRepository(*uow).appendAll({}), 0);
    newest = InboxRepository(*uow).appendAll(batch);
    uow->commit();
  }
  auto uow = db().begin();
  const auto due = InboxRepository(*uow).takeDue(2000, 100);
  ASSERT_EQ(due.size(), batch.size());
  EXPECT_EQ(due.back().id, newest);
  for (size_t i = 0; i < batch.size(); ++i) {
    EXPECT_EQ(due[i].body, batch[i].body);
    EXPECT_EQ(due[i].path, batch[i].path);
    EXPECT_EQ(due[i].headers, batch[i].headers);
    EXPECT_EQ(due[i].receivedAt, batch[i].receivedAt);
    if (i > 0) {
      EXPECT_GT(due[i].id, due[i - 1].id);
    }
  }
}

TEST_P(InboxRepositoryTest, ARequestComesBackByteForByte) {
  InboxRequest sent = request(std::string("{\"k\":\"caf\xc3\xa9\"}\0\xff\r\n", 17));
  sent.headers.emplace_back("x-odd", std::string("a\0b:7:\xfe", 7));
  sent.headers.emplace_back("x-empty", "");
  {
    auto uow = db().begin();
    InboxRepository(*uow).append(sent);
    uow->commit();
  }
  auto uow = db().begin();
  const auto due = InboxRepository(*uow).takeDue(1000, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_GT(due[0].id, 0);
  EXPECT_EQ(due[0].pluginKey, sent.pluginKey);
  EXPECT_EQ(due[0].method, sent.method);
  EXPECT_EQ(due[0].path, sent.path);
  EXPECT_EQ(due[0].query, sent.query);
  EXPECT_EQ(due[0].headers, sent.headers);
  EXPECT_EQ(due[0].body, sent.body);
  EXPECT_EQ(due[0].receivedAt, 1000);
  EXPECT_EQ(due[0].attempts, 0);
}

// With the host's key, what a copy of the database shows of a request is
// neither its path (a webhook's carries its token), nor its query, nor its
// headers; the applier, holding the key, reads them back. A row an older host
// left in plaintext still reads; a sealed row is never read without the key.
TEST_P(InboxRepositoryTest, PathQueryAndHeadersAreSealedAtRest) {
  const auth::SecretBox key = auth::SecretBox::fromKey(std::string(32, 'k'));
  const InboxRequest sent = request("{}");
  {
    auto uow = db().begin();
    InboxRepository(*uow, &key).append(sent);
    InboxRepository(*uow).append(request("older"));  // as an older host: plaintext
    uow->commit();
  }
  {
    auto uow = db().begin();
    const auto stored = Query(*uow, "SELECT path, query, headers FROM webhook_inbox ORDER BY id").rows();
    ASSERT_EQ(stored.size(), 2u);
    EXPECT_EQ(stored[0].text(0), "(sealed)");
    EXPECT_EQ(stored[0].text(1), "");
    EXPECT_TRUE(auth::SecretBox::isSealed(stored[0].text(2))) << "one message for path, query and headers";
    for (int column = 0; column < 3; ++column) {
      const std::string text = stored[0].text(column);
      EXPECT_EQ(text.find("t0ken"), std::string::npos);
      EXPECT_EQ(text.find(base64Encode("x-hub-signature")), std::string::npos);
    }
  }
  auto uow = db().begin();
  const auto due = InboxRepository(*uow, &key).takeDue(1000, 10);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].unreadable, "");
  EXPECT_EQ(due[0].path, sent.path);
  EXPECT_EQ(due[0].query, sent.query);
  EXPECT_EQ(due[0].headers, sent.headers);
  EXPECT_EQ(due[0].body, "{}");
  EXPECT_EQ(due[1].path, sent.path) << "plaintext of an older host";
  EXPECT_EQ(due[1].body, "older");

  const auto withoutKey = InboxRepository(*uow).takeDue(1000, 10);
  ASSERT_EQ(withoutKey.size(), 2u);
  EXPECT_NE(withoutKey[0].unreadable.find("holds no key"), std::string::npos) << withoutKey[0].unreadable;
  EXPECT_TRUE(withoutKey[0].path.empty());
  const auth::SecretBox otherKey = auth::SecretBox::fromKey(std::string(32, 'o'));
  EXPECT_NE(InboxRepository(*uow, &otherKey).takeDue(1000, 10)[0].unreadable.find("another key"), std::string::npos);
}

TEST_P(InboxRepositoryTest, RequestsAreTakenInArrivalOrderAndRemovedWhenApplied) {
  store({"1", "2", "3", "4", "5"});
  EXPECT_EQ(dueBodies(0, 3), (std::vector<std::string>{"1", "2", "3"}));
  {
    auto uow = db().begin();
    InboxRepository inbox(*uow);
    const auto due = inbox.takeDue(0, 10);
    inbox.remove({due[0].id, due[1].id});  // a range
    inbox.remove({due[3].id});              // and a single one out of order
    uow->commit();
  }
  EXPECT_EQ(dueBodies(0), (std::vector<std::string>{"3", "5"}));
  auto uow = db().begin();
  EXPECT_EQ(InboxRepository(*uow).pending(), 2);
}

// Appliers beside each other take ids with gaps; more of them than one
// statement removes.
TEST_P(InboxRepositoryTest, ManyIdsWithGapsAreRemovedAndTheOthersKept) {
  std::vector<std::string> bodies;
  for (int i = 0; i < 45; ++i) bodies.push_back(std::to_string(i));
  store(bodies);
  std::vector<std::string> kept;
  {
    auto uow = db().begin();
    InboxRepository inbox(*uow);
    std::vector<int64_t> applied;
    for (const auto& request : inbox.takeDue(0, 100)) {
      if (std::stoi(request.body) % 2 == 0) {
        applied.push_back(request.id);
      } else {
        kept.push_back(request.body);
      }
    }
    ASSERT_EQ(applied.size(), 23u);
    inbox.remove(applied);
    uow->commit();
  }
  EXPECT_EQ(dueBodies(0, 100), kept);
}

TEST_P(InboxRepositoryTest, AFailureWaitsForItsRetryAndADeadRequestIsKeptButNotTaken) {
  store({"fails", "dies", "next"});
  {
    auto uow = db().begin();
    InboxRepository inbox(*uow);
    const auto due = inbox.takeDue(0, 10);
    inbox.recordFailure(due[0].id, 1, 5000, "HTTP 500", false);
    inbox.recordFailure(due[1].id, 8, 5000, "HTTP 500", true);
    uow->commit();
  }
  EXPECT_EQ(dueBodies(4999), (std::vector<std::string>{"next"}));
  EXPECT_EQ(dueBodies(5000), (std::vector<std::string>{"fails", "next"}));
  auto uow = db().begin();
  InboxRepository inbox(*uow);
  EXPECT_EQ(inbox.takeDue(5000, 1).front().attempts, 1);
  EXPECT_EQ(inbox.pending(), 2);
  EXPECT_EQ(inbox.dead(), 1);
  EXPECT_EQ(Query(*uow, "SELECT last_error FROM webhook_inbox WHERE dead = 1").one()->text(0), "HTTP 500");
}

// A claim reads a window of ids at a time; what lies past many rows it cannot
// take (dead ones kept for an operator, retries not due yet) is still found.
TEST_P(InboxRepositoryTest, ARequestPastManyRowsThatCannotBeTakenIsFound) {
  std::vector<std::string> bodies(1500, "stuck");
  bodies.push_back("due");
  store(bodies);
  {
    auto uow = db().begin();
    InboxRepository inbox(*uow);
    for (int64_t id = 1; id <= 1000; ++id) inbox.recordFailure(id, 8, 0, "gone", true);
    for (int64_t id = 1001; id <= 1500; ++id) inbox.recordFailure(id, 1, 9000, "HTTP 503", false);
    uow->commit();
  }
  EXPECT_EQ(dueBodies(5000), (std::vector<std::string>{"due"}));
  EXPECT_EQ(dueBodies(9000).size(), 10u);
}

// A row that cannot be read comes back marked so, with nothing guessed, and
// does not keep the rows behind it from being taken.
TEST_P(InboxRepositoryTest, ARowDamagedInTheDatabaseIsRefusedNotMisread) {
  store({"x", "y"});
  {
    auto uow = db().begin();
    uow->beginWrite();
    Query(*uow, "UPDATE webhook_inbox SET headers = 'not base64!' WHERE id = (SELECT min(id) FROM webhook_inbox)")
        .execute();
    uow->commit();
  }
  auto uow = db().begin();
  const auto due = InboxRepository(*uow).takeDue(0, 10);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_NE(due[0].unreadable.find("headers"), std::string::npos) << due[0].unreadable;
  EXPECT_TRUE(due[0].headers.empty());
  EXPECT_TRUE(due[0].body.empty());
  EXPECT_EQ(due[1].unreadable, "");
  EXPECT_EQ(due[1].body, "y");
}

// What an acknowledgement writes and flushes is the compressed body: a
// quarter of the request's bytes here. It comes back byte for byte.
TEST_P(InboxRepositoryTest, ABodyIsStoredCompressed) {
  const std::string body = jiraLikeBody();
  store({body});
  {
    auto uow = db().begin();
    const std::string stored = Query(*uow, "SELECT body FROM webhook_inbox").one()->text(0);
    EXPECT_LT(stored.size(), body.size() / 4) << stored.substr(0, 80);
    EXPECT_EQ(stored.substr(0, 1 + std::to_string(body.size()).size() + 1), "s" + std::to_string(body.size()) + ":");
  }
  EXPECT_EQ(dueBodies(1000), (std::vector<std::string>{body}));
}

// Where the caller compressed the body already (on its own thread), the
// stored row is the same.
TEST_P(InboxRepositoryTest, ABodyEncodedByTheCallerIsStoredAsIs) {
  InboxRequest encoded = request(jiraLikeBody());
  encoded.encodedBody = InboxRepository::encodeBody(encoded.body);
  encoded.body = "not what is stored";
  {
    auto uow = db().begin();
    InboxRepository(*uow).append(encoded);
    uow->commit();
  }
  EXPECT_EQ(dueBodies(1000), (std::vector<std::string>{jiraLikeBody()}));
}

// Hosts of one database are upgraded one at a time: rows stored before
// bodies were compressed, and rows compressed with zlib, are still applied,
// in order with the new ones.
TEST_P(InboxRepositoryTest, RowsOfOlderHostsStillRead) {
  const std::string oldest = std::string("{\"k\": \"caf\xc3\xa9\"}\0\xff", 16);
  const std::string zlibEra = jiraLikeBody();
  {
    auto uow = db().begin();
    insertAsAnOlderHost(*uow, base64Encode(oldest));
    insertAsAnOlderHost(*uow, zlibBodyColumn(zlibEra));
    uow->commit();
  }
  store({"newer"});
  EXPECT_EQ(dueBodies(1000), (std::vector<std::string>{oldest, zlibEra, "newer"}));
}

// A compressed body, of this host's format or zlib's, that is damaged, cut
// short, of another size than its row says, or marked with the other format
// is refused, not applied as other bytes.
TEST_P(InboxRepositoryTest, ADamagedCompressedBodyIsRefused) {
  std::vector<std::string> damagedColumns;
  for (const std::string& good : {InboxRepository::encodeBody(jiraLikeBody()), zlibBodyColumn(jiraLikeBody())}) {
    const std::string mark = good.substr(0, 1);
    const std::string otherMark = mark == "s" ? "z" : "s";
    const size_t colon = good.find(':');
    ASSERT_NE(colon, std::string::npos);
    const std::string payload = good.substr(colon + 1);
    std::string flipped = payload;
    flipped[flipped.size() / 2] = flipped[flipped.size() / 2] == 'A' ? 'B' : 'A';
    const std::string size = good.substr(1, colon - 1);
    for (const std::string& damaged : {mark + size + ":" + flipped,  // bytes changed
                                       mark + size + ":" + payload.substr(0, payload.size() / 2 / 4 * 4),  // cut short
                                       mark + std::to_string(std::stoul(size) + 1) + ":" + payload,  // another size
                                       otherMark + size + ":" + payload,                             // another format
                                       mark + ":" + payload, mark + mark + ":" + payload, mark + size}) {
      damagedColumns.push_back(damaged);
    }
  }
  for (const std::string& damaged : damagedColumns) {
    {
      auto uow = db().begin();
      uow->beginWrite();
      Query(*uow, "DELETE FROM webhook_inbox").execute();
      uow->commit();
    }
    store({"x"});
    {
      auto uow = db().begin();
      uow->beginWrite();
      Query(*uow, "UPDATE webhook_inbox SET body = ?").bind(damaged).execute();
      uow->commit();
    }
    auto uow = db().begin();
    const auto due = InboxRepository(*uow).takeDue(0, 10);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_NE(due[0].unreadable.find("body"), std::string::npos) << damaged.substr(0, 40);
    EXPECT_TRUE(due[0].body.empty()) << damaged.substr(0, 40);
  }
}

IH_INSTANTIATE_BACKENDS(InboxRepositoryTest);

class PostgresInboxClaimTest : public ih::test::BackendTest {};

// Two hosts' appliers at once: the second passes over the rows the first
// holds (FOR UPDATE SKIP LOCKED) instead of applying them again, and gets
// them once the first rolls back (a host that died mid-batch).
TEST_P(PostgresInboxClaimTest, TwoAppliersTakeDisjointRequests) {
  {
    auto uow = db().begin();
    for (const char* body : {"1", "2", "3", "4"}) {
      InboxRequest r;
      r.pluginKey = "p";
      r.method = "POST";
      r.path = "/x/";
      r.body = body;
      InboxRepository(*uow).append(r);
    }
    uow->commit();
  }
  auto first = db().begin();
  const auto firstTook = InboxRepository(*first).takeDue(0, 2);
  auto second = db().begin();
  const auto secondTook = InboxRepository(*second).takeDue(0, 10);
  ASSERT_EQ(firstTook.size(), 2u);
  ASSERT_EQ(secondTook.size(), 2u);
  EXPECT_EQ(firstTook[0].body + firstTook[1].body, "12");
  EXPECT_EQ(secondTook[0].body + secondTook[1].body, "34");
  second->rollback();
  first->rollback();
  auto third = db().begin();
  EXPECT_EQ(InboxRepository(*third).takeDue(0, 10).size(), 4u);
}

// An applier that finds every row of its window held by others goes on past it.
TEST_P(PostgresInboxClaimTest, AnApplierPassesOverAWindowOthersHold) {
  {
    auto uow = db().begin();
    for (int i = 0; i < 1200; ++i) {
      InboxRequest r;
      r.pluginKey = "p";
      r.method = "POST";
      r.path = "/x/";
      r.body = std::to_string(i);
      InboxRepository(*uow).append(r);
    }
    uow->commit();
  }
  std::vector<std::unique_ptr<UnitOfWork>> holders;
  size_t held = 0;
  while (held < 1000) {
    holders.push_back(db().begin());
    held += InboxRepository(*holders.back()).takeDue(0, 100).size();
  }
  auto late = db().begin();
  const auto took = InboxRepository(*late).takeDue(0, 10);
  ASSERT_EQ(took.size(), 10u);
  EXPECT_EQ(took.front().body, std::to_string(held));
  for (auto& holder : holders) holder->rollback();
}

IH_INSTANTIATE_POSTGRES_ONLY(PostgresInboxClaimTest);

class PostgresInboxStorageTest : public ih::test::BackendTest {};

// A row an older host stored (its body in plain base64, large) is compressed
// with lz4 by the server (the test server is Debian's, built with it), and
// still comes back byte for byte.
TEST_P(PostgresInboxStorageTest, ALargePlainBodyOfAnOlderHostIsCompressedWithLz4) {
  const std::string body = jiraLikeBody();
  int64_t id = 0;
  {
    auto uow = db().begin();
    id = insertAsAnOlderHost(*uow, base64Encode(body));
    uow->commit();
  }
  auto uow = db().begin();
  const std::optional<Row> method = Query(*uow, "SELECT pg_column_compression(body) FROM webhook_inbox WHERE id = ?").bind(id).one();
  ASSERT_TRUE(method.has_value());
  EXPECT_EQ(method->text(0), "lz4");
  const auto took = InboxRepository(*uow).takeDue(0, 10);
  ASSERT_EQ(took.size(), 1u);
  EXPECT_EQ(took[0].body, body);
}

IH_INSTANTIATE_POSTGRES_ONLY(PostgresInboxStorageTest);

}  // namespace
}  // namespace ih::host::storage
