import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ColumnView } from "../../domain/boards/get-board";
import type { LabelView } from "../../domain/boards/views";
import { COLUMN_NAME_MAX, LABEL_NAME_MAX } from "../../domain/boards/schemas";
import { LABEL_COLOURS } from "../../domain/vocabulary";
import { FieldError, FormErrors } from "../ui/field";
import { LabelChip } from "./labels";

type Failed = {
  intent: string;
  fieldErrors: Record<string, string[]>;
  formErrors: string[];
  submitted?: Record<string, unknown>;
} | null;

/**
 * Labels: any member may add, rename or recolour one; deleting takes it off every
 * card, so only the operation lead may.
 */
export function LabelManager({ labels, failed, canDelete }: { labels: LabelView[]; failed: Failed; canDelete: boolean }) {
  const { t } = useTranslation(["boards", "common"]);
  const mine = failed?.intent === "label_create" ? failed : null;
  const editing = failed?.intent === "label_update" || failed?.intent === "label_delete" ? failed : null;
  const colourNames = useColourNames();
  return (
    <details className="board-settings" open={mine || editing ? true : undefined} data-testid="label-manager">
      <summary className="btn btn-sm">{t("boards:settings.labels")}</summary>
      <div className="board-settings-body">
        {labels.length ? (
          <ul className="label-list">
            {labels.map((l) => (
              <LabelRow key={`${l.id}-${l.name}-${l.colour}`} label={l} canDelete={canDelete} colourNames={colourNames} failed={editing?.submitted?.labelId === l.id ? editing : null} />
            ))}
          </ul>
        ) : (
          <p className="muted small">{t("boards:settings.no_labels")}</p>
        )}
        <Form method="post" className="row wrap add-row" key={labels.length}>
          <input type="hidden" name="intent" value="label_create" />
          <FormErrors errors={mine?.formErrors} />
          <div className="field">
            <label htmlFor="label-name">{t("boards:settings.label_name")}</label>
            <input id="label-name" name="name" className="input" required maxLength={LABEL_NAME_MAX} />
            <FieldError errors={mine?.fieldErrors.name} />
          </div>
          <div className="field">
            <label htmlFor="label-colour">{t("boards:settings.colour")}</label>
            <ColourSelect id="label-colour" names={colourNames} />
          </div>
          <button type="submit" className="btn btn-sm btn-primary">
            {t("boards:settings.add_label")}
          </button>
        </Form>
      </div>
    </details>
  );
}

/** The colour names, translated once for every label's select. */
function useColourNames(): Record<string, string> {
  const { t, i18n } = useTranslation("boards");
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => Object.fromEntries(LABEL_COLOURS.map((c) => [c, t(`boards:colours.${c}`)])), [t, i18n.language]);
}

function ColourSelect({ id, defaultValue, names }: { id: string; defaultValue?: string; names: Record<string, string> }) {
  return (
    <select id={id} name="colour" className="select" defaultValue={defaultValue}>
      {LABEL_COLOURS.map((c) => (
        <option key={c} value={c}>
          {names[c]}
        </option>
      ))}
    </select>
  );
}

