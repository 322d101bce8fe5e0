import { describe, expect, it } from "vitest";
import { matchMembers, mentionQueryAt } from "../../app/components/board/mention-textarea";

const members = [
  { id: "1", name: "Ana Foreign", country: "RS" },
  { id: "2", name: "Đorđe Petrović", country: "RS" },
  { id: "3", name: "Max Member", country: "AT" },
  { id: "4", name: "Ελένη Παπαδοπούλου", country: "GR" },
];

describe("@mention autocomplete", () => {
  it.each([
    ["@", 0, ""],
    ["Please @an", 7, "an"],
    ["ask @Max Me", 4, "Max Me"],
    ["line one\n@đo", 9, "đo"],
  ])("finds the query being typed in %j", (text, start, query) => {
    expect(mentionQueryAt(text, text.length)).toEqual({ start, query });
  });

  it.each(["mail@example", "no mention", "@Max Member and more", "@Max Member "])("offers nothing in %j", (text) => {
    expect(mentionQueryAt(text, text.length)).toBeNull();
  });

  it("matches the start of any word of a name, ignoring case and accents", () => {
    expect(matchMembers(members, "").map((m) => m.id)).toEqual(["1", "2", "3", "4"]);
    expect(matchMembers(members, "dor").map((m) => m.id)).toEqual(["2"]);
    expect(matchMembers(members, "PETRO").map((m) => m.id)).toEqual(["2"]);
    expect(matchMembers(members, "ελενη").map((m) => m.id)).toEqual(["4"]);
    expect(matchMembers(members, "max me").map((m) => m.id)).toEqual(["3"]);
    expect(matchMembers(members, "zz")).toEqual([]);
  });
});
