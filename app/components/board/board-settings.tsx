import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ColumnView } from "../../domain/boards/get-board";
import type { LabelView } from "../../domain/boards/views";
import { COLUMN_NAME_MAX, LABEL_NAME_MAX } from "../../domain/boards/schemas";
import { LABEL_COLOURS } from "../../domain/vocabulary";
import { FieldError, FormErrors } from "../ui/field";
import { LabelChip } from "./labels";

type Failed = { intent: string; fieldErrors: Record<string, string[]>; formErrors: string[]; submitted?: Record<string, unknown> } | null;

/** Labels: any member may add one. */
export function LabelManager({ labels, failed }: { labels: LabelView[]; failed: Failed }) {
  const { t } = useTranslation(["boards", "common"]);
  const mine = failed?.intent === "label_create" ? failed : null;
  return (
    <details className="board-settings" open={mine ? true : undefined} key={labels.length}>
      <summary className="btn btn-sm">{t("boards:settings.labels")}</summary>
      <div className="board-settings-body">
        <div className="row wrap">{labels.length ? labels.map((l) => <LabelChip key={l.id} label={l} />) : <span className="muted small">{t("boards:settings.no_labels")}</span>}</div>
        <Form method="post" className="row wrap add-row">
          <input type="hidden" name="intent" value="label_create" />
          <FormErrors errors={mine?.formErrors} />
          <div className="field">
            <label htmlFor="label-name">{t("boards:settings.label_name")}</label>
            <input id="label-name" name="name" className="input" required maxLength={LABEL_NAME_MAX} />
            <FieldError errors={mine?.fieldErrors.name} />
          </div>
          <div className="field">
            <label htmlFor="label-colour">{t("boards:settings.colour")}</label>
            <select id="label-colour" name="colour" className="select">
              {LABEL_COLOURS.map((c) => (
                <option key={c} value={c}>
                  {t(`boards:colours.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-sm btn-primary">
            {t("boards:settings.add_label")}
          </button>
        </Form>
      </div>
    </details>
  );
}

/** Column name, WIP limit and done flag: the operation lead's settings. */
export function ColumnSettings({ column, displayName, failed }: { column: ColumnView; displayName: string; failed: Failed }) {
  const { t } = useTranslation(["boards", "common"]);
  const mine = failed?.intent === "column_update" && failed.submitted?.columnId === column.id ? failed : null;
  const id = `cs-${column.id}`;
  return (
    <details className="column-settings" open={mine ? true : undefined}>
      <summary aria-label={t("boards:settings.column", { column: displayName })}>⚙</summary>
      <Form method="post" className="form column-settings-form">
        <input type="hidden" name="intent" value="column_update" />
        <input type="hidden" name="columnId" value={column.id} />
        <FormErrors errors={mine?.formErrors} />
        <div className="field">
          <label htmlFor={`${id}-name`}>{t("boards:settings.column_name")}</label>
          <input id={`${id}-name`} name="name" className="input" maxLength={COLUMN_NAME_MAX} defaultValue={column.name ?? ""} placeholder={displayName} />
          <FieldError errors={mine?.fieldErrors.name} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-wip`}>{t("boards:settings.wip_limit")}</label>
          <input id={`${id}-wip`} name="wipLimit" className="input" inputMode="numeric" defaultValue={column.wipLimit ?? ""} />
          <FieldError errors={mine?.fieldErrors.wipLimit} />
        </div>
        <label className="check">
          <input type="checkbox" name="isDone" value="true" defaultChecked={column.isDone} />
          <span>{t("boards:settings.is_done")}</span>
        </label>
        <button type="submit" className="btn btn-sm btn-primary">
          {t("common:actions.save")}
        </button>
      </Form>
    </details>
  );
}
