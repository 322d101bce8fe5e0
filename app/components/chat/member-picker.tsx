import { useTranslation } from "react-i18next";
import { FieldError } from "../ui/field";
import { CountryCode } from "../ui/misc";
import { ChatAvatar } from "./presence-dot";

export interface PickableMember {
  userId: string;
  name: string;
  agencyName: string;
  agencyCountry: string;
  role: string;
  disabled: boolean;
}

/** The operation's members as checkboxes; `locked` (the lead themself) is always in and cannot be removed. */
export function MemberPicker({ members, checked, locked, errors, legendHidden }: { members: PickableMember[]; checked: string[]; locked: string | null; errors?: string[]; legendHidden?: boolean }) {
  const { t } = useTranslation(["chat", "operations"]);
  return (
    <fieldset className="chat-people" aria-describedby={errors?.length ? "mp-err" : undefined}>
      <legend className={legendHidden ? "sr-only" : undefined}>{t("chat:channel_form.members")}</legend>
      <p className="small muted">{t("chat:channel_form.members_hint")}</p>
      <ul className="chat-people-list">
        {members
          .filter((m) => !m.disabled)
          .map((m) => (
            <li key={m.userId}>
              <label className="chat-person">
                <input type="checkbox" name="memberIds" value={m.userId} defaultChecked={checked.includes(m.userId) || m.userId === locked} disabled={m.userId === locked} />
                <ChatAvatar user={{ id: m.userId, name: m.name }} size={28} />
                <span className="chat-person-name">
                  <strong>{m.name}</strong>
                  <span className="small muted">{m.agencyName}</span>
                </span>
                <CountryCode code={m.agencyCountry} />
                <span className="badge badge-grey">{t(`operations:member_role.${m.role}`)}</span>
              </label>
              {m.userId === locked ? <input type="hidden" name="memberIds" value={m.userId} /> : null}
            </li>
          ))}
      </ul>
      <FieldError id="mp-err" errors={errors} />
    </fieldset>
  );
}
