// Renders a plugin's form description ({"fields":[{"name","label","type",
// "required","default","choices","url","updatesForm","multiple","help"}]}),
// the shape the link/create forms of an issue come in. Types: text,
// textarea, select (static choices, or search-as-you-type through `url`),
// blank (a notice). Values are kept by field name.
import { html } from "../lib/html.js";
import { Alert } from "./status.js";
import { Combobox } from "./combobox.js";
import { SelectField, TextArea, TextField } from "./forms.js";

// The starting values of a form: each field's default.
export function defaultValues(fields, previous = {}) {
  const values = {};
  for (const field of fields) {
    if (field.type === "blank") continue;
    if (field.name in previous && previous[field.name] !== "" && !field.updatesForm) values[field.name] = previous[field.name];
    else if (field.default !== undefined && field.default !== null) values[field.name] = field.multiple ? [].concat(field.default) : field.default;
    else values[field.name] = field.multiple ? [] : "";
  }
  return values;
}

export function PluginForm({ fields, values, labels = {}, errors = {}, onChange }) {
  return fields.map((field) => {
    const common = {
      key: field.name,
      label: field.label || field.name,
      help: field.help,
      error: errors[field.name],
      required: field.required,
    };
    if (field.type === "blank") {
      return html`<${Alert} key=${field.name} kind="warn"><p>${field.help}</p><//>`;
    }
    if (field.type === "select" && field.url) {
      return html`<${Combobox} ...${common} url=${field.url} field=${field.name} value=${values[field.name]}
        valueLabel=${labels[field.name]} placeholder="Type to search"
        onChange=${(value, label) => onChange(field, field.multiple ? (value ? [value] : []) : value, label)} />`;
    }
    if (field.type === "select") {
      return html`<${SelectField} ...${common} value=${values[field.name]} multiple=${field.multiple}
        choices=${field.choices || []} placeholder=${field.required ? undefined : "—"}
        onChange=${(value) => onChange(field, value)} />`;
    }
    if (field.type === "textarea") {
      return html`<${TextArea} ...${common} value=${values[field.name]} onInput=${(value) => onChange(field, value)} />`;
    }
    return html`<${TextField} ...${common} value=${values[field.name]} onInput=${(value) => onChange(field, value)} />`;
  });
}
