#include "common/json.h"

namespace ih::mock {

json::Document parseJson(std::string_view text) {
  json::Document doc;
  if (const json::ReadResult read = json::read(text, doc); !read) throw JsonParseError("invalid JSON: " + read.reason());
  return doc;
}

bool looksLikeJson(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || (text[first] != '{' && text[first] != '[')) return false;
  json::Document doc;
  return json::parse(text, doc);
}

}  // namespace ih::mock
