// host/jobs/instance_id.h - a name for this host process that no other
// process sharing the database will ever use, so a job's lease says who holds
// it (and a restarted process never mistakes its predecessor's claims for its
// own).
#pragma once

#include <string>

namespace ih::host::jobs {

// "<hostname>:<pid>:<16 random hex digits>"; readable in the jobs API and
// logs, unique through the random part.
std::string newInstanceId();

}  // namespace ih::host::jobs
