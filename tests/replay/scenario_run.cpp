#include "scenario_run.h"

#include <memory>
#include <optional>

#include "failure_report.h"
#include "run_secrets.h"
#include "step_runner.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

namespace ih::replay {
namespace {

// "http://127.0.0.1:41234/jira" -> "127.0.0.1:41234" (what integration external ids use).
std::string netloc(const std::string& url) {
  const auto start = url.find("://") == std::string::npos ? 0 : url.find("://") + 3;
  return url.substr(start, url.find('/', start) - start);
}

// The processes and values of one run, torn down in reverse order.
struct Session {
  ih::testing::TempDir dir;
  RunSecrets secrets;
  Variables vars;
  std::unique_ptr<ih::testing::MockJiraProcess> jira;
  std::unique_ptr<ih::e2e::HostProcess> host;

  void start(const Scenario& scenario, const std::vector<std::string>& mockArgs) {
    secrets = generateRunSecrets(scenario.seed());
    jira = ih::testing::MockJiraProcess::start(mockSeedJson(scenario.seed(), secrets), mockArgs);
    ih::e2e::HostLaunch launch;
    launch.dataDir = dir.path() + "/data";
    launch.pluginsDir = ih::testing::pluginDir();
    launch.adminToken = secrets.adminToken;
    host = std::make_unique<ih::e2e::HostProcess>(launch);
    vars.set("jira.baseUrl", jira->baseUrl());
    vars.set("jira.host", netloc(jira->baseUrl()));
    vars.set("jira.consumerKey", kConsumerKey);
    vars.set("jira.privateKey", secrets.keys->privatePkcs8Pem, true);
    vars.set("host.url", host->baseUrl());
    for (const auto& [user, token] : secrets.pats) vars.set("pat." + user, token, true);
  }

  std::string hostStderr() const { return host ? host->process().stderrText() : ""; }
  std::string mockStderr() const { return jira ? jira->process().stderrText() : ""; }
};

FailureFacts factsFor(const Scenario& scenario, FixtureMode mode) {
  FailureFacts facts;
  facts.scenario = scenario.name;
  facts.mode = modeName(mode);
  facts.stepCount = static_cast<int>(scenario.steps().Size());
  if (scenario.doc.HasMember("interactions")) facts.interactions = &scenario.doc["interactions"];
  return facts;
}

// Starts the processes and runs the steps; what failed lands in `facts`.
void runSteps(Session& session, const Scenario& scenario, FixtureMode mode, const std::vector<std::string>& mockArgs,
              std::ostream& log, FailureFacts& facts) {
  try {
    session.start(scenario, mockArgs);
  } catch (const std::exception& e) {
    facts.problems.push_back(std::string("could not start the processes: ") + e.what());
    return;
  }
  if (mode == FixtureMode::kRecord) {
    // Deliveries reach the host only through "deliver" steps (see delivery_step.cpp).
    auto held = session.jira->control("POST", "/_mock/deliveries/control", R"({"mode":"hold"})");
    if (held.status != 200) {
      facts.problems.push_back("could not hold the mock's deliveries: " + held.body);
      return;
    }
  }
  log << "[" << modeName(mode) << "] scenario " << scenario.name << ": " << scenario.description() << "\n"
      << "    mock-jira " << session.jira->rootUrl() << " (Jira at " << session.jira->baseUrl() << "), host "
      << session.host->baseUrl() << "\n";
  RunContext context{mode, *session.host, *session.jira, session.vars, &log, session.secrets.adminToken};
  try {
    StepRunner(context).runAll(scenario.steps());
  } catch (const ScenarioFailure& failure) {
    facts.failedStep = failure;
  }
}

// What GET /_mock/replay says is wrong, if anything.
std::optional<std::string> replayIncompleteness(int httpStatus, const std::string& body) {
  rapidjson::Document status;
  status.Parse(body.c_str());
  if (httpStatus != 200 || status.HasParseError() || !status.IsObject() || !status.HasMember("complete")) {
    return "GET /_mock/replay answered " + std::to_string(httpStatus) + ": " + body;
  }
  if (status["complete"].IsTrue()) return std::nullopt;
  return "the replay is incomplete: mock-jira answered " + std::to_string(status["unmatched"].Size()) +
         " request(s) 418 (no unused recorded interaction matched) and " + std::to_string(status["unused"].Size()) +
         " recorded interaction(s) were never requested";
}

RunOutcome outcomeOf(const FailureFacts& facts, const Session& session) {
  RunOutcome outcome;
  outcome.passed = !facts.failedStep && facts.problems.empty();
  if (!outcome.passed) {
    FailureFacts full = facts;
    full.hostStderr = session.hostStderr();
    full.mockStderr = session.mockStderr();
    outcome.report = formatFailureReport(full);
  }
  return outcome;
}

void stopHost(Session& session, FailureFacts& facts) {
  if (!session.host) return;
  const int code = session.host->process().stop();
  if (code != 0) facts.problems.push_back("integration-host exited with " + std::to_string(code) + " on SIGTERM");
}

}  // namespace

RunOutcome replayScenario(const Scenario& scenario, const std::string& cassetteFile, std::ostream& log) {
  Session session;
  auto facts = factsFor(scenario, FixtureMode::kReplay);
  runSteps(session, scenario, FixtureMode::kReplay, {"--replay", cassetteFile}, log, facts);
  if (session.jira) {
    auto status = session.jira->control("GET", "/_mock/replay");
    facts.replayStatusJson = status.body;
    if (auto problem = replayIncompleteness(status.status, status.body)) facts.problems.push_back(*problem);
  }
  stopHost(session, facts);
  if (session.jira) {
    const int code = session.jira->stop();
    if (code != 0) facts.problems.push_back("mock-jira exited with " + std::to_string(code) + " on SIGTERM (3: incomplete replay)");
  }
  return outcomeOf(facts, session);
}

Recording recordScenario(const Scenario& source, std::ostream& log) {
  Session session;
  auto facts = factsFor(source, FixtureMode::kRecord);
  const auto cassette = session.dir.file("recorded.json");
  std::vector<std::string> args{"--record", cassette};
  if (!source.jiraVersion().empty()) args.insert(args.end(), {"--version", source.jiraVersion()});
  if (!source.contextPath().empty()) args.insert(args.end(), {"--context-path", source.contextPath()});
  runSteps(session, source, FixtureMode::kRecord, args, log, facts);
  Recording recording;
  recording.hostUrl = session.host ? session.host->baseUrl() : "";
  // The host first, so nothing it still sends is lost; the mock saves on SIGTERM.
  stopHost(session, facts);
  if (session.jira) {
    const int code = session.jira->stop();
    if (code != 0) facts.problems.push_back("mock-jira exited with " + std::to_string(code) + " on SIGTERM");
  }
  recording.cassetteText = ih::testing::readFile(cassette);
  recording.outcome = outcomeOf(facts, session);
  return recording;
}

}  // namespace ih::replay