function LabelRow({ label, canDelete, colourNames, failed }: { label: LabelView; canDelete: boolean; colourNames: Record<string, string>; failed: Failed }) {
  const { t } = useTranslation(["boards", "common"]);
  const id = `lbl-${label.id}`;
  return (
    <li className="label-row" data-label-id={label.id}>
      <LabelChip label={label} />
      <details className="label-edit" open={failed ? true : undefined}>
        <summary className="btn btn-sm btn-link" aria-label={t("boards:settings.edit_label", { name: label.name })}>
          {t("boards:settings.edit")}
        </summary>
        <Form method="post" className="row wrap add-row">
          <input type="hidden" name="intent" value="label_update" />
          <input type="hidden" name="labelId" value={label.id} />
          <FormErrors errors={failed?.intent === "label_update" ? failed.formErrors : undefined} />
          <div className="field">
            <label htmlFor={`${id}-name`}>{t("boards:settings.label_name")}</label>
            <input id={`${id}-name`} name="name" className="input" required maxLength={LABEL_NAME_MAX} defaultValue={label.name} />
            <FieldError errors={failed?.fieldErrors.name} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-colour`}>{t("boards:settings.colour")}</label>
            <ColourSelect id={`${id}-colour`} defaultValue={label.colour} names={colourNames} />
          </div>
          <button type="submit" className="btn btn-sm btn-primary">
            {t("common:actions.save")}
          </button>
        </Form>
        {canDelete ? (
          <Form method="post" className="row wrap label-delete">
            <input type="hidden" name="intent" value="label_delete" />
            <input type="hidden" name="labelId" value={label.id} />
            <span className="small muted">{t("boards:settings.delete_label_hint")}</span>
            <FormErrors errors={failed?.intent === "label_delete" ? failed.formErrors : undefined} />
            <button type="submit" className="btn btn-sm btn-danger">
              {t("boards:settings.delete_label", { name: label.name })}
            </button>
          </Form>
        ) : null}
      </details>
    </li>
  );
}

/** Column name, WIP limit and done flag: the operation lead's settings. */
export function ColumnSettings({
  column,
  columns,
  displayName,
  failed,
}: {
  column: ColumnView;
  /** the active columns in board order */
  columns: { id: string; name: string }[];
  displayName: string;
  failed: Failed;
}) {
  const { t } = useTranslation(["boards", "common"]);
  const mine =
    (failed?.intent === "column_update" ||
      failed?.intent === "column_archive" ||
      failed?.intent === "column_move") &&
    failed.submitted?.columnId === column.id
      ? failed
      : null;
  const id = `cs-${column.id}`;
  return (
    <details className="column-settings" open={mine ? true : undefined}>
      <summary
        aria-label={t("boards:settings.column", { column: displayName })}
      >
        ⚙
      </summary>
      <div className="column-settings-pop">
        <ColumnOrder column={column} columns={columns} displayName={displayName} />
        <Form method="post" className="form column-settings-form">
          <input type="hidden" name="intent" value="column_update" />
          <input type="hidden" name="columnId" value={column.id} />
          <FormErrors errors={mine?.formErrors} />
          <div className="field">
            <label htmlFor={`${id}-name`}>
              {t("boards:settings.column_name")}
            </label>
            <input
              id={`${id}-name`}
              name="name"
              className="input"
              maxLength={COLUMN_NAME_MAX}
              defaultValue={column.name ?? ""}
              placeholder={displayName}
            />
            <FieldError errors={mine?.fieldErrors.name} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-wip`}>
              {t("boards:settings.wip_limit")}
            </label>
            <input
              id={`${id}-wip`}
              name="wipLimit"
              className="input"
              inputMode="numeric"
              defaultValue={column.wipLimit ?? ""}
            />
            <FieldError errors={mine?.fieldErrors.wipLimit} />
          </div>
          <label className="check">
            <input
              type="checkbox"
              name="isDone"
              value="true"
              defaultChecked={column.isDone}
            />
            <span>{t("boards:settings.is_done")}</span>
          </label>
          <button type="submit" className="btn btn-sm btn-primary">
            {t("common:actions.save")}
          </button>
        </Form>
        <Form method="post" className="form column-archive-form">
          <input type="hidden" name="intent" value="column_archive" />
          <input type="hidden" name="columnId" value={column.id} />
          {column.taskCount > 0 ? (
            <div className="field">
              <label htmlFor={`${id}-to`}>
                {t("boards:settings.move_cards_to")}
              </label>
              <select
                id={`${id}-to`}
                name="moveTasksTo"
                className="select"
                required
              >
                {columns
                  .filter((c) => c.id !== column.id)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
              </select>
              <FieldError errors={mine?.fieldErrors.moveTasksTo} />
            </div>
          ) : null}
          <FieldError errors={mine?.fieldErrors.columnId} />
          <button type="submit" className="btn btn-sm btn-danger">
            {t("boards:settings.archive")}
          </button>
        </Form>
      </div>
    </details>
  );
}

/** A new column at the end of the board: the operation lead's. */
export function AddColumn({
  failed,
  count,
}: {
  failed: Failed;
  count: number;
}) {
  const { t } = useTranslation(["boards", "common"]);
  const mine = failed?.intent === "column_create" ? failed : null;
  return (
    <details
      className="board-settings"
      open={mine ? true : undefined}
      key={count}
    >
      <summary className="btn btn-sm">
        + {t("boards:settings.add_column")}
      </summary>
      <div className="board-settings-body">
        <Form method="post" className="row wrap add-row">
          <input type="hidden" name="intent" value="column_create" />
          <FormErrors errors={mine?.formErrors} />
          <div className="field">
            <label htmlFor="new-column-name">
              {t("boards:settings.column_name")}
            </label>
            <input
              id="new-column-name"
              name="name"
              className="input"
              required
              maxLength={COLUMN_NAME_MAX}
            />
            <FieldError
              errors={mine?.fieldErrors.name ?? mine?.fieldErrors._form}
            />
          </div>
          <div className="field">
            <label htmlFor="new-column-wip">
              {t("boards:settings.wip_limit")}
            </label>
            <input
              id="new-column-wip"
              name="wipLimit"
              className="input"
              inputMode="numeric"
            />
            <FieldError errors={mine?.fieldErrors.wipLimit} />
          </div>
          <button type="submit" className="btn btn-sm btn-primary">
            {t("boards:settings.add_column")}
          </button>
        </Form>
      </div>
    </details>
  );
}

/** Left and right buttons: the keyboard's way (and the no-JavaScript way) to reorder columns. */
function ColumnOrder({ column, columns, displayName }: { column: ColumnView; columns: { id: string; name: string }[]; displayName: string }) {
  const { t } = useTranslation("boards");
  const index = columns.findIndex((c) => c.id === column.id);
  if (index < 0 || columns.length < 2) return null;
  return (
    <Form method="post" className="row column-order" aria-label={t("boards:settings.column_order", { column: displayName })}>
      <input type="hidden" name="intent" value="column_move" />
      <input type="hidden" name="columnId" value={column.id} />
      <button type="submit" name="position" value={index - 1} className="btn btn-sm" disabled={index === 0} aria-label={t("boards:settings.move_left", { column: displayName })}>
        <span aria-hidden="true">←</span>
      </button>
      <span className="small muted">{t("boards:settings.position_of", { position: index + 1, total: columns.length })}</span>
      <button
        type="submit"
        name="position"
        value={index + 1}
        className="btn btn-sm"
        disabled={index === columns.length - 1}
        aria-label={t("boards:settings.move_right", { column: displayName })}
      >
        <span aria-hidden="true">→</span>
      </button>
    </Form>
  );
}
