// The journal never lags the effects it records: while a Jira request is
// being served (its change may already be visible, to a reader of the ticket
// or through its webhook), reading or clearing the journal waits for the
// request's entry. Without that, an e2e test that saw a ticket change read
// the journal one entry short under load.
#include <gtest/gtest.h>

#include <atomic>
#include <optional>
#include <string>
#include <thread>

#include "server/journal.h"
#include "support/thread_state.h"

namespace ih::mock {
namespace {

HttpRequest put(const std::string& body) {
  HttpRequest request;
  request.method = "PUT";
  request.path = "/rest/api/2/issue/OPS-1/assignee";
  request.body = body;
  return request;
}

TEST(JournalOrder, AReaderWaitsForTheEntryOfARequestBeingServed) {
  Journal journal;
  std::optional serving(journal.recording());  // applied, not journalled yet
  std::atomic<int> readerThread{0};
  std::string seen;
  std::thread reader([&] {
    readerThread = ih::testing::currentThreadId();
    seen = journal.json("", "");
  });
  EXPECT_TRUE(ih::testing::waitUntilBlocked(readerThread)) << "the reader must wait while a request is being served";
  journal.append(put(R"({"name":"bob"})"), HttpResponse::noContent(204));
  serving.reset();
  reader.join();
  EXPECT_NE(seen.find(R"({\"name\":\"bob\"})"), std::string::npos) << seen;
}

TEST(JournalOrder, ClearingWaitsTooSoNoEntryOutlivesIt) {
  Journal journal;
  std::optional serving(journal.recording());
  std::atomic<int> clearerThread{0};
  std::thread clearer([&] {
    clearerThread = ih::testing::currentThreadId();
    journal.clear();
  });
  EXPECT_TRUE(ih::testing::waitUntilBlocked(clearerThread)) << "clearing must wait while a request is being served";
  journal.append(put("{}"), HttpResponse::noContent(204));
  serving.reset();
  clearer.join();
  EXPECT_EQ(journal.json("", ""), "[]") << "a request that started before the clear is cleared with it";
}

}  // namespace
}  // namespace ih::mock
