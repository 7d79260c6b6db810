// Prometheus text exposition: HELP/TYPE lines, sorted and stable output,
// label escaping, scrape-time gauges.
#include "ops/metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <thread>
#include <vector>

namespace ih::host::ops {
namespace {

TEST(MetricsTest, CountersAccumulatePerLabelSetRegardlessOfLabelOrder) {
  Metrics metrics;
  metrics.increment("ih_requests_total", {{"method", "GET"}, {"code", "200"}});
  metrics.increment("ih_requests_total", {{"code", "200"}, {"method", "GET"}}, 2);
  metrics.increment("ih_requests_total", {{"code", "500"}, {"method", "GET"}});
  EXPECT_EQ(metrics.value("ih_requests_total", {{"method", "GET"}, {"code", "200"}}), 3);
  EXPECT_EQ(metrics.value("ih_requests_total", {{"code", "500"}, {"method", "GET"}}), 1);
  EXPECT_EQ(metrics.value("ih_requests_total", {{"code", "404"}, {"method", "GET"}}), 0);
  EXPECT_EQ(metrics.value("ih_absent"), 0);
}

TEST(MetricsTest, RendersSortedFamiliesWithHelpAndType) {
  Metrics metrics;
  metrics.describe("ih_b_total", "Second family.");
  metrics.increment("ih_b_total", {{"outcome", "retry"}});
  metrics.increment("ih_b_total", {{"outcome", "done"}}, 4);
  metrics.setGauge("ih_a_gauge", 2.5);
  metrics.gaugeCallback("ih_c_depth", [] { return 7.0; });
  const std::string expected =
      "# TYPE ih_a_gauge gauge\n"
      "ih_a_gauge 2.5\n"
      "# HELP ih_b_total Second family.\n"
      "# TYPE ih_b_total counter\n"
      "ih_b_total{outcome=\"done\"} 4\n"
      "ih_b_total{outcome=\"retry\"} 1\n"
      "# TYPE ih_c_depth gauge\n"
      "ih_c_depth 7\n";
  EXPECT_EQ(metrics.renderPrometheus(), expected);
  EXPECT_EQ(metrics.renderPrometheus(), expected);  // stable
}

TEST(MetricsTest, EscapesLabelValuesAndHelpText) {
  Metrics metrics;
  metrics.describe("ih_x", "line one\nback\\slash");
  metrics.increment("ih_x", {{"path", "a\"b\\c\nd"}});
  const std::string text = metrics.renderPrometheus();
  EXPECT_NE(text.find("# HELP ih_x line one\\nback\\\\slash\n"), std::string::npos) << text;
  EXPECT_NE(text.find("ih_x{path=\"a\\\"b\\\\c\\nd\"} 1\n"), std::string::npos) << text;
}

TEST(MetricsTest, GaugeCallbacksRunAtScrapeTimeAndCanBeRemoved) {
  Metrics metrics;
  double depth = 1;
  metrics.gaugeCallback("ih_depth", [&] { return depth; });
  EXPECT_NE(metrics.renderPrometheus().find("ih_depth 1\n"), std::string::npos);
  depth = 42;
  EXPECT_NE(metrics.renderPrometheus().find("ih_depth 42\n"), std::string::npos);
  EXPECT_EQ(metrics.value("ih_depth"), 42);
  metrics.removeGaugeCallback("ih_depth");
  EXPECT_EQ(metrics.renderPrometheus().find("ih_depth"), std::string::npos);
}

TEST(MetricsTest, FailingCallbackIsLeftOutNotFatal) {
  Metrics metrics;
  metrics.gaugeCallback("ih_broken", []() -> double { throw std::runtime_error("db down"); });
  metrics.setGauge("ih_ok", 1);
  EXPECT_EQ(metrics.renderPrometheus(), "# TYPE ih_ok gauge\nih_ok 1\n");
}

TEST(MetricsTest, RejectsInvalidNames) {
  Metrics metrics;
  EXPECT_THROW(metrics.increment("1bad"), std::invalid_argument);
  EXPECT_THROW(metrics.increment("bad-name"), std::invalid_argument);
  EXPECT_THROW(metrics.increment("ok_name", {{"bad label", "x"}}), std::invalid_argument);
  EXPECT_THROW(metrics.increment("ok_name", {{"__reserved", "x"}}), std::invalid_argument);
  EXPECT_NO_THROW(metrics.increment("ns:ok_name_total", {{"_ok", "x"}}));
}

TEST(MetricsTest, FormatsSpecialAndFractionalValues) {
  Metrics metrics;
  metrics.setGauge("ih_nan", std::nan(""));
  metrics.setGauge("ih_inf", std::numeric_limits<double>::infinity());
  metrics.setGauge("ih_frac", 0.1);
  const std::string text = metrics.renderPrometheus();
  EXPECT_NE(text.find("ih_nan NaN\n"), std::string::npos);
  EXPECT_NE(text.find("ih_inf +Inf\n"), std::string::npos);
  EXPECT_NE(text.find("ih_frac 0.10000000000000001\n"), std::string::npos);
}

TEST(MetricsTest, ConcurrentIncrementsAreAllCounted) {
  Metrics metrics;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) metrics.increment("ih_hits_total", {{"t", "x"}});
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(metrics.value("ih_hits_total", {{"t", "x"}}), 2000);
}

}  // namespace
}  // namespace ih::host::ops
