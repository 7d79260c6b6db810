#include "failure_report.h"

#include <sstream>

#include "support/json_helpers.h"

namespace ih::replay {
namespace {

constexpr int kTailLines = 40;

// A log line without its leading timestamp and trailing duration ("0.3ms"), so the
// polls of an "eventually" step compare equal.
std::string withoutTimes(const std::string& line) {
  auto start = line.find(' ');
  auto text = start == std::string::npos ? line : line.substr(start + 1);
  auto last = text.rfind(' ');
  if (last != std::string::npos && text.size() > 2 && text.compare(text.size() - 2, 2, "ms") == 0) text.resize(last);
  return text;
}

// The last `lines` lines of a log, runs of repeated lines folded into one.
std::string tail(const std::string& text, int lines) {
  std::vector<std::string> folded;
  std::string previous;
  int repeats = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!folded.empty() && withoutTimes(line) == previous) {
      ++repeats;
      continue;
    }
    if (repeats > 0) folded.back() += "   [and " + std::to_string(repeats) + " more like it]";
    repeats = 0;
    previous = withoutTimes(line);
    folded.push_back(line);
  }
  if (repeats > 0) folded.back() += "   [and " + std::to_string(repeats) + " more like it]";
  std::string out;
  const auto from = folded.size() > static_cast<std::size_t>(lines) ? folded.size() - lines : 0;
  for (auto i = from; i < folded.size(); ++i) out += folded[i] + "\n";
  return out;
}

std::string joined(const rapidjson::Value& strings) {
  std::string text;
  for (const auto& item : strings.GetArray()) text += (text.empty() ? "" : ", ") + std::string(item.GetString());
  return text;
}

std::string interactionName(const rapidjson::Value* interactions, std::int64_t id) {
  if (interactions != nullptr && interactions->IsArray()) {
    for (const auto& interaction : interactions->GetArray()) {
      if (interaction.HasMember("id") && interaction["id"].IsInt64() && interaction["id"].GetInt64() == id) {
        const auto& request = interaction["request"];
        return "interaction " + std::to_string(id) + " (" + request["method"].GetString() + " " +
               request["path"].GetString() + ")";
      }
    }
  }
  return "interaction " + std::to_string(id);
}

void describeNearMiss(std::ostringstream& out, const rapidjson::Value& report, const rapidjson::Value* interactions) {
  const auto& request = report["request"];
  out << "  " << request["method"].GetString() << " " << request["path"].GetString();
  if (request.HasMember("query") && request["query"].IsString() && request["query"].GetStringLength() > 0) {
    out << "?" << request["query"].GetString();
  }
  out << "\n    " << report["error"].GetString() << "\n";
  if (request.HasMember("body") && request["body"].IsString() && request["body"].GetStringLength() > 0) {
    out << "    body sent: " << request["body"].GetString() << "\n";
  }
  for (const auto& candidate : report["candidates"].GetArray()) {
    out << "    closest: " << interactionName(interactions, candidate["id"].GetInt64()) << " - passed ["
        << joined(candidate["passed"]) << "], failed [" << joined(candidate["failed"]) << "]\n";
    for (const auto& diff : candidate["diff"].GetArray()) out << "      " << diff.GetString() << "\n";
  }
}

}  // namespace

std::string describeReplayStatus(const std::string& replayStatusJson, const rapidjson::Value* interactions) {
  if (replayStatusJson.empty()) return "";
  rapidjson::Document status;
  status.Parse(replayStatusJson.c_str());
  if (status.HasParseError() || !status.IsObject()) return "GET /_mock/replay: " + replayStatusJson + "\n";
  std::ostringstream out;
  const auto& unmatched = status["unmatched"];
  if (unmatched.Size() > 0) {
    out << "requests the fixture has no unused interaction for (near misses):\n";
    for (const auto& report : unmatched.GetArray()) describeNearMiss(out, report, interactions);
  }
  const auto& unused = status["unused"];
  if (unused.Size() > 0) {
    out << "recorded interactions never requested:\n";
    for (const auto& id : unused.GetArray()) out << "  " << interactionName(interactions, id.GetInt64()) << "\n";
  }
  return out.str();
}

std::string formatFailureReport(const FailureFacts& facts) {
  std::ostringstream out;
  out << "==== " << facts.mode << " of scenario " << facts.scenario << " FAILED\n";
  if (facts.failedStep) {
    const auto& step = *facts.failedStep;
    out << "step " << step.label << " of " << facts.stepCount
        << (step.description.empty() ? "" : " (" + step.description + ")") << " failed:\n  " << step.what() << "\n"
        << "  the step: " << step.stepJson << "\n";
  }
  for (const auto& problem : facts.problems) out << problem << "\n";
  const auto nearMisses = describeReplayStatus(facts.replayStatusJson, facts.interactions);
  if (!nearMisses.empty()) out << "---- mock-jira replay (GET /_mock/replay)\n" << nearMisses;
  out << "---- integration-host stderr (last " << kTailLines << " lines)\n" << tail(facts.hostStderr, kTailLines);
  out << "---- mock-jira stderr (last " << kTailLines << " lines)\n" << tail(facts.mockStderr, kTailLines);
  out << "==== end of report for " << facts.scenario << "\n";
  return out.str();
}

}  // namespace ih::replay
