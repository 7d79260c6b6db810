// "Link ticket" and "Create ticket": a dialog built from the plugin's form
// description for the issue (GET .../issues/{id}/integrations/{integration}/
// ?action=link|create). A field marked updatesForm (the Jira project, the
// issue type) fetches the form again with the values chosen so far.
import { html, useEffect, useState } from "../lib/html.js";
import { api, apiPath, withQuery } from "../lib/api.js";
import { useSubmit } from "../lib/submit.js";
import { Dialog } from "./dialog.js";
import { defaultValues, PluginForm } from "./plugin_form.js";
import { SelectField } from "./forms.js";
import { Alert, Loading } from "./status.js";

export function TicketDialog({ org, issue, integrations, action, onClose, onDone }) {
  const [integrationId, setIntegrationId] = useState(integrations[0].id);
  const [params, setParams] = useState({});
  const [form, setForm] = useState(null);
  const [values, setValues] = useState({});
  const [labels, setLabels] = useState({});
  const [loadError, setLoadError] = useState(null);
  const base = apiPath("organizations", org, "issues", issue.id, "integrations", integrationId);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    api.get(withQuery(base, { action, ...params })).then(
      (description) => {
        if (!live) return;
        setForm(description.fields || []);
        setValues((previous) => defaultValues(description.fields || [], previous));
      },
      (e) => live && (setForm([]), setLoadError(e)),
    );
    return () => { live = false; };
  }, [base, action, JSON.stringify(params)]);

  function change(field, value, label) {
    setValues((v) => ({ ...v, [field.name]: value }));
    if (label !== undefined) setLabels((l) => ({ ...l, [field.name]: label }));
    if (field.updatesForm) {
      const next = {};
      for (const f of form || []) if (f.updatesForm) next[f.name] = f.name === field.name ? value : values[f.name];
      setParams(next);
    }
  }

  const { busy, error, fields, submit } = useSubmit(async () => onDone(await api.post(base, { action, ...values })));

  const title = action === "link" ? "Link a Jira ticket" : "Create a Jira ticket";
  const formId = `ticket-form-${action}`;
  return html`
    <${Dialog} title=${title} open=${true} onClose=${onClose} footer=${html`
      <button type="button" class="secondary" onClick=${onClose}>Cancel</button>
      <button type="submit" form=${formId} disabled=${busy || !form}>${action === "link" ? "Link ticket" : "Create ticket"}</button>`}>
      <form id=${formId} class="stack" onSubmit=${submit} novalidate>
        ${(error || loadError) && html`<${Alert} kind="error"><p>${(error || loadError).message}</p><//>`}
        ${integrations.length > 1 && html`<${SelectField} label="Integration" value=${integrationId}
          choices=${integrations.map((i) => [i.id, i.name])} onChange=${(id) => { setForm(null); setIntegrationId(id); }} />`}
        ${!form && html`<${Loading} label="Loading the form from Jira…" />`}
        ${form && html`<${PluginForm} fields=${form} values=${values} labels=${labels} errors=${fields} onChange=${change} />`}
      </form>
    <//>`;
}
