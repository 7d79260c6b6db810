// host/ops/metrics.h - in-process Prometheus metrics: counters, gauges and
// scrape-time gauges, rendered in the text exposition format for /metrics.
//
// Names follow Prometheus rules ([a-zA-Z_:][a-zA-Z0-9_:]*); label values are
// escaped on output. Never put secrets, tokens or user input of unbounded
// cardinality in labels. Thread-safe.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace ih::host::ops {

using Labels = std::vector<std::pair<std::string, std::string>>;

class Metrics {
 public:
  // HELP text for a metric family (optional; TYPE is inferred from use).
  void describe(const std::string& name, const std::string& help);
  void increment(const std::string& name, const Labels& labels = {}, double delta = 1.0);
  void setGauge(const std::string& name, double value, const Labels& labels = {});
  // A gauge computed when /metrics is scraped (e.g. job queue depth).
  void gaugeCallback(const std::string& name, std::function<double()> read);
  // Drops a scrape-time gauge (its owner is going away).
  void removeGaugeCallback(const std::string& name);

  // Current value of a counter or gauge series (0 when absent); for tests.
  double value(const std::string& name, const Labels& labels = {}) const;
  std::string renderPrometheus() const;

 private:
  struct Family {
    std::string type;  // "counter" | "gauge"
    std::string help;
    std::map<Labels, double> series;
    std::function<double()> callback;
  };
  static Labels normalise(Labels labels);

  mutable std::mutex mutex_;
  std::map<std::string, Family> families_;
};

}  // namespace ih::host::ops
