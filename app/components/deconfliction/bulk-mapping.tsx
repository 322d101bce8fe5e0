import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BULK_KINDS, type BulkKind } from "../../domain/deconfliction/bulk/kinds";
import { FieldError, FormErrors } from "../ui/field";

interface Preview {
  sample: string[][];
  records: number;
  columnCount: number;
  headerGuess: boolean;
  delimiter: string;
  guesses: (BulkKind | "ignore")[];
  operations: { id: string; codeName: string; country: string }[];
  agencyCountry: string | null;
}

const DELIMITER_NAME: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** For each column: ignore it or say what it holds; the first rows show what the columns are. */
export function BulkMappingForm({ preview, fieldErrors, formErrors, busy }: { preview: Preview; fieldErrors: Record<string, string[]>; formErrors: string[]; busy: boolean }) {
  const { t } = useTranslation(["bulk", "common"]);
  const [hasHeader, setHasHeader] = useState(preview.headerGuess);
  const columns = Array.from({ length: preview.columnCount }, (_, i) => i);
  const header = hasHeader ? preview.sample[0] : null;
  const body = (hasHeader ? preview.sample.slice(1) : preview.sample).slice(0, 5);
  const dataRows = preview.records - (hasHeader ? 1 : 0);
  const nf = new Intl.NumberFormat();
  return (
    <section className="card" aria-labelledby="bulk-map-title">
      <h2 id="bulk-map-title">{t("bulk:mapping.title")}</h2>
      <p className="muted">
        {t("bulk:mapping.read", { rows: nf.format(dataRows), columns: preview.columnCount, delimiter: t(`bulk:delimiters.${DELIMITER_NAME[preview.delimiter] ?? "comma"}`) })}
      </p>
      <Form method="post" className="form form-wide">
        <FormErrors errors={formErrors} />
        <label className="bulk-check-label">
          <input type="checkbox" name="hasHeader" value="1" checked={hasHeader} onChange={(e) => setHasHeader(e.target.checked)} /> {t("bulk:mapping.has_header")}
        </label>
        <FieldError errors={fieldErrors.hasHeader} />
        <div className="table-wrap">
          <table className="table bulk-map-table">
            <caption className="sr-only">{t("bulk:mapping.caption")}</caption>
            <thead>
              <tr>
                {columns.map((i) => (
                  <th key={i} scope="col">
                    <label htmlFor={`col_${i}`} className="bulk-col-name">
                      {header?.[i] || t("bulk:mapping.column", { n: i + 1 })}
                    </label>
                    <select id={`col_${i}`} name={`col_${i}`} className="select" defaultValue={preview.guesses[i] ?? "ignore"}>
                      <option value="ignore">{t("bulk:mapping.ignore")}</option>
                      {BULK_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`bulk:kinds.${k}`)}
                        </option>
                      ))}
                    </select>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((r, n) => (
                <tr key={n}>
                  {columns.map((i) => (
                    <td key={i} className="mono">
                      {r[i] ?? ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <FieldError errors={fieldErrors.columns} />
        <div className="bulk-map-options">
          <div className="field">
            <label htmlFor="bulk-operation">{t("bulk:mapping.operation")}</label>
            <select id="bulk-operation" name="operationId" className="select" defaultValue="" aria-describedby="bulk-operation-hint">
              <option value="">{t("bulk:mapping.no_operation")}</option>
              {preview.operations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.codeName} ({o.country})
                </option>
              ))}
            </select>
            <span className="hint" id="bulk-operation-hint">
              {t("bulk:mapping.operation_hint")}
            </span>
            <FieldError errors={fieldErrors.operationId} />
          </div>
          <div className="field">
            <label htmlFor="bulk-country">{t("bulk:mapping.country")}</label>
            <input id="bulk-country" name="defaultCountry" className="input bulk-country" maxLength={2} placeholder={preview.agencyCountry ?? ""} autoComplete="off" aria-describedby="bulk-country-hint" />
            <span className="hint" id="bulk-country-hint">
              {t("bulk:mapping.country_hint", { country: preview.agencyCountry ?? "—" })}
            </span>
            <FieldError errors={fieldErrors.defaultCountry} />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t("bulk:mapping.start", { count: dataRows })}
          </button>
        </div>
        <p className="small muted">{t("bulk:notes.just_checking")}</p>
      </Form>
    </section>
  );
}
