// host/jobs/jobs_log.h - the logger every part of the job system writes to,
// so queue and worker lines share one name ("ih.jobs") and can be filtered
// together.
#pragma once

#include <Poco/Logger.h>

namespace ih::host::jobs {

inline Poco::Logger& jobsLogger() { return Poco::Logger::get("ih.jobs"); }

}  // namespace ih::host::jobs
