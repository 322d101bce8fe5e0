import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { INTL_LOCALE } from "../../i18n/config";
import { useRootData } from "../../utils/root-data";

/** "Newer" / "Older" links over an id cursor, keeping the filters in the URL. */
export function AuditPager({ newer, older, total }: { newer: number | null; older: number | null; total: { count: number; capped: boolean } }) {
  const { t } = useTranslation("audit");
  const { lng } = useRootData();
  const [params] = useSearchParams();
  const link = (key: "before" | "after", id: number) => {
    const next = new URLSearchParams(params);
    next.delete("before");
    next.delete("after");
    next.set(key, String(id));
    return `?${next.toString()}`;
  };
  const count = new Intl.NumberFormat(INTL_LOCALE[lng]).format(total.count);
  return (
    <nav className="pagination" aria-label={t("audit:pager.label")}>
      <span>{total.capped ? t("audit:pager.count_capped", { n: count }) : t("audit:pager.count", { n: count })}</span>
      <span className="row">
        {newer !== null ? (
          <Link className="btn btn-sm" to={link("after", newer)} rel="prev">
            ← {t("audit:pager.newer")}
          </Link>
        ) : (
          <span className="btn btn-sm" aria-disabled="true">
            ← {t("audit:pager.newer")}
          </span>
        )}
        {older !== null ? (
          <Link className="btn btn-sm" to={link("before", older)} rel="next">
            {t("audit:pager.older")} →
          </Link>
        ) : (
          <span className="btn btn-sm" aria-disabled="true">
            {t("audit:pager.older")} →
          </span>
        )}
      </span>
    </nav>
  );
}
