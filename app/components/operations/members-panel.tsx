import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { addMemberSchema, type MemberIntent } from "../../domain/operations/schemas";
import { MEMBER_ROLES, type MemberRole, type OfficeRole } from "../../domain/vocabulary";
import { formatDateTime } from "../../utils/format";
import { useRootData } from "../../utils/root-data";
import { Field, FormErrors } from "../ui/field";
import { Badge, CountryCode, EmptyState } from "../ui/misc";

export interface MemberItem {
  userId: string;
  name: string;
  email: string;
  officeRole: OfficeRole;
  agencyName: string;
  agencyCountry: string;
  role: MemberRole;
  addedAt: string;
  disabled: boolean;
}

export interface CandidateGroupItem {
  agency: { id: string; name: string; country: string };
  users: { id: string; name: string; officeRole: OfficeRole }[];
}

export interface MemberActionData {
  intent: MemberIntent;
  userId: string | null;
  result: SubmissionResult<string[]>;
  done?: boolean;
}

const ROLE_TONE = { lead: "blue", member: "grey", observer: "amber" } as const;

/**
 * The members of an operation, with the lead's (or administrator's) controls:
 * each control is its own small POST form, so it works without JavaScript.
 */
export function MembersPanel({
  members,
  candidates,
  canManage,
  actionData,
}: {
  members: MemberItem[];
  candidates: CandidateGroupItem[];
  canManage: boolean;
  actionData: MemberActionData | undefined;
}) {
  const { t } = useTranslation(["operations", "common"]);
  const { lng, timeZone } = useRootData();
  const navigation = useNavigation();
  const busyFor = (intent: string, userId?: string) =>
    navigation.state === "submitting" && navigation.formData?.get("intent") === intent && (!userId || navigation.formData?.get("userId") === userId);
  // Errors of the row forms, and of any form the reader may no longer use, show above the table.
  const rowError = actionData && (actionData.intent !== "add" || !canManage) ? actionData.result.error : undefined;
  const rowErrorName = rowError ? members.find((m) => m.userId === actionData?.userId)?.name : undefined;
  const rowMessages = rowError ? Object.values(rowError).flat().filter((m): m is string => typeof m === "string") : [];

  return (
    <div className="stack">
      {canManage ? <AddMemberForm candidates={candidates} lastResult={actionData?.intent === "add" ? actionData.result : undefined} added={actionData?.intent === "add" && actionData.done === true} /> : null}
      {rowMessages.length ? (
        <div>
          {rowErrorName ? <p className="small muted" style={{ margin: "0 0 0.35rem" }}>{rowErrorName}</p> : null}
          <FormErrors errors={[...new Set(rowMessages)]} />
        </div>
      ) : null}
      <section aria-labelledby="members-title">
        <div className="card-title">
          <h2 id="members-title">{t("operations:members.title")}</h2>
          <span className="muted small">{t("operations:members_count", { count: members.length })}</span>
        </div>
        {members.length === 0 ? (
          <div className="card">
            <EmptyState title={t("operations:members.empty")} />
          </div>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="sr-only">{t("operations:members.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("operations:members.name")}</th>
                  <th scope="col">{t("operations:members.agency")}</th>
                  <th scope="col">{t("operations:members.office_role")}</th>
                  <th scope="col">{t("operations:members.member_role")}</th>
                  <th scope="col">{t("operations:members.added_at")}</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="sr-only">{t("operations:members.actions")}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.userId}>
                    <td>
                      <strong>{m.name}</strong>
                      {m.disabled ? (
                        <>
                          {" "}
                          <Badge tone="red">{t("operations:members.disabled")}</Badge>
                        </>
                      ) : null}
                      <div className="small muted">{m.email}</div>
                    </td>
                    <td>
                      <span className="op-agency-cell">
                        <CountryCode code={m.agencyCountry} /> <span>{m.agencyName}</span>
                      </span>
                    </td>
                    <td>{t(`common:roles.${m.officeRole}`)}</td>
                    <td>
                      {canManage ? (
                        <Form method="post" className="op-inline-form">
                          <input type="hidden" name="intent" value="change_role" />
                          <input type="hidden" name="userId" value={m.userId} />
                          <label className="sr-only" htmlFor={`role-${m.userId}`}>
                            {t("operations:members.role_of", { name: m.name })}
                          </label>
                          <select id={`role-${m.userId}`} name="role" className="select" defaultValue={m.role} key={`${m.userId}-${m.role}`}>
                            {MEMBER_ROLES.map((r) => (
                              <option key={r} value={r}>
                                {t(`operations:member_role.${r}`)}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className="btn btn-sm" disabled={busyFor("change_role", m.userId)}>
                            {t("operations:members.change_role")}
                          </button>
                        </Form>
                      ) : (
                        <Badge tone={ROLE_TONE[m.role]}>{t(`operations:member_role.${m.role}`)}</Badge>
                      )}
                    </td>
                    <td className="small op-nowrap">{formatDateTime(m.addedAt, lng, timeZone)}</td>
                    {canManage ? (
                      <td>
                        <Form
                          method="post"
                          onSubmit={(e) => {
                            if (!window.confirm(t("operations:members.remove_confirm", { name: m.name }))) e.preventDefault();
                          }}
                        >
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="userId" value={m.userId} />
                          <button type="submit" className="btn btn-sm btn-danger" disabled={busyFor("remove", m.userId)} aria-label={t("operations:members.remove_named", { name: m.name })}>
                            {t("common:actions.remove")}
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function AddMemberForm({ candidates, lastResult, added }: { candidates: CandidateGroupItem[]; lastResult: SubmissionResult<string[]> | undefined; added: boolean }) {
  const { t } = useTranslation(["operations", "common"]);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { role: "member" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addMemberSchema }),
    shouldValidate: "onSubmit",
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "add";
  const nobody = candidates.every((g) => g.users.length === 0);
  return (
    <section className="card" aria-labelledby="add-member-title">
      <h2 id="add-member-title">{t("operations:members.add_title")}</h2>
      {nobody ? (
        <p className="muted">{t("operations:members.no_candidates")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="form form-wide">
          <FormErrors errors={form.errors} />
          {added ? (
            <div className="alert alert-success" role="status">
              {t("operations:members.added")}
            </div>
          ) : null}
          <input type="hidden" name="intent" value="add" />
          <div className="op-add-member">
            <Field label={t("operations:members.person")} htmlFor={fields.userId.id} errors={fields.userId.errors} errorId={fields.userId.errorId}>
              <select className="select" {...getSelectProps(fields.userId)}>
                <option value="">{t("operations:members.choose_person")}</option>
                {candidates.map((g) => (
                  <optgroup key={g.agency.id} label={`${g.agency.name} (${g.agency.country})`}>
                    {g.users.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name} — {t(`common:roles.${u.officeRole}`)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </Field>
            <Field label={t("operations:members.member_role")} htmlFor={fields.role.id} errors={fields.role.errors} errorId={fields.role.errorId}>
              <select className="select" {...getSelectProps(fields.role)}>
                {MEMBER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`operations:member_role.${r}`)}
                  </option>
                ))}
              </select>
            </Field>
            <div className="op-add-member-submit">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t("operations:members.add")}
              </button>
            </div>
          </div>
          <p className="hint small muted">{t("operations:members.roles_hint")}</p>
        </Form>
      )}
    </section>
  );
}
