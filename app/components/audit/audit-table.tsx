import { useTranslation } from "react-i18next";
import type { AuditRowView } from "../../domain/audit/query-audit";
import { INTL_LOCALE, isLanguage } from "../../i18n/config";
import { useRootData } from "../../utils/root-data";
import { Badge } from "../ui/misc";

const OUTCOME_TONE = { success: "green", failure: "amber", denied: "red" } as const;

/** An action's translated label; an action added after the translations falls back to its name. */
export function useAuditActionLabel() {
  const { t } = useTranslation("audit");
  return (action: string) => t(`audit:actions.${action}`, { defaultValue: action }) as string;
}

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation("audit");
  return <Badge tone={OUTCOME_TONE[outcome as keyof typeof OUTCOME_TONE] ?? "grey"}>{t(`audit:outcomes.${outcome}`, { defaultValue: outcome })}</Badge>;
}

// Audit times need seconds, which the app-wide formatDateTime leaves out.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatAuditTime(iso: string, lng: string, timeZone: string): string {
  const key = `${lng}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const locale = isLanguage(lng) ? INTL_LOCALE[lng] : "en-GB";
    try {
      f = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone });
    } catch {
      f = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
    }
    formatters.set(key, f);
  }
  return f.format(new Date(iso));
}

const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

type SerializedRow = Omit<AuditRowView, "details"> & { details: unknown };

/** The log's rows, newest first: the same table on the office log and an operation's tab. */
export function AuditTable({ rows, showOperation = true, caption }: { rows: SerializedRow[]; showOperation?: boolean; caption: string }) {
  const { t } = useTranslation(["audit", "common"]);
  const { lng, timeZone } = useRootData();
  const actionLabel = useAuditActionLabel();
  return (
    <div className="table-wrap">
      <table className="table audit-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit:table.time")}</th>
            <th scope="col">{t("audit:table.actor")}</th>
            <th scope="col">{t("audit:table.action")}</th>
            <th scope="col">{t("audit:table.target")}</th>
            {showOperation ? <th scope="col">{t("audit:table.operation")}</th> : null}
            <th scope="col">{t("audit:table.outcome")}</th>
            <th scope="col">{t("audit:table.ip")}</th>
            <th scope="col">{t("audit:table.details")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} id={`audit-${r.id}`}>
              <td className="audit-time">
                <time dateTime={r.at} title={r.at}>
                  {formatAuditTime(r.at, lng, timeZone)}
                </time>
              </td>
              <td className="audit-actor">
                <ActorLabel label={r.actorLabel} />
              </td>
              <td>
                <span title={r.action}>{actionLabel(r.action)}</span>
              </td>
              <td className="audit-target">
                {r.targetType ? (
                  <>
                    <span>{t(`audit:target_types.${r.targetType}`, { defaultValue: r.targetType })}</span>{" "}
                    {r.targetId ? (
                      <code className="audit-id" title={r.targetId}>
                        {shortId(r.targetId)}
                      </code>
                    ) : null}
                  </>
                ) : (
                  <span className="muted">{t("common:none")}</span>
                )}
              </td>
              {showOperation ? (
                <td>
                  {r.operation ? (
                    r.operation.codeName ? (
                      <strong className="audit-op">{r.operation.codeName}</strong>
                    ) : (
                      <code className="audit-id" title={t("audit:table.opaque_title")}>
                        {r.operation.ref}
                      </code>
                    )
                  ) : (
                    <span className="muted">{t("common:none")}</span>
                  )}
                </td>
              ) : null}
              <td>
                <OutcomeBadge outcome={r.outcome} />
              </td>
              <td className="audit-ip">{r.ip ? <code>{r.ip}</code> : <span className="muted">{t("common:none")}</span>}</td>
              <td className="audit-details">
                <AuditDetails details={r.details} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Name <e-mail>" as the name with the address beneath it; system actors ("cli", "anonymous") as they are. */
function ActorLabel({ label }: { label: string }) {
  const m = /^(.*) <([^<>]+)>$/.exec(label);
  if (!m) return <span>{label}</span>;
  return (
    <>
      <span className="audit-actor-name">{m[1]}</span>
      <span className="audit-actor-email">{m[2]}</span>
    </>
  );
}

function AuditDetails({ details }: { details: unknown }) {
  const { t } = useTranslation(["audit", "common"]);
  if (details === null) {
    return (
      <span className="muted small" title={t("audit:table.withheld_title")}>
        {t("audit:table.withheld")}
      </span>
    );
  }
  if (!details || (typeof details === "object" && Object.keys(details).length === 0)) return <span className="muted">{t("common:none")}</span>;
  return (
    <details>
      <summary>{t("audit:table.show_details")}</summary>
      <pre>{JSON.stringify(details, null, 2)}</pre>
    </details>
  );
}
