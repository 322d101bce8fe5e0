import { useTranslation } from "react-i18next";
import { formatCalendarDate } from "../../utils/format";
import { useRootData } from "../../utils/root-data";

export type ReadOnlyReason = "observer" | "jit_expired" | "closed" | null;

/** Says why the operation cannot be changed, so hidden edit controls are not a mystery. */
export function ReadOnlyBanner({ reason, jitEnd }: { reason: ReadOnlyReason; jitEnd: string | null }) {
  const { t } = useTranslation("operations");
  const { lng } = useRootData();
  if (!reason) return null;
  const text = reason === "jit_expired" ? t("read_only.jit_expired", { date: formatCalendarDate(jitEnd, lng) }) : t(`read_only.${reason}`);
  return (
    <div className="alert alert-warning banner-readonly" role="status">
      {text}
    </div>
  );
}
