// setup/url_validator.h - the install form's URL check, modelled on Django's
// URLValidator (what Sentry's form uses): scheme http/https/ftp/ftps, a host
// that is an IPv4 address, a bracketed IPv6 address, "localhost" or a
// dotted name with a letters-only TLD, an optional port, and no whitespace.
#pragma once

#include <string_view>

namespace ih::jira {

bool isValidJiraUrl(std::string_view url);
// A URL whose authority names a user (`https://user:pw@jira...`). The install
// refuses it, unlike Sentry's form: the URL becomes the integration's name,
// external id and ticket links, which every member of the organization sees,
// and Jira is signed in to with OAuth or a personal access token anyway.
bool namesAUser(std::string_view url);

}  // namespace ih::jira
