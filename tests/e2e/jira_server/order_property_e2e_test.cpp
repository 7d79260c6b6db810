// Property: whatever order Jira's webhooks arrive in, the host ends on the
// ticket's newest state (issue 10, section 1). For seeded random histories of
// assignee and status changes on several tickets (statuses moving both across
// and within the done / not-done line), the mock builds Jira's real payloads
// and holds them; the test then POSTs them to the host's webhook URL itself,
// shuffled, one at a time or from 8 threads at once, with the status category
// left out of some payloads (the plugin then reads Jira's status list). Once
// every job has run, each host issue must show its ticket's last assignee and
// the resolution of its last status; redelivering any subset of the old
// payloads afterwards must change nothing and add no activity.
//
// A failure names the seed and the mode; the seeds are fixed, so a failing
// round replays exactly (IH_ORDER_SEED=<n> runs only that seed).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "jira_e2e.h"
#include "support/eventually.h"
#include "support/http_client.h"
#include "support/json_helpers.h"

namespace ih::e2e::jira {
namespace {

using namespace std::chrono_literals;
using ih::testing::jsonString;

constexpr int kTickets = 8;
constexpr int kConcurrentSenders = 8;

// Jira statuses of the run, by category; 6 -> 10202 style moves stay on one side.
const std::vector<std::string> kNotDone = {"1", "3", "10200"};
const std::vector<std::string> kDone = {"6", "10001", "10201", "10202"};
const std::map<std::string, std::string> kAssigneeEmail = {{"alice", "alice@example.test"},
                                                           {"bob", "bob@example.test"}};

bool isDone(const std::string& status) { return std::count(kDone.begin(), kDone.end(), status) > 0; }

std::string propertyTicketKey(int index) { return "OPS-" + std::to_string(101 + index); }

struct TicketState {
  std::optional<std::string> assignee;  // Jira user name, none = unassigned
  std::string status = "1";
};

struct Delivery {
  std::string url;
  std::map<std::string, std::string> headers;
  std::string body;
};

class OrderPropertyE2E : public JiraE2ETest {
 protected:
  void SetUp() override {
    start();
    ASSERT_EQ(jira_->control("POST", "/_mock/seed", extraSeed()).status, 200);
    createOrg("acme");
    const std::string alice = createUser("alice@example.test");
    const std::string bob = createUser("bob@example.test");
    addMember("acme", alice);
    addMember("acme", bob);
    createProject("acme", "web", "core", alice);
    ASSERT_EQ(api_->addTeamMember("acme", "core", bob).status, 201);
    ASSERT_EQ(install("acme").status, 200);
    integration_ = integrationIdOf("acme");
    for (int index = 0; index < kTickets; ++index) {
      issues_.push_back(createIssue("acme", "web", "Ticket " + propertyTicketKey(index)));
      ASSERT_TRUE(linkIssue("acme", issues_.back(), integration_, propertyTicketKey(index)));
    }
    tickets_.assign(kTickets, TicketState{});
    Reply on = setConfig("acme", integration_, R"({"sync_reverse_assignment":true,"sync_status_reverse":true})");
    ASSERT_EQ(on.status, 200) << on.describe();
    ASSERT_TRUE(settled());
  }

