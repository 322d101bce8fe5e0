import { describe, expect, it } from "vitest";
import { evenRanks, MAX_RANK, MIN_GAP, RANK_STEP, rankAt } from "../../app/domain/boards/rank";
import { isRealIsoDateTime } from "../../app/domain/boards/schemas";

describe("rankAt", () => {
  it.each([
    { ranks: [], index: 0, want: RANK_STEP, why: "empty column" },
    { ranks: [1024, 2048], index: 2, want: 2048 + RANK_STEP, why: "append" },
    { ranks: [1024, 2048], index: 9, want: 2048 + RANK_STEP, why: "index past the end is the end" },
    { ranks: [1024, 2048], index: 0, want: 512, why: "first slot bisects (0, first)" },
    { ranks: [1024, 2048], index: 1, want: 1536, why: "between neighbours" },
    { ranks: [1, 1 + MIN_GAP], index: 1, want: null, why: "gap too small" },
    { ranks: [MIN_GAP], index: 0, want: null, why: "no room before a tiny first rank" },
    { ranks: [MAX_RANK], index: 1, want: null, why: "appending past the ceiling" },
  ])("$why", ({ ranks, index, want }) => {
    expect(rankAt(ranks, index)).toBe(want);
  });

  it("keeps producing strictly ordered ranks when one gap is split repeatedly, until it asks to renumber", () => {
    let ranks = evenRanks(2);
    let splits = 0;
    for (;;) {
      const r = rankAt(ranks, 1);
      if (r === null) break;
      expect(r).toBeGreaterThan(ranks[0]!);
      expect(r).toBeLessThan(ranks[1]!);
      ranks = [ranks[0]!, r];
      splits++;
    }
    expect(splits).toBeGreaterThan(15);
  });

  it("evenRanks spaces cards by the step", () => {
    expect(evenRanks(3)).toEqual([RANK_STEP, 2 * RANK_STEP, 3 * RANK_STEP]);
  });
});

describe("isRealIsoDateTime", () => {
  it.each([
    ["2025-05-01T10:00:00Z", true],
    ["2025-05-01T10:00Z", true],
    ["2025-05-01T10:00:00.123+02:00", true],
    ["2024-02-29T00:00:00Z", true],
    ["2025-02-29T00:00:00Z", false],
    ["2025-02-30T10:00:00Z", false],
    ["2025-13-01T10:00:00Z", false],
    ["2025-05-01T24:00:00Z", false],
    ["2025-05-01T10:00:00", false],
    ["2025-05-01", false],
    ["tomorrow", false],
    ["2025-05-01T10:00:00+15:00", false],
  ])("%s -> %s", (value, ok) => {
    expect(isRealIsoDateTime(value)).toBe(ok);
  });
});
