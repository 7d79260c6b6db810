// routing/path_pattern.h - the path patterns every HTTP route of the project
// is written in ("/api/0/organizations/{org}/issues/{id}/",
// "/extensions/jira-server/issue-updated/{token}/", "/rest/api/2/issue/{key}"),
// with the one matching rule the host's router, the plugin routes and
// mock-jira share:
//
//   * a pattern is '/'-separated segments, each either literal text (RFC 3986
//     path characters, no dot segments) or a whole-segment parameter {name}
//     ([A-Za-z_][A-Za-z0-9_]*, unique in the pattern);
//   * a request path is split the same way after dropping its leading
//     slashes and one trailing slash, so "/a/b/" and "/a/b" are one path
//     (as Jersey and the host always treated them);
//   * a literal matches the raw (still encoded) segment byte for byte;
//   * a parameter matches a non-empty segment and is percent-decoded exactly
//     once; a malformed escape ("%zz", "%2") means no match, never a guess.
//
// matchPathPattern() and splitPath() are plain functions on raw text, so a
// fuzz target can call them directly.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ih::routing {

using PathParams = std::vector<std::pair<std::string, std::string>>;

// Empty when the pattern is well formed; otherwise why not, in words.
std::string pathPatternError(std::string_view pattern);

// The segments of a request path (no query) under the rule above.
std::vector<std::string_view> splitPath(std::string_view path);

class PathPattern {
 public:
  // Throws std::invalid_argument (with pathPatternError's reason) when malformed.
  explicit PathPattern(std::string_view pattern);

  const std::string& text() const { return text_; }
  // Literal segments: the more, the more specific (precedence among matches).
  int literalCount() const { return literalCount_; }
  // Same segments with parameters in the same places, whatever their names:
  // two such patterns can never be told apart by a path.
  bool sameShapeAs(const PathPattern& other) const;

  // The decoded parameters when the split path matches.
  std::optional<PathParams> match(const std::vector<std::string_view>& segments) const;

 private:
  struct Segment {
    std::string text;  // literal text, or the parameter's name
    bool parameter = false;
  };
  std::string text_;
  std::vector<Segment> segments_;
  int literalCount_ = 0;
};

// One-shot form for callers (and fuzz targets) holding raw text.
std::optional<PathParams> matchPathPattern(std::string_view pattern, std::string_view path);

}  // namespace ih::routing