  static std::string extraSeed() {
    std::string seed = R"({"statuses":[)"
                       R"({"id":"10200","name":"Review","category":"indeterminate"},)"
                       R"({"id":"6","name":"Closed","category":"done"},)"
                       R"({"id":"10201","name":"Resolved","category":"done"},)"
                       R"({"id":"10202","name":"Won't Do","category":"done"}],"issues":[)";
    for (int index = 0; index < kTickets; ++index) {
      seed += std::string(index ? "," : "") + R"({"key":")" + propertyTicketKey(index) +
              R"(","project":"OPS","summary":"Property ticket","status":"1","assignee":null})";
    }
    return seed + "]}";
  }

  // Makes `count` random changes per ticket in Jira (each differs from the
  // ticket's current value, so each is a real change with its own webhook).
  void makeHistories(std::mt19937_64& random, int count) {
    for (int index = 0; index < kTickets; ++index) {
      for (int change = 0; change < count; ++change) {
        TicketState& ticket = tickets_[index];
        if (random() % 2 == 0) {
          std::vector<std::optional<std::string>> choices = {std::nullopt, "alice", "bob"};
          choices.erase(std::find(choices.begin(), choices.end(), ticket.assignee));
          ticket.assignee = choices[random() % choices.size()];
          const std::string value = ticket.assignee ? "\"" + *ticket.assignee + "\"" : "null";
          jiraChange(propertyTicketKey(index), "assignee", R"({"assignee":)" + value + R"(,"actor":"alice"})");
        } else {
          std::vector<std::string> choices = kNotDone;
          choices.insert(choices.end(), kDone.begin(), kDone.end());
          choices.erase(std::find(choices.begin(), choices.end(), ticket.status));
          ticket.status = choices[random() % choices.size()];
          jiraChange(propertyTicketKey(index), "status", R"({"status":")" + ticket.status + R"(","actor":"alice"})");
        }
      }
    }
  }

  void jiraChange(const std::string& key, const std::string& what, const std::string& body) {
    auto changed = jira_->control("POST", "/_mock/issues/" + key + "/" + what, body);
    ASSERT_EQ(changed.status, 200) << changed.body;
  }

  // The held deliveries, then drops them in the mock (the test delivers them).
  std::vector<Delivery> takeHeldDeliveries(std::mt19937_64& random) {
    std::vector<Delivery> taken;
    const auto pending = mockJson("GET", "/_mock/deliveries/pending");
    for (const auto& held : pending.GetArray()) {
      Delivery delivery{jsonString(held, "/url"), {}, jsonString(held, "/body")};
      for (const auto& header : held["headers"].GetObject()) {
        delivery.headers[header.name.GetString()] = header.value.GetString();
      }
      // The category is optional in Jira's payloads; a third go without it
      // (only unsigned ones: a signature covers the body).
      if (random() % 3 == 0 && delivery.headers.count("x-hub-signature") == 0) {
        auto doc = ih::testing::parseJson(delivery.body);
        doc["issue"]["fields"]["status"].RemoveMember("statusCategory");
        delivery.body = ih::testing::toJson(doc);
      }
      taken.push_back(std::move(delivery));
    }
    mockJson("POST", "/_mock/deliveries/control", R"({"mode":"drop"})");
    return taken;
  }

  // POSTs the deliveries in the given order, one at a time or from several
  // threads at once; every one must be accepted.
  void send(const std::vector<Delivery>& deliveries, bool concurrently) {
    std::vector<int> statuses(deliveries.size(), 0);
    std::atomic<size_t> next{0};
    auto sender = [&] {
      for (size_t index = next++; index < deliveries.size(); index = next++) {
        const Delivery& delivery = deliveries[index];
        statuses[index] = ih::testing::httpRequest("POST", delivery.url, delivery.body, delivery.headers).status;
      }
    };
    if (!concurrently) {
      sender();
    } else {
      std::vector<std::thread> threads;
      for (int thread = 0; thread < kConcurrentSenders; ++thread) threads.emplace_back(sender);
      for (auto& thread : threads) thread.join();
    }
    for (size_t index = 0; index < deliveries.size(); ++index) {
      EXPECT_EQ(statuses[index], 200) << deliveries[index].body;
    }
  }

  // No job of acme pending (retries included) or running.
  bool settled() {
    return ih::testing::eventually(
        [&] {
          if (!host_->inboxDrained()) return false;
          for (const char* state : {"pending", "running"}) {
            Reply list = host_->get(std::string("/api/0/organizations/acme/jobs/?state=") + state, kAdmin);
            if (list.status != 200 || !list.json.IsArray() || !list.json.Empty()) return false;
          }
          return true;
        },
        20s);
  }

  void expectNewestState(const std::string& context) {
    for (int index = 0; index < kTickets; ++index) {
      const TicketState& ticket = tickets_[index];
      const std::string email = ticket.assignee ? kAssigneeEmail.at(*ticket.assignee) : "";
      EXPECT_EQ(assigneeEmail("acme", issues_[index]), email)
          << context << ": " << propertyTicketKey(index) << " ends on Jira's last assignee";
      EXPECT_EQ(getIssue("acme", issues_[index]).str("status"), isDone(ticket.status) ? "resolved" : "unresolved")
          << context << ": " << propertyTicketKey(index) << " ends on its last status " << ticket.status;
    }
  }

  std::vector<size_t> activityCounts() {
    std::vector<size_t> counts;
    for (const auto& issue : issues_) {
      Reply list = activities("acme", issue);
      counts.push_back(list.json.IsArray() ? list.json.Size() : 0);
    }
    return counts;
  }

  // One round: histories, shuffled delivery, the newest state; then a random
  // subset of this round's payloads again, which must change nothing.
  void round(uint64_t seed, bool concurrently) {
    const std::string context = "seed " + std::to_string(seed) + (concurrently ? " (concurrent)" : " (sequential)");
    SCOPED_TRACE(context);
    std::mt19937_64 random(seed);
    mockJson("POST", "/_mock/deliveries/control", R"({"mode":"hold"})");
    makeHistories(random, 6 + static_cast<int>(random() % 5));
    auto deliveries = takeHeldDeliveries(random);
    ASSERT_GE(deliveries.size(), static_cast<size_t>(kTickets * 6));
    std::shuffle(deliveries.begin(), deliveries.end(), random);
    send(deliveries, concurrently);
    ASSERT_TRUE(settled()) << context;
    expectNewestState(context);

    const auto activitiesBefore = activityCounts();
    std::vector<Delivery> again;
    for (const auto& delivery : deliveries) {
      if (random() % 2 == 0) again.push_back(delivery);
    }
    std::shuffle(again.begin(), again.end(), random);
    send(again, concurrently);
    ASSERT_TRUE(settled()) << context;
    expectNewestState(context + ", after redelivering " + std::to_string(again.size()) + " old payloads");
    EXPECT_EQ(activityCounts(), activitiesBefore) << context << ": a redelivery added activity";
  }

  std::string integration_;
  std::vector<std::string> issues_;
  std::vector<TicketState> tickets_;
};

TEST_F(OrderPropertyE2E, ShuffledDeliveriesEndOnTheNewestStateAndRedeliveriesChangeNothing) {
  std::vector<uint64_t> seeds = {1001, 2002, 3003, 4004, 5005, 6006};
  if (const char* only = std::getenv("IH_ORDER_SEED")) seeds = {std::strtoull(only, nullptr, 10)};
  for (size_t index = 0; index < seeds.size(); ++index) {
    round(seeds[index], /*concurrently=*/index % 2 == 1);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace ih::e2e::jira
