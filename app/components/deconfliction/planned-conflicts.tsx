import { useTranslation } from "react-i18next";
import type { ActionConflictView } from "../../domain/deconfliction/list-planned-actions";
import { formatDateTime } from "../../utils/format";
import { Badge, CountryCode, EmptyState } from "../ui/misc";
import { formatMetres } from "./map-sketch";

const STATUS_TONE = { new: "red", acknowledged: "amber", in_contact: "blue", resolved: "green" } as const;

/** Whom to call and why, for each conflict of one of our actions; nothing of the other case. */
export function PlannedConflicts({ conflicts, lng, timeZone }: { conflicts: ActionConflictView[]; lng: string; timeZone: string }) {
  const { t } = useTranslation("planning");
  if (conflicts.length === 0)
    return (
      <EmptyState title={t("conflicts.none_title")}>
        <p>{t("conflicts.none_body")}</p>
      </EmptyState>
    );
  return (
    <ol className="plan-conflicts">
      {conflicts.map((c, i) => (
        <li key={c.hitId} className={c.stillConflicts ? "plan-conflict" : "plan-conflict plan-conflict-past"} data-testid="plan-conflict">
          <div className="plan-conflict-head">
            <span className="plan-conflict-no" aria-hidden="true">
              {i + 1}
            </span>
            <strong>{t("conflicts.with_kind", { kind: t(`kinds.${c.actionKinds[1]}`) })}</strong>
            <Badge tone={STATUS_TONE[c.status]}>{t(`hit_status.${c.status}`)}</Badge>
            {!c.stillConflicts ? <Badge tone="grey">{c.otherCancelled ? t("conflicts.other_cancelled") : t("conflicts.no_longer")}</Badge> : null}
          </div>
          <dl className="plan-facts">
            <dt>{t("conflicts.distance")}</dt>
            <dd>
              {t("conflicts.distance_value", { distance: formatMetres(c.distanceM, lng) })}{" "}
              {c.stillConflicts ? <span className="muted small">{c.placesOverlap ? t("conflicts.places_overlap") : t("conflicts.places_buffer")}</span> : null}
            </dd>
            <dt>{t("conflicts.time")}</dt>
            <dd>
              {c.overlap
                ? t("conflicts.overlap_value", { from: formatDateTime(c.overlap.startsAt, lng, timeZone), to: formatDateTime(c.overlap.endsAt, lng, timeZone) })
                : t("conflicts.gap_value", { count: c.gapMinutes })}
            </dd>
            <dt>{t("conflicts.contact")}</dt>
            <dd className="plan-contact">
              <span>
                <strong>{c.contact.name}</strong> · {c.contact.agency} <CountryCode code={c.contact.country} />
              </span>
              <span>
                <a href={`mailto:${c.contact.email}`}>{c.contact.email}</a>
                {c.contact.phone ? (
                  <>
                    {" · "}
                    <a href={`tel:${c.contact.phone.replace(/\s+/g, "")}`}>{c.contact.phone}</a>
                  </>
                ) : null}
              </span>
            </dd>
            <dt>{t("conflicts.found")}</dt>
            <dd>{formatDateTime(c.createdAt, lng, timeZone)}</dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}

/** The answer of "check without registering": reasons and whom to call. */
export function CheckAnswer({ conflicts, lng, timeZone }: { conflicts: { reasons: { code: string }[]; registeredAt: string; contact: ActionConflictView["contact"] }[]; lng: string; timeZone: string }) {
  const { t } = useTranslation("planning");
  if (conflicts.length === 0)
    return (
      <div className="alert alert-success" role="status">
        {t("check.clear")}
      </div>
    );
  return (
    <div className="alert alert-warning" role="status">
      <p>
        <strong>{t("check.found", { count: conflicts.length })}</strong> {t("check.not_stored")}
      </p>
      <ul className="plan-check-list">
        {conflicts.map((c, i) => (
          <li key={i}>
            <strong>{c.contact.name}</strong> · {c.contact.agency} <CountryCode code={c.contact.country} /> · <a href={`mailto:${c.contact.email}`}>{c.contact.email}</a>
            {c.contact.phone ? ` · ${c.contact.phone}` : ""}
            <div className="small">
              {c.reasons.map((r) => t(`reasons.${r.code}`)).join(" · ")} · {t("check.registered_at", { at: formatDateTime(c.registeredAt, lng, timeZone) })}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
