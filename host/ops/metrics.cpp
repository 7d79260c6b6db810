// host/ops/metrics.cpp - Metrics and its Prometheus text rendering
// (exposition format 0.0.4): families sorted by name, series by labels, so
// two scrapes of the same state are byte-identical.
#include "ops/metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace ih::host::ops {

namespace {

bool validName(const std::string& name, bool allowColon) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (allowColon && c == ':');
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && i > 0)) return false;
  }
  return true;
}

void checkName(const std::string& name) {
  if (!validName(name, true)) throw std::invalid_argument("invalid metric name '" + name + "'");
}

// Label values escape backslash, double quote and newline; HELP text escapes
// backslash and newline only.
std::string escape(const std::string& text, bool quotes) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && quotes) {
      out += "\\\"";
    } else {
      out += c;
    }
  }
  return out;
}

std::string formatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buffer[32];
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
  }
  return buffer;
}

void renderSeries(std::string& out, const std::string& name, const Labels& labels, double value) {
  out += name;
  if (!labels.empty()) {
    out += '{';
    for (size_t i = 0; i < labels.size(); ++i) {
      if (i > 0) out += ',';
      out += labels[i].first + "=\"" + escape(labels[i].second, true) + '"';
    }
    out += '}';
  }
  out += ' ' + formatValue(value) + '\n';
}

}  // namespace

Labels Metrics::normalise(Labels labels) {
  for (const auto& [label, value] : labels) {
    (void)value;
    if (!validName(label, false) || label.rfind("__", 0) == 0) {
      throw std::invalid_argument("invalid label name '" + label + "'");
    }
  }
  std::sort(labels.begin(), labels.end());
  return labels;
}

void Metrics::describe(const std::string& name, const std::string& help) {
  checkName(name);
  std::lock_guard lock(mutex_);
  families_[name].help = help;
}

void Metrics::increment(const std::string& name, const Labels& labels, double delta) {
  checkName(name);
  Labels key = normalise(labels);
  std::lock_guard lock(mutex_);
  Family& family = families_[name];
  if (family.type.empty()) family.type = "counter";
  family.series[std::move(key)] += delta;
}

void Metrics::setGauge(const std::string& name, double value, const Labels& labels) {
  checkName(name);
  Labels key = normalise(labels);
  std::lock_guard lock(mutex_);
  Family& family = families_[name];
  family.type = "gauge";
  family.series[std::move(key)] = value;
}

void Metrics::gaugeCallback(const std::string& name, std::function<double()> read) {
  checkName(name);
  std::lock_guard lock(mutex_);
  Family& family = families_[name];
  family.type = "gauge";
  family.callback = std::move(read);
}

void Metrics::removeGaugeCallback(const std::string& name) {
  std::lock_guard lock(mutex_);
  auto it = families_.find(name);
  if (it == families_.end()) return;
  it->second.callback = nullptr;
  if (it->second.series.empty()) families_.erase(it);
}

double Metrics::value(const std::string& name, const Labels& labels) const {
  const Labels key = normalise(labels);
  std::function<double()> callback;
  {
    std::lock_guard lock(mutex_);
    auto family = families_.find(name);
    if (family == families_.end()) return 0.0;
    if (family->second.callback && key.empty()) {
      callback = family->second.callback;
    } else {
      auto series = family->second.series.find(key);
      return series == family->second.series.end() ? 0.0 : series->second;
    }
  }
  return callback();
}

std::string Metrics::renderPrometheus() const {
  // Snapshot under the lock, call scrape-time gauges outside it: a callback
  // may be slow (a database query) and must not block increments.
  std::map<std::string, Family> snapshot;
  {
    std::lock_guard lock(mutex_);
    snapshot = families_;
  }
  std::string out;
  for (auto& [name, family] : snapshot) {
    if (family.callback) {
      try {
        family.series[Labels{}] = family.callback();
      } catch (const std::exception&) {
        continue;  // a failing source is left out of this scrape, not fatal
      }
    }
    if (family.series.empty()) continue;
    if (!family.help.empty()) out += "# HELP " + name + ' ' + escape(family.help, false) + '\n';
    out += "# TYPE " + name + ' ' + (family.type.empty() ? "untyped" : family.type) + '\n';
    for (const auto& [labels, value] : family.series) renderSeries(out, name, labels, value);
  }
  return out;
}

}  // namespace ih::host::ops
