// The demo office: seeded on the first start of an empty database (never into one with users).
import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { agencies, operationAgencies, operationMembers, operations, rolePolicies, users } from "../../db/schema/index";
import { hashPassword } from "../domain/auth/passwords";
import { recordAudit } from "../domain/audit/record-audit";
import { systemActor, withTransaction, type ServiceDeps } from "../domain/context";
import { OFFICE_ROLES, type AgencyKind, type MemberRole, type OfficeRole, type UiLanguage } from "../domain/vocabulary";

export const DEMO_PASSWORD = "Concordia-Demo-2026";

export interface SeedReport {
  seeded: boolean;
  accounts: { email: string; name: string; role: OfficeRole; agency: string }[];
}

const AGENCIES: { key: string; name: string; country: string; kind: AgencyKind }[] = [
  { key: "at", name: "Bundeskriminalamt", country: "AT", kind: "police" },
  { key: "hu", name: "Rendőrség – National Bureau of Investigation", country: "HU", kind: "police" },
  { key: "rs", name: "Border Police Directorate", country: "RS", kind: "border_police" },
  { key: "mk", name: "Public Prosecutor's Office", country: "MK", kind: "prosecution" },
  { key: "al", name: "Albanian State Police", country: "AL", kind: "police" },
  { key: "gr", name: "Hellenic Financial Intelligence Unit", country: "GR", kind: "fiu" },
  { key: "gr_customs", name: "Hellenic Customs", country: "GR", kind: "customs" },
  { key: "europol", name: "Europol", country: "NL", kind: "international_organisation" },
  { key: "ngo", name: "Mary Ward Loreto Foundation", country: "AL", kind: "ngo_partner" },
];

const USERS: { key: string; name: string; email: string; agency: string; role: OfficeRole; locale: UiLanguage; timeZone: string; languages: string[]; phone: string }[] = [
  { key: "admin", name: "Anna Admin", email: "admin@concordia.test", agency: "at", role: "admin", locale: "en", timeZone: "Europe/Vienna", languages: ["de", "en"], phone: "+43 1 24836 0" },
  { key: "lead", name: "Lukas Gruber", email: "lead@concordia.test", agency: "at", role: "office_lead", locale: "de", timeZone: "Europe/Vienna", languages: ["de", "en"], phone: "+43 664 123 4567" },
  { key: "officer_hu", name: "Katalin Szabó", email: "officer.hu@concordia.test", agency: "hu", role: "officer", locale: "en", timeZone: "Europe/Budapest", languages: ["hu", "en", "de"], phone: "+36 30 123 4567" },
  { key: "officer_rs", name: "Marko Petrović", email: "officer.rs@concordia.test", agency: "rs", role: "officer", locale: "sr", timeZone: "Europe/Belgrade", languages: ["sr", "en"], phone: "+381 64 123 4567" },
  { key: "prosecutor_mk", name: "Elena Stojanovska", email: "prosecutor.mk@concordia.test", agency: "mk", role: "officer", locale: "en", timeZone: "Europe/Skopje", languages: ["mk", "en"], phone: "+389 70 123 456" },
  { key: "officer_al", name: "Arben Hoxha", email: "officer.al@concordia.test", agency: "al", role: "officer", locale: "sq", timeZone: "Europe/Tirane", languages: ["sq", "it", "en"], phone: "+355 69 123 4567" },
  { key: "analyst_gr", name: "Eleni Papadopoulou", email: "analyst.gr@concordia.test", agency: "gr", role: "analyst", locale: "el", timeZone: "Europe/Athens", languages: ["el", "en"], phone: "+30 69 1234 5678" },
  { key: "customs_gr", name: "Nikos Georgiou", email: "customs.gr@concordia.test", agency: "gr_customs", role: "officer", locale: "el", timeZone: "Europe/Athens", languages: ["el", "en"], phone: "+30 69 8765 4321" },
  { key: "liaison", name: "Pieter de Vries", email: "liaison@concordia.test", agency: "europol", role: "liaison_officer", locale: "en", timeZone: "Europe/Amsterdam", languages: ["nl", "en", "fr"], phone: "+31 70 302 5000" },
  { key: "ngo", name: "Sara Çapaliku", email: "ngo@concordia.test", agency: "ngo", role: "ngo_partner", locale: "sq", timeZone: "Europe/Tirane", languages: ["sq", "en"], phone: "+355 44 500 388" },
];

