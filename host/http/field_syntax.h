// host/http/field_syntax.h - RFC 9110 (section 5) syntax of header fields,
// checked before the host writes a header it did not make itself (a plugin's
// reply): a CR or LF in a value would let its author inject headers or a
// whole second response.
#pragma once

#include <string_view>

namespace ih::host::http {

// field-name = token = 1*tchar.
bool isFieldName(std::string_view name);
// field-value = *field-content: visible characters (and obs-text), spaces and
// tabs only inside, never at either end; no CR, LF, NUL or other controls.
bool isFieldValue(std::string_view value);

}  // namespace ih::host::http
