import { Link, NavLink, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function PageHeader({ title, description, actions, breadcrumb }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; breadcrumb?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        {breadcrumb ? <div className="breadcrumb">{breadcrumb}</div> : null}
        <h1>{title}</h1>
        {description ? <p>{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}

export function Badge({ tone = "grey", children, title }: { tone?: "grey" | "blue" | "green" | "amber" | "red"; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

export function CountryCode({ code }: { code: string }) {
  return (
    <span className="country" title={code}>
      {code}
    </span>
  );
}

export function Tabs({ items }: { items: { to: string; label: ReactNode; end?: boolean }[] }) {
  return (
    <nav className="tabs" aria-label="Tabs">
      {items.map((i) => (
        <NavLink key={i.to} to={i.to} end={i.end} prefetch="intent" className={({ isActive }) => (isActive ? "active" : undefined)}>
          {i.label}
        </NavLink>
      ))}
    </nav>
  );
}

export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="empty">
      <strong>{title}</strong>
      {children}
    </div>
  );
}

/** Previous / next links that keep the other search parameters (filters live in the URL). */
export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useTranslation("common");
  const [params] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next.toString()}`;
  };
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <div className="pagination">
      <span>{t("pagination.showing", { from, to, total })}</span>
      <span className="row">
        {page > 1 ? (
          <Link className="btn btn-sm" to={link(page - 1)} rel="prev">
            {t("pagination.previous")}
          </Link>
        ) : (
          <span className="btn btn-sm" aria-disabled="true">
            {t("pagination.previous")}
          </span>
        )}
        <span>{t("pagination.page", { page, pages })}</span>
        {page < pages ? (
          <Link className="btn btn-sm" to={link(page + 1)} rel="next">
            {t("pagination.next")}
          </Link>
        ) : (
          <span className="btn btn-sm" aria-disabled="true">
            {t("pagination.next")}
          </span>
        )}
      </span>
    </div>
  );
}

/** A filter form's buttons: apply, and (while any filter is set) clear back to `clearTo`. */
export function FilterActions({ clearTo, filtered, primary = false }: { clearTo: string; filtered: boolean; primary?: boolean }) {
  const { t } = useTranslation("common");
  return (
    <div className="form-actions">
      <button type="submit" className={primary ? "btn btn-primary" : "btn"}>
        {t("common:actions.filter")}
      </button>
      {filtered ? (
        <Link to={clearTo} className="btn">
          {t("common:actions.clear")}
        </Link>
      ) : null}
    </div>
  );
}