const OPERATIONS: {
  codeName: string;
  summary: string;
  crimeAreas: string[];
  lead: string;
  agencies: string[];
  jit: [string, string, string];
  status: string;
  members: [string, MemberRole][];
}[] = [
  {
    codeName: "BALKAN ROUTE",
    summary:
      "Smuggling network moving migrants from the Greek border through North Macedonia and Serbia to Hungary and Austria; drivers recruited online, payments through hawala.",
    crimeAreas: ["migrant_smuggling", "money_laundering", "document_fraud"],
    lead: "at",
    agencies: ["at", "hu", "rs", "mk", "gr", "europol"],
    jit: ["JIT-2026-014 (AT-HU-RS-MK)", "2026-02-01", "2027-01-31"],
    status: "active",
    members: [
      ["lead", "lead"],
      ["officer_hu", "member"],
      ["officer_rs", "member"],
      ["prosecutor_mk", "member"],
      ["analyst_gr", "member"],
      ["liaison", "observer"],
    ],
  },
  {
    codeName: "SILENT HARBOUR",
    summary: "Trafficking of young women from Albania for sexual exploitation in Greece; recruitment through false job offers; victims referred by NGO partners.",
    crimeAreas: ["trafficking_in_human_beings"],
    lead: "al",
    agencies: ["al", "gr", "gr_customs", "ngo"],
    jit: ["JIT-2025-031 (AL-GR)", "2025-09-01", "2026-12-31"],
    status: "active",
    members: [
      ["officer_al", "lead"],
      ["analyst_gr", "member"],
      ["customs_gr", "member"],
      ["ngo", "observer"],
    ],
  },
];

/** Seeds the demo office if, and only if, the database has no users yet. */
export async function seedDemoIfEmpty(deps: ServiceDeps): Promise<SeedReport> {
  const [{ n }] = (await deps.db.select({ n: count() }).from(users)) as [{ n: number }];
  if (Number(n) > 0) return { seeded: false, accounts: [] };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = deps.now();
  const actor = systemActor("demo seed");
  const report: SeedReport = { seeded: true, accounts: [] };

  await withTransaction(deps, async (tx) => {
    const agencyIds = new Map<string, string>();
    for (const a of AGENCIES) {
      const [row] = await tx.insert(agencies).values({ name: a.name, country: a.country, kind: a.kind }).returning({ id: agencies.id });
      agencyIds.set(a.key, row!.id);
      await recordAudit(tx, actor, now, { action: "agency.created", targetType: "agency", targetId: row!.id, details: { name: a.name, country: a.country } });
    }
    const userIds = new Map<string, string>();
    for (const u of USERS) {
      const id = randomUUID();
      userIds.set(u.key, id);
      await tx.insert(users).values({
        id,
        email: u.email,
        name: u.name,
        agencyId: agencyIds.get(u.agency)!,
        officeRole: u.role,
        locale: u.locale,
        timeZone: u.timeZone,
        languages: u.languages,
        phone: u.phone,
        passwordHash,
      });
      await recordAudit(tx, actor, now, { action: "user.created", targetType: "user", targetId: id, details: { email: u.email, role: u.role } });
      report.accounts.push({ email: u.email, name: u.name, role: u.role, agency: AGENCIES.find((a) => a.key === u.agency)!.name });
    }
    await tx.insert(rolePolicies).values(OFFICE_ROLES.map((role) => ({ role, requireTotp: false }))).onConflictDoNothing();
    for (const o of OPERATIONS) {
      const [op] = await tx
        .insert(operations)
        .values({
          codeName: o.codeName,
          summary: o.summary,
          crimeAreas: o.crimeAreas,
          leadAgencyId: agencyIds.get(o.lead)!,
          jitReference: o.jit[0],
          jitStart: o.jit[1],
          jitEnd: o.jit[2],
          status: o.status,
          createdBy: userIds.get("admin"),
        })
        .returning({ id: operations.id });
      await tx.insert(operationAgencies).values(o.agencies.map((k) => ({ operationId: op!.id, agencyId: agencyIds.get(k)! })));
      await recordAudit(tx, actor, now, { action: "operation.created", targetType: "operation", targetId: op!.id, operationId: op!.id, details: { codeName: o.codeName } });
      for (const [userKey, role] of o.members) {
        await tx.insert(operationMembers).values({ operationId: op!.id, userId: userIds.get(userKey)!, role, addedBy: userIds.get("admin") });
        await recordAudit(tx, actor, now, {
          action: "operation.member_added",
          targetType: "user",
          targetId: userIds.get(userKey)!,
          operationId: op!.id,
          details: { role },
        });
      }
    }
  });
  return report;
}
