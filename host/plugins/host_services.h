// host/plugins/host_services.h - everything the host's service table
// (ihp_host_api) bridges to. Built once by the application and shared by all
// plugins; every member outlives the plugins.
#pragma once

#include <string>

namespace ih::host {
class Clock;
namespace storage { class Database; }
namespace domain {
class DirectoryService;
class IssueService;
class IntegrationService;
class InboundSync;
}  // namespace domain
namespace jobs { class JobQueue; }
namespace ops { class Metrics; }
namespace http { class OutboundClient; }
}  // namespace ih::host

namespace ih::host::plugins {

struct HostServices {
  storage::Database& database;
  domain::DirectoryService& directory;
  domain::IssueService& issues;
  domain::IntegrationService& integrations;
  domain::InboundSync& inboundSync;
  jobs::JobQueue& jobs;
  ops::Metrics& metrics;
  const Clock& clock;
  http::OutboundClient& http;
  std::string publicUrl;  // absolute, no trailing '/'
};

}  // namespace ih::host::plugins
