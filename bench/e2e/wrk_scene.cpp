// bench/e2e/wrk_scene.cpp - see wrk_scene.h.
#include "e2e/wrk_scene.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "e2e/wall_clock.h"
#include "payloads/jira_payload.h"

namespace ih::bench {

namespace {

// A time no real delivery carries; its renderings become the Lua template's holes.
constexpr int64_t kSentinelUpdatedMs = 4102444812345;  // 2100-01-01T00:00:12.345Z

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// A Lua long string that cannot be closed early by the body's own text.
std::string luaString(const std::string& text) { return "[==[" + text + "]==]"; }

std::string assigneeTemplate(const BenchStack& stack, int ticket, bool toAlice) {
  IssueUpdate update;
  update.issueKey = stack.loadTicketKey(ticket);
  update.issueId = 10000 + ticket;
  update.updatedMs = kSentinelUpdatedMs;
  update.assignee = toAlice ? seedAlice() : seedBob();
  update.previousAssignee = toAlice ? seedBob() : seedAlice();
  std::string body = buildIssueUpdatedPayload(update);
  replaceAll(body, std::to_string(kSentinelUpdatedMs), "@MS@");
  replaceAll(body, formatJiraTime(kSentinelUpdatedMs), "@UPDATED@");
  replaceAll(body, "\"10" + std::to_string(kSentinelUpdatedMs % 100000) + "\"", "\"@CHANGELOG@\"");
  return body;
}

void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// Each template is cut at its holes once, so a request costs one
// table.concat of its pieces: three gsub passes over the 6 KB body per
// request held wrk to 6 000-9 000 requests/s on a core of its own, below
// the rates it was measuring (docs/benchmarks.md, issue 12 "Round 10").
constexpr const char* kAssigneeRequest = R"lua(
local path = os.getenv("WRK_PATH") or webhook_path
local headers = {["Content-Type"] = "application/json"}
local holes = {["@MS@"] = 1, ["@UPDATED@"] = 2, ["@CHANGELOG@"] = 3}
-- pieces[flip][ticket]: literal text and hole numbers, in body order.
local pieces = {{}, {}}
for flip = 1, 2 do
  for ticket, text in ipairs(templates[flip]) do
    local list, at = {}, 1
    while true do
      local from, to, name = text:find("(@[A-Z]+@)", at)
      if not from then break end
      list[#list + 1] = text:sub(at, from - 1)
      list[#list + 1] = holes[name] or name
      at = to + 1
    end
    list[#list + 1] = text:sub(at)
    pieces[flip][ticket] = list
  end
end
-- Start past every time the set-up used; one millisecond more per request.
-- A run after another one on the same tickets starts where WRK_EVENT_MS_FROM
-- says: each request is dated a millisecond after the one before, ahead of
-- the clock, so a run starting from the clock would send deliveries older
-- than those already applied, which the host skips as stale.
local next_ms = tonumber(os.getenv("WRK_EVENT_MS_FROM") or "") or (os.time() + 5) * 1000
local sent = 0
local second, second_text = -1, ""
local values, parts = {}, {}
request = function()
  sent = sent + 1
  next_ms = next_ms + 1
  local ticket = sent % #templates[1] + 1
  local flip = math.floor(sent / #templates[1]) % 2 + 1
  local this_second = math.floor(next_ms / 1000)
  if this_second ~= second then
    second, second_text = this_second, os.date("!%Y-%m-%dT%H:%M:%S", this_second)
  end
  values[1] = string.format("%.0f", next_ms)
  values[2] = second_text .. string.format(".%03d+0000", next_ms % 1000)
  values[3] = "10" .. string.format("%.0f", next_ms % 100000)
  local list = pieces[flip][ticket]
  for i = 1, #list do
    local piece = list[i]
    parts[i] = type(piece) == "number" and values[piece] or piece
  end
  for i = #list + 1, #parts do parts[i] = nil end
  return wrk.format("POST", path, headers, table.concat(parts))
end
)lua";

}  // namespace

void serveWrkScene(BenchStack& stack, const std::string& directory) {
  const std::filesystem::path dir(directory);
  std::filesystem::create_directories(dir);

  IssueUpdate noop;
  noop.issueKey = stack.loadTicketKey(0);
  noop.issueId = 10000;
  noop.updatedMs = wallClockMs();
  noop.assignee = seedBob();
  noop.withChangelog = false;
  const std::string noopBody = buildIssueUpdatedPayload(noop);
  writeFile(dir / "noop.lua", "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
                              "wrk.path = os.getenv(\"WRK_PATH\") or " + luaString(stack.webhookPath()) +
                                  "\nwrk.body = " + luaString(noopBody) + "\n");

  std::string lua = "webhook_path = " + luaString(stack.webhookPath()) + "\ntemplates = {{}, {}}\n";
  for (int ticket = 0; ticket < stack.loadTickets(); ++ticket) {
    lua += "templates[1][" + std::to_string(ticket + 1) + "] = " + luaString(assigneeTemplate(stack, ticket, true)) + "\n";
    lua += "templates[2][" + std::to_string(ticket + 1) + "] = " + luaString(assigneeTemplate(stack, ticket, false)) + "\n";
  }
  writeFile(dir / "assignee.lua", lua + kAssigneeRequest);

  writeFile(dir / "scene.env", "HOST_URL=" + stack.host().baseUrl() + "\nHOST_PID=" + std::to_string(stack.hostPid()) +
                                   "\nWEBHOOK_BYTES=" + std::to_string(noopBody.size()) +
                                   "\nHOST_DATA_DIR=" + stack.hostDataDir() + "\n");
  while (!std::filesystem::exists(dir / "done")) std::this_thread::sleep_for(std::chrono::milliseconds(200));
}

}  // namespace ih::bench
