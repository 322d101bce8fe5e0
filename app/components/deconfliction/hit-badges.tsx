import { useTranslation } from "react-i18next";
import type { HitStatus } from "../../domain/deconfliction/vocabulary";
import { Badge } from "../ui/misc";
import { useScoreFormat } from "./reasons";

const STATUS_TONE: Record<HitStatus, "red" | "amber" | "blue" | "green"> = { new: "red", acknowledged: "amber", in_contact: "blue", resolved: "green" };

export function HitStatusBadge({ status }: { status: HitStatus }) {
  const { t } = useTranslation("deconfliction");
  return <Badge tone={STATUS_TONE[status]}>{t(`statuses.${status}`)}</Badge>;
}

export function EscalatedBadge({ title }: { title?: string }) {
  const { t } = useTranslation("deconfliction");
  return (
    <Badge tone="red" title={title}>
      <span aria-hidden="true">▲</span> {t("hits.escalated")}
    </Badge>
  );
}

/** The score as a number and a bar: 1.00 is the same identifier. */
export function ScoreMeter({ score }: { score: number }) {
  const format = useScoreFormat();
  const pct = Math.max(0, Math.min(100, Math.round(score * 100)));
  const tone = score >= 0.95 ? "high" : score >= 0.85 ? "mid" : "low";
  return (
    <span className={`dc-score dc-score-${tone}`}>
      <span className="dc-score-value">{format(score)}</span>
      <span className="dc-score-bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
    </span>
  );
}

/** "3 hours", "2 days": how long a hit has waited, in whole units. */
export function useAge() {
  const { t } = useTranslation("deconfliction");
  return (fromIso: string, now: number) => {
    const minutes = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60_000));
    if (minutes < 60) return t("hits.age_minutes", { count: minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return t("hits.age_hours", { count: hours });
    return t("hits.age_days", { count: Math.floor(hours / 24) });
  };
}
