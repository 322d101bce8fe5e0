import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "../../domain/vocabulary";
import { Field } from "../ui/field";
import { useAuditActionLabel } from "./audit-table";

export interface AuditFilterValues {
  actor?: string;
  action?: string;
  operation?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

interface Options {
  actors: { id: string; label: string }[];
  operations: { id: string; codeName: string }[];
}

/** The filters of the log, as a GET form: the URL holds them, so a filtered view can be bookmarked. */
export function AuditFilters({
  values,
  options,
  showOperation,
  errors,
}: {
  values: AuditFilterValues;
  options: Options;
  showOperation: boolean;
  errors?: Record<string, string[] | null | undefined> | null;
}) {
  const { t } = useTranslation(["audit", "common"]);
  const actionLabel = useAuditActionLabel();
  const location = useLocation();
  const groups = new Map<string, string[]>();
  for (const a of AUDIT_ACTIONS) {
    const entity = a.split(".")[0]!;
    groups.set(entity, [...(groups.get(entity) ?? []), a]);
  }
  const actorKnown = !values.actor || options.actors.some((a) => a.id === values.actor);
  const operationKnown = !values.operation || options.operations.some((o) => o.id === values.operation);
  const err = (k: string) => errors?.[k] ?? undefined;
  return (
    <Form method="get" className="card audit-filters" key={location.search} aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title" className="sr-only">
        {t("audit:filters.heading")}
      </h2>
      <div className="filters">
        <Field label={t("audit:filters.actor")} htmlFor="f-actor" errors={err("actor")} errorId="f-actor-error">
          <select id="f-actor" name="actor" className="select" defaultValue={values.actor ?? ""}>
            <option value="">{t("audit:filters.all")}</option>
            {!actorKnown ? <option value={values.actor}>{t("audit:filters.unknown_actor", { id: values.actor })}</option> : null}
            {options.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("audit:filters.action")} htmlFor="f-action" errors={err("action")} errorId="f-action-error">
          <select id="f-action" name="action" className="select" defaultValue={values.action ?? ""}>
            <option value="">{t("audit:filters.all")}</option>
            {[...groups].map(([entity, actions]) => (
              <optgroup key={entity} label={t(`audit:entities.${entity}`, { defaultValue: entity })}>
                {actions.map((a) => (
                  <option key={a} value={a}>
                    {actionLabel(a)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        {showOperation ? (
          <Field label={t("audit:filters.operation")} htmlFor="f-operation" errors={err("operation")} errorId="f-operation-error">
            <select id="f-operation" name="operation" className="select" defaultValue={values.operation ?? ""}>
              <option value="">{t("audit:filters.all")}</option>
              {!operationKnown ? <option value={values.operation}>{t("audit:filters.unknown_operation")}</option> : null}
              {options.operations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.codeName}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label={t("audit:filters.outcome")} htmlFor="f-outcome" errors={err("outcome")} errorId="f-outcome-error">
          <select id="f-outcome" name="outcome" className="select" defaultValue={values.outcome ?? ""}>
            <option value="">{t("audit:filters.all")}</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`audit:outcomes.${o}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("audit:filters.from")} htmlFor="f-from" errors={err("from")} errorId="f-from-error">
          <input id="f-from" name="from" type="date" className="input" defaultValue={values.from ?? ""} aria-invalid={err("from") ? true : undefined} />
        </Field>
        <Field label={t("audit:filters.to")} htmlFor="f-to" errors={err("to")} errorId="f-to-error">
          <input id="f-to" name="to" type="date" className="input" defaultValue={values.to ?? ""} aria-invalid={err("to") ? true : undefined} />
        </Field>
        <div className="form-actions audit-filter-actions">
          <button type="submit" className="btn btn-primary">
            {t("audit:filters.apply")}
          </button>
          <Link to={location.pathname} className="btn">
            {t("common:actions.clear")}
          </Link>
        </div>
      </div>
    </Form>
  );
}
